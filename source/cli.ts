#!/usr/bin/env node
// The command line: parse arguments, run one command, map its outcome to an exit code. The only
// place that exits. Commands are imported on demand so that a headless command loads only what
// it uses (never ink or React).
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {InputError} from './content/input-error.js';
import {packageRoot} from './content/paths.js';
import {UsageError} from './usage-error.js';
import type {CommandIo} from './commands/io.js';
import {shouldUseColor} from './format/color.js';
import {similarTo} from './format/similar.js';

const usage = `netpol-dojo: learn and check Kubernetes NetworkPolicy

Usage:
  netpol-dojo                                      the app: lessons and progress (needs a terminal)
  netpol-dojo eval [--json] --flows FLOWS FILE...   decide each flow in FLOWS against the objects in FILE...
  netpol-dojo challenges [--pack DIR] [--json]     list the challenges of a pack (the built-in one by default)
  netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]
                                                   grade your policy against the challenge's hidden cases
  netpol-dojo lessons [--json]                     list the lessons, in teaching order
  netpol-dojo progress [--json] [--reset]          show (or reset) what you have read and answered
  netpol-dojo --help | --version

Options:
  --flows FLOWS     the flows to decide (YAML or JSON: flows: [{from, to, port, protocol, expect}])
  --json            machine-readable output
  --max-size MIB    refuse input files larger than this (default 32)

FILE... are YAML or JSON files as \`kubectl get -o yaml\` writes them: Namespaces, Pods and
NetworkPolicies (other kinds are skipped with a note).

Exit codes: 0 done and every expectation held; 1 some expectation failed; 2 bad input or usage.
`;

const evalUsage = 'usage: netpol-dojo eval [--json] [--max-size MIB] --flows FLOWS FILE...';
const lessonsUsage = 'usage: netpol-dojo lessons [--json]';
const progressUsage = 'usage: netpol-dojo progress [--json] [--reset]';
const challengesUsage = 'usage: netpol-dojo challenges [--pack DIR] [--json]';
const gradeUsage = 'usage: netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]';

// One line on what is wrong, the command's usage line, and where the rest is.
function usageError(message: string, usageLine = 'usage: netpol-dojo COMMAND ...'): UsageError {
	return new UsageError([{file: 'netpol-dojo', message: `${message}\n${usageLine}\n(netpol-dojo --help lists the commands and options)\n`}]);
}

function version(): string {
	const packageJson = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {version: string};
	return packageJson.version;
}

function parseMaxSize(text: string | undefined, usageLine: string): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	const mebibytes = Number(text);
	if (!Number.isFinite(mebibytes) || mebibytes <= 0) {
		throw usageError(`--max-size takes a size in MiB, such as 64; got ${JSON.stringify(text)}`, usageLine);
	}

	return mebibytes * 1024 * 1024;
}

async function run(argv: readonly string[], io: CommandIo): Promise<number> {
	const [command, ...rest] = argv;
	if (command === undefined) {
		const {runTui} = await import('./commands/tui.js');
		return runTui({isInteractive: process.stdin.isTTY && process.stdout.isTTY, env: process.env}, io);
	}

	if (command === '--help' || command === '-h' || command === 'help') {
		io.stdout(usage);
		return 0;
	}

	if (command === '--version' || command === '-v') {
		io.stdout(`${version()}\n`);
		return 0;
	}

	if (command === 'eval') {
		const parsed = parseCommandArgs(rest, {json: {type: 'boolean'}, flows: {type: 'string'}, 'max-size': {type: 'string'}}, evalUsage);
		if (parsed === 'help') {
			io.stdout(usage);
			return 0;
		}

		const {values, positionals} = parsed;

		if (typeof values['flows'] !== 'string') {
			throw usageError('eval needs --flows FLOWS', evalUsage);
		}

		if (positionals.length === 0) {
			throw usageError('eval needs at least one cluster FILE', evalUsage);
		}

		const maxBytes = parseMaxSize(values['max-size'] as string | undefined, evalUsage);
		const {runEval} = await import('./commands/eval.js');
		return await runEval({flowsFile: values['flows'], clusterFiles: positionals, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
	}

	if (command === 'lessons') {
		const parsed = parseCommandArgs(rest, {json: {type: 'boolean'}}, lessonsUsage);
		if (parsed === 'help') {
			io.stdout(usage);
			return 0;
		}

		const {values, positionals} = parsed;

		refuseArguments('lessons', positionals, lessonsUsage);

		const [{runLessons}, {builtInLessonsDirectory}] = await Promise.all([import('./commands/lessons.js'), import('./content/paths.js')]);
		return runLessons({isJson: values['json'] === true, directory: builtInLessonsDirectory()}, io);
	}

	if (command === 'challenges') {
		const parsed = parseCommandArgs(rest, {json: {type: 'boolean'}, pack: {type: 'string'}}, challengesUsage);
		if (parsed === 'help') {
			io.stdout(usage);
			return 0;
		}

		const {values, positionals} = parsed;

		refuseArguments('challenges', positionals, challengesUsage);

		const [{runChallenges}, {builtInChallengesDirectory}] = await Promise.all([import('./commands/challenges.js'), import('./content/paths.js')]);
		const packDirectory = typeof values['pack'] === 'string' ? values['pack'] : builtInChallengesDirectory();
		return runChallenges({isJson: values['json'] === true, packDirectory}, io);
	}

	if (command === 'grade') {
		const parsed = parseCommandArgs(rest, {json: {type: 'boolean'}, pack: {type: 'string'}, 'max-size': {type: 'string'}}, gradeUsage);
		if (parsed === 'help') {
			io.stdout(usage);
			return 0;
		}

		const {values, positionals} = parsed;

		const [challengeId, submissionFile, ...extra] = positionals;
		if (challengeId === undefined || submissionFile === undefined || extra.length > 0) {
			throw usageError('grade needs a CHALLENGE id and one POLICY.yaml', gradeUsage);
		}

		const maxBytes = parseMaxSize(values['max-size'] as string | undefined, gradeUsage);
		const [{runGrade}, {builtInChallengesDirectory}] = await Promise.all([import('./commands/grade.js'), import('./content/paths.js')]);
		const packDirectory = typeof values['pack'] === 'string' ? values['pack'] : builtInChallengesDirectory();
		return runGrade({challengeId, submissionFile, packDirectory, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
	}

	if (command === 'progress') {
		const parsed = parseCommandArgs(rest, {json: {type: 'boolean'}, reset: {type: 'boolean'}}, progressUsage);
		if (parsed === 'help') {
			io.stdout(usage);
			return 0;
		}

		const {values, positionals} = parsed;

		refuseArguments('progress', positionals, progressUsage);

		const [{runProgress}, {dataDirectory}, {loadLessons}, {lessonShape}, {builtInLessonsDirectory}] = await Promise.all([
			import('./commands/progress.js'),
			import('./progress/store.js'),
			import('./content/lessons.js'),
			import('./content/lesson-types.js'),
			import('./content/paths.js'),
		]);
		const lessons = loadLessons(builtInLessonsDirectory()).lessons.map(lesson => ({...lessonShape(lesson), title: lesson.title}));
		return runProgress({isJson: values['json'] === true, isReset: values['reset'] === true, dataDirectory: dataDirectory(process.env), lessons}, io);
	}

	const guess = similarTo(command, commands);
	throw usageError(`unknown command ${JSON.stringify(command)}${guess.length > 0 ? ` (did you mean ${guess[0]!}?)` : ''}`);
}

type OptionSpec = Record<string, {type: 'boolean' | 'string'}>;

function refuseArguments(command: string, positionals: readonly string[], usageLine: string): void {
	if (positionals.length > 0) {
		throw usageError(`${command} takes no arguments, got ${JSON.stringify(positionals[0])}`, usageLine);
	}
}

const commands = ['eval', 'lessons', 'progress', 'challenges', 'grade'];

// A command's options and arguments, or 'help' when --help was asked for (every command takes it).
type ParsedArgs = {readonly values: Readonly<Record<string, string | boolean | undefined>>; readonly positionals: readonly string[]};

function parseCommandArgs(args: readonly string[], options: OptionSpec, usageLine: string): ParsedArgs | 'help' {
	try {
		const parsed = parseArgs({args: [...args], options: {...options, help: {type: 'boolean'}}, allowPositionals: true, strict: true}) as ParsedArgs;
		return parsed.values['help'] === true ? 'help' : parsed;
	} catch (error) {
		const unknown = /^Unknown option '(-[^']*)'/.exec((error as Error).message)?.[1];
		if (unknown) {
			const guess = similarTo(unknown.replace(/^-+/, ''), Object.keys(options));
			throw usageError(`unknown option ${unknown}${guess.length > 0 ? ` (did you mean --${guess[0]!}?)` : ''}`, usageLine);
		}

		throw usageError((error as Error).message.split('\n')[0]!, usageLine);
	}
}

function write(stream: NodeJS.WriteStream): (text: string) => void {
	return text => {
		stream.write(text);
	};
}

// A closed pipe (`| head`) is not an error worth a trace.
process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
		process.exit(process.exitCode ?? 0);
	}
});

const io: CommandIo = {
	stdout: write(process.stdout),
	stderr: write(process.stderr),
	isColor: shouldUseColor(process.env, process.stdout.isTTY),
	...(process.stdout.isTTY ? {columns: process.stdout.columns} : {}),
};

try {
	process.exitCode = await run(process.argv.slice(2), io);
} catch (error) {
	if (error instanceof UsageError) {
		io.stderr(`error: ${error.problems.map(problem => problem.message).join('\n')}`);
		process.exitCode = 2;
	} else if (error instanceof InputError) {
		io.stderr(`${error.message.split('\n').map(line => `error: ${line}`).join('\n')}\n`);
		process.exitCode = 2;
	} else if (error instanceof RangeError && /call stack/.test(error.message)) {
		io.stderr('error: the input is nested too deeply to be a Kubernetes object or a flows file\n');
		process.exitCode = 2;
	} else {
		const detail = process.env['NETPOL_DOJO_DEBUG'] ? (error as Error).stack : (error as Error).message;
		io.stderr(`netpol-dojo: internal error, a bug in netpol-dojo: ${detail}\nPlease report it with the command you ran.\n`);
		process.exitCode = 70;
	}
}
