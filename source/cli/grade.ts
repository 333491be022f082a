// `netpol-dojo grade`: its usage and help, and its arguments read into the options of
// commands/grade.ts (one policy against one challenge), commands/grade-class.ts (--submissions,
// one learner's files) or commands/grade-class-folder.ts (--class, a folder per learner).
import type {CommandIo} from '../commands/io.js';
import {outputFormat, type ParsedArgs, parseCommandArgs, parseMaxSize, usageError} from './arguments.js';
import {clusterFileArguments, fileArgument} from './file-arguments.js';
import {commandOptions} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const gradeUsage = 'usage: netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]\n       netpol-dojo grade --pack DIR --submissions DIR [--junit FILE] [--json]\n       netpol-dojo grade --pack DIR --class DIR [--junit DIR] [--json]';

/** Its lines in `netpol-dojo --help`. */
export const gradeOverview = `  netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]
      grade your policy: it passes when it decides every flow as the task does
  netpol-dojo grade --pack DIR --submissions DIR [--junit FILE] [--json]
      grade a learner: one <challenge-id>.yaml per challenge
  netpol-dojo grade --pack DIR --class DIR [--junit DIR] [--json]
      grade a class: one folder per learner, a summary table
`;

/** What `netpol-dojo grade -h` prints. */
export const gradeHelp = `${gradeUsage}

Grade a policy file against a challenge: it passes when it decides every flow
as the task's reference solution does (POLICY.yaml may be a folder of policy
files, or - for standard input). With --submissions, grade one learner: one
file per challenge, named <challenge-id>.yaml. With --class, grade a class in
one run: one folder per learner (hidden ones left out), each as --submissions
grades it, against the pack loaded once; it prints one line per learner, what
passed and what did not.

Options:
  --pack DIR         a pack of your own instead of the built-in challenges
                     (--class needs it)
  --submissions DIR  a learner's files, one <challenge-id>.yaml per challenge
  --class DIR        a class: one folder per learner, named after the learner
  --junit FILE|DIR   also write the grades as JUnit XML: with --submissions, to
                     FILE; with --class, one DIR/<learner>.xml per learner, the
                     report --submissions writes, to hand back to each
  --json             the grade as data, with the counterexample; with --class,
                     {pack, passed, failed, total, learners: [{learner,
                     submitted, passed, failed, total, results}]}
  --max-size MIB     refuse input files larger than this (default 32)
  -h, --help         this help

Exit codes: 0 passed (every challenge, with --submissions; every learner every
challenge, with --class); 1 not yet; 2 bad input or usage.
`;

/** Runs `grade ARGS...`; returns the exit code. */
export async function runGradeCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.grade.options, gradeUsage);
	if (parsed === 'help') {
		io.stdout(gradeHelp);
		return 0;
	}

	const {values, positionals} = parsed;
	if (values['submissions'] !== undefined || values['class'] !== undefined || values['junit'] !== undefined) {
		return gradeLearners(parsed, io);
	}

	const [challengeId, submissionFile, ...extra] = positionals;
	if (challengeId === undefined || submissionFile === undefined || extra.length > 0) {
		throw usageError('grade needs a CHALLENGE id and one POLICY.yaml', gradeUsage);
	}

	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, gradeUsage);
	const [{runGrade}, {builtInChallengesDirectory}] = await Promise.all([import('../commands/grade.js'), import('../content/paths.js')]);
	const packDirectory = typeof values['pack'] === 'string' ? values['pack'] : builtInChallengesDirectory();
	const submissionFiles = clusterFileArguments([submissionFile], io);
	return runGrade({challengeId, submissionFile: fileArgument(submissionFile), submissionFiles, packDirectory, format: outputFormat(values), ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}

// grade --submissions (one learner's files) and grade --class (a folder per learner), against a
// pack (the built-in one by default for --submissions; --class names it).
async function gradeLearners({values, positionals}: ParsedArgs, io: CommandIo): Promise<number> {
	if (typeof values['submissions'] === 'string' && typeof values['class'] === 'string') {
		throw usageError('grade takes --submissions DIR (one learner\'s files) or --class DIR (one folder per learner), not both', gradeUsage);
	}

	const mode = typeof values['class'] === 'string' ? '--class' : '--submissions';
	if (typeof values['submissions'] !== 'string' && typeof values['class'] !== 'string') {
		throw usageError('grade --junit needs --submissions DIR (a class\'s files, one <challenge-id>.yaml each) or --class DIR (one folder per learner)', gradeUsage);
	}

	if (positionals.length > 0) {
		throw usageError(`grade ${mode} grades every challenge of the pack and takes no CHALLENGE, got ${JSON.stringify(positionals[0])}`, gradeUsage);
	}

	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, gradeUsage);
	const junit = typeof values['junit'] === 'string' ? values['junit'] : undefined;
	const format = outputFormat(values);
	if (typeof values['class'] === 'string') {
		return gradeClassFolder(values['class'], typeof values['pack'] === 'string' ? values['pack'] : undefined, {junit, format, maxBytes}, io);
	}

	const [{runGradeClass}, {builtInChallengesDirectory}] = await Promise.all([import('../commands/grade-class.js'), import('../content/paths.js')]);
	if (typeof values['pack'] !== 'string') {
		// Most often a forgotten --pack: say which challenges these files are graded against.
		io.stderr('note: no --pack given, so the files are graded against the built-in challenges\n');
	}

	return runGradeClass({
		packDirectory: typeof values['pack'] === 'string' ? values['pack'] : builtInChallengesDirectory(),
		submissionsDirectory: values['submissions'] as string,
		...(junit === undefined ? {} : {junitFile: junit}),
		format,
		...(maxBytes === undefined ? {} : {maxBytes}),
	}, io);
}

// A whole class is graded against the pack it was given: a forgotten --pack would fail every
// learner on every challenge, so it is asked for, with where the built-in challenges are.
async function gradeClassFolder(classDirectory: string, packDirectory: string | undefined, options: {junit: string | undefined; format: 'text' | 'json'; maxBytes: number | undefined}, io: CommandIo): Promise<number> {
	const [{runGradeClassFolder}, {builtInChallengesDirectory}] = await Promise.all([import('../commands/grade-class-folder.js'), import('../content/paths.js')]);
	if (packDirectory === undefined) {
		throw usageError(`grade --class needs --pack DIR, the pack the class worked on (the built-in challenges are --pack ${builtInChallengesDirectory()})`, gradeUsage);
	}

	return runGradeClassFolder({
		packDirectory,
		classDirectory,
		...(options.junit === undefined ? {} : {junitDirectory: options.junit}),
		format: options.format,
		...(options.maxBytes === undefined ? {} : {maxBytes: options.maxBytes}),
	}, io);
}
