// Reading a learner's file for grading in the app (content/submission.ts) and grading it
// (commands/challenge-services.ts gradeWorkFile), against real files in a temp folder: what is
// graded, what is reported as empty, unchanged or invalid, and with which exact messages.
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {gradeWorkFile} from '../source/commands/challenge-services.js';
import {loadPack} from '../source/commands/load-content.js';
import {readSubmission} from '../source/content/submission.js';
import {taskFileText} from '../source/format/task-file.js';
import {describeFailure} from '../source/grading/grade.js';

const {challenges} = loadPack(path.resolve(import.meta.dirname, '../../challenges'));
const dbPolicy = challenges.find(challenge => challenge.id === 'db-policy')!;
const rightAnswer = path.resolve(import.meta.dirname, '../../challenges/db-policy/solution.yaml');
const wrongAnswers = path.resolve(import.meta.dirname, '../../test/fixtures/challenge-answers/wrong/db-policy');

// Any C0 control but tab and newline, DEL, or any C1 control.
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function folder(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-submission-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

function fileWith(t: ExecutionContext, text: string, name = 'answer.yaml'): string {
	const file = path.join(folder(t), name);
	writeFileSync(file, text);
	return file;
}

const header = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: default}\n';
const policyText = `${header}spec:\n  podSelector: {}\n`;
const podText = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x, namespace: default}\n';

// --- readSubmission

test('a file of comments only is empty', t => {
	t.deepEqual(readSubmission(fileWith(t, '# my notes\n\n#   more notes\n')), {kind: 'empty'});
});

test('an empty file, and one of blank lines, are empty', t => {
	t.deepEqual(readSubmission(fileWith(t, '')), {kind: 'empty'});
	t.deepEqual(readSubmission(fileWith(t, '\n\n   \n')), {kind: 'empty'});
});

test('a file of empty documents (--- only) is empty', t => {
	t.deepEqual(readSubmission(fileWith(t, '# first\n---\n# second\n---\n')), {kind: 'empty'});
});

test('a policy is read with no notes', t => {
	const submission = readSubmission(fileWith(t, policyText));
	t.is(submission.kind, 'policies');
	if (submission.kind === 'policies') {
		t.deepEqual(submission.notes, []);
		t.deepEqual(submission.policies.map(item => `${item.namespace}/${item.name}`), ['default/p']);
	}
});

test('a missing file is invalid, named', t => {
	const file = path.join(folder(t), 'never-written.yaml');
	t.deepEqual(readSubmission(file), {kind: 'invalid', problems: [`${file}: no such file`]});
});

test('invalid YAML is reported with file, line and column', t => {
	const file = fileWith(t, 'a: [\n');
	const submission = readSubmission(file);
	t.is(submission.kind, 'invalid');
	if (submission.kind === 'invalid') {
		t.is(submission.problems.length, 1);
		t.true(submission.problems[0]!.startsWith(`${file}:2:1: invalid YAML: `), submission.problems[0]);
	}
});

test('an unknown field is reported as kubectl would, naming the field, at its line and column', t => {
	const file = fileWith(t, `${header}spec:\n  podSelectr: {}\n`);
	t.deepEqual(readSubmission(file), {kind: 'invalid', problems: [`${file}:5:3: NetworkPolicy "default/p": unknown field "spec.podSelectr"`]});
});

test('every problem of the file is reported, in order', t => {
	const file = fileWith(t, `${header}spec:\n  podSelector: {}\n  ingres: []\n---\n${header.replace('name: p', 'name: q')}spec:\n  podSelector: {}\n  policyTypes: [Ingres]\n`);
	t.deepEqual(readSubmission(file), {kind: 'invalid', problems: [
		`${file}:6:3: NetworkPolicy "default/p": unknown field "spec.ingres"`,
		`${file}:13:17: NetworkPolicy "default/q": spec.policyTypes[0]: Unsupported value: "Ingres": supported values: "Ingress", "Egress"`,
	]});
});

test('a Pod beside a policy is ignored, with a note; the policy is read', t => {
	const submission = readSubmission(fileWith(t, `${podText}---\n${policyText}`));
	t.is(submission.kind, 'policies');
	if (submission.kind === 'policies') {
		t.deepEqual(submission.policies.map(item => item.name), ['p']);
		t.deepEqual(submission.notes, ['1 object that is not a NetworkPolicy was ignored: grading applies only your NetworkPolicies.']);
	}
});

test('several objects that are not policies are counted in one note', t => {
	const submission = readSubmission(fileWith(t, `${podText}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: default}\n---\n${policyText}`));
	t.like(submission, {kind: 'policies', notes: ['3 objects that are not NetworkPolicies were ignored: grading applies only your NetworkPolicies.']});
});

test('a file with only a Pod has no NetworkPolicy in it', t => {
	const file = fileWith(t, podText);
	t.deepEqual(readSubmission(file), {kind: 'invalid', problems: [`${file}: has no NetworkPolicy in it (kind: NetworkPolicy, apiVersion: networking.k8s.io/v1)`]});
});

test('a warning (a CIDR with host bits set) becomes a note, the policy is still read', t => {
	const file = fileWith(t, `${header}spec:\n  podSelector: {}\n  ingress:\n    - from:\n        - ipBlock: {cidr: 10.0.1.7/16}\n`);
	const submission = readSubmission(file);
	t.like(submission, {kind: 'policies', notes: [`Warning: ${file}:8:27: NetworkPolicy "default/p": spec.ingress[0].from[0].ipBlock.cidr: CIDR value "10.0.1.7/16" has host bits set: it stands for the network "10.0.0.0/16"`]});
});

// The `grade` command warns about a skipped object that was surely meant to be read
// (source/commands/io.ts printSkipped: "did you mean kind: NetworkPolicy?"); readSubmission only
// counts it as "not a NetworkPolicy", so in the app a misspelt kind silently drops the policy.
// BUG source/content/submission.ts readSubmission: `skipped` is only counted, never checked.
test('a misspelt kind beside a policy makes the file invalid at its kind, as kubectl would refuse it', t => {
	const file = fileWith(t, `${policyText}---\n${policyText.replace('kind: NetworkPolicy', 'kind: Networkpolicy').replace('name: p', 'name: mine')}`);
	const submission = readSubmission(file);
	const kindLine = policyText.split('\n').length + policyText.split('\n').findIndex(line => line.startsWith('kind:')) + 1;
	t.deepEqual(submission, {kind: 'invalid', problems: [`${file}:${kindLine}:7: Networkpolicy "default/mine": kind: Invalid value: "Networkpolicy": did you mean NetworkPolicy?`]});
});

// --- control characters never reach the screen

const hostile: Array<[string, string]> = [
	['an escape sequence in a label value (YAML escape)', `${header}spec:\n  podSelector:\n    matchLabels: {app: "web\\e[31m\\u001b]0;pwned\\u0007"}\n`],
	['a raw BEL in a label value', `${header}spec:\n  podSelector: {matchLabels: {app: a\u0007b}}\n`],
	['a raw C1 CSI in a field name', `${header}spec:\n  podSelector: {}\n  \u009B2Jingres: []\n`],
	['an escape sequence in a field name', `${header}spec:\n  "pod\\e]0;x\\u0007Selectr": {}\n`],
	['escape sequences in a comment before bad YAML', `# \u001B[2J\u001B]0;pwned\u0007 my notes\nkey: [\n`],
	['an escape sequence in a comment and a bad field', `# \u001B[2J clear\n${header}spec:\n  podSelector: {}\n  ingres: []\n`],
	['an escape sequence in a policy name', `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "p\\e[2J", namespace: default}\nspec:\n  podSelector: {}\n`],
	['an escape sequence in a namespace, with a warning', `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: "d\\e[2J"}\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - ipBlock: {cidr: 10.0.1.7/16}\n`],
	['an escape sequence in an unknown kind', `apiVersion: v1\nkind: "Serv\\e[2Jice"\nmetadata: {name: s}\n---\n${policyText}`],
];

for (const [title, text] of hostile) {
	test(`no control character reaches a message: ${title}`, t => {
		const submission = readSubmission(fileWith(t, text));
		const messages = submission.kind === 'invalid' ? submission.problems : (submission.kind === 'policies' ? submission.notes : []);
		t.true(messages.length > 0, JSON.stringify(submission));
		for (const message of messages) {
			t.false(controlCharacter.test(message), JSON.stringify(message));
		}
	});
}

test('a control character in a label value (a YAML escape) is shown escaped, as the API server quotes it', t => {
	const file = fileWith(t, `${header}spec:\n  podSelector: {matchLabels: {app: "a\\ab"}}\n`);
	const submission = readSubmission(file);
	t.is(submission.kind, 'invalid');
	if (submission.kind === 'invalid') {
		t.true(submission.problems[0]!.startsWith(`${file}:5:36: NetworkPolicy "default/p": spec.podSelector.matchLabels: Invalid value: "a\\u0007b": a valid label must be`), submission.problems[0]);
	}
});

// go-yaml refuses raw control characters anywhere in the text, before any field is read.
test('a raw control character is refused at its place, as kubectl refuses it, and the message does not carry it', t => {
	const file = fileWith(t, `${header}spec:\n  podSelector: {}\n  \u009B2Jingres: []\n`);
	t.deepEqual(readSubmission(file), {kind: 'invalid', problems: [`${file}:6:3: invalid YAML: control characters are not allowed (U+009B here); write it as an escape in a double-quoted string if it is meant`]});
	const bell = fileWith(t, `${header}spec:\n  podSelector: {matchLabels: {app: a\u0007b}}\n`);
	t.deepEqual(readSubmission(bell), {kind: 'invalid', problems: [`${bell}:5:37: invalid YAML: control characters are not allowed (U+0007 here); write it as an escape in a double-quoted string if it is meant`]});
});

// --- gradeWorkFile

test('gradeWorkFile: a missing file is empty, not an error', t => {
	t.deepEqual(gradeWorkFile(dbPolicy, path.join(folder(t), 'work', 'db-policy.yaml'), taskFileText(dbPolicy)), {kind: 'empty'});
});

test('gradeWorkFile: a file still as it started is unchanged, not graded (the skeleton is not an answer)', t => {
	const initial = taskFileText(dbPolicy);
	t.deepEqual(gradeWorkFile(dbPolicy, fileWith(t, initial), initial), {kind: 'unchanged'});
});

test('gradeWorkFile: a file of comments only is empty', t => {
	t.deepEqual(gradeWorkFile(dbPolicy, fileWith(t, '# I deleted everything\n'), taskFileText(dbPolicy)), {kind: 'empty'});
});

test('gradeWorkFile: the task file with only its skeleton changed is graded', t => {
	const initial = taskFileText(dbPolicy);
	const result = gradeWorkFile(dbPolicy, fileWith(t, `${initial}  policyTypes: [Ingress]\n`), initial);
	t.is(result.kind, 'graded');
	if (result.kind === 'graded') {
		t.false(result.report.passed);
		t.deepEqual(result.report.cases, {total: 9, passed: 5});
	}
});

test('gradeWorkFile: invalid YAML and unknown fields are invalid, with the file\'s line and column', t => {
	const file = fileWith(t, `${header}spec:\n  podSelectr: {}\n`);
	t.deepEqual(gradeWorkFile(dbPolicy, file, ''), {kind: 'invalid', problems: [`${file}:5:3: NetworkPolicy "default/p": unknown field "spec.podSelectr"`]});
	const bad = fileWith(t, 'spec: [\n');
	const result = gradeWorkFile(dbPolicy, bad, '');
	t.is(result.kind, 'invalid');
	if (result.kind === 'invalid') {
		t.true(result.problems[0]!.startsWith(`${bad}:2:1: invalid YAML: `));
	}
});

test('gradeWorkFile: a file that cannot be read (a folder in its place) is invalid, with the reason', t => {
	const file = path.join(folder(t), 'db-policy.yaml');
	mkdirSync(file);
	t.deepEqual(gradeWorkFile(dbPolicy, file, ''), {kind: 'invalid', problems: [`${file}: could not be read (it is a folder, EISDIR)`]});
});

test('gradeWorkFile: the right answer for db-policy passes every case, and the text is kept', t => {
	const file = path.join(folder(t), 'db-policy.yaml');
	copyFileSync(rightAnswer, file);
	const result = gradeWorkFile(dbPolicy, file, taskFileText(dbPolicy));
	t.deepEqual(result, {
		kind: 'graded',
		report: {challenge: 'db-policy', passed: true, score: 1, cases: {total: 9, passed: 9}, missingPolicies: [], changedPolicies: [], extraPolicies: [], failures: [], mistakes: [], proof: {isEquivalent: true}},
		notes: [],
		text: readFileSync(rightAnswer, 'utf8'),
		policies: dbPolicy.solution,
	});
});

test('gradeWorkFile: the right answer after the task\'s comments, with a Pod in the file, passes with a note', t => {
	const text = `${taskFileText(dbPolicy).split('\n\n')[0]!}\n\n${podText}---\n${readFileSync(rightAnswer, 'utf8')}`;
	const result = gradeWorkFile(dbPolicy, fileWith(t, text), taskFileText(dbPolicy));
	t.like(result, {kind: 'graded', report: {passed: true, score: 1}, notes: ['1 object that is not a NetworkPolicy was ignored: grading applies only your NetworkPolicies.'], text});
});

test('gradeWorkFile: an answer without ports fails the two cases on other ports, named in words', t => {
	const result = gradeWorkFile(dbPolicy, path.join(wrongAnswers, 'no-ports.yaml'), '');
	t.is(result.kind, 'graded');
	if (result.kind === 'graded') {
		t.like(result.report, {challenge: 'db-policy', passed: false, cases: {total: 9, passed: 7}, missingPolicies: []});
		t.is(result.report.score, 7 / 9);
		t.deepEqual(result.report.failures.map(failure => describeFailure(failure)), [
			'default/api -> default/db TCP 33060 should be denied; your policies allow it',
			'default/api -> default/db UDP 3306 should be denied; your policies allow it',
		]);
	}
});

test('gradeWorkFile: a policy in the wrong namespace is missing, fails, and the mistake is recognised', t => {
	const result = gradeWorkFile(dbPolicy, path.join(wrongAnswers, 'wrong-namespace.yaml'), '');
	t.is(result.kind, 'graded');
	if (result.kind === 'graded') {
		t.like(result.report, {passed: false, cases: {total: 9, passed: 4}});
		t.deepEqual(result.report.missingPolicies, [{name: 'db-policy', namespace: 'default'}]);
		t.is(result.report.mistakes[0], 'monitoring/db-policy is in namespace monitoring; the task asks for it in default (metadata.namespace, or kubectl -n).');
	}
});

for (const name of ['also-egress.yaml', 'no-ports.yaml', 'ports-and-from-in-separate-rules.yaml', 'select-all-pods.yaml', 'wrong-namespace.yaml']) {
	test(`gradeWorkFile: the wrong answer ${name} is graded, not passed, with at least one failed case`, t => {
		const file = path.join(wrongAnswers, name);
		const result = gradeWorkFile(dbPolicy, file, '');
		t.is(result.kind, 'graded');
		if (result.kind === 'graded') {
			t.false(result.report.passed);
			t.true(result.report.failures.length > 0);
			t.is(result.report.cases.passed, 9 - result.report.failures.length);
			t.is(result.text, readFileSync(file, 'utf8'));
		}
	});
}

// --- tasks that ask for labels: the file's Namespaces and Pods are its answer too

test('gradeWorkFile: a label task passes with a file that holds only the labelled Namespace, and fails without the label', t => {
	const labelTask = challenges.find(challenge => challenge.id === 'label-the-namespace')!;
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-labels-'));
	const file = path.join(directory, 'label-the-namespace.yaml');
	writeFileSync(file, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: frontend\n  labels:\n    team: frontend\n');
	const result = gradeWorkFile(labelTask, file, taskFileText(labelTask));
	t.like(result, {kind: 'graded', report: {passed: true}});
	writeFileSync(file, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: frontend\n  labels:\n    team: backend\n');
	const wrong = gradeWorkFile(labelTask, file, taskFileText(labelTask));
	t.like(wrong, {kind: 'graded', report: {passed: false}});
	t.deepEqual(wrong.kind === 'graded' ? wrong.report.labelDifferences?.[0] : undefined, {kind: 'Namespace', name: 'frontend', yours: {team: 'backend'}, expected: {team: 'frontend'}});
	t.like(readSubmission(file), {kind: 'invalid'}, 'a task that asks for policies only still wants a NetworkPolicy');
});
