// One table of keys: it turns key presses into actions and draws the footer, so the footer
// cannot drift from what the keys do (as rustlings' list.rs does it).
import {isCheckpoint} from '../../model/lesson.js';
import {isSolutionOffered, screenMatrixPorts} from './challenge-state.js';
import {type KeyActionType, practiceChallenge, type State} from './state.js';

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

type Context = 'menu' | 'page' | 'checkpoint' | 'info' | 'challenge' | 'confirm' | 'drillAsk' | 'drillAnswered' | 'examIntro' | 'examList' | 'examTask' | 'review';

/**
What a key asks for: an action of the reducer, or a scroll, which the app turns into a scroll
action once it knows how tall the page is.
*/
export type KeyAction = {readonly type: KeyActionType} | {readonly type: 'scrollDown'} | {readonly type: 'scrollUp'};

type Binding = {
	readonly label: string;
	readonly description: string;
	readonly action: KeyAction['type'];
	readonly contexts: readonly Context[];
	readonly matches: (input: string, key: KeyPress) => boolean;
	/** Moving and choosing in a list is left to ink-select-input, which draws the list. */
	readonly isSelectListKey?: boolean;
	/** For keys that apply only sometimes (a hint left to show, a solution earned). */
	readonly isAvailable?: (state: State) => boolean;
};

const scrolling: readonly Context[] = ['page', 'checkpoint', 'challenge', 'examTask', 'review'];
const hintsLeft = (state: State) => state.screen.name === 'challenge' && state.screen.hintsShown < (state.challenges[state.screen.index]?.challenge.hints.length ?? 0);
const solutionOffered = (state: State) => state.screen.name === 'challenge' && isSolutionOffered(state, state.screen);
const solutionShown = (state: State) => state.screen.name === 'challenge' && state.screen.isShowingSolution;
const isGraded = (state: State) => state.screen.name === 'challenge' && state.screen.result?.kind === 'graded' && state.screen.matrixPort === undefined && screenMatrixPorts(state, state.screen).length > 0;
const matrixShown = (state: State) => state.screen.name === 'challenge' && state.screen.matrixPort !== undefined;
const isSolvedOnScreen = (state: State) => state.screen.name === 'challenge' && isSolutionOffered(state, state.screen);
const isLastPageWithPractice = (state: State) => state.screen.name === 'lesson' && state.screen.page === (state.lessons[state.screen.lessonIndex]?.pages.length ?? 0) - 1 && practiceChallenge(state, state.screen.lessonIndex) !== undefined;

const bindings: readonly Binding[] = [
	{label: 'y', description: 'yes', action: 'confirm', contexts: ['confirm'], matches: input => input === 'y' || input === 'Y'},
	{label: 'n/Esc', description: 'no', action: 'back', contexts: ['confirm'], matches: (input, key) => input === 'n' || key.escape === true},
	{label: '↑↓/jk', description: 'move', action: 'up', contexts: ['menu', 'checkpoint', 'examList'], matches: (input, key) => key.upArrow === true || input === 'k', isSelectListKey: true},
	{label: '', description: '', action: 'down', contexts: ['menu', 'checkpoint', 'examList'], matches: (input, key) => key.downArrow === true || input === 'j', isSelectListKey: true},
	{label: 'Enter', description: 'open', action: 'open', contexts: ['menu', 'examList'], matches: (_input, key) => key.return === true, isSelectListKey: true},
	{label: 'Enter', description: 'answer', action: 'open', contexts: ['checkpoint'], matches: (_input, key) => key.return === true, isSelectListKey: true},
	{label: 'Enter', description: 'start the clock', action: 'open', contexts: ['examIntro'], matches: (_input, key) => key.return === true},
	{label: '→/l/Enter', description: 'next page', action: 'next', contexts: ['page'], matches: (input, key) => key.rightArrow === true || input === 'l' || input === ' ' || key.return === true},
	{label: '', description: '', action: 'next', contexts: ['checkpoint'], matches: (input, key) => key.rightArrow === true || input === 'l'},
	{label: '←/h', description: 'previous page', action: 'previous', contexts: ['page', 'checkpoint'], matches: (input, key) => key.leftArrow === true || input === 'h'},
	{label: 'e', description: 'edit in $EDITOR', action: 'edit', contexts: ['challenge', 'examTask'], matches: input => input === 'e'},
	{label: 't', description: 'terminal', action: 'shell', contexts: ['challenge', 'examTask'], matches: input => input === 't'},
	{label: 'r', description: 're-grade', action: 'regrade', contexts: ['challenge'], matches: input => input === 'r'},
	{label: 'w', description: 'watch on/off', action: 'watch', contexts: ['challenge'], matches: input => input === 'w'},
	{label: 'n', description: 'hint', action: 'hint', contexts: ['challenge'], matches: input => input === 'n', isAvailable: hintsLeft},
	{label: 's', description: 'solution', action: 'solution', contexts: ['challenge'], matches: input => input === 's', isAvailable: solutionOffered},
	{label: 'm', description: 'matrix', action: 'matrix', contexts: ['challenge'], matches: input => input === 'm', isAvailable: isGraded},
	{label: '←→/hl', description: 'port', action: 'next', contexts: ['challenge'], matches: (input, key) => key.rightArrow === true || input === 'l', isAvailable: matrixShown},
	{label: '', description: '', action: 'previous', contexts: ['challenge'], matches: (input, key) => key.leftArrow === true || input === 'h', isAvailable: matrixShown},
	{label: 'x', description: 'start afresh', action: 'reset', contexts: ['challenge'], matches: input => input === 'x'},
	{label: 'Enter', description: 'next challenge', action: 'nextChallenge', contexts: ['challenge'], matches: (_input, key) => key.return === true, isAvailable: isSolvedOnScreen},
	{label: 'y', description: 'cluster as YAML/table', action: 'clusterYaml', contexts: ['page', 'checkpoint'], matches: input => input === 'y', isAvailable: state => state.screen.name === 'lesson' && state.lessons[state.screen.lessonIndex]?.pages[state.screen.page]?.kind === 'predict'},
	{label: 'c', description: 'practise', action: 'practice', contexts: ['page', 'checkpoint'], matches: input => input === 'c', isAvailable: isLastPageWithPractice},
	{label: 'a', description: 'allowed', action: 'allow', contexts: ['drillAsk'], matches: input => input === 'a'},
	{label: 'd', description: 'denied', action: 'deny', contexts: ['drillAsk'], matches: input => input === 'd'},
	{label: 'Enter/→', description: 'next flow', action: 'next', contexts: ['drillAnswered'], matches: (input, key) => key.return === true || key.rightArrow === true || input === ' ' || input === 'l'},
	{label: 'f', description: 'finish exam', action: 'finish', contexts: ['examList', 'examTask'], matches: input => input === 'f'},
	{label: 'PgDn/d PgUp/u', description: 'scroll', action: 'scrollDown', contexts: scrolling, matches: (input, key) => key.pageDown === true || input === 'd'},
	{label: '', description: '', action: 'scrollUp', contexts: scrolling, matches: (input, key) => key.pageUp === true || input === 'u'},
	// In the drill `d` answers "denied", so only the page keys scroll.
	{label: 'PgDn PgUp', description: 'scroll', action: 'scrollDown', contexts: ['drillAsk', 'drillAnswered'], matches: (_input, key) => key.pageDown === true},
	{label: '', description: '', action: 'scrollUp', contexts: ['drillAsk', 'drillAnswered'], matches: (_input, key) => key.pageUp === true},
	{label: 'Esc/q', description: 'your file', action: 'back', contexts: ['challenge'], matches: (input, key) => key.escape === true || input === 'q', isAvailable: state => solutionShown(state) || matrixShown(state)},
	// On the home screen going back leaves the app: only q does, so that an Esc pressed once too
	// often on the way back does not end the session.
	{label: 'q', description: 'quit', action: 'back', contexts: ['menu'], matches: input => input === 'q', isAvailable: state => state.screen.name === 'home'},
	{label: 'Esc/q', description: 'back', action: 'back', contexts: ['menu', 'page', 'checkpoint', 'info', 'challenge', 'drillAsk', 'drillAnswered', 'examIntro', 'examTask', 'review'], matches: (input, key) => key.escape === true || input === 'q', isAvailable: state => state.screen.name !== 'home'},
	{label: 'Esc/q', description: 'finish exam', action: 'back', contexts: ['examList'], matches: (input, key) => key.escape === true || input === 'q'},
	{label: '?', description: 'help', action: 'help', contexts: ['menu', 'page', 'checkpoint', 'info', 'challenge', 'drillAsk', 'drillAnswered', 'examIntro', 'review'], matches: input => input === '?'},
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

		case 'challenges':
		case 'examReview': {
			return 'menu';
		}

		case 'challenge': {
			return screen.isConfirmingReset ? 'confirm' : 'challenge';
		}

		case 'drill': {
			return screen.answer ? 'drillAnswered' : 'drillAsk';
		}

		case 'examIntro': {
			return 'examIntro';
		}

		case 'exam': {
			return screen.isConfirmingFinish ? 'confirm' : 'examList';
		}

		case 'examTask': {
			return screen.isConfirmingFinish ? 'confirm' : 'examTask';
		}

		case 'examGrading': {
			return 'info';
		}

		case 'examReviewTask': {
			return 'review';
		}
	}
}

function applies(binding: Binding, context: Context, state: State): boolean {
	return binding.contexts.includes(context) && (binding.isAvailable?.(state) ?? true);
}

/**
The action a key press means on the current screen, if any. With `isSelectListShown`, the keys
a select list handles itself (move, Enter) are left to it.
*/
export function actionFor(state: State, input: string, key: KeyPress, isSelectListShown = false): KeyAction | undefined {
	const context = contextOf(state);
	const binding = bindings.find(candidate => applies(candidate, context, state) && candidate.matches(input, key));
	if (!binding || (isSelectListShown && binding.isSelectListKey === true)) {
		return undefined;
	}

	return {type: binding.action};
}

/** The footer's key hints for the current screen. */
export function footerHints(state: State): Array<{label: string; description: string}> {
	const context = contextOf(state);
	const shown = bindings.filter(binding => binding.label !== '' && applies(binding, context, state));
	// A key listed twice (Esc as "your file" and as "back") shows its first meaning only.
	return shown.filter((binding, index) => shown.findIndex(other => other.label === binding.label && other.action === binding.action) === index).map(({label, description}) => ({label, description}));
}
