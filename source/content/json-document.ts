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

import {maxNesting} from './yaml-document.js';

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
	const written = countWrittenKeys(text);
	return written !== undefined && written === countKeys(value);
}

// Keys are the strings that open an object or follow a comma inside one.
function countWrittenKeys(text: string): number | undefined {
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
			if (isObject.length >= maxNesting) {
				return undefined;
			}

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

function countKeys(value: unknown): number {
	if (typeof value !== 'object' || value === null) {
		return 0;
	}

	let count = 0;
	if (Array.isArray(value)) {
		for (const item of value) {
			count += countKeys(item);
		}

		return count;
	}

	for (const key in value) {
		if (Object.hasOwn(value, key)) {
			count += 1 + countKeys((value as Record<string, unknown>)[key]);
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
