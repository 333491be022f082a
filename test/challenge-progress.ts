// The challenge side of progress (challenges, the verdict drill, exams): the model's functions
// called directly with exact expected values, parseProgress's checks of the three optional keys,
// and mergeProgress's rules, with a property over random records.
import assert from 'node:assert/strict';
import test from 'ava';
import fc from 'fast-check';
import {
	type ChallengeProgress,
	type DrillProgress,
	type ExamRecord,
	addChallengeTime,
	challengeKey,
	challengeProgress,
	challengeSummary,
	drillProgress,
	recordDrillAnswer,
	recordExam,
	recordGrade,
	recordHints,
} from '../source/progress/challenge-model.js';
import {type Progress, emptyProgress, mergeProgress, parseProgress} from '../source/progress/model.js';

const key = 'cks-basics/db-policy';
const emptyRecord: ChallengeProgress = {attempts: 0, isSolved: false, hintsUsed: 0, bestScore: 0, seconds: 0};

function exam(startedAt: string, score = 0.5): ExamRecord {
	return {startedAt, score, isPassed: score >= 0.67, tasks: 6, minutes: 30};
}

// --- the model's functions

test('challengeKey is the pack id and the challenge id joined by a slash', t => {
	t.is(challengeKey('cks-basics', 'db-policy'), 'cks-basics/db-policy');
});

test('challengeProgress of a challenge never opened is the empty record', t => {
	t.deepEqual(challengeProgress(emptyProgress(), key), emptyRecord);
});

test('challengeProgress reads own keys only: `constructor` and `toString` are not Object.prototype\'s', t => {
	const progress = recordGrade(emptyProgress(), 'other/x', 1, true);
	t.deepEqual(challengeProgress(progress, 'constructor'), emptyRecord);
	t.deepEqual(challengeProgress(progress, 'toString'), emptyRecord);
	t.deepEqual(challengeProgress(emptyProgress(), '__proto__'), emptyRecord);
});

test('recordGrade counts attempts, keeps the best score and stays solved once passed', t => {
	let progress = recordGrade(emptyProgress(), key, 0.5, false);
	t.deepEqual(progress.challenges, {[key]: {attempts: 1, isSolved: false, hintsUsed: 0, bestScore: 0.5, seconds: 0}});
	progress = recordGrade(progress, key, 1, true);
	t.deepEqual(challengeProgress(progress, key), {attempts: 2, isSolved: true, hintsUsed: 0, bestScore: 1, seconds: 0});
	progress = recordGrade(progress, key, 0.25, false);
	t.deepEqual(challengeProgress(progress, key), {attempts: 3, isSolved: true, hintsUsed: 0, bestScore: 1, seconds: 0});
});

test('recordGrade leaves its input, the lessons, the other challenges and updatedAt as they were', t => {
	const start: Progress = {
		formatVersion: 1,
		lessons: {a: {pagesSeen: [0], checkpoints: {}, isCompleted: false}},
		challenges: {'p/other': {attempts: 4, isSolved: true, hintsUsed: 1, bestScore: 1, seconds: 60}},
		updatedAt: '2024-05-01T10:00:00.000Z',
	};
	const before = structuredClone(start);
	const after = recordGrade(start, key, 0.75, false);
	t.deepEqual(start, before);
	t.deepEqual(after, {
		...before,
		challenges: {
			'p/other': {attempts: 4, isSolved: true, hintsUsed: 1, bestScore: 1, seconds: 60},
			[key]: {attempts: 1, isSolved: false, hintsUsed: 0, bestScore: 0.75, seconds: 0},
		},
	});
});

test('recordGrade keeps a key `__proto__` an own key of a plain object', t => {
	const progress = recordGrade(recordGrade(emptyProgress(), '__proto__', 0.5, false), '__proto__', 1, true);
	t.deepEqual(Object.keys(progress.challenges!), ['__proto__']);
	t.is(Object.getPrototypeOf(progress.challenges), Object.prototype);
	t.deepEqual(challengeProgress(progress, '__proto__'), {attempts: 2, isSolved: true, hintsUsed: 0, bestScore: 1, seconds: 0});
});

test('recordGrade on a key `constructor` starts from the empty record, not from Object', t => {
	const progress = recordGrade(emptyProgress(), 'constructor', 0, false);
	t.deepEqual(progress.challenges, {constructor: {attempts: 1, isSolved: false, hintsUsed: 0, bestScore: 0, seconds: 0}});
	t.true(Object.hasOwn(progress.challenges!, 'constructor'));
});

test('recordHints raises hintsUsed and never lowers it', t => {
	const two = recordHints(emptyProgress(), key, 2);
	t.deepEqual(challengeProgress(two, key), {...emptyRecord, hintsUsed: 2});
	t.is(recordHints(two, key, 1), two);
	t.is(recordHints(two, key, 2), two);
	t.deepEqual(challengeProgress(recordHints(two, key, 3), key), {...emptyRecord, hintsUsed: 3});
});

test('recordHints of 0 on a challenge never opened changes nothing', t => {
	const progress = emptyProgress();
	t.is(recordHints(progress, key, 0), progress);
	t.deepEqual(progress, {formatVersion: 1, lessons: {}});
});

test('addChallengeTime adds whole seconds, rounding down', t => {
	let progress = addChallengeTime(emptyProgress(), key, 1999);
	t.is(challengeProgress(progress, key).seconds, 1);
	progress = addChallengeTime(progress, key, 61_000);
	t.deepEqual(challengeProgress(progress, key), {...emptyRecord, seconds: 62});
});

test('addChallengeTime of under a second or of negative time changes nothing', t => {
	const start = addChallengeTime(emptyProgress(), key, 5000);
	t.is(addChallengeTime(start, key, 999), start);
	t.is(addChallengeTime(start, key, 0), start);
	t.is(addChallengeTime(start, key, -5000), start);
	const empty = emptyProgress();
	t.is(addChallengeTime(empty, key, 999), empty);
	t.is(empty.challenges, undefined);
});

test('addChallengeTime drops the part of each visit under a second: two visits of 1.5 s count 2 s', t => {
	const progress = addChallengeTime(addChallengeTime(emptyProgress(), key, 1500), key, 1500);
	t.is(challengeProgress(progress, key).seconds, 2);
});

test('drillProgress of no drill yet is all zeros', t => {
	t.deepEqual(drillProgress(emptyProgress()), {answered: 0, correct: 0, milliseconds: 0});
});

test('recordDrillAnswer counts answers, right answers and rounded milliseconds', t => {
	let progress = recordDrillAnswer(emptyProgress(), true, 1200.4);
	t.deepEqual(progress.drill, {answered: 1, correct: 1, milliseconds: 1200});
	progress = recordDrillAnswer(progress, false, 799.5);
	t.deepEqual(progress.drill, {answered: 2, correct: 1, milliseconds: 2000});
	progress = recordDrillAnswer(progress, true, -300);
	t.deepEqual(drillProgress(progress), {answered: 3, correct: 2, milliseconds: 2000});
});

test('recordExam appends, oldest first', t => {
	const progress = recordExam(recordExam(emptyProgress(), exam('2024-05-01T10:00:00.000Z', 0.5)), exam('2024-05-02T10:00:00.000Z', 0.9));
	t.deepEqual(progress.exams, [exam('2024-05-01T10:00:00.000Z', 0.5), exam('2024-05-02T10:00:00.000Z', 0.9)]);
});

test('recordExam keeps the latest 50 exams', t => {
	const day = (index: number) => new Date(Date.UTC(2024, 0, 1 + index)).toISOString();
	let progress = emptyProgress();
	for (let index = 0; index < 51; index++) {
		progress = recordExam(progress, exam(day(index)));
	}

	t.deepEqual(progress.exams!.map(record => record.startedAt), Array.from({length: 50}, (_, index) => day(index + 1)));
	t.is(progress.exams![49]!.startedAt, '2024-02-20T00:00:00.000Z');
});

test('challengeSummary counts solved and attempted among the given keys only', t => {
	let progress = recordGrade(emptyProgress(), 'p/a', 1, true);
	progress = recordGrade(progress, 'p/b', 0.5, false);
	progress = recordHints(progress, 'p/c', 2);
	progress = recordGrade(progress, 'elsewhere/z', 1, true);
	t.deepEqual(challengeSummary(progress, ['p/a', 'p/b', 'p/c', 'p/d']), {solved: 1, attempted: 2, count: 4});
	t.deepEqual(challengeSummary(progress, []), {solved: 0, attempted: 0, count: 0});
});

test('challengeSummary does not count Object.prototype\'s keys as challenges', t => {
	t.deepEqual(challengeSummary(emptyProgress(), ['constructor', '__proto__', 'toString']), {solved: 0, attempted: 0, count: 3});
});

// --- parseProgress with the optional keys

const validFull = {
	formatVersion: 1,
	lessons: {},
	challenges: {
		[key]: {attempts: 3, isSolved: true, hintsUsed: 1, bestScore: 1, seconds: 240},
		'cks-basics/port-range': {attempts: 1, isSolved: false, hintsUsed: 0, bestScore: 0, seconds: 0},
	},
	drill: {answered: 10, correct: 7, milliseconds: 45_000},
	exams: [
		{startedAt: '2024-05-01T10:00:00.000Z', score: 0.5, isPassed: false, tasks: 6, minutes: 31},
		{startedAt: '2024-05-02T10:00:00.000Z', score: 0.8, isPassed: true, tasks: 6, minutes: 40},
	],
	updatedAt: '2024-05-02T11:00:00.000Z',
};

test('parseProgress accepts challenges, drill and exams and returns the same data', t => {
	t.deepEqual(parseProgress(validFull), validFull);
});

test('parseProgress accepts each optional key alone, and the limits of their ranges', t => {
	const base = {formatVersion: 1, lessons: {}};
	for (const extra of [
		{challenges: {}},
		{challenges: {[key]: {attempts: 0, isSolved: false, hintsUsed: 0, bestScore: 0, seconds: 0}}},
		{challenges: {[key]: {attempts: 1, isSolved: true, hintsUsed: 0, bestScore: 1, seconds: 0}}},
		{drill: {answered: 0, correct: 0, milliseconds: 0}},
		{drill: {answered: 3, correct: 3, milliseconds: 1}},
		{exams: []},
		{exams: [{startedAt: '', score: 0, isPassed: false, tasks: 0, minutes: 0}]},
		{exams: [{startedAt: 'x', score: 1, isPassed: true, tasks: 1, minutes: 1}]},
	]) {
		t.deepEqual(parseProgress({...base, ...extra}), {...base, ...extra}, JSON.stringify(extra));
	}
});

test('parseProgress returns fresh records, not the parsed objects', t => {
	const value = structuredClone(validFull);
	const progress = parseProgress(value)!;
	value.challenges[key].attempts = 99;
	value.drill.answered = 99;
	value.exams.pop();
	t.is(progress.challenges![key]!.attempts, 3);
	t.is(progress.drill!.answered, 10);
	t.is(progress.exams!.length, 2);
});

test('parseProgress keeps a challenge key `__proto__` as a plain own key', t => {
	const value: unknown = JSON.parse('{"formatVersion": 1, "lessons": {}, "challenges": {"__proto__": {"attempts": 2, "isSolved": true, "hintsUsed": 0, "bestScore": 1, "seconds": 9}}}');
	const progress = parseProgress(value)!;
	t.deepEqual(Object.keys(progress.challenges!), ['__proto__']);
	t.is(Object.getPrototypeOf(progress.challenges), Object.prototype);
	t.deepEqual(challengeProgress(progress, '__proto__'), {attempts: 2, isSolved: true, hintsUsed: 0, bestScore: 1, seconds: 9});
});

const goodRecord = {attempts: 3, isSolved: true, hintsUsed: 1, bestScore: 0.5, seconds: 240};
const goodDrill = {answered: 10, correct: 7, milliseconds: 45_000};
const goodExam = {startedAt: '2024-05-01T10:00:00.000Z', score: 0.5, isPassed: false, tasks: 6, minutes: 31};

function top(extra: Record<string, unknown>): unknown {
	return {formatVersion: 1, lessons: {}, ...extra};
}

const withRecord = (changes: Record<string, unknown>) => top({challenges: {[key]: {...goodRecord, ...changes}}});
const withDrill = (changes: Record<string, unknown>) => top({drill: {...goodDrill, ...changes}});
const withExam = (changes: Record<string, unknown>) => top({exams: [goodExam, {...goodExam, startedAt: 'b', ...changes}]});

function without<T extends Record<string, unknown>>(value: T, field: keyof T): Record<string, unknown> {
	const copy: Record<string, unknown> = {...value};
	delete copy[field as string];
	return copy;
}

test('the base values of the refused cases are accepted', t => {
	t.not(parseProgress(withRecord({})), undefined);
	t.not(parseProgress(withDrill({})), undefined);
	t.not(parseProgress(withExam({})), undefined);
});

const refused: Array<[string, unknown]> = [
	['challenges null', top({challenges: null})],
	['challenges an array', top({challenges: [goodRecord]})],
	['challenges a string', top({challenges: key})],
	['an empty challenge key', top({challenges: {'': goodRecord}})],
	['a challenge record that is not an object', top({challenges: {[key]: 3}})],
	['a challenge record that is an array', top({challenges: {[key]: [goodRecord]}})],
	['a challenge record without seconds', top({challenges: {[key]: without(goodRecord, 'seconds')}})],
	['a challenge record without isSolved', top({challenges: {[key]: without(goodRecord, 'isSolved')}})],
	['a challenge record with an extra key', withRecord({lastGradedAt: 'now'})],
	['negative attempts', withRecord({attempts: -1})],
	['fractional attempts', withRecord({attempts: 1.5})],
	['attempts a string', withRecord({attempts: '3'})],
	['attempts beyond a safe integer', withRecord({attempts: 2 ** 53})],
	['isSolved a string', withRecord({isSolved: 'true'})],
	['negative hintsUsed', withRecord({hintsUsed: -2})],
	['bestScore above 1', withRecord({bestScore: 1.01})],
	['bestScore negative', withRecord({bestScore: -0.1})],
	['bestScore a string', withRecord({bestScore: '1'})],
	['bestScore NaN', withRecord({bestScore: Number.NaN})],
	['negative seconds', withRecord({seconds: -1})],
	['fractional seconds', withRecord({seconds: 0.5})],
	['drill null', top({drill: null})],
	['drill an array', top({drill: [10, 7, 0]})],
	['drill without milliseconds', top({drill: without(goodDrill, 'milliseconds')})],
	['drill with an extra key', withDrill({streak: 3})],
	['drill correct above answered', withDrill({answered: 2, correct: 3})],
	['drill negative answered', withDrill({answered: -1, correct: 0})],
	['drill negative correct', withDrill({correct: -1})],
	['drill fractional milliseconds', withDrill({milliseconds: 1.5})],
	['drill answered a string', withDrill({answered: '10'})],
	['exams an object', top({exams: {0: goodExam}})],
	['exams null', top({exams: null})],
	['an exam that is not an object', top({exams: [goodExam, 'b']})],
	['an exam without minutes', top({exams: [without(goodExam, 'minutes')]})],
	['an exam with an extra key', withExam({pack: 'cks-basics'})],
	['an exam startedAt a number', withExam({startedAt: 1_714_557_600_000})],
	['an exam score above 1', withExam({score: 1.5})],
	['an exam score negative', withExam({score: -0.5})],
	['an exam isPassed a string', withExam({isPassed: 'no'})],
	['an exam with negative tasks', withExam({tasks: -6})],
	['an exam with fractional minutes', withExam({minutes: 30.5})],
];

for (const [title, value] of refused) {
	test(`parseProgress refuses ${title}`, t => {
		t.is(parseProgress(value), undefined);
	});
}

test('parseProgress refuses an unknown top-level key beside the optional ones', t => {
	t.is(parseProgress({...validFull, streak: 3}), undefined);
});

// --- mergeProgress

test('mergeProgress keeps the larger of each count, a solve in either, and records found on one side only', t => {
	const theirs: Progress = {formatVersion: 1, lessons: {}, challenges: {
		'p/a': {attempts: 5, isSolved: false, hintsUsed: 1, bestScore: 0.5, seconds: 100},
		'p/only-theirs': {attempts: 1, isSolved: true, hintsUsed: 0, bestScore: 1, seconds: 5},
	}};
	const ours: Progress = {formatVersion: 1, lessons: {}, challenges: {
		'p/a': {attempts: 2, isSolved: true, hintsUsed: 3, bestScore: 0.25, seconds: 400},
		'p/only-ours': {attempts: 0, isSolved: false, hintsUsed: 2, bestScore: 0, seconds: 0},
	}};
	t.deepEqual(mergeProgress(theirs, ours), {formatVersion: 1, lessons: {}, challenges: {
		'p/a': {attempts: 5, isSolved: true, hintsUsed: 3, bestScore: 0.5, seconds: 400},
		'p/only-theirs': {attempts: 1, isSolved: true, hintsUsed: 0, bestScore: 1, seconds: 5},
		'p/only-ours': {attempts: 0, isSolved: false, hintsUsed: 2, bestScore: 0, seconds: 0},
	}});
});

test('mergeProgress keeps the drill record with more answers, whichever side it is on', t => {
	const more: DrillProgress = {answered: 12, correct: 9, milliseconds: 60_000};
	const fewer: DrillProgress = {answered: 4, correct: 4, milliseconds: 10_000};
	const base = {formatVersion: 1 as const, lessons: {}};
	t.deepEqual(mergeProgress({...base, drill: more}, {...base, drill: fewer}).drill, more);
	t.deepEqual(mergeProgress({...base, drill: fewer}, {...base, drill: more}).drill, more);
	t.deepEqual(mergeProgress(base, {...base, drill: fewer}).drill, fewer);
	t.deepEqual(mergeProgress({...base, drill: fewer}, base).drill, fewer);
});

test('mergeProgress: with as many drill answers on both sides, ours wins', t => {
	const base = {formatVersion: 1 as const, lessons: {}};
	const theirs: DrillProgress = {answered: 4, correct: 1, milliseconds: 1000};
	const ours: DrillProgress = {answered: 4, correct: 3, milliseconds: 2000};
	t.deepEqual(mergeProgress({...base, drill: theirs}, {...base, drill: ours}).drill, ours);
});

// Two apps open at once, both from an empty drill: one answers 3 questions wrongly and fast, the
// other 2 rightly and slowly. The merge keeps the first record whole, so the other's 2 right
// answers and 5 seconds are lost, although taking the larger of each field (as for
// challenges) would keep them and still satisfy correct <= answered.
// BUG source/progress/challenge-model.ts mergeChallengeRecords (`drills.reduce(...)`): the drill
// is merged record-wise, not field-wise, so `correct` and `milliseconds` of one side can drop.
test('mergeProgress keeps the drill record with more answers whole, so its accuracy and pace are a real session\'s', t => {
	const base = {formatVersion: 1 as const, lessons: {}};
	const merged = mergeProgress({...base, drill: {answered: 3, correct: 0, milliseconds: 900}}, {...base, drill: {answered: 2, correct: 2, milliseconds: 5000}});
	t.deepEqual(merged.drill, {answered: 3, correct: 0, milliseconds: 900});
});

test('mergeProgress unites exams by startedAt, sorted oldest first; ours wins for the same startedAt', t => {
	const base = {formatVersion: 1 as const, lessons: {}};
	const theirs: Progress = {...base, exams: [exam('2024-05-01T00:00:00.000Z', 0.1), exam('2024-05-03T00:00:00.000Z', 0.3)]};
	const ours: Progress = {...base, exams: [exam('2024-05-02T00:00:00.000Z', 0.2), exam('2024-05-03T00:00:00.000Z', 0.9)]};
	t.deepEqual(mergeProgress(theirs, ours).exams, [
		exam('2024-05-01T00:00:00.000Z', 0.1),
		exam('2024-05-02T00:00:00.000Z', 0.2),
		exam('2024-05-03T00:00:00.000Z', 0.9),
	]);
});

test('mergeProgress keeps the 50 latest exams by startedAt', t => {
	const base = {formatVersion: 1 as const, lessons: {}};
	const day = (index: number) => new Date(Date.UTC(2024, 0, 1 + index)).toISOString();
	const theirs: Progress = {...base, exams: Array.from({length: 30}, (_, index) => exam(day(index * 2)))};
	const ours: Progress = {...base, exams: Array.from({length: 30}, (_, index) => exam(day((index * 2) + 1)))};
	const merged = mergeProgress(theirs, ours).exams!;
	t.is(merged.length, 50);
	t.deepEqual(merged.map(record => record.startedAt), Array.from({length: 50}, (_, index) => day(index + 10)));
});

test('mergeProgress of two records with no challenge side adds no challenges, drill or exams keys', t => {
	const merged = mergeProgress(emptyProgress(), emptyProgress());
	t.deepEqual(merged, {formatVersion: 1, lessons: {}});
	t.deepEqual(Object.keys(merged), ['formatVersion', 'lessons']);
});

test('mergeProgress keeps a challenge key `__proto__` an own key', t => {
	const theirs = recordGrade(emptyProgress(), '__proto__', 0.5, false);
	const ours = recordGrade(recordGrade(emptyProgress(), '__proto__', 1, true), 'constructor', 0, false);
	const merged = mergeProgress(theirs, ours);
	t.deepEqual(Object.keys(merged.challenges!), ['__proto__', 'constructor']);
	t.is(Object.getPrototypeOf(merged.challenges), Object.prototype);
	t.deepEqual(challengeProgress(merged, '__proto__'), {attempts: 1, isSolved: true, hintsUsed: 0, bestScore: 1, seconds: 0});
});

test('mergeProgress drops updatedAt: the store stamps the merged record', t => {
	const stamped: Progress = {...recordDrillAnswer(emptyProgress(), true, 10), updatedAt: '2024-05-01T10:00:00.000Z'};
	t.deepEqual(mergeProgress(stamped, stamped), {formatVersion: 1, lessons: {}, drill: {answered: 1, correct: 1, milliseconds: 10}});
});

// --- properties

const keys = ['p/a', 'p/b', 'q/a', '__proto__', 'constructor'];

const recordArbitrary: fc.Arbitrary<ChallengeProgress> = fc.record({
	attempts: fc.nat(20),
	isSolved: fc.boolean(),
	hintsUsed: fc.nat(4),
	bestScore: fc.constantFrom(0, 0.25, 0.5, 0.875, 1),
	seconds: fc.nat(10_000),
}, {noNullPrototype: true});

const drillArbitrary: fc.Arbitrary<DrillProgress> = fc.record({answered: fc.nat(50), wrong: fc.nat(50), milliseconds: fc.nat(100_000)})
	.map(({answered, wrong, milliseconds}) => ({answered, correct: Math.max(0, answered - wrong), milliseconds}));

const examArbitrary: fc.Arbitrary<ExamRecord> = fc.record({
	startedAt: fc.integer({min: 0, max: 400}).map(day => new Date(Date.UTC(2024, 0, 1) + (day * 3_600_000)).toISOString()),
	score: fc.constantFrom(0, 0.5, 0.67, 1),
	isPassed: fc.boolean(),
	tasks: fc.nat(6),
	minutes: fc.nat(120),
}, {noNullPrototype: true});

// Progress as the model and the store leave it: a challenges or exams key only when it has
// something, exams sorted by startedAt with each startedAt once.
const progressArbitrary: fc.Arbitrary<Progress> = fc.record({
	challenges: fc.option(fc.uniqueArray(fc.tuple(fc.constantFrom(...keys), recordArbitrary), {selector: entry => entry[0], minLength: 1, maxLength: keys.length}), {nil: undefined}),
	drill: fc.option(drillArbitrary, {nil: undefined}),
	exams: fc.option(fc.uniqueArray(examArbitrary, {selector: record => record.startedAt, minLength: 1, maxLength: 60}), {nil: undefined}),
	updatedAt: fc.option(fc.constant('2024-05-01T10:00:00.000Z'), {nil: undefined}),
}).map(({challenges, drill, exams, updatedAt}): Progress => ({
	formatVersion: 1,
	lessons: {},
	...(challenges ? {challenges: Object.fromEntries(challenges)} : {}),
	...(drill ? {drill} : {}),
	...(exams ? {exams: exams.sort((left, right) => left.startedAt.localeCompare(right.startedAt)).slice(-50)} : {}),
	...(updatedAt ? {updatedAt} : {}),
}));

function withoutUpdatedAt(progress: Progress): Progress {
	const rest: {-readonly [Key in keyof Progress]: Progress[Key]} = {...progress};
	delete rest.updatedAt;
	return rest;
}

test('property: merging a record with itself gives it back, but for updatedAt', t => {
	fc.assert(fc.property(progressArbitrary, progress => {
		assert.deepStrictEqual(mergeProgress(progress, progress), withoutUpdatedAt(progress));
	}), {numRuns: 300});
	t.pass();
});

test('property: the merge never lowers a challenge count, unsolves a challenge or loses a kept exam of either side', t => {
	fc.assert(fc.property(progressArbitrary, progressArbitrary, (theirs, ours) => {
		const merged = mergeProgress(theirs, ours);
		for (const side of [theirs, ours]) {
			for (const [name, record] of Object.entries(side.challenges ?? {})) {
				const result = challengeProgress(merged, name);
				assert.ok(result.attempts >= record.attempts && result.hintsUsed >= record.hintsUsed && result.bestScore >= record.bestScore && result.seconds >= record.seconds, `${name}: ${JSON.stringify(result)} lowers ${JSON.stringify(record)}`);
				assert.ok(result.isSolved || !record.isSolved, `${name} is no longer solved`);
			}

			assert.ok((merged.drill?.answered ?? 0) >= (side.drill?.answered ?? 0), 'drill answers lowered');
		}

		// Every exam of either side is kept, unless 50 later ones push it out.
		const all = new Set([...(theirs.exams ?? []), ...(ours.exams ?? [])].map(record => record.startedAt));
		assert.deepStrictEqual(merged.exams?.map(record => record.startedAt) ?? [], [...all].sort().slice(-50));
	}), {numRuns: 300});
	t.pass();
});

test('property: a merged record reads back through parseProgress unchanged', t => {
	fc.assert(fc.property(progressArbitrary, progressArbitrary, (theirs, ours) => {
		const merged = mergeProgress(theirs, ours);
		assert.deepStrictEqual(parseProgress(JSON.parse(JSON.stringify(merged))), merged);
	}), {numRuns: 200});
	t.pass();
});
