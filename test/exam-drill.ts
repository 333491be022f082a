// The exam's draw and score (tui/state/exam-plan.ts) and the verdict drill (grading/drill.ts): pure functions,
// checked on the built-in pack and on small challenge lists built here.
import path from 'node:path';
import test from 'ava';
import type {Challenge, Difficulty} from '../source/model/challenge.js';
import {loadPack} from '../source/commands/load-content.js';
import {appliedPolicies, expectedCluster} from '../source/grading/grade.js';
import {recordExam} from '../source/progress/challenge-model.js';
import {emptyProgress, parseProgress} from '../source/progress/model.js';
import {drillQuestions, nextRandom, pickQuestion} from '../source/grading/drill.js';
import {defaultTaskMinutes, passMark, planExam, scoreExam, taskMinutes} from '../source/tui/state/exam-plan.js';
import {pod} from './helpers/builders.js';

const builtIn = loadPack(path.resolve(import.meta.dirname, '../../challenges'));
const {challenges} = builtIn;
const oddMinutes = path.resolve(import.meta.dirname, '../../test/fixtures/exam-drill/odd-minutes');

function synthetic(id: string, difficulty: Difficulty, minutes?: number): Challenge {
	return {
		id,
		title: id,
		difficulty,
		topics: [],
		task: 'A task.',
		hints: ['A hint.'],
		policies: [{name: 'p', namespace: 'default'}],
		...(minutes === undefined ? {} : {minutes}),
		cluster: {namespaces: [], pods: [], policies: []},
		cases: [],
		solution: [],
	};
}

// --- planExam

test('the built-in pack loads without problems and has enough of each difficulty for an exam', t => {
	t.deepEqual(builtIn.problems, []);
	t.true(challenges.filter(challenge => challenge.difficulty === 'easy').length >= 2);
	t.true(challenges.filter(challenge => challenge.difficulty === 'medium').length >= 3);
	t.true(challenges.filter(challenge => challenge.difficulty === 'hard').length >= 1);
});

test('planExam draws 2 easy, 3 medium and 1 hard challenge of the built-in pack, in that order, each once', t => {
	for (let seed = -50; seed < 50; seed++) {
		const plan = planExam(challenges, seed);
		const indexes = plan.tasks.map(task => task.challengeIndex);
		t.deepEqual(indexes.map(index => challenges[index]!.difficulty), ['easy', 'easy', 'medium', 'medium', 'medium', 'hard'], `seed ${seed}`);
		t.is(new Set(indexes).size, 6, `seed ${seed}`);
		t.true(indexes.every(index => Number.isInteger(index) && index >= 0 && index < challenges.length));
	}
});

test('planExam: a task\'s weight is its challenge\'s minutes, and the exam\'s minutes their sum', t => {
	for (const seed of [0, 1, 7, 123_456, -99]) {
		const plan = planExam(challenges, seed);
		t.deepEqual(plan.tasks.map(task => task.weight), plan.tasks.map(task => challenges[task.challengeIndex]!.minutes ?? 6));
		t.is(plan.minutes, plan.tasks.reduce((sum, task) => sum + task.weight, 0));
		t.is(plan.minutes, plan.tasks.reduce((sum, task) => sum + taskMinutes(challenges[task.challengeIndex]!), 0));
	}
});

test('planExam is the same for the same seed', t => {
	for (const seed of [0, 1, 42, -1, 2_147_483_647]) {
		t.deepEqual(planExam(challenges, seed), planExam(challenges, seed));
	}
});

test('planExam differs between seeds, and over many seeds draws every challenge of the pack', t => {
	const plans = new Set<string>();
	const drawn = new Set<number>();
	for (let seed = 0; seed < 400; seed++) {
		const plan = planExam(challenges, seed);
		plans.add(JSON.stringify(plan.tasks));
		for (const task of plan.tasks) {
			drawn.add(task.challengeIndex);
		}
	}

	t.true(plans.size > 300, `${plans.size} different plans of 400`);
	t.deepEqual([...drawn].sort((left, right) => left - right), challenges.map((_challenge, index) => index));
});

test('planExam of a list with exactly the mix takes all of it, easy first, whatever the seed', t => {
	const list = [
		synthetic('h', 'hard', 9),
		synthetic('m1', 'medium', 5),
		synthetic('e1', 'easy', 3),
		synthetic('m2', 'medium', 6),
		synthetic('e2', 'easy', 4),
		synthetic('m3', 'medium', 7),
	];
	for (const seed of [0, 1, 2, 3, 99]) {
		const plan = planExam(list, seed);
		t.deepEqual(plan.tasks.map(task => list[task.challengeIndex]!.id).sort(), ['e1', 'e2', 'h', 'm1', 'm2', 'm3']);
		t.deepEqual(plan.tasks.map(task => list[task.challengeIndex]!.difficulty), ['easy', 'easy', 'medium', 'medium', 'medium', 'hard']);
		t.is(plan.minutes, 34);
	}
});

test('planExam gives a challenge without minutes the default 6', t => {
	t.is(defaultTaskMinutes, 6);
	t.is(taskMinutes(synthetic('a', 'easy')), 6);
	t.is(taskMinutes(synthetic('a', 'easy', 11)), 11);
	const list = [synthetic('e1', 'easy'), synthetic('e2', 'easy', 2), synthetic('m', 'medium'), synthetic('h', 'hard', 12)];
	const plan = planExam(list, 5);
	const weightOf = (id: string) => plan.tasks.find(task => list[task.challengeIndex]!.id === id)!.weight;
	t.is(plan.tasks.length, 4);
	t.is(weightOf('e1'), 6);
	t.is(weightOf('e2'), 2);
	t.is(weightOf('m'), 6);
	t.is(weightOf('h'), 12);
	t.is(plan.minutes, 26);
});

test('planExam draws what there is when the list has fewer of a difficulty than the mix asks for', t => {
	const list = [synthetic('h1', 'hard'), synthetic('e', 'easy', 4), synthetic('h2', 'hard', 10)];
	const plan = planExam(list, 3);
	const ids = plan.tasks.map(task => list[task.challengeIndex]!.id);
	t.is(ids.length, 2);
	t.is(ids[0], 'e');
	t.true(ids[1] === 'h1' || ids[1] === 'h2');
	t.is(plan.minutes, 4 + (ids[1] === 'h1' ? 6 : 10));
});

test('planExam of no challenges is an empty exam of 0 minutes', t => {
	t.deepEqual(planExam([], 1), {tasks: [], minutes: 0});
});

// --- scoreExam

test('the pass mark is 67%', t => {
	t.is(passMark, 0.67);
});

test('scoreExam weighs each task by its weight, all or nothing', t => {
	t.deepEqual(scoreExam([5, 3, 2], [true, false, true]), {score: 0.7, isPassed: true, earned: 7, total: 10});
	t.deepEqual(scoreExam([5, 3, 2], [false, true, true]), {score: 0.5, isPassed: false, earned: 5, total: 10});
	t.deepEqual(scoreExam([5, 3, 2], [true, true, true]), {score: 1, isPassed: true, earned: 10, total: 10});
	t.deepEqual(scoreExam([5, 3, 2], [false, false, false]), {score: 0, isPassed: false, earned: 0, total: 10});
});

test('scoreExam counts a task without an answer as failed', t => {
	t.deepEqual(scoreExam([4, 4], [true]), {score: 0.5, isPassed: false, earned: 4, total: 8});
});

test('scoreExam passes at exactly 67%', t => {
	t.deepEqual(scoreExam([67, 33], [true, false]), {score: 0.67, isPassed: true, earned: 67, total: 100});
	t.deepEqual(scoreExam([66, 34], [true, false]), {score: 0.66, isPassed: false, earned: 66, total: 100});
});

test('scoreExam rounds to whole percent before comparing: 66.5% shows as 67% and passes, 66.4% does not', t => {
	t.deepEqual(scoreExam([133, 67], [true, false]), {score: 0.665, isPassed: true, earned: 133, total: 200});
	t.deepEqual(scoreExam([166, 84], [true, false]), {score: 0.664, isPassed: false, earned: 166, total: 250});
	// Two thirds is 66.67%, shown as 67%: a pass.
	t.true(scoreExam([2, 1], [true, false]).isPassed);
});

test('scoreExam of zero weights (or no tasks) is 0 and not a pass, even with every task passed', t => {
	t.deepEqual(scoreExam([0, 0], [true, true]), {score: 0, isPassed: false, earned: 0, total: 0});
	t.deepEqual(scoreExam([], []), {score: 0, isPassed: false, earned: 0, total: 0});
});

test('scoreExam: a task of weight 0 does not change the score', t => {
	t.deepEqual(scoreExam([0, 3, 1], [false, true, false]), {score: 0.75, isPassed: true, earned: 3, total: 4});
	t.deepEqual(scoreExam([0, 3, 1], [true, true, false]), {score: 0.75, isPassed: true, earned: 3, total: 4});
});

// A pack's `minutes` is only checked to be an integer (source/content/pack.ts, challengeSchema
// `minutes: {type: 'integer'}` and `minutes: value['minutes']` in loadChallenge), so -4 and 0
// load. A task's weight is its minutes: an exam of -4, 0 and 10 minutes lasts 6 minutes, and
// passing only the 10-minute task scores 10/6 = 167%.
// BUG: loadPack accepts `minutes` that is not positive.
test('loadPack refuses a challenge whose minutes is not positive', t => {
	const loaded = loadPack(oddMinutes);
	t.deepEqual(loaded.challenges.map(challenge => challenge.id), ['ten-minutes']);
	t.is(loaded.problems.length, 2);
});

// BUG (follows from the one above): the score leaves 0..1, recordExam stores it, and the next
// start finds progress.json "not in the progress format" (parseExams refuses a score above 1):
// the whole progress file is set aside and the learner starts afresh.
test('an exam drawn from a pack with negative minutes still scores within 0..1 and saves readable progress', t => {
	const list = loadPack(oddMinutes).challenges;
	const plan = planExam(list, 1);
	const {score, isPassed} = scoreExam(plan.tasks.map(task => task.weight), plan.tasks.map(task => list[task.challengeIndex]!.id === 'ten-minutes'));
	const progress = recordExam(emptyProgress(), {startedAt: '2024-05-01T10:00:00.000Z', score, isPassed, tasks: plan.tasks.length, minutes: 6});
	t.true(score >= 0 && score <= 1, `score ${score}`);
	t.deepEqual(parseProgress(JSON.parse(JSON.stringify(progress))), progress);
});

// --- the drill

const questions = drillQuestions(challenges);

test('drillQuestions asks every hidden case of the built-in pack, in order', t => {
	const cases = challenges.flatMap((challenge, challengeIndex) => challenge.cases.map(flow => ({challengeIndex, flow})));
	t.is(questions.length, cases.length);
	t.deepEqual(questions.map(question => ({challengeIndex: question.challengeIndex, flow: question.flow})), cases);
});

test('every drill question\'s verdict is its case\'s expectation: the reference solution passes every case', t => {
	for (const question of questions) {
		t.not(question.flow.expect, undefined);
		t.is(question.verdict, question.flow.expect!, `${challenges[question.challengeIndex]!.id}: ${question.flow.from} -> ${question.flow.to} ${question.flow.protocol} ${question.flow.port}`);
	}
});

test('a drill question\'s cluster is its challenge\'s cluster with the reference solution applied, its labels included', t => {
	for (const question of questions) {
		const challenge = challenges[question.challengeIndex]!;
		t.deepEqual(question.cluster, {...expectedCluster(challenge), policies: appliedPolicies(challenge, challenge.solution)});
	}
});

test('a drill question carries the evaluator\'s reason', t => {
	const dbPolicy = challenges.findIndex(challenge => challenge.id === 'db-policy');
	const first = questions.find(question => question.challengeIndex === dbPolicy)!;
	t.deepEqual(first.flow, {from: 'default/api', to: 'default/db', port: 3306, protocol: 'TCP', expect: 'allow'});
	t.is(first.reason, 'no policy selects default/api for egress; ingress allowed by default/db-policy ingress rule #1');
	t.true(questions.every(question => question.reason.length > 0));
});

test('drillQuestions leaves out a case whose ends do not resolve in the cluster', t => {
	const challenge: Challenge = {
		...synthetic('c', 'easy'),
		cluster: {namespaces: [], pods: [pod('default/a', {app: 'a'}, {ip: '10.0.0.1'}), pod('default/b', {app: 'b'}, {ip: '10.0.0.2'})], policies: []},
		cases: [
			{from: 'default/a', to: 'default/b', port: 80, protocol: 'TCP', expect: 'allow'},
			{from: 'default/ghost', to: 'default/b', port: 80, protocol: 'TCP', expect: 'allow'},
			{from: '203.0.113.9', to: 'default/a', port: 443, protocol: 'TCP', expect: 'allow'},
		],
	};
	const result = drillQuestions([synthetic('empty', 'hard'), challenge]);
	t.deepEqual(result.map(question => [question.challengeIndex, question.flow.from, question.verdict]), [[1, 'default/a', 'allow'], [1, '203.0.113.9', 'allow']]);
});

// mulberry32 as published (Tommy Ettinger), the generator nextRandom says it is.
function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6D_2B_79_F5) | 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

test('nextRandom is mulberry32: its values follow the published generator', t => {
	for (const start of [0, 1, 42, -1, 2_147_483_647, -2_147_483_648]) {
		const reference = mulberry32(start);
		let seed = start;
		for (let step = 0; step < 100; step++) {
			const {seed: next, value} = nextRandom(seed);
			t.is(value, reference());
			seed = next;
		}
	}
});

test('nextRandom is deterministic and its values are in [0, 1)', t => {
	t.deepEqual(nextRandom(7), nextRandom(7));
	let seed = 0;
	let low = 1;
	let high = 0;
	for (let step = 0; step < 20_000; step++) {
		const {seed: next, value} = nextRandom(seed);
		t.true(Number.isSafeInteger(next) && next >= -2_147_483_648 && next <= 2_147_483_647);
		low = Math.min(low, value);
		high = Math.max(high, value);
		seed = next;
	}

	t.true(low >= 0 && low < 0.001, `lowest ${low}`);
	t.true(high < 1 && high > 0.999, `highest ${high}`);
});

test('pickQuestion is deterministic and returns the seed to use next', t => {
	t.deepEqual(pickQuestion(10, 5), pickQuestion(10, 5));
	t.deepEqual(pickQuestion(10, 5, 3), pickQuestion(10, 5, 3));
	const first = pickQuestion(10, 5);
	t.is(first.seed, nextRandom(5).seed);
	t.is(first.index, Math.floor(nextRandom(5).value * 10));
});

test('pickQuestion stays in range and never repeats the previous question when there are two or more', t => {
	for (const count of [2, 3, 7, 24]) {
		let seed = count;
		let previous: number | undefined;
		const seen = new Set<number>();
		for (let step = 0; step < 500; step++) {
			const {seed: next, index} = pickQuestion(count, seed, previous);
			t.true(Number.isInteger(index) && index >= 0 && index < count, `${index} of ${count}`);
			t.not(index, previous);
			seen.add(index);
			seed = next;
			previous = index;
		}

		t.is(seen.size, count);
	}
});

test('pickQuestion with two questions alternates', t => {
	let seed = 11;
	let previous = pickQuestion(2, seed).index;
	for (let step = 0; step < 20; step++) {
		const picked = pickQuestion(2, seed, previous);
		t.is(picked.index, 1 - previous);
		seed = picked.seed;
		previous = picked.index;
	}
});

test('pickQuestion with one question asks it again', t => {
	for (const seed of [0, 1, 99]) {
		t.is(pickQuestion(1, seed, 0).index, 0);
		t.is(pickQuestion(1, seed).index, 0);
	}
});
