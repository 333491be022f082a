// The lesson list: each lesson with its mark (done, started), and the highlighted one's summary.
import {Box, Text} from 'ink';
import {type Lesson, lessonShape} from '../../model/lesson.js';
import {lessonSummary, type Progress} from '../../progress/model.js';
import {type MenuProps, ChoiceList} from '../widgets/choice-list.js';

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
