// Home: the learner's totals, an exam left running, and the menu.
import {Box, Text} from 'ink';
import type {OverallSummary} from '../../progress/model.js';
import type {SavedExam} from '../../progress/saved-exam.js';
import {homeItems} from '../state/state.js';
import {type MenuProps, ChoiceList} from '../widgets/choice-list.js';
import {clock} from '../widgets/screen-lines.js';

type HomeProps = MenuProps & {
	/** Lessons done and checkpoints right. */
	readonly summary: OverallSummary;
	/** Challenges solved, of how many. */
	readonly solved: {readonly solved: number; readonly count: number};
	readonly isLoadingChallenges: boolean;
	readonly examInProgress: SavedExam | undefined;
	readonly now: number;
};

const homeDescriptions: Readonly<Record<typeof homeItems[number], string>> = {
	Lessons: 'read, a page at a time',
	Challenges: 'write policies in your editor, graded on every flow',
	'Verdict drill': 'allowed or denied? one flow at a time, against the clock',
	Exam: 'timed tasks, weighted, 67% to pass',
	Progress: '',
	Help: '',
	Quit: '',
};

// Said on the home screen, where the app opens: an exam left running is not forgotten.
function examInProgressLine(exam: SavedExam, now: number): string {
	const left = Date.parse(exam.deadline) - now;
	return left > 0
		? `Exam in progress: ${clock(left)} left (its clock runs while the app is closed). Open Exam to resume.`
		: 'Your exam\'s time ran out while the app was closed. Open Exam to have it graded.';
}

export function HomeScreen({summary, solved, isLoadingChallenges, examInProgress, now, selected, onHighlight, onChoose}: HomeProps) {
	const width = Math.max(...homeItems.map(item => item.length)) + 2;
	const labels = homeItems.map(label => (homeDescriptions[label] === '' ? label : `${label.padEnd(width)}${homeDescriptions[label]}`));
	return (
		<Box flexDirection="column">
			<Text bold>netpol-dojo</Text>
			<Text dimColor>Learn Kubernetes NetworkPolicy by looking at traffic.</Text>
			<Box marginY={1} flexDirection="column">
				<Text>{`Lessons done: ${summary.lessonsCompleted} of ${summary.lessonCount}   Checkpoints right: ${summary.checkpointsCorrect} of ${summary.checkpointCount}`}</Text>
				<Text>{isLoadingChallenges ? 'Challenges: reading…' : `Challenges solved: ${solved.solved} of ${solved.count}`}</Text>
			</Box>
			{examInProgress && <Box marginBottom={1}><Text color="yellow">{examInProgressLine(examInProgress, now)}</Text></Box>}
			<ChoiceList labels={labels} selected={selected} onHighlight={onHighlight} onChoose={onChoose}/>
		</Box>
	);
}
