// `netpol-dojo challenges`: its usage and help, and its arguments read into the options of commands/challenges.ts.
import type {CommandIo} from '../commands/io.js';
import {outputFormat, parseCommandArgs, refuseArguments} from './arguments.js';
import {helpOption} from './help-text.js';
import {commandOptions} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const challengesUsage = 'usage: netpol-dojo challenges [--pack DIR] [--json]';

/** Its lines in `netpol-dojo --help`. */
export const challengesOverview = `  netpol-dojo challenges [--pack DIR] [--json]
      list the challenges of a pack (the built-in one by default)
`;

/** What `netpol-dojo challenges -h` prints. */
export const challengesHelp = `${challengesUsage}

List the challenges of a pack (the built-in one by default): id, difficulty and
title.

Options:
  --pack DIR        a pack of your own instead of the built-in challenges
  --json            the challenges as data, for scripts
${helpOption}
Exit codes: 0 listed; 2 the pack cannot be read, or bad usage.
`;

/** Runs `challenges ARGS...`; returns the exit code. */
export async function runChallengesCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.challenges.options, challengesUsage);
	if (parsed === 'help') {
		io.stdout(challengesHelp);
		return 0;
	}

	const {values, positionals} = parsed;
	refuseArguments('challenges', positionals, challengesUsage);
	const [{runChallenges}, {builtInChallengesDirectory}] = await Promise.all([import('../commands/challenges.js'), import('../content/paths.js')]);
	const packDirectory = typeof values['pack'] === 'string' ? values['pack'] : builtInChallengesDirectory();
	return runChallenges({format: outputFormat(values), packDirectory}, io);
}
