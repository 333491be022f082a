// kubectl's flags as cobra/pflag reads them: `-n ns`, `-nns`, `--namespace ns`,
// `--namespace=ns`, boolean flags, `--` to end the flags; unknown ones refused in its words.

export type FlagSpec = {
	readonly long: string;
	readonly short?: string;
	/** Takes a value (`-n NS`); else a boolean (`-A`). */
	readonly takesValue: boolean;
};

export type ParsedArguments = {
	readonly flags: ReadonlyMap<string, string | true>;
	readonly positionals: readonly string[];
	/** What follows `--` (the command of exec and run). */
	readonly afterDashes: readonly string[];
};

/** Flags every command takes, as kubectl's global flags. */
export const globalFlags: readonly FlagSpec[] = [
	{long: 'namespace', short: 'n', takesValue: true},
	{long: 'help', short: 'h', takesValue: false},
];

export class KubectlUsageError extends Error {}

/** The flags and arguments of a command, or KubectlUsageError with kubectl's message. */
export function parseKubectlArguments(argv: readonly string[], specs: readonly FlagSpec[], command: string): ParsedArguments {
	const all = [...globalFlags, ...specs];
	const flags = new Map<string, string | true>();
	const positionals: string[] = [];
	const see = `\nSee 'kubectl ${command} --help' for usage.`;
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--') {
			return {flags, positionals, afterDashes: argv.slice(index + 1)};
		}

		if (argument.startsWith('--')) {
			const [name, inline] = splitOnce(argument.slice(2), '=');
			const spec = all.find(candidate => candidate.long === name);
			if (!spec) {
				throw new KubectlUsageError(`unknown flag: --${name}${see}`);
			}

			flags.set(spec.long, spec.takesValue ? inline ?? valueAfter(argv, ++index, `--${name}`, see) : true);
		} else if (argument.startsWith('-') && argument.length > 1) {
			// Short flags may be grouped (`-it`); a value may follow in the same word (`-nprod`).
			for (let at = 1; at < argument.length; at++) {
				const letter = argument[at]!;
				const spec = all.find(candidate => candidate.short === letter);
				if (!spec) {
					throw new KubectlUsageError(`unknown shorthand flag: '${letter}' in ${argument}${see}`);
				}

				if (spec.takesValue) {
					const rest = argument.slice(at + 1).replace(/^=/, '');
					flags.set(spec.long, rest === '' ? valueAfter(argv, ++index, `-${letter}`, see) : rest);
					break;
				}

				flags.set(spec.long, true);
			}
		} else {
			positionals.push(argument);
		}
	}

	return {flags, positionals, afterDashes: []};
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
	const at = text.indexOf(separator);
	return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function valueAfter(argv: readonly string[], index: number, flag: string, see: string): string {
	const value = argv[index];
	if (value === undefined) {
		throw new KubectlUsageError(`flag needs an argument: ${flag.startsWith('--') ? `--${flag.slice(2)}` : `'${flag.slice(1)}' in ${flag}`}${see}`);
	}

	return value;
}

export function stringFlag(parsed: ParsedArguments, name: string): string | undefined {
	const value = parsed.flags.get(name);
	return typeof value === 'string' ? value : undefined;
}

export const booleanFlag = (parsed: ParsedArguments, name: string) => parsed.flags.get(name) === true;
