// The learner's record of challenges, verdict drills and exams, as plain data: the part of
// progress that is not lessons. Every record only grows (counts go up, a best score only rises,
// a solved challenge stays solved). Two apps open at once are merged on each save: a solve, a
// best score and an exam are never lost, but counts are taken from the larger side rather than
// added, as both sides hold the counts they started from (counts may come out low, never high).
import type {ChallengeProgress, DrillProgress, ExamRecord, Progress} from './progress-types.js';

export type {ChallengeProgress, DrillProgress, ExamRecord} from './progress-types.js';

const emptyChallenge: ChallengeProgress = {attempts: 0, isSolved: false, hintsUsed: 0, bestScore: 0, seconds: 0};
const emptyDrill: DrillProgress = {answered: 0, correct: 0, milliseconds: 0};

/** The key of a challenge in progress: its pack's id and its own. */
export function challengeKey(packId: string, challengeId: string): string {
	return `${packId}/${challengeId}`;
}

/** A challenge's record, or an empty one. Own properties only, as for lessons. */
export function challengeProgress(progress: Progress, key: string): ChallengeProgress {
	const records = progress.challenges ?? {};
	return Object.hasOwn(records, key) ? records[key]! : emptyChallenge;
}

function withChallenge(progress: Progress, key: string, change: (record: ChallengeProgress) => ChallengeProgress): Progress {
	return {...progress, challenges: {...progress.challenges, [key]: change(challengeProgress(progress, key))}};
}

/** Records a graded submission: one more attempt, the best score kept, solved once passed. */
export function recordGrade(progress: Progress, key: string, score: number, isPassed: boolean): Progress {
	return withChallenge(progress, key, record => ({
		...record,
		attempts: record.attempts + 1,
		bestScore: Math.max(record.bestScore, score),
		isSolved: record.isSolved || isPassed,
	}));
}

/** Records that `count` hints of a challenge have been revealed. */
export function recordHints(progress: Progress, key: string, count: number): Progress {
	const record = challengeProgress(progress, key);
	return count <= record.hintsUsed ? progress : withChallenge(progress, key, current => ({...current, hintsUsed: count}));
}

/** Adds time spent on a challenge's screen; under a second adds nothing. */
export function addChallengeTime(progress: Progress, key: string, milliseconds: number): Progress {
	const seconds = Math.floor(Math.max(0, milliseconds) / 1000);
	return seconds === 0 ? progress : withChallenge(progress, key, record => ({...record, seconds: record.seconds + seconds}));
}

export function drillProgress(progress: Progress): DrillProgress {
	return progress.drill ?? emptyDrill;
}

/** Records one drill answer and how long it took. */
export function recordDrillAnswer(progress: Progress, isCorrect: boolean, milliseconds: number): Progress {
	const drill = drillProgress(progress);
	return {...progress, drill: {answered: drill.answered + 1, correct: drill.correct + (isCorrect ? 1 : 0), milliseconds: drill.milliseconds + Math.max(0, Math.round(milliseconds))}};
}

// Enough to show a trend; older exams drop off.
const keptExams = 50;

export function recordExam(progress: Progress, exam: ExamRecord): Progress {
	return {...progress, exams: [...(progress.exams ?? []), exam].slice(-keptExams)};
}

/** The challenge-side totals over the given challenge keys (records of other challenges are ignored). */
export function challengeSummary(progress: Progress, keys: readonly string[]): {readonly solved: number; readonly attempted: number; readonly count: number} {
	const records = keys.map(key => challengeProgress(progress, key));
	return {solved: records.filter(record => record.isSolved).length, attempted: records.filter(record => record.attempts > 0).length, count: keys.length};
}

/** Two records of the same learner, together: the larger of each count, solved in either. */
export function mergeChallengeRecords(theirs: Progress, ours: Progress): Pick<Progress, 'challenges' | 'drill' | 'exams'> {
	const challenges = new Map<string, ChallengeProgress>(Object.entries(theirs.challenges ?? {}));
	for (const [key, mine] of Object.entries(ours.challenges ?? {})) {
		const other = challenges.get(key);
		challenges.set(key, other
			? {
				attempts: Math.max(other.attempts, mine.attempts),
				isSolved: other.isSolved || mine.isSolved,
				hintsUsed: Math.max(other.hintsUsed, mine.hintsUsed),
				bestScore: Math.max(other.bestScore, mine.bestScore),
				seconds: Math.max(other.seconds, mine.seconds),
			}
			: mine);
	}

	// The drill's three counts are kept together, the side with more answers winning: mixing the
	// larger of each would make an accuracy and a pace that no session had.
	const drills = [theirs.drill, ours.drill].filter(drill => drill !== undefined);
	const drill = drills.length === 0 ? undefined : drills.reduce((left, right) => (right.answered >= left.answered ? right : left));
	const exams = new Map<string, ExamRecord>();
	for (const exam of [...(theirs.exams ?? []), ...(ours.exams ?? [])]) {
		exams.set(exam.startedAt, exam);
	}

	const examList = [...exams.values()].sort((left, right) => left.startedAt.localeCompare(right.startedAt)).slice(-keptExams);
	return {
		...(challenges.size > 0 ? {challenges: Object.fromEntries(challenges)} : {}),
		...(drill ? {drill} : {}),
		...(examList.length > 0 ? {exams: examList} : {}),
	};
}

type Parsed<T> = {readonly ok: true; readonly value: T | undefined} | {readonly ok: false};
const invalid = {ok: false} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
	const own = Object.keys(value);
	return own.length === keys.length && keys.every(key => Object.hasOwn(value, key));
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isShare = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;

/** Reads `challenges` of progress.json; absent is fine, anything not exactly the shape is not. */
export function parseChallenges(value: unknown): Parsed<Record<string, ChallengeProgress>> {
	if (value === undefined) {
		return {ok: true, value: undefined};
	}

	if (!isRecord(value)) {
		return invalid;
	}

	const entries: Array<[string, ChallengeProgress]> = [];
	for (const [key, record] of Object.entries(value)) {
		if (key === '' || !isRecord(record) || !hasExactly(record, ['attempts', 'isSolved', 'hintsUsed', 'bestScore', 'seconds'])) {
			return invalid;
		}

		const {attempts, isSolved, hintsUsed, bestScore, seconds} = record;
		if (!isCount(attempts) || typeof isSolved !== 'boolean' || !isCount(hintsUsed) || !isShare(bestScore) || !isCount(seconds)) {
			return invalid;
		}

		entries.push([key, {attempts, isSolved, hintsUsed, bestScore, seconds}]);
	}

	// Object.fromEntries defines own properties, so a key `__proto__` stays a plain key.
	return {ok: true, value: Object.fromEntries(entries)};
}

export function parseDrill(value: unknown): Parsed<DrillProgress> {
	if (value === undefined) {
		return {ok: true, value: undefined};
	}

	if (!isRecord(value) || !hasExactly(value, ['answered', 'correct', 'milliseconds'])) {
		return invalid;
	}

	const {answered, correct, milliseconds} = value;
	return isCount(answered) && isCount(correct) && correct <= answered && isCount(milliseconds) ? {ok: true, value: {answered, correct, milliseconds}} : invalid;
}

export function parseExams(value: unknown): Parsed<ExamRecord[]> {
	if (value === undefined) {
		return {ok: true, value: undefined};
	}

	if (!Array.isArray(value)) {
		return invalid;
	}

	const exams: ExamRecord[] = [];
	for (const exam of value as unknown[]) {
		if (!isRecord(exam) || !hasExactly(exam, ['startedAt', 'score', 'isPassed', 'tasks', 'minutes'])) {
			return invalid;
		}

		const {startedAt, score, isPassed, tasks, minutes} = exam;
		if (typeof startedAt !== 'string' || !isShare(score) || typeof isPassed !== 'boolean' || !isCount(tasks) || !isCount(minutes)) {
			return invalid;
		}

		exams.push({startedAt, score, isPassed, tasks, minutes});
	}

	return {ok: true, value: exams};
}
