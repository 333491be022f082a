// A pack cannot write into the learner's file: the fields shown on one line (the titles, topics,
// version and author) are refused with a line break in them, by file, line and field, so a title
// cannot put a live NetworkPolicy among the comments atop the learner's file.
import {execFile} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {InputError} from '../source/model/input-error.js';
import {loadPack} from '../source/commands/load-content.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');
const cleanPack = path.join(root, 'test/fixtures/packs/clean');

function scratchPack(t: {teardown: (fn: () => void) => void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-single-line-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	cpSync(cleanPack, directory, {recursive: true});
	return directory;
}

// challenge.yaml of the clean pack with one line replaced.
function editChallenge(directory: string, from: string, to: string): void {
	const file = path.join(directory, 'db-policy/challenge.yaml');
	const text = readFileSync(file, 'utf8');
	if (!text.includes(from)) {
		throw new Error(`challenge.yaml has no ${from}`);
	}

	writeFileSync(file, text.replace(from, to));
}

// The problems of a pack that loads, as `path-in-pack:line:column: message`.
function problemsOf(directory: string): string[] {
	return loadPack(directory).problems.map(problem => `${path.relative(directory, problem.file)}:${problem.line ?? 0}:${problem.column ?? 0}: ${problem.message}`);
}

function refusal(directory: string): string[] {
	try {
		loadPack(directory);
	} catch (error) {
		if (error instanceof InputError) {
			return error.problems.map(problem => `${path.relative(directory, problem.file)}:${problem.line ?? 0}:${problem.column ?? 0}: ${problem.message}`);
		}

		throw error;
	}

	return ['loaded'];
}

const allowAll = String.raw`\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-all}\nspec: {podSelector: {}, ingress: [{}]}`;

test('a challenge title with a newline is refused at its line; the challenge is left out', t => {
	const directory = scratchPack(t);
	editChallenge(directory, 'title: Only the API may reach the database', `title: "Only the API may reach the database${allowAll}"`);
	t.deepEqual(loadPack(directory).challenges, []);
	t.deepEqual(problemsOf(directory), [
		String.raw`db-policy/challenge.yaml:1:8: title: Invalid value: "Only the API may reach the database\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-all}\nspec: {podSelector: {}, ingress: [{}]}": must be a single line, with no line breaks`,
	]);
});

test('a title written as a block scalar keeps its final newline, and is refused too', t => {
	const directory = scratchPack(t);
	editChallenge(directory, 'title: Only the API may reach the database', 'title: >\n  Only the API may reach the database');
	t.deepEqual(problemsOf(directory), [String.raw`db-policy/challenge.yaml:1:8: title: Invalid value: "Only the API may reach the database\n": must be a single line, with no line breaks`]);
});

test('a topic with a line break of any kind is refused, each at its entry', t => {
	const directory = scratchPack(t);
	editChallenge(directory, 'topics: [ingress]', String.raw`topics: [ingress, "a\rb", "a\u2028b", "a\u2029b", "a\u0085b", "a\vb", "a\fb", "a\r\nb"]`);
	t.deepEqual(problemsOf(directory), [
		String.raw`db-policy/challenge.yaml:3:19: topics[1]: Invalid value: "a\rb": must be a single line, with no line breaks`,
		String.raw`db-policy/challenge.yaml:3:27: topics[2]: Invalid value: "a\u2028b": must be a single line, with no line breaks`,
		String.raw`db-policy/challenge.yaml:3:39: topics[3]: Invalid value: "a\u2029b": must be a single line, with no line breaks`,
		String.raw`db-policy/challenge.yaml:3:51: topics[4]: Invalid value: "a\u0085b": must be a single line, with no line breaks`,
		String.raw`db-policy/challenge.yaml:3:63: topics[5]: Invalid value: "a\u000bb": must be a single line, with no line breaks`,
		String.raw`db-policy/challenge.yaml:3:71: topics[6]: Invalid value: "a\fb": must be a single line, with no line breaks`,
		String.raw`db-policy/challenge.yaml:3:79: topics[7]: Invalid value: "a\r\nb": must be a single line, with no line breaks`,
	]);
});

test('a policy name with a newline is refused as the API server refuses it, escaped', t => {
	const directory = scratchPack(t);
	editChallenge(directory, '{name: db-policy, namespace: default}', String.raw`{name: "db-policy\nx", namespace: "default\n"}`);
	t.deepEqual(problemsOf(directory), [
		String.raw`db-policy/challenge.yaml:10:12: policies[0].name: Invalid value: "db-policy\nx": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
		String.raw`db-policy/challenge.yaml:10:39: policies[0].namespace: Invalid value: "default\n": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
	]);
});

test('the task, the hints and the description may span lines', t => {
	const directory = scratchPack(t);
	editChallenge(directory, '  - "Select the db pods; let the api pods in on TCP 5432."', '  - |\n    Select the db pods;\n    let the api pods in on TCP 5432.');
	t.deepEqual(problemsOf(directory), []);
	t.deepEqual(loadPack(directory).challenges[0]!.hints, ['Select the db pods;\nlet the api pods in on TCP 5432.\n']);
});

test('the title, version and author of pack.yaml are single lines; the pack is refused, each at its line', t => {
	const directory = scratchPack(t);
	writeFileSync(path.join(directory, 'pack.yaml'), 'id: clean\ntitle: "A clean\\npack"\nversion: "1.0.0\\r"\nauthor: |\n  A. Teacher\n  B. Teacher\ndescription: |\n  Two lines\n  of description are fine.\n');
	t.deepEqual(refusal(directory), [
		String.raw`pack.yaml:2:8: title: Invalid value: "A clean\npack": must be a single line, with no line breaks`,
		String.raw`pack.yaml:3:10: version: Invalid value: "1.0.0\r": must be a single line, with no line breaks`,
		String.raw`pack.yaml:4:9: author: Invalid value: "A. Teacher\nB. Teacher\n": must be a single line, with no line breaks`,
	]);
});

type Outcome = {code: number | undefined; stdout: string; stderr: string};

async function run(args: readonly string[]): Promise<Outcome> {
	const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	delete environment['FORCE_COLOR'];
	return new Promise(resolve => {
		execFile(process.execPath, [cli, ...args], {env: environment, encoding: 'utf8'}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : undefined) : 0, stdout, stderr});
		});
	});
}

test('pack validate refuses a title with a newline: exit 1, the problem at its file and line', async t => {
	const directory = scratchPack(t);
	editChallenge(directory, 'title: Only the API may reach the database', `title: "Only the API may reach the database${allowAll}"`);
	const outcome = await run(['pack', 'validate', directory]);
	t.is(outcome.code, 1);
	t.is(outcome.stderr, '');
	t.is(outcome.stdout, [
		String.raw`error: ${directory}/db-policy/challenge.yaml:1:8: title: Invalid value: "Only the API may reach the database\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-all}\nspec: {podSelector: {}, ingress: [{}]}": must be a single line, with no line breaks`,
		'Pack clean: 0 challenges, 0 cases; 1 error.',
		'',
	].join('\n'));
});

test('pack validate cannot read a pack whose title has a newline: exit 2, one message', async t => {
	const directory = scratchPack(t);
	writeFileSync(path.join(directory, 'pack.yaml'), 'id: clean\ntitle: "A clean\\npack"\nversion: 1.0.0\nauthor: A. Teacher\ndescription: d\n');
	const outcome = await run(['pack', 'validate', directory]);
	t.is(outcome.code, 2);
	t.is(outcome.stdout, '');
	t.is(outcome.stderr, String.raw`error: ${directory}/pack.yaml:2:8: title: Invalid value: "A clean\npack": must be a single line, with no line breaks` + '\n');
});
