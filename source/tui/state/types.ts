// The app's state, its screens, its actions and the effects it asks for, as types only: the
// root reducer (state.ts) and the reducers of each section (challenges, drill, exam) share them,
// and each imports them from here rather than from one another.
import type {Challenge} from '../../model/challenge.js';
import type {Lesson} from '../../model/lesson.js';
import type {NetworkPolicy} from '../../model/kubernetes.js';
import type {Verdict} from '../../evaluator/index.js';
import type {DrillQuestion} from '../../grading/drill.js';
import type {GradeReport} from '../../grading/grade.js';
import type {Prediction} from '../../grading/predictions.js';
import type {Progress} from '../../progress/model.js';
import type {SavedExam} from '../../progress/saved-exam.js';
import type {ExamPlan} from './exam-plan.js';
import type {MatrixView} from './matrix-view.js';

/** What the learner chose on a checkpoint page, once answered. */
export type Answer = {readonly choice: number; readonly isCorrect: boolean};

export type Screen =
	| {readonly name: 'home'; readonly selected: number}
	| {readonly name: 'lessons'; readonly selected: number}
	| {readonly name: 'lesson'; readonly lessonIndex: number; readonly page: number; readonly selected: number; readonly scroll: number; readonly answer?: Answer; readonly isShowingClusterYaml?: boolean}
	| {readonly name: 'progress'}
	| {readonly name: 'help'; readonly previous: Screen}
	| ChallengeScreen;

export type State = {
	readonly screen: Screen;
	readonly lessons: readonly Lesson[];
	readonly progress: Progress;
	/** The evaluator's answers to predict pages, by pageKey. */
	readonly predictions: ReadonlyMap<string, Prediction>;
	readonly challenges: readonly ChallengeEntry[];
	/** Every challenge case as a drill question, decided at start-up. */
	readonly drillQuestions: readonly DrillQuestion[];
	/** Draws drill questions and exam tasks; the app seeds it from the clock, tests with a constant. */
	readonly seed: number;
	readonly editorName: string;
	readonly isColor?: boolean;
	/** True until `challengesLoaded` arrives, when the app reads them after its first frame. */
	readonly isLoadingChallenges: boolean;
	/** Challenges that could not be read, as sentences for the challenge list. */
	readonly challengeProblems: readonly string[];
	/** Work asked of the app, oldest first; it answers each with an action and takes them off with `effectsTaken`. */
	readonly effects: readonly Effect[];
	/** The time of the last action (ms since 1970), for clocks on screen. */
	readonly now: number;
	/** Set when the app should exit. */
	readonly isQuitting: boolean;
	/** An exam left running when the app last closed, to resume from the Exam entry. */
	readonly examInProgress?: SavedExam | undefined;
};

/** The actions a key can ask for, which carry nothing but their name. */
export type KeyActionType = 'up' | 'down' | 'open' | 'back' | 'next' | 'previous' | 'help' | 'quit'
	// Keys of the challenge screens.
	| 'edit' | 'regrade' | 'watch' | 'hint' | 'solution' | 'matrix' | 'reset' | 'confirm' | 'allow' | 'deny' | 'finish' | 'nextChallenge' | 'shell'
	// On a lesson's last page: open a challenge that practises it.
	| 'practice'
	// On a predict page: the cluster as YAML or as a table.
	| 'clusterYaml';

export type Action =
	| {readonly type: KeyActionType}
	/** A menu item or choice highlighted (by the select list, which moves the highlight itself). */
	| {readonly type: 'select'; readonly index: number}
	/** Scroll a long page by `by` lines; the view knows how far it can go. */
	| {readonly type: 'scroll'; readonly by: number; readonly max: number}
	/** A second passed (the exam's clock). */
	| {readonly type: 'tick'}
	// The app's answers to effects.
	| {readonly type: 'graded'; readonly result: GradeResult}
	| {readonly type: 'notice'; readonly text: string}
	| {readonly type: 'examStarted'; readonly files: readonly string[]}
	| {readonly type: 'examGraded'; readonly results: readonly GradeResult[]}
	| {readonly type: 'examChecked'; readonly results: readonly GradeResult[]}
	| {readonly type: 'effectsTaken'; readonly count: number}
	/** The challenges, read just after the first frame so that the app opens at once. */
	| {readonly type: 'challengesLoaded'; readonly data: ChallengeData};

export type ChallengeData = {
	readonly challenges: readonly ChallengeEntry[];
	readonly drillQuestions: readonly DrillQuestion[];
	readonly seed: number;
	/** The editor `e` opens, as the screens name it. */
	readonly editorName: string;
	/** Challenges left out, each a sentence naming the file and line. */
	readonly problems?: readonly string[];
	/** Whether the matrix may use colours (not with NO_COLOR); marks carry the meaning either way. */
	readonly isColor?: boolean;
};

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
		/** What the matrix view shows, worked out with matrixPort. */
		readonly matrix?: MatrixView | undefined;
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

/** One screen of the union, by name. */
export type ScreenOf<Name extends Screen['name']> = Screen & {readonly name: Name};

/** The home menu's index of an item, for going back to it. */
export type HomeIndex = (item: string) => State;
