// The parts every screen about one challenge shows: a grade as lines (the score, each failed case
// with its reason, the notes), the task, the cluster, and the learner's policies beside a reference
// solution. The challenge screen and the exam's task and review screens share them.
import type {ReactElement} from 'react';
import type {Challenge} from '../../model/challenge.js';
import {clusterTable} from '../../format/cluster-summary.js';
import {policyYaml} from '../../format/policy-yaml.js';
import {reflowParagraphs} from '../../format/reflow.js';
import {gradeText} from '../state/grade-text.js';
import type {ChallengeEntry, GradeResult} from '../state/types.js';
import {richTextLines, truncatedYaml} from '../widgets/rich-text.js';
import {blank, row, wrapped} from '../widgets/screen-lines.js';

/** A grade, or why there is none, as lines. */
export function resultLines(result: GradeResult, width: number, key: string): ReactElement[] {
	switch (result.kind) {
		case 'editorFailed': {
			return wrapped(`The editor did not open: ${result.message}`, `${key}.editor`, width, {color: 'red'});
		}

		case 'empty': {
			return wrapped('Your file has no NetworkPolicy yet: press e to write one below the comments.', `${key}.empty`, width, {color: 'yellow'});
		}

		case 'unchanged': {
			return wrapped('Not graded: your file is as it started (the skeleton is only a start, not an answer).', `${key}.unchanged`, width, {color: 'yellow'});
		}

		case 'invalid': {
			return [
				row(`${key}.invalid`, 'Not graded: kubectl would refuse your file.', {color: 'red', bold: true}),
				...result.problems.flatMap((problem, index) => wrapped(problem, `${key}.problem.${index}`, width, {color: 'red'}, '  ')),
			];
		}

		case 'graded': {
			const {report} = result;
			const text = gradeText(report, result.isCluster === true ? 'your cluster' : 'your file');
			const lines: ReactElement[] = text.headline === undefined
				? [row(`${key}.score`, `Passed: every flow is decided as the task asks; all ${report.cases.total} hidden cases hold.`, {color: 'green', bold: true})]
				: wrapped(`Not passed: ${text.headline}.`, `${key}.score`, width, {color: 'red', bold: true}, '', '  ');
			for (const [index, difference] of text.labels.entries()) {
				lines.push(...wrapped(`✗ ${difference}`, `${key}.label.${index}`, width, {}, '  ', '    '));
			}

			if (text.counterexample) {
				lines.push(...wrapped(`✗ ${text.counterexample.sentence}`, `${key}.counterexample`, width, {}, '  ', '    '));
				for (const [index, detail] of text.counterexample.details.entries()) {
					lines.push(...wrapped(detail, `${key}.counterexample.${index}`, width, {dimColor: true}, '      ', '  '));
				}
			}

			for (const [index, failure] of text.failures.entries()) {
				lines.push(
					...wrapped(`✗ ${failure.sentence}`, `${key}.failure.${index}`, width, {}, '  ', '  '),
					...wrapped(failure.reason, `${key}.reason.${index}`, width, {dimColor: true}, '      '),
				);
			}

			for (const [index, mistake] of report.mistakes.entries()) {
				lines.push(...wrapped(`note: ${mistake}`, `${key}.mistake.${index}`, width, {color: 'yellow'}, '  ', '      '));
			}

			for (const [index, note] of result.notes.entries()) {
				lines.push(...wrapped(note, `${key}.note.${index}`, width, {dimColor: true}, '  '));
			}

			return lines;
		}
	}
}

/** The cluster a task is about: namespaces, pods, and the policies already there. */
export function clusterLines(entry: ChallengeEntry, key: string, width: number): ReactElement[] {
	const {cluster} = entry.challenge;
	const {namespaces, pods} = clusterTable(cluster, width - 2);
	return [
		row(`${key}.title`, 'The cluster', {bold: true, color: 'yellow'}),
		...namespaces.map((line, index) => row(`${key}.ns.${index}`, `  ${line}`, index === 0 ? {dimColor: true} : {})),
		blank(`${key}.gap`),
		...pods.map((line, index) => row(`${key}.pod.${index}`, `  ${line}`, index === 0 ? {dimColor: true} : {})),
		blank(`${key}.gap2`),
		row(`${key}.policies`, cluster.policies.length === 0 ? 'No NetworkPolicy exists in the cluster yet.' : 'NetworkPolicies already in the cluster:', {dimColor: true}),
		...cluster.policies.flatMap((policy, index) => truncatedYaml(policyYaml(policy), `${key}.policy.${index}`)),
	];
}

export function taskLines(entry: ChallengeEntry, width: number, key: string): ReactElement[] {
	return [row(`${key}.title`, 'Task', {bold: true, color: 'yellow'}), ...richTextLines(reflowParagraphs(entry.challenge.task), `${key}.body`, width)];
}

/** The learner's policies without the task comments the file starts with. */
export function policiesOf(text: string): string {
	const lines = text.split('\n');
	const first = lines.findIndex(line => line.trim() !== '' && !line.trimStart().startsWith('#'));
	return first === -1 ? '' : lines.slice(first).join('\n');
}

/** A reference solution as its author wrote it, comments kept, or as YAML when there is no text. */
export function referenceText(challenge: Challenge): string {
	return challenge.solutionText ?? challenge.solution.map(policy => policyYaml(policy)).join('\n---\n');
}

/** What the learner's file holds, for showing it beside the reference: its policies, or why not. */
export function learnerPolicies(result: GradeResult | undefined): string {
	switch (result?.kind) {
		case 'graded': {
			return policiesOf(result.text);
		}

		case 'empty':
		case 'unchanged': {
			return '(your file has no policy)';
		}

		case 'invalid': {
			return '(kubectl would refuse your file: see why above)';
		}

		default: {
			return '(your file was not graded)';
		}
	}
}

/** Two YAML texts, the learner's and the reference: side by side at 84 columns and more, else one above the other. */
export function besideReference(mine: string, reference: string, width: number, key: string): ReactElement[] {
	const mineLines = mine.replace(/\s+$/, '').split('\n');
	const referenceLines = reference.replace(/\s+$/, '').split('\n');
	if (width < 84) {
		return [row(`${key}.mine.title`, 'Yours', {bold: true, color: 'yellow'}), ...truncatedYaml(mineLines.join('\n'), `${key}.mine`), blank(`${key}.gap2`), row(`${key}.reference.title`, 'Reference', {bold: true, color: 'yellow'}), ...truncatedYaml(referenceLines.join('\n'), `${key}.reference`)];
	}

	const column = Math.floor((width - 3) / 2);
	const cell = (text: string | undefined) => (text ?? '').slice(0, column).padEnd(column);
	const rows = Math.max(mineLines.length, referenceLines.length);
	return [
		row(`${key}.heads`, `${cell('Yours')} │ Reference`, {bold: true, color: 'yellow'}),
		...Array.from({length: rows}, (_unused, index) => row(`${key}.${index}`, `${cell(mineLines[index])} │ ${(referenceLines[index] ?? '').slice(0, column)}`)),
	];
}
