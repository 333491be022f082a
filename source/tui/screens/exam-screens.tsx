// The exam: its introduction, the task list under the clock, a task, and the review.
import type {ReactElement} from 'react';
import {Box, Text} from 'ink';
import type {Challenge} from '../../model/challenge.js';
import {ChoiceList} from '../widgets/choice-list.js';
import {passMark, totalWeight} from '../state/exam-plan.js';
import {blank, clock, fitLabel, percent, row, wrapped} from '../widgets/screen-lines.js';
import type {ChallengeEntry, Exam, GradeResult, ScreenOf} from '../state/types.js';
import {besideReference, clusterLines, learnerPolicies, referenceText, resultLines, taskLines} from './challenge-screen.js';

/** What the exam's screens are given: the screen, and the challenge of each of its tasks, in task order. */
type ExamProps<Name extends 'examIntro' | 'exam' | 'examReview'> = {
	readonly screen: ScreenOf<Name>;
	readonly challenges: readonly Challenge[];
};

type ListProps = {
	readonly width: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
};

export function ExamIntroScreen({screen, challenges}: ExamProps<'examIntro'>) {
	const {plan} = screen;
	const total = totalWeight(plan.tasks);
	return (
		<Box flexDirection="column">
			<Text bold>Exam</Text>
			<Box marginY={1} flexDirection="column">
				<Text>{`${plan.tasks.length} tasks in ${plan.minutes} minutes, as in the CKS (about 6 minutes a task).`}</Text>
				<Text>{`A task counts when it decides every flow as the task asks (its hidden cases are examples); the score is weighted, and ${percent(passMark)} passes.`}</Text>
				<Text>No hints and no grades until the end: after each edit you only see whether</Text>
				<Text>kubectl would accept your file. Finish early with f.</Text>
				<Text>Quitting does not stop the clock: the exam resumes from Exam with the time left.</Text>
			</Box>
			{screen.notice && <Text color="red">{screen.notice}</Text>}
			{plan.tasks.map((task, index) => {
				const challenge = challenges[index]!;
				return <Text key={challenge.id} wrap="truncate-end">{`  ${index + 1}. ${percent(task.weight / total).padStart(4)}  ${challenge.difficulty.padEnd(6)}  ${challenge.title}`}</Text>;
			})}
		</Box>
	);
}

function timeLeft(now: number, exam: Exam): string {
	return `${clock(exam.deadline - now)} left`;
}

function checkLabel(check: GradeResult | undefined): string {
	if (!check || check.kind === 'empty' || check.kind === 'unchanged') {
		return 'not started';
	}

	if (check.kind === 'graded') {
		return check.isCluster === true ? 'answered in the terminal' : 'accepted by kubectl';
	}

	return check.kind === 'invalid' ? 'kubectl would refuse it' : 'editor failed';
}

export function ExamListScreen({screen, challenges, now, width, onHighlight, onChoose}: ExamProps<'exam'> & ListProps & {readonly now: number}) {
	const {exam} = screen;
	const total = totalWeight(exam.tasks);
	const labels = exam.tasks.map((task, index) => {
		const challenge = challenges[index]!;
		return fitLabel(`${index + 1}. ${percent(task.weight / total).padStart(4)}  ${challenge.title}  (${checkLabel(task.check)})`, width);
	});
	return (
		<Box flexDirection="column">
			<Text bold>Exam <Text color="cyan">{timeLeft(now, exam)}</Text></Text>
			{screen.notice && <Text color="yellow">{screen.notice}</Text>}
			<Box marginY={1}>
				<ChoiceList labels={labels} selected={screen.selected} onHighlight={onHighlight} onChoose={onChoose}/>
			</Box>
			{screen.isConfirmingFinish && <Text color="yellow" bold>Finish the exam and grade every task now? y yes, n no</Text>}
		</Box>
	);
}

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
		row('title', <Text><Text bold>{`Task ${screen.task + 1} of ${screen.exam.tasks.length}: ${entry.challenge.title}`}</Text><Text color="cyan">{`  ${timeLeft(now, screen.exam)}`}</Text></Text>),
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

export function ExamReviewScreen({screen, challenges, width, onHighlight, onChoose}: ExamProps<'examReview'> & ListProps) {
	const {exam, results} = screen;
	const total = totalWeight(exam.tasks);
	const labels = exam.tasks.map((task, index) => {
		const challenge = challenges[index]!;
		const result = results.results[index];
		const isPassed = result?.kind === 'graded' && result.report.passed;
		return fitLabel(`${isPassed ? '✓' : '✗'} ${percent(task.weight / total).padStart(4)}  ${challenge.title}`, width);
	});
	const used = Math.min(results.finishedAt, exam.deadline) - exam.startedAt;
	return (
		<Box flexDirection="column">
			<Text bold>Exam result</Text>
			<Box marginY={1} flexDirection="column">
				<Text bold color={results.isPassed ? 'green' : 'red'}>{`${percent(results.score)}: ${results.isPassed ? 'passed' : 'not passed'} (the pass mark is ${percent(passMark)}).`}</Text>
				<Text dimColor>{`Time used: ${clock(used)} of ${clock(exam.deadline - exam.startedAt)}. Open a task to see what its grader found.`}</Text>
			</Box>
			<ChoiceList labels={labels} selected={screen.selected} onHighlight={onHighlight} onChoose={onChoose}/>
		</Box>
	);
}

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

/** The lines of the screens that scroll, or undefined for the others. */
