// Reading a YAML or JSON file into documents. JSON takes JSON.parse; YAML takes js-yaml with
// kubectl's dialect (yaml-kubectl.ts). Positions are found only when something is to be placed:
// by the yaml package in a text of up to a megabyte, whose messages it words too; in a larger
// one, by a second reading with js-yaml (yaml-index.ts), as the yaml package would take minutes.
import {readJsonValue, looksLikeJson, trailingComma} from './json-document.js';
import {InputError} from '../model/input-error.js';
import {readText} from './read-text.js';
import type {PathSegment} from '../kube/issue.js';
import {type DocumentPositions, documentPositions, parseYamlDocuments, positionOfOffset, refuseControlCharacters, type SourceDocument, unplaced} from './yaml-document.js';
import {YamlIndex} from './yaml-index.js';
import {readKubectlYaml, type YamlProblem} from './yaml-kubectl.js';
import {kubectlDifference, suspectsIn, withEmptyNestedItemsWritten, withLineFeeds} from './yaml-kubectl-checks.js';

/** Texts up to this length have their problems worded and placed by the yaml package. */
export const yamlPackageLimit = 1024 * 1024;

/** The documents of a YAML or JSON text. */
export function documentsOf(text: string, file: string): SourceDocument[] {
	if (looksLikeJson(text)) {
		const value = readJsonValue(text);
		if (value !== undefined) {
			return withPositions(text, [value], undefined);
		}

		// JSON.parse refuses control characters outside strings, and the YAML reader below would
		// accept trailing commas, which kubectl's JSON reader refuses.
		refuseControlCharacters(text, file);
		refuseTrailingComma(text, file);
	} else {
		refuseControlCharacters(text, file);
	}

	const {text: fed, separators} = withLineFeeds(text);
	const lines = withEmptyNestedItemsWritten(fed);
	const hasAnchors = hasAnchor(lines);
	const read = readKubectlYaml(lines, hasAnchors);
	if ('problem' in read) {
		throw problemError(lines, file, read.problem);
	}

	const suspects = suspectsIn(lines, separators, hasAnchors, read.hasKeyNamedNull);
	let index: YamlIndex | undefined;
	if (suspects) {
		index = new YamlIndex(lines);
		const difference = kubectlDifference(index, suspects);
		if (difference) {
			throw new InputError([{file, ...index.position(difference.offset), message: difference.message}]);
		}
	}

	return withPositions(lines, read.values, index);
}

// An anchor follows white space or a flow indicator; without one, no value read is shared.
function hasAnchor(text: string): boolean {
	return /(?:^|[ \t[{,])&[^ \t\r\n]/m.test(text);
}

// The yaml package words and places a problem in a text it reads in reasonable time; if it sees
// none (the readers differ, as on a tab after `- `), js-yaml's problem is reported.
function problemError(text: string, file: string, problem: YamlProblem): InputError {
	if (text.length <= yamlPackageLimit) {
		try {
			parseYamlDocuments(text, file);
		} catch (error) {
			if (error instanceof InputError) {
				return error;
			}

			throw error;
		}
	}

	if (problem.kind === 'syntax') {
		return new InputError([{file, ...positionOfOffset(text, problem.offset), message: problem.message}]);
	}

	const at = new YamlIndex(text).positionsOf(problem.document).locate(problem.path, problem.isAtKey);
	return new InputError([{file, ...at, message: problem.message}]);
}

function withPositions(text: string, values: readonly unknown[], index: YamlIndex | undefined): SourceDocument[] {
	const positioned = text.length <= yamlPackageLimit ? positionsFinder(text) : indexFinder(text, index);
	return values.map((value, document) => ({
		value,
		locate: (path, isAtKey) => positioned(document, path).locate(path, isAtKey),
		plainSourceAt: path => positioned(document, path).plainSourceAt(path),
	}));
}

// One more reading of a large text, the first time a position is asked for.
function indexFinder(text: string, made: YamlIndex | undefined): (document: number, path: readonly PathSegment[]) => Omit<SourceDocument, 'value'> {
	let index = made;
	return document => {
		index ??= new YamlIndex(text);
		return document < index.roots.length ? index.positionsOf(document) : nowhere;
	};
}

/** The first part of a text the YAML parser reads for positions: a thousand lines or so. */
const firstPositionsPrefix = 64 * 1024;

const nowhere: Omit<SourceDocument, 'value'> = unplaced(undefined);

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

/** The documents of a YAML or JSON file. */
export function readDocuments(file: string, maxBytes?: number): SourceDocument[] {
	return documentsOf(readText(file, maxBytes), file);
}
