// `netpol-dojo challenges [--pack DIR] [--json]`: the challenges of a pack.
import {formatProblem} from '../model/input-error.js';
import {loadPack} from './load-content.js';
import {stripControlSequences} from '../model/sanitize.js';
import type {CommandIo} from './io.js';

export type ChallengesOptions = {readonly format: 'text' | 'json'; readonly packDirectory: string};

/** Lists the challenges; one that does not load is reported on stderr and left out. Returns 0. */
export function runChallenges(options: ChallengesOptions, io: CommandIo): number {
	const {pack, challenges, problems} = loadPack(options.packDirectory);
	for (const problem of problems) {
		io.stderr(`Warning: ${stripControlSequences(formatProblem(problem))}\n`);
	}

	if (options.format === 'json') {
		const list = challenges.map(challenge => ({id: challenge.id, title: challenge.title, difficulty: challenge.difficulty, topics: challenge.topics, ...(challenge.minutes === undefined ? {} : {minutes: challenge.minutes})}));
		io.stdout(`${JSON.stringify({pack: pack.id, challenges: list}, undefined, 2)}\n`);
		return 0;
	}

	const idWidth = Math.max(2, ...challenges.map(challenge => challenge.id.length));
	io.stdout(`${pack.title} (${pack.id} ${pack.version})\n`);
	for (const challenge of challenges) {
		io.stdout(`  ${challenge.id.padEnd(idWidth)}  ${challenge.difficulty.padEnd(6)}  ${challenge.title}\n`);
	}

	return 0;
}
