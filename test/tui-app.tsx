// The app's screens driven by keys, as ink-select-input's test/test.tsx drives its list: raw key
// codes written to stdin, a short wait for ink to render, then assertions on the last frame with
// its colours stripped. The lessons are the real course; saving progress is a fake that records
// every call. The app tests run serially: with several ink apps live in one process at once, keys
// written 50 ms apart were seen to reach stale input handlers, or none, so one app runs at a time.
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {render} from 'ink-testing-library';
import {runTui} from '../source/commands/tui.js';
import {checkpointPages} from '../source/model/lesson.js';
import {loadLessons} from '../source/commands/load-content.js';
import {emptyProgress, type Progress} from '../source/progress/model.js';
import {App} from '../source/tui/app.js';
import {footerHints} from '../source/tui/state/keys.js';
import {predictAll} from '../source/grading/predictions.js';
import {initialState} from '../source/tui/state/state.js';
import {driveApp, keys, type Size} from './helpers/drive-app.js';

const {lessons} = loadLessons(path.resolve(import.meta.dirname, '../../lessons'));
const predictions = predictAll(lessons);
const lessonCount = 13;
const checkpointTotal = lessons.reduce((sum, lesson) => sum + checkpointPages(lesson).length, 0);

const {arrowDown, arrowUp, arrowRight, arrowLeft, pageDown, pageUp, enter, escape} = keys;
// The lesson screens with no challenges: the challenge screens have their own tests.
const noChallenges = {challenges: [], drillQuestions: [], seed: 1, editorName: 'vi'};

/** Renders the app over the real lessons with a recording saveProgress; optionally resizes the fake terminal. */
async function renderApp(t: ExecutionContext, size?: Size) {
	const saved: Progress[] = [];
	const app = render(<App initialState={initialState(lessons, emptyProgress(), predictions, noChallenges)} services={{
		saveProgress(progress) {
			saved.push(progress);
			return undefined;
		},
	}}/>);
	return {app, saved, ...await driveApp(t, app, size)};
}

/** Asserts that the frame has this exact line (leading space from the app's padding included). */
function hasLine(t: ExecutionContext, frame: string, line: string) {
	t.true(frame.split('\n').includes(line), `expected the line ${JSON.stringify(line)} in:\n${frame}`);
}

/** The frame's text with its line breaks folded into spaces, for sentences ink wraps. */
function flattened(frame: string): string {
	return frame.replaceAll(/\s*\n\s*/g, ' ');
}

test.serial('home shows the title, the overall progress, the seven menu items and the footer keys', async t => {
	const {frame} = await renderApp(t);
	t.is(frame(), [
		' netpol-dojo',
		' Learn Kubernetes NetworkPolicy by looking at traffic.',
		'',
		` Lessons done: 0 of ${lessonCount}   Checkpoints right: 0 of ${checkpointTotal}`,
		' Challenges solved: 0 of 0',
		'',
		' ❯ Lessons        read, a page at a time',
		'   Challenges     write policies in your editor, graded on every flow',
		'   Verdict drill  allowed or denied? one flow at a time, against the clock',
		'   Exam           timed tasks, weighted, 67% to pass',
		'   Progress',
		'   Help',
		'   Quit',
		'',
		' ↑↓/jk move  Enter open  q quit  ? help',
	].join('\n'));
	const hints = footerHints(initialState(lessons, emptyProgress(), predictions, noChallenges));
	t.is(frame().split('\n').at(-1), ` ${hints.map(hint => `${hint.label} ${hint.description}`).join('  ')}`);
});

test.serial('arrows move on home, Enter opens the lesson list, j and k move it, and Enter opens the chosen lesson at page 1', async t => {
	const {press, frame, lines} = await renderApp(t);
	await press(arrowDown);
	hasLine(t, frame(), ' ❯ Challenges     write policies in your editor, graded on every flow');
	await press(enter);
	t.is(lines()[0], ' Challenges  0 of 0 solved');
	hasLine(t, frame(), ' No challenges could be loaded.');
	await press(escape);
	hasLine(t, frame(), ' ❯ Challenges     write policies in your editor, graded on every flow');
	await press(arrowUp, enter);
	t.is(lines()[0], ' Lessons');
	hasLine(t, frame(), ' ❯    1. Traffic has a direction');
	hasLine(t, frame(), '     13. CKS exam habits');
	hasLine(t, frame(), ' Ingress and egress from the pod\'s side; replies are not flows.');
	hasLine(t, frame(), ' ↑↓/jk move  Enter open  Esc/q back  ? help');
	await press('j');
	hasLine(t, frame(), ' ❯    2. Open by default');
	hasLine(t, frame(), `      1. ${lessons[0]!.title}`);
	hasLine(t, frame(), ` ${lessons[1]!.summary}`);
	await press('j');
	hasLine(t, frame(), ' ❯    3. Anatomy of a NetworkPolicy');
	await press('k');
	hasLine(t, frame(), ' ❯    2. Open by default');
	await press(enter);
	t.is(lines()[0], ` Open by default  page 1 of ${lessons[1]!.pages.length}`);
});

test.serial('right, l and Enter on a text page turn forward; left and h turn back; left on the first page does nothing', async t => {
	const {press, frame, lines} = await renderApp(t);
	await press(enter, enter);
	t.deepEqual(lines().slice(0, 3), [' Traffic has a direction  page 1 of 6', '', ' Seen from the selected pod']);
	const firstPage = frame();
	await press(arrowLeft, 'h');
	t.is(frame(), firstPage);
	await press(arrowRight);
	t.deepEqual(lines().slice(0, 3), [' Traffic has a direction  page 2 of 6', '', ' The three tiers']);
	hasLine(t, frame(), '   web ──5000/TCP──▶ api');
	await press('l');
	t.deepEqual(lines().slice(0, 3), [' Traffic has a direction  page 3 of 6', '', ' Replies are not flows']);
	hasLine(t, frame(), ' →/l/Enter next page  ←/h previous page  PgDn/d PgUp/u scroll  Esc/q back  ? help');
	await press(enter);
	t.deepEqual(lines().slice(0, 3), [' Traffic has a direction  page 4 of 6', '', ' Checkpoint']);
	await press(arrowLeft);
	t.is(lines()[0], ' Traffic has a direction  page 3 of 6');
	await press('h');
	t.is(lines()[0], ' Traffic has a direction  page 2 of 6');
});

test.serial('Esc on a lesson page goes back to the lesson list, with the lesson selected and marked started', async t => {
	const {press, frame, lines} = await renderApp(t);
	await press(enter, 'j', enter, arrowRight);
	t.is(lines()[0], ` Open by default  page 2 of ${lessons[1]!.pages.length}`);
	await press(escape);
	t.is(lines()[0], ' Lessons');
	hasLine(t, frame(), ' ❯ …  2. Open by default');
	hasLine(t, frame(), '      1. Traffic has a direction');
	await press(escape);
	t.is(lines()[0], ' netpol-dojo');
});

test.serial('q on a lesson page goes back to the lesson list', async t => {
	const {press, frame, lines} = await renderApp(t);
	await press(enter, enter);
	t.is(lines()[0], ' Traffic has a direction  page 1 of 6');
	await press('q');
	t.is(lines()[0], ' Lessons');
	hasLine(t, frame(), ' ❯ …  1. Traffic has a direction');
});

test.serial('? opens help over a lesson page, and ? or Esc closes it on the same page', async t => {
	const {press, frame, lines} = await renderApp(t);
	await press(enter, enter, arrowRight);
	const secondPage = frame();
	await press('?');
	t.is(lines()[0], ' Help');
	hasLine(t, frame(), ' PgDn/PgUp (d/u) scroll, Esc or q goes back (q on home quits), ? this help.');
	t.is(lines().at(-1), ' Esc/q back  ? help');
	await press('?');
	t.is(frame(), secondPage);
	await press('?');
	t.is(lines()[0], ' Help');
	await press(escape);
	t.is(frame(), secondPage);
});

test.serial('a wrong choice says "Not quite.", ticks the right choice and saves one wrong attempt', async t => {
	const {press, frame, saved} = await renderApp(t);
	await press(enter, enter, arrowRight, arrowRight, arrowRight);
	hasLine(t, frame(), ' ❯ Ingress of db');
	hasLine(t, frame(), ' ↑↓/jk move  Enter answer  ←/h previous page  PgDn/d PgUp/u scroll  Esc/q back  ? help');
	await press(arrowDown);
	hasLine(t, frame(), ' ❯ Egress of db');
	await press(enter);
	hasLine(t, frame(), '   Ingress of db ✓');
	hasLine(t, frame(), ' › Egress of db');
	hasLine(t, frame(), '   Both, because replies flow back out of db');
	hasLine(t, frame(), ' Not quite.');
	hasLine(t, frame(), ' Connections that arrive at db are db\'s ingress. db\'s egress covers');
	t.false(frame().includes('Right.'));
	t.deepEqual(saved.at(-1), {
		formatVersion: 1,
		lessons: {'traffic-direction': {pagesSeen: [0, 1, 2, 3], checkpoints: {3: {isCorrect: false, attempts: 1}}, isCompleted: false}},
	});
});

test.serial('the right choice says "Right." and saves one right attempt', async t => {
	const {press, frame, saved} = await renderApp(t);
	await press(enter, enter, arrowRight, arrowRight, arrowRight, enter);
	hasLine(t, frame(), ' › Ingress of db ✓');
	hasLine(t, frame(), '   Egress of db');
	hasLine(t, frame(), ' Right.');
	t.false(frame().includes('Not quite.'));
	t.deepEqual(saved.at(-1)?.lessons['traffic-direction']?.checkpoints, {3: {isCorrect: true, attempts: 1}});
});

test.serial('a predict page shows the flow, then the cluster as a table (y: as YAML), and after the answer the evaluator\'s verdict and reason below the question', async t => {
	// A tall terminal, so the whole page is in view without scrolling.
	const {press, frame, saved} = await renderApp(t, {columns: 100, rows: 60});
	await press(enter, enter, arrowRight, arrowRight, arrowRight, arrowRight);
	hasLine(t, frame(), ' Traffic has a direction  page 5 of 6');
	hasLine(t, frame(), ' Flow: default/web -> default/db on 3306/TCP');
	hasLine(t, frame(), ' The cluster (y: as YAML):');
	t.regex(frame(), /^ {3}default +db +role=db +<none> +10\.0\.0\.30$/m, 'the pods as kubectl get pods --show-labels lists them');
	hasLine(t, frame(), '     name: db-policy');
	hasLine(t, frame(), ' ❯ Allowed');
	hasLine(t, frame(), '   Denied');
	t.true(frame().indexOf('Flow:') < frame().indexOf('The cluster'), 'the flow comes before the cluster');
	t.false(frame().includes('The evaluator'), 'the answer is not shown before the learner answers');
	await press('y');
	hasLine(t, frame(), ' The cluster, as YAML (y: as a table):');
	hasLine(t, frame(), '   metadata: {name: db, namespace: default, labels: {role: db}}');
	await press('y');
	hasLine(t, frame(), ' The cluster (y: as YAML):');
	await press(enter);
	hasLine(t, frame(), ' › Allowed');
	hasLine(t, frame(), '   Denied ✓');
	hasLine(t, frame(), ' Not quite.');
	t.true(flattened(frame()).includes('The evaluator: denied: NetworkPolicy \'default/db-policy\' selects default/db for ingress, and no rule allows from default/web on 3306/TCP'), frame());
	t.true(frame().indexOf('Not quite.') < frame().indexOf('The cluster'), 'the verdict comes right below the question, before the cluster');
	t.deepEqual(saved.at(-1)?.lessons['traffic-direction']?.checkpoints, {4: {isCorrect: false, attempts: 1}});
	// Below the cluster, every flow of the cluster on that port, the asked one (web -> db) denied.
	hasLine(t, frame(), ' Every pod to every pod on 3306/TCP (rows: from, columns: to):');
	t.true(frame().includes('(a pod can always reach itself)'), frame());
	const webRow = frame().split('\n').find(line => / 1 web +/.test(line));
	t.truthy(webRow, frame());
	const dbColumn = frame().split('\n').find(line => /^ +1 2 3$/.test(line)) === undefined ? undefined : 3;
	t.is(dbColumn, 3, frame());
	t.is(webRow!.trim().split(/\s+/).at(-1), '·', `web -> db is denied in ${webRow!}`);
});

test.serial('a predict page on 80x24 shows the question, the flow and the choices together; after the answer the question and verdict stay in view; PgDn/d and PgUp/u scroll', async t => {
	const {press, frame, lines} = await renderApp(t, {columns: 80, rows: 24});
	const fits = () => {
		t.true(lines().length < 24, `${lines().length} rows:\n${frame()}`);
		t.true(lines().every(line => line.length <= 80), frame());
	};

	await press(enter, enter, arrowRight, arrowRight, arrowRight, arrowRight);
	t.is(lines()[0], ' Traffic has a direction  page 5 of 6');
	hasLine(t, frame(), ' Flow: default/web -> default/db on 3306/TCP');
	hasLine(t, frame(), ' ❯ Allowed');
	t.true(frame().includes('Can web reach db on TCP 3306?') || frame().includes('Checkpoint'), frame());
	t.regex(frame(), / ↓ \d+ more lines \(PgDn\/d, PgUp\/u\)/);
	fits();
	const top = lines()[0];
	await press(pageDown);
	t.not(lines()[0], top, 'PgDn scrolls');
	hasLine(t, frame(), ' ❯ Allowed');
	fits();
	await press(pageUp);
	t.is(lines()[0], top, 'PgUp scrolls back');
	await press(enter);
	t.is(lines()[0], ' Traffic has a direction  page 5 of 6', 'the answer does not scroll the question away');
	hasLine(t, frame(), ' Flow: default/web -> default/db on 3306/TCP');
	hasLine(t, frame(), ' Not quite.');
	fits();
	await press('d');
	t.not(lines()[0], ' Traffic has a direction  page 5 of 6', 'd scrolls the explanation and the cluster into view');
	await press('u', 'u', 'u');
	t.is(lines()[0], ' Traffic has a direction  page 5 of 6');
});

// The evaluator's reason is wrapped to the terminal before the viewport counts its rows, so an
// answered page keeps below the terminal's height (ink clears the screen at full height).
test.serial('an answered long predict page still fits 80x24', async t => {
	const {press, frame, lines} = await renderApp(t, {columns: 80, rows: 24});
	await press(enter, enter, arrowRight, arrowRight, arrowRight, arrowRight, enter);
	hasLine(t, frame(), ' Not quite.');
	t.true(lines().length < 24, `${lines().length} rows:\n${frame()}`);
});

test.serial('the Progress screen lists every lesson and shows a lesson as started once a page was opened', async t => {
	const {press, frame, lines} = await renderApp(t);
	const trafficLine = (status: string, pages: number) => ` ${status.padEnd(8)}${'Traffic has a direction'.padEnd('Across namespaces: both sides must agree'.length + 2)}${pages}/6 pages, 0/3 right`;
	await press(arrowDown, arrowDown, arrowDown, arrowDown, enter);
	t.is(lines()[0], ' Progress');
	hasLine(t, frame(), ` 0 of ${lessonCount} lessons done, 0 of ${checkpointTotal} checkpoints right.`);
	for (const lesson of lessons) {
		t.true(lines().some(line => line.startsWith(`         ${lesson.title}`)), `${lesson.title} in:\n${frame()}`);
	}

	hasLine(t, frame(), trafficLine('', 0));
	t.is(lines().at(-1), ' Esc/q back  ? help');
	await press(escape);
	hasLine(t, frame(), ' ❯ Progress');
	await press(arrowUp, arrowUp, arrowUp, arrowUp, enter, enter);
	t.is(lines()[0], ' Traffic has a direction  page 1 of 6');
	await press(escape, escape, arrowDown, arrowDown, arrowDown, arrowDown, enter);
	t.is(lines()[0], ' Progress');
	hasLine(t, frame(), trafficLine('started', 1));
});

test.serial('q on home quits: ink lets go of stdin and no further frame is drawn', async t => {
	const {app, press, frame} = await renderApp(t);
	t.is(app.stdin.listenerCount('readable'), 1);
	const before = app.frames.length;
	await press('j');
	t.true(app.frames.length > before, 'a key redraws while the app runs');
	await press('k', 'q');
	t.is(app.stdin.listenerCount('readable'), 0);
	const frames = app.frames.length;
	const last = frame();
	await press('j', enter);
	t.is(app.frames.length, frames);
	t.is(frame(), last);
});

test('runTui without a terminal returns 1 and points to the headless commands', async t => {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const code = await runTui({isInteractive: false, env: {}}, {
		stdout(text) {
			stdout.push(text);
		},
		stderr(text) {
			stderr.push(text);
		},
		isColor: false,
	});
	t.is(code, 1);
	t.deepEqual(stdout, []);
	t.is(stderr.join(''), 'netpol-dojo: the app needs an interactive terminal. Without one, use the headless commands:\n'
		+ '  netpol-dojo challenges   netpol-dojo grade CHALLENGE POLICY.yaml   netpol-dojo eval --flows FLOWS FILE...   (netpol-dojo --help)\n');
});
