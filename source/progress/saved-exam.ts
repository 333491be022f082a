// An exam in progress as plain data, as it is kept on disk while the app is closed: the tasks
// drawn (by challenge key, as the app's list of challenges may change between runs), where
// their files are, when it started and when its clock runs out. No I/O here.

export type SavedExamTask = {
	/** The challenge's progress key, `<pack id>/<challenge id>`. */
	readonly key: string;
	readonly weight: number;
	/** The task's file, in the exam's folder. */
	readonly file: string;
};

/** `exam-in-progress.json`, formatVersion 1. */
export type SavedExam = {
	readonly formatVersion: 1;
	/** ISO 8601. */
	readonly startedAt: string;
	/** ISO 8601: the clock runs out then, whether the app is open or not. */
	readonly deadline: string;
	readonly tasks: readonly SavedExamTask[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
	const own = Object.keys(value);
	return own.length === keys.length && keys.every(key => Object.hasOwn(value, key));
}

const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Checks a value parsed from the file: the exact shape above, or undefined. */
export function parseSavedExam(value: unknown): SavedExam | undefined {
	if (!isRecord(value) || !hasExactly(value, ['formatVersion', 'startedAt', 'deadline', 'tasks']) || value['formatVersion'] !== 1) {
		return undefined;
	}

	const {startedAt, deadline, tasks} = value;
	if (!isTime(startedAt) || !isTime(deadline) || Date.parse(deadline) < Date.parse(startedAt) || !Array.isArray(tasks) || tasks.length === 0) {
		return undefined;
	}

	const parsed: SavedExamTask[] = [];
	for (const task of tasks as unknown[]) {
		if (!isRecord(task) || !hasExactly(task, ['key', 'weight', 'file'])) {
			return undefined;
		}

		const {key, weight, file} = task;
		// A key is shown on screen when its challenge is gone: no terminal control characters.
		if (typeof key !== 'string' || key === '' || /[\u0000-\u001F\u007F-\u009F]/.test(key) || typeof weight !== 'number' || !(weight > 0) || typeof file !== 'string' || file === '') {
			return undefined;
		}

		parsed.push({key, weight, file});
	}

	return {formatVersion: 1, startedAt, deadline, tasks: parsed};
}
