// One exam task after the grade, as lines: what its grader found, the learner's answer beside a
// reference solution, the commands it took in the terminal, and the task.
import type {ReactElement} from 'react';
import {Text} from 'ink';
import type {ChallengeEntry, GradeResult, ScreenOf} from '../state/types.js';
import {blank, row, wrapped} from '../widgets/screen-lines.js';
import {besideReference, learnerPolicies, referenceText, resultLines, taskLines} from './challenge-parts.js';

/** What a reviewed exam task's screen shows: the screen and the task's challenge. */
export type ReviewTaskView = {
	readonly screen: ScreenOf<'examReviewTask'>;
	readonly entry: ChallengeEntry;
};

export function reviewTaskLines({screen, entry}: ReviewTaskView, width: number): ReactElement[] {
	const task = screen.exam.tasks[screen.task]!;
	const result = screen.results.results[screen.task]!;
	const reference = referenceText(entry.challenge);
	return [
		row('title', <Text bold>{`Task ${screen.task + 1}: ${entry.challenge.title}`}</Text>),
		...wrapped(`Your file: ${task.file}`, 'file', width, {dimColor: true}),
		blank('gap'),
		...resultLines(result, width, 'result'),
		blank('before-reference'),
		row('reference', 'A reference solution, beside your file', {bold: true}),
		...besideReference(learnerPolicies(result), reference, width, 'answers'),
		...commandLines(result, width),
		blank('before-task'),
		...taskLines(entry, width, 'task'),
	];
}

// The commands a task took in its terminal, as the exam's review lists them.
function commandLines(result: GradeResult, width: number): ReactElement[] {
	const commands = result.kind === 'graded' ? result.commands ?? [] : [];
	if (commands.length === 0) {
		return [];
	}

	return [
		blank('before-commands'),
		row('commands', `The commands it took in the terminal (${commands.length}):`, {bold: true}),
		...commands.flatMap((command, index) => wrapped(command, `command.${index}`, width, {dimColor: true}, '  $ ', '    ')),
	];
}
