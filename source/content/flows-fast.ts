// A reader for the common layouts of a flows file (one `{from: …, to: …}` per line, or small
// block mappings), about twenty times faster than a general YAML parser on large files. It
// accepts only what it can read exactly as the YAML parser would, and gives up (undefined) on
// anything else, which then goes to the YAML parser: so it can be fast without being clever.

type Scalar = string | number;

/** The value of a flows file, or undefined when the text is outside the layouts read here. */
export function readFlowsFast(text: string): {flows: Array<Record<string, Scalar>>} | undefined {
	const lines = text.split('\n');
	const flows: Array<Record<string, Scalar>> = [];
	let index = 0;
	const isSkippable = (line: string) => /^\s*(?:#.*)?\r?$/.test(line);
	while (index < lines.length && isSkippable(lines[index]!)) {
		index++;
	}

	if (!/^flows:[ \t]*(?:#.*)?\r?$/.test(lines[index] ?? '')) {
		return undefined;
	}

	index++;
	let itemIndent: number | undefined;
	let current: Record<string, Scalar> | undefined;
	let keyIndent = 0;
	for (; index < lines.length; index++) {
		const line = lines[index]!.endsWith('\r') ? lines[index]!.slice(0, -1) : lines[index]!;
		if (isSkippable(line)) {
			continue;
		}

		const indent = line.length - line.trimStart().length;
		const rest = line.slice(indent);
		if (rest.startsWith('- ')) {
			if (indent !== (itemIndent ??= indent)) {
				return undefined;
			}

			const content = rest.slice(2).trimStart();
			if (content.startsWith('{')) {
				const flow = readFlowMapping(content);
				if (!flow) {
					return undefined;
				}

				flows.push(flow);
				current = undefined;
			} else {
				current = Object.create(null) as Record<string, Scalar>;
				keyIndent = indent + 2 + (rest.length - 2 - content.length);
				if (!readBlockEntry(content, current)) {
					return undefined;
				}

				flows.push(current);
			}
		} else if (current && indent === keyIndent) {
			if (!readBlockEntry(rest, current)) {
				return undefined;
			}
		} else {
			return undefined;
		}
	}

	return {flows};
}

function readBlockEntry(text: string, into: Record<string, Scalar>): boolean {
	const match = /^([A-Za-z][\w-]*):[ \t]+(.*)$/.exec(text);
	if (!match) {
		return false;
	}

	const [, key, rawValue] = match as unknown as [string, string, string];
	const value = readScalar(stripComment(rawValue));
	if (value === undefined || Object.hasOwn(into, key)) {
		return false;
	}

	into[key] = value;
	return true;
}

function stripComment(text: string): string {
	const quoted = /^("[^"\\]*"|'[^']*')/.exec(text);
	if (quoted) {
		const after = text.slice(quoted[1]!.length);
		return /^\s*(?:#.*)?$/.test(after) ? quoted[1]! : '\u0000';
	}

	const comment = text.search(/\s#/);
	return (comment === -1 ? text : text.slice(0, comment)).trimEnd();
}

function readFlowMapping(text: string): Record<string, Scalar> | undefined {
	const close = text.lastIndexOf('}');
	if (close === -1 || !/^\s*(?:#.*)?$/.test(text.slice(close + 1))) {
		return undefined;
	}

	const body = text.slice(1, close);
	// Quotes, nested collections and colons inside values (IPv6) go to the YAML parser.
	if (/["'[\]{}]/.test(body)) {
		return undefined;
	}

	const flow = Object.create(null) as Record<string, Scalar>;
	for (const entry of body.split(',')) {
		const match = /^\s*([A-Za-z][\w-]*):\s+([^:#]*?)\s*$/.exec(entry);
		if (!match) {
			return undefined;
		}

		const [, key, rawValue] = match as unknown as [string, string, string];
		const value = readScalar(rawValue);
		if (value === undefined || Object.hasOwn(flow, key)) {
			return undefined;
		}

		flow[key] = value;
	}

	return flow;
}

/**
A scalar whose meaning is the same in YAML 1.1 and 1.2 and to every reader: a decimal integer,
a quoted string without escapes, or a plain word that cannot be a number, boolean or null.
*/
function readScalar(text: string): Scalar | undefined {
	if (/^"[^"\\]*"$/.test(text) || /^'[^']*'$/.test(text)) {
		return text.slice(1, -1);
	}

	if (/^(?:0|[1-9]\d{0,14})$/.test(text)) {
		return Number(text);
	}

	// A word starting with a digit may only be an IPv4 address; hex, octal, binary, floats and
	// underscores read differently across YAML versions.
	if (!/^[A-Za-z\d][\w./-]*$/.test(text) || (/^\d/.test(text) && !/^\d+(?:\.\d+){3}$/.test(text))) {
		return undefined;
	}

	const isReservedWord = /^(?:y|yes|n|no|on|off|true|false|null)$/i.test(text);
	return isReservedWord ? undefined : text;
}
