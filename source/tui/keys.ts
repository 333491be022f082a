// One table of keys: it turns key presses into actions and draws the footer, so the footer
// cannot drift from what the keys do (as rustlings' list.rs does it).
import {isCheckpoint} from '../content/lesson-types.js';
import type {Action, State} from './state.js';

/** The parts of ink's key object the table reads. */
export type KeyPress = {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly pageDown?: boolean;
	readonly pageUp?: boolean;
	readonly rightArrow?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
};

type Context = 'menu' | 'page' | 'checkpoint' | 'info';

/**
What a key asks for: an action of the reducer, or a scroll, which the app turns into a scroll
action once it knows how tall the page is.
*/
export type KeyAction = Exclude<Action, {type: 'select' | 'scroll'}> | {readonly type: 'scrollDown'} | {readonly type: 'scrollUp'};

type Binding = {
	readonly label: string;
	readonly description: string;
	readonly action: KeyAction['type'];
	readonly contexts: readonly Context[];
	readonly matches: (input: string, key: KeyPress) => boolean;
	/** Moving and choosing in a list is left to ink-select-input, which draws the list. */
	readonly isSelectListKey?: boolean;
};

const bindings: readonly Binding[] = [
	{label: '↑↓/jk', description: 'move', action: 'up', contexts: ['menu', 'checkpoint'], matches: (input, key) => key.upArrow === true || input === 'k', isSelectListKey: true},
	{label: '', description: '', action: 'down', contexts: ['menu', 'checkpoint'], matches: (input, key) => key.downArrow === true || input === 'j', isSelectListKey: true},
	{label: 'Enter', description: 'open', action: 'open', contexts: ['menu'], matches: (_input, key) => key.return === true, isSelectListKey: true},
	{label: 'Enter', description: 'answer', action: 'open', contexts: ['checkpoint'], matches: (_input, key) => key.return === true, isSelectListKey: true},
	{label: '→/l/Enter', description: 'next page', action: 'next', contexts: ['page'], matches: (input, key) => key.rightArrow === true || input === 'l' || input === ' ' || key.return === true},
	{label: '', description: '', action: 'next', contexts: ['checkpoint'], matches: (input, key) => key.rightArrow === true || input === 'l'},
	{label: '←/h', description: 'previous page', action: 'previous', contexts: ['page', 'checkpoint'], matches: (input, key) => key.leftArrow === true || input === 'h'},
	{label: 'PgDn/d PgUp/u', description: 'scroll', action: 'scrollDown', contexts: ['page', 'checkpoint'], matches: (input, key) => key.pageDown === true || input === 'd'},
	{label: '', description: '', action: 'scrollUp', contexts: ['page', 'checkpoint'], matches: (input, key) => key.pageUp === true || input === 'u'},
	{label: 'Esc/q', description: 'back', action: 'back', contexts: ['menu', 'page', 'checkpoint', 'info'], matches: (input, key) => key.escape === true || input === 'q'},
	{label: '?', description: 'help', action: 'help', contexts: ['menu', 'page', 'checkpoint', 'info'], matches: input => input === '?'},
];

/** Which keys apply on the current screen. */
export function contextOf(state: State): Context {
	const {screen} = state;
	switch (screen.name) {
		case 'home':
		case 'lessons': {
			return 'menu';
		}

		case 'lesson': {
			return isCheckpoint(state.lessons[screen.lessonIndex]?.pages[screen.page]) && !screen.answer ? 'checkpoint' : 'page';
		}

		case 'progress':
		case 'help': {
			return 'info';
		}
	}
}

/**
The action a key press means on the current screen, if any. With `isSelectListShown`, the keys
a select list handles itself (move, Enter) are left to it.
*/
export function actionFor(state: State, input: string, key: KeyPress, isSelectListShown = false): KeyAction | undefined {
	const context = contextOf(state);
	const binding = bindings.find(candidate => candidate.contexts.includes(context) && candidate.matches(input, key));
	if (!binding || (isSelectListShown && binding.isSelectListKey === true)) {
		return undefined;
	}

	return {type: binding.action};
}

/** The footer's key hints for the current screen. */
export function footerHints(state: State): Array<{label: string; description: string}> {
	const context = contextOf(state);
	const hints = bindings.filter(binding => binding.label !== '' && binding.contexts.includes(context)).map(({label, description}) => ({label, description}));
	// On the home screen, going back leaves the app.
	return state.screen.name === 'home' ? hints.map(hint => (hint.description === 'back' ? {...hint, description: 'quit'} : hint)) : hints;
}
