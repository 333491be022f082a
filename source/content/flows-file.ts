// Reading a flows file: the fast reader (or JSON.parse) for the value, and the YAML parser for
// positions only when there is a problem to point at.
import type {Issue} from '../kube/issue.js';
import {locateIssue} from './cluster-files.js';
import {type FlowSpec, checkFlows} from './flow-spec.js';
import {readFlowsFast} from './flows-fast.js';
import {InputError, type Problem} from './input-error.js';
import {looksLikeJson} from './json-document.js';
import {readText} from './read-text.js';
import {parseYamlDocuments, type SourceDocument} from './yaml-document.js';
import {parseJsonDocument} from './json-document.js';

export type FlowsFile = {
	readonly file: string;
	readonly flows: readonly FlowSpec[];
	/** The position of a flow's field, for problems found later (an unknown pod). */
	readonly locate: (index: number, field: keyof FlowSpec) => Problem;
};

/** Reads and checks a flows file; throws InputError with every problem, at its line. */
export function readFlowsFile(file: string, maxBytes?: number): FlowsFile {
	const text = readText(file, maxBytes);
	const fastValue = looksLikeJson(text) ? parseJsonDocument(text, file)?.value : readFlowsFast(text);
	if (fastValue !== undefined) {
		const {flows, issues} = checkFlows(fastValue);
		if (issues.length === 0) {
			let document: SourceDocument | undefined;
			const locate = (index: number, field: keyof FlowSpec): Problem => {
				document ??= parseYamlDocuments(text, file)[0]!;
				return locateIssue(file, document, [], {path: ['flows', index, field], message: '', severity: 'error'});
			};

			return {file, flows, locate};
		}
	}

	const documents = parseYamlDocuments(text, file);
	if (documents.length !== 1) {
		throw new InputError([{file, message: `has ${documents.length} YAML documents; a flows file has exactly one`}]);
	}

	const document = documents[0]!;
	const {flows, issues} = checkFlows(document.value);
	if (issues.length > 0) {
		throw new InputError(issues.map((issue: Issue) => locateIssue(file, document, [], issue)));
	}

	return {file, flows, locate: (index, field) => locateIssue(file, document, [], {path: ['flows', index, field], message: '', severity: 'error'})};
}
