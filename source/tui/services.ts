// What the app needs from the outside world, declared here and implemented by commands/: saving
// progress, the clock, and the challenge work (the learner's files, the editor, watching,
// grading). The app asks through these types only, so tests pass fakes and tui/ never imports
// the commands that build the real ones.
import type {Challenge} from '../model/challenge.js';
import type {Progress} from '../progress/model.js';
import type {SavedExam} from '../progress/saved-exam.js';
import type {GradeResult} from './state/types.js';

/** The challenge work: commands/challenge-services.ts implements it. */
export type ChallengeServices = {
	/** Creates the file if it is missing, then opens it in the editor; returns why the editor could not be used. */
	readonly editFile: (file: string, initialText: string) => string | undefined;
	readonly gradeFile: (challenge: Challenge, file: string, initialText: string) => GradeResult;
	/** Opens the challenge's terminal (netpol-dojo shell) for a work file, waits for it, grades its cluster. */
	readonly openShell: (challenge: Challenge, key: string, file: string, initialText: string) => GradeResult;
	/** An exam task's answer: its terminal's cluster once the learner opened it, else its file. */
	readonly gradeTask: (challenge: Challenge, file: string, initialText: string) => GradeResult;
	/** Starts the file afresh, keeping the old one; returns a sentence for the screen. */
	readonly resetFile: (file: string, initialText: string) => string;
	/** Creates an exam's files, one per task; returns their paths in task order. */
	readonly startExam: (tasks: ReadonlyArray<{readonly key: string; readonly initialText: string}>) => string[];
	/** Creates the file if it is missing and calls onChange at each save; returns the function that stops. */
	readonly watchFile: (file: string, initialText: string, onChange: () => void) => () => void;
	/** Keeps the exam in progress in the data directory, to resume after quitting. Throws the file system's error. */
	readonly keepExam: (exam: SavedExam) => void;
	/** Forgets the exam in progress once it is graded. */
	readonly dropExam: () => void;
};

/** Everything the app is given: commands/tui.tsx builds it. */
export type Services = {
	/** Called with the new progress whenever it changes; returns why it could not be saved, if it could not. */
	readonly saveProgress: (progress: Progress) => string | undefined;
	/** The clock, in ms since 1970; tests pass their own. */
	readonly now?: () => number;
	/** Without them, the challenge screens say that editing is not available. */
	readonly challenges?: ChallengeServices;
};
