#!/usr/bin/env node
// The command line's entry: pick the command, run it, map its outcome to an exit code. The only
// place that exits. Each command's module in cli/ (its usage, help and argument reading) is
// imported when that command runs, and imports its command on demand, so that a headless command
// loads only what it uses (never ink or React); the app's TUI is imported only to start the app.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {InputError} from './model/input-error.js';
import {packageRoot} from './content/paths.js';
import {stripControlSequences} from './model/sanitize.js';
import {UsageError} from './cli/usage-error.js';
import type {CommandIo} from './commands/io.js';
import {shouldUseColor} from './format/color.js';
import {similarTo} from './model/similar.js';
import {parseAppArguments} from './cli/app.js';
import {usageError} from './cli/arguments.js';
import type {CommandName} from './cli/options.js';

/** A command's first word: `pack validate` is run by `pack`. */
type FirstWord<Name extends string> = Name extends `${infer Word} ${string}` ? Word : Name;

type RunCommand = (args: readonly string[], io: CommandIo) => Promise<number>;

// Every command, in the order --help lists them, to the module that reads its arguments and runs it.
const commandModules: Readonly<Record<FirstWord<CommandName>, () => Promise<RunCommand>>> = {
	eval: async () => (await import('./cli/eval.js')).runEvalCommand,
	challenges: async () => (await import('./cli/challenges.js')).runChallengesCommand,
	grade: async () => (await import('./cli/grade.js')).runGradeCommand,
	shell: async () => (await import('./cli/shell.js')).runShellCommand,
	pack: async () => (await import('./cli/pack.js')).runPackCommand,
	lessons: async () => (await import('./cli/lessons.js')).runLessonsCommand,
	progress: async () => (await import('./cli/progress.js')).runProgressCommand,
	explain: async () => (await import('./cli/explain.js')).runExplainCommand,
	matrix: async () => (await import('./cli/matrix.js')).runMatrixCommand,
	diff: async () => (await import('./cli/diff.js')).runDiffCommand,
	lint: async () => (await import('./cli/lint.js')).runLintCommand,
	completion: async () => (await import('./cli/completion.js')).runCompletionCommand,
};

function version(): string {
	const packageJson = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {version: string};
	return packageJson.version;
}

async function printOverallHelp(io: CommandIo): Promise<number> {
	const {overallHelp} = await import('./cli/help.js');
	io.stdout(overallHelp);
	return 0;
}

async function run(argv: readonly string[], io: CommandIo): Promise<number> {
	const [command, ...rest] = argv;
	if (command === undefined || command === '--pack' || command.startsWith('--pack=')) {
		// The app: `netpol-dojo [--pack DIR]`.
		const app = parseAppArguments(argv);
		if (app === 'help') {
			return printOverallHelp(io);
		}

		// Keys typed while the app loads would echo above its first frame (a stray `j`): in raw
		// mode they stay unechoed in the terminal's buffer, and the app reads them once it draws.
		// Those typed before Node started were echoed already: the line they are on is cleared.
		// Node puts the terminal back as it was when the process ends, however it ends.
		if (process.stdin.isTTY && process.stdout.isTTY) {
			process.stdin.setRawMode(true);
			process.stdout.write('\r\u001B[2K');
		}

		const {runTui} = await import('./commands/tui.js');
		return runTui({isInteractive: process.stdin.isTTY && process.stdout.isTTY, env: process.env, ...(app.packDirectory === undefined ? {} : {packDirectory: app.packDirectory})}, io);
	}

	if (command === '--help' || command === '-h' || command === 'help') {
		return printOverallHelp(io);
	}

	if (command === '--version' || command === '-v') {
		io.stdout(`${version()}\n`);
		return 0;
	}

	if (Object.hasOwn(commandModules, command)) {
		const runCommand = await commandModules[command as keyof typeof commandModules]();
		return runCommand(rest, io);
	}

	// An option before any command is one of the app's, or --help, --version, misspelt.
	const guess = command.startsWith('-') ? similarTo(command.replace(/^-+/, ''), ['pack', 'help', 'version']).map(option => `--${option}`) : similarTo(command, Object.keys(commandModules));
	throw usageError(`unknown ${command.startsWith('-') ? 'option' : 'command'} ${JSON.stringify(command)}${guess.length > 0 ? ` (did you mean ${guess[0]!}?)` : ''}`);
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
