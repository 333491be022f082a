// Options as busybox's getopt and curl read them: short letters grouped (`-zv`, `-sS`), a value
// in the same word or the next (`-w2`, `-w 2`), long names (`--max-time 2`), operands anywhere.
export type ToolResult = {readonly stdout: string; readonly stderr: string; readonly exitCode: number};

export type OptionSpec = {
	/** Letters that take no value. */
	readonly switches: string;
	/** Letters that take a value. */
	readonly valued: string;
	/** Long names, each to the letter (or name) it stands for, and whether it takes a value. */
	readonly long?: Readonly<Record<string, {readonly key: string; readonly isValued: boolean}>>;
};

export type ParsedOptions = {readonly options: ReadonlyMap<string, string | true>; readonly operands: readonly string[]};

/** The options and operands, or the option that is unknown or lacks its value. */
export function parseOptions(argv: readonly string[], spec: OptionSpec): ParsedOptions | {readonly unknown: string} | {readonly missing: string} {
	const options = new Map<string, string | true>();
	const operands: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const word = argv[index]!;
		if (word === '--') {
			operands.push(...argv.slice(index + 1));
			break;
		}

		if (word.startsWith('--') && spec.long) {
			const [name, inline] = word.slice(2).split(/=(.*)/s) as [string, string?];
			const entry = Object.hasOwn(spec.long, name) ? spec.long[name] : undefined;
			if (!entry) {
				return {unknown: word};
			}

			if (entry.isValued) {
				const value = inline ?? argv[++index];
				if (value === undefined) {
					return {missing: word};
				}

				options.set(entry.key, value);
			} else {
				options.set(entry.key, true);
			}

			continue;
		}

		if (!word.startsWith('-') || word === '-') {
			operands.push(word);
			continue;
		}

		for (let at = 1; at < word.length; at++) {
			const letter = word[at]!;
			if (spec.valued.includes(letter)) {
				const value = at + 1 < word.length ? word.slice(at + 1) : argv[++index];
				if (value === undefined) {
					return {missing: `-${letter}`};
				}

				options.set(letter, value);
				break;
			}

			if (!spec.switches.includes(letter)) {
				return {unknown: `-${letter}`};
			}

			options.set(letter, true);
		}
	}

	return {options, operands};
}

export const result = (stdout: string, stderr: string, exitCode: number): ToolResult => ({stdout, stderr, exitCode});

/** A number of seconds as the tools take it (`2`, `0.5`), or undefined. */
export function seconds(value: string | true | undefined): number | undefined {
	if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) {
		return undefined;
	}

	return Number(value);
}
