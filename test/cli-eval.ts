// `netpol-dojo eval` end to end, the way rustlings tests its binary: spawn the BUILT CLI
// (dist/source/cli.js) against fixture files and check the exit code, stdout and stderr. Bad
// input must exit 2 with `error: FILE:LINE:COL: message` naming the field, and never a stack
// trace. Large inputs (alias bomb, deep nesting, oversize) are generated into a temp folder.
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';

// This file runs as dist/test/cli-eval.js; the fixtures stay in test/fixtures.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/source/cli.js');
const fixtures = path.join(root, 'test/fixtures/cli');

type Outcome = {readonly code: number | null; readonly stdout: string; readonly stderr: string};
type Environment = Record<string, string | undefined>;

/** The environment of a run: colours off unless a test says otherwise, no debug stack traces. */
function environment(overrides: Environment): NodeJS.ProcessEnv {
	const result: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	delete result['FORCE_COLOR'];
	delete result['NETPOL_DOJO_DEBUG'];
	for (const [key, value] of Object.entries(overrides)) {
		if (value === undefined) {
			delete result[key];
		} else {
			result[key] = value;
		}
	}

	return result;
}

// ava runs the tests of a file concurrently; a few CLI processes at a time keep a busy machine
// from turning into timeouts.
const maxRunning = 6;
let running = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<void> {
	if (running < maxRunning) {
		running++;
		return;
	}

	await new Promise<void>(resolve => {
		waiting.push(resolve);
	});
}

function release(): void {
	const next = waiting.shift();
	if (next) {
		next();
	} else {
		running--;
	}
}

/** Runs the built CLI in `cwd` (the fixtures by default, so messages name relative files). */
async function run(args: readonly string[], options: {cwd?: string; env?: Environment} = {}): Promise<Outcome> {
	await slot();
	try {
		return await new Promise(resolve => {
			execFile(process.execPath, [cli, ...args], {cwd: options.cwd ?? fixtures, env: environment(options.env ?? {}), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
				resolve({code, stdout, stderr});
			});
		});
	} finally {
		release();
	}
}

function lines(text: string): string[] {
	return text.split('\n').filter(line => line !== '');
}

function assertNoStackTrace(t: ExecutionContext, stderr: string): void {
	t.false(/^ {4}at /m.test(stderr), `stack trace on stderr:\n${stderr}`);
	t.false(stderr.includes('internal error'), stderr);
}

/** Exit 2, nothing on stdout, and exactly these `error:` lines on stderr (in any order). */
async function assertRefused(t: ExecutionContext, args: readonly string[], expected: readonly string[], options: {cwd?: string} = {}): Promise<Outcome> {
	const outcome = await run(args, options);
	t.is(outcome.code, 2, outcome.stderr);
	t.is(outcome.stdout, '');
	assertNoStackTrace(t, outcome.stderr);
	t.deepEqual([...lines(outcome.stderr)].sort(), expected.map(line => `error: ${line}`).sort());
	return outcome;
}

const refuses = test.macro({
	async exec(t, args: readonly string[], expected: readonly string[]) {
		await assertRefused(t, args, expected);
	},
	title: providedTitle => providedTitle ?? '',
});

type EvalJson = {
	results: Array<Record<string, unknown>>;
	passed: number;
	failed: number;
};

function parseEvalJson(stdout: string): EvalJson {
	return JSON.parse(stdout) as EvalJson;
}

const seedVerdicts = ['allow', 'deny', 'deny', 'deny', 'deny', 'allow', 'allow', 'allow'];
const seedFirstResult = {from: 'default/api', to: 'default/db', port: 3306, protocol: 'TCP', verdict: 'allow', expect: 'allow', pass: true};
const seedSummary = '8 flows: 4 allowed, 4 denied; 8 expectations held, 0 failed';

/** Exit 0 and the seed example's results, as JSON. */
async function assertSeedJson(t: ExecutionContext, args: readonly string[], options: {cwd?: string} = {}): Promise<void> {
	const outcome = await run(['eval', '--json', ...args], options);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stderr, '');
	const json = parseEvalJson(outcome.stdout);
	t.deepEqual(json.results[0], seedFirstResult);
	t.deepEqual(json.results.map(result => result['verdict']), seedVerdicts);
	t.is(json.passed, 8);
	t.is(json.failed, 0);
}

// Messages worded as apimachinery words them (see test/validation.ts).
const subdomainError = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')';
const qualifiedNameError = 'must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')';
const labelValueError = 'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')';
const portRange = 'must be between 1 and 65535, inclusive';
const policy = 'NetworkPolicy "default/db-policy"';

let temporary = '';

test.before(() => {
	temporary = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-cli-'));
	const seedCluster = readFileSync(path.join(fixtures, '../seed/cluster.yaml'), 'utf8');
	const seedFlows = readFileSync(path.join(fixtures, '../seed/flows.yaml'), 'utf8');
	const portTooLarge = readFileSync(path.join(fixtures, 'bad/port-70000.yaml'), 'utf8');
	const crlf = (text: string) => text.replaceAll('\n', '\r\n');
	const bom = '\uFEFF';
	writeFileSync(path.join(temporary, 'crlf-cluster.yaml'), crlf(seedCluster));
	writeFileSync(path.join(temporary, 'crlf-flows.yaml'), crlf(seedFlows));
	writeFileSync(path.join(temporary, 'bom-cluster.yaml'), bom + seedCluster);
	writeFileSync(path.join(temporary, 'bom-flows.yaml'), bom + seedFlows);
	writeFileSync(path.join(temporary, 'crlf-bom-cluster.yaml'), bom + crlf(seedCluster));
	writeFileSync(path.join(temporary, 'crlf-port-70000.yaml'), crlf(portTooLarge));
	writeFileSync(path.join(temporary, 'bom-port-70000.yaml'), bom + portTooLarge);
	writeFileSync(path.join(temporary, 'crlf-syntax.yaml'), crlf(readFileSync(path.join(fixtures, 'bad/syntax.yaml'), 'utf8')));

	// Billion laughs, in the second document (which starts at line 5).
	const laughs = ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: prod', '---', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
	for (let level = 1; level < 10; level++) {
		laughs.push(`a${level}: &a${level} [${Array.from({length: 9}, () => `*a${level - 1}`).join(', ')}]`);
	}

	writeFileSync(path.join(temporary, 'bomb.yaml'), `${laughs.join('\n')}\n`);

	// Ten thousand levels of nesting, in an annotation on line 6, in flow and block style.
	const podHead = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  annotations:\n';
	writeFileSync(path.join(temporary, 'deep.yaml'), `${podHead}    x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
	writeFileSync(path.join(temporary, 'deep-block.yaml'), `${podHead}    x:\n${Array.from({length: 5000}, (_, level) => `${'  '.repeat(level + 3)}- a:\n`).join('')}`);
	writeFileSync(path.join(temporary, 'deep-flows.yaml'), `flows: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
	const jsonPod = (depth: number) => ['{', '    "apiVersion": "v1",', '    "kind": "Pod",', '    "metadata": {"name": "api", "namespace": "default"},', '    "status": {"podIP": "10.0.0.20"},', `    "x": ${'['.repeat(depth)}${']'.repeat(depth)}`, '}\n'].join('\n');
	writeFileSync(path.join(temporary, 'deep.json'), jsonPod(100_000));
	writeFileSync(path.join(temporary, 'shallow.json'), jsonPod(3));
	writeFileSync(path.join(temporary, 'api-flows.yaml'), 'flows:\n  - {from: default/api, to: 203.0.113.9, port: 443, expect: allow}\n');
	writeFileSync(path.join(temporary, 'flows.yaml'), seedFlows);

	// 1.5 MiB: the seed cluster, then comments.
	const padding = `# ${'x'.repeat(98)}\n`.repeat(Math.ceil(1.5 * 1024 * 1024 / 101));
	writeFileSync(path.join(temporary, 'big.yaml'), seedCluster + padding);
	writeFileSync(path.join(temporary, 'big-flows.yaml'), seedFlows + padding);
	// Just over the default 32 MiB limit; sparse, since it is refused before it is read.
	writeFileSync(path.join(temporary, 'huge.yaml'), '');
	truncateSync(path.join(temporary, 'huge.yaml'), (33 * 1024 * 1024));
});

test.after.always(() => {
	if (temporary !== '') {
		rmSync(temporary, {recursive: true, force: true});
	}
});

// The seed example, and the output formats.

test('the seed example exits 0 with a table of verdicts', async t => {
	const outcome = await run(['eval', '--flows', '../seed/flows.yaml', '../seed/cluster.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stderr, '');
	const [header, ...rows] = lines(outcome.stdout);
	t.regex(header!, /^FROM +TO +PORT +VERDICT +EXPECT +WHY$/);
	t.is(rows.length, 9);
	t.is(rows.at(-1), seedSummary);
	t.regex(rows[0]!, /^default\/api +default\/db +3306\/TCP +allow +ok +/);
	t.regex(rows[1]!, /^default\/web +default\/db +3306\/TCP +deny +ok +NetworkPolicy 'default\/db-policy' selects default\/db/);
	t.regex(rows[4]!, /^203\.0\.113\.7 +default\/db +3306\/TCP +deny +ok/);
});

test('the seed example exits 0 with the JSON of the contract', async t => {
	const outcome = await run(['eval', '--json', '--flows', '../seed/flows.yaml', '../seed/cluster.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stderr, '');
	const json = parseEvalJson(outcome.stdout);
	t.deepEqual(Object.keys(json), ['results', 'passed', 'failed']);
	t.is(json.results.length, 8);
	t.deepEqual(json.results[0], seedFirstResult);
	t.deepEqual(json.results[4], {from: '203.0.113.7', to: 'default/db', port: 3306, protocol: 'TCP', verdict: 'deny', expect: 'deny', pass: true});
	t.deepEqual(json.results[7], {from: 'default/db', to: '198.51.100.1', port: 443, protocol: 'TCP', verdict: 'allow', expect: 'allow', pass: true});
	t.deepEqual(json.results.map(result => result['verdict']), seedVerdicts);
	t.is(json.passed, 8);
	t.is(json.failed, 0);
});

test('a failed expectation exits 1 and marks its row', async t => {
	const outcome = await run(['eval', '--flows', 'flows/failing.yaml', '../seed/cluster.yaml']);
	t.is(outcome.code, 1, outcome.stderr);
	t.is(outcome.stderr, '');
	const rows = lines(outcome.stdout);
	t.regex(rows[1]!, /^default\/api +default\/db +3306\/TCP +allow +ok +/);
	t.regex(rows[2]!, /^default\/web +default\/db +3306\/TCP +deny +FAIL \(expected allow\) +NetworkPolicy/);
	t.regex(rows[3]!, /^default\/web +default\/api +5000\/TCP +allow {4,}no policy selects/);
	t.is(rows.at(-1), '3 flows: 2 allowed, 1 denied; 1 expectation held, 1 failed');
});

test('a failed expectation exits 1 in JSON too; expect and pass only where there is an expect', async t => {
	const outcome = await run(['eval', '--json', '--flows', 'flows/failing.yaml', '../seed/cluster.yaml']);
	t.is(outcome.code, 1, outcome.stderr);
	const json = parseEvalJson(outcome.stdout);
	t.deepEqual(json, {
		results: [
			{from: 'default/api', to: 'default/db', port: 3306, protocol: 'TCP', verdict: 'allow', expect: 'allow', pass: true},
			{from: 'default/web', to: 'default/db', port: 3306, protocol: 'TCP', verdict: 'deny', expect: 'allow', pass: false},
			{from: 'default/web', to: 'default/api', port: 5000, protocol: 'TCP', verdict: 'allow'},
		],
		passed: 1,
		failed: 1,
	});
});

test('--help prints the usage and exits 0', async t => {
	for (const flag of ['--help', '-h']) {
		const outcome = await run([flag]);
		t.is(outcome.code, 0);
		t.is(outcome.stderr, '');
		t.true(outcome.stdout.includes('Usage:'));
		t.true(outcome.stdout.includes('netpol-dojo eval [--json] --flows FLOWS FILE...'));
		t.true(outcome.stdout.includes('--max-size'));
	}
});

test('eval --help prints eval\'s usage and exits 0 (not "Unknown option \'--help\'")', async t => {
	const outcome = await run(['eval', '--help']);
	t.is(outcome.code, 0, outcome.stderr);
	t.true(outcome.stdout.startsWith('usage: netpol-dojo eval [--json] [--max-size MIB] --flows FLOWS FILE...\n'));
});

test('--version prints the version of package.json', async t => {
	const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};
	const outcome = await run(['--version']);
	t.is(outcome.code, 0);
	t.is(outcome.stdout, `${version}\n`);
	t.is(outcome.stderr, '');
});

// Usage errors: exit 2, one line on the problem, the command's usage line, and a pointer to --help.

const usageError = test.macro({
	async exec(t, args: readonly string[], firstLine: string) {
		const outcome = await run(args);
		t.is(outcome.code, 2, outcome.stderr);
		t.is(outcome.stdout, '');
		assertNoStackTrace(t, outcome.stderr);
		const [problem, usageLine, pointer, ...rest] = lines(outcome.stderr);
		t.is(problem, firstLine);
		t.regex(usageLine ?? '', /^usage: netpol-dojo /);
		t.is(pointer, '(netpol-dojo --help lists the commands and options)');
		t.deepEqual(rest, []);
	},
	title: (providedTitle = '') => `usage error: ${providedTitle}`,
});

test('eval without --flows', usageError, ['eval', '../seed/cluster.yaml'], 'error: eval needs --flows FLOWS');
test('eval without a FILE', usageError, ['eval', '--flows', '../seed/flows.yaml'], 'error: eval needs at least one cluster FILE');
test('--flows without its value', usageError, ['eval', '--flows'], 'error: Option \'--flows <value>\' argument missing');
test('an unknown option', usageError, ['eval', '--bogus', '--flows', '../seed/flows.yaml', '../seed/cluster.yaml'], 'error: unknown option --bogus');
test('a misspelt option, with a suggestion', usageError, ['eval', '--flow', '../seed/flows.yaml', '../seed/cluster.yaml'], 'error: unknown option --flow (did you mean --flows?)');
test('an unknown command', usageError, ['frobnicate'], 'error: unknown command "frobnicate"');
test('a misspelt command, with a suggestion', usageError, ['evl'], 'error: unknown command "evl" (did you mean eval?)');
test('--max-size that is not a size', usageError, ['eval', '--max-size', 'lots', '--flows', '../seed/flows.yaml', '../seed/cluster.yaml'], 'error: --max-size takes a size in MiB, such as 64; got "lots"');

// Bad YAML.

test('invalid YAML syntax: line and column', refuses, ['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', 'bad/syntax.yaml'], [
	'bad/syntax.yaml:5:9: invalid YAML: Nested mappings are not allowed in compact mappings; a value with ": " in it needs quotes',
]);

test('an IP that several pods share (host network) is refused as ambiguous, naming the pods', refuses, ['eval', '--flows', 'shared-ip/flows.yaml', 'shared-ip/cluster.yaml'], [
	'shared-ip/flows.yaml:2:26: flows[0].to: 192.168.1.10 is the IP of several pods: kube-system/kube-proxy-x, monitoring/node-agent (host-network pods share their node\'s IP); name the pod as namespace/name instead',
]);

test('a duplicate key in a JSON flows file, with or without a space before the colon', async t => {
	for (const file of ['bad/duplicate-key.json', 'bad/duplicate-key-spaced.json']) {
		const outcome = await run(['eval', '--flows', file, '../seed/cluster.yaml']);
		t.is(outcome.code, 2, file);
		t.regex(outcome.stderr, new RegExp(`^error: ${file.replace('.', '\\.')}:2:\\d+: duplicate key`), file);
	}
});

test('a duplicate key, at the second occurrence', refuses, ['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', 'bad/duplicate-key.yaml'], [
	'bad/duplicate-key.yaml:7:3: duplicate key: a key may appear only once in a mapping (kubectl refuses duplicate fields)',
]);

test('an unknown tag !foo', refuses, ['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', 'bad/unknown-tag.yaml'], [
	'bad/unknown-tag.yaml:5:9: Unresolved tag: !foo: netpol-dojo reads plain YAML without custom tags',
]);

test('an ambiguous port: 010 (octal 8 in YAML 1.1, 10 in YAML 1.2)', refuses, ['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', 'bad/ambiguous-port.yaml'], [
	'bad/ambiguous-port.yaml:20:17: spec.ingress[0].ports[0].port: 010 is ambiguous: kubectl (YAML 1.1) reads it as 8, YAML 1.2 as 10; write the value plainly or quote it',
]);

test('an unquoted yes as a label value: a type error with the quote hint', refuses, ['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', 'bad/yes-label.yaml'], [
	`bad/yes-label.yaml:11:15: ${policy}: spec.podSelector.matchLabels.active: Invalid value: true: must be a string; kubectl reads an unquoted yes as a boolean, so quote it: "yes"`,
]);

test('an alias bomb (billion laughs), at its document', async t => {
	await assertRefused(t, ['eval', '--flows', 'flows.yaml', 'bomb.yaml'], ['bomb.yaml:5:1: more than 100 aliases: refused as a possible alias bomb'], {cwd: temporary});
});

test('deeply nested YAML, at its line', async t => {
	for (const file of ['deep.yaml', 'deep-block.yaml']) {
		const outcome = await run(['eval', '--flows', 'flows.yaml', file], {cwd: temporary});
		t.is(outcome.code, 2, file);
		assertNoStackTrace(t, outcome.stderr);
		t.is(lines(outcome.stderr).length, 1, outcome.stderr);
		t.regex(outcome.stderr, new RegExp(`^error: ${file.replace('.', '\\.')}:(\\d+):\\d+: too deeply nested to be a Kubernetes object\\n$`));
	}

	const flat = await run(['eval', '--flows', 'flows.yaml', 'deep.yaml'], {cwd: temporary});
	t.regex(flat.stderr, /^error: deep\.yaml:6:\d+: /);
});

test('a deeply nested flows file', async t => {
	const outcome = await run(['eval', '--flows', 'deep-flows.yaml', path.join(fixtures, '../seed/cluster.yaml')], {cwd: temporary});
	t.is(outcome.code, 2);
	assertNoStackTrace(t, outcome.stderr);
	t.regex(outcome.stderr, /^error: deep-flows\.yaml:1:\d+: too deeply nested/);
});

test('a JSON pod with a few levels of nesting in a field netpol-dojo does not read is fine', async t => {
	const outcome = await run(['eval', '--flows', 'api-flows.yaml', 'shallow.json'], {cwd: temporary});
	t.is(outcome.code, 0, outcome.stderr);
});

test('deeply nested JSON is refused at its line, as the same YAML is', async t => {
	const outcome = await run(['eval', '--flows', 'api-flows.yaml', 'deep.json'], {cwd: temporary});
	t.is(outcome.code, 2, outcome.stdout);
	assertNoStackTrace(t, outcome.stderr);
	t.regex(outcome.stderr, /^error: deep\.json:6:\d+: too deeply nested to be a Kubernetes object$/m);
});

test('a file over --max-size, and under it', async t => {
	await assertRefused(t, ['eval', '--max-size', '1', '--flows', 'flows.yaml', 'big.yaml'], ['big.yaml: is 1.5 MiB, over the 1.0 MiB limit (raise it with --max-size)'], {cwd: temporary});
	const raised = await run(['eval', '--max-size', '2', '--flows', 'big-flows.yaml', 'big.yaml'], {cwd: temporary});
	t.is(raised.code, 0, raised.stderr);
	t.true(raised.stdout.includes(seedSummary));
});

test('a pipe over --max-size is refused as it is read, not read whole', async t => {
	const outcome = await run(['eval', '--max-size', '1', '--flows', '/dev/zero', '../seed/cluster.yaml']);
	t.is(outcome.code, 2);
	t.is(outcome.stderr, 'error: /dev/zero: holds more than the 1.0 MiB limit (raise it with --max-size)\n');
});

test('a flows file over --max-size', async t => {
	await assertRefused(t, ['eval', '--max-size', '1', '--flows', 'big-flows.yaml', path.join(fixtures, '../seed/cluster.yaml')], [
		'big-flows.yaml: is 1.5 MiB, over the 1.0 MiB limit (raise it with --max-size)',
	], {cwd: temporary});
});

test('a file over the default 32 MiB limit', async t => {
	await assertRefused(t, ['eval', '--flows', 'flows.yaml', 'huge.yaml'], ['huge.yaml: is 33.0 MiB, over the 32.0 MiB limit (raise it with --max-size)'], {cwd: temporary});
});

test('invalid UTF-8, at its line', async t => {
	const outcome = await run(['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', 'bad/invalid-utf8.yaml']);
	t.is(outcome.code, 2);
	t.is(outcome.stdout, '');
	assertNoStackTrace(t, outcome.stderr);
	t.is(lines(outcome.stderr).length, 1, outcome.stderr);
	t.regex(outcome.stderr, /^error: bad\/invalid-utf8\.yaml:7(?::\d+)?: is not valid UTF-8 text\n$/);
});

test('invalid UTF-8 is reported at its line and column, like every other problem', refuses, ['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', 'bad/invalid-utf8.yaml'], [
	'bad/invalid-utf8.yaml:7:15: is not valid UTF-8 text',
]);

test('a missing file', refuses, ['eval', '--flows', '../seed/flows.yaml', 'bad/does-not-exist.yaml'], ['bad/does-not-exist.yaml: no such file']);
test('a missing flows file', refuses, ['eval', '--flows', 'flows/does-not-exist.yaml', '../seed/cluster.yaml'], ['flows/does-not-exist.yaml: no such file']);
// A cluster FILE may be a folder (read as kubectl apply -R reads it: test/cli-folders.ts); a flows file may not.
test('a folder given as a flows file', refuses, ['eval', '--flows', 'bad', '../seed/cluster.yaml'], ['bad: is a folder, not a file']);
test('a file with no objects', refuses, ['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', 'bad/no-objects.yaml'], ['bad/no-objects.yaml: has no Kubernetes objects in it']);

// Bad NetworkPolicies: each class of test/validation.ts, through the CLI, at its line and column.

const npCases: Array<[string, string, string[]]> = [
	['an unknown field (podselector)', 'unknown-field', ['8:3: NetworkPolicy "default/db-policy": unknown field "spec.podselector"']],
	['an unknown field (ingres)', 'unknown-field-ingres', ['13:3: NetworkPolicy "default/db-policy": unknown field "spec.ingres"']],
	['an unknown field in a peer', 'unknown-field-peer', ['15:11: NetworkPolicy "default/db-policy": unknown field "spec.ingress[0].from[0].namespaceselector"']],
	['an unknown field in a port', 'unknown-field-port', ['19:11: NetworkPolicy "default/db-policy": unknown field "spec.ingress[0].ports[0].protocl"']],
	['a wrong type: policyTypes as a string', 'wrong-type-policy-types', [`11:16: ${policy}: spec.policyTypes: Invalid value: "Ingress": must be a list`]],
	['a wrong type: port as a list', 'wrong-type-port-list', [`20:17: ${policy}: spec.ingress[0].ports[0].port: Invalid value: list: must be an integer or a string`]],
	['an invalid label key', 'label-key', [`10:7: ${policy}: spec.podSelector.matchLabels: Invalid value: "role_": name part ${qualifiedNameError}`]],
	['an invalid label value', 'label-value', [`17:21: ${policy}: spec.ingress[0].from[0].podSelector.matchLabels: Invalid value: "api pod": ${labelValueError}`]],
	['NotIn without values', 'notin-no-values', [`10:9: ${policy}: spec.podSelector.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`]],
	['Exists with values', 'exists-with-values', [`12:17: ${policy}: spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`]],
	['an unknown operator', 'unknown-operator', [`11:19: ${policy}: spec.podSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator`]],
	['an invalid CIDR', 'invalid-cidr', [`16:19: ${policy}: spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`]],
	['an except outside its cidr', 'except-outside', [`19:17: ${policy}: spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "10.1.0.0/24": must be a strict subset of \`cidr\``]],
	['ipBlock with podSelector in one peer', 'ipblock-and-selector', [`15:11: ${policy}: spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer`]],
	['an empty peer {}', 'empty-peer', [`18:11: ${policy}: spec.ingress[0].from[1]: Required value: must specify a peer`]],
	['port 0', 'port-0', [`20:17: ${policy}: spec.ingress[0].ports[0].port: Invalid value: 0: ${portRange}`]],
	['port 70000', 'port-70000', [`20:17: ${policy}: spec.ingress[0].ports[0].port: Invalid value: 70000: ${portRange}`]],
	['endPort below port', 'endport-below', [`21:20: ${policy}: spec.ingress[0].ports[0].endPort: Invalid value: 3300: must be greater than or equal to \`port\``]],
	['endPort with a named port', 'endport-named', [`21:20: ${policy}: spec.ingress[0].ports[0].endPort: Invalid value: 3310: may not be specified when \`port\` is non-numeric`]],
	['endPort without port', 'endport-no-port', [`20:20: ${policy}: spec.ingress[0].ports[0].endPort: Invalid value: 3310: may not be specified when \`port\` is not specified`]],
	['an unknown protocol', 'protocol-icmp', [`19:21: ${policy}: spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"`]],
	['a port name too long', 'port-name-long', [`20:17: ${policy}: spec.ingress[0].ports[0].port: Invalid value: "mysql-primary-port": must be no more than 15 characters`]],
	['a port name in upper case', 'port-name-upper', [
		`20:17: ${policy}: spec.ingress[0].ports[0].port: Invalid value: "MySQL": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
	]],
	['a port name with no letter', 'port-name-no-letter', [`20:17: ${policy}: spec.ingress[0].ports[0].port: Invalid value: "3306": must contain at least one letter (a-z); in quotes it is a port name: write 3306 without quotes for a port number`]],
	['a port name with a double hyphen', 'port-name-double-hyphen', [`20:17: ${policy}: spec.ingress[0].ports[0].port: Invalid value: "my--sql": must not contain consecutive hyphens`]],
	['an invalid policyTypes entry', 'policy-type-invalid', [`12:7: ${policy}: spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress"`]],
	['more than two policyTypes', 'policy-types-three', [`12:5: ${policy}: spec.policyTypes: Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes`]],
	['a missing metadata.name', 'missing-name', ['5:3: NetworkPolicy "default/": metadata.name: Required value: name or generateName is required']],
	['an invalid metadata.name', 'invalid-name', [`5:9: NetworkPolicy "default/DB_Policy": metadata.name: Invalid value: "DB_Policy": ${subdomainError}`]],
	['every problem of one policy', 'several-problems', [
		'8:3: NetworkPolicy "default/DB_Policy": unknown field "spec.podselector"',
		`5:9: NetworkPolicy "default/DB_Policy": metadata.name: Invalid value: "DB_Policy": ${subdomainError}`,
		`21:17: NetworkPolicy "default/DB_Policy": spec.ingress[0].ports[0].port: Invalid value: 70000: ${portRange}`,
		'22:21: NetworkPolicy "default/DB_Policy": spec.ingress[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
		'13:7: NetworkPolicy "default/DB_Policy": spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"',
	]],
];

for (const [title, name, expected] of npCases) {
	test(`a NetworkPolicy with ${title}`, refuses, ['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', `bad/${name}.yaml`], expected.map(line => `bad/${name}.yaml:${line}`));
}

test('a pod label of the wrong type', refuses, ['eval', '--flows', '../seed/flows.yaml', 'bad/wrong-type-label.yaml'], [
	'bad/wrong-type-label.yaml:9:14: Pod "default/web": metadata.labels.version: Invalid value: 2: must be a string',
]);

test('a bad label that is not the first is reported at its own line', async t => {
	const file = path.join(temporary, 'labels.yaml');
	writeFileSync(file, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels:\n    team: a\n    tier_: b\n    env: "x y"\n');
	await assertRefused(t, ['eval', '--flows', 'flows.yaml', 'labels.yaml'], [
		`labels.yaml:7:5: Namespace "prod": metadata.labels: Invalid value: "tier_": name part ${qualifiedNameError}`,
		`labels.yaml:8:10: Namespace "prod": metadata.labels: Invalid value: "x y": ${labelValueError}`,
	], {cwd: temporary});
});

// Bad flows.

test('a flow naming an unknown pod: the pod and its line', refuses, ['eval', '--flows', 'flows/unknown-pod.yaml', '../seed/cluster.yaml'], [
	'flows/unknown-pod.yaml:5:9: flows[1].to: pod "default/cache" is not in the cluster files',
]);

test('a flow naming a pod in the wrong namespace gets a suggestion', refuses, ['eval', '--flows', 'flows/misspelt-namespace.yaml', '../seed/cluster.yaml'], [
	'flows/misspelt-namespace.yaml:3:12: flows[0].from: pod "prod/web" is not in the cluster files (did you mean default/web?)',
]);

test('a flow with both ends outside the cluster', refuses, ['eval', '--flows', 'flows/both-outside.yaml', '../seed/cluster.yaml'], [
	'flows/both-outside.yaml:4:12: flows[1]: neither 203.0.113.7 nor 198.51.100.1 is a pod of the cluster; at least one end of a flow must be a pod',
]);

test('a flow with port 70000', refuses, ['eval', '--flows', 'flows/port-70000.yaml', '../seed/cluster.yaml'], [
	'flows/port-70000.yaml:3:47: flows[0].port: 70000 is not a port; use 1..65535',
]);

test('a flow with protocol ICMP', refuses, ['eval', '--flows', 'flows/protocol-icmp.yaml', '../seed/cluster.yaml'], [
	'flows/protocol-icmp.yaml:6:15: flows[0].protocol: "ICMP" is not a protocol; use TCP, UDP or SCTP',
]);

test('an unknown field in a flow', refuses, ['eval', '--flows', 'flows/unknown-field.yaml', '../seed/cluster.yaml'], [
	'flows/unknown-field.yaml:3:53: flows[0].verdict: unknown field "verdict"; a flow has from, to, port, protocol and expect',
]);

// Accepted forms of input.

test('CRLF line endings are accepted', async t => {
	await assertSeedJson(t, ['--flows', 'crlf-flows.yaml', 'crlf-cluster.yaml'], {cwd: temporary});
});

test('a UTF-8 byte order mark is accepted', async t => {
	await assertSeedJson(t, ['--flows', 'bom-flows.yaml', 'bom-cluster.yaml'], {cwd: temporary});
	await assertSeedJson(t, ['--flows', 'crlf-flows.yaml', 'crlf-bom-cluster.yaml'], {cwd: temporary});
});

test('CRLF and a BOM do not shift lines or columns of problems', async t => {
	const message = `${policy}: spec.ingress[0].ports[0].port: Invalid value: 70000: ${portRange}`;
	await assertRefused(t, ['eval', '--flows', 'flows.yaml', 'crlf-port-70000.yaml'], [`crlf-port-70000.yaml:20:17: ${message}`], {cwd: temporary});
	await assertRefused(t, ['eval', '--flows', 'flows.yaml', 'bom-port-70000.yaml'], [`bom-port-70000.yaml:20:17: ${message}`], {cwd: temporary});
	await assertRefused(t, ['eval', '--flows', 'flows.yaml', 'crlf-syntax.yaml'], ['crlf-syntax.yaml:5:9: invalid YAML: Nested mappings are not allowed in compact mappings; a value with ": " in it needs quotes'], {cwd: temporary});
});

test('a v1 List works', async t => {
	await assertSeedJson(t, ['--flows', '../seed/flows.yaml', 'list.yaml']);
});

test('a JSON cluster file (kubectl get -o json) works', async t => {
	await assertSeedJson(t, ['--flows', '../seed/flows.yaml', 'cluster.json']);
});

test('a JSON file with an invalid policy reports the line and column of the field', async t => {
	const text = readFileSync(path.join(fixtures, 'bad/bad-policy.json'), 'utf8').split('\n');
	const line = text.findIndex(entry => entry.includes('"port": 70000')) + 1;
	const column = text[line - 1]!.indexOf('70000') + 1;
	t.is(line, 215);
	await assertRefused(t, ['eval', '--flows', '../seed/flows.yaml', 'bad/bad-policy.json'], [
		`bad/bad-policy.json:${line}:${column}: ${policy}: spec.ingress[0].ports[0].port: Invalid value: 70000: ${portRange}`,
	]);
});

test('other kinds are skipped with a note naming kind and apiVersion; the command still exits 0', async t => {
	const outcome = await run(['eval', '--flows', '../seed/flows.yaml', '../seed/cluster.yaml', 'skipped.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	t.true(outcome.stdout.includes(seedSummary), 'the extensions/v1beta1 deny-all is not applied');
	const [warning, ...notes] = lines(outcome.stderr);
	t.is(warning, 'Warning: skipped.yaml:15 NetworkPolicy "default/deny-all" was skipped: netpol-dojo reads NetworkPolicy as networking.k8s.io/v1, not extensions/v1beta1');
	t.is(notes.length, 1, outcome.stderr);
	t.true(notes[0]!.startsWith('note: '), notes[0]);
	t.true(notes[0]!.includes('ConfigMap (v1)'), notes[0]);
	t.true(notes[0]!.includes('NetworkPolicy (extensions/v1beta1)'), notes[0]);
	t.true(notes[0]!.includes('skipped.yaml'), notes[0]);
});

test('skipped kinds do not disturb --json output on stdout', async t => {
	const outcome = await run(['eval', '--json', '--flows', '../seed/flows.yaml', '../seed/cluster.yaml', 'skipped.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	t.true(outcome.stderr.startsWith('Warning: '));
	t.is(parseEvalJson(outcome.stdout).passed, 8);
});

test('every namespace carries kubernetes.io/metadata.name, set to its own name', async t => {
	const outcome = await run(['eval', '--json', '--flows', 'namespaces/flows.yaml', 'namespaces/cluster.yaml']);
	t.is(outcome.code, 0, outcome.stdout);
	t.is(outcome.stderr, '');
	const json = parseEvalJson(outcome.stdout);
	t.deepEqual(json.results.map(result => `${String(result['from'])} ${String(result['port'])} ${String(result['verdict'])}`), [
		'staging/client 5432 allow',
		'dev/client 5432 deny',
		'prod/client 5432 deny',
		'prod/client 6432 allow',
		'staging/client 6432 deny',
	]);
	t.is(json.failed, 0);
});

test('YAML merge keys (<<) are read as kubectl reads them', async t => {
	const flows = path.join(temporary, 'merge-flows.yaml');
	writeFileSync(flows, 'flows:\n  - {from: default/api-canary, to: 203.0.113.9, port: 443, expect: allow}\n');
	const outcome = await run(['eval', '--json', '--flows', flows, 'merge-keys.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(parseEvalJson(outcome.stdout).passed, 1);
});

// Colour.

test('NO_COLOR output has no escape sequences', async t => {
	for (const flows of ['../seed/flows.yaml', 'flows/failing.yaml']) {
		const outcome = await run(['eval', '--flows', flows, '../seed/cluster.yaml'], {env: {NO_COLOR: '1'}});
		t.false(outcome.stdout.includes('\u001B'), flows);
		t.false(outcome.stderr.includes('\u001B'), flows);
	}

	const refused = await run(['eval', '--flows', '../seed/flows.yaml', 'pods.yaml', 'bad/port-70000.yaml'], {env: {NO_COLOR: '1'}});
	t.false(refused.stderr.includes('\u001B'));
});

test('FORCE_COLOR=1 output has escape sequences, but --json never does', async t => {
	const outcome = await run(['eval', '--flows', 'flows/failing.yaml', '../seed/cluster.yaml'], {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}});
	t.is(outcome.code, 1);
	t.regex(outcome.stdout, /\u001B\[\d+m/);
	const json = await run(['eval', '--json', '--flows', 'flows/failing.yaml', '../seed/cluster.yaml'], {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}});
	t.false(json.stdout.includes('\u001B'));
	t.is(parseEvalJson(json.stdout).failed, 1);
});

test('a policy in a later file replaces the one of the same name in an earlier file, as kubectl apply would', async t => {
	const folder = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-apply-'));
	const cluster = readFileSync(path.join(root, 'test/fixtures/seed/cluster.yaml'), 'utf8');
	writeFileSync(path.join(folder, 'cluster.yaml'), cluster);
	writeFileSync(path.join(folder, 'flows.yaml'), readFileSync(path.join(root, 'test/fixtures/seed/flows.yaml'), 'utf8'));
	const policy = `apiVersion: networking.k8s.io/v1\n${cluster.slice(cluster.indexOf('kind: NetworkPolicy'))}`.replace('name: api-pod', 'name: web-pod');
	writeFileSync(path.join(folder, 'my-policy.yaml'), policy);
	const policyLine = cluster.split('\n').findIndex(line => line === 'kind: NetworkPolicy');
	const outcome = await run(['eval', '--json', '--flows', 'flows.yaml', 'cluster.yaml', 'my-policy.yaml'], {cwd: folder});
	t.is(outcome.code, 1, 'the edited policy lets web in and keeps api out, against the expectations');
	t.is(outcome.stderr, `Warning: my-policy.yaml:1:1: NetworkPolicy "default/db-policy" replaces the one at cluster.yaml:${policyLine}, as kubectl apply would\n`);
	const results = (JSON.parse(outcome.stdout) as {results: Array<{from: string; to: string; port: number; verdict: string}>}).results;
	t.is(results.find(result => result.from === 'default/web' && result.port === 3306)?.verdict, 'allow');
	t.is(results.find(result => result.from === 'default/api' && result.port === 3306)?.verdict, 'deny');
	const twice = await run(['eval', '--flows', 'flows.yaml', 'my-policy.yaml', 'my-policy.yaml'], {cwd: folder});
	t.is(twice.code, 2, 'the same file twice is still a mistake');
});
