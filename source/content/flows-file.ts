// Reading a flows file (one YAML or JSON document), every problem reported at its line.
import type {Issue} from '../kube/issue.js';
import {locateIssue} from './locate-issue.js';
import {documentsOf} from './documents.js';
import type {FlowSpec} from '../model/flow-spec.js';
import {checkFlows} from './flow-spec.js';
import {InputError, maxReportedProblems, type Problem} from '../model/input-error.js';
import {readText} from './read-text.js';
import type {SourceDocument} from './yaml-document.js';

export type FlowsFile = {
	readonly file: string;
	readonly flows: readonly FlowSpec[];
	/** The position of a flow's field, for problems found later (an unknown pod). */
	readonly locate: (index: number, field: keyof FlowSpec) => Problem;
};

/** Reads and checks a flows file; throws InputError with every problem, at its line. */
export function readFlowsFile(file: string, maxBytes?: number): FlowsFile {
	return flowsOfDocuments(file, documentsOf(readText(file, maxBytes), file));
}

/** Checks the documents of a flows file already read; throws InputError with every problem, at its line. */
export function flowsOfDocuments(file: string, documents: readonly SourceDocument[]): FlowsFile {
	if (documents.length === 0) {
		throw new InputError([{file, message: 'is empty; a flows file lists flows under `flows:` (see `netpol-dojo --help`)'}]);
	}

	if (documents.length > 1) {
		throw new InputError([{file, message: `has ${documents.length} YAML documents; a flows file has exactly one`}]);
	}

	const document = documents[0]!;
	const {flows, issues} = checkFlows(document.value);
	if (issues.length > 0) {
		// Only the problems reported are located; the others are counted.
		const reported = issues.slice(0, maxReportedProblems).map((issue: Issue) => locateIssue(file, document, [], issue));
		throw new InputError(reported, issues.length - reported.length);
	}

	return {
		file,
		flows,
		locate: (index, field) => locateIssue(file, document, [], {path: ['flows', index, field], message: '', severity: 'error'}),
	};
}
