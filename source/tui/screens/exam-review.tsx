// The exam's result: the score, the time used, and each task passed or not.
import {Box, Text} from 'ink';
import type {Challenge} from '../../model/challenge.js';
import {passMark, totalWeight} from '../state/exam-plan.js';
import type {ScreenOf} from '../state/types.js';
import {ChoiceList} from '../widgets/choice-list.js';
import {clock, fitLabel, percent} from '../widgets/screen-lines.js';

type Props = {
	readonly screen: ScreenOf<'examReview'>;
	/** The challenge of each task, in task order. */
	readonly challenges: readonly Challenge[];
	readonly width: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
};

export function ExamReviewScreen({screen, challenges, width, onHighlight, onChoose}: Props) {
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
