// The exam under way: the task list under the clock, each task with its last check.
import {Box, Text} from 'ink';
import type {Challenge} from '../../model/challenge.js';
import {totalWeight} from '../state/exam-plan.js';
import type {GradeResult, ScreenOf} from '../state/types.js';
import {ChoiceList} from '../widgets/choice-list.js';
import {fitLabel, percent, timeLeft} from '../widgets/screen-lines.js';

type Props = {
	readonly screen: ScreenOf<'exam'>;
	/** The challenge of each task, in task order. */
	readonly challenges: readonly Challenge[];
	readonly width: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
	readonly now: number;
};

function checkLabel(check: GradeResult | undefined): string {
	if (!check || check.kind === 'empty' || check.kind === 'unchanged') {
		return 'not started';
	}

	if (check.kind === 'graded') {
		return check.isCluster === true ? 'answered in the terminal' : 'accepted by kubectl';
	}

	return check.kind === 'invalid' ? 'kubectl would refuse it' : 'editor failed';
}

export function ExamListScreen({screen, challenges, now, width, onHighlight, onChoose}: Props) {
	const {exam} = screen;
	const total = totalWeight(exam.tasks);
	const labels = exam.tasks.map((task, index) => {
		const challenge = challenges[index]!;
		return fitLabel(`${index + 1}. ${percent(task.weight / total).padStart(4)}  ${challenge.title}  (${checkLabel(task.check)})`, width);
	});
	return (
		<Box flexDirection="column">
			<Text bold>Exam <Text color="cyan">{timeLeft(exam.deadline, now)}</Text></Text>
			{screen.notice && <Text color="yellow">{screen.notice}</Text>}
			<Box marginY={1}>
				<ChoiceList labels={labels} selected={screen.selected} onHighlight={onHighlight} onChoose={onChoose}/>
			</Box>
			{screen.isConfirmingFinish && <Text color="yellow" bold>Finish the exam and grade every task now? y yes, n no</Text>}
		</Box>
	);
}
