import {readText} from './read-text.js';
import {looksLikeJson, parseJsonDocument} from './json-document.js';
import {parseYamlDocuments, type SourceDocument} from './yaml-document.js';

/** The documents of a YAML or JSON file, JSON taking the fast path when it is valid. */
export function readDocuments(file: string, maxBytes?: number): SourceDocument[] {
	const text = readText(file, maxBytes);
	if (looksLikeJson(text)) {
		const document = parseJsonDocument(text, file);
		if (document) {
			return [document];
		}
	}

	return parseYamlDocuments(text, file);
}
