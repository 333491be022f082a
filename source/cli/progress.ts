// `netpol-dojo progress`: its usage and help, and its arguments read into the options of
// commands/progress.ts, with the lessons and challenges the progress is shown against.
import type {CommandIo} from '../commands/io.js';
import {stripControlSequences} from '../model/sanitize.js';
import {outputFormat, parseCommandArgs, refuseArguments} from './arguments.js';
import {helpOption} from './help-text.js';
import {commandOptions} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const progressUsage = 'usage: netpol-dojo progress [--json] [--reset]';

/** Its lines in `netpol-dojo --help`. */
export const progressOverview = `  netpol-dojo progress [--json] [--reset]
      show (or reset) what you have read and answered
`;

/** What `netpol-dojo progress -h` prints. */
export const progressHelp = `${progressUsage}

Show what you have read, answered and solved: lessons, challenges, drill and
exams. Progress lives in your data directory (NETPOL_DOJO_HOME sets another).

Options:
  --json            the progress as data, for scripts
  --reset           delete the progress and start afresh
${helpOption}
Exit codes: 0 done; 2 the progress cannot be deleted, or bad usage.
`;

/** Runs `progress ARGS...`; returns the exit code. */
export async function runProgressCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.progress.options, progressUsage);
	if (parsed === 'help') {
		io.stdout(progressHelp);
		return 0;
	}

	const {values, positionals} = parsed;
	refuseArguments('progress', positionals, progressUsage);
	const [{runProgress}, {dataDirectory}, {loadLessons}, {lessonShape}, {builtInLessonsDirectory}, {loadChallengeEntries}] = await Promise.all([
		import('../commands/progress.js'),
		import('../progress/store.js'),
		import('../commands/load-content.js'),
		import('../model/lesson.js'),
		import('../content/paths.js'),
		import('../commands/challenge-entries.js'),
	]);
	const lessons = loadLessons(builtInLessonsDirectory()).lessons.map(lesson => ({...lessonShape(lesson), title: lesson.title}));
	const directory = dataDirectory(process.env);
	// The challenges the app lists: the built-in pack and the packs added with pack add.
	const listed = loadChallengeEntries(directory);
	for (const problem of listed.problems) {
		io.stderr(`Warning: ${stripControlSequences(problem)}\n`);
	}

	const challenges = listed.entries.map(entry => ({key: entry.key, title: entry.challenge.title}));
	return runProgress({format: outputFormat(values), isReset: values['reset'] === true, dataDirectory: directory, lessons, challenges}, io);
}
