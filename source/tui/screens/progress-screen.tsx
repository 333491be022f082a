// Progress: each lesson's pages and checkpoints, then the challenges, the drill and the exams.
import {Box, Text} from 'ink';
import {type Lesson, lessonShape} from '../../model/lesson.js';
import {challengeSummary, drillProgress} from '../../progress/challenge-model.js';
import {lessonSummary, overallSummary, type Progress} from '../../progress/model.js';
import {percent} from '../widgets/screen-lines.js';

type Props = {
	readonly lessons: readonly Lesson[];
	readonly progress: Progress;
	/** The progress keys of the challenges listed. */
	readonly challengeKeys: readonly string[];
};

export function ProgressScreen({lessons, progress, challengeKeys}: Props) {
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
			<Box marginTop={1} flexDirection="column">
				{progressLines(progress, challengeKeys).map(line => <Text key={line}>{line}</Text>)}
			</Box>
		</Box>
	);
}

function progressLines(progress: Progress, challengeKeys: readonly string[]): string[] {
	const summary = challengeSummary(progress, challengeKeys);
	const drill = drillProgress(progress);
	const exams = progress.exams ?? [];
	const last = exams.at(-1);
	return [
		`Challenges: ${summary.solved} of ${summary.count} solved, ${summary.attempted} tried.`,
		drill.answered === 0 ? 'Verdict drill: not tried yet.' : `Verdict drill: ${drill.correct} of ${drill.answered} right (${percent(drill.correct / drill.answered)}), ${(drill.milliseconds / drill.answered / 1000).toFixed(1)} s an answer.`,
		last ? `Exams: ${exams.length} taken, ${exams.filter(exam => exam.isPassed).length} passed; the last scored ${percent(last.score)}.` : 'Exams: none taken yet.',
	];
}
