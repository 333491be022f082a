#!/usr/bin/env node
// The command line: parse arguments, run one command, map its outcome to an exit code. The only
// place that exits. Commands are imported on demand so that a headless command loads only what
// it uses (never ink or React).
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {InputError} from './content/input-error.js';
import {packageRoot} from './content/paths.js';
import {stripControlSequences} from './content/sanitize.js';
import {UsageError} from './usage-error.js';
import type {CommandIo} from './commands/io.js';
import {shouldUseColor} from './format/color.js';
import {similarTo} from './format/similar.js';
import type {Protocol} from './kube/types.js';

const usage = `netpol-dojo: learn and check Kubernetes NetworkPolicy

Usage:
  netpol-dojo [--pack DIR]
      the app: lessons, challenges, drill, exam (needs a terminal)
  netpol-dojo eval [--json] --flows FLOWS FILE...
      decide each flow in FLOWS against the objects in FILE...
  netpol-dojo challenges [--pack DIR] [--json]
      list the challenges of a pack (the built-in one by default)
  netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]
      grade your policy against the challenge's hidden cases
  netpol-dojo grade --pack DIR --submissions DIR [--junit FILE] [--json]
      grade a class: one <challenge-id>.yaml per challenge
  netpol-dojo pack validate [--strict] DIR
      check a pack before sharing it: solution, cases, near misses
  netpol-dojo pack init DIR
      start a pack with one complete example challenge
  netpol-dojo pack add [--force] DIR
      check a pack and add it to the app's challenges
  netpol-dojo lessons [--json]
      list the lessons, in teaching order
  netpol-dojo progress [--json] [--reset]
      show (or reset) what you have read and answered
  netpol-dojo explain [--json] --flows FLOWS FILE...
  netpol-dojo explain [--json] --from A --to B --port P [--protocol T] FILE...
      why each flow is allowed or denied: policy, rule, peer, port
  netpol-dojo matrix [--json] [--port P] [--protocol T] [--namespace N] FILE...
      who may connect to whom, as a grid (on 80/TCP by default)
  netpol-dojo diff [--json] [--port P] [--protocol T]
                   --before FILE... --after FILE...
      the pod-to-pod flows a change opens or closes
  netpol-dojo lint [--json] FILE...
      likely mistakes in policies, each at its line (1 if any)
  netpol-dojo --help | --version

Options:
  --flows FLOWS     the flows to decide, YAML or JSON (flows: [{from, to, ...}])
  --json            machine-readable output
  --from A, --to B  one flow's ends: namespace/pod or an IP address (explain)
  --port P          a port (explain; matrix: default 80; diff: every port)
  --protocol T      TCP (default), UDP or SCTP
  --namespace N     only the pods of namespace N (matrix)
  --before FILE... --after FILE...
                    the objects before and after a change, whole clusters (diff)
  --max-size MIB    refuse input files larger than this (default 32)

FILE... are YAML or JSON files as \`kubectl get -o yaml\` writes them: Namespaces,
Pods and NetworkPolicies (other kinds are skipped with a note). A NetworkPolicy
in a later file replaces the one of the same name in an earlier file, as
kubectl apply would.

Exit codes: 0 done and every expectation held; 1 some expectation failed (or a
policy did not pass, or lint warned); 2 bad input or usage.
`;

const evalUsage = 'usage: netpol-dojo eval [--json] [--max-size MIB] --flows FLOWS FILE...';
const lessonsUsage = 'usage: netpol-dojo lessons [--json]';
const progressUsage = 'usage: netpol-dojo progress [--json] [--reset]';
const appUsage = 'usage: netpol-dojo [--pack DIR]';
const challengesUsage = 'usage: netpol-dojo challenges [--pack DIR] [--json]';
const gradeUsage = 'usage: netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]\n       netpol-dojo grade --pack DIR --submissions DIR [--junit FILE] [--json]';
const packUsage = 'usage: netpol-dojo pack validate [--strict] DIR | pack init DIR | pack add [--force] DIR';
const explainUsage = 'usage: netpol-dojo explain [--json] (--flows FLOWS | --from A --to B --port P [--protocol T]) FILE...';
const matrixUsage = 'usage: netpol-dojo matrix [--json] [--port P] [--protocol T] [--namespace N] FILE...';
const diffUsage = 'usage: netpol-dojo diff [--json] [--port P] [--protocol T] --before FILE... --after FILE...';
const lintUsage = 'usage: netpol-dojo lint [--json] FILE...';

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
	if (command === undefined || command === '--pack' || command.startsWith('--pack=')) {
		// The app: `netpol-dojo [--pack DIR]`.
		const parsed = parseCommandArgs(argv, {pack: {type: 'string'}}, appUsage);
		if (parsed === 'help') {
			io.stdout(usage);
			return 0;
		}

		refuseArguments('netpol-dojo', parsed.positionals, appUsage);
		const {runTui} = await import('./commands/tui.js');
		const packDirectory = parsed.values['pack'];
		return runTui({isInteractive: process.stdin.isTTY && process.stdout.isTTY, env: process.env, ...(typeof packDirectory === 'string' ? {packDirectory} : {})}, io);
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
		const parsed = parseCommandArgs(rest, {json: {type: 'boolean'}, pack: {type: 'string'}, submissions: {type: 'string'}, junit: {type: 'string'}, 'max-size': {type: 'string'}}, gradeUsage);
		if (parsed === 'help') {
			io.stdout(usage);
			return 0;
		}

		const {values, positionals} = parsed;
		if (values['submissions'] !== undefined || values['junit'] !== undefined) {
			return runGradeClassCommand(parsed, io);
		}

		const [challengeId, submissionFile, ...extra] = positionals;
		if (challengeId === undefined || submissionFile === undefined || extra.length > 0) {
			throw usageError('grade needs a CHALLENGE id and one POLICY.yaml', gradeUsage);
		}

		const maxBytes = parseMaxSize(values['max-size'] as string | undefined, gradeUsage);
		const [{runGrade}, {builtInChallengesDirectory}] = await Promise.all([import('./commands/grade.js'), import('./content/paths.js')]);
		const packDirectory = typeof values['pack'] === 'string' ? values['pack'] : builtInChallengesDirectory();
		return runGrade({challengeId, submissionFile, packDirectory, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
	}

	if (command === 'pack') {
		return runPackCommand(rest, io);
	}

	if (command === 'progress') {
		const parsed = parseCommandArgs(rest, {json: {type: 'boolean'}, reset: {type: 'boolean'}}, progressUsage);
		if (parsed === 'help') {
			io.stdout(usage);
			return 0;
		}

		const {values, positionals} = parsed;

		refuseArguments('progress', positionals, progressUsage);

		const [{runProgress}, {dataDirectory}, {loadLessons}, {lessonShape}, {builtInLessonsDirectory}, {loadChallengeEntries}] = await Promise.all([
			import('./commands/progress.js'),
			import('./progress/store.js'),
			import('./content/lessons.js'),
			import('./content/lesson-types.js'),
			import('./content/paths.js'),
			import('./commands/challenge-entries.js'),
		]);
		const lessons = loadLessons(builtInLessonsDirectory()).lessons.map(lesson => ({...lessonShape(lesson), title: lesson.title}));
		const directory = dataDirectory(process.env);
		// The challenges the app lists: the built-in pack and the packs added with pack add.
		const listed = loadChallengeEntries(directory);
		for (const problem of listed.problems) {
			io.stderr(`Warning: ${stripControlSequences(problem)}\n`);
		}

		const challenges = listed.entries.map(entry => ({key: entry.key, title: entry.challenge.title}));
		return runProgress({isJson: values['json'] === true, isReset: values['reset'] === true, dataDirectory: directory, lessons, challenges}, io);
	}

	if (command === 'explain') {
		return runExplainCommand(rest, io);
	}

	if (command === 'matrix') {
		return runMatrixCommand(rest, io);
	}

	if (command === 'diff') {
		return runDiffCommand(rest, io);
	}

	if (command === 'lint') {
		return runLintCommand(rest, io);
	}

	// An option before any command is one of the app's, or --help, --version, misspelt.
	const guess = command.startsWith('-') ? similarTo(command.replace(/^-+/, ''), ['pack', 'help', 'version']).map(option => `--${option}`) : similarTo(command, commands);
	throw usageError(`unknown ${command.startsWith('-') ? 'option' : 'command'} ${JSON.stringify(command)}${guess.length > 0 ? ` (did you mean ${guess[0]!}?)` : ''}`);
}

type OptionSpec = Record<string, {type: 'boolean' | 'string'}>;

// grade --submissions: a whole class's files against a pack (the built-in one by default).
async function runGradeClassCommand({values, positionals}: ParsedArgs, io: CommandIo): Promise<number> {
	if (typeof values['submissions'] !== 'string') {
		throw usageError('grade --junit needs --submissions DIR (a class\'s files, one <challenge-id>.yaml each)', gradeUsage);
	}

	if (positionals.length > 0) {
		throw usageError(`grade --submissions grades every challenge of the pack and takes no CHALLENGE, got ${JSON.stringify(positionals[0])}`, gradeUsage);
	}

	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, gradeUsage);
	const [{runGradeClass}, {builtInChallengesDirectory}] = await Promise.all([import('./commands/grade-class.js'), import('./content/paths.js')]);
	if (typeof values['pack'] !== 'string') {
		// Most often a forgotten --pack: say which challenges these files are graded against.
		io.stderr('note: no --pack given, so the files are graded against the built-in challenges\n');
	}

	return runGradeClass({
		packDirectory: typeof values['pack'] === 'string' ? values['pack'] : builtInChallengesDirectory(),
		submissionsDirectory: values['submissions'],
		...(typeof values['junit'] === 'string' ? {junitFile: values['junit']} : {}),
		isJson: values['json'] === true,
		...(maxBytes === undefined ? {} : {maxBytes}),
	}, io);
}

// pack validate | init | add: authoring and sharing challenge packs.
async function runPackCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, {strict: {type: 'boolean'}, force: {type: 'boolean'}}, packUsage);
	if (parsed === 'help') {
		io.stdout(usage);
		return 0;
	}

	const {values, positionals} = parsed;
	const [action, directory, ...extra] = positionals;
	const actions = ['validate', 'init', 'add'];
	if (action === undefined || !actions.includes(action)) {
		const guess = action === undefined ? [] : similarTo(action, actions);
		throw usageError(action === undefined ? 'pack needs validate, init or add' : `unknown pack action ${JSON.stringify(action)}${guess.length > 0 ? ` (did you mean ${guess[0]!}?)` : ''}`, packUsage);
	}

	if (directory === undefined || extra.length > 0) {
		throw usageError(`pack ${action} needs one DIR${extra.length > 0 ? `, got also ${JSON.stringify(extra[0])}` : ''}`, packUsage);
	}

	const misplaced = action !== 'validate' && values['strict'] === true ? '--strict' : action !== 'add' && values['force'] === true ? '--force' : undefined;
	if (misplaced) {
		throw usageError(`pack ${action} takes no ${misplaced}`, packUsage);
	}

	if (action === 'validate') {
		const {runPackValidate} = await import('./commands/pack-validate.js');
		return runPackValidate({directory, isStrict: values['strict'] === true}, io);
	}

	if (action === 'init') {
		const {runPackInit} = await import('./commands/pack-init.js');
		return runPackInit({directory}, io);
	}

	const [{runPackAdd}, {dataDirectory}] = await Promise.all([import('./commands/pack-add.js'), import('./progress/store.js')]);
	return runPackAdd({directory, dataDirectory: dataDirectory(process.env), isForce: values['force'] === true}, io);
}

function refuseArguments(command: string, positionals: readonly string[], usageLine: string): void {
	if (positionals.length > 0) {
		throw usageError(`${command} takes no arguments, got ${JSON.stringify(positionals[0])}`, usageLine);
	}
}

const commands = ['eval', 'lessons', 'progress', 'challenges', 'grade', 'pack', 'explain', 'matrix', 'diff', 'lint'];

// explain, matrix, diff and lint: the commands that show what a cluster's policies do.

async function runExplainCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, {json: {type: 'boolean'}, flows: {type: 'string'}, from: {type: 'string'}, to: {type: 'string'}, port: {type: 'string'}, protocol: {type: 'string'}, 'max-size': {type: 'string'}}, explainUsage);
	if (parsed === 'help') {
		io.stdout(usage);
		return 0;
	}

	const {values, positionals} = parsed;
	const single = ['from', 'to', 'port', 'protocol'].filter(name => values[name] !== undefined);
	if (typeof values['flows'] === 'string' && single.length > 0) {
		throw usageError(`explain takes either --flows FLOWS or one flow (--from, --to, --port), not both; got --flows and --${single[0]!}`, explainUsage);
	}

	if (typeof values['flows'] !== 'string' && (values['from'] === undefined || values['to'] === undefined || values['port'] === undefined)) {
		const missing = ['from', 'to', 'port'].filter(name => values[name] === undefined).map(name => `--${name}`);
		throw usageError(single.length === 0 ? 'explain needs --flows FLOWS, or one flow as --from A --to B --port P' : `explain needs ${missing.join(' and ')} for one flow`, explainUsage);
	}

	if (positionals.length === 0) {
		throw usageError('explain needs at least one cluster FILE', explainUsage);
	}

	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, explainUsage);
	const flows = typeof values['flows'] === 'string'
		? {flowsFile: values['flows']}
		: {flow: {from: values['from'] as string, to: values['to'] as string, port: parsePort(values['port'] as string, explainUsage), protocol: parseProtocol(values['protocol'] as string | undefined, explainUsage)}};
	const {runExplain} = await import('./commands/explain.js');
	return runExplain({flows, clusterFiles: positionals, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}

async function runMatrixCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, {json: {type: 'boolean'}, port: {type: 'string'}, protocol: {type: 'string'}, namespace: {type: 'string'}, 'max-size': {type: 'string'}}, matrixUsage);
	if (parsed === 'help') {
		io.stdout(usage);
		return 0;
	}

	const {values, positionals} = parsed;
	if (positionals.length === 0) {
		throw usageError('matrix needs at least one cluster FILE', matrixUsage);
	}

	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, matrixUsage);
	const port = values['port'] === undefined ? 80 : parsePort(values['port'] as string, matrixUsage);
	const protocol = parseProtocol(values['protocol'] as string | undefined, matrixUsage);
	const namespace = typeof values['namespace'] === 'string' ? {namespace: values['namespace']} : {};
	const {runMatrix} = await import('./commands/matrix.js');
	return runMatrix({clusterFiles: positionals, port, protocol, ...namespace, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}

async function runDiffCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const options: OptionSpec = {json: {type: 'boolean'}, before: {type: 'boolean'}, after: {type: 'boolean'}, port: {type: 'string'}, protocol: {type: 'string'}, 'max-size': {type: 'string'}};
	const parsed = parseCommandArgs(args, options, diffUsage);
	if (parsed === 'help') {
		io.stdout(usage);
		return 0;
	}

	const {values} = parsed;
	const {before, after} = beforeAndAfterFiles(args, options);
	if (before.length === 0 || after.length === 0) {
		throw usageError(`diff needs the files of both clusters: ${before.length === 0 ? '--before FILE...' : '--after FILE...'} is missing`, diffUsage);
	}

	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, diffUsage);
	const port = values['port'] === undefined ? {} : {port: parsePort(values['port'] as string, diffUsage)};
	const protocol = values['protocol'] === undefined ? {} : {protocol: parseProtocol(values['protocol'] as string, diffUsage)};
	const {runDiff} = await import('./commands/diff.js');
	return runDiff({beforeFiles: before, afterFiles: after, ...port, ...protocol, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}

// The files after --before and after --after, in the order given (parseArgs has checked the rest).
function beforeAndAfterFiles(args: readonly string[], options: OptionSpec): {before: string[]; after: string[]} {
	const {tokens} = parseArgs({args: [...args], options: {...options, help: {type: 'boolean'}}, allowPositionals: true, strict: true, tokens: true});
	const files = {before: [] as string[], after: [] as string[]};
	let current: 'before' | 'after' | undefined;
	for (const token of tokens) {
		const name: string = token.kind === 'option' ? token.name : '';
		if (name === 'before' || name === 'after') {
			current = name;
		} else if (token.kind === 'positional') {
			if (current === undefined) {
				throw usageError(`diff: ${JSON.stringify(token.value)} comes before --before or --after; say which cluster it belongs to`, diffUsage);
			}

			files[current].push(token.value);
		}
	}

	return files;
}

async function runLintCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, {json: {type: 'boolean'}, 'max-size': {type: 'string'}}, lintUsage);
	if (parsed === 'help') {
		io.stdout(usage);
		return 0;
	}

	const {values, positionals} = parsed;
	if (positionals.length === 0) {
		throw usageError('lint needs at least one FILE', lintUsage);
	}

	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, lintUsage);
	const {runLint} = await import('./commands/lint.js');
	return runLint({files: positionals, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}

function parsePort(text: string, usageLine: string): number {
	const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
	if (!(port >= 1 && port <= 65_535)) {
		throw usageError(`--port takes a port number, 1..65535; got ${JSON.stringify(text)}`, usageLine);
	}

	return port;
}

function parseProtocol(text: string | undefined, usageLine: string): Protocol {
	const protocol = (text ?? 'TCP').toUpperCase();
	if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') {
		throw usageError(`--protocol takes TCP, UDP or SCTP; got ${JSON.stringify(text)}`, usageLine);
	}

	return protocol;
}

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
	// Messages quote file names and input (a pack's keys, a label value): never with the terminal
	// control sequences they may hold.
	if (error instanceof UsageError) {
		io.stderr(stripControlSequences(`error: ${error.problems.map(problem => problem.message).join('\n')}`));
		process.exitCode = 2;
	} else if (error instanceof InputError) {
		io.stderr(`${stripControlSequences(error.message).split('\n').map(line => `error: ${line}`).join('\n')}\n`);
		process.exitCode = 2;
	} else if (error instanceof RangeError && /call stack/.test(error.message)) {
		io.stderr('error: the input is nested too deeply to be a Kubernetes object or a flows file\n');
		process.exitCode = 2;
	} else {
		const detail = process.env['NETPOL_DOJO_DEBUG'] ? (error as Error).stack : (error as Error).message;
		io.stderr(`netpol-dojo: internal error, a bug in netpol-dojo: ${stripControlSequences(detail ?? '')}\nPlease report it with the command you ran.\n`);
		process.exitCode = 70;
	}
}
