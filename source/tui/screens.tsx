// The menu and information screens: home, the lesson list, progress and help.
import {Box, Text} from 'ink';
import {ChoiceList} from './choice-list.js';
import type {Lesson} from '../content/lesson-types.js';
import {lessonShape} from '../content/lesson-types.js';
import {lessonSummary, overallSummary, type Progress} from '../progress/model.js';
import {homeItems} from './state.js';

type MenuProps = {
	readonly selected: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
};

type HomeProps = MenuProps & {readonly lessons: readonly Lesson[]; readonly progress: Progress};

export function HomeScreen({lessons, progress, selected, onHighlight, onChoose}: HomeProps) {
	const summary = overallSummary(progress, lessons.map(lesson => lessonShape(lesson)));
	const labels = homeItems.map(label => (label === 'Challenges' ? 'Challenges (coming soon)' : label));
	return (
		<Box flexDirection="column">
			<Text bold>netpol-dojo</Text>
			<Text dimColor>Learn Kubernetes NetworkPolicy by looking at traffic.</Text>
			<Box marginY={1}>
				<Text>{`Lessons done: ${summary.lessonsCompleted} of ${summary.lessonCount}   Checkpoints right: ${summary.checkpointsCorrect} of ${summary.checkpointCount}`}</Text>
			</Box>
			<ChoiceList labels={labels} selected={selected} onHighlight={onHighlight} onChoose={onChoose}/>
		</Box>
	);
}

type LessonListProps = MenuProps & {readonly lessons: readonly Lesson[]; readonly progress: Progress; readonly rows: number};

export function LessonListScreen({lessons, progress, selected, rows, onHighlight, onChoose}: LessonListProps) {
	const labels = lessons.map((lesson, index) => {
		const summary = lessonSummary(progress, lessonShape(lesson));
		const mark = summary.isCompleted ? '✓' : summary.pagesSeen > 0 ? '…' : ' ';
		return `${mark} ${String(index + 1).padStart(2)}. ${lesson.title}`;
	});
	const lesson = lessons[selected];
	return (
		<Box flexDirection="column">
			<Text bold>Lessons</Text>
			<Box marginY={1} flexDirection="column">
				<ChoiceList labels={labels} selected={selected} limit={Math.max(3, rows - 9)} onHighlight={onHighlight} onChoose={onChoose}/>
			</Box>
			{lesson && <Text dimColor>{lesson.summary}</Text>}
		</Box>
	);
}

export function ProgressScreen({lessons, progress}: {readonly lessons: readonly Lesson[]; readonly progress: Progress}) {
	const summary = overallSummary(progress, lessons.map(lesson => lessonShape(lesson)));
	const titleWidth = Math.max(...lessons.map(lesson => lesson.title.length)) + 2;
	return (
		<Box flexDirection="column">
			<Text bold>Progress</Text>
			<Text>{`${summary.lessonsCompleted} of ${summary.lessonCount} lessons done, ${summary.checkpointsCorrect} of ${summary.checkpointCount} checkpoints right.`}</Text>
			<Box marginTop={1} flexDirection="column">
				{lessons.map(lesson => {
					const lessonProgress = lessonSummary(progress, lessonShape(lesson));
					const status = lessonProgress.isCompleted ? 'done' : lessonProgress.pagesSeen > 0 ? 'started' : '';
					return (
						<Text key={lesson.id}>
							{`${status.padEnd(8)}${lesson.title.padEnd(titleWidth)}`}
							<Text dimColor>{`${lessonProgress.pagesSeen}/${lessonProgress.pageCount} pages, ${lessonProgress.checkpointsCorrect}/${lessonProgress.checkpointCount} right`}</Text>
						</Text>
					);
				})}
			</Box>
		</Box>
	);
}

export function HelpScreen() {
	return (
		<Box flexDirection="column">
			<Text bold>Help</Text>
			<Box marginTop={1} flexDirection="column">
				<Text>Lessons teach NetworkPolicy a page at a time. Checkpoints ask a question;</Text>
				<Text>{'"predict the verdict" questions are answered by the same evaluator that'}</Text>
				<Text>grades challenges, so the explanation is always the real rule.</Text>
				<Text> </Text>
				<Text>Keys: arrows or j/k move, Enter opens or answers, ←/→ or h/l turn pages,</Text>
				<Text>Esc or q goes back, ? shows this help. Progress is saved as you go.</Text>
				<Text> </Text>
				<Text dimColor>Headless: netpol-dojo eval | lessons | progress (netpol-dojo --help).</Text>
			</Box>
		</Box>
	);
}
