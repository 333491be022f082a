// The challenge list and a challenge being worked on, as data (the drill and the exam have their
// own reducers, and the types they share are in types.ts). What needs the outside world (the
// editor, the learner's file, the clock) is asked for as an Effect, which the app performs and
// answers with an action, so every step here stays a pure function that tests call directly.
import type {Challenge} from '../../model/challenge.js';
import type {Protocol} from '../../model/kubernetes.js';
import {addChallengeTime, challengeProgress, recordGrade, recordHints} from '../../progress/challenge-model.js';
import {type MatrixView, matrixView} from './matrix-view.js';
import {move, scrolled, withEffect} from './steps.js';
import type {Action, GradeResult, HomeIndex, ScreenOf, State} from './types.js';

export type {ChallengeEntry, ChallengeScreen, Effect, Exam, ExamResults, ExamTask, GradeResult, HomeIndex} from './types.js';

export function openChallenge(state: State, index: number, now: number): State {
	const entry = state.challenges[index];
	if (!entry) {
		return state;
	}

	const record = challengeProgress(state.progress, entry.key);
	return {
		...state,
		screen: {name: 'challenge', index, scroll: 0, hintsShown: record.hintsUsed, openedAt: now, isWatching: false, isConfirmingReset: false, isShowingSolution: false},
	};
}

/**
The first unsolved challenge at or after `from`, going round the list: where the list opens and
where "next" goes, as rustlings does. Undefined when every challenge is solved.
*/
export function nextUnsolved(state: State, from: number): number | undefined {
	const count = state.challenges.length;
	for (let step = 0; step < count; step++) {
		const index = (from + step) % count;
		if (!challengeProgress(state.progress, state.challenges[index]!.key).isSolved) {
			return index;
		}
	}

	return undefined;
}

// Leaving a challenge: its time is counted, and the list's cursor moves on once it is solved.
function leaveChallenge(state: State, screen: ScreenOf<'challenge'>, now: number): State {
	const entry = state.challenges[screen.index]!;
	const progress = addChallengeTime(state.progress, entry.key, now - screen.openedAt);
	const isSolved = challengeProgress(progress, entry.key).isSolved;
	return {...state, progress, screen: {name: 'challenges', selected: isSolved ? nextUnsolved(state, screen.index + 1) ?? screen.index : screen.index}};
}

export function reduceChallengeList(state: State, screen: ScreenOf<'challenges'>, action: Action, now: number, home: HomeIndex): State {
	switch (action.type) {
		case 'up':
		case 'down': {
			return {...state, screen: {...screen, selected: move(screen.selected, action, state.challenges.length)}};
		}

		case 'open':
		case 'next': {
			return openChallenge(state, screen.selected, now);
		}

		case 'back':
		case 'previous': {
			return home('Challenges');
		}

		default: {
			return state;
		}
	}
}

/** Whether the learner may see the reference solution: once the challenge is solved. */
export function isSolutionOffered(state: State, screen: ScreenOf<'challenge'>): boolean {
	const entry = state.challenges[screen.index]!;
	return challengeProgress(state.progress, entry.key).isSolved || (screen.result?.kind === 'graded' && screen.result.report.passed);
}

/**
The ports the matrix view shows, one at a time: the counterexample's, then those of the failed
cases, the first (most telling) failure's first. Once the challenge is solved, every port of the hidden cases: before,
the ports of passing cases stay hidden as the cases themselves do.
*/
export function matrixPorts(challenge: Challenge, result: GradeResult | undefined, isSolved: boolean): Array<{readonly port: number; readonly protocol: Protocol}> {
	const report = result?.kind === 'graded' ? result.report : undefined;
	const failures = report?.failures.map(failure => failure.flow) ?? [];
	const counterexample = report && !report.proof.isEquivalent ? [report.proof.counterexample] : [];
	const ports = new Map<string, {port: number; protocol: Protocol}>();
	for (const flow of [...counterexample, ...failures, ...(isSolved ? challenge.cases : [])]) {
		ports.set(`${flow.port}/${flow.protocol}`, {port: flow.port, protocol: flow.protocol});
	}

	return [...ports.values()];
}

/** The matrix ports of the challenge on screen. */
export function screenMatrixPorts(state: State, screen: ScreenOf<'challenge'>): ReturnType<typeof matrixPorts> {
	return matrixPorts(state.challenges[screen.index]!.challenge, screen.result, isSolutionOffered(state, screen));
}

// The matrix view on the port at `matrixPort`, its grids worked out now: the screen only draws them.
function matrixAt(state: State, screen: ScreenOf<'challenge'>, matrixPort: number): {readonly matrixPort: number; readonly matrix: MatrixView} {
	const policies = screen.result?.kind === 'graded' ? screen.result.policies : [];
	return {matrixPort, matrix: matrixView(state.challenges[screen.index]!.challenge, policies, screenMatrixPorts(state, screen), matrixPort)};
}

const noMatrix = {matrixPort: undefined, matrix: undefined} as const;

function reduceMatrix(state: State, screen: ScreenOf<'challenge'> & {matrixPort: number}, action: Action): State | undefined {
	const count = Math.max(1, screenMatrixPorts(state, screen).length);
	switch (action.type) {
		case 'next':
		case 'previous': {
			const matrixPort = (screen.matrixPort + (action.type === 'next' ? 1 : count - 1)) % count;
			return {...state, screen: {...screen, ...matrixAt(state, screen, matrixPort), scroll: 0}};
		}

		case 'matrix':
		case 'back': {
			return {...state, screen: {...screen, ...noMatrix, scroll: 0}};
		}

		default: {
			return undefined;
		}
	}
}

export function reduceChallenge(state: State, screen: ScreenOf<'challenge'>, action: Action, now: number): State {
	const entry = state.challenges[screen.index]!;
	if (screen.isConfirmingReset) {
		if (action.type === 'confirm') {
			return withEffect({...state, screen: {...screen, isConfirmingReset: false, result: undefined, gradedAt: undefined, isShowingSolution: false}}, {kind: 'reset', file: entry.workFile, initialText: entry.initialText});
		}

		return action.type === 'graded' || action.type === 'notice' ? reduceChallengeAnswer(state, screen, action, now) : {...state, screen: {...screen, isConfirmingReset: false}};
	}

	if (screen.matrixPort !== undefined) {
		const next = reduceMatrix(state, {...screen, matrixPort: screen.matrixPort}, action);
		if (next) {
			return next;
		}
	}

	switch (action.type) {
		case 'matrix': {
			return screen.result?.kind === 'graded' && screenMatrixPorts(state, screen).length > 0 ? {...state, screen: {...screen, ...matrixAt(state, screen, 0), isShowingSolution: false, scroll: 0}} : state;
		}

		case 'edit': {
			return withEffect({...state, screen: {...screen, notice: undefined}}, {kind: 'edit', file: entry.workFile, initialText: entry.initialText, challengeIndex: screen.index});
		}

		case 'regrade': {
			return withEffect({...state, screen: {...screen, notice: undefined}}, {kind: 'grade', file: entry.workFile, challengeIndex: screen.index});
		}

		case 'shell': {
			return withEffect({...state, screen: {...screen, notice: undefined, isWatching: false}}, {kind: 'shell', file: entry.workFile, initialText: entry.initialText, challengeIndex: screen.index});
		}

		case 'watch': {
			return {...state, screen: {...screen, isWatching: !screen.isWatching, notice: undefined}};
		}

		case 'hint': {
			const hintsShown = Math.min(screen.hintsShown + 1, entry.challenge.hints.length);
			// The new hint shows at the top of the page.
			return {...state, progress: recordHints(state.progress, entry.key, hintsShown), screen: {...screen, hintsShown, scroll: 0}};
		}

		case 'solution': {
			return isSolutionOffered(state, screen) ? {...state, screen: {...screen, isShowingSolution: !screen.isShowingSolution, ...noMatrix, scroll: 0}} : state;
		}

		case 'reset': {
			return {...state, screen: {...screen, isConfirmingReset: true}};
		}

		case 'scroll': {
			return {...state, screen: {...screen, scroll: scrolled(screen.scroll, action)}};
		}

		case 'graded':
		case 'notice': {
			return reduceChallengeAnswer(state, screen, action, now);
		}

		case 'back': {
			if (screen.isShowingSolution) {
				return {...state, screen: {...screen, isShowingSolution: false, scroll: 0}};
			}

			return leaveChallenge(state, screen, now);
		}

		case 'nextChallenge': {
			if (!isSolutionOffered(state, screen)) {
				return state;
			}

			const left = leaveChallenge(state, screen, now);
			const next = nextUnsolved(left, screen.index + 1);
			return next === undefined
				? {...state, screen: {...screen, notice: 'Every challenge is solved: well done. Esc goes back to the list.'}}
				: openChallenge(left, next, now);
		}

		default: {
			return state;
		}
	}
}

function reduceChallengeAnswer(state: State, screen: ScreenOf<'challenge'>, action: Action & {type: 'graded' | 'notice'}, now: number): State {
	if (action.type === 'notice') {
		return {...state, screen: {...screen, notice: action.text}};
	}

	const entry = state.challenges[screen.index]!;
	const {result} = action;
	// Only a graded file is an attempt; an empty or invalid one has not been tried against the cases.
	const progress = result.kind === 'graded' ? recordGrade(state.progress, entry.key, result.report.score, result.report.passed) : state.progress;
	// A notice (the file kept by a reset) stays until the learner acts: a watched file graded
	// right after must not hide where their old work went.
	// The new grade shows at the top of the challenge: from the matrix or the solution, back to it.
	return {...state, progress, screen: {...screen, result, gradedAt: now, scroll: 0, ...noMatrix, isShowingSolution: false}};
}
