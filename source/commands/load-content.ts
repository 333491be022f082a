// Packs and lessons as every command reads them: their written flows checked by the evaluator's
// own resolution, handed to the folder that reads files (which never imports the evaluator).
import {type LoadedLessons, readLessons} from '../content/lessons.js';
import {type LoadedPack, readPack} from '../content/pack.js';
import {podFlowProblems} from '../evaluator/index.js';

/** Loads a pack; throws InputError only when the pack itself (its folder or pack.yaml) is unusable. */
export function loadPack(directory: string): LoadedPack {
	return readPack(directory, podFlowProblems);
}

/** Loads every lesson of a lessons folder; throws InputError only when the index itself is unusable. */
export function loadLessons(directory: string): LoadedLessons {
	return readLessons(directory, podFlowProblems);
}
