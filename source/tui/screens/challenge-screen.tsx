// A challenge's screen as lines: the grade first (the score, each failed case with its reason,
// the notes), revealed hints, the task and the cluster; or the reference solution beside the
// learner's policies; or the matrix of both.
import type {ReactElement} from 'react';
import type {Palette} from '../../format/color.js';
import {podGridLines} from '../../format/matrix-text.js';
import type {ChallengeProgress} from '../../progress/challenge-model.js';
import type {MatrixView} from '../state/matrix-view.js';
import type {ChallengeEntry, GradeResult, ScreenOf} from '../state/types.js';
import {richTextLines} from '../widgets/rich-text.js';
import {blank, percent, row, stripAnsi, timeOfDay, wrapped} from '../widgets/screen-lines.js';
import {besideReference, clusterLines, policiesOf, referenceText, resultLines, taskLines} from './challenge-parts.js';

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
