// `netpol-dojo lessons`: its usage and help, and its arguments read into the options of commands/lessons.ts.
import type {CommandIo} from '../commands/io.js';
import {outputFormat, parseCommandArgs, refuseArguments} from './arguments.js';
import {helpOption} from './help-text.js';
import {commandOptions} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const lessonsUsage = 'usage: netpol-dojo lessons [--json]';

/** Its lines in `netpol-dojo --help`. */
export const lessonsOverview = `  netpol-dojo lessons [--json]
      list the lessons, in teaching order
`;

/** What `netpol-dojo lessons -h` prints. */
export const lessonsHelp = `${lessonsUsage}

List the lessons, in teaching order: id, title and topics.

Options:
  --json            the lessons as data, with a summary and page count each
${helpOption}
Exit codes: 0 listed; 2 bad usage.
`;

/** Runs `lessons ARGS...`; returns the exit code. */
export async function runLessonsCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.lessons.options, lessonsUsage);
	if (parsed === 'help') {
		io.stdout(lessonsHelp);
		return 0;
	}

	const {values, positionals} = parsed;
	refuseArguments('lessons', positionals, lessonsUsage);
	const [{runLessons}, {builtInLessonsDirectory}] = await Promise.all([import('../commands/lessons.js'), import('../content/paths.js')]);
	return runLessons({format: outputFormat(values), directory: builtInLessonsDirectory()}, io);
}
