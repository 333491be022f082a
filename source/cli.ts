#!/usr/bin/env node
// The command line: pick the command, run it, map its outcome to an exit code. The only place
// that exits. Commands are imported on demand so that a headless command loads only what it
// uses (never ink or React); argument reading and usage texts are in cli/.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {InputError} from './model/input-error.js';
import {packageRoot} from './content/paths.js';
import {stripControlSequences} from './model/sanitize.js';
import {UsageError} from './usage-error.js';
import type {CommandIo} from './commands/io.js';
import {shouldUseColor} from './format/color.js';
import {similarTo} from './model/similar.js';
import {appUsage, challengesUsage, completionUsage, evalUsage, gradeUsage, lessonsUsage, progressUsage, shellUsage, usage} from './cli/usage.js';
import {commandHelp} from './cli/help.js';
import {appOptions, commandNames, commandOptions, shells, type Shell} from './cli/options.js';
import {parseCommandArgs, parseMaxSize, refuseArguments, usageError} from './cli/arguments.js';
import {clusterFileArguments, fileArgument, refuseSecondStandardInput} from './cli/file-arguments.js';
import {runGradeClassCommand, runPackCommand} from './cli/pack-commands.js';
import {runDiffCommand, runExplainCommand, runLintCommand, runMatrixCommand} from './cli/traffic-commands.js';

function version(): string {
	const packageJson = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {version: string};
	return packageJson.version;
}

async function run(argv: readonly string[], io: CommandIo): Promise<number> {
	const [command, ...rest] = argv;
	if (command === undefined || command === '--pack' || command.startsWith('--pack=')) {
		// The app: `netpol-dojo [--pack DIR]`.
		const parsed = parseCommandArgs(argv, appOptions, appUsage);
		if (parsed === 'help') {
			io.stdout(usage);
			return 0;
		}

		refuseArguments('netpol-dojo', parsed.positionals, appUsage);
		// Keys typed while the app loads would echo above its first frame (a stray `j`): in raw
		// mode they stay unechoed in the terminal's buffer, and the app reads them once it draws.
		// Those typed before Node started were echoed already: the line they are on is cleared.
		// Node puts the terminal back as it was when the process ends, however it ends.
		if (process.stdin.isTTY && process.stdout.isTTY) {
			process.stdin.setRawMode(true);
			process.stdout.write('\r\u001B[2K');
		}

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
		const parsed = parseCommandArgs(rest, commandOptions.eval.options, evalUsage);
		if (parsed === 'help') {
			io.stdout(commandHelp.eval);
			return 0;
		}

		const {values, positionals} = parsed;

		if (typeof values['flows'] !== 'string') {
			throw usageError('eval needs --flows FLOWS', evalUsage);
		}

		if (positionals.length === 0) {
			throw usageError('eval needs at least one cluster FILE', evalUsage);
		}

		refuseSecondStandardInput([values['flows'], ...positionals], evalUsage);
		const maxBytes = parseMaxSize(values['max-size'] as string | undefined, evalUsage);
		const clusterFiles = clusterFileArguments(positionals, io);
		const {runEval} = await import('./commands/eval.js');
		return await runEval({flowsFile: fileArgument(values['flows']), clusterFiles, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
	}

	if (command === 'lessons') {
		const parsed = parseCommandArgs(rest, commandOptions.lessons.options, lessonsUsage);
		if (parsed === 'help') {
			io.stdout(commandHelp.lessons);
			return 0;
		}

		const {values, positionals} = parsed;

		refuseArguments('lessons', positionals, lessonsUsage);

		const [{runLessons}, {builtInLessonsDirectory}] = await Promise.all([import('./commands/lessons.js'), import('./content/paths.js')]);
		return runLessons({isJson: values['json'] === true, directory: builtInLessonsDirectory()}, io);
	}

	if (command === 'challenges') {
		const parsed = parseCommandArgs(rest, commandOptions.challenges.options, challengesUsage);
		if (parsed === 'help') {
			io.stdout(commandHelp.challenges);
			return 0;
		}

		const {values, positionals} = parsed;

		refuseArguments('challenges', positionals, challengesUsage);

		const [{runChallenges}, {builtInChallengesDirectory}] = await Promise.all([import('./commands/challenges.js'), import('./content/paths.js')]);
		const packDirectory = typeof values['pack'] === 'string' ? values['pack'] : builtInChallengesDirectory();
		return runChallenges({isJson: values['json'] === true, packDirectory}, io);
	}

	if (command === 'grade') {
		const parsed = parseCommandArgs(rest, commandOptions.grade.options, gradeUsage);
		if (parsed === 'help') {
			io.stdout(commandHelp.grade);
			return 0;
		}

		const {values, positionals} = parsed;
		if (values['submissions'] !== undefined || values['class'] !== undefined || values['junit'] !== undefined) {
			return runGradeClassCommand(parsed, io);
		}

		const [challengeId, submissionFile, ...extra] = positionals;
		if (challengeId === undefined || submissionFile === undefined || extra.length > 0) {
			throw usageError('grade needs a CHALLENGE id and one POLICY.yaml', gradeUsage);
		}

		const maxBytes = parseMaxSize(values['max-size'] as string | undefined, gradeUsage);
		const [{runGrade}, {builtInChallengesDirectory}] = await Promise.all([import('./commands/grade.js'), import('./content/paths.js')]);
		const packDirectory = typeof values['pack'] === 'string' ? values['pack'] : builtInChallengesDirectory();
		const submissionFiles = clusterFileArguments([submissionFile], io);
		return runGrade({challengeId, submissionFile: fileArgument(submissionFile), submissionFiles, packDirectory, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
	}

	if (command === 'shell') {
		const parsed = parseCommandArgs(rest, commandOptions.shell.options, shellUsage);
		if (parsed === 'help') {
			io.stdout(commandHelp.shell);
			return 0;
		}

		const [challengeId, ...extra] = parsed.positionals;
		if (challengeId === undefined || extra.length > 0) {
			throw usageError('shell needs one CHALLENGE id', shellUsage);
		}

		const [{runShell}, {builtInChallengesDirectory}] = await Promise.all([import('./commands/shell.js'), import('./content/paths.js')]);
		const packDirectory = typeof parsed.values['pack'] === 'string' ? parsed.values['pack'] : builtInChallengesDirectory();
		return runShell({challengeId, packDirectory, env: process.env}, io);
	}

	if (command === 'pack') {
		return runPackCommand(rest, io);
	}

	if (command === 'progress') {
		const parsed = parseCommandArgs(rest, commandOptions.progress.options, progressUsage);
		if (parsed === 'help') {
			io.stdout(commandHelp.progress);
			return 0;
		}

		const {values, positionals} = parsed;

		refuseArguments('progress', positionals, progressUsage);

		const [{runProgress}, {dataDirectory}, {loadLessons}, {lessonShape}, {builtInLessonsDirectory}, {loadChallengeEntries}] = await Promise.all([
			import('./commands/progress.js'),
			import('./progress/store.js'),
			import('./content/lessons.js'),
			import('./model/lesson.js'),
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

	if (command === 'completion') {
		const parsed = parseCommandArgs(rest, commandOptions.completion.options, completionUsage);
		if (parsed === 'help') {
			io.stdout(commandHelp.completion);
			return 0;
		}

		const [shell, ...extra] = parsed.positionals;
		if (shell === undefined || !(shells as readonly string[]).includes(shell) || extra.length > 0) {
			const problem = shell === undefined ? 'completion needs a shell, bash or zsh' : extra.length > 0 ? `completion takes one shell, got also ${JSON.stringify(extra[0])}` : `completion knows bash and zsh, not ${JSON.stringify(shell)}`;
			throw usageError(problem, completionUsage);
		}

		const [{runCompletion}, {builtInChallengesDirectory}] = await Promise.all([import('./commands/completion.js'), import('./content/paths.js')]);
		return runCompletion({shell: shell as Shell, challengesDirectory: builtInChallengesDirectory(), commands: commandOptions, appOptions, shells}, io);
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

const commands = [...new Set(commandNames.map(name => name.split(' ')[0]!))];

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
