// The app: one state, changed only by reduce(); screens are props in, JSX out; saving progress
// and the challenge work (editor, files, grading) are services passed in, so tests run the app
// without touching the disk or with a fake editor.
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import {useCallback, useEffect, useMemo, useReducer, useState} from 'react';
import {isCheckpoint, lessonShape} from '../model/lesson.js';
import {challengeSummary} from '../progress/challenge-model.js';
import {overallSummary} from '../progress/model.js';
import type {ChallengeServices, Services} from './services.js';
import {actionFor, footerHints} from './state/keys.js';
import {predictMatrix} from './state/predict-matrix.js';
import {reduce} from './state/state.js';
import type {Action, ChallengeData, Effect, GradeResult, State} from './state/types.js';
import {lessonPageView, scrollingLines, taskChallenges} from './screen-views.js';
import {ChallengeListScreen} from './screens/challenge-list.js';
import {ExamIntroScreen} from './screens/exam-intro.js';
import {ExamListScreen} from './screens/exam-list.js';
import {ExamReviewScreen} from './screens/exam-review.js';
import {HelpScreen} from './screens/help-screen.js';
import {HomeScreen} from './screens/home-screen.js';
import {LessonPage, type LessonPageView, pageLines, viewportRows} from './screens/lesson-page.js';
import {LessonListScreen} from './screens/lesson-list.js';
import {ProgressScreen} from './screens/progress-screen.js';
import {Footer, footerRows, textRows} from './widgets/footer.js';
import {Viewport} from './widgets/screen-lines.js';

export type {Services} from './services.js';

type Props = {
	readonly initialState: State;
	readonly services: Services;
	/** A message for the home screen, such as a progress file that was set aside. */
	readonly notice?: string | undefined;
	/** Reads the challenges; called once, just after the first frame. */
	readonly loadChallenges?: () => ChallengeData;
};

type Dispatch = {readonly actions: readonly Action[]; readonly now: number};

function reducer(state: State, {actions, now}: Dispatch): State {
	let current = state;
	for (const action of actions) {
		current = reduce(current, action, now);
	}

	return current;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const unavailable: GradeResult = {kind: 'editorFailed', message: 'editing is not available here'};

// Does the work an effect asks for and returns the actions that answer it. Errors become
// messages on the screen: the app must not crash on a file it cannot write.
function perform(effect: Effect, state: State, services: ChallengeServices | undefined): Action[] {
	if (!services) {
		return effect.kind === 'edit' || effect.kind === 'grade' || effect.kind === 'shell' ? [{type: 'graded', result: unavailable}] : [];
	}

	const challengeAt = (index: number) => state.challenges[index]!.challenge;
	const initialTextAt = (index: number) => state.challenges[index]!.initialText;
	try {
		switch (effect.kind) {
			case 'edit': {
				const failure = services.editFile(effect.file, effect.initialText);
				return [{type: 'graded', result: failure === undefined ? services.gradeFile(challengeAt(effect.challengeIndex), effect.file, initialTextAt(effect.challengeIndex)) : {kind: 'editorFailed', message: failure}}];
			}

			case 'grade': {
				return [{type: 'graded', result: services.gradeFile(challengeAt(effect.challengeIndex), effect.file, initialTextAt(effect.challengeIndex))}];
			}

			case 'shell': {
				return [{type: 'graded', result: services.openShell(challengeAt(effect.challengeIndex), state.challenges[effect.challengeIndex]!.key, effect.file, effect.initialText)}];
			}

			case 'reset': {
				return [{type: 'notice', text: services.resetFile(effect.file, effect.initialText)}];
			}

			case 'startExam': {
				const tasks = effect.plan.tasks.map(task => ({key: state.challenges[task.challengeIndex]!.key, initialText: state.challenges[task.challengeIndex]!.examInitialText}));
				return [{type: 'examStarted', files: services.startExam(tasks)}];
			}

			case 'gradeExam':
			case 'checkExam': {
				// One task that cannot be graded must not keep the others from their grade.
				const results = effect.files.map((file, index): GradeResult => {
					try {
						// A task whose terminal was opened is answered by its cluster, as in the exam.
						return services.gradeTask(challengeAt(effect.challengeIndexes[index]!), file, initialTextAt(effect.challengeIndexes[index]!));
					} catch (error) {
						return {kind: 'invalid', problems: [`${file}: could not be graded (${messageOf(error)})`]};
					}
				});
				return [{type: effect.kind === 'gradeExam' ? 'examGraded' : 'examChecked', results}];
			}

			case 'keepExam': {
				services.keepExam(effect.exam);
				return [];
			}

			case 'dropExam': {
				services.dropExam();
				return [];
			}
		}
	} catch (error) {
		const message = messageOf(error);
		if (effect.kind === 'keepExam') {
			return [{type: 'notice', text: `The exam could not be saved, so it will not resume if you quit: ${message}`}];
		}

		if (effect.kind === 'dropExam') {
			// The exam is graded and recorded; a file left behind resumes it as time ran out, graded again.
			return [];
		}

		return effect.kind === 'reset' || effect.kind === 'startExam' ? [{type: 'notice', text: effect.kind === 'startExam' ? `The exam could not start: ${message}` : message}] : [{type: 'graded', result: {kind: 'editorFailed', message}}];
	}
}

export function App({initialState, services, notice, loadChallenges}: Props) {
	const now = services.now ?? Date.now;
	const [state, dispatchWithTime] = useReducer(reducer, initialState);
	const dispatch = useCallback((actions: readonly Action[]) => {
		dispatchWithTime({actions, now: now()});
	}, [now]);
	const {exit} = useApp();
	const {stdout} = useStdout();
	// The layout reads the terminal's size while rendering: a resize must render again.
	const [, setSize] = useState({columns: stdout.columns, rows: stdout.rows});
	useEffect(() => {
		const onResize = () => {
			setSize({columns: stdout.columns, rows: stdout.rows});
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	const rows = stdout.rows || 24;
	// The page's width inside the app's padding.
	const pageWidth = (stdout.columns || 80) - 2;
	const {screen} = state;
	const isSelectListShown = ['home', 'lessons', 'challenges', 'examReview'].includes(screen.name)
		|| (screen.name === 'exam' && !screen.isConfirmingFinish)
		|| (screen.name === 'lesson' && contextHasList(state));

	// An answered predict page shows its cluster's grid: worked out once per page, not per frame.
	const lessonPage = screen.name === 'lesson' ? state.lessons[screen.lessonIndex]?.pages[screen.page] : undefined;
	const isLessonPageAnswered = screen.name === 'lesson' && screen.answer !== undefined;
	const lessonMatrix = useMemo(() => (isLessonPageAnswered ? predictMatrix(lessonPage) : undefined), [lessonPage, isLessonPageAnswered]);
	const lessonView = screen.name === 'lesson' ? lessonPageView(state, screen, lessonMatrix) : undefined;

	const [saveFailure, setSaveFailure] = useState<string | undefined>(undefined);
	// Rows for a page: the terminal less the footer, its margin, a save failure, and one row to
	// spare: output as tall as the terminal makes ink clear the screen on every key.
	const hints = footerHints(state);
	const pageHeight = rows - 2 - footerRows(hints, pageWidth) - (saveFailure ? textRows(saveFailure, pageWidth) : 0);
	useInput((input, key) => {
		const action = actionFor(state, input, key, isSelectListShown);
		if (action?.type === 'scrollDown' || action?.type === 'scrollUp') {
			const step = Math.max(1, pageHeight - 4);
			dispatch([{type: 'scroll', by: action.type === 'scrollDown' ? step : -step, max: maxScroll(state, lessonView, pageHeight, pageWidth)}]);
		} else if (action) {
			dispatch([action]);
		}
	});

	useEffect(() => {
		if (state.progress !== initialState.progress) {
			setSaveFailure(services.saveProgress(state.progress));
		}
	}, [state.progress, initialState.progress, services]);

	useEffect(() => {
		if (state.effects.length === 0) {
			return;
		}

		const {effects} = state;
		dispatch([{type: 'effectsTaken', count: effects.length}]);
		for (const effect of effects) {
			dispatch(perform(effect, state, services.challenges));
		}
	}, [state, dispatch, services.challenges]);

	// Watch mode: each save of the learner's file grades it again.
	const watched = screen.name === 'challenge' && screen.isWatching ? state.challenges[screen.index] : undefined;
	useEffect(() => {
		if (!watched || !services.challenges) {
			return;
		}

		const {gradeFile, watchFile} = services.challenges;
		try {
			return watchFile(watched.workFile, watched.initialText, () => {
				dispatch([{type: 'graded', result: gradeFile(watched.challenge, watched.workFile, watched.initialText)}]);
			});
		} catch (error) {
			dispatch([{type: 'notice', text: `Cannot watch your file (${error instanceof Error ? error.message : String(error)}); press r to grade by hand.`}]);
			return undefined;
		}
	}, [watched, services.challenges, dispatch]);

	// The exam's clock, and on home the time left of an exam to resume.
	const isTimed = screen.name === 'exam' || screen.name === 'examTask' || (screen.name === 'home' && state.examInProgress !== undefined);
	useEffect(() => {
		if (!isTimed) {
			return;
		}

		const timer = setInterval(() => {
			dispatch([{type: 'tick'}]);
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [isTimed, dispatch]);

	// Reading the packs takes longer than drawing home: draw first, read next.
	useEffect(() => {
		if (!loadChallenges) {
			return;
		}

		const timer = setTimeout(() => {
			dispatch([{type: 'challengesLoaded', data: loadChallenges()}]);
		}, 0);
		return () => {
			clearTimeout(timer);
		};
	}, [loadChallenges, dispatch]);

	useEffect(() => {
		if (state.isQuitting) {
			exit();
		}
	}, [state.isQuitting, exit]);

	const highlight = (index: number) => {
		dispatch([{type: 'select', index}]);
	};

	const choose = (index: number) => {
		dispatch([{type: 'select', index}, {type: 'open'}]);
	};

	const lines = scrollingLines(state, pageWidth);
	return (
		<Box flexDirection="column" paddingX={1}>
			{notice && screen.name === 'home' && <Text color="yellow">{notice}</Text>}
			{screen.name === 'home' && (
				<HomeScreen
					summary={overallSummary(state.progress, state.lessons.map(lesson => lessonShape(lesson)))}
					solved={challengeSummary(state.progress, state.challenges.map(entry => entry.key))}
					isLoadingChallenges={state.isLoadingChallenges}
					examInProgress={state.examInProgress}
					now={state.now}
					selected={screen.selected}
					onHighlight={highlight}
					onChoose={choose}
				/>
			)}
			{screen.name === 'lessons' && <LessonListScreen lessons={state.lessons} progress={state.progress} selected={screen.selected} rows={rows} onHighlight={highlight} onChoose={choose}/>}
			{screen.name === 'lesson' && lessonView && (
				<LessonPage
					key={`${screen.lessonIndex}:${screen.page}`}
					{...lessonView}
					selected={screen.selected}
					scroll={screen.scroll}
					height={pageHeight}
					width={pageWidth}
					onHighlight={highlight}
					onChoose={choose}
				/>
			)}
			{screen.name === 'progress' && <ProgressScreen lessons={state.lessons} progress={state.progress} challengeKeys={state.challenges.map(entry => entry.key)}/>}
			{screen.name === 'help' && <HelpScreen/>}
			{screen.name === 'challenges' && <ChallengeListScreen challenges={state.challenges} progress={state.progress} problems={state.challengeProblems} isLoading={state.isLoadingChallenges} selected={screen.selected} rows={rows} width={pageWidth} onHighlight={highlight} onChoose={choose}/>}
			{screen.name === 'examIntro' && <ExamIntroScreen screen={screen} challenges={taskChallenges(state, screen.plan.tasks)}/>}
			{screen.name === 'exam' && <ExamListScreen screen={screen} challenges={taskChallenges(state, screen.exam.tasks)} now={state.now} width={pageWidth} onHighlight={highlight} onChoose={choose}/>}
			{screen.name === 'examGrading' && <Text>Grading the exam…</Text>}
			{screen.name === 'examReview' && <ExamReviewScreen screen={screen} challenges={taskChallenges(state, screen.exam.tasks)} width={pageWidth} onHighlight={highlight} onChoose={choose}/>}
			{lines && 'scroll' in screen && <Viewport lines={lines} scroll={screen.scroll} height={pageHeight} {...(screen.name === 'drill' ? {keys: 'PgDn, PgUp'} : {})}/>}
			{saveFailure && <Text color="red">{saveFailure}</Text>}
			<Footer hints={hints}/>
		</Box>
	);
}

// How far the current page can scroll before its last line reaches the bottom of the viewport.
function maxScroll(state: State, lessonView: LessonPageView | undefined, pageHeight: number, pageWidth: number): number {
	const {screen} = state;
	if (screen.name === 'lesson' && lessonView) {
		const page = lessonView.lesson.pages[screen.page]!;
		return Math.max(0, pageLines(lessonView, pageWidth).length - viewportRows(page, screen.answer, pageHeight));
	}

	const lines = scrollingLines(state, pageWidth);
	return lines ? Math.max(0, lines.length - Math.max(3, pageHeight - 1)) : 0;
}

function contextHasList(state: State): boolean {
	const {screen} = state;
	if (screen.name !== 'lesson' || screen.answer) {
		return false;
	}

	return isCheckpoint(state.lessons[screen.lessonIndex]?.pages[screen.page]);
}
