// Reading a YAML or JSON file into documents. Valid input of the common shapes takes a fast
// reader (JSON.parse, or the fast YAML reader); the YAML parser reads the text only when the
// fast readers give up or a problem needs its line and column.
import {readJsonValue, looksLikeJson, trailingComma} from './json-document.js';
import {InputError} from './input-error.js';
import {readText} from './read-text.js';
import {readYamlFast} from './yaml-fast.js';
import {parseYamlDocuments, positionOfOffset, refuseControlCharacters, type SourceDocument} from './yaml-document.js';

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

	let located: SourceDocument[] | undefined;
	const positioned = (index: number): SourceDocument => {
		located ??= parseYamlDocuments(text, file);
		// The readers agree on the documents (the property tests hold them to it); should they
		// ever not, a problem is still reported, at the top of the file.
		return located[index] ?? {value: undefined, locate: () => ({line: 1, column: 1}), plainSourceAt: () => undefined};
	};

	return values.map((value, index) => ({
		value,
		locate: (path, isAtKey) => positioned(index).locate(path, isAtKey),
		plainSourceAt: path => positioned(index).plainSourceAt(path),
	}));
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
