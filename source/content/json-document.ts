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

	return isOrdinaryJson(text) ? value : undefined;
}

import {maxNesting} from './yaml-document.js';

const quote = 0x22;
const backslash = 0x5C;
const openBrace = 0x7B;
const closeBrace = 0x7D;
const openBracket = 0x5B;
const closeBracket = 0x5D;
const colon = 0x3A;
const comma = 0x2C;

/**
Whether a valid JSON text has no object with the same key twice (JSON.parse keeps the last, where
kubectl refuses it) and nests no deeper than Kubernetes objects do.
*/
export function isOrdinaryJson(text: string): boolean {
	// One entry per open container: the keys seen so far for an object, undefined for a list.
	const stack: Array<Set<string> | undefined> = [];
	let isExpectingKey = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === quote) {
			const end = endOfString(text, index);
			const keys = stack.at(-1);
			if (isExpectingKey && keys) {
				const key = text.slice(index + 1, end);
				if (keys.has(key)) {
					return false;
				}

				keys.add(key);
			}

			isExpectingKey = false;
			index = end;
		} else if (code === openBrace || code === openBracket) {
			if (stack.length >= maxNesting) {
				return false;
			}

			stack.push(code === openBrace ? new Set() : undefined);
			isExpectingKey = code === openBrace;
		} else if (code === closeBrace || code === closeBracket) {
			stack.pop();
		} else if (code === comma) {
			isExpectingKey = stack.at(-1) !== undefined;
		} else if (code === colon) {
			isExpectingKey = false;
		}
	}

	return true;
}

// Keys are compared as written; an escaped key equal to a plain one is rare enough in
// Kubernetes objects to let JSON.parse's last-wins stand for it.
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
