// The shape of the learner's progress file, as types only: the lesson side (model.ts) and the
// challenge side (challenge-model.ts) both read and write it, so neither owns the other.

/** One checkpoint's record: whether the latest answer was right, and how many answers were given. */
export type CheckpointProgress = {
	readonly isCorrect: boolean;
	readonly attempts: number;
};

/** What the learner has done in one lesson. */
export type LessonProgress = {
	/** The 0-based indexes of the pages seen, sorted, each once. */
	readonly pagesSeen: readonly number[];
	/** Keyed by the checkpoint's 0-based page index, written in decimal (`"3"`). */
	readonly checkpoints: Readonly<Record<string, CheckpointProgress>>;
	/** Set once every page was seen and every checkpoint answered; it stays set. */
	readonly isCompleted: boolean;
};

/** The whole progress file (`progress.json`, formatVersion 1). */
export type Progress = {
	readonly formatVersion: 1;
	/** Keyed by lesson id. */
	readonly lessons: Readonly<Record<string, LessonProgress>>;
	/** Keyed by `<pack id>/<challenge id>` (challenge-model.ts); absent until a challenge is opened. */
	readonly challenges?: Readonly<Record<string, ChallengeProgress>>;
	readonly drill?: DrillProgress;
	/** Finished exams, oldest first. */
	readonly exams?: readonly ExamRecord[];
	/** ISO 8601 time of the last save; the store sets it. */
	readonly updatedAt?: string;
};

/** One challenge's record, keyed in Progress by `<pack id>/<challenge id>`. */
export type ChallengeProgress = {
	/** How many times a submission was graded. */
	readonly attempts: number;
	readonly isSolved: boolean;
	/** How many hints were revealed, at most. */
	readonly hintsUsed: number;
	/** The best share of cases passed, 0..1. */
	readonly bestScore: number;
	/** Time spent on the challenge's screen, in whole seconds. */
	readonly seconds: number;
};

/** The verdict drill: answers given, answers right, and the time they took. */
export type DrillProgress = {
	readonly answered: number;
	readonly correct: number;
	readonly milliseconds: number;
};

/** One finished exam. */
export type ExamRecord = {
	/** ISO 8601. */
	readonly startedAt: string;
	/** The weighted score, 0..1. */
	readonly score: number;
	readonly isPassed: boolean;
	readonly tasks: number;
	/** Minutes used, rounded up. */
	readonly minutes: number;
};
