// The learner's path at 80x24, as a trial in the terminal walked it: a hint seen at once, the
// matrix's differing cell under its own column, the next challenge one key away, a headline that
// names the real problem, words that stay true after a start afresh, paths and headers that wrap
// whole, choices without backticks, the lesson's end pointing to its challenges.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {render} from 'ink-testing-library';
import {challengeServices} from '../source/commands/challenge-services.js';
import {loadLessons} from '../source/commands/load-content.js';
import {durationText} from '../source/format/duration.js';
import {wrapText} from '../source/format/wrap.js';
import {emptyProgress} from '../source/progress/model.js';
import {App} from '../source/tui/app.js';
import {drillQuestions} from '../source/grading/drill.js';
import {predictAll} from '../source/grading/predictions.js';
import {initialState} from '../source/tui/state/state.js';
import {answerFile, challengeEntries, root} from './helpers/challenge-entries.js';
import {driveApp, keys} from './helpers/drive-app.js';

const fakeEditor = path.join(root, 'test/fixtures/editor/fake-editor.sh');
const {lessons} = loadLessons(path.join(root, 'lessons'));
const predictions = predictAll(lessons);
const {arrowDown, arrowRight, enter, escape} = keys;
const small = {columns: 80, rows: 24};

/** The whole app (lessons and the built-in challenges) at 80x24, its files under `dataParent`. */
async function renderAt80x24(t: ExecutionContext, dataParent = tmpdir()) {
	const data = mkdtempSync(path.join(dataParent, 'netpol-dojo-path-'));
	const entries = challengeEntries(data);
	const env: Record<string, string> = {EDITOR: fakeEditor};
	const state = initialState(lessons, emptyProgress(), predictions, {
		challenges: entries,
		drillQuestions: drillQuestions(entries.map(entry => entry.challenge)),
		seed: 11,
		editorName: 'vi',
	});
	const app = render(<App initialState={state} services={{
		saveProgress: () => undefined,
		challenges: challengeServices(data, env, {}, {debounceMilliseconds: 50, pollMilliseconds: 200}),
	}}/>);
	const driven = await driveApp(t, app, small);
	const fits = () => {
		t.true(driven.lines().length < 24, `${driven.lines().length} rows:\n${driven.frame()}`);
		t.true(driven.lines().every(line => line.length <= 80), driven.frame());
	};

	return {app, data, entries, env, fits, ...driven};
}

const flattened = (frame: string) => frame.replaceAll(/\s*\n\s*/g, ' ');

test.serial('a hint asked for after a long failed grade is on screen at once, above the grade', async t => {
	const {env, press, frame, waitFor, fits} = await renderAt80x24(t);
	await press(arrowDown, enter, enter);
	env['FAKE_EDITOR_ANSWER'] = answerFile('wrong/db-policy/also-egress.yaml');
	await press('e');
	await waitFor('Not passed');
	t.false(frame().includes('Hint 1:'));
	await press('n');
	t.true(frame().includes('hints 1 of 3'), frame());
	t.true(frame().includes('Hint 1: Which pods does the policy protect?'), frame());
	t.true(frame().indexOf('Hint 1:') < frame().indexOf('Not passed'), 'the hint comes before the grade');
	fits();
	await press('n');
	t.true(frame().includes('Hint 2:'), frame());
	fits();
});

test.serial('the matrix after a failed grade brackets the differing cell under its own column number', async t => {
	const {env, press, frame, waitFor, fits, lines} = await renderAt80x24(t);
	await press(arrowDown, enter, enter);
	env['FAKE_EDITOR_ANSWER'] = answerFile('wrong/db-policy/also-egress.yaml');
	await press('e');
	await waitFor('Not passed');
	await press('m');
	t.true(frame().includes('yours deny, expected allow: default/db -> default/api'), frame());
	fits();
	// At 80 columns the grids name their pods in a legend below; in "Yours", db's row brackets
	// the cells of the pairs that differ, each under its own column's number.
	const yoursSide = lines().map(line => line.split('│')[0]!.trimEnd());
	const heads = yoursSide.findIndex(line => line.trim() === 'Yours');
	const header = yoursSide[heads + 1]!;
	const gridRows = yoursSide.slice(heads + 2).filter(line => /^ +\d+ +[[ ]/.test(line));
	// The legend (number, pod) may be below the fold: read it after a scroll too.
	await press('d');
	const legend = [...yoursSide, ...lines().map(line => line.split('│')[0]!.trimEnd())].filter(line => /^ +\d+ [a-z-]+\/\S+$/.test(line));
	const numberOf = (name: string) => legend.find(line => line.trim().endsWith(` ${name}`))!.trim().split(' ')[0]!;
	const dbRow = gridRows.find(line => line.trim().startsWith(`${numberOf('default/db')} `))!;
	const bracketed = [...dbRow.matchAll(/\[/g)].map(match => header[match.index + 1]);
	const others = [...new Set(legend.map(line => line.trim().split(' ')[1]!))].filter(name => name !== 'default/db');
	t.true(others.includes('default/api') && others.includes('monitoring/prometheus-0'), others.join(', '));
	t.deepEqual(bracketed, others.map(name => numberOf(name)).sort(), `${header}\n${dbRow}`);
	t.is(gridRows.filter(line => line.includes('[')).length, 1, 'only db\'s row differs');
});

test.serial('Esc on the home screen does not quit; q does', async t => {
	const {app, press, frame} = await renderAt80x24(t);
	await press(escape);
	t.true(frame().includes('❯ Lessons'), frame());
	t.true(frame().includes('q quit'));
	await press('q');
	t.is(app.lastFrame(), app.frames.at(-1));
});

test.serial('after a pass Enter opens the next unsolved challenge, and the list opens on the next unsolved one', async t => {
	const {env, entries, press, frame, waitFor, fits} = await renderAt80x24(t);
	await press(arrowDown, enter);
	t.true(frame().includes(`❯   easy    ${entries[0]!.name}`), 'the list opens on the first unsolved challenge');
	await press(enter);
	env['FAKE_EDITOR_ANSWER'] = path.join(root, 'challenges/db-policy/solution.yaml');
	await press('e');
	await waitFor('Passed: every flow is decided as the task asks');
	t.true(frame().includes('Enter next challenge'), frame());
	fits();
	await press(enter);
	t.true(frame().startsWith(` ${entries[1]!.challenge.title}`), frame());
	await press(escape);
	t.true(frame().includes(`❯   easy    ${entries[1]!.name}`), 'an unsolved challenge keeps the cursor');
	await press(escape);
	t.true(frame().includes('❯ Challenges'), frame());
	await press(enter);
	t.true(frame().includes(`❯   easy    ${entries[1]!.name}`), `from home, the list opens on the first unsolved one:\n${frame()}`);
});

test.serial('a solved challenge left with Esc moves the list\'s cursor to the next unsolved one', async t => {
	const {env, entries, press, frame, waitFor} = await renderAt80x24(t);
	await press(arrowDown, enter, enter);
	env['FAKE_EDITOR_ANSWER'] = path.join(root, 'challenges/db-policy/solution.yaml');
	await press('e');
	await waitFor('Passed');
	await press(escape);
	t.true(frame().includes(`❯   easy    ${entries[1]!.name}`), frame());
	t.regex(frame(), /db-policy +Only the API may reach the database/);
});

test.serial('a policy with another name than the task asks for is the headline, not "9 of 9 cases"', async t => {
	const {data, env, press, frame, waitFor} = await renderAt80x24(t);
	const renamed = path.join(data, 'renamed.yaml');
	writeFileSync(renamed, readFileSync(path.join(root, 'challenges/db-policy/solution.yaml'), 'utf8').replace('name: db-policy', 'name: db-access'));
	await press(arrowDown, enter, enter);
	env['FAKE_EDITOR_ANSWER'] = renamed;
	await press('e');
	await waitFor('Not passed');
	t.true(flattened(frame()).includes('Not passed: the task asks for NetworkPolicy default/db-policy, and your file has no such policy'), frame());
});

test.serial('after x (start afresh), the solution screen does not claim the new file passed', async t => {
	const {env, press, frame, waitFor} = await renderAt80x24(t);
	await press(arrowDown, enter, enter);
	env['FAKE_EDITOR_ANSWER'] = path.join(root, 'challenges/db-policy/solution.yaml');
	await press('e');
	await waitFor('Passed');
	await press('s');
	t.true(flattened(frame()).includes('yours decides every flow as it does'), frame());
	await press(escape, 'x');
	t.true(frame().includes('Start this challenge afresh?'), frame());
	await press('y');
	await waitFor('kept');
	await press('s');
	t.false(flattened(frame()).includes('yours decides every flow as it does'), frame());
	t.true(flattened(frame()).includes('your file as it is now is not graded yet (press r)'), frame());
	t.true(frame().includes('(grade your file to see it here: press r)'), frame());
});

test.serial('at 80 columns a long file path breaks after a slash, never inside a name', async t => {
	const parent = path.join(tmpdir(), 'a-rather-long-folder-for-the-learners-work', 'another-level-of-folders');
	mkdirSync(parent, {recursive: true});
	const {entries, press, lines} = await renderAt80x24(t, parent);
	await press(arrowDown, enter, enter);
	const file = entries[0]!.workFile;
	t.true(`Your file: ${file}`.length > 78, 'the path does not fit one row');
	const start = lines().findIndex(line => line.startsWith(' Your file:'));
	const rows = lines().slice(start, start + 3).map(line => line.slice(1));
	const joined = rows.join('').replace('Your file: ', '').replace('Your file:', '');
	t.true(joined.startsWith(file), rows.join('\n'));
	const pieces = rows.filter(row => !row.startsWith('Your file:') || row.length > 'Your file: '.length);
	for (const piece of pieces.slice(0, -1)) {
		t.true(piece.endsWith('/') || piece === 'Your file:', `a row ends inside a name: ${piece}`);
	}
});

test('wrapText breaks a word longer than the line after its last slash that fits', t => {
	t.deepEqual(wrapText('Your file: /home/learner/.local/share/netpol-dojo/work/built-in/default-deny-egress.yaml', 40), [
		'Your file:',
		'/home/learner/.local/share/netpol-dojo/',
		'work/built-in/default-deny-egress.yaml',
	]);
	t.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij'], 'with no slash, at the width');
});

test.serial('the drill\'s cluster header wraps at 80 columns instead of being cut', async t => {
	const {press, frame, fits} = await renderAt80x24(t);
	await press(arrowDown, arrowDown, enter);
	t.true(frame().startsWith(' Verdict drill'), frame());
	t.true(flattened(frame()).includes('with its reference solution applied:'), frame());
	t.false(frame().includes('…'), frame());
	fits();
});

test.serial('choices written with `code` show the code without backticks, before and after the answer', async t => {
	const {press, frame, fits} = await renderAt80x24(t);
	const ports = lessons.findIndex(lesson => lesson.id === 'ports');
	await press(enter, ...Array.from({length: ports}, () => arrowDown));
	// The lessons list opens on the first lesson not done: the first one here.
	await press(enter);
	for (let page = 1; page < 7; page++) {
		await press(arrowRight);
	}

	t.true(frame().includes('page 7 of'), frame());
	t.true(frame().includes('{port: 8000, endPort: 8100}'), frame());
	t.false(frame().includes('`'), frame());
	fits();
	await press(enter);
	t.true(frame().includes('{port: 8000, endPort: 8100}'), frame());
	t.false(frame().includes('`'), frame());
});

test.serial('a lesson\'s last page points to the challenges that practise it, and c opens the first unsolved one', async t => {
	const {press, frame, lines} = await renderAt80x24(t);
	await press(enter, enter);
	const lesson = lessons[0]!;
	for (let page = 1; page < lesson.pages.length; page++) {
		await press(arrowRight);
	}

	t.true(frame().includes(`page ${lesson.pages.length} of ${lesson.pages.length}`), frame());
	t.true(frame().includes('c practise'), frame());
	await press('d', 'd', 'd', 'd', 'd');
	t.true(frame().includes('Practise it'), frame());
	t.true(frame().includes(`Press c to open ${lesson.practice[0]!}.`), frame());
	await press('c');
	t.true(lines()[1]!.startsWith(` ${lesson.practice[0]!} · `), frame());
});

test('one duration format everywhere: seconds under a minute, then minutes, then hours', t => {
	t.is(durationText(0), '0 s');
	t.is(durationText(39), '39 s');
	t.is(durationText(60), '1 min');
	t.is(durationText(89), '1 min');
	t.is(durationText(90), '2 min');
	t.is(durationText(3599), '1 h 00 min');
	t.is(durationText(3900), '1 h 05 min');
});

test('every lesson\'s practice ids are built-in challenges', t => {
	const ids = new Set(challengeEntries(tmpdir()).map(entry => entry.challenge.id));
	for (const lesson of lessons) {
		t.true(lesson.practice.length > 0, `${lesson.id} points to no challenge`);
		for (const id of lesson.practice) {
			t.true(ids.has(id), `${lesson.id}: ${id} is no built-in challenge`);
		}
	}
});
