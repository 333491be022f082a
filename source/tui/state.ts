// The app's state and every change to it, as data: screens are a discriminated union and keys
// become actions through keys.ts. No React here, so the whole flow is tested with plain ava.
import type {Lesson} from '../content/lesson-types.js';
import {checkpointPages, choicesOf, isCheckpoint} from '../content/lesson-types.js';
import {markPageSeen, type Progress, recordAnswer} from '../progress/model.js';
import {correctChoice, pageKey, type Prediction} from './predictions.js';

/** What the learner chose on a checkpoint page, once answered. */
export type Answer = {readonly choice: number; readonly isCorrect: boolean};

export type Screen =
	| {readonly name: 'home'; readonly selected: number}
	| {readonly name: 'lessons'; readonly selected: number}
	| {readonly name: 'lesson'; readonly lessonIndex: number; readonly page: number; readonly selected: number; readonly scroll: number; readonly answer?: Answer}
	| {readonly name: 'progress'}
	| {readonly name: 'help'; readonly previous: Screen};

export type State = {
	readonly screen: Screen;
	readonly lessons: readonly Lesson[];
	readonly progress: Progress;
	/** The evaluator's answers to predict pages, by pageKey. */
	readonly predictions: ReadonlyMap<string, Prediction>;
	/** Set when the app should exit. */
	readonly isQuitting: boolean;
};

export type Action =
	| {readonly type: 'up'}
	| {readonly type: 'down'}
	| {readonly type: 'open'}
	| {readonly type: 'back'}
	| {readonly type: 'next'}
	| {readonly type: 'previous'}
	| {readonly type: 'help'}
	| {readonly type: 'quit'}
	/** A menu item or choice highlighted (by the select list, which moves the highlight itself). */
	| {readonly type: 'select'; readonly index: number}
	/** Scroll a long page by `by` lines; the view knows how far it can go. */
	| {readonly type: 'scroll'; readonly by: number; readonly max: number};

/** The home menu, in order. */
export const homeItems = ['Lessons', 'Challenges', 'Progress', 'Help', 'Quit'] as const;

export function initialState(lessons: readonly Lesson[], progress: Progress, predictions: ReadonlyMap<string, Prediction>): State {
	return {screen: {name: 'home', selected: 0}, lessons, progress, predictions, isQuitting: false};
}

function clamp(value: number, count: number): number {
	return Math.max(0, Math.min(value, count - 1));
}

function openLesson(state: State, lessonIndex: number): State {
	const lesson = state.lessons[lessonIndex];
	if (!lesson) {
		return state;
	}

	return showPage(state, lessonIndex, 0);
}

function showPage(state: State, lessonIndex: number, page: number): State {
	const lesson = state.lessons[lessonIndex]!;
	const progress = markPageSeen(state.progress, lesson.id, page, lesson.pages.length, checkpointPages(lesson));
	return {...state, progress, screen: {name: 'lesson', lessonIndex, page, selected: 0, scroll: 0}};
}

/** The state after an action. Pure. */
export function reduce(state: State, action: Action): State {
	const {screen} = state;
	if (action.type === 'quit') {
		return {...state, isQuitting: true};
	}

	if (action.type === 'select') {
		return screen.name === 'home' || screen.name === 'lessons' || (screen.name === 'lesson' && !screen.answer)
			? {...state, screen: {...screen, selected: action.index}}
			: state;
	}

	if (action.type === 'help') {
		return screen.name === 'help' ? {...state, screen: screen.previous} : {...state, screen: {name: 'help', previous: screen}};
	}

	switch (screen.name) {
		case 'home': {
			return reduceHome(state, screen, action);
		}

		case 'lessons': {
			return reduceLessons(state, screen, action);
		}

		case 'lesson': {
			return reduceLesson(state, screen, action);
		}

		case 'progress': {
			return action.type === 'back' ? {...state, screen: {name: 'home', selected: 2}} : state;
		}

		case 'help': {
			return action.type === 'back' ? {...state, screen: screen.previous} : state;
		}
	}
}

function reduceHome(state: State, screen: Screen & {name: 'home'}, action: Action): State {
	switch (action.type) {
		case 'up':
		case 'down': {
			const selected = clamp(screen.selected + (action.type === 'up' ? -1 : 1), homeItems.length);
			return {...state, screen: {name: 'home', selected}};
		}

		case 'open':
		case 'next': {
			const item = homeItems[screen.selected];
			if (item === 'Lessons') {
				return {...state, screen: {name: 'lessons', selected: 0}};
			}

			if (item === 'Progress') {
				return {...state, screen: {name: 'progress'}};
			}

			if (item === 'Help') {
				return {...state, screen: {name: 'help', previous: screen}};
			}

			return item === 'Quit' ? {...state, isQuitting: true} : state;
		}

		case 'back': {
			return {...state, isQuitting: true};
		}

		default: {
			return state;
		}
	}
}

function reduceLessons(state: State, screen: Screen & {name: 'lessons'}, action: Action): State {
	switch (action.type) {
		case 'up':
		case 'down': {
			const selected = clamp(screen.selected + (action.type === 'up' ? -1 : 1), state.lessons.length);
			return {...state, screen: {name: 'lessons', selected}};
		}

		case 'open':
		case 'next': {
			return openLesson(state, screen.selected);
		}

		case 'back':
		case 'previous': {
			return {...state, screen: {name: 'home', selected: 0}};
		}

		default: {
			return state;
		}
	}
}

function reduceLesson(state: State, screen: Screen & {name: 'lesson'}, action: Action): State {
	const lesson = state.lessons[screen.lessonIndex]!;
	const page = lesson.pages[screen.page]!;
	const isAsking = isCheckpoint(page);
	switch (action.type) {
		case 'up':
		case 'down': {
			const count = choicesOf(page).length;
			if (count === 0 || screen.answer) {
				return state;
			}

			return {...state, screen: {...screen, selected: clamp(screen.selected + (action.type === 'up' ? -1 : 1), count)}};
		}

		case 'next':
		case 'open': {
			// Enter on an unanswered checkpoint answers it; otherwise it turns the page.
			if (isAsking && !screen.answer && action.type === 'open') {
				const correct = correctChoice(page, state.predictions.get(pageKey(screen.lessonIndex, screen.page)));
				const isCorrect = screen.selected === correct;
				const progress = recordAnswer(state.progress, lesson.id, screen.page, isCorrect, lesson.pages.length, checkpointPages(lesson));
				// Scroll to the end, where the verdict and the explanation appear (the view stops at the last line).
				return {...state, progress, screen: {...screen, scroll: Number.MAX_SAFE_INTEGER, answer: {choice: screen.selected, isCorrect}}};
			}

			if (screen.page + 1 >= lesson.pages.length) {
				return {...state, screen: {name: 'lessons', selected: screen.lessonIndex}};
			}

			return showPage(state, screen.lessonIndex, screen.page + 1);
		}

		case 'previous': {
			return screen.page === 0 ? state : showPage(state, screen.lessonIndex, screen.page - 1);
		}

		case 'scroll': {
			const current = Math.min(screen.scroll, action.max);
			return {...state, screen: {...screen, scroll: Math.max(0, Math.min(current + action.by, action.max))}};
		}

		case 'back': {
			return {...state, screen: {name: 'lessons', selected: screen.lessonIndex}};
		}

		default: {
			return state;
		}
	}
}
