// pack validate | init | add, and grade --submissions and --class: the instructor's commands.
import type {CommandIo} from '../commands/io.js';
import {type ParsedArgs, parseCommandArgs, parseMaxSize, usageError} from './arguments.js';
import {gradeUsage, packUsage} from './usage.js';
import {commandHelp} from './help.js';
import {commandOptions, packActions} from './options.js';
import {similarTo} from '../model/similar.js';

// grade --submissions (one learner's files) and grade --class (a folder per learner), against a
// pack (the built-in one by default for --submissions; --class names it).
export async function runGradeClassCommand({values, positionals}: ParsedArgs, io: CommandIo): Promise<number> {
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
	if (typeof values['class'] === 'string') {
		return gradeClassFolder(values['class'], typeof values['pack'] === 'string' ? values['pack'] : undefined, {junit, isJson: values['json'] === true, maxBytes}, io);
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
		isJson: values['json'] === true,
		...(maxBytes === undefined ? {} : {maxBytes}),
	}, io);
}

// A whole class is graded against the pack it was given: a forgotten --pack would fail every
// learner on every challenge, so it is asked for, with where the built-in challenges are.
async function gradeClassFolder(classDirectory: string, packDirectory: string | undefined, options: {junit: string | undefined; isJson: boolean; maxBytes: number | undefined}, io: CommandIo): Promise<number> {
	const [{runGradeClassFolder}, {builtInChallengesDirectory}] = await Promise.all([import('../commands/grade-class-folder.js'), import('../content/paths.js')]);
	if (packDirectory === undefined) {
		throw usageError(`grade --class needs --pack DIR, the pack the class worked on (the built-in challenges are --pack ${builtInChallengesDirectory()})`, gradeUsage);
	}

	return runGradeClassFolder({
		packDirectory,
		classDirectory,
		...(options.junit === undefined ? {} : {junitDirectory: options.junit}),
		isJson: options.isJson,
		...(options.maxBytes === undefined ? {} : {maxBytes: options.maxBytes}),
	}, io);
}

// pack validate | init | add: authoring and sharing challenge packs.
export async function runPackCommand(args: readonly string[], io: CommandIo): Promise<number> {
	// One parse for every action: a misplaced option is then named as such below.
	const options = {...commandOptions['pack validate'].options, ...commandOptions['pack init'].options, ...commandOptions['pack add'].options};
	const parsed = parseCommandArgs(args, options, packUsage);
	if (parsed === 'help') {
		// `pack validate -h` is the action's help; `pack -h` (or a misspelt action) the overview.
		// Every option of pack is a flag, so the first word that is not one is the action.
		const action = args.find(arg => !arg.startsWith('-'));
		io.stdout(action !== undefined && (packActions as readonly string[]).includes(action) ? commandHelp[`pack ${action as typeof packActions[number]}`] : commandHelp.pack);
		return 0;
	}

	const {values, positionals} = parsed;
	const [action, directory, ...extra] = positionals;
	const actions: readonly string[] = packActions;
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
		const {runPackValidate} = await import('../commands/pack-validate.js');
		return runPackValidate({directory, isStrict: values['strict'] === true}, io);
	}

	if (action === 'init') {
		const {runPackInit} = await import('../commands/pack-init.js');
		return runPackInit({directory}, io);
	}

	const [{runPackAdd}, {dataDirectory}] = await Promise.all([import('../commands/pack-add.js'), import('../progress/store.js')]);
	return runPackAdd({directory, dataDirectory: dataDirectory(process.env), isForce: values['force'] === true}, io);
}
