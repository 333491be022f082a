// The editor flow with a fake $EDITOR script standing in for vi: which editor runs, how the
// file is handed over, and what grading finds when the editor quits.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {challengeServices, gradeWorkFile} from '../source/commands/challenge-services.js';
import {editorCommand, openInEditor} from '../source/commands/editor.js';
import {answerFile, challengeEntries, root} from './helpers/challenge-entries.js';

const fakeEditor = path.join(root, 'test/fixtures/editor/fake-editor.sh');

function temporaryFolder(): string {
	return mkdtempSync(path.join(tmpdir(), 'netpol-dojo-editor-'));
}

const log = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');

test('the editor is $VISUAL, else $EDITOR, else vi, as git chooses it', t => {
	t.is(editorCommand({VISUAL: 'code --wait', EDITOR: 'nano'}), 'code --wait');
	t.is(editorCommand({VISUAL: '  ', EDITOR: 'nano'}), 'nano');
	t.is(editorCommand({EDITOR: ''}), 'vi');
	t.is(editorCommand({}), 'vi');
});

test('the editor command runs through the shell with its arguments, and the file is passed as one argument', t => {
	const folder = temporaryFolder();
	const logFile = path.join(folder, 'log');
	const file = path.join(folder, 'it\'s a "file" $HOME.yaml');
	writeFileSync(file, 'text');
	const failure = openInEditor(file, {EDITOR: `FAKE_EDITOR_NAME=with-argument ${fakeEditor}`, FAKE_EDITOR_LOG: logFile});
	t.is(failure, undefined);
	t.deepEqual(log(logFile), [`with-argument|${file}`]);
});

test('$VISUAL wins over $EDITOR', t => {
	const folder = temporaryFolder();
	const logFile = path.join(folder, 'log');
	openInEditor(path.join(folder, 'f.yaml'), {VISUAL: `FAKE_EDITOR_NAME=visual ${fakeEditor}`, EDITOR: `FAKE_EDITOR_NAME=editor ${fakeEditor}`, FAKE_EDITOR_LOG: logFile});
	t.deepEqual(log(logFile).map(line => line.split('|')[0]), ['visual']);
});

test('an editor that does not exist is reported in a sentence that says what to set', t => {
	const failure = openInEditor(path.join(temporaryFolder(), 'f.yaml'), {EDITOR: 'no-such-editor-here'});
	t.is(failure, 'the editor "no-such-editor-here" could not be run; set $VISUAL or $EDITOR to one you have (for example EDITOR=nano)');
});

test('an editor that exits with an error (vi\'s :cq) still leaves the file to grade', t => {
	t.is(openInEditor(path.join(temporaryFolder(), 'f.yaml'), {EDITOR: fakeEditor, FAKE_EDITOR_STATUS: '1'}), undefined);
});

test('raw mode is handed back to the terminal for the editor and taken again after', t => {
	const calls: boolean[] = [];
	openInEditor(path.join(temporaryFolder(), 'f.yaml'), {EDITOR: fakeEditor}, {
		isTTY: true,
		setRawMode(isRaw) {
			calls.push(isRaw);
		},
	});
	t.deepEqual(calls, [false, true]);
	const notTerminal: boolean[] = [];
	openInEditor(path.join(temporaryFolder(), 'f.yaml'), {EDITOR: fakeEditor}, {
		isTTY: false,
		setRawMode(isRaw) {
			notTerminal.push(isRaw);
		},
	});
	t.deepEqual(notTerminal, [], 'a pipe has no raw mode to change');
});

test('editFile creates the learner\'s file with the task before the editor opens, and never overwrites it', t => {
	const data = temporaryFolder();
	const db = challengeEntries(data).find(entry => entry.challenge.id === 'db-policy')!;
	const saw = path.join(data, 'saw');
	const env: Record<string, string> = {EDITOR: fakeEditor, FAKE_EDITOR_SAW: saw};
	const services = challengeServices(data, env, {});
	t.is(services.editFile(db.workFile, db.initialText), undefined);
	t.is(readFileSync(saw, 'utf8'), db.initialText);
	t.true(db.initialText.startsWith('# Challenge db-policy: Only the API may reach the database\n'));
	writeFileSync(db.workFile, 'my work\n');
	services.editFile(db.workFile, db.initialText);
	t.is(readFileSync(saw, 'utf8'), 'my work\n', 'the second edit opens the learner\'s work, not the task again');
});

test('the editor flow end to end: a wrong answer is graded with the failed flow and its reason, then the fix passes', t => {
	const data = temporaryFolder();
	const db = challengeEntries(data).find(entry => entry.challenge.id === 'db-policy')!;
	const env: Record<string, string> = {EDITOR: fakeEditor, FAKE_EDITOR_ANSWER: answerFile('wrong/db-policy/also-egress.yaml')};
	const services = challengeServices(data, env, {});
	t.is(services.editFile(db.workFile, db.initialText), undefined);
	const wrong = services.gradeFile(db.challenge, db.workFile, db.initialText);
	if (wrong.kind !== 'graded') {
		t.fail(`expected a grade, got ${JSON.stringify(wrong)}`);
		return;
	}

	t.false(wrong.report.passed);
	t.like(wrong.report.failures[0], {expected: 'allow', got: 'deny', flow: {from: 'default/db', to: 'default/api', port: 8080}});
	t.is(wrong.report.failures[0]!.reason, 'NetworkPolicy \'default/db-policy\' selects default/db for egress, and no rule allows to default/api on 8080/TCP');
	env['FAKE_EDITOR_ANSWER'] = path.join(root, 'challenges/db-policy/solution.yaml');
	services.editFile(db.workFile, db.initialText);
	const right = services.gradeFile(db.challenge, db.workFile, db.initialText);
	t.like(right, {kind: 'graded', report: {passed: true, score: 1, failures: []}});
});

test('a file left as it started is not graded, so the skeleton never passes a default-deny task', t => {
	const data = temporaryFolder();
	const deny = challengeEntries(data).find(entry => entry.challenge.id === 'default-deny-ingress')!;
	const services = challengeServices(data, {EDITOR: fakeEditor}, {});
	services.editFile(deny.workFile, deny.initialText);
	t.deepEqual(gradeWorkFile(deny.challenge, deny.workFile, deny.initialText), {kind: 'unchanged'});
	writeFileSync(deny.workFile, `${deny.initialText}  policyTypes: [Ingress]\n`);
	t.like(gradeWorkFile(deny.challenge, deny.workFile, deny.initialText), {kind: 'graded', report: {passed: true}});
});

test('start afresh keeps the old file beside the new one and says where', t => {
	const data = temporaryFolder();
	const db = challengeEntries(data).find(entry => entry.challenge.id === 'db-policy')!;
	const services = challengeServices(data, {EDITOR: fakeEditor}, {});
	services.editFile(db.workFile, db.initialText);
	writeFileSync(db.workFile, 'my first try\n');
	const sentence = services.resetFile(db.workFile, db.initialText);
	const kept = /kept as (.*)$/.exec(sentence)?.[1];
	t.truthy(kept, sentence);
	t.is(readFileSync(kept!, 'utf8'), 'my first try\n');
	t.is(readFileSync(db.workFile, 'utf8'), db.initialText);
	t.is(path.dirname(kept!), path.dirname(db.workFile));
});

test('a file made by an older version, its comments laid out otherwise but its policies untouched, is still not graded', t => {
	const data = temporaryFolder();
	const deny = challengeEntries(data).find(entry => entry.challenge.id === 'default-deny-ingress')!;
	const services = challengeServices(data, {EDITOR: fakeEditor}, {});
	services.editFile(deny.workFile, deny.initialText);
	writeFileSync(deny.workFile, `# an older header\n# with other comments\n\n${deny.initialText.slice(deny.initialText.indexOf('apiVersion'))}`);
	t.deepEqual(gradeWorkFile(deny.challenge, deny.workFile, deny.initialText), {kind: 'unchanged'});
});

test('a written line that changes no policy (egress: [] under the skeleton) is still an attempt, and is graded', t => {
	const data = temporaryFolder();
	const egress = challengeEntries(data).find(entry => entry.challenge.id === 'default-deny-egress')!;
	const services = challengeServices(data, {EDITOR: fakeEditor}, {});
	services.editFile(egress.workFile, egress.initialText);
	writeFileSync(egress.workFile, `${egress.initialText}  egress: []\n`);
	t.like(gradeWorkFile(egress.challenge, egress.workFile, egress.initialText), {kind: 'graded', report: {passed: false}});
});
