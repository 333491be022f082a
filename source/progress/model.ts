// The learner's progress as plain data, and functions that return new data: no I/O here, so the
// TUI and the `progress` command share the rules and tests call them directly.
import {mergeChallengeRecords, parseChallenges, parseDrill, parseExams} from './challenge-model.js';
import type {CheckpointProgress, LessonProgress, Progress} from './progress-types.js';

export type {CheckpointProgress, LessonProgress, Progress} from './progress-types.js';

/** What the model needs to know of a lesson: its id, its number of pages and which pages are checkpoints. */
export type LessonShape = {
	readonly id: string;
	readonly pageCount: number;
	/** The 0-based indexes of the pages of kind `choice` or `predict`. */
	readonly checkpointPages: readonly number[];
};

/** One lesson's progress measured against the lesson as it is now. */
export type LessonSummary = {
	readonly pagesSeen: number;
	readonly pageCount: number;
	readonly checkpointsCorrect: number;
	readonly checkpointsAnswered: number;
	readonly checkpointCount: number;
	readonly isCompleted: boolean;
};

/** The course-wide totals. */
export type OverallSummary = {
	readonly lessonsCompleted: number;
	readonly lessonCount: number;
	readonly checkpointsCorrect: number;
	readonly checkpointCount: number;
};

const emptyLesson: LessonProgress = {pagesSeen: [], checkpoints: {}, isCompleted: false};

/** Progress with nothing done. */
export function emptyProgress(): Progress {
	return {formatVersion: 1, lessons: {}};
}

/** A lesson's progress, or an empty one. Own properties only: a lesson id such as `constructor` must not reach Object.prototype. */
export function lessonProgress(progress: Progress, lessonId: string): LessonProgress {
	return Object.hasOwn(progress.lessons, lessonId) ? progress.lessons[lessonId]! : emptyLesson;
}

/**
Records that the learner saw a page; completes the lesson when nothing is left to do. The
checkpoint pages are needed because the last page seen may be a text page after the last
answer. Throws on a page index outside the lesson (a bug in the caller).
*/
export function markPageSeen(
	progress: Progress,
	lessonId: string,
	pageIndex: number,
	pageCount: number,
	checkpointPages: readonly number[],
): Progress {
	assertPage(pageIndex, pageCount);
	const lesson = lessonProgress(progress, lessonId);
	if (lesson.pagesSeen.includes(pageIndex)) {
		return progress;
	}

	const pagesSeen = [...lesson.pagesSeen, pageIndex].sort((left, right) => left - right);
	return withLesson(progress, lessonId, {...lesson, pagesSeen}, pageCount, checkpointPages);
}

/**
Records an answer to a checkpoint: attempts count up and `isCorrect` keeps the latest answer.
Answering a page also marks it seen. Throws when the page is not one of `checkpointPages` (a bug
in the caller).
*/
export function recordAnswer(
	progress: Progress,
	lessonId: string,
	pageIndex: number,
	isCorrect: boolean,
	pageCount: number,
	checkpointPages: readonly number[],
): Progress {
	assertPage(pageIndex, pageCount);
	if (!checkpointPages.includes(pageIndex)) {
		throw new RangeError(`Bug: page ${pageIndex} of lesson ${JSON.stringify(lessonId)} is not a checkpoint (checkpoints: ${checkpointPages.join(', ') || 'none'})`);
	}

	const lesson = lessonProgress(markPageSeen(progress, lessonId, pageIndex, pageCount, checkpointPages), lessonId);
	const key = String(pageIndex);
	const attempts = (Object.hasOwn(lesson.checkpoints, key) ? lesson.checkpoints[key]!.attempts : 0) + 1;
	const checkpoints = {...lesson.checkpoints, [key]: {isCorrect, attempts}};
	return withLesson(progress, lessonId, {...lesson, checkpoints}, pageCount, checkpointPages);
}

/** One lesson's progress against the lesson as it is now: pages and checkpoints it no longer has are not counted. */
export function lessonSummary(progress: Progress, lesson: LessonShape): LessonSummary {
	const record = lessonProgress(progress, lesson.id);
	const pagesSeen = record.pagesSeen.filter(index => index < lesson.pageCount).length;
	const answers = lesson.checkpointPages
		.map(index => String(index))
		.filter(key => Object.hasOwn(record.checkpoints, key))
		.map(key => record.checkpoints[key]!);
	return {
		pagesSeen,
		pageCount: lesson.pageCount,
		checkpointsCorrect: answers.filter(answer => answer.isCorrect).length,
		checkpointsAnswered: answers.length,
		checkpointCount: lesson.checkpointPages.length,
		isCompleted: record.isCompleted || isDone(record, lesson.pageCount, lesson.checkpointPages),
	};
}

/** Totals over the given lessons; progress kept for lessons not in the list is ignored. */
export function overallSummary(progress: Progress, lessons: readonly LessonShape[]): OverallSummary {
	const summaries = lessons.map(lesson => lessonSummary(progress, lesson));
	return {
		lessonsCompleted: summaries.filter(summary => summary.isCompleted).length,
		lessonCount: lessons.length,
		checkpointsCorrect: summaries.reduce((sum, summary) => sum + summary.checkpointsCorrect, 0),
		checkpointCount: summaries.reduce((sum, summary) => sum + summary.checkpointCount, 0),
	};
}

function assertPage(pageIndex: number, pageCount: number): void {
	if (!Number.isSafeInteger(pageIndex) || pageIndex < 0 || pageIndex >= pageCount) {
		throw new RangeError(`Bug: page index ${pageIndex} is outside a lesson of ${pageCount} pages`);
	}
}

// Completion is checked on every change, as only a change can complete a lesson; once set it
// stays, so a lesson that later gains a page is not taken back from the learner.
function withLesson(
	progress: Progress,
	lessonId: string,
	lesson: LessonProgress,
	pageCount: number,
	checkpointPages: readonly number[],
): Progress {
	const isCompleted = lesson.isCompleted || isDone(lesson, pageCount, checkpointPages);
	return {...progress, lessons: {...progress.lessons, [lessonId]: {...lesson, isCompleted}}};
}

function isDone(lesson: LessonProgress, pageCount: number, checkpointPages: readonly number[]): boolean {
	const seen = new Set(lesson.pagesSeen);
	for (let index = 0; index < pageCount; index++) {
		if (!seen.has(index)) {
			return false;
		}
	}

	return checkpointPages.every(index => Object.hasOwn(lesson.checkpoints, String(index)));
}

/**
Checks a value parsed from `progress.json` and returns it as Progress, or undefined when it is
not exactly formatVersion 1's shape: an unknown formatVersion, a missing or unknown key, a wrong
type, unsorted or repeated page indexes, a checkpoint key that is not a page index, or an
attempt count below 1.
*/
export function parseProgress(value: unknown): Progress | undefined {
	if (!isRecord(value) || !hasOnlyKeys(value, ['formatVersion', 'lessons'], ['updatedAt', 'challenges', 'drill', 'exams']) || value['formatVersion'] !== 1) {
		return undefined;
	}

	const updatedAt = value['updatedAt'];
	if (updatedAt !== undefined && typeof updatedAt !== 'string') {
		return undefined;
	}

	const lessonsValue = value['lessons'];
	if (!isRecord(lessonsValue)) {
		return undefined;
	}

	const lessons: Array<[string, LessonProgress]> = [];
	for (const [id, lessonValue] of Object.entries(lessonsValue)) {
		const lesson = parseLesson(lessonValue);
		if (id === '' || !lesson) {
			return undefined;
		}

		lessons.push([id, lesson]);
	}

	const challenges = parseChallenges(value['challenges']);
	const drill = parseDrill(value['drill']);
	const exams = parseExams(value['exams']);
	if (!challenges.ok || !drill.ok || !exams.ok) {
		return undefined;
	}

	// Object.fromEntries defines own properties, so a lesson id `__proto__` stays a plain key.
	return {
		formatVersion: 1,
		lessons: Object.fromEntries(lessons),
		...(challenges.value === undefined ? {} : {challenges: challenges.value}),
		...(drill.value === undefined ? {} : {drill: drill.value}),
		...(exams.value === undefined ? {} : {exams: exams.value}),
		...(updatedAt === undefined ? {} : {updatedAt}),
	};
}

function parseLesson(value: unknown): LessonProgress | undefined {
	if (!isRecord(value) || !hasOnlyKeys(value, ['pagesSeen', 'checkpoints', 'isCompleted'], [])) {
		return undefined;
	}

	const {pagesSeen, checkpoints, isCompleted} = value;
	if (!Array.isArray(pagesSeen) || !pagesSeen.every((index, position) => isPageIndex(index) && (position === 0 || index > (pagesSeen[position - 1] as number)))) {
		return undefined;
	}

	if (typeof isCompleted !== 'boolean' || !isRecord(checkpoints)) {
		return undefined;
	}

	const entries: Array<[string, CheckpointProgress]> = [];
	for (const [key, checkpoint] of Object.entries(checkpoints)) {
		if (!/^(?:0|[1-9]\d*)$/.test(key) || !isRecord(checkpoint) || !hasOnlyKeys(checkpoint, ['isCorrect', 'attempts'], [])) {
			return undefined;
		}

		const {isCorrect, attempts} = checkpoint;
		if (typeof isCorrect !== 'boolean' || !Number.isSafeInteger(attempts) || (attempts as number) < 1) {
			return undefined;
		}

		entries.push([key, {isCorrect, attempts: attempts as number}]);
	}

	return {pagesSeen: (pagesSeen as number[]).slice(), checkpoints: Object.fromEntries(entries), isCompleted};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, required: readonly string[], optional: readonly string[]): boolean {
	const keys = Object.keys(value);
	return required.every(key => Object.hasOwn(value, key))
		&& keys.every(key => required.includes(key) || optional.includes(key));
}

function isPageIndex(value: unknown): value is number {
	return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
The union of two progress records of the same learner: pages seen in either, every answer
(`ours` wins where both answered), a lesson completed in either.
*/
export function mergeProgress(theirs: Progress, ours: Progress): Progress {
	const lessons = new Map<string, LessonProgress>(Object.entries(theirs.lessons));
	for (const [id, mine] of Object.entries(ours.lessons)) {
		const other = lessons.get(id);
		lessons.set(id, other
			? {
				pagesSeen: [...new Set([...other.pagesSeen, ...mine.pagesSeen])].sort((left, right) => left - right),
				checkpoints: {...other.checkpoints, ...mine.checkpoints},
				isCompleted: other.isCompleted || mine.isCompleted,
			}
			: mine);
	}

	// Object.fromEntries defines own properties, so a lesson id `__proto__` stays a plain key.
	return {formatVersion: 1, lessons: Object.fromEntries(lessons), ...mergeChallengeRecords(theirs, ours)};
}
