// The built-in challenges as the app lists them, with learner files under a given folder.
import path from 'node:path';
import {loadPack} from '../../source/commands/load-content.js';
import {taskFileText} from '../../source/format/task-file.js';
import {challengeKey} from '../../source/progress/challenge-model.js';
import {workFile} from '../../source/progress/workspace.js';
import type {ChallengeEntry} from '../../source/tui/state/challenge-state.js';

export const root = path.resolve(import.meta.dirname, '../../..');
export const builtInPack = loadPack(path.join(root, 'challenges'));

export function challengeEntries(dataDirectory: string): ChallengeEntry[] {
	const {pack, challenges} = builtInPack;
	return challenges.map(challenge => ({
		key: challengeKey(pack.id, challenge.id),
		name: challenge.id,
		packTitle: pack.title,
		challenge,
		workFile: workFile(dataDirectory, pack.id, challenge.id),
		initialText: taskFileText(challenge),
		examInitialText: taskFileText(challenge, {isExam: true}),
	}));
}

/** A fixture answer's path: test/fixtures/challenge-answers/{right,wrong/<id>}/... */
export function answerFile(...parts: string[]): string {
	return path.join(root, 'test/fixtures/challenge-answers', ...parts);
}
