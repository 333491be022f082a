// The app's state machine, without React: keys in, screens and progress out.
import test from 'ava';
import type {Lesson} from '../source/model/lesson.js';
import {emptyProgress} from '../source/progress/model.js';
import {actionFor, footerHints, type KeyPress} from '../source/tui/state/keys.js';
import {predictAll} from '../source/grading/predictions.js';
import {type Action, initialState, reduce, type State} from '../source/tui/state/state.js';
import {cluster, pod, policy, port, rule, selector} from './helpers/builders.js';

const lesson: Lesson = {
	id: 'demo',
	title: 'Demo',
	summary: 'A demo lesson.',
	topics: [],
	practice: [],
	pages: [
		{kind: 'text', title: 'One', body: 'First page.'},
		{kind: 'choice', question: 'Which?', choices: ['right', 'wrong'], answer: 0, explanation: 'Because.'},
		{
			kind: 'predict',
			question: 'Can web reach db?',
			cluster: cluster({
				pods: [pod('default/web', {app: 'web'}), pod('default/db', {app: 'db'})],
				policies: [policy('default/db-policy', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}], [port(3306)])]})],
			}),
			clusterYaml: '# omitted',
			flow: {from: 'default/web', to: 'default/db', port: 3306, protocol: 'TCP'},
			explanation: 'Only api may.',
		},
	],
};

const start = (): State => initialState([lesson], emptyProgress(), predictAll([lesson]));
const run = (state: State, ...actions: Action[]): State => actions.reduce((current, action) => reduce(current, action), state);
const key = (input: string, press: KeyPress = {}) => (state: State) => actionFor(state, input, press);

test('home: moving is clamped, Enter on Lessons opens the list, q quits', t => {
	const state = start();
	t.deepEqual(run(state, {type: 'up'}).screen, {name: 'home', selected: 0});
	t.deepEqual(run(state, {type: 'down'}, {type: 'down'}).screen, {name: 'home', selected: 2});
	t.deepEqual(run(state, {type: 'open'}).screen, {name: 'lessons', selected: 0});
	t.true(run(state, {type: 'back'}).isQuitting);
	t.deepEqual(run(state, {type: 'down'}, {type: 'down'}, {type: 'down'}, {type: 'down'}, {type: 'open'}).screen, {name: 'progress'});
});

test('opening a lesson shows page 1 and marks it seen', t => {
	const state = run(start(), {type: 'open'}, {type: 'open'});
	t.deepEqual(state.screen, {name: 'lesson', lessonIndex: 0, page: 0, selected: 0, scroll: 0});
	t.deepEqual(state.progress.lessons['demo']?.pagesSeen, [0]);
});

test('pages turn with next and previous; previous on page 1 stays; next past the end returns to the list', t => {
	const inLesson = run(start(), {type: 'open'}, {type: 'open'});
	t.is(run(inLesson, {type: 'previous'}).screen.name, 'lesson');
	const second = run(inLesson, {type: 'next'});
	t.like(second.screen, {name: 'lesson', page: 1});
	t.like(run(second, {type: 'previous'}).screen, {page: 0});
	t.deepEqual(run(second, {type: 'next'}, {type: 'next'}).screen, {name: 'lessons', selected: 0});
});

test('Enter on a choice answers it with the highlighted choice and records it', t => {
	const onChoice = run(start(), {type: 'open'}, {type: 'open'}, {type: 'next'});
	const wrong = run(onChoice, {type: 'select', index: 1}, {type: 'open'});
	t.like(wrong.screen, {answer: {choice: 1, isCorrect: false}});
	t.deepEqual(wrong.progress.lessons['demo']?.checkpoints['1'], {isCorrect: false, attempts: 1});
	const right = run(onChoice, {type: 'open'});
	t.like(right.screen, {answer: {choice: 0, isCorrect: true}});
	t.like(run(right, {type: 'select', index: 1}).screen, {answer: {choice: 0}}, 'an answer is final');
});

test('a predict page is right when the choice matches the evaluator (denied is the second choice)', t => {
	const onPredict = run(start(), {type: 'open'}, {type: 'open'}, {type: 'next'}, {type: 'open'}, {type: 'next'});
	t.like(onPredict.screen, {page: 2});
	t.like(run(onPredict, {type: 'open'}).screen, {answer: {choice: 0, isCorrect: false}});
	t.like(run(onPredict, {type: 'select', index: 1}, {type: 'open'}).screen, {answer: {choice: 1, isCorrect: true}});
	const done = run(onPredict, {type: 'select', index: 1}, {type: 'open'});
	t.true(done.progress.lessons['demo']?.isCompleted);
});

test('scrolling stays within the page, and starts from the top after an answer, which shows right below the question', t => {
	const inLesson = run(start(), {type: 'open'}, {type: 'open'});
	t.like(run(inLesson, {type: 'scroll', by: 10, max: 4}).screen, {scroll: 4});
	t.like(run(inLesson, {type: 'scroll', by: -10, max: 4}).screen, {scroll: 0});
	const scrolled = run(inLesson, {type: 'next'}, {type: 'scroll', by: 5, max: 12});
	const answered = run(scrolled, {type: 'open'});
	t.like(answered.screen, {scroll: 0, answer: {choice: 0}});
	t.like(run(answered, {type: 'scroll', by: 3, max: 12}).screen, {scroll: 3});
});

test('help opens over any screen and closes back to it', t => {
	const inLesson = run(start(), {type: 'open'}, {type: 'open'});
	const help = run(inLesson, {type: 'help'});
	t.is(help.screen.name, 'help');
	t.deepEqual(run(help, {type: 'help'}).screen, inLesson.screen);
	t.deepEqual(run(help, {type: 'back'}).screen, inLesson.screen);
});

test('the key table maps keys by screen, and leaves list keys to the select list', t => {
	const home = start();
	t.deepEqual(key('j')(home), {type: 'down'});
	t.is(actionFor(home, 'j', {}, true), undefined);
	t.deepEqual(key('q')(home), {type: 'back'});
	t.is(key('', {escape: true})(home), undefined, 'Esc pressed once too often on the way back does not quit');
	t.deepEqual(key('?')(home), {type: 'help'});
	const onText = run(home, {type: 'open'}, {type: 'open'});
	t.deepEqual(key('', {return: true})(onText), {type: 'next'});
	t.deepEqual(key('l')(onText), {type: 'next'});
	t.deepEqual(key('h')(onText), {type: 'previous'});
	t.deepEqual(key('d')(onText), {type: 'scrollDown'});
	t.deepEqual(key('', {pageUp: true})(onText), {type: 'scrollUp'});
});

test('the footer lists the keys of the screen, with q to quit on home', t => {
	const home = start();
	t.deepEqual(footerHints(home).map(hint => `${hint.label} ${hint.description}`), ['↑↓/jk move', 'Enter open', 'q quit', '? help']);
	const onText = run(home, {type: 'open'}, {type: 'open'});
	t.deepEqual(footerHints(onText).map(hint => hint.description), ['next page', 'previous page', 'scroll', 'back', 'help']);
});
