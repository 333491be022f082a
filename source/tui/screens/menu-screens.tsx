// The menu and information screens: home, the lesson list, progress and help.
import {Box, Text} from 'ink';
import {ChoiceList} from '../widgets/choice-list.js';
import type {Lesson} from '../../model/lesson.js';
import {lessonShape} from '../../model/lesson.js';
import {challengeSummary} from '../../progress/challenge-model.js';
import {lessonSummary, overallSummary, type Progress} from '../../progress/model.js';
import {homeItems, type State} from '../state/state.js';
import type {ChallengeEntry} from '../state/challenge-state.js';
import {drillProgress} from '../../progress/challenge-model.js';
import type {SavedExam} from '../../progress/saved-exam.js';
import {clock, percent} from '../widgets/screen-lines.js';

type MenuProps = {
	readonly selected: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
};

type HomeProps = MenuProps & {readonly state: State};

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

export function HomeScreen({state, selected, onHighlight, onChoose}: HomeProps) {
	const {lessons, progress, challenges} = state;
	const summary = overallSummary(progress, lessons.map(lesson => lessonShape(lesson)));
	const solved = challengeSummary(progress, challenges.map(entry => entry.key));
	const width = Math.max(...homeItems.map(item => item.length)) + 2;
	const labels = homeItems.map(label => (homeDescriptions[label] === '' ? label : `${label.padEnd(width)}${homeDescriptions[label]}`));
	return (
		<Box flexDirection="column">
			<Text bold>netpol-dojo</Text>
			<Text dimColor>Learn Kubernetes NetworkPolicy by looking at traffic.</Text>
			<Box marginY={1} flexDirection="column">
				<Text>{`Lessons done: ${summary.lessonsCompleted} of ${summary.lessonCount}   Checkpoints right: ${summary.checkpointsCorrect} of ${summary.checkpointCount}`}</Text>
				<Text>{state.isLoadingChallenges ? 'Challenges: reading…' : `Challenges solved: ${solved.solved} of ${solved.count}`}</Text>
			</Box>
			{state.examInProgress && <Box marginBottom={1}><Text color="yellow">{examInProgressLine(state.examInProgress, state.now)}</Text></Box>}
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

export function ProgressScreen({state}: {readonly state: State}) {
	const {lessons, progress} = state;
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
				{progressLines(progress, state.challenges).map(line => <Text key={line}>{line}</Text>)}
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
				<Text>Challenges: e opens your file in $VISUAL or $EDITOR (vi if neither is set)</Text>
				<Text>and grades it when the editor quits. w watches the file, so editing it in</Text>
				<Text>another window grades each save; r grades by hand. n shows a hint, m the</Text>
				<Text>network your policies make beside the expected one, x starts afresh (your</Text>
				<Text>old file is kept), s shows a reference solution once solved.</Text>
				<Text> </Text>
				<Text>Verdict drill: a allowed, d denied, Enter the next flow. Exam: Enter starts</Text>
				<Text>the clock, e edits a task, f finishes; grades come at the end.</Text>
				<Text> </Text>
				<Text>Keys: arrows or j/k move, Enter opens or answers, ←/→ or h/l turn pages,</Text>
				<Text>PgDn/PgUp (d/u) scroll, Esc or q goes back (q on home quits), ? this help.</Text>
				<Text>Progress is saved as you go.</Text>
				<Text> </Text>
				<Text dimColor>Headless: netpol-dojo grade, explain, matrix, diff, lint, pack... (--help).</Text>
			</Box>
		</Box>
	);
}

function progressLines(progress: Progress, challenges: readonly ChallengeEntry[]): string[] {
	const summary = challengeSummary(progress, challenges.map(entry => entry.key));
	const drill = drillProgress(progress);
	const exams = progress.exams ?? [];
	const last = exams.at(-1);
	return [
		`Challenges: ${summary.solved} of ${summary.count} solved, ${summary.attempted} tried.`,
		drill.answered === 0 ? 'Verdict drill: not tried yet.' : `Verdict drill: ${drill.correct} of ${drill.answered} right (${percent(drill.correct / drill.answered)}), ${(drill.milliseconds / drill.answered / 1000).toFixed(1)} s an answer.`,
		last ? `Exams: ${exams.length} taken, ${exams.filter(exam => exam.isPassed).length} passed; the last scored ${percent(last.score)}.` : 'Exams: none taken yet.',
	];
}
