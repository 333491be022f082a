// The challenge screens' state, step by step, without React: what each key asks of the app
// (effects), what each answer does to the screen, and what goes into progress.
import test from 'ava';
import {grade} from '../source/grading/grade.js';
import type {NetworkPolicy} from '../source/model/kubernetes.js';
import {challengeProgress, drillProgress} from '../source/progress/challenge-model.js';
import {emptyProgress} from '../source/progress/model.js';
import {type GradeResult, matrixPorts} from '../source/tui/state/challenge-state.js';
import {drillQuestions} from '../source/grading/drill.js';
import {actionFor, footerHints} from '../source/tui/state/keys.js';
import {type Action, initialState, reduce, type State} from '../source/tui/state/state.js';
import {challengeEntries} from './helpers/challenge-entries.js';

const entries = challengeEntries('/data');
const dbIndex = entries.findIndex(entry => entry.challenge.id === 'db-policy');
const db = entries[dbIndex]!;

function start(seed = 7): State {
	return initialState([], emptyProgress(), new Map(), {
		challenges: entries,
		drillQuestions: drillQuestions(entries.map(entry => entry.challenge)),
		seed,
		editorName: 'vi',
	});
}

/** Runs actions, each at its time (ms). */
function run(state: State, ...steps: Array<Action | [Action, number]>): State {
	return steps.reduce((current, step) => (Array.isArray(step) ? reduce(current, step[0], step[1]) : reduce(current, step, current.now)), state);
}

const gradedWith = (policies: readonly NetworkPolicy[], text = 'x'): Action => ({
	type: 'graded',
	result: {kind: 'graded', report: grade(db.challenge, policies), notes: [], text, policies},
});

function openDb(now = 1000): State {
	const list = run(start(), {type: 'down'}, {type: 'open'});
	return run(list, {type: 'select', index: dbIndex}, [{type: 'open'}, now]);
}

test('Challenges on home opens the list; Enter opens a challenge with its hints as far as progress says', t => {
	const list = run(start(), {type: 'down'}, {type: 'open'});
	t.deepEqual(list.screen, {name: 'challenges', selected: 0});
	const opened = openDb(5000);
	t.like(opened.screen, {name: 'challenge', index: dbIndex, hintsShown: 0, openedAt: 5000, isWatching: false, isConfirmingReset: false, isShowingSolution: false});
	t.deepEqual(opened.effects, []);
});

test('e asks the app to open the learner\'s file in the editor; r to grade it; both only as effects', t => {
	const opened = openDb();
	const editing = run(opened, {type: 'edit'});
	t.deepEqual(editing.effects, [{kind: 'edit', file: db.workFile, initialText: db.initialText, challengeIndex: dbIndex}]);
	t.like(editing.screen, {name: 'challenge', index: dbIndex, scroll: 0, result: undefined});
	const both = run(editing, {type: 'regrade'});
	t.deepEqual(both.effects.map(effect => effect.kind), ['edit', 'grade']);
	t.deepEqual(run(both, {type: 'effectsTaken', count: 1}).effects.map(effect => effect.kind), ['grade']);
});

test('a grade is shown at the top, counts as an attempt with its score, and solves the challenge when it passes', t => {
	const wrong = run(openDb(), {type: 'scroll', by: 5, max: 40}, [gradedWith([]), 2000]);
	t.like(wrong.screen, {name: 'challenge', scroll: 0, gradedAt: 2000});
	const afterWrong = challengeProgress(wrong.progress, db.key);
	t.is(afterWrong.attempts, 1);
	t.false(afterWrong.isSolved);
	t.true(afterWrong.bestScore > 0 && afterWrong.bestScore < 1);
	const right = run(wrong, gradedWith(db.challenge.solution));
	t.deepEqual(challengeProgress(right.progress, db.key), {...afterWrong, attempts: 2, bestScore: 1, isSolved: true});
	const worseAgain = run(right, gradedWith([]));
	t.like(challengeProgress(worseAgain.progress, db.key), {attempts: 3, bestScore: 1, isSolved: true});
});

test('an empty, unchanged or invalid file is shown but is not an attempt', t => {
	for (const result of [{kind: 'empty'}, {kind: 'unchanged'}, {kind: 'invalid', problems: ['f:1:1: bad']}] as GradeResult[]) {
		const state = run(openDb(), {type: 'graded', result});
		t.like(state.screen, {name: 'challenge', result});
		t.is(challengeProgress(state.progress, db.key).attempts, 0);
	}
});

test('hints are revealed one at a time, counted in progress, never past the last', t => {
	const count = db.challenge.hints.length;
	t.true(count >= 2);
	let state = openDb();
	for (let shown = 1; shown <= count + 1; shown++) {
		state = run(state, {type: 'hint'});
		t.like(state.screen, {hintsShown: Math.min(shown, count)});
		t.is(challengeProgress(state.progress, db.key).hintsUsed, Math.min(shown, count));
	}

	// Reopened later, the hints already seen stay shown.
	const reopened = run(state, {type: 'back'}, {type: 'open'});
	t.like(reopened.screen, {name: 'challenge', hintsShown: count});
	t.false(footerHints(reopened).some(hint => hint.description === 'hint'), 'no hint key once all are shown');
});

test('start afresh asks first: y resets through an effect, any other key keeps the file', t => {
	const asking = run(openDb(), gradedWith([]), {type: 'reset'});
	t.like(asking.screen, {isConfirmingReset: true});
	t.deepEqual(footerHints(asking), [{label: 'y', description: 'yes'}, {label: 'n/Esc', description: 'no'}]);
	const kept = run(asking, {type: 'back'});
	t.like(kept.screen, {name: 'challenge', isConfirmingReset: false});
	t.deepEqual(kept.effects, []);
	t.not((kept.screen as {result?: unknown}).result, undefined, 'the grade stays');
	const reset = run(asking, {type: 'confirm'});
	t.deepEqual(reset.effects, [{kind: 'reset', file: db.workFile, initialText: db.initialText}]);
	t.like(reset.screen, {name: 'challenge', isConfirmingReset: false, result: undefined});
	const told = run(reset, {type: 'notice', text: 'Started afresh. Your previous file is kept as x.before-reset'});
	t.like(told.screen, {notice: 'Started afresh. Your previous file is kept as x.before-reset'});
	t.like(run(told, gradedWith([])).screen, {notice: 'Started afresh. Your previous file is kept as x.before-reset'}, 'a grade from watching does not hide where the old file went');
});

test('the reference solution is offered only once solved, and Esc returns from it to the grade', t => {
	const unsolved = run(openDb(), gradedWith([]));
	t.deepEqual(run(unsolved, {type: 'solution'}), unsolved);
	t.is(actionFor(unsolved, 's', {}), undefined);
	const solved = run(unsolved, gradedWith(db.challenge.solution));
	t.deepEqual(actionFor(solved, 's', {}), {type: 'solution'});
	const showing = run(solved, {type: 'solution'});
	t.like(showing.screen, {isShowingSolution: true});
	t.like(run(showing, {type: 'back'}).screen, {name: 'challenge', isShowingSolution: false});
	// Solved in an earlier session: offered before any grade in this one. (Leaving a solved
	// challenge moves the list on to the next unsolved one: db is chosen again.)
	const later = run(solved, {type: 'back'}, {type: 'select', index: dbIndex}, {type: 'open'});
	t.deepEqual(actionFor(later, 's', {}), {type: 'solution'});
});

test('leaving a challenge adds the whole seconds spent on it to progress', t => {
	const left = run(openDb(10_000), [{type: 'back'}, 75_900]);
	t.deepEqual(left.screen, {name: 'challenges', selected: dbIndex});
	t.is(challengeProgress(left.progress, db.key).seconds, 65);
	const again = run(left, [{type: 'open'}, 80_000], [{type: 'back'}, 80_500]);
	t.is(challengeProgress(again.progress, db.key).seconds, 65, 'half a second adds nothing');
});

test('w turns watching on and off', t => {
	const watching = run(openDb(), {type: 'watch'});
	t.like(watching.screen, {isWatching: true});
	t.like(run(watching, {type: 'watch'}).screen, {isWatching: false});
});

test('the drill asks a seeded question, records a right or wrong answer with its time, and asks another', t => {
	const home = start(42);
	const asked = run(home, {type: 'down'}, {type: 'down'}, [{type: 'open'}, 1000]);
	t.is(asked.screen.name, 'drill');
	const again = run(start(42), {type: 'down'}, {type: 'down'}, [{type: 'open'}, 1000]);
	t.deepEqual(again.screen, asked.screen, 'the same seed asks the same question');
	const screen = asked.screen as State['screen'] & {name: 'drill'};
	const question = asked.drillQuestions[screen.question]!;
	const answer = question.verdict;
	const answered = run(asked, [{type: answer}, 3500]);
	t.like(answered.screen, {answer: {verdict: answer, isCorrect: true, milliseconds: 2500}, session: {answered: 1, correct: 1}});
	t.like(run(asked, {type: 'scroll', by: 10, max: 40}, [{type: answer}, 3500]).screen, {scroll: 0}, 'an answer scrolls back to the verdict');
	t.deepEqual(drillProgress(answered.progress), {answered: 1, correct: 1, milliseconds: 2500});
	t.deepEqual(run(answered, {type: answer === 'allow' ? 'deny' : 'allow'}), answered, 'one answer a question');
	const next = run(answered, [{type: 'next'}, 4000]);
	t.like(next.screen, {name: 'drill', askedAt: 4000, answer: undefined, session: {answered: 1, correct: 1}});
	t.not((next.screen as typeof screen).question, screen.question);
	const wrong = run(next, [{type: (next.drillQuestions[(next.screen as typeof screen).question]!.verdict === 'allow' ? 'deny' : 'allow')}, 5000]);
	t.deepEqual(drillProgress(wrong.progress), {answered: 2, correct: 1, milliseconds: 3500});
	t.like(wrong.screen, {session: {answered: 2, correct: 1}});
});

test('in the drill, a and d answer and only PgDn/PgUp scroll', t => {
	const asked = run(start(), {type: 'down'}, {type: 'down'}, {type: 'open'});
	t.deepEqual(actionFor(asked, 'a', {}), {type: 'allow'});
	t.deepEqual(actionFor(asked, 'd', {}), {type: 'deny'});
	t.deepEqual(actionFor(asked, '', {pageDown: true}), {type: 'scrollDown'});
	t.deepEqual(actionFor(asked, '', {return: true}), undefined, 'Enter does not answer');
});

function startExam(now = 100_000): State {
	const intro = run(start(3), {type: 'down'}, {type: 'down'}, {type: 'down'}, {type: 'open'});
	assertIntro(intro);
	const asked = run(intro, {type: 'open'});
	const files = (intro.screen as State['screen'] & {name: 'examIntro'}).plan.tasks.map((_task, index) => `/exam/${index}.yaml`);
	const started = run(asked, {type: 'effectsTaken', count: 1}, [{type: 'examStarted', files}, now]);
	if (started.effects.length !== 1 || started.effects[0]!.kind !== 'keepExam') {
		throw new Error('expected the exam to be kept on disk as it starts');
	}

	return run(started, {type: 'effectsTaken', count: 1});
}

function assertIntro(state: State): void {
	if (state.screen.name !== 'examIntro') {
		throw new Error(`expected the exam introduction, got ${state.screen.name}`);
	}
}

test('the exam starts on Enter through an effect, with a deadline of the plan\'s minutes', t => {
	const intro = run(start(3), {type: 'down'}, {type: 'down'}, {type: 'down'}, {type: 'open'});
	const plan = (intro.screen as State['screen'] & {name: 'examIntro'}).plan;
	t.is(plan.tasks.length, 6);
	t.deepEqual(run(intro, {type: 'open'}).effects, [{kind: 'startExam', plan}]);
	const exam = startExam(100_000);
	t.like(exam.screen, {name: 'exam', selected: 0, exam: {startedAt: 100_000, deadline: 100_000 + (plan.minutes * 60_000)}});
});

test('a started exam is kept on disk (tasks by key, start and deadline), and dropped once graded', t => {
	const intro = run(start(3), {type: 'down'}, {type: 'down'}, {type: 'down'}, {type: 'open'});
	const {plan} = intro.screen as State['screen'] & {name: 'examIntro'};
	const files = plan.tasks.map((_task, index) => `/exam/${index}.yaml`);
	const started = run(intro, {type: 'open'}, {type: 'effectsTaken', count: 1}, [{type: 'examStarted', files}, 100_000]);
	t.deepEqual(started.effects, [{kind: 'keepExam', exam: {
		formatVersion: 1,
		startedAt: new Date(100_000).toISOString(),
		deadline: new Date(100_000 + (plan.minutes * 60_000)).toISOString(),
		tasks: plan.tasks.map((task, index) => ({key: entries[task.challengeIndex]!.key, weight: task.weight, file: files[index]!})),
	}}]);
	const graded = run(started, {type: 'effectsTaken', count: 1}, {type: 'finish'}, {type: 'confirm'}, {type: 'effectsTaken', count: 1}, {type: 'examGraded', results: files.map(() => ({kind: 'empty'}))});
	t.is(graded.screen.name, 'examReview');
	t.deepEqual(graded.effects, [{kind: 'dropExam'}]);
});

function withExamInProgress(deadline: number, keys = entries.slice(0, 2).map(entry => entry.key)): State {
	return {...start(), examInProgress: {
		formatVersion: 1,
		startedAt: new Date(0).toISOString(),
		deadline: new Date(deadline).toISOString(),
		tasks: keys.map((key, index) => ({key, weight: 6, file: `/exam/${index}.yaml`})),
	}};
}

test('Exam resumes the exam in progress: its tasks found by key, its clock as saved, its files checked', t => {
	const resumed = run(withExamInProgress(720_000), {type: 'down'}, {type: 'down'}, {type: 'down'}, [{type: 'open'}, 300_000]);
	t.deepEqual(resumed.screen, {
		name: 'exam',
		exam: {startedAt: 0, deadline: 720_000, tasks: [{challengeIndex: 0, weight: 6, file: '/exam/0.yaml'}, {challengeIndex: 1, weight: 6, file: '/exam/1.yaml'}]},
		selected: 0,
		isConfirmingFinish: false,
		notice: 'Resumed: the clock kept running while the app was closed, as in a real exam.',
	});
	t.is(resumed.examInProgress, undefined);
	t.deepEqual(resumed.effects, [{kind: 'checkExam', files: ['/exam/0.yaml', '/exam/1.yaml'], challengeIndexes: [0, 1]}]);
	const checked = run(resumed, {type: 'effectsTaken', count: 1}, {type: 'examChecked', results: [{kind: 'unchanged'}, {kind: 'invalid', problems: ['x']}]});
	t.deepEqual((checked.screen as State['screen'] & {name: 'exam'}).exam.tasks.map(task => task.check), [{kind: 'unchanged'}, {kind: 'invalid', problems: ['x']}]);
});

test('an exam whose deadline passed while the app was closed is graded as Exam opens', t => {
	const resumed = run(withExamInProgress(720_000), {type: 'down'}, {type: 'down'}, {type: 'down'}, [{type: 'open'}, 720_000]);
	t.is(resumed.screen.name, 'examGrading');
	t.deepEqual(resumed.effects, [{kind: 'gradeExam', files: ['/exam/0.yaml', '/exam/1.yaml'], challengeIndexes: [0, 1]}]);
});

test('an exam whose challenge is gone cannot be resumed: it is dropped, and a new one is introduced with the reason', t => {
	const opened = run(withExamInProgress(720_000, [entries[0]!.key, 'gone-pack/gone']), {type: 'down'}, {type: 'down'}, {type: 'down'}, [{type: 'open'}, 300_000]);
	t.like(opened.screen, {name: 'examIntro', notice: 'The exam started 1970-01-01T00:00:00.000Z could not be resumed: its task gone-pack/gone is no longer among the challenges.'});
	t.deepEqual(opened.effects, [{kind: 'dropExam'}]);
	t.is(opened.examInProgress, undefined);
});

test('exam tasks check the file only; the clock running out grades every task', t => {
	const exam = startExam(0);
	const screen = exam.screen as State['screen'] & {name: 'exam'};
	const task = run(exam, {type: 'open'});
	t.like(task.screen, {name: 'examTask', task: 0});
	const editing = run(task, {type: 'edit'});
	t.like(editing.effects[0], {kind: 'edit', file: '/exam/0.yaml'});
	const checked = run(editing, {type: 'graded', result: {kind: 'empty'}});
	t.like((checked.screen as State['screen'] & {name: 'examTask'}).exam.tasks[0], {check: {kind: 'empty'}});
	t.is(checked.screen.name, 'examTask');
	t.deepEqual(run(checked, [{type: 'tick'}, screen.exam.deadline - 1]).screen, checked.screen, 'a tick before the deadline changes nothing');
	const over = run(checked, [{type: 'tick'}, screen.exam.deadline]);
	t.is(over.screen.name, 'examGrading');
	t.deepEqual(over.effects.at(-1), {kind: 'gradeExam', files: screen.exam.tasks.map(item => item.file), challengeIndexes: screen.exam.tasks.map(item => item.challengeIndex)});
});

test('finishing early asks first; grading scores by weight, records the exam and opens the review', t => {
	const exam = startExam(0);
	const {tasks} = (exam.screen as State['screen'] & {name: 'exam'}).exam;
	const asking = run(exam, {type: 'finish'});
	t.like(asking.screen, {isConfirmingFinish: true});
	t.like(run(asking, {type: 'back'}).screen, {name: 'exam', isConfirmingFinish: false});
	const grading = run(asking, {type: 'confirm'});
	t.is(grading.screen.name, 'examGrading');
	// The first two tasks pass: their share of the weights is the score.
	const results: GradeResult[] = tasks.map((task, index) => {
		const {challenge} = entries[task.challengeIndex]!;
		const policies = index < 2 ? challenge.solution : [];
		return {kind: 'graded', report: grade(challenge, policies), notes: [], text: '', policies};
	});
	const reviewed = run(grading, [{type: 'examGraded', results}, 600_000]);
	const total = tasks.reduce((sum, task) => sum + task.weight, 0);
	const earned = tasks[0]!.weight + tasks[1]!.weight;
	t.like(reviewed.screen, {name: 'examReview', selected: 0, results: {score: earned / total, isPassed: false, finishedAt: 600_000}});
	t.deepEqual(reviewed.progress.exams, [{startedAt: new Date(0).toISOString(), score: earned / total, isPassed: false, tasks: 6, minutes: 10}]);
	const opened = run(reviewed, {type: 'down'}, {type: 'open'});
	t.like(opened.screen, {name: 'examReviewTask', task: 1});
	t.like(run(opened, {type: 'back'}).screen, {name: 'examReview', selected: 1});
	t.deepEqual(run(opened, {type: 'back'}, {type: 'back'}).screen, {name: 'home', selected: 3});
});

test('Esc on the exam list asks to finish rather than dropping the exam', t => {
	const exam = startExam(0);
	t.like(run(exam, {type: 'back'}).screen, {name: 'exam', isConfirmingFinish: true});
	t.deepEqual(footerHints(run(exam, {type: 'back'})), [{label: 'y', description: 'yes'}, {label: 'n/Esc', description: 'no'}]);
});

test('m opens the matrix after a grade, on the first failed case\'s port; ←/→ cycle the ports of the cases; Esc returns', t => {
	t.is(actionFor(openDb(), 'm', {}), undefined, 'no matrix before a grade');
	const graded = run(openDb(), gradedWith([]));
	t.deepEqual(actionFor(graded, 'm', {}), {type: 'matrix'});
	const shown = run(graded, {type: 'matrix'});
	t.like(shown.screen, {matrixPort: 0});
	const result = (graded.screen as {result: GradeResult & {kind: 'graded'}}).result;
	const ports = matrixPorts(db.challenge, result, false);
	const failures = result.report.failures.map(failure => `${failure.flow.port}/${failure.flow.protocol}`);
	t.deepEqual(ports.map(port => `${port.port}/${port.protocol}`), [...new Set(failures)], 'before a solve, only the failed cases\' ports, each once, the first failure\'s first');
	const all = matrixPorts(db.challenge, result, true);
	t.deepEqual(new Set(all.map(port => `${port.port}/${port.protocol}`)), new Set(db.challenge.cases.map(flow => `${flow.port}/${flow.protocol}`)), 'once solved, every case\'s port');
	t.deepEqual(actionFor(shown, '', {rightArrow: true}), {type: 'next'});
	t.like(run(shown, {type: 'next'}).screen, {matrixPort: 1 % ports.length});
	t.like(run(shown, {type: 'previous'}).screen, {matrixPort: ports.length - 1});
	t.like(run(shown, {type: 'back'}).screen, {name: 'challenge', matrixPort: undefined});
	t.like(run(shown, {type: 'matrix'}).screen, {name: 'challenge', matrixPort: undefined});
	t.like(run(shown, gradedWith(db.challenge.solution)).screen, {matrixPort: undefined}, 'a new grade shows itself: the matrix closes');
	const passedAtOnce = run(openDb(), gradedWith(db.challenge.solution));
	t.deepEqual(actionFor(passedAtOnce, 'm', {}), {type: 'matrix'}, 'a pass opens every port');
});

test('an exam that could not start says why on its introduction', t => {
	const intro = run(start(3), {type: 'down'}, {type: 'down'}, {type: 'down'}, {type: 'open'});
	t.like(run(intro, {type: 'notice', text: 'The exam could not start: EROFS'}).screen, {name: 'examIntro', notice: 'The exam could not start: EROFS'});
});
