// The app: one state, changed only by reduce(); screens are props in, JSX out; saving progress
// is a service passed in, so tests run the app without touching the disk.
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import {useEffect, useReducer, useState} from 'react';
import {isCheckpoint} from '../content/lesson-types.js';
import type {Progress} from '../progress/model.js';
import {Footer, footerRows, textRows} from './footer.js';
import {actionFor, footerHints} from './keys.js';
import {LessonPage, pageLines, viewportRows} from './lesson-page.js';
import {pageKey} from './predictions.js';
import {HelpScreen, HomeScreen, LessonListScreen, ProgressScreen} from './screens.js';
import {type Action, reduce, type State} from './state.js';

export type Services = {
	/** Called with the new progress whenever it changes; returns why it could not be saved, if it could not. */
	readonly saveProgress: (progress: Progress) => string | undefined;
};

type Props = {
	readonly initialState: State;
	readonly services: Services;
	/** A message for the home screen, such as a progress file that was set aside. */
	readonly notice?: string | undefined;
};

function reducer(state: State, actions: readonly Action[]): State {
	let current = state;
	for (const action of actions) {
		current = reduce(current, action);
	}

	return current;
}

export function App({initialState, services, notice}: Props) {
	const [state, dispatch] = useReducer(reducer, initialState);
	const {exit} = useApp();
	const {stdout} = useStdout();
	const rows = stdout.rows || 24;
	// The page's width inside the app's padding.
	const pageWidth = (stdout.columns || 80) - 2;
	const {screen} = state;
	const isSelectListShown = screen.name === 'home' || screen.name === 'lessons' || (screen.name === 'lesson' && contextHasList(state));

	const [saveFailure, setSaveFailure] = useState<string | undefined>(undefined);
	// Rows for a lesson page: the terminal less the footer, its margin, a save failure, and one
	// row to spare: output as tall as the terminal makes ink clear the screen on every key.
	const hints = footerHints(state);
	const pageHeight = rows - 2 - footerRows(hints, pageWidth) - (saveFailure ? textRows(saveFailure, pageWidth) : 0);
	useInput((input, key) => {
		const action = actionFor(state, input, key, isSelectListShown);
		if (action?.type === 'scrollDown' || action?.type === 'scrollUp') {
			dispatch([{type: 'scroll', by: action.type === 'scrollDown' ? Math.max(1, pageHeight - 4) : -Math.max(1, pageHeight - 4), max: maxScroll(state, pageHeight, pageWidth)}]);
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

	return (
		<Box flexDirection="column" paddingX={1}>
			{notice && screen.name === 'home' && <Text color="yellow">{notice}</Text>}
			{screen.name === 'home' && <HomeScreen lessons={state.lessons} progress={state.progress} selected={screen.selected} onHighlight={highlight} onChoose={choose}/>}
			{screen.name === 'lessons' && <LessonListScreen lessons={state.lessons} progress={state.progress} selected={screen.selected} rows={rows} onHighlight={highlight} onChoose={choose}/>}
			{screen.name === 'lesson' && (
				<LessonPage
					key={`${screen.lessonIndex}:${screen.page}`}
					lesson={state.lessons[screen.lessonIndex]!}
					page={screen.page}
					selected={screen.selected}
					scroll={screen.scroll}
					height={pageHeight}
					width={pageWidth}
					answer={screen.answer}
					prediction={state.predictions.get(pageKey(screen.lessonIndex, screen.page))}
					onHighlight={highlight}
					onChoose={choose}
				/>
			)}
			{screen.name === 'progress' && <ProgressScreen lessons={state.lessons} progress={state.progress}/>}
			{screen.name === 'help' && <HelpScreen/>}
			{saveFailure && <Text color="red">{saveFailure}</Text>}
			<Footer hints={hints}/>
		</Box>
	);
}

// How far a lesson page can scroll before its last line reaches the bottom of the viewport.
function maxScroll(state: State, pageHeight: number, pageWidth: number): number {
	const {screen} = state;
	if (screen.name !== 'lesson') {
		return 0;
	}

	const lesson = state.lessons[screen.lessonIndex]!;
	const page = lesson.pages[screen.page]!;
	const lines = pageLines(lesson, screen.page, screen.answer, state.predictions.get(pageKey(screen.lessonIndex, screen.page)), pageWidth);
	return Math.max(0, lines.length - viewportRows(page, screen.answer, pageHeight));
}

function contextHasList(state: State): boolean {
	const {screen} = state;
	if (screen.name !== 'lesson' || screen.answer) {
		return false;
	}

	return isCheckpoint(state.lessons[screen.lessonIndex]?.pages[screen.page]);
}
