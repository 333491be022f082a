// Where the learner's own files live: one YAML file per challenge in the data directory, and a
// folder per exam. A learner's file is never overwritten: it is created once, and a reset
// keeps the old text beside the new file.
import {constants, copyFileSync, existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {createFileExclusive, writeFileAtomic} from '../content/atomic-file.js';

// A pack id is author text: it becomes one safe path segment, never `..` or a path.
function safeSegment(text: string): string {
	const cleaned = text.replaceAll(/[^\w.-]/g, '_');
	return /^\.*$/.test(cleaned) || cleaned.startsWith('.') ? `_${cleaned}` : cleaned;
}

/** The learner's file for a challenge: `<data>/work/<pack id>/<challenge id>.yaml`. */
export function workFile(dataDirectory: string, packId: string, challengeId: string): string {
	return path.join(dataDirectory, 'work', safeSegment(packId), `${safeSegment(challengeId)}.yaml`);
}

/** An exam task's file: `<exam folder>/<pack id>/<challenge id>.yaml`, from the progress key, so two packs' challenges of one id never share a file. */
export function examTaskFile(examFolder: string, key: string): string {
	const [packId = '', ...rest] = key.split('/');
	return path.join(examFolder, safeSegment(packId), `${safeSegment(rest.join('/'))}.yaml`);
}

/** The folder of one exam's files, named after the time it started. */
export function examDirectory(dataDirectory: string, startedAt: Date): string {
	return path.join(dataDirectory, 'exams', startedAt.toISOString().replaceAll(':', '-'));
}

/** Creates the file with its first text unless it exists; true when it was created. */
export function prepareWorkFile(file: string, text: string): boolean {
	return createFileExclusive(file, text);
}

/**
Starts the file afresh: the current text is first copied to `<file>.before-reset-<time>` (kept,
never deleted; `-2`, `-3`... when that name is taken), then the fresh text replaces the file
atomically. When either step fails the learner's file is still in its place. Returns where the
old text went, or undefined when there was no file.
*/
export function resetWorkFile(file: string, text: string, now = new Date()): string | undefined {
	let kept: string | undefined;
	if (existsSync(file)) {
		kept = keepCopy(file, `${file}.before-reset-${now.toISOString().replaceAll(':', '-')}`);
	}

	writeFileAtomic(file, text);
	return kept;
}

// Copies without replacing: a name already taken (two resets in one millisecond) gets a number.
function keepCopy(file: string, name: string): string {
	for (let number = 1; ; number++) {
		const candidate = number === 1 ? name : `${name}-${number}`;
		try {
			copyFileSync(file, candidate, constants.COPYFILE_EXCL);
			return candidate;
		} catch (error) {
			if ((error as {code?: unknown}).code !== 'EEXIST') {
				throw error;
			}
		}
	}
}

/** The file's text, or undefined when it does not exist. */
export function readWorkFile(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as {code?: unknown}).code === 'ENOENT') {
			return undefined;
		}

		throw error;
	}
}
