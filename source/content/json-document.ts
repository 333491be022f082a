import {maxNesting} from './yaml-document.js';

// `kubectl get -o json` dumps are large, and JSON is YAML: JSON.parse reads them about twenty
// times faster than a YAML parser. Positions are only needed when something is wrong, so the
// YAML parser runs on the same text only then.

/** Whether the text is meant as JSON (its first significant character opens an object or list). */
export function looksLikeJson(text: string): boolean {
	return /^\s*[[{]/.test(text);
}

/**
The value of a JSON text, or undefined when JSON.parse refuses it or it repeats a key in an
object: the YAML parser then reads it again and reports the problem at its line.
*/
export function readJsonValue(text: string): unknown {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return undefined;
	}

	return isOrdinaryJson(text, value) ? value : undefined;
}

const quote = 0x22;
const backslash = 0x5C;
const openBrace = 0x7B;
const closeBrace = 0x7D;
const openBracket = 0x5B;
const closeBracket = 0x5D;
const comma = 0x2C;

/**
Whether a valid JSON text has no object with the same key twice (JSON.parse keeps the last, where
kubectl refuses it) and nests no deeper than Kubernetes objects do. A repeated key is one that
JSON.parse folded away, so it shows as fewer keys in the value than in the text.
*/
export function isOrdinaryJson(text: string, value: unknown): boolean {
	const parsedKeys = countKeys(value, 0);
	const isQuickCountSafe = !/"[ \t\r\n]+:/.test(text);
	return parsedKeys !== undefined && ((isQuickCountSafe && parsedKeys === countKeyColons(text)) || parsedKeys === countWrittenKeysByCharacter(text));
}

// Unless a colon is set apart from its key (`"key" : 1`, checked before), every key ends with an
// unescaped quote and a colon, so counting `":` pairs is fast and never counts too few; it
// counts too many when a string value starts with a colon (`"::/0"`), and the exact count then
// decides.
function countKeyColons(text: string): number {
	let count = 0;
	for (let index = text.indexOf('":'); index !== -1; index = text.indexOf('":', index + 2)) {
		let backslashes = 0;
		while (text.charCodeAt(index - 1 - backslashes) === backslash) {
			backslashes++;
		}

		count += backslashes % 2 === 0 ? 1 : 0;
	}

	return count;
}

// Keys are the strings that open an object or follow a comma inside one.
function countWrittenKeysByCharacter(text: string): number {
	const isObject: boolean[] = [];
	let isExpectingKey = false;
	let count = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === quote) {
			count += isExpectingKey ? 1 : 0;
			isExpectingKey = false;
			index = endOfString(text, index);
		} else if (code === openBrace || code === openBracket) {
			isObject.push(code === openBrace);
			isExpectingKey = code === openBrace;
		} else if (code === closeBrace || code === closeBracket) {
			isObject.pop();
		} else if (code === comma) {
			isExpectingKey = isObject.at(-1) === true;
		}
	}

	return count;
}

// The keys of every object in the value; undefined when it nests deeper than maxNesting.
function countKeys(value: unknown, depth: number): number | undefined {
	if (typeof value !== 'object' || value === null) {
		return 0;
	}

	if (depth >= maxNesting) {
		return undefined;
	}

	let count = 0;
	if (Array.isArray(value)) {
		for (const item of value) {
			const inner = countKeys(item, depth + 1);
			if (inner === undefined) {
				return undefined;
			}

			count += inner;
		}

		return count;
	}

	for (const key in value) {
		if (Object.hasOwn(value, key)) {
			const inner = countKeys((value as Record<string, unknown>)[key], depth + 1);
			if (inner === undefined) {
				return undefined;
			}

			count += 1 + inner;
		}
	}

	return count;
}

function endOfString(text: string, start: number): number {
	let index = start + 1;
	for (;;) {
		const next = text.indexOf('"', index);
		if (next === -1) {
			return text.length;
		}

		let backslashes = 0;
		while (text.charCodeAt(next - 1 - backslashes) === backslash) {
			backslashes++;
		}

		if (backslashes % 2 === 0) {
			return next;
		}

		index = next + 1;
	}
}

/**
The first comma (its offset, and the bracket after it) that is followed (past white space and comments) by `]` or `}`, in
a text read as JSON; undefined when there is none. Strings are skipped: double-quoted ones, and
single-quoted ones where a YAML flow value may start one.
*/
export function trailingComma(text: string): {readonly offset: number; readonly closer: string} | undefined {
	let pendingComma: number | undefined;
	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		if (character === ' ' || character === '\t' || character === '\r' || character === '\n') {
			continue;
		}

		if (character === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
			const end = text.indexOf('\n', index);
			index = end === -1 ? text.length : end;
			continue;
		}

		if ((character === ']' || character === '}') && pendingComma !== undefined) {
			return {offset: pendingComma, closer: character};
		}

		pendingComma = character === ',' ? index : undefined;
		if (character === '"') {
			index = endOfString(text, index);
		} else if (character === '\'' && /[[{,:\s]/.test(text[index - 1] ?? ' ')) {
			index = endOfSingleQuoted(text, index);
		}
	}

	return undefined;
}

// A single-quoted YAML string escapes a quote by doubling it.
function endOfSingleQuoted(text: string, start: number): number {
	let index = start + 1;
	for (;;) {
		const next = text.indexOf('\'', index);
		if (next === -1) {
			return text.length;
		}

		if (text[next + 1] !== '\'') {
			return next;
		}

		index = next + 2;
	}
}
