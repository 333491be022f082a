// explain, matrix, diff and lint end to end: the built CLI as a child process, its exit code,
// stdout and stderr, on the fixtures in test/fixtures/traffic (a shop in prod, locked down).
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');

type Outcome = {code: number | undefined; stdout: string; stderr: string};

/** Runs the CLI in the fixtures folder, so that messages name files as `cluster.yaml`. */
async function run(args: readonly string[], env: Record<string, string> = {}): Promise<Outcome> {
	const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	delete environment['FORCE_COLOR'];
	delete environment['NETPOL_DOJO_DEBUG'];
	Object.assign(environment, env);
	return new Promise(resolve => {
		execFile(process.execPath, [cli, ...args], {cwd: path.join(root, 'test/fixtures/traffic'), env: environment, encoding: 'utf8'}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : undefined) : 0, stdout, stderr});
		});
	});
}

const cluster = ['cluster.yaml', 'policies.yaml'];

test('explain --flows traces every flow, and exits 0 when every expectation holds', async t => {
	const outcome = await run(['explain', '--flows', 'flows.yaml', ...cluster]);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stderr, '');
	t.true(outcome.stdout.includes([
		'10.9.9.9 -> prod/web on 8080/TCP: deny (expected deny: ok)',
		'  egress from 10.9.9.9: not a pod (outside the cluster), so no policy applies on this side',
		'  ingress to prod/web: denied; selected for ingress by prod/default-deny (podSelector {}), prod/web (podSelector app=web), and no rule admits traffic from 10.9.9.9 on 8080/TCP',
		'    prod/default-deny has no ingress rules, so it admits nothing (deny all ingress)',
		'    prod/web ingress rule #1 does not admit it:',
		'      peer 1: ipBlock 0.0.0.0/0 contains 10.9.9.9, but its except 10.0.0.0/8 leaves it out',
		'      port 1 (http/TCP, a named port) is 8080 on prod/web: matches',
		'',
	].join('\n')), outcome.stdout);
	t.true(outcome.stdout.endsWith('\n9 flows: 5 allowed, 4 denied; 9 expectations held, 0 failed\n'));
});

test('explain exits 1 when an expectation fails, and says which', async t => {
	const outcome = await run(['explain', '--flows', 'flows-failing.yaml', ...cluster]);
	t.is(outcome.code, 1);
	t.true(outcome.stdout.startsWith('dev/web -> prod/api on 5000/TCP: deny (expected allow: FAIL)\n'), outcome.stdout);
	t.true(outcome.stdout.endsWith('2 flows: 1 allowed, 1 denied; 1 expectation held, 1 failed\n'));
});

test('explain --from --to --port explains one flow; --json has the trace as data and as lines', async t => {
	const text = await run(['explain', '--from', 'dev/web', '--to', 'prod/db', '--port', '3306', ...cluster]);
	t.is(text.code, 0);
	t.is(text.stdout.split('\n')[0], 'dev/web -> prod/db on 3306/TCP: deny');
	t.true(text.stdout.includes('      peer 1: podSelector app=api looks only in the policy\'s namespace prod, and dev/web is in dev (and its labels app=web do not match either)\n'));
	const json = await run(['explain', '--json', '--from', 'monitoring/prometheus', '--to', 'prod/db', '--port', '9153', ...cluster]);
	t.is(json.code, 0);
	const document = JSON.parse(json.stdout) as {results: Array<{verdict: string; ingress: {allowed: boolean; policies: Array<{policy: string; rules: Array<{field: string; admits: boolean}>}>}; explanation: string[]}>; passed: number; failed: number};
	t.like(document, {passed: 0, failed: 0, results: [{verdict: 'allow', ingress: {allowed: true}}]});
	t.deepEqual(document.results[0]!.ingress.policies.map(policy => [policy.policy, policy.rules.map(rule => `${rule.field} ${rule.admits}`)]), [
		['prod/default-deny', []],
		['prod/db', ['spec.ingress[0] false', 'spec.ingress[1] true']],
	]);
	t.is(document.results[0]!.explanation.at(-1), '    prod/db ingress rule #2 admits it: peer 1: namespaceSelector purpose=monitoring matches namespace monitoring and podSelector app=prometheus matches monitoring/prometheus; port 1 (9100-9200/TCP) includes 9153');
});

test('explain refuses bad input with exit 2 and one message, never a stack trace', async t => {
	const unknownPod = await run(['explain', '--from', 'prod/wbe', '--to', 'prod/db', '--port', '80', ...cluster]);
	t.is(unknownPod.code, 2);
	t.is(unknownPod.stderr, 'error: netpol-dojo explain: --from: pod "prod/wbe" is not in the cluster files (did you mean prod/web or prod/db?)\n');
	const badPort = await run(['explain', '--from', 'prod/web', '--to', 'prod/db', '--port', '70000', ...cluster]);
	t.is(badPort.code, 2);
	t.regex(badPort.stderr, /^error: --port takes a port number, 1\.\.65535; got "70000"\nusage: netpol-dojo explain/);
	const both = await run(['explain', '--flows', 'flows.yaml', '--from', 'prod/web', ...cluster]);
	t.is(both.code, 2);
	t.regex(both.stderr, /either --flows FLOWS or one flow/);
	const badFile = await run(['explain', '--flows', 'flows.yaml', '../cli/bad/port-70000.yaml']);
	t.is(badFile.code, 2);
	t.regex(badFile.stderr, /^error: \.\.\/cli\/bad\/port-70000\.yaml:\d+:\d+: NetworkPolicy .*Invalid value: 70000/);
	t.false(badFile.stderr.includes('    at '));
});

test('matrix draws the pod grid on port 80/TCP unless told another port', async t => {
	const outcome = await run(['matrix', '--port', '5000', ...cluster]);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, [
		'Who may open a connection to whom on 5000/TCP (rows: from, columns: to)',
		'7 pods in 4 namespaces; 20 of 49 pairs allowed (41%)',
		'',
		'                           1 2 3 4 5 6 7',
		'  1 prod/web               ✓ ✓ · · · · ·',
		'  2 prod/api               · ✓ · · · · ·',
		'  3 prod/db                · · ✓ · · · ·',
		'  4 dev/web                · · · ✓ ✓ ✓ ✓',
		'  5 monitoring/prometheus  · · · ✓ ✓ ✓ ✓',
		'  6 monitoring/grafana     · · · ✓ ✓ ✓ ✓',
		'  7 kube-system/coredns    · · · ✓ ✓ ✓ ✓',
		'',
		'✓ allowed  · denied  (a pod can always reach itself)',
		'',
	].join('\n'));
	const defaultPort = await run(['matrix', ...cluster]);
	t.true(defaultPort.stdout.startsWith('Who may open a connection to whom on 80/TCP'));
});

test('matrix colours its marks on a colour terminal (FORCE_COLOR) and never with NO_COLOR', async t => {
	const coloured = await run(['matrix', '--namespace', 'dev', ...cluster], {FORCE_COLOR: '1', NO_COLOR: ''});
	t.true(coloured.stdout.includes('\u001B[32m✓\u001B[39m'));
	const plain = await run(['matrix', '--namespace', 'dev', ...cluster], {FORCE_COLOR: '1'});
	t.false(plain.stdout.includes('\u001B['));
});

test('matrix --json --namespace gives the grid of one namespace as rows of 0s and 1s', async t => {
	const outcome = await run(['matrix', '--json', '--namespace', 'prod', '--port', '3306', ...cluster]);
	t.is(outcome.code, 0);
	t.deepEqual(JSON.parse(outcome.stdout), {
		port: 3306,
		protocol: 'TCP',
		namespace: 'prod',
		pods: ['prod/web', 'prod/api', 'prod/db'],
		allowed: ['100', '011', '001'],
		pairs: {total: 9, allowed: 4},
		namespaces: [{from: 'prod', to: 'prod', allowed: 4, total: 9}],
	});
});

test('matrix refuses an unknown namespace, port or protocol with exit 2', async t => {
	const namespace = await run(['matrix', '--namespace', 'prd', ...cluster]);
	t.is(namespace.code, 2);
	t.is(namespace.stderr, 'error: netpol-dojo matrix: --namespace: no pod of the cluster files is in namespace "prd" (did you mean prod?)\n');
	const protocol = await run(['matrix', '--protocol', 'icmp', ...cluster]);
	t.is(protocol.code, 2);
	t.regex(protocol.stderr, /--protocol takes TCP, UDP or SCTP; got "icmp"/);
	const noFiles = await run(['matrix']);
	t.is(noFiles.code, 2);
	t.regex(noFiles.stderr, /matrix needs at least one cluster FILE/);
});

test('diff names what a change opens, and exits 0', async t => {
	const outcome = await run(['diff', '--before', ...cluster, '--after', 'cluster.yaml', 'policies-after.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, [
		'Flows whose verdict changes from before to after, on every port of TCP, UDP and SCTP:',
		'',
		'Opened (denied before, allowed after):',
		'  monitoring/grafana -> prod/db  9100-9200/TCP',
		'',
		'1 pod pair changes: 1 opened, 0 closed',
		'',
	].join('\n'));
	const json = await run(['diff', '--json', '--port', '9100', '--before', ...cluster, '--after', 'cluster.yaml', 'policies-after.yaml']);
	t.deepEqual(JSON.parse(json.stdout), {
		changes: [{from: 'monitoring/grafana', to: 'prod/db', protocol: 'TCP', port: 9100, before: 'deny', after: 'allow'}],
		opened: 1,
		closed: 0,
		podsOnlyBefore: [],
		podsOnlyAfter: [],
	});
});

test('diff compares flows from outside addresses too: an except added to an ipBlock closes it', async t => {
	const outcome = await run(['diff', '--before', 'cluster.yaml', 'office.yaml', '--after', 'cluster.yaml', 'office-after.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, [
		'Flows whose verdict changes from before to after, on every port of TCP, UDP and SCTP:',
		'',
		'Closed (allowed before, denied after):',
		'  10.0.0.99/32 -> prod/web  8080/TCP',
		'',
		'1 address range changes: 0 opened, 1 closed',
		'',
	].join('\n'));
	const json = await run(['diff', '--json', '--before', 'cluster.yaml', 'office.yaml', '--after', 'cluster.yaml', 'office-after.yaml']);
	t.deepEqual(JSON.parse(json.stdout), {
		changes: [{from: '10.0.0.99/32', to: 'prod/web', outside: 'from', protocol: 'TCP', port: 8080, before: 'allow', after: 'deny'}],
		opened: 0,
		closed: 1,
		podsOnlyBefore: [],
		podsOnlyAfter: [],
	});
});

test('diff needs both sets of files, and files after an option belong to it', async t => {
	const missing = await run(['diff', '--before', ...cluster]);
	t.is(missing.code, 2);
	t.regex(missing.stderr, /^error: diff needs the files of both clusters: --after FILE\.\.\. is missing\n/);
	const stray = await run(['diff', 'cluster.yaml', '--before', ...cluster, '--after', 'cluster.yaml']);
	t.is(stray.code, 2);
	t.regex(stray.stderr, /"cluster\.yaml" comes before --before or --after/);
});

test('lint warns at each mistake\'s line and exits 1; a clean cluster exits 0', async t => {
	const outcome = await run(['lint', 'cluster.yaml', 'lint-mistakes.yaml']);
	t.is(outcome.code, 1);
	const lines = outcome.stdout.split('\n');
	t.deepEqual(lines.map(line => /^(lint-mistakes\.yaml:\d+:\d+): warning: .*\[([a-z-]+)\]$/.exec(line)?.slice(1).join(' ')).filter(Boolean), [
		'lint-mistakes.yaml:7:3 selects-no-pod',
		'lint-mistakes.yaml:13:11 or-instead-of-and',
		'lint-mistakes.yaml:22:17 no-dns-egress',
		'lint-mistakes.yaml:25:11 port-without-protocol',
	]);
	t.is(lines.at(-2), '4 warnings in 2 of 2 NetworkPolicies.');
	const clean = await run(['lint', ...cluster]);
	t.is(clean.code, 0, clean.stdout);
	t.is(clean.stdout, 'No warnings: 5 NetworkPolicies checked.\n');
});

test('lint without pods says which checks it skipped; --json has each warning with file, line and field', async t => {
	const outcome = await run(['lint', '--json', 'lint-mistakes.yaml']);
	t.is(outcome.code, 1);
	t.regex(outcome.stderr, /^note: the files have no Pods, so the checks that need them .* did not run/);
	const document = JSON.parse(outcome.stdout) as {warnings: Array<Record<string, unknown>>; policies: number; podChecks: boolean};
	t.like(document, {policies: 2, podChecks: false});
	t.deepEqual(document.warnings[0], {
		file: 'lint-mistakes.yaml',
		line: 13,
		column: 11,
		policy: 'prod/db-typo',
		field: 'spec.ingress[0].from[1]',
		code: 'or-instead-of-and',
		message: 'peers 1 and 2 are separate, so either admits (OR): every pod in namespaces purpose=monitoring, and pods app=prometheus in prod. For pods app=prometheus in namespaces purpose=monitoring (AND), write both selectors in one peer: remove the dash before the second selector',
	});
	const bad = await run(['lint', '../cli/bad/unknown-field-ingres.yaml']);
	t.is(bad.code, 2);
	t.regex(bad.stderr, /^error: \.\.\/cli\/bad\/unknown-field-ingres\.yaml:\d+:\d+: /);
});

test('--help lists the four commands, and a near miss is suggested', async t => {
	const help = await run(['--help']);
	for (const command of ['explain', 'matrix', 'diff', 'lint']) {
		t.regex(help.stdout, new RegExp(`\\n  netpol-dojo ${command} `));
	}

	const typo = await run(['matrx']);
	t.is(typo.code, 2);
	t.regex(typo.stderr, /unknown command "matrx" \(did you mean matrix\?\)/);
	const option = await run(['lint', '--jsn', 'cluster.yaml']);
	t.is(option.code, 2);
	t.regex(option.stderr, /unknown option --jsn \(did you mean --json\?\)/);
});

test('lint exits 1 when a policy was skipped for a misspelt kind, so CI does not pass a policy it never read', async t => {
	const folder = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-lint-kind-'));
	const file = path.join(folder, 'kind.yaml');
	writeFileSync(file, 'apiVersion: networking.k8s.io/v1\nkind: Networkpolicy\nmetadata: {name: p, namespace: prod}\nspec:\n  podSelector: {}\n');
	const outcome = await run(['lint', 'cluster.yaml', file]);
	t.is(outcome.code, 1);
	t.true(outcome.stderr.startsWith(`Warning: ${file}:2 Networkpolicy "prod/p" was skipped: did you mean kind: NetworkPolicy?\n`), outcome.stderr);
});

test('diff counts a pod pair opened on one port and closed on another once, and lint lists warnings in line order', async t => {
	const folder = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-diff-count-'));
	const challenge = path.join(root, 'challenges/fix-api-policy');
	const solution = readFileSync(path.join(challenge, 'solution.yaml'), 'utf8');
	const moved = path.join(folder, 'moved.yaml');
	writeFileSync(moved, solution.replace('port: 8000', 'port: 8080'));
	const outcome = await run(['diff', '--before', path.join(challenge, 'cluster.yaml'), path.join(challenge, 'solution.yaml'), '--after', path.join(challenge, 'cluster.yaml'), moved]);
	t.is(outcome.code, 0);
	t.regex(outcome.stdout, /\n1 pod pair changes: 1 opened, 1 closed\n$/);
	const lint = await run(['lint', 'cluster.yaml', 'lint-mistakes.yaml']);
	const lines = lint.stdout.split('\n').filter(line => line.startsWith('lint-mistakes.yaml:')).map(line => Number(line.split(':')[1]));
	t.true(lines.length > 2);
	t.deepEqual(lines, [...lines].sort((left, right) => left - right));
});
