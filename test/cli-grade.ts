// grade and challenges, run as a child process.
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');
const packs = path.join(root, 'test/fixtures/packs');
const pack = path.join(packs, 'good');

async function run(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	try {
		const {stdout, stderr} = await promisify(execFile)('node', [cli, ...args], {env: {...process.env, NO_COLOR: '1'}});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as {code: number; stdout: string; stderr: string};
		return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
	}
}

test('grade exits 0 for the reference solution', async t => {
	const outcome = await run(['grade', 'db-policy', path.join(pack, 'db-policy/solution.yaml'), '--pack', pack]);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, 'db-policy: passed, 6 of 6 cases.\n');
});

test('grade exits 1 for a wrong answer and names the failed flow and the reason', async t => {
	const outcome = await run(['grade', 'db-policy', path.join(packs, 'answers/db-policy-any-pod.yaml'), '--pack', pack]);
	t.is(outcome.code, 1);
	t.is(outcome.stdout, [
		'db-policy: not passed, 5 of 6 hidden cases hold (83%).',
		'  ✗ default/web -> default/db TCP 3306: your policies allow it at the ingress of default/db; the task denies it.',
		'      yours: ingress allowed by default/db-policy ingress rule #1',
		'      the task\'s: NetworkPolicy \'default/db-policy\' selects default/db for ingress, and no rule allows from default/web on 3306/TCP',
		'',
	].join('\n'));
});

test('grade --json has the contract\'s fields', async t => {
	const outcome = await run(['grade', 'db-policy', path.join(packs, 'answers/db-policy-wrong-name.yaml'), '--pack', pack, '--json']);
	t.is(outcome.code, 1);
	t.like(JSON.parse(outcome.stdout), {challenge: 'db-policy', passed: false, score: 6 / 7, cases: {total: 6, passed: 6}, failures: [], missingPolicies: [{name: 'db-policy', namespace: 'default'}]});
});

test('grade refuses an unknown challenge, a bad policy file and a missing argument with exit 2', async t => {
	const unknown = await run(['grade', 'db-polcy', path.join(pack, 'db-policy/solution.yaml'), '--pack', pack]);
	t.is(unknown.code, 2);
	t.regex(unknown.stderr, /has no challenge "db-polcy" \(did you mean db-policy\?\)/);
	const bad = await run(['grade', 'db-policy', path.join(root, 'test/fixtures/cli/bad/port-70000.yaml'), '--pack', pack]);
	t.is(bad.code, 2);
	t.regex(bad.stderr, /^error: .*port-70000\.yaml:\d+:\d+: NetworkPolicy .*Invalid value: 70000/m);
	const missing = await run(['grade', 'db-policy', '--pack', pack]);
	t.is(missing.code, 2);
});

test('challenges lists a pack, and --json gives id, title, difficulty and topics', async t => {
	const text = await run(['challenges', '--pack', pack]);
	t.is(text.code, 0);
	t.is(text.stdout, 'A test pack (test-pack 1.0.0)\n  db-policy  easy    Only the API may reach the database\n');
	const json = await run(['challenges', '--pack', pack, '--json']);
	t.deepEqual(JSON.parse(json.stdout), {pack: 'test-pack', challenges: [{id: 'db-policy', title: 'Only the API may reach the database', difficulty: 'easy', topics: ['ingress', 'podSelector', 'ports'], minutes: 6}]});
});

test('a broken challenge is a warning on stderr; the others are listed', async t => {
	const outcome = await run(['challenges', '--pack', path.join(packs, 'broken')]);
	t.is(outcome.code, 0);
	t.regex(outcome.stderr, /^Warning: .*bad-difficulty\/challenge\.yaml:2:\d+: difficulty: Unsupported value/m);
	t.true(outcome.stdout.includes('db-policy'));
});

test('grade refuses a policy with a misspelt kind or an old apiVersion, as kubectl would, at its line', async t => {
	const folder = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-grade-kind-'));
	const solution = readFileSync(path.join(pack, 'db-policy/solution.yaml'), 'utf8');
	const misspelt = path.join(folder, 'kind.yaml');
	writeFileSync(misspelt, solution.replace('kind: NetworkPolicy', 'kind: Networkpolicy'));
	const kindLine = solution.split('\n').findIndex(line => line.startsWith('kind:')) + 1;
	const outcome = await run(['grade', 'db-policy', misspelt, '--pack', pack]);
	t.is(outcome.code, 2);
	t.is(outcome.stdout, '');
	t.is(outcome.stderr, `error: ${misspelt}:${kindLine}:7: Networkpolicy "default/db-policy": kind: Invalid value: "Networkpolicy": did you mean NetworkPolicy?\n`);
	const old = path.join(folder, 'old.yaml');
	writeFileSync(old, solution.replace('networking.k8s.io/v1', 'extensions/v1beta1'));
	const oldOutcome = await run(['grade', 'db-policy', old, '--pack', pack]);
	t.is(oldOutcome.code, 2);
	const versionLine = solution.split('\n').findIndex(line => line.startsWith('apiVersion:')) + 1;
	t.is(oldOutcome.stderr, `error: ${old}:${versionLine}:13: NetworkPolicy "default/db-policy": apiVersion: Invalid value: "extensions/v1beta1": netpol-dojo reads NetworkPolicy as networking.k8s.io/v1\n`);
	// Every mistaken object is reported at once, and a plural kind of the networking group is a misspelt NetworkPolicy.
	const two = path.join(folder, 'two.yaml');
	writeFileSync(two, `${solution.replace('kind: NetworkPolicy', 'kind: Networkpolicy')}---\n${solution.replace('kind: NetworkPolicy', 'kind: NetworkPolicies').replace('name: db-policy', 'name: second')}`);
	const twoOutcome = await run(['grade', 'db-policy', two, '--pack', pack]);
	t.is(twoOutcome.code, 2);
	t.deepEqual(twoOutcome.stderr.trimEnd().split('\n').map(line => line.replace(/^error: .*two\.yaml:\d+:\d+: /, '')), [
		'Networkpolicy "default/db-policy": kind: Invalid value: "Networkpolicy": did you mean NetworkPolicy?',
		'NetworkPolicies "default/second": kind: Invalid value: "NetworkPolicies": did you mean NetworkPolicy?',
	]);
});
