// One exam task as lines: its file, whether kubectl would accept it (no grade until the end), the
// task and the cluster.
import type {ReactElement} from 'react';
import {Text} from 'ink';
import type {ChallengeEntry, ScreenOf} from '../state/types.js';
import {blank, row, timeLeft, wrapped} from '../widgets/screen-lines.js';
import {clusterLines, resultLines, taskLines} from './challenge-parts.js';

/** What an exam task's screen shows: the screen, the task's challenge, the time and the editor's name. */
export type ExamTaskView = {
	readonly screen: ScreenOf<'examTask'>;
	readonly entry: ChallengeEntry;
	readonly now: number;
	readonly editorName: string;
};

export function examTaskLines({screen, entry, now, editorName}: ExamTaskView, width: number): ReactElement[] {
	const task = screen.exam.tasks[screen.task]!;
	const lines: ReactElement[] = [
		row('title', <Text><Text bold>{`Task ${screen.task + 1} of ${screen.exam.tasks.length}: ${entry.challenge.title}`}</Text><Text color="cyan">{`  ${timeLeft(screen.exam.deadline, now)}`}</Text></Text>),
		...wrapped(`Your file: ${task.file}`, 'file', width, {dimColor: true}),
	];
	if (screen.isConfirmingFinish) {
		lines.push(row('confirm', 'Finish the exam and grade every task now? y yes, n no', {color: 'yellow', bold: true}));
	}

	const {check} = task;
	if (check?.kind === 'graded') {
		lines.push(check.isCluster === true
			? row('check', `Your terminal's cluster is kept (${(check.commands ?? []).length} kubectl commands); it is graded when the exam ends.`, {color: 'green'})
			: row('check', `kubectl would accept your file (${check.report.cases.total > 0 ? 'it is graded when the exam ends' : 'no cases'}).`, {color: 'green'}));
	} else if (check) {
		lines.push(...resultLines(check, width, 'check'));
	} else {
		lines.push(row('start', `Press e to write your answer in ${editorName}.`, {color: 'cyan'}));
	}

	lines.push(blank('before-task'), ...taskLines(entry, width, 'task'), blank('before-cluster'), ...clusterLines(entry, 'cluster', width));
	return lines;
}
