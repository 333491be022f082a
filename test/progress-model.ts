// The progress model: pure functions of plain data, called directly with exact expected values.
import test from 'ava';
import {
	type LessonShape,
	type Progress,
	emptyProgress,
	lessonProgress,
	lessonSummary,
	markPageSeen,
	mergeProgress,
	overallSummary,
	parseProgress,
	recordAnswer,
} from '../source/progress/model.js';

// Four pages; pages 1 and 3 are checkpoints.
const lesson: LessonShape = {id: 'traffic-direction', pageCount: 4, checkpointPages: [1, 3]};
const other: LessonShape = {id: 'default-allow', pageCount: 2, checkpointPages: []};

function seeAll(progress: Progress, shape: LessonShape): Progress {
	let result = progress;
	for (let index = 0; index < shape.pageCount; index++) {
		result = markPageSeen(result, shape.id, index, shape.pageCount, shape.checkpointPages);
	}

	return result;
}

function answer(progress: Progress, pageIndex: number, isCorrect: boolean): Progress {
	return recordAnswer(progress, lesson.id, pageIndex, isCorrect, lesson.pageCount, lesson.checkpointPages);
}

test('emptyProgress is formatVersion 1 with no lessons', t => {
	t.deepEqual(emptyProgress(), {formatVersion: 1, lessons: {}});
});

test('markPageSeen keeps pagesSeen sorted and each index once', t => {
	let progress = emptyProgress();
	for (const index of [2, 0, 2, 1]) {
		progress = markPageSeen(progress, lesson.id, index, lesson.pageCount, lesson.checkpointPages);
	}

	t.deepEqual(progress.lessons, {'traffic-direction': {pagesSeen: [0, 1, 2], checkpoints: {}, isCompleted: false}});
});

test('markPageSeen returns new data and leaves its input as it was', t => {
	const before = markPageSeen(emptyProgress(), lesson.id, 0, lesson.pageCount, lesson.checkpointPages);
	const after = markPageSeen(before, lesson.id, 1, lesson.pageCount, lesson.checkpointPages);
	t.deepEqual(before.lessons[lesson.id]!.pagesSeen, [0]);
	t.deepEqual(after.lessons[lesson.id]!.pagesSeen, [0, 1]);
});

test('markPageSeen keeps the other lessons and updatedAt', t => {
	const start: Progress = {...markPageSeen(emptyProgress(), other.id, 1, other.pageCount, other.checkpointPages), updatedAt: '2024-05-01T10:00:00.000Z'};
	const progress = markPageSeen(start, lesson.id, 0, lesson.pageCount, lesson.checkpointPages);
	t.deepEqual(progress, {
		formatVersion: 1,
		updatedAt: '2024-05-01T10:00:00.000Z',
		lessons: {
			'default-allow': {pagesSeen: [1], checkpoints: {}, isCompleted: false},
			'traffic-direction': {pagesSeen: [0], checkpoints: {}, isCompleted: false},
		},
	});
});

test('markPageSeen refuses a page outside the lesson as a bug', t => {
	for (const index of [-1, 4, 1.5]) {
		const error = t.throws(() => markPageSeen(emptyProgress(), lesson.id, index, lesson.pageCount, lesson.checkpointPages), {instanceOf: RangeError});
		t.is(error.message, `Bug: page index ${index} is outside a lesson of 4 pages`);
	}
});

test('a lesson without checkpoints is completed when its last page is seen', t => {
	const once = markPageSeen(emptyProgress(), other.id, 0, other.pageCount, other.checkpointPages);
	t.false(once.lessons[other.id]!.isCompleted);
	const twice = markPageSeen(once, other.id, 1, other.pageCount, other.checkpointPages);
	t.true(twice.lessons[other.id]!.isCompleted);
});

test('seeing every page does not complete a lesson while a checkpoint is unanswered', t => {
	const progress = answer(seeAll(emptyProgress(), lesson), 1, true);
	t.false(progress.lessons[lesson.id]!.isCompleted);
});

test('answering the last checkpoint completes a lesson whose pages were all seen', t => {
	const progress = answer(answer(seeAll(emptyProgress(), lesson), 1, true), 3, false);
	t.deepEqual(progress.lessons[lesson.id], {
		pagesSeen: [0, 1, 2, 3],
		checkpoints: {1: {isCorrect: true, attempts: 1}, 3: {isCorrect: false, attempts: 1}},
		isCompleted: true,
	});
});

test('seeing the last page completes a lesson whose checkpoints were all answered', t => {
	let progress = answer(answer(emptyProgress(), 1, true), 3, true);
	progress = markPageSeen(progress, lesson.id, 0, lesson.pageCount, lesson.checkpointPages);
	t.false(progress.lessons[lesson.id]!.isCompleted);
	progress = markPageSeen(progress, lesson.id, 2, lesson.pageCount, lesson.checkpointPages);
	t.true(progress.lessons[lesson.id]!.isCompleted);
});

test('recordAnswer counts attempts up and keeps the latest isCorrect', t => {
	const progress = answer(answer(answer(emptyProgress(), 1, false), 1, true), 1, false);
	t.deepEqual(progress.lessons[lesson.id], {pagesSeen: [1], checkpoints: {1: {isCorrect: false, attempts: 3}}, isCompleted: false});
});

test('recordAnswer marks the answered page seen', t => {
	t.deepEqual(answer(emptyProgress(), 3, true).lessons[lesson.id]!.pagesSeen, [3]);
});

test('recordAnswer refuses a page that is not a checkpoint as a bug', t => {
	const error = t.throws(() => answer(emptyProgress(), 2, true), {instanceOf: RangeError});
	t.is(error.message, 'Bug: page 2 of lesson "traffic-direction" is not a checkpoint (checkpoints: 1, 3)');
});

test('a completed lesson stays completed when answered wrongly again', t => {
	const done = answer(answer(seeAll(emptyProgress(), lesson), 1, true), 3, true);
	const again = answer(done, 3, false);
	t.true(again.lessons[lesson.id]!.isCompleted);
	t.deepEqual(again.lessons[lesson.id]!.checkpoints['3'], {isCorrect: false, attempts: 2});
});

test('lessonProgress reads own keys only: a lesson id `constructor` is not Object.prototype', t => {
	t.deepEqual(lessonProgress(emptyProgress(), 'constructor'), {pagesSeen: [], checkpoints: {}, isCompleted: false});
	t.deepEqual(lessonSummary(emptyProgress(), {id: 'toString', pageCount: 1, checkpointPages: []}).pagesSeen, 0);
});

test('markPageSeen keeps a lesson id `__proto__` an own key, not the prototype', t => {
	const progress = markPageSeen(emptyProgress(), '__proto__', 0, 2, []);
	t.deepEqual(Object.keys(progress.lessons), ['__proto__']);
	t.is(Object.getPrototypeOf(progress.lessons), Object.prototype);
	t.deepEqual(lessonProgress(progress, '__proto__').pagesSeen, [0]);
});

test('lessonSummary of a lesson never opened', t => {
	t.deepEqual(lessonSummary(emptyProgress(), lesson), {
		pagesSeen: 0,
		pageCount: 4,
		checkpointsCorrect: 0,
		checkpointsAnswered: 0,
		checkpointCount: 2,
		isCompleted: false,
	});
});

test('lessonSummary counts pages, correct and answered checkpoints', t => {
	const progress = answer(answer(markPageSeen(emptyProgress(), lesson.id, 0, 4, [1, 3]), 1, true), 3, false);
	t.deepEqual(lessonSummary(progress, lesson), {
		pagesSeen: 3,
		pageCount: 4,
		checkpointsCorrect: 1,
		checkpointsAnswered: 2,
		checkpointCount: 2,
		isCompleted: false,
	});
});

test('lessonSummary ignores pages and checkpoints a lesson no longer has', t => {
	const progress = answer(answer(seeAll(emptyProgress(), lesson), 1, true), 3, true);
	const shorter: LessonShape = {id: lesson.id, pageCount: 2, checkpointPages: [1]};
	t.deepEqual(lessonSummary(progress, shorter), {
		pagesSeen: 2,
		pageCount: 2,
		checkpointsCorrect: 1,
		checkpointsAnswered: 1,
		checkpointCount: 1,
		isCompleted: true,
	});
});

test('lessonSummary: a stored completion stays when the lesson gains a page', t => {
	const progress = seeAll(emptyProgress(), other);
	t.true(lessonSummary(progress, {...other, pageCount: 3}).isCompleted);
});

test('lessonSummary: a lesson that lost its unseen pages counts as completed', t => {
	const progress = markPageSeen(emptyProgress(), other.id, 0, 2, []);
	t.true(lessonSummary(progress, {...other, pageCount: 1}).isCompleted);
});

test('overallSummary totals the listed lessons and ignores others', t => {
	let progress = answer(answer(seeAll(emptyProgress(), lesson), 1, true), 3, false);
	progress = markPageSeen(progress, 'removed-lesson', 0, 1, []);
	const third: LessonShape = {id: 'selectors', pageCount: 3, checkpointPages: [0, 1, 2]};
	t.deepEqual(overallSummary(progress, [lesson, other, third]), {
		lessonsCompleted: 1,
		lessonCount: 3,
		checkpointsCorrect: 1,
		checkpointCount: 5,
	});
});

test('overallSummary of no lessons', t => {
	t.deepEqual(overallSummary(emptyProgress(), []), {lessonsCompleted: 0, lessonCount: 0, checkpointsCorrect: 0, checkpointCount: 0});
});

const valid = {
	formatVersion: 1,
	updatedAt: '2024-05-01T10:00:00.000Z',
	lessons: {
		'traffic-direction': {pagesSeen: [0, 1, 3], checkpoints: {1: {isCorrect: true, attempts: 2}}, isCompleted: false},
	},
};

test('parseProgress accepts a valid value and returns the same data', t => {
	t.deepEqual(parseProgress(valid), valid);
	t.deepEqual(parseProgress({formatVersion: 1, lessons: {}}), {formatVersion: 1, lessons: {}});
});

test('parseProgress returns fresh data, not the parsed value itself', t => {
	const value = structuredClone(valid);
	const progress = parseProgress(value)!;
	value.lessons['traffic-direction'].pagesSeen.push(7);
	t.deepEqual(progress.lessons['traffic-direction']!.pagesSeen, [0, 1, 3]);
});

test('parseProgress keeps a lesson id `__proto__` as a plain key', t => {
	const value: unknown = JSON.parse('{"formatVersion": 1, "lessons": {"__proto__": {"pagesSeen": [0], "checkpoints": {}, "isCompleted": false}}}');
	const progress = parseProgress(value)!;
	t.deepEqual(Object.keys(progress.lessons), ['__proto__']);
	t.is(Object.getPrototypeOf(progress.lessons), Object.prototype);
	t.deepEqual(lessonProgress(progress, '__proto__').pagesSeen, [0]);
});

// Each case changes one thing in `valid`; a change to undefined removes the key.
function changed(value: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
	const result = {...value, ...changes};
	for (const [key, change] of Object.entries(changes)) {
		if (change === undefined) {
			delete result[key];
		}
	}

	return result;
}

function withTop(changes: Record<string, unknown>): unknown {
	return changed(structuredClone(valid), changes);
}

function withLesson(changes: Record<string, unknown>): unknown {
	return withTop({lessons: {'traffic-direction': changed(structuredClone(valid.lessons['traffic-direction']), changes)}});
}

const refused: Array<[string, unknown]> = [
	['not an object', 'progress'],
	['null', null],
	['an array', [valid]],
	['formatVersion 2', withTop({formatVersion: 2})],
	['formatVersion "1"', withTop({formatVersion: '1'})],
	['no formatVersion', withTop({formatVersion: undefined})],
	['no lessons', withTop({lessons: undefined})],
	['an unknown top-level key', withTop({done: []})],
	['updatedAt not a string', withTop({updatedAt: 5})],
	['lessons an array', withTop({lessons: []})],
	['an empty lesson id', withTop({lessons: {'': valid.lessons['traffic-direction']}})],
	['a lesson that is not an object', withTop({lessons: {a: true}})],
	['a lesson with an unknown key', withLesson({current: 1})],
	['a lesson without isCompleted', withLesson({isCompleted: undefined})],
	['isCompleted not a boolean', withLesson({isCompleted: 'yes'})],
	['pagesSeen not an array', withLesson({pagesSeen: '0,1'})],
	['pagesSeen unsorted', withLesson({pagesSeen: [1, 0]})],
	['pagesSeen repeated', withLesson({pagesSeen: [0, 0]})],
	['pagesSeen negative', withLesson({pagesSeen: [-1]})],
	['pagesSeen fractional', withLesson({pagesSeen: [0.5]})],
	['pagesSeen a string', withLesson({pagesSeen: ['0']})],
	['checkpoints an array', withLesson({checkpoints: []})],
	['a checkpoint key that is not a page index', withLesson({checkpoints: {first: {isCorrect: true, attempts: 1}}})],
	['a checkpoint key with a leading zero', withLesson({checkpoints: {'01': {isCorrect: true, attempts: 1}}})],
	['a checkpoint with zero attempts', withLesson({checkpoints: {1: {isCorrect: true, attempts: 0}}})],
	['a checkpoint with fractional attempts', withLesson({checkpoints: {1: {isCorrect: true, attempts: 1.5}}})],
	['a checkpoint without isCorrect', withLesson({checkpoints: {1: {attempts: 1}}})],
	['a checkpoint with an unknown key', withLesson({checkpoints: {1: {isCorrect: true, attempts: 1, answer: 0}}})],
];

test('parseProgress accepts each refused case\'s base value', t => {
	t.not(parseProgress(withTop({})), undefined);
	t.not(parseProgress(withLesson({})), undefined);
});

for (const [title, value] of refused) {
	test(`parseProgress refuses ${title}`, t => {
		t.is(parseProgress(value), undefined);
	});
}

test('mergeProgress adds up two records: pages seen in either, our answer where both answered, completion in either', t => {
	const theirs = {formatVersion: 1 as const, lessons: {
		a: {pagesSeen: [0, 1], checkpoints: {'1': {isCorrect: false, attempts: 1}}, isCompleted: false},
		b: {pagesSeen: [0], checkpoints: {}, isCompleted: true},
	}};
	const ours = {formatVersion: 1 as const, lessons: {
		a: {pagesSeen: [0, 2], checkpoints: {'1': {isCorrect: true, attempts: 2}}, isCompleted: false},
		c: {pagesSeen: [3], checkpoints: {}, isCompleted: false},
	}};
	t.deepEqual(mergeProgress(theirs, ours), {formatVersion: 1, lessons: {
		a: {pagesSeen: [0, 1, 2], checkpoints: {'1': {isCorrect: true, attempts: 2}}, isCompleted: false},
		b: {pagesSeen: [0], checkpoints: {}, isCompleted: true},
		c: {pagesSeen: [3], checkpoints: {}, isCompleted: false},
	}});
});
