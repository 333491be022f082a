// The challenge side of the app as data: the challenge list, a challenge being worked on, the
// verdict drill and the timed exam. What needs the outside world (the editor, the learner's
// file, the clock) is asked for as an Effect, which the app performs and answers with an action,
// so every step here stays a pure function that tests call directly.
import type {Challenge} from '../../model/challenge.js';
import type {Verdict} from '../../evaluator/types.js';
import type {GradeReport} from '../../grading/grade.js';
import type {NetworkPolicy, Protocol} from '../../model/kubernetes.js';
import {addChallengeTime, challengeProgress, recordGrade, recordHints} from '../../progress/challenge-model.js';
import type {SavedExam} from '../../progress/saved-exam.js';
import {type ExamPlan} from './exam-plan.js';
import type {Action, State} from './state.js';

/** A challenge as the app lists it: where it comes from and where the learner's file is. */
export type ChallengeEntry = {
	/** The progress key: `<pack id>/<challenge id>`. */
	readonly key: string;
	/** How the list names it: the id for the built-in pack, the key for the others. */
	readonly name: string;
	readonly packTitle: string;
	readonly challenge: Challenge;
	/** The learner's file in the data directory. */
	readonly workFile: string;
	/** The first text of a learner's file: the task as comments, then the starter. */
	readonly initialText: string;
	/** The same for an exam's file, whose comments say how the exam grades it. */
	readonly examInitialText: string;
};

/** What grading a learner's file found. */
export type GradeResult =
	/** `isCluster`: the cluster of the challenge's terminal was graded, not the file. */
	| {readonly kind: 'graded'; readonly report: GradeReport; readonly notes: readonly string[]; readonly text: string; readonly policies: readonly NetworkPolicy[]; readonly isCluster?: boolean; readonly commands?: readonly string[]}
	| {readonly kind: 'empty'}
	/** The file is exactly as it started. */
	| {readonly kind: 'unchanged'}
	| {readonly kind: 'invalid'; readonly problems: readonly string[]}
	/** The editor could not be started, or failed. */
	| {readonly kind: 'editorFailed'; readonly message: string};

/**
Work for the app: each is answered by a `graded`, `notice`, `examStarted`, `examGraded` or
`examChecked` action, except keepExam and dropExam, which are answered only when they fail.
*/
export type Effect =
	| {readonly kind: 'edit'; readonly file: string; readonly initialText: string; readonly challengeIndex: number}
	| {readonly kind: 'grade'; readonly file: string; readonly challengeIndex: number}
	/** The challenge's terminal (netpol-dojo shell) for a work file; answered by a `graded` action. */
	| {readonly kind: 'shell'; readonly file: string; readonly initialText: string; readonly challengeIndex: number}
	| {readonly kind: 'reset'; readonly file: string; readonly initialText: string}
	| {readonly kind: 'startExam'; readonly plan: ExamPlan}
	| {readonly kind: 'gradeExam'; readonly files: readonly string[]; readonly challengeIndexes: readonly number[]}
	/** Checks a resumed exam's files, as each edit would have (whether kubectl would accept them). */
	| {readonly kind: 'checkExam'; readonly files: readonly string[]; readonly challengeIndexes: readonly number[]}
	/** Keeps the exam in progress in the data directory, so that quitting does not lose it. */
	| {readonly kind: 'keepExam'; readonly exam: SavedExam}
	/** The exam is graded: nothing is left to resume. */
	| {readonly kind: 'dropExam'};

export type ExamTask = {
	readonly challengeIndex: number;
	readonly weight: number;
	readonly file: string;
	/** The last check of the file (validity only: the exam gives no grade until the end). */
	readonly check?: GradeResult;
};

export type Exam = {
	readonly startedAt: number;
	readonly deadline: number;
	readonly tasks: readonly ExamTask[];
};

export type ExamResults = {
	readonly results: readonly GradeResult[];
	readonly score: number;
	readonly isPassed: boolean;
	/** When grading happened, for the minutes used. */
	readonly finishedAt: number;
};

export type ChallengeScreen =
	| {readonly name: 'challenges'; readonly selected: number}
	| {
		readonly name: 'challenge';
		readonly index: number;
		readonly scroll: number;
		readonly hintsShown: number;
		readonly openedAt: number;
		readonly isWatching: boolean;
		readonly isConfirmingReset: boolean;
		readonly isShowingSolution: boolean;
		/** With a graded file: the matrix view, on the port of matrixPorts at this index. */
		readonly matrixPort?: number | undefined;
		readonly result?: GradeResult | undefined;
		/** When the result came, for "graded at": a new grade always changes the screen. */
		readonly gradedAt?: number | undefined;
		readonly notice?: string | undefined;
	}
	| {readonly name: 'drill'; readonly question: number; readonly askedAt: number; readonly scroll: number; readonly answer?: {readonly verdict: Verdict; readonly isCorrect: boolean; readonly milliseconds: number}; readonly session: {readonly answered: number; readonly correct: number}}
	| {readonly name: 'examIntro'; readonly plan: ExamPlan; readonly notice?: string}
	| {readonly name: 'exam'; readonly exam: Exam; readonly selected: number; readonly isConfirmingFinish: boolean; readonly notice?: string}
	| {readonly name: 'examTask'; readonly exam: Exam; readonly task: number; readonly scroll: number; readonly isConfirmingFinish: boolean}
	| {readonly name: 'examGrading'; readonly exam: Exam}
	| {readonly name: 'examReview'; readonly exam: Exam; readonly results: ExamResults; readonly selected: number}
	| {readonly name: 'examReviewTask'; readonly exam: Exam; readonly results: ExamResults; readonly task: number; readonly scroll: number};

export type Screen<Name extends ChallengeScreen['name']> = ChallengeScreen & {readonly name: Name};

export function clamp(value: number, count: number): number {
	return Math.max(0, Math.min(value, count - 1));
}

export function move(selected: number, action: Action, count: number): number {
	return clamp(selected + (action.type === 'up' ? -1 : 1), count);
}

export function scrolled(current: number, action: Action & {type: 'scroll'}): number {
	return Math.max(0, Math.min(Math.min(current, action.max) + action.by, action.max));
}

export function withEffect(state: State, effect: Effect): State {
	return {...state, effects: [...state.effects, effect]};
}

/** The home menu's index of an item, for going back to it. */
export type HomeIndex = (item: string) => State;

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
function leaveChallenge(state: State, screen: Screen<'challenge'>, now: number): State {
	const entry = state.challenges[screen.index]!;
	const progress = addChallengeTime(state.progress, entry.key, now - screen.openedAt);
	const isSolved = challengeProgress(progress, entry.key).isSolved;
	return {...state, progress, screen: {name: 'challenges', selected: isSolved ? nextUnsolved(state, screen.index + 1) ?? screen.index : screen.index}};
}

export function reduceChallengeList(state: State, screen: Screen<'challenges'>, action: Action, now: number, home: HomeIndex): State {
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
export function isSolutionOffered(state: State, screen: Screen<'challenge'>): boolean {
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
export function screenMatrixPorts(state: State, screen: Screen<'challenge'>): ReturnType<typeof matrixPorts> {
	return matrixPorts(state.challenges[screen.index]!.challenge, screen.result, isSolutionOffered(state, screen));
}

function reduceMatrix(state: State, screen: Screen<'challenge'> & {matrixPort: number}, action: Action): State | undefined {
	const count = Math.max(1, screenMatrixPorts(state, screen).length);
	switch (action.type) {
		case 'next':
		case 'previous': {
			const matrixPort = (screen.matrixPort + (action.type === 'next' ? 1 : count - 1)) % count;
			return {...state, screen: {...screen, matrixPort, scroll: 0}};
		}

		case 'matrix':
		case 'back': {
			return {...state, screen: {...screen, matrixPort: undefined, scroll: 0}};
		}

		default: {
			return undefined;
		}
	}
}

export function reduceChallenge(state: State, screen: Screen<'challenge'>, action: Action, now: number): State {
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
			return screen.result?.kind === 'graded' && screenMatrixPorts(state, screen).length > 0 ? {...state, screen: {...screen, matrixPort: 0, isShowingSolution: false, scroll: 0}} : state;
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
			return isSolutionOffered(state, screen) ? {...state, screen: {...screen, isShowingSolution: !screen.isShowingSolution, matrixPort: undefined, scroll: 0}} : state;
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

function reduceChallengeAnswer(state: State, screen: Screen<'challenge'>, action: Action & {type: 'graded' | 'notice'}, now: number): State {
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
	return {...state, progress, screen: {...screen, result, gradedAt: now, scroll: 0, matrixPort: undefined, isShowingSolution: false}};
}
