// The challenge screens driven by keys, with the real services and a fake $EDITOR: write a wrong
// policy, read the feedback, fix it, pass; watch mode; the exam from start to review.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {render} from 'ink-testing-library';
import {challengeServices} from '../source/commands/challenge-services.js';
import {loadChallengeEntries} from '../source/commands/challenge-entries.js';
import {installPack} from '../source/content/installed-packs.js';
import {loadPack} from '../source/commands/load-content.js';
import {challengeProgress} from '../source/progress/challenge-model.js';
import {emptyProgress, type Progress} from '../source/progress/model.js';
import {App} from '../source/tui/app.js';
import {drillQuestions} from '../source/grading/drill.js';
import {initialState} from '../source/tui/state/state.js';
import {answerFile, challengeEntries, root} from './helpers/challenge-entries.js';
import {delay, driveApp, keys, type Size} from './helpers/drive-app.js';

const fakeEditor = path.join(root, 'test/fixtures/editor/fake-editor.sh');
const {arrowDown, enter, escape} = keys;

async function renderChallenges(t: ExecutionContext, size?: Size) {
	const data = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-app-'));
	const entries = challengeEntries(data);
	const env: Record<string, string> = {EDITOR: fakeEditor};
	const saved: Progress[] = [];
	const state = initialState([], emptyProgress(), new Map(), {
		challenges: entries,
		drillQuestions: drillQuestions(entries.map(entry => entry.challenge)),
		seed: 11,
		editorName: 'vi',
	});
	const app = render(<App initialState={state} services={{
		saveProgress(progress) {
			saved.push(progress);
			return undefined;
		},
		challenges: challengeServices(data, env, {}, {debounceMilliseconds: 50, pollMilliseconds: 200}),
	}}/>);
	return {app, data, entries, env, saved, ...await driveApp(t, app, size)};
}

test.serial('db-policy: a wrong policy from the editor gets the failed flow and its reason; the fix passes and offers the solution', async t => {
	const {env, entries, saved, press, frame, waitFor} = await renderChallenges(t);
	const db = entries.find(entry => entry.challenge.id === 'db-policy')!;
	t.is(entries[0], db, 'db-policy is the first challenge');
	await press(arrowDown, enter);
	t.true(frame().includes('❯   easy    db-policy'), frame());
	await press(enter);
	t.true(frame().startsWith(' Only the API may reach the database\n db-policy · easy'), frame());
	t.true(frame().includes(`Your file: ${db.workFile}`));
	t.true(frame().includes('Press e to write your policy in vi'));
	env['FAKE_EDITOR_ANSWER'] = answerFile('wrong/db-policy/also-egress.yaml');
	await press('e');
	await waitFor('Not passed: 8 of 9 hidden cases hold (89%).');
	t.true(frame().includes('✗ default/db -> default/api TCP 8080: your policies deny it at the egress of default/db; the'), frame());
	t.true(frame().includes('yours: NetworkPolicy \'default/db-policy\' selects default/db for egress'), frame());
	t.false(frame().includes('s solution'), 'no solution before a pass');
	await press('m');
	t.true(frame().includes('Who may connect to whom on 8080/TCP (rows: from, columns: to) · port 1 of'), frame());
	t.true(frame().includes('yours deny, expected allow: default/db -> default/api'), frame());
	t.true(frame().includes('Yours') && frame().includes('│ Expected'), frame());
	await press(escape);
	env['FAKE_EDITOR_ANSWER'] = path.join(root, 'challenges/db-policy/solution.yaml');
	await press('e');
	await waitFor('Passed: every flow is decided as the task asks; all 9 hidden cases hold.');
	t.true(frame().includes('s solution'));
	// Progress is saved in an effect just after the frame is drawn.
	await delay(100);
	const last = saved.at(-1)!;
	t.like(challengeProgress(last, db.key), {attempts: 2, isSolved: true, bestScore: 1});
	await press('s');
	t.true(frame().includes('Yours'), frame());
	t.true(frame().includes('│ Reference'), frame());
	await press(escape);
	t.true(frame().includes('Passed: every flow is decided as the task asks; all 9 hidden cases hold.'));
});

test.serial('watch mode grades each save made outside the app, and r grades by hand', async t => {
	const {entries, press, frame, waitFor} = await renderChallenges(t);
	const db = entries[0]!;
	await press(arrowDown, enter, enter, 'w');
	await waitFor('Watching your file: each save is graded');
	// Another pane saves a wrong answer, then the right one.
	writeFileSync(db.workFile, `${db.initialText.split('\napiVersion')[0]!}\n${await readAnswer(answerFile('wrong/db-policy/select-all-pods.yaml'))}`);
	await waitFor('Not passed');
	writeFileSync(db.workFile, await readAnswer(path.join(root, 'challenges/db-policy/solution.yaml')));
	await waitFor('Passed: every flow is decided as the task asks; all 9 hidden cases hold.');
	await press('w');
	t.false(frame().includes('Watching your file'));
	writeFileSync(db.workFile, await readAnswer(answerFile('wrong/db-policy/no-ports.yaml')));
	await delay(600);
	t.true(frame().includes('Passed: every flow is decided as the task asks; all 9 hidden cases hold.'), 'no grading once watching is off');
	await press('r');
	await waitFor('Not passed');
});

async function readAnswer(file: string): Promise<string> {
	const {readFile} = await import('node:fs/promises');
	return readFile(file, 'utf8');
}

test.serial('a graded challenge fits 80x24 and scrolls to the cluster', async t => {
	const {env, press, frame, waitFor} = await renderChallenges(t, {columns: 80, rows: 24});
	env['FAKE_EDITOR_ANSWER'] = answerFile('wrong/db-policy/also-egress.yaml');
	await press(arrowDown, enter, enter, 'e');
	await waitFor('Not passed');
	t.true(frame().split('\n').length < 24, frame());
	t.true(frame().includes('more lines (PgDn/d, PgUp/u)'), frame());
	await press('d', 'd', 'd');
	t.true(frame().includes('prometheus-0'), frame());
});

test.serial('the exam: start the clock, answer a task in the editor, finish, and review the weighted score', async t => {
	const {env, entries, saved, press, frame, waitFor} = await renderChallenges(t);
	await press(arrowDown, arrowDown, arrowDown, enter);
	t.true(frame().startsWith(' Exam'), frame());
	t.true(frame().includes('6 tasks in'), frame());
	await press(enter);
	await waitFor('(not started)');
	const firstTitle = /❯ 1\. +\d+% {2}(.*) {2}\(not started\)/.exec(frame())?.[1];
	const first = entries.find(entry => entry.challenge.title === firstTitle);
	if (!first) {
		t.fail(`no first task title in:\n${frame()}`);
		return;
	}

	env['FAKE_EDITOR_ANSWER'] = path.join(root, 'challenges', first.challenge.id, 'solution.yaml');
	await press(enter, 'e');
	await waitFor('kubectl would accept your file (it is graded when the exam ends).');
	t.false(frame().includes('Passed'), 'no grade during the exam');
	await press(escape);
	t.true(frame().includes('(accepted by kubectl)'), frame());
	await press('f');
	t.true(frame().includes('Finish the exam and grade every task now? y yes, n no'));
	await press('y');
	await waitFor('Exam result');
	t.true(frame().includes(`✓ `), frame());
	t.true(/ \d+%: not passed \(the pass mark is 67%\)\./.test(frame()), frame());
	t.true(frame().includes(`❯ ✓`), 'the first task passed');
	await delay(100);
	t.is(saved.at(-1)?.exams?.length, 1);
	await press(enter);
	t.true(frame().includes('Passed: every flow'), frame());
	t.true(frame().includes('A reference solution'), frame());
	// The learner's own file beside the reference, as on the solution screen.
	t.regex(frame(), / Yours +│ Reference/, frame());
	const name = /^ {2}name: (\S+)$/m.exec(first.challenge.solutionText ?? '')?.[1] ?? '';
	t.not(name, '', 'the reference names its first object');
	t.regex(frame(), new RegExp(` {3}name: ${name} +│ {3}name: ${name}`), frame());
});

test.serial('the verdict drill shows the flow first and answers with the evaluator\'s reason', async t => {
	const {press, frame, saved} = await renderChallenges(t);
	await press(arrowDown, arrowDown, enter);
	t.true(frame().startsWith(' Verdict drill'), frame());
	t.true(frame().includes('Allowed or denied? Press a or d.'));
	await press('a');
	t.true(/ (Right|Not quite): it is (allowed|denied) \(you said allowed, in \d+\.\d s\)\./.test(frame()), frame());
	t.true(frame().includes('The evaluator: '));
	await delay(100);
	t.is(saved.at(-1)?.drill?.answered, 1);
	await press(enter);
	t.true(frame().includes('Allowed or denied? Press a or d.'));
});

test.serial('the app draws home first and reads the challenges just after, then lists them', async t => {
	const data = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-app-'));
	let calls = 0;
	const app = render(<App
		initialState={initialState([], emptyProgress(), new Map())}
		services={{saveProgress: () => undefined}}
		loadChallenges={() => {
			calls++;
			const entries = challengeEntries(data);
			return {challenges: entries, drillQuestions: [], seed: 1, editorName: 'nano', problems: ['Challenge left out: x/challenge.yaml:3:1: title: Required value']};
		}}
	/>);
	const firstFrame = app.frames[0] ?? '';
	const {press, frame, waitFor} = await driveApp(t, app);
	t.true(firstFrame.includes('Challenges: reading…'), firstFrame);
	await waitFor(`Challenges solved: 0 of ${loadPack(path.join(root, 'challenges')).challenges.length}`);
	t.is(calls, 1);
	await press(arrowDown, enter);
	t.true(frame().includes('Challenge left out: x/challenge.yaml:3:1: title: Required value'), frame());
	await press(enter);
	t.true(frame().includes('Press e to write your policy in nano'), frame());
});

test('the app lists the --pack pack first, then the built-in one, then added packs; a repeated id is left out with a sentence', t => {
	const data = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-packs-'));
	const clean = path.join(root, 'test/fixtures/packs/clean');
	installPack(clean, loadPack(clean), data, false);
	const added = loadChallengeEntries(data);
	t.is(added.entries[0]!.name, 'db-policy', 'the built-in pack first when no --pack is given');
	t.is(added.entries.at(-1)!.name, 'clean/db-policy');
	t.is(added.entries.at(-1)!.workFile, path.join(data, 'work', 'clean', 'db-policy.yaml'));
	t.deepEqual(added.problems, []);
	const explicit = loadChallengeEntries(data, loadPack(clean));
	t.is(explicit.entries[0]!.name, 'clean/db-policy');
	t.is(explicit.entries.filter(entry => entry.key === 'clean/db-policy').length, 1);
	t.deepEqual(explicit.problems, [`Pack ${path.join(data, 'packs', 'clean')} left out: a pack with id clean is already listed`]);
});

test.serial('after the terminal is resized, the challenge list still describes and opens the highlighted challenge', async t => {
	const {entries, press, frame, resize} = await renderChallenges(t, {columns: 80, rows: 24});
	await press(arrowDown, enter);
	for (let step = 0; step < 23; step++) {
		 
		await press('j');
	}

	resize({columns: 120, rows: 40});
	await delay(100);
	await press('k');
	const highlighted = /❯ . \w+ +(\S+)/.exec(frame())?.[1];
	const entry = entries.find(candidate => candidate.name === highlighted);
	t.truthy(entry, frame());
	t.true(frame().includes(entry!.challenge.topics.join(', ')), `the footer describes ${highlighted!}:\n${frame()}`);
	await press(enter);
	t.true(frame().startsWith(` ${entry!.challenge.title}`), frame());
});

test.serial('an exam whose files cannot be written says so on its introduction, and a task that cannot be graded does not stop the others', async t => {
	const data = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-app-'));
	const entries = challengeEntries(data);
	const real = challengeServices(data, {}, {});
	let isFull = true;
	const app = render(<App
		initialState={initialState([], emptyProgress(), new Map(), {challenges: entries, drillQuestions: [], seed: 11, editorName: 'vi'})}
		services={{
			saveProgress: () => undefined,
			challenges: {
				...real,
				startExam(tasks) {
					if (isFull) {
						throw new Error('no space left on the device, ENOSPC');
					}

					return real.startExam(tasks);
				},
				gradeFile(challenge, file, initialText) {
					if (challenge.difficulty === 'easy') {
						throw new Error('a bug');
					}

					return real.gradeFile(challenge, file, initialText);
				},
			},
		}}
	/>);
	const {press, frame, waitFor} = await driveApp(t, app);
	await press(arrowDown, arrowDown, arrowDown, enter, enter);
	await waitFor('The exam could not start: no space left on the device, ENOSPC');
	isFull = false;
	await press(enter);
	await waitFor('(not started)');
	await press('f', 'y');
	await waitFor('Exam result');
	t.true(frame().includes('0%: not passed'), frame());
});

test.serial('a resize redraws the screen at once, without waiting for a key', async t => {
	const {press, frame, resize, waitFor} = await renderChallenges(t, {columns: 80, rows: 24});
	await press(arrowDown, enter);
	const listed = () => frame().split('\n').filter(line => / (easy|medium|hard) {2}/.test(line)).length;
	const before = listed();
	resize({columns: 120, rows: 40});
	await waitFor('tier-expressions');
	t.true(listed() > before, `${before} rows before, ${listed()} after:\n${frame()}`);
});
