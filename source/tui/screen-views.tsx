// What each screen is given, read from the state: the screens take what they show rather than
// the whole state. The scrolling screens' lines are built here too, as the app needs them twice:
// to draw them and to know how far a page can scroll.
import type {ReactElement} from 'react';
import type {ReachabilityGrid} from '../evaluator/index.js';
import {ansiColors, noColors} from '../format/color.js';
import {challengeProgress, drillProgress} from '../progress/challenge-model.js';
import {pageKey} from '../grading/predictions.js';
import {isSolutionOffered, screenMatrixPorts} from './state/challenge-state.js';
import {practiceChallenges} from './state/state.js';
import type {ScreenOf, State} from './state/types.js';
import {type ChallengeView, challengeLines} from './screens/challenge-screen.js';
import {type DrillView, drillLines} from './screens/drill-screen.js';
import {examTaskLines} from './screens/exam-task.js';
import {reviewTaskLines} from './screens/exam-review-task.js';
import type {LessonPageView, PracticeItem} from './screens/lesson-page.js';

function challengeView(state: State, screen: ScreenOf<'challenge'>): ChallengeView {
	const entry = state.challenges[screen.index]!;
	return {
		entry,
		screen,
		record: challengeProgress(state.progress, entry.key),
		isSolved: isSolutionOffered(state, screen),
		hasMatrix: screenMatrixPorts(state, screen).length > 0,
		editorName: state.editorName,
		now: state.now,
		palette: state.isColor ? ansiColors : noColors,
	};
}

function drillView(state: State, screen: ScreenOf<'drill'>): DrillView {
	const question = state.drillQuestions[screen.question]!;
	return {screen, question, challengeTitle: state.challenges[question.challengeIndex]!.challenge.title, overall: drillProgress(state.progress)};
}

/** The challenges of an exam's tasks, in task order. */
export function taskChallenges(state: State, tasks: ReadonlyArray<{readonly challengeIndex: number}>) {
	return tasks.map(task => state.challenges[task.challengeIndex]!.challenge);
}

function practiceItems(state: State, lessonIndex: number): PracticeItem[] {
	return practiceChallenges(state, lessonIndex).map(index => ({name: state.challenges[index]!.name, isSolved: challengeProgress(state.progress, state.challenges[index]!.key).isSolved}));
}

/** A lesson page's view; `matrix` is the answered predict page's grid, which the app works out once per page. */
export function lessonPageView(state: State, screen: ScreenOf<'lesson'>, matrix: ReachabilityGrid | undefined): LessonPageView {
	return {
		lesson: state.lessons[screen.lessonIndex]!,
		page: screen.page,
		answer: screen.answer,
		prediction: state.predictions.get(pageKey(screen.lessonIndex, screen.page)),
		palette: state.isColor ? ansiColors : noColors,
		practice: practiceItems(state, screen.lessonIndex),
		isShowingClusterYaml: screen.isShowingClusterYaml === true,
		matrix,
	};
}

/** The lines of the screens that scroll through the app's viewport, or undefined for the others. */
export function scrollingLines(state: State, width: number): ReactElement[] | undefined {
	const {screen} = state;
	switch (screen.name) {
		case 'challenge': {
			return challengeLines(challengeView(state, screen), width);
		}

		case 'drill': {
			return drillLines(drillView(state, screen), width);
		}

		case 'examTask': {
			const entry = state.challenges[screen.exam.tasks[screen.task]!.challengeIndex]!;
			return examTaskLines({screen, entry, now: state.now, editorName: state.editorName}, width);
		}

		case 'examReviewTask': {
			return reviewTaskLines({screen, entry: state.challenges[screen.exam.tasks[screen.task]!.challengeIndex]!}, width);
		}

		default: {
			return undefined;
		}
	}
}
