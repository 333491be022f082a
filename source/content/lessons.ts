// Loading lessons: lessons/index.yaml gives the order, lessons/<id>.yaml each lesson. Every file
// is checked against the format of lessons/FORMAT.md; a bad lesson is reported by file and line
// and left out, and the others still load.
import path from 'node:path';
import {type Issue, formatFieldPath} from '../kube/issue.js';
import {type Schema, checkSchema} from '../kube/schema.js';
import type {ClusterObjects} from '../model/kubernetes.js';
import {asRecord, listAt} from '../kube/values.js';
import {documentsOf} from './documents.js';
import {loadClusterSources} from './cluster-files.js';
import type {FlowSpec, FlowsCheck} from '../model/flow-spec.js';
import {checkFlows} from './flow-spec.js';
import {InputError, type Problem} from '../model/input-error.js';
import type {DiagramEdge, Lesson, LessonPage} from '../model/lesson.js';
import {locateIssue} from './locate-issue.js';
import {readText} from './read-text.js';
import {stripControlSequences} from '../model/sanitize.js';
import {unplaced} from './yaml-document.js';

const text: Schema = {type: 'string'};
const edge: Schema = {type: 'object', fields: {from: text, to: text, port: {type: 'integer'}, protocol: text, verdict: text}};
const pageFields: Readonly<Record<LessonPage['kind'], Readonly<Record<string, Schema>>>> = {
	text: {kind: text, title: text, body: text},
	example: {kind: text, title: text, body: text, yaml: text},
	diagram: {kind: text, title: text, body: text, edges: {type: 'list', items: edge}},
	choice: {kind: text, question: text, choices: {type: 'list', items: text}, answer: {type: 'integer'}, explanation: text},
	predict: {kind: text, question: text, cluster: text, flow: {type: 'object', fields: {from: text, to: text, port: {type: 'integer'}, protocol: text}}, explanation: text},
};
const requiredFields: Readonly<Record<LessonPage['kind'], readonly string[]>> = {
	text: ['title', 'body'],
	example: ['title', 'yaml'],
	diagram: ['title', 'edges'],
	choice: ['question', 'choices', 'answer', 'explanation'],
	predict: ['question', 'cluster', 'flow', 'explanation'],
};
const lessonSchema: Schema = {
	type: 'object',
	fields: {title: text, summary: text, topics: {type: 'list', items: text}, practice: {type: 'list', items: text}, pages: {type: 'list', items: {type: 'any'}}},
};
const indexSchema: Schema = {type: 'object', fields: {formatVersion: {type: 'integer'}, lessons: {type: 'list', items: text}}};

/** The lessons that loaded, in order, and the problems of those that did not. */
export type LoadedLessons = {readonly lessons: readonly Lesson[]; readonly problems: readonly Problem[]};

/**
Reads every lesson of a lessons folder, the flows of predict pages checked by `checkEnds` (the
evaluator's, given by the caller); throws InputError only when the index itself is unusable.
*/
export function readLessons(directory: string, checkEnds: FlowsCheck): LoadedLessons {
	const indexFile = path.join(directory, 'index.yaml');
	const ids = readIndex(indexFile);
	const lessons: Lesson[] = [];
	const problems: Problem[] = [];
	for (const id of ids) {
		const file = path.join(directory, `${id}.yaml`);
		try {
			const [document] = documentsOf(readText(file), file);
			const result = checkLesson(id, document?.value, checkEnds);
			if (result.lesson) {
				lessons.push(result.lesson);
			} else {
				problems.push(...result.issues.map(issue => locateIssue(file, document ?? emptyDocument, [], issue)));
			}
		} catch (error) {
			if (!(error instanceof InputError)) {
				throw error;
			}

			problems.push(...error.problems);
		}
	}

	return {lessons, problems};
}

function readIndex(file: string): string[] {
	const [document] = documentsOf(readText(file), file);
	const value = asRecord(document?.value);
	const issues = checkSchema(document?.value, indexSchema);
	if (value?.['formatVersion'] !== 1) {
		issues.push({path: ['formatVersion'], message: 'formatVersion: must be 1 (this netpol-dojo reads lesson format 1)', severity: 'error'});
	}

	const ids = listAt(value, 'lessons').filter(id => typeof id === 'string');
	for (const [index, id] of ids.entries()) {
		if (!/^[a-z\d][a-z\d-]*$/.test(id)) {
			issues.push({path: ['lessons', index], message: `lessons[${index}]: ${JSON.stringify(id)} is not a lesson id; use lowercase letters, digits and hyphens`, severity: 'error'});
		}
	}

	if (issues.length > 0) {
		throw new InputError(issues.map(issue => locateIssue(file, document ?? emptyDocument, [], issue)));
	}

	return ids;
}

const emptyDocument = unplaced(undefined);

function problem(path: ReadonlyArray<string | number>, message: string): Issue {
	return {path, message: `${formatFieldPath(path)}: ${message}`, severity: 'error'};
}

/** A lesson from its parsed file, or every problem with it. Pure. */
export function checkLesson(id: string, value: unknown, checkEnds: FlowsCheck): {lesson?: Lesson; issues: Issue[]} {
	const issues = checkSchema(value, lessonSchema);
	const record = asRecord(value) ?? {};
	for (const field of ['title', 'summary']) {
		if (typeof record[field] !== 'string' || record[field].trim() === '') {
			issues.push(problem([field], 'Required value: a short line of text'));
		}
	}

	const pages = listAt(record, 'pages').map((page, index) => checkPage(page, ['pages', index], issues, checkEnds));
	if (pages.length === 0) {
		issues.push(problem(['pages'], 'Required value: a lesson has at least one page'));
	}

	if (issues.length > 0) {
		return {issues};
	}

	const clean = stripControlSequences;
	return {
		lesson: {
			id,
			title: clean(record['title'] as string),
			summary: clean(record['summary'] as string),
			topics: listAt(record, 'topics').map(topic => clean(String(topic))),
			practice: listAt(record, 'practice').map(id => clean(String(id))),
			pages: pages as LessonPage[],
		},
		issues,
	};
}

function checkPage(value: unknown, path: ReadonlyArray<string | number>, issues: Issue[], checkEnds: FlowsCheck): LessonPage | undefined {
	const page = asRecord(value);
	const kind = page?.['kind'];
	if (!page || typeof kind !== 'string' || !Object.hasOwn(pageFields, kind)) {
		issues.push(problem([...path, 'kind'], `must be one of ${Object.keys(pageFields).join(', ')}`));
		return undefined;
	}

	const pageKind = kind as LessonPage['kind'];
	const before = issues.length;
	issues.push(...checkSchema(page, {type: 'object', fields: pageFields[pageKind]}, path));
	for (const field of requiredFields[pageKind]) {
		if (page[field] === undefined || page[field] === null || page[field] === '') {
			issues.push(problem([...path, field], 'Required value'));
		}
	}

	if (issues.length > before) {
		return undefined;
	}

	return toPage(pageKind, page, path, issues, checkEnds);
}

function toPage(kind: LessonPage['kind'], page: Readonly<Record<string, unknown>>, path: ReadonlyArray<string | number>, issues: Issue[], checkEnds: FlowsCheck): LessonPage | undefined {
	const clean = (field: string) => stripControlSequences(typeof page[field] === 'string' ? page[field] : '');
	switch (kind) {
		case 'text': {
			return {kind, title: clean('title'), body: clean('body')};
		}

		case 'example': {
			return {kind, title: clean('title'), body: clean('body'), yaml: clean('yaml')};
		}

		case 'diagram': {
			const edges = checkEdges(listAt(page, 'edges'), [...path, 'edges'], issues);
			return edges && {kind, title: clean('title'), body: clean('body'), edges};
		}

		case 'choice': {
			const choices = listAt(page, 'choices').map(choice => stripControlSequences(String(choice)));
			const answer = page['answer'] as number;
			if (choices.length < 2 || answer < 0 || answer >= choices.length) {
				issues.push(problem([...path, 'answer'], `${answer} is not the index of one of the ${choices.length} choices (at least 2; the first is 0)`));
				return undefined;
			}

			return {kind, question: clean('question'), choices, answer, explanation: clean('explanation')};
		}

		case 'predict': {
			const predicted = checkPrediction(page, path, issues, checkEnds);
			return predicted && {kind, question: clean('question'), ...predicted, explanation: clean('explanation')};
		}
	}
}

function checkEdges(values: unknown[], path: ReadonlyArray<string | number>, issues: Issue[]): DiagramEdge[] | undefined {
	const edges: DiagramEdge[] = [];
	for (const [index, value] of values.entries()) {
		const edge = asRecord(value) ?? {};
		const {from, to, port, protocol = 'TCP', verdict} = edge;
		const isValid = typeof from === 'string' && typeof to === 'string' && typeof port === 'number' && port >= 1 && port <= 65_535
			&& (protocol === 'TCP' || protocol === 'UDP' || protocol === 'SCTP') && (verdict === undefined || verdict === 'allow' || verdict === 'deny');
		if (!isValid) {
			issues.push(problem([...path, index], 'an edge is {from, to, port: 1..65535, protocol: TCP|UDP|SCTP, verdict: allow|deny (optional)}'));
			continue;
		}

		edges.push({from: stripControlSequences(from), to: stripControlSequences(to), port, protocol, ...(verdict === undefined ? {} : {verdict})});
	}

	return edges.length === values.length ? edges : undefined;
}

// The cluster must be valid objects and the flow must name its pods, so that the evaluator can
// always answer the question.
function checkPrediction(page: Readonly<Record<string, unknown>>, path: ReadonlyArray<string | number>, issues: Issue[], checkEnds: FlowsCheck): {cluster: ClusterObjects; clusterYaml: string; flow: FlowSpec} | undefined {
	const clusterYaml = page['cluster'] as string;
	let objects: ClusterObjects;
	try {
		objects = clusterObjectsOf(clusterYaml);
	} catch (error) {
		const detail = error instanceof InputError ? error.problems.map(entry => `line ${entry.line ?? '?'} of the cluster: ${entry.message}`).join('; ') : String(error);
		issues.push(problem([...path, 'cluster'], detail));
		return undefined;
	}

	const {flows, issues: flowIssues} = checkFlows({flows: [page['flow']]});
	const [flow] = flows;
	if (!flow || flowIssues.length > 0) {
		issues.push(problem([...path, 'flow'], flowIssues.map(issue => issue.message.replace(/^flows\[0\]\.?/, '')).join('; ')));
		return undefined;
	}

	const [flowProblems = []] = checkEnds(objects, [flow], 'lesson');
	if (flowProblems.length > 0) {
		issues.push(...flowProblems.map(entry => problem([...path, 'flow', ...(entry.isAboutFlow ? [] : [entry.field])], entry.message)));
		return undefined;
	}

	return {cluster: objects, clusterYaml: stripControlSequences(clusterYaml), flow};
}

function clusterObjectsOf(yamlText: string): ClusterObjects {
	return loadClusterSources([{file: 'cluster', documents: documentsOf(yamlText, 'cluster')}]).objects;
}
