// A challenge's screen as lines: the grade first (the score, each failed case with its reason,
// the notes), revealed hints, the task and the cluster; or the reference solution beside the
// learner's policies; or the matrix of both.
import type {ReactElement} from 'react';
import type {Challenge} from '../../model/challenge.js';
import {Text} from 'ink';
import {clusterTable} from '../../format/cluster-summary.js';
import {policyYaml} from '../../format/policy-yaml.js';
import {reflowParagraphs} from '../../format/reflow.js';
import type {Palette} from '../../format/color.js';
import {podGridLines} from '../../format/matrix-text.js';
import type {ChallengeProgress} from '../../progress/challenge-model.js';
import type {ChallengeEntry, GradeResult, ScreenOf} from '../state/types.js';
import {gradeText} from '../state/grade-text.js';
import type {MatrixView} from '../state/matrix-view.js';
import {richTextLines, yamlLines} from '../widgets/rich-text.js';
import {blank, percent, row, stripAnsi, timeOfDay, wrapped} from '../widgets/screen-lines.js';

/** What a challenge's screen shows, read from the state by the app. */
export type ChallengeView = {
	readonly entry: ChallengeEntry;
	readonly screen: ScreenOf<'challenge'>;
	/** The challenge's record in progress. */
	readonly record: ChallengeProgress;
	/** Solved, on record or by the grade on screen: the reference solution is offered. */
	readonly isSolved: boolean;
	/** Whether the grade on screen has ports for the matrix view. */
	readonly hasMatrix: boolean;
	/** The editor e opens, as the screen names it. */
	readonly editorName: string;
	readonly now: number;
	readonly palette: Palette;
};

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

export function truncatedYaml(text: string, key: string, indent = '  '): ReactElement[] {
	return yamlLines(text, key, indent).map(element => <Text key={element.key} wrap="truncate-end">{element}</Text>);
}

export function taskLines(entry: ChallengeEntry, width: number, key: string): ReactElement[] {
	return [row(`${key}.title`, 'Task', {bold: true, color: 'yellow'}), ...richTextLines(reflowParagraphs(entry.challenge.task), `${key}.body`, width)];
}

/** The learner's policies without the task comments the file starts with. */
function policiesOf(text: string): string {
	const lines = text.split('\n');
	const first = lines.findIndex(line => line.trim() !== '' && !line.trimStart().startsWith('#'));
	return first === -1 ? '' : lines.slice(first).join('\n');
}

/** A reference solution as its author wrote it, comments kept, or as YAML when there is no text. */
export function referenceText(challenge: Challenge): string {
	return challenge.solutionText ?? challenge.solution.map(policy => policyYaml(policy)).join('\n---\n');
}

// What the note above the two answers can truly say of the learner's file as it is now: after
// a start afresh or a failed grade, "yours decides every flow as it does" would be false.
function solutionNote(result: GradeResult | undefined): string {
	if (result?.kind !== 'graded') {
		return 'You solved this challenge before; your file as it is now is not graded yet (press r). The reference is one right answer among many.';
	}

	return result.report.passed
		? 'Other answers can be as right as the reference: yours decides every flow as it does.'
		: 'Your file as it is now does not pass (its grade is on the challenge page); the reference is one right answer among many.';
}

/** The learner's file and the reference solution, side by side when there is room. */
function solutionLines(entry: ChallengeEntry, screen: ScreenOf<'challenge'>, width: number): ReactElement[] {
	const mine = screen.result?.kind === 'graded' ? policiesOf(screen.result.text) : '(grade your file to see it here: press r)';
	return [
		...wrapped(`${entry.challenge.id}: your policies and a reference solution`, 'solution.title', width, {bold: true}),
		...wrapped(solutionNote(screen.result), 'solution.note', width, {dimColor: true}),
		blank('solution.gap'),
		...besideReference(mine, referenceText(entry.challenge), width, 'solution'),
	];
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

/**
The network the learner's policies make beside the one the reference solution makes, on one
port of the hidden cases, with the cells where they differ marked: where to look after a
failed grade.
*/
function matrixViewLines(view: MatrixView, palette: Palette, width: number): ReactElement[] {
	const {port, protocol, yours, expected} = view;
	const {differences, differing} = view.comparison;
	const half = Math.floor((width - 3) / 2);
	const mine = podGridLines(yours, palette, {differing, width: half});
	const theirs = podGridLines(expected, palette, {differing, width: half});
	const lines: ReactElement[] = [
		row('matrix.title', `Who may connect to whom on ${port}/${protocol} (rows: from, columns: to) · port ${view.portIndex + 1} of ${view.portCount}`, {bold: true}),
		row('matrix.count', differences.length === 0 ? 'Your policies make the same network as the reference on this port.' : `${differences.length} ${differences.length === 1 ? 'pair differs' : 'pairs differ'} from the reference (the cells in brackets):`, differences.length === 0 ? {color: 'green'} : {color: 'red'}),
		...differences.slice(0, 6).flatMap((difference, index) => {
			const from = yours.pods[difference.source]!;
			const to = yours.pods[difference.destination]!;
			// The verdicts first: a long pod name must not push them off the row.
			return wrapped(`yours ${difference.isAllowedActually ? 'allow' : 'deny'}, expected ${difference.isAllowedActually ? 'deny' : 'allow'}: ${from.namespace}/${from.name} -> ${to.namespace}/${to.name}`, `matrix.difference.${index}`, width, {}, '  ', '    ');
		}),
		...(differences.length > 6 ? [row('matrix.more', `  and ${differences.length - 6} more`, {dimColor: true})] : []),
		blank('matrix.gap'),
	];
	// podGridLines ends with a blank line and the legend, shown once below both grids.
	const legend = mine.at(-1) ?? '';
	const mineGrid = mine.slice(0, -2);
	const theirsGrid = theirs.slice(0, -2);
	const column = Math.max('Yours'.length, ...mineGrid.map(line => stripAnsi(line).length));
	if (width >= (2 * column) + 3) {
		const pad = (line: string) => `${line}${' '.repeat(Math.max(0, column - stripAnsi(line).length))}`;
		lines.push(row('matrix.heads', `${pad('Yours')} │ Expected`, {bold: true, color: 'yellow'}));
		for (let index = 0; index < Math.max(mineGrid.length, theirsGrid.length); index++) {
			lines.push(row(`matrix.row.${index}`, `${pad(mineGrid[index] ?? '')} │ ${theirsGrid[index] ?? ''}`));
		}
	} else {
		lines.push(row('matrix.mine', 'Yours', {bold: true, color: 'yellow'}), ...mineGrid.map((line, index) => row(`matrix.mine.${index}`, line)));
		lines.push(blank('matrix.gap2'), row('matrix.theirs', 'Expected', {bold: true, color: 'yellow'}), ...theirsGrid.map((line, index) => row(`matrix.theirs.${index}`, line)));
	}

	lines.push(blank('matrix.gap3'), row('matrix.legend', legend));
	return lines;
}

/** Every line of a challenge's screen: status, the grade, hints, the task, the cluster. */
export function challengeLines({entry, screen, record, isSolved, hasMatrix, editorName, now, palette}: ChallengeView, width: number): ReactElement[] {
	if (screen.isShowingSolution) {
		return solutionLines(entry, screen, width);
	}

	if (screen.matrix !== undefined) {
		return matrixViewLines(screen.matrix, palette, width);
	}

	const {challenge} = entry;
	const status = [
		entry.name,
		challenge.difficulty,
		...(challenge.minutes === undefined ? [] : [`about ${challenge.minutes} min`]),
		record.isSolved ? 'solved ✓' : record.attempts > 0 ? `best ${percent(record.bestScore)}` : 'not tried yet',
		`hints ${screen.hintsShown} of ${challenge.hints.length}`,
	].join(' · ');
	const lines: ReactElement[] = [
		row('title', challenge.title, {bold: true}),
		...wrapped(status, 'status', width, {dimColor: true}),
		...wrapped(`Your file: ${entry.workFile}`, 'file', width, {dimColor: true}),
	];
	if (screen.isWatching) {
		lines.push(row('watching', 'Watching your file: each save is graded (r grades by hand).', {color: 'cyan'}));
	}

	if (screen.notice) {
		lines.push(...wrapped(screen.notice, 'notice', width, {color: 'yellow'}));
	}

	if (screen.isConfirmingReset) {
		lines.push(...wrapped('Start this challenge afresh? Your file is kept beside the new one. y yes, n no', 'confirm', width, {color: 'yellow', bold: true}));
	}

	// Hints come before the grade: the one just asked for must show on the first screen, and a
	// long grade below it would push it out of sight at 80x24.
	if (screen.hintsShown > 0) {
		lines.push(blank('before-hints'));
		for (const [index, hint] of challenge.hints.slice(0, screen.hintsShown).entries()) {
			lines.push(...richTextLines(`**Hint ${index + 1}:** ${hint}`, `hint.${index}`, width));
		}
	}

	lines.push(blank('before-result'));
	if (screen.result) {
		lines.push(row('graded-at', `${screen.result.kind === 'graded' ? 'Graded' : 'Checked'} at ${timeOfDay(screen.gradedAt ?? now)}`, {dimColor: true}), ...resultLines(screen.result, width, 'result'));
		if (isSolved) {
			lines.push(...wrapped('Press Enter for the next challenge, or s to see a reference solution beside yours.', 'offer', width, {color: 'green'}));
		} else if (screen.result.kind === 'graded' && hasMatrix) {
			lines.push(...wrapped('Press m to see the network your policies make beside the expected one, on the ports of the failed cases.', 'offer', width, {color: 'cyan'}));
		}
	} else {
		lines.push(...wrapped(`Press e to write your policy in ${editorName}; it is graded when you quit the editor. Or press w, edit the file in another window, and each save is graded. Or press t for a terminal with kubectl on the challenge's cluster, as in the exam: leave it and its cluster is graded.`, 'start', width, {color: 'cyan'}));
	}

	lines.push(blank('before-task'), ...taskLines(entry, width, 'task'), blank('before-cluster'), ...clusterLines(entry, 'cluster', width));
	return lines;
}
