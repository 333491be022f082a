// `netpol-dojo pack validate | init | add`: authoring and sharing challenge packs. Their usage
// and help, and their arguments read into the options of commands/pack-validate.ts,
// commands/pack-init.ts and commands/pack-add.ts.
import type {CommandIo} from '../commands/io.js';
import {similarTo} from '../model/similar.js';
import {parseCommandArgs, usageError} from './arguments.js';
import {helpOption, packFolderParagraph} from './help-text.js';
import {commandOptions, packActions} from './options.js';

/** The usage pack's errors print, and the first lines of `pack -h`. */
export const packUsage = 'usage: netpol-dojo pack validate [--strict] DIR\n       netpol-dojo pack init DIR\n       netpol-dojo pack add [--force] DIR';

// Each action's usage: the first line of its help.
const packValidateUsage = 'usage: netpol-dojo pack validate [--strict] DIR';
const packInitUsage = 'usage: netpol-dojo pack init DIR';
const packAddUsage = 'usage: netpol-dojo pack add [--force] DIR';

/** Its lines in `netpol-dojo --help`. */
export const packOverview = `  netpol-dojo pack validate [--strict] DIR
      check a pack before sharing it: solution, cases, near misses
  netpol-dojo pack init DIR
      start a pack with one complete example challenge
  netpol-dojo pack add [--force] DIR
      check a pack and add it to the app's challenges
`;

/** What `netpol-dojo pack -h` prints. */
export const packHelp = `${packUsage}

Write, check and share challenge packs:
  pack validate DIR  check a pack before sharing it
  pack init DIR      start a pack with one complete example challenge
  pack add DIR       check a pack and add it to the app's challenges

netpol-dojo pack ACTION -h says more about each.

${packFolderParagraph}`;

/** What `netpol-dojo pack validate -h` prints. */
export const packValidateHelp = `${packValidateUsage}

Check a pack as an instructor would before sharing it: every file loads, the
reference solution passes every case, every case can fail, and the proof
refuses near-miss wrong answers derived from each solution. Says what each
reference allows, per direction and pod.

Options:
  --strict          count warnings and surviving mutants as problems (exit 1)
${helpOption}
${packFolderParagraph}
Exit codes: 0 clean; 1 problems found; 2 the pack cannot be read, or bad usage.
`;

/** What `netpol-dojo pack init -h` prints. */
export const packInitHelp = `${packInitUsage}

Start a pack in DIR (a new or empty folder) with one complete example challenge
that validates clean, commented so that you can copy it and change it.

Options:
${helpOption}
Exit codes: 0 written; 2 DIR exists and is not an empty folder, or bad usage.
`;

/** What `netpol-dojo pack add -h` prints. */
export const packAddHelp = `${packAddUsage}

Check a pack and, when it has no error, copy it into the app's data directory,
so that the app lists its challenges after the built-in ones.

Options:
  --force           replace a pack of the same id added before
${helpOption}
Exit codes: 0 added; 1 the pack has errors; 2 it cannot be read, its id is
added already (without --force), or bad usage.
`;

const actionHelp: Readonly<Record<typeof packActions[number], string>> = {validate: packValidateHelp, init: packInitHelp, add: packAddHelp};

/** Runs `pack ARGS...`; returns the exit code. */
export async function runPackCommand(args: readonly string[], io: CommandIo): Promise<number> {
	// One parse for every action: a misplaced option is then named as such below.
	const options = {...commandOptions['pack validate'].options, ...commandOptions['pack init'].options, ...commandOptions['pack add'].options};
	const parsed = parseCommandArgs(args, options, packUsage);
	if (parsed === 'help') {
		// `pack validate -h` is the action's help; `pack -h` (or a misspelt action) the overview.
		// Every option of pack is a flag, so the first word that is not one is the action.
		const action = args.find(arg => !arg.startsWith('-'));
		io.stdout(action !== undefined && (packActions as readonly string[]).includes(action) ? actionHelp[action as typeof packActions[number]] : packHelp);
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
