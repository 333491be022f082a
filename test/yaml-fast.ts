// The fast YAML reader must read exactly what the YAML parser reads, or give up.
import test from 'ava';
import fc from 'fast-check';
import {stringify} from 'yaml';
import {readYamlFast} from '../source/content/yaml-fast.js';
import {parseYamlDocuments} from '../source/content/yaml-document.js';

function slowValues(text: string): unknown {
	try {
		return parseYamlDocuments(text, 'x.yaml').map(document => document.value);
	} catch {
		return 'refused';
	}
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const kubectlStyle = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Pod"}
  creationTimestamp: "2024-05-01T10:00:00Z"
  labels:
    app.kubernetes.io/name: web
    tier: frontend
  name: web-7d9f
  namespace: prod
spec:
  containers:
  - image: nginx:1.25
    name: web
    ports:
    - containerPort: 80
      name: http
      protocol: TCP
    resources:
      limits: {cpu: 500m, memory: 128Mi}
  dnsPolicy: ClusterFirst
  hostNetwork: false
status:
  podIP: 10.244.1.7
  podIPs:
  - ip: 10.244.1.7
  - ip: fd00::7
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
spec:
  podSelector:
    matchLabels:
      role: db   # the database
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector: {}
      ports:
        - {port: 3306, protocol: TCP}
`;

test('reads a kubectl dump and a hand-written policy exactly as the YAML parser does', t => {
	const fast = readYamlFast(kubectlStyle);
	t.not(fast, undefined);
	t.deepEqual(plain(fast), plain(slowValues(kubectlStyle)));
});

test('a text of only blank lines and comments has no document, as the parser says', t => {
	for (const text of ['', '\n\n', '# only a comment\n']) {
		t.deepEqual(readYamlFast(text), [], JSON.stringify(text));
		t.deepEqual(slowValues(text), [], JSON.stringify(text));
	}

	t.deepEqual(plain(readYamlFast('---\n')), plain(slowValues('---\n')));
});

test('reads nested one-line flow collections as the parser does', t => {
	for (const text of ['metadata: {name: ops, labels: {team: ops}}\n', 'ports: [{port: 3306}, {port: 53, protocol: UDP}]\n', 'a: [1, [2, 3], {b: c}, []]\n']) {
		const fast = readYamlFast(text);
		t.not(fast, undefined, text);
		t.deepEqual(plain(fast), plain(slowValues(text)), text);
	}
});

const givesUp = [
	'a: &x 1\nb: *x\n',
	'a: !!str 5\n',
	'a: yes\n',
	'a: 010\n',
	'a: 1:20\n',
	'a: 0x1F\n',
	'a: 1\na: 2\n',
	'base: {x: 1}\nm:\n  <<: {y: 2}\n',
	'a: "multi\n  line"\n',
	'a: plain\n  continued\n',
	'a: >\n  folded\n',
	'? complex\n: key\n',
	'a: [1, [2], ]\n',
	'a: {b: "quoted, with a comma"}\n',
	'%YAML 1.2\n---\na: 1\n',
	'a:\n\t- 1\n',
	'y: 1\n',
	'a: b\u00A0\n',
	'a:\n\u00A0 b: 1\n',
	'a: b\u3000c\n',
	'a: 1\rb: 2\n',
	'a: 1\u0085b: 2\n',
	'a:\n  b: 1\n\t\n  c: 2\n',
];

for (const text of givesUp) {
	test(`gives up on ${JSON.stringify(text)}`, t => {
		t.is(readYamlFast(text), undefined);
	});
}

const tricky = fc.constantFrom(
	'yes', 'no', 'on', 'Off', 'y', 'N', 'true', 'False', 'null', '~', '', ' ', '010', '0x10', '0o7', '0b1', '1_000', '1:20', '1e3', '1.5', '-1', '.5', '.inf', '-.inf', '.nan',
	'10.0.0.1', '1.2.3', '::/0', '::1', '2001:db8::1', 'fd00::7', '2001:db8::', '5abacd8b-5986-40ca', '1:2:3', '-foo', '?x', ':x', '- x', '10m', '128Mi', '2024-01-01T00:00:00Z', '2024-01-01', 'a: b', 'a:b', 'a #b', 'a#b', '#x', '- x', '-x', '[x]', '{x}', 'x,y', '"q"', '\'s\'', 'é', 'tab\there',
	'line\nbreak', 'trailing ', ' leading', 'no\u00A0break', '\u3000', 'nel\u0085', 'http://x:80/y', 'kubernetes.io/metadata.name', '<<', '*', '&a', '!t', '|', '>', '@x', '`x`', '%x', 'TCP', '3306', '65535', '0', '-0', '00',
);
const scalar = fc.oneof(tricky, fc.string({maxLength: 12}), fc.integer({min: -100_000, max: 100_000}), fc.double({noNaN: true}), fc.boolean(), fc.constant(null));
const keyText = fc.oneof(tricky, fc.stringMatching(/^[a-z][a-z.\/-]{0,10}$/));
const {tree} = fc.letrec<{tree: unknown}>(tie => ({
	tree: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		scalar,
		fc.array(tie('tree'), {maxLength: 4}),
		fc.dictionary(keyText, tie('tree'), {maxKeys: 4}),
	),
}));
const style = fc.record({
	indentSeq: fc.boolean(),
	indent: fc.constantFrom(2, 4),
	version: fc.constantFrom('1.1' as const, '1.2' as const),
	collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
	defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const),
	lineWidth: fc.constantFrom(0, 20, 80),
});

test('agrees with the YAML parser whenever it reads a text (property)', t => {
	let read = 0;
	fc.assert(fc.property(fc.array(fc.dictionary(keyText, tree, {minKeys: 1, maxKeys: 5}), {minLength: 1, maxLength: 3}), style, (documents, options) => {
		const text = documents.map(document => stringify(document, options)).join('---\n');
		const fast = readYamlFast(text);
		if (fast !== undefined) {
			read++;
			t.deepEqual(plain(fast), plain(slowValues(text)), text);
		}
	}), {numRuns: 4000});
	t.true(read > 100, `the fast reader read only ${read} of 4000 texts`);
});

const word = fc.stringMatching(/^[a-z][a-z\d.\/-]{0,8}[a-z\d]$/).filter(text => !/^(?:y|n|yes|no|on|off|true|false|null)$/.test(text));
const {realistic} = fc.letrec<{realistic: unknown}>(tie => ({
	realistic: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		fc.oneof(word, fc.integer({min: 0, max: 70_000}), fc.boolean(), fc.constant('10.1.2.3'), fc.constant('500m')),
		fc.array(tie('realistic'), {maxLength: 4}),
		fc.dictionary(word, tie('realistic'), {maxKeys: 4}),
	),
}));

test('reads most realistic documents, and reads them right (property)', t => {
	let read = 0;
	fc.assert(fc.property(fc.dictionary(word, realistic, {minKeys: 1, maxKeys: 6}), fc.boolean(), (document, indentSeq) => {
		const text = stringify(document, {indentSeq});
		const fast = readYamlFast(text);
		if (fast !== undefined) {
			read++;
			t.deepEqual(plain(fast), plain(slowValues(text)), text);
		}
	}), {numRuns: 1000});
	// It gives up on lists of lists (`- - x`), which Kubernetes objects do not have; about half
	// of these random documents contain one.
	t.true(read > 400, `the fast reader read only ${read} of 1000 texts`);
});
