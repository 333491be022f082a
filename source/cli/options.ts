// Every command's options, in one table: the argument parser reads it, and so do the
// per-command help test and the shell completion scripts, so that none of them can list an
// option the others do not know.

/** What an option's value is, so that shell completion can offer the right words. */
export type OptionValue = 'file' | 'directory' | 'protocol' | 'text';

export type OptionSpec = Readonly<Record<string, {readonly type: 'boolean'} | {readonly type: 'string'; readonly value: OptionValue}>>;

/** What a command's arguments (after its options) are, for shell completion. */
export type Operands = 'files' | 'challenge-then-file' | 'challenge' | 'directory' | 'shell' | 'none';

const flag = {type: 'boolean'} as const;
const file = {type: 'string', value: 'file'} as const;
const directory = {type: 'string', value: 'directory'} as const;
const text = {type: 'string', value: 'text'} as const;
const protocol = {type: 'string', value: 'protocol'} as const;

/** The commands, and `pack`'s actions as `pack ACTION`, in the order --help lists them. */
export const commandOptions = {
	eval: {options: {json: flag, flows: file, 'max-size': text}, operands: 'files'},
	challenges: {options: {json: flag, pack: directory}, operands: 'none'},
	grade: {options: {json: flag, pack: directory, submissions: directory, class: directory, junit: file, 'max-size': text}, operands: 'challenge-then-file'},
	shell: {options: {pack: directory}, operands: 'challenge'},
	'pack validate': {options: {strict: flag}, operands: 'directory'},
	'pack init': {options: {}, operands: 'directory'},
	'pack add': {options: {force: flag}, operands: 'directory'},
	lessons: {options: {json: flag}, operands: 'none'},
	progress: {options: {json: flag, reset: flag}, operands: 'none'},
	explain: {options: {json: flag, flows: file, from: text, to: text, port: text, protocol, 'max-size': text}, operands: 'files'},
	matrix: {options: {json: flag, port: text, protocol, namespace: text, 'max-size': text}, operands: 'files'},
	diff: {options: {json: flag, before: flag, after: flag, port: text, protocol, 'max-size': text}, operands: 'files'},
	lint: {options: {json: flag, 'max-size': text}, operands: 'files'},
	completion: {options: {}, operands: 'shell'},
} as const satisfies Readonly<Record<string, {readonly options: OptionSpec; readonly operands: Operands}>>;

export type CommandName = keyof typeof commandOptions;

export const commandNames = Object.keys(commandOptions) as CommandName[];

/** The actions of `pack`. */
export const packActions = ['validate', 'init', 'add'] as const;

/** The options of the app (`netpol-dojo [--pack DIR]`). */
export const appOptions: OptionSpec = {pack: directory};

/** The shells `completion` writes a script for. */
export const shells = ['bash', 'zsh'] as const;

export type Shell = typeof shells[number];
