// The exam's introduction: its rules, and the tasks drawn with their weights.
import {Box, Text} from 'ink';
import type {Challenge} from '../../model/challenge.js';
import {passMark, totalWeight} from '../state/exam-plan.js';
import type {ScreenOf} from '../state/types.js';
import {percent} from '../widgets/screen-lines.js';

type Props = {
	readonly screen: ScreenOf<'examIntro'>;
	/** The challenge of each task, in task order. */
	readonly challenges: readonly Challenge[];
};

export function ExamIntroScreen({screen, challenges}: Props) {
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
