// The challenges as the app and the progress command list them: the packs read, in order, each
// challenge with its progress key and the learner's file. No ink here: the headless progress
// command uses it too.
import {formatProblem, InputError} from '../model/input-error.js';
import {installedPackDirectories} from '../content/installed-packs.js';
import {type LoadedPack} from '../content/pack.js';
import {loadPack} from './load-content.js';
import {builtInChallengesDirectory} from '../content/paths.js';
import {taskFileText} from '../format/task-file.js';
import {challengeKey} from '../progress/challenge-model.js';
import {workFile} from '../progress/workspace.js';
import type {ChallengeEntry} from '../tui/state/challenge-state.js';

/**
The challenges as the app lists them: the `--pack` pack first (already read), then the
built-in pack, then the packs added with `pack add`, each learner file's path with them. A pack
that cannot be read, or a second pack with an id already listed, is left out with a sentence.
*/
export function loadChallengeEntries(directory: string, explicit?: LoadedPack): {entries: ChallengeEntry[]; problems: string[]} {
	const entries: ChallengeEntry[] = [];
	const problems: string[] = [];
	const seen = new Set<string>();
	const sources: Array<LoadedPack | string> = [...(explicit ? [explicit] : []), builtInChallengesDirectory(), ...installedPackDirectories(directory)];
	for (const source of sources) {
		let loaded: LoadedPack;
		try {
			loaded = typeof source === 'string' ? loadPack(source) : source;
		} catch (error) {
			if (!(error instanceof InputError)) {
				throw error;
			}

			problems.push(`Pack left out: ${error.problems.map(problem => formatProblem(problem)).join('; ')}`);
			continue;
		}

		const {pack, challenges} = loaded;
		if (seen.has(pack.id)) {
			problems.push(`Pack ${typeof source === 'string' ? source : pack.id} left out: a pack with id ${pack.id} is already listed`);
			continue;
		}

		seen.add(pack.id);
		const isBuiltIn = typeof source === 'string' && source === builtInChallengesDirectory();
		problems.push(...loaded.problems.map(problem => `Challenge left out: ${formatProblem(problem)}`));
		entries.push(...challenges.map(challenge => ({
			key: challengeKey(pack.id, challenge.id),
			name: isBuiltIn ? challenge.id : challengeKey(pack.id, challenge.id),
			packTitle: pack.title,
			challenge,
			workFile: workFile(directory, pack.id, challenge.id),
			initialText: taskFileText(challenge),
			examInitialText: taskFileText(challenge, {isExam: true}),
		})));
	}

	return {entries, problems};
}
