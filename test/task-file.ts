// The learner's file for a challenge (format/task-file.ts) and the cluster table in it
// (format/cluster-summary.ts): the task and cluster as comments, then YAML that reads back as
// exactly the policies the task asks for (or the challenge's starter). Checked on every
// challenge of the built-in pack, and on small challenges built here.
import path from 'node:path';
import test from 'ava';
import type {Challenge} from '../source/model/challenge.js';
import {loadClusterSources} from '../source/content/cluster-files.js';
import {documentsOf} from '../source/content/documents.js';
import {loadPack} from '../source/commands/load-content.js';
import {alignColumns, clusterTable, namespacesOf} from '../source/format/cluster-summary.js';
import {policyYaml} from '../source/format/policy-yaml.js';
import {policySkeleton, taskFileText} from '../source/format/task-file.js';
import type {ClusterObjects, NetworkPolicy, Pod} from '../source/model/kubernetes.js';
import {cluster, namespace, pod, policy} from './helpers/builders.js';

const {challenges} = loadPack(path.resolve(import.meta.dirname, '../../challenges'));
const byId = (id: string) => challenges.find(challenge => challenge.id === id)!;
const dbPolicy = byId('db-policy');

function policiesOf(text: string): NetworkPolicy[] {
	return [...loadClusterSources([{file: 'task.yaml', documents: documentsOf(text, 'task.yaml')}]).objects.policies];
}

// The comment block at the top: every line up to the first blank line.
function headerOf(text: string): string[] {
	const lines = text.split('\n');
	return lines.slice(0, lines.indexOf(''));
}

// A table row as its cells: the columns are two or more spaces apart.
function cells(line: string): string[] {
	return line.replace(/^#\s+/, '').split(/ {2,}/);
}

// The cells in sorted order: what a row holds, whatever the order of the columns.
function sortedCells(line: string): string[] {
	return cells(line).sort();
}

const sorted = (values: readonly string[]) => [...values].sort();

function synthetic(overrides: Partial<Challenge>): Challenge {
	return {
		id: 'tiny',
		title: 'A tiny challenge',
		difficulty: 'easy',
		topics: [],
		task: 'Do it.',
		hints: ['A hint.'],
		policies: [{name: 'p', namespace: 'default'}],
		cluster: cluster({}),
		cases: [],
		solution: [],
		...overrides,
	};
}

const footer = [
	'#',
	'# Write your NetworkPolicies below these comments; separate several with a line `---`.',
	'# Save and quit the editor, and netpol-dojo grades the file (in watch mode, every save).',
	'# Lines starting with # are comments and are not graded.',
];

test('the db-policy file starts with the challenge, its difficulty, minutes and topics, then its task', t => {
	const lines = taskFileText(dbPolicy).split('\n');
	t.deepEqual(lines.slice(0, 15), [
		'# Challenge db-policy: Only the API may reach the database',
		'# easy, about 6 minutes',
		'# topics: ingress, podSelector, ports',
		'#',
		'# TASK',
		'#   Namespace `default` runs three pods: `web` (label `name: web-pod`), `api` (label',
		'#   `name: api-pod`) and `db` (label `role: db`), a MySQL server whose container port 3306 is',
		'#   named `mysql`.',
		'#',
		'#   Create a NetworkPolicy named `db-policy` in namespace `default` so that pods labelled',
		'#   `role: db` accept traffic only from pods labelled `name: api-pod` in namespace `default`,',
		'#   on TCP port 3306 (by number, not by the port\'s name).',
		'#',
		'#   Traffic to the other pods, and traffic leaving `db`, must not change.',
		'#',
	]);
	t.is(lines[15], '# THE CLUSTER');
});

test('the db-policy file ends its comments with the instructions, then a blank line and the skeleton', t => {
	const text = taskFileText(dbPolicy);
	const header = headerOf(text);
	t.deepEqual(header.slice(-6), ['#', '# No NetworkPolicy exists in the cluster yet.', ...footer]);
	t.true(text.endsWith(`${footer.at(-1)!}\n\napiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
  namespace: default
spec:
  podSelector: {}
`));
});

test('the db-policy file shows the namespaces with their labels, the name label included', t => {
	const header = headerOf(taskFileText(dbPolicy));
	const start = header.indexOf('# THE CLUSTER') + 1;
	t.deepEqual(header.slice(start, start + 4), [
		'#   NAMESPACE    LABELS',
		'#   default      kubernetes.io/metadata.name=default',
		'#   kube-system  kubernetes.io/metadata.name=kube-system',
		'#   monitoring   kubernetes.io/metadata.name=monitoring,purpose=monitoring',
	]);
});

test('the db-policy file lists every pod with its namespace, IP, ports and labels', t => {
	const header = headerOf(taskFileText(dbPolicy));
	const rows = header.filter(line => /^# {3}(?:default|monitoring) {2,}\S+ {2,}/.test(line)).map(line => sortedCells(line));
	const expected = [
		['default', 'api', '10.0.0.20', 'http:8080/TCP', 'name=api-pod'],
		['default', 'db', '10.0.0.30', 'mysql:3306/TCP', 'role=db'],
		['default', 'web', '10.0.0.10', 'http:80/TCP', 'name=web-pod'],
		['monitoring', 'prometheus-0', '10.0.5.10', 'web:9090/TCP', 'app=prometheus'],
	];
	t.deepEqual(rows, expected.map(row => sorted(row)));
	t.true(header.some(line => /^# {3}NAMESPACE {2,}POD {2,}/.test(line) && JSON.stringify(sortedCells(line)) === JSON.stringify(sorted(['NAMESPACE', 'POD', 'IP', 'PORTS', 'LABELS']))));
});

for (const challenge of challenges) {
	test(`${challenge.id}: the comments hold the task and every pod; the rest reads back as ${challenge.starter === undefined ? 'the skeleton' : 'the starter'}`, t => {
		const text = taskFileText(challenge);
		const header = headerOf(text);
		t.true(header.every(line => line === '#' || line.startsWith('# ')), 'every line before the body is a comment');
		t.is(text.split('\n')[header.length], '');
		t.deepEqual(header.slice(0, 3), [
			`# Challenge ${challenge.id}: ${challenge.title}`,
			`# ${challenge.difficulty}${challenge.minutes === undefined ? '' : `, about ${challenge.minutes} minutes`}`,
			`# topics: ${challenge.topics.join(', ')}`,
		]);
		const taskLines = challenge.task.trimEnd().split('\n').map(line => (line.trim() === '' ? '#' : `#   ${line.trimEnd()}`));
		t.deepEqual(header.slice(5, 5 + taskLines.length), taskLines);
		t.deepEqual(header.slice(-4), footer);

		// A pod is a table row, or, where a row would not fit 100 columns, a block: its name and IP,
		// then its labels and ports on wrapped lines.
		const blockOf = (head: string) => {
			const start = header.indexOf(head);
			if (start === -1) {
				return undefined;
			}

			const rest = header.slice(start + 1);
			const end = rest.findIndex(line => !line.startsWith('#       '));
			return rest.slice(0, end === -1 ? rest.length : end).join(' ').replaceAll(/#\s+/g, ' ');
		};

		for (const item of challenge.cluster.pods) {
			const labels = Object.entries(item.labels).map(([key, value]) => `${key}=${value}`);
			const ports = item.ports.map(entry => `${entry.name ? `${entry.name}:` : ''}${entry.port}/${entry.protocol}`);
			const expected = JSON.stringify(sorted([item.namespace, item.name, item.ips.join(',') || '<none>', ports.join(',') || '<none>', labels.join(',') || '<none>']));
			const block = blockOf(`#   pod ${item.namespace}/${item.name}  ${item.ips.join(', ') || 'no IP'}`);
			const isShown = header.some(line => JSON.stringify(sortedCells(line)) === expected)
				|| (block !== undefined && [...labels, ...ports].every(part => block.includes(part)));
			t.true(isShown, `${item.namespace}/${item.name}`);
		}

		for (const name of namespacesOf(challenge.cluster).map(entry => entry.name)) {
			const block = blockOf(`#   namespace ${name}`);
			t.true(header.some(line => line.startsWith(`#   ${name} `) && line.includes(`kubernetes.io/metadata.name=${name}`)) || (block?.includes(`kubernetes.io/metadata.name=${name}`) ?? false), name);
		}

		t.deepEqual(header.filter(line => line.length > 100), [], 'the comments fit a 100-column editor');

		const expected = challenge.starter === undefined
			? challenge.policies.map(required => ({name: required.name, namespace: required.namespace}))
			: policiesOf(challenge.starter).map(item => ({name: item.name, namespace: item.namespace}));
		// A task that asks only for labels has no policy to sketch: its file is the comments alone.
		if (expected.length === 0) {
			t.throws(() => policiesOf(text), {message: /has no Kubernetes objects in it/});
			return;
		}

		const read = policiesOf(text);
		t.deepEqual(read.map(item => ({name: item.name, namespace: item.namespace})), expected);
		if (challenge.starter === undefined) {
			t.true(read.every(item => item.ingress.length === 0 && item.egress.length === 0 && item.isPolicyTypesDefaulted && Object.keys(item.podSelector.matchLabels).length === 0 && item.podSelector.matchExpressions.length === 0));
		} else {
			t.deepEqual(read, policiesOf(challenge.starter));
			t.true(text.endsWith(challenge.starter.endsWith('\n') ? challenge.starter : `${challenge.starter}\n`));
		}
	});
}

const withExisting = challenges.filter(challenge => challenge.cluster.policies.length > 0);

test('the built-in pack has challenges whose cluster already holds policies, with and without a starter', t => {
	t.true(withExisting.some(challenge => challenge.starter === undefined));
	t.true(withExisting.some(challenge => challenge.starter !== undefined));
	t.true(challenges.some(challenge => challenge.cluster.policies.length === 0));
});

for (const challenge of withExisting) {
	test(`${challenge.id}: the policies already in the cluster are shown as comments, --- after each`, t => {
		const header = headerOf(taskFileText(challenge));
		const start = header.indexOf('# NetworkPolicies already in the cluster:');
		t.not(start, -1);
		t.false(header.includes('# No NetworkPolicy exists in the cluster yet.'));
		const shown = challenge.cluster.policies.flatMap(item => [...policyYaml(item).split('\n').map(line => `#   ${line}`), '#   ---']);
		t.deepEqual(header.slice(start + 1, start + 1 + shown.length), shown);
		t.deepEqual(header.slice(start + 1 + shown.length), footer);
	});
}

test('allow-all-ingress shows its two deny policies exactly', t => {
	const header = headerOf(taskFileText(byId('allow-all-ingress')));
	const start = header.indexOf('# NetworkPolicies already in the cluster:');
	t.deepEqual(header.slice(start, start + 21), [
		'# NetworkPolicies already in the cluster:',
		'#   apiVersion: networking.k8s.io/v1',
		'#   kind: NetworkPolicy',
		'#   metadata:',
		'#     name: default-deny-ingress',
		'#     namespace: legacy',
		'#   spec:',
		'#     podSelector: {}',
		'#     policyTypes:',
		'#       - Ingress',
		'#   ---',
		'#   apiVersion: networking.k8s.io/v1',
		'#   kind: NetworkPolicy',
		'#   metadata:',
		'#     name: default-deny-ingress',
		'#     namespace: shop',
		'#   spec:',
		'#     podSelector: {}',
		'#     policyTypes:',
		'#       - Ingress',
		'#   ---',
	]);
});

test('a task file without minutes or topics says so; a task\'s blank and indented lines stay', t => {
	const text = taskFileText(synthetic({task: 'First line.  \n\n  - an item\nLast.\n\n\n'}));
	t.deepEqual(headerOf(text).slice(0, 11), [
		'# Challenge tiny: A tiny challenge',
		'# easy',
		'# topics: none',
		'#',
		'# TASK',
		'#   First line.',
		'#',
		'#     - an item',
		'#   Last.',
		'#',
		'# THE CLUSTER',
	]);
});

test('the whole file of a small challenge, exactly', t => {
	const challenge = synthetic({
		minutes: 4,
		topics: ['egress'],
		policies: [{name: 'a', namespace: 'default'}, {name: 'b', namespace: 'tools'}],
		cluster: cluster({pods: [pod('default/x', {app: 'x'}, {ip: '10.0.0.1', ports: [{port: 53, protocol: 'UDP'}]})]}),
	});
	const {pods} = clusterTable(challenge.cluster);
	t.is(taskFileText(challenge), [
		'# Challenge tiny: A tiny challenge',
		'# easy, about 4 minutes',
		'# topics: egress',
		'#',
		'# TASK',
		'#   Do it.',
		'#',
		'# THE CLUSTER',
		'#   NAMESPACE  LABELS',
		'#   default    kubernetes.io/metadata.name=default',
		'#',
		...pods.map(line => `#   ${line}`),
		'#',
		'# No NetworkPolicy exists in the cluster yet.',
		...footer,
		'',
		'apiVersion: networking.k8s.io/v1',
		'kind: NetworkPolicy',
		'metadata:',
		'  name: a',
		'  namespace: default',
		'spec:',
		'  podSelector: {}',
		'---',
		'apiVersion: networking.k8s.io/v1',
		'kind: NetworkPolicy',
		'metadata:',
		'  name: b',
		'  namespace: tools',
		'spec:',
		'  podSelector: {}',
		'',
	].join('\n'));
	t.deepEqual(policiesOf(taskFileText(challenge)).map(item => `${item.namespace}/${item.name}`), ['default/a', 'tools/b']);
});

// A live allow-all policy, as a pack could smuggle it into the header through a line break.
const allowAll = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-all, namespace: default}\nspec: {podSelector: {}, ingress: [{}]}';

for (const [name, lineBreak] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r'], ['NEL', '\u0085'], ['U+2028', '\u2028'], ['U+2029', '\u2029'], ['VT', '\v'], ['FF', '\f']] as const) {
	test(`every header line is a comment whatever the pack says: a title, topic or task broken by ${name}`, t => {
		const injected = `x${lineBreak}${allowAll.replaceAll('\n', lineBreak)}`;
		const text = taskFileText(synthetic({title: injected, topics: [injected], task: injected}));
		const header = text.slice(0, text.indexOf('\n\napiVersion'));
		t.deepEqual(header.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/).filter(line => !line.startsWith('#')), []);
		t.true(header.includes(`# Challenge tiny: x\n# apiVersion: networking.k8s.io/v1\n# kind: NetworkPolicy\n`), header);
		t.deepEqual(policiesOf(text).map(item => `${item.namespace}/${item.name}`), ['default/p']);
	});
}

test('a starter without a final newline gets one', t => {
	const starter = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: default}\nspec: {podSelector: {}}';
	t.true(taskFileText(synthetic({starter})).endsWith(`Lines starting with # are comments and are not graded.\n\n${starter}\n`));
});

test('policySkeleton writes one policy per required policy, separated by ---', t => {
	t.is(policySkeleton(synthetic({policies: [{name: 'one', namespace: 'a'}, {name: 'two', namespace: 'b'}]})), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: one\n  namespace: a\nspec:\n  podSelector: {}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: two\n  namespace: b\nspec:\n  podSelector: {}\n');
});

// BUG source/format/task-file.ts policySkeleton writes `name: ${policy.name}` and
// `namespace: ${policy.namespace}` unquoted. Valid Kubernetes names such as `123` or `1e3`, and
// namespaces such as `no`, `on`, `y` or `null`, are then read as a number, a boolean or null: the
// learner's fresh file is refused ("metadata.name: Invalid value: 123: must be a string") or,
// for `null`, silently names namespace `default`. policyYaml quotes these; the skeleton does not.
test('the skeleton of policies with YAML-looking names reads back with those names', t => {
	const required = [{name: '123', namespace: 'no'}, {name: '1e3', namespace: 'null'}, {name: 'on', namespace: 'y'}];
	const read = policiesOf(taskFileText(synthetic({policies: required})));
	t.deepEqual(read.map(item => ({name: item.name, namespace: item.namespace})), required);
});

// --- cluster-summary.ts

test('alignColumns pads every column but the last to its widest cell, two spaces apart', t => {
	t.deepEqual(alignColumns([
		['NAMESPACE', 'POD', 'IP'],
		['default', 'prometheus-0', '10.0.0.1'],
		['kube-system', 'x', '<none>'],
	]), [
		'NAMESPACE    POD           IP',
		'default      prometheus-0  10.0.0.1',
		'kube-system  x             <none>',
	]);
});

test('alignColumns leaves the last column unpadded, even when it is the widest', t => {
	t.deepEqual(alignColumns([['A', 'LONG LAST COLUMN'], ['bb', 'x']]), ['A   LONG LAST COLUMN', 'bb  x']);
});

test('alignColumns of one column, of one row, and of no rows', t => {
	t.deepEqual(alignColumns([['a'], ['bbb'], ['']]), ['a', 'bbb', '']);
	t.deepEqual(alignColumns([['x', 'y', 'z']]), ['x  y  z']);
	t.deepEqual(alignColumns([]), []);
});

test('alignColumns: a shorter row ends with its own last cell, unpadded', t => {
	t.deepEqual(alignColumns([['aaaa', 'b', 'c'], ['x', 'yyy']]), ['aaaa  b    c', 'x     yyy']);
});

test('namespacesOf lists Namespace objects and the namespaces pods and policies name, sorted, with the name label first', t => {
	const objects: ClusterObjects = cluster({
		namespaces: [namespace('zeta', {team: 'z'})],
		pods: [pod('alpha/a'), pod('zeta/z')],
		policies: [policy('beta/p', {})],
	});
	const result = namespacesOf(objects);
	t.deepEqual(result.map(entry => entry.name), ['alpha', 'beta', 'zeta']);
	t.deepEqual(result.map(entry => Object.entries(entry.labels)), [
		[['kubernetes.io/metadata.name', 'alpha']],
		[['kubernetes.io/metadata.name', 'beta']],
		[['kubernetes.io/metadata.name', 'zeta'], ['team', 'z']],
	]);
});

// BUG source/format/cluster-summary.ts namespacesOf: `{[namespaceNameLabel]: namespace.name,
// ...namespace.labels}` lets a Namespace object's own (wrong) kubernetes.io/metadata.name label
// win, while the evaluator (source/evaluator/compile.ts, `{...namespace.labels,
// [namespaceNameLabel]: namespace.name}`) sets the name, as the API server does. The task file
// then shows a label that no namespaceSelector will match.
test('namespacesOf shows the name label the evaluator uses, over a wrong one in the Namespace object', t => {
	const objects = cluster({namespaces: [namespace('shop', {'kubernetes.io/metadata.name': 'store', team: 'x'})]});
	t.deepEqual({...namespacesOf(objects)[0]!.labels}, {'kubernetes.io/metadata.name': 'shop', team: 'x'});
	t.true(clusterTable(objects).namespaces[1]!.includes('kubernetes.io/metadata.name=shop'));
});

test('clusterTable: header first, pods sorted by namespace then name, <none> for no IP, port or label', t => {
	const pods: Pod[] = [
		pod('web/b', {app: 'b', tier: 'front'}, {ips: ['10.0.0.2', 'fd00::2'], ports: [{name: 'http', port: 80}, {port: 53, protocol: 'UDP'}]}),
		pod('api/z'),
		pod('web/a', {app: 'a'}, {ip: '10.0.0.1', ports: [{name: 'sig', port: 3868, protocol: 'SCTP'}]}),
	];
	const table = clusterTable(cluster({pods}));
	t.deepEqual(table.namespaces, [
		'NAMESPACE  LABELS',
		'api        kubernetes.io/metadata.name=api',
		'web        kubernetes.io/metadata.name=web',
	]);
	t.is(table.pods.length, 4);
	t.deepEqual(sortedCells(table.pods[0]!), sorted(['NAMESPACE', 'POD', 'IP', 'PORTS', 'LABELS']));
	t.deepEqual(table.pods.slice(1).map(line => sortedCells(line)), [
		sorted(['api', 'z', '<none>', '<none>', '<none>']),
		sorted(['web', 'a', '10.0.0.1', 'sig:3868/SCTP', 'app=a']),
		sorted(['web', 'b', '10.0.0.2,fd00::2', 'http:80/TCP,53/UDP', 'app=b,tier=front']),
	]);
	// Aligned: every column starts at the same place in every row.
	const starts = (line: string) => [...line.matchAll(/(?:^| {2})(\S)/g)].map(match => match.index + (match[0].length - 1));
	t.is(new Set(table.pods.map(line => JSON.stringify(starts(line)))).size, 1);
});

test('an exam\'s file says how the exam grades it, and its policies are the practice file\'s', t => {
	const exam = taskFileText(dbPolicy, {isExam: true});
	t.true(exam.includes('# Save and quit the editor. During the exam you see only whether kubectl would accept\n# the file; it is graded when the exam ends.\n'), exam);
	t.false(exam.includes('watch mode'));
	t.is(exam.slice(exam.indexOf('\napiVersion')), taskFileText(dbPolicy).slice(taskFileText(dbPolicy).indexOf('\napiVersion')));
	t.deepEqual(exam.split('\n').filter(line => line.length > 100), []);
});
