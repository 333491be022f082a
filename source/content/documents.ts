// Reading a YAML or JSON file into documents. Valid input of the common shapes takes a fast
// reader (JSON.parse, or the fast YAML reader); the YAML parser reads the text only when the
// fast readers give up or a problem needs its line and column.
import {readJsonValue, looksLikeJson, trailingComma} from './json-document.js';
import {InputError} from './input-error.js';
import {readText} from './read-text.js';
import {readYamlFast} from './yaml-fast.js';
import type {PathSegment} from '../kube/issue.js';
import {type DocumentPositions, documentPositions, parseYamlDocuments, positionOfOffset, refuseControlCharacters, type SourceDocument} from './yaml-document.js';

/** The documents of a YAML or JSON text. */
export function documentsOf(text: string, file: string): SourceDocument[] {
	const isJson = looksLikeJson(text);
	const values = isJson ? fastJson(text) : readYamlFast(text);
	if (!values) {
		// The fast YAML reader leaves control characters to this check; JSON.parse refuses them
		// outside strings, and the check applies here to JSON it could not read.
		refuseControlCharacters(text, file);
		if (isJson) {
			refuseTrailingComma(text, file);
		}

		return parseYamlDocuments(text, file);
	}

	const positioned = positionsFinder(text);
	return values.map((value, index) => ({
		value,
		locate: (path, isAtKey) => positioned(index, path).locate(path, isAtKey),
		plainSourceAt: path => positioned(index, path).plainSourceAt(path),
	}));
}

/** The first part of a text the YAML parser reads for positions: a thousand lines or so. */
const firstPositionsPrefix = 64 * 1024;

const nowhere: Omit<SourceDocument, 'value'> = {locate: () => ({line: 1, column: 1}), plainSourceAt: () => undefined};

// Positions come from the YAML parser, which takes a minute and gigabytes for a few megabytes of
// list items. The problems reported are the first ten, mostly near the start, so the parser
// reads the start of the text first, four times more each time what is asked lies past it.
function positionsFinder(text: string): (index: number, path: readonly PathSegment[]) => Omit<SourceDocument, 'value'> {
	let length = 0;
	let documents: DocumentPositions[] = [];
	return (index, path) => {
		while (documents[index]?.isSettled(path) !== true && length < text.length) {
			length = lineEnd(text, length === 0 ? firstPositionsPrefix : length * 4);
			documents = documentPositions(text, length);
		}

		// The readers agree on the documents (the property tests hold them to it); should they
		// ever not, a problem is still reported, at the top of the file.
		return documents[index] ?? nowhere;
	};
}

// The offset just past the line break at or after `offset`: the text is cut between lines.
function lineEnd(text: string, offset: number): number {
	const end = text.indexOf('\n', Math.min(offset, text.length));
	return end === -1 ? text.length : end + 1;
}

// kubectl reads a text that starts with `{` or `[` as JSON, which has no trailing commas; the
// YAML parser, which reads what JSON.parse could not, would accept them as YAML flow style.
function refuseTrailingComma(text: string, file: string): void {
	const comma = trailingComma(text);
	if (comma) {
		throw new InputError([{file, ...positionOfOffset(text, comma.offset), message: `invalid JSON: a comma before '${comma.closer}'; JSON has no comma after the last entry (kubectl refuses it)`}]);
	}
}

function fastJson(text: string): unknown[] | undefined {
	const value = readJsonValue(text);
	return value === undefined ? undefined : [value];
}

/** The documents of a YAML or JSON file. */
export function readDocuments(file: string, maxBytes?: number): SourceDocument[] {
	return documentsOf(readText(file, maxBytes), file);
}
