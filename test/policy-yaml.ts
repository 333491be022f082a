// NetworkPolicies written back as YAML (format/policy-yaml.ts): exact text for each feature of
// the API, quoting where YAML 1.1 or 1.2 would read a string as something else, and a round trip
// through the strict reader (documentsOf + loadClusterSources) that must give back the typed
// policy, for every policy of the built-in pack and for random ones.
import assert from 'node:assert/strict';
import path from 'node:path';
import test from 'ava';
import fc from 'fast-check';
import {loadClusterSources} from '../source/content/cluster-files.js';
import {documentsOf} from '../source/content/documents.js';
import {loadPack} from '../source/commands/load-content.js';
import {policyYaml, toYaml} from '../source/format/policy-yaml.js';
import type {IpBlock, Labels, LabelSelector, NetworkPolicy, Peer, PolicyPort, PolicyType, Requirement, Rule} from '../source/model/kubernetes.js';
import {policy, port, rule, selector} from './helpers/builders.js';

// The typed policies a text holds, read as the grader reads a learner's file. The reader makes
// label maps without a prototype; structuredClone makes them plain objects, so that a strict
// comparison checks the values (a port 80 is not "80") and not the prototypes.
function readBack(text: string): NetworkPolicy[] {
	const loaded = loadClusterSources([{file: 'printed.yaml', documents: documentsOf(text, 'printed.yaml')}]);
	assert.deepStrictEqual(loaded.warnings, [], text);
	return structuredClone([...loaded.objects.policies]);
}

const full = policy('prod/api-policy', selector({app: 'api', tier: 'backend'}, [
	{key: 'env', operator: 'In', values: ['prod', 'staging']},
	{key: 'canary', operator: 'DoesNotExist', values: []},
]), {
	policyTypes: ['Ingress', 'Egress'],
	ingress: [rule(
		[{podSelector: selector({app: 'web'}), namespaceSelector: selector({team: 'frontend'})}, {ipBlock: {cidr: '10.0.0.0/16', except: ['10.0.1.0/24', '10.0.2.0/24']}}],
		[port('http'), port(8000, 'TCP', 9000), port(53, 'UDP')],
	)],
	egress: [rule(), rule([], [port(undefined, 'SCTP')])],
});

test('policyYaml writes every part of a policy: selectors, ipBlock with except, named port, endPort, explicit policyTypes, an empty rule', t => {
	t.is(policyYaml(full), `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-policy
  namespace: prod
spec:
  podSelector:
    matchLabels:
      app: api
      tier: backend
    matchExpressions:
      - key: env
        operator: In
        values:
          - prod
          - staging
      - key: canary
        operator: DoesNotExist
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: web
          namespaceSelector:
            matchLabels:
              team: frontend
        - ipBlock:
            cidr: "10.0.0.0/16"
            except:
              - "10.0.1.0/24"
              - "10.0.2.0/24"
      ports:
        - protocol: TCP
          port: http
        - protocol: TCP
          port: 8000
          endPort: 9000
        - protocol: UDP
          port: 53
  egress:
    - {}
    - ports:
        - protocol: SCTP`);
});

test('policyYaml leaves defaulted policyTypes out, and writes an empty podSelector as {}', t => {
	t.is(policyYaml(policy('default/deny-all', {})), `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: default
spec:
  podSelector: {}`);
});

test('policyYaml writes policyTypes given explicitly, even where they equal the default', t => {
	t.is(policyYaml(policy('default/deny-all', {}, {policyTypes: ['Ingress']})), `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: default
spec:
  podSelector: {}
  policyTypes:
    - Ingress`);
});

test('policyYaml writes a defaulted Ingress+Egress policy without policyTypes; empty selectors in peers as {}', t => {
	const egressOnly = policy('default/to-any-namespace', {app: 'x'}, {egress: [rule([{namespaceSelector: selector()}, {podSelector: selector(), namespaceSelector: selector({team: 'a'})}])]});
	t.deepEqual(egressOnly.policyTypes, ['Ingress', 'Egress']);
	t.is(policyYaml(egressOnly), `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: to-any-namespace
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: x
  egress:
    - to:
        - namespaceSelector: {}
        - podSelector: {}
          namespaceSelector:
            matchLabels:
              team: a`);
});

test('policyYaml writes a rule with no peers and no ports as `- {}`, and an ipBlock without except with no except', t => {
	const text = policyYaml(policy('default/open', {}, {policyTypes: ['Ingress', 'Egress'], ingress: [rule()], egress: [rule([{ipBlock: {cidr: '2001:db8::/32', except: []}}])]}));
	t.is(text, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: open
  namespace: default
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - {}
  egress:
    - to:
        - ipBlock:
            cidr: "2001:db8::/32"`);
});

test('policyYaml writes NotIn and Exists expressions, values only where there are some', t => {
	const text = policyYaml(policy('default/p', selector({}, [
		{key: 'tier', operator: 'NotIn', values: ['cache']},
		{key: 'app.kubernetes.io/name', operator: 'Exists', values: []},
	])));
	t.is(text, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: default
spec:
  podSelector:
    matchExpressions:
      - key: tier
        operator: NotIn
        values:
          - cache
      - key: app.kubernetes.io/name
        operator: Exists`);
});

test('policyYaml quotes label keys and values that YAML would read as booleans, null or numbers', t => {
	const text = policyYaml(policy('default/p', {y: 'yes', on: 'off', version: '010', ratio: '1.5', empty: '', hex: '0x1F', big: '1e3', none: 'null', web: 'web'}));
	t.is(text, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: default
spec:
  podSelector:
    matchLabels:
      "y": "yes"
      "on": "off"
      version: "010"
      ratio: "1.5"
      empty: ""
      hex: "0x1F"
      big: "1e3"
      none: "null"
      web: web`);
});

const quoting: Array<[string, string]> = [
	['yes', '"yes"'],
	['Yes', '"Yes"'],
	['NO', '"NO"'],
	['on', '"on"'],
	['Off', '"Off"'],
	['y', '"y"'],
	['n', '"n"'],
	['true', '"true"'],
	['False', '"False"'],
	['null', '"null"'],
	['~', '"~"'],
	['010', '"010"'],
	['1.5', '"1.5"'],
	['42', '"42"'],
	['-1', '"-1"'],
	['.inf', '".inf"'],
	['', '""'],
	['a b', '"a b"'],
	['a:b', '"a:b"'],
	['a: b', '"a: b"'],
	['key #comment', '"key #comment"'],
	['#x', '"#x"'],
	['-x', '"-x"'],
	['*alias', '"*alias"'],
	['&anchor', '"&anchor"'],
	['!tag', '"!tag"'],
	['@x', '"@x"'],
	['say "hi"', String.raw`"say \"hi\""`],
	['tab\there', String.raw`"tab\there"`],
	['web', 'web'],
	['NaN', 'NaN'],
	['yesterday', 'yesterday'],
	['app.kubernetes.io/name', 'app.kubernetes.io/name'],
	['/path/to', '/path/to'],
	['_private', '_private'],
	['a-b_c.d', 'a-b_c.d'],
];

test('toYaml quotes a string exactly when YAML would not read it back as that string', t => {
	const text = toYaml({values: quoting.map(([value]) => value)});
	t.is(text, ['values:', ...quoting.map(([, written]) => `  - ${written}`)].join('\n'));
});

test('toYaml writes numbers and booleans plain, empty lists and maps inline, nested lists as "- -"', t => {
	t.is(toYaml({port: 80, isOn: true, list: [], map: {}, nested: [[1, 2], [{}], [{a: 'b'}]]}), `port: 80
isOn: true
list: []
map: {}
nested:
  - - 1
    - 2
  - - {}
  - - a: b`);
});

test('toYaml of a list at the top level, and no trailing newline', t => {
	t.is(toYaml(['a', {b: 1, c: [true]}]), `- a
- b: 1
  c:
    - true`);
});

test('the quoted strings of toYaml read back as the same strings', t => {
	const text = toYaml({metadata: {labels: Object.fromEntries(quoting.map(([value], index) => [`k${index}`, value]))}});
	const [document] = documentsOf(text, 'labels.yaml');
	const labels = ((document!.value as Record<string, unknown>)['metadata'] as Record<string, unknown>)['labels'];
	t.deepEqual(labels, Object.fromEntries(quoting.map(([value], index) => [`k${index}`, value])));
});

// --- round trips

test('policyYaml of the policies above reads back as the same typed policies', t => {
	const policies = [
		full,
		policy('default/deny-all', {}),
		policy('default/deny-all', {}, {policyTypes: ['Ingress']}),
		policy('default/open', {}, {policyTypes: ['Egress'], egress: [rule()]}),
	];
	for (const original of policies) {
		t.deepEqual(readBack(policyYaml(original)), [original]);
	}
});

const pack = loadPack(path.resolve(import.meta.dirname, '../../challenges'));
const packPolicies = pack.challenges.flatMap(challenge => [...challenge.solution, ...challenge.cluster.policies].map(item => ({challenge: challenge.id, policy: item})));

test('every policy of the built-in pack (solutions and clusters) reads back from policyYaml as itself', t => {
	t.true(packPolicies.length >= 24);
	for (const {challenge, policy: original} of packPolicies) {
		t.deepEqual(readBack(policyYaml(original)), [original], challenge);
	}
});

test('all the built-in pack\'s policies in one file, separated by ---, read back in order', t => {
	// The same namespace/name may appear in two challenges; one file holds each once.
	const byName = new Map(packPolicies.map(({policy: item}) => [`${item.namespace}/${item.name}`, item]));
	const unique = [...byName.values()];
	t.true(unique.length >= 10);
	t.deepEqual(readBack(unique.map(item => policyYaml(item)).join('\n---\n')), unique);
});

// Random valid policies, with names, labels and ports chosen to tempt a careless writer: YAML 1.1
// booleans, null, octal- and float-looking strings, prefixed label keys.
const dnsLabels = ['default', 'prod', 'on', 'no', 'y', 'null', 'true', '010', '1e3', 'a-b'];
const dnsSubdomains = [...dnsLabels, '1.5', 'db.policy', 'a.b-c'];
const labelKeys = ['app', 'tier', 'y', 'on', 'null', '1abc', 'app.kubernetes.io/name', 'example.com/team', 'kubernetes.io/metadata.name'];
const labelValues = ['web', '', 'yes', 'Yes', 'on', 'OFF', 'n', '010', '1.5', '1e3', '0x1F', '0o17', '1_000', '12345', 'true', 'False', 'null', 'NULL', 'NaN', 'inf', 'a.b-c_d', 'x'.repeat(63)];
const portNames = ['http', 'dns', 'yes', 'on', 'no', 'y', 'null', 'true', '1e3', 'metrics-01'];
const cidrs: Readonly<Record<string, readonly string[]>> = {
	'10.0.0.0/16': ['10.0.1.0/24', '10.0.2.0/24', '10.0.0.128/25'],
	'0.0.0.0/0': ['169.254.169.254/32', '10.0.0.0/8'],
	'192.168.1.7/32': [],
	'2001:db8::/32': ['2001:db8:1::/48'],
	'::/0': ['fd00::/8'],
};

function labelsOf(pairs: ReadonlyArray<readonly [string, string]>): Labels {
	return Object.fromEntries(pairs);
}

const labelsArbitrary: fc.Arbitrary<Labels> = fc.uniqueArray(fc.tuple(fc.constantFrom(...labelKeys), fc.constantFrom(...labelValues)), {selector: pair => pair[0], maxLength: 3}).map(pairs => labelsOf(pairs));

const requirementArbitrary: fc.Arbitrary<Requirement> = fc.tuple(
	fc.constantFrom(...labelKeys),
	fc.oneof(
		fc.tuple(fc.constantFrom('In' as const, 'NotIn' as const), fc.uniqueArray(fc.constantFrom(...labelValues), {minLength: 1, maxLength: 3})),
		fc.tuple(fc.constantFrom('Exists' as const, 'DoesNotExist' as const), fc.constant([] as string[])),
	),
).map(([key, [operator, values]]) => ({key, operator, values}));

const selectorArbitrary: fc.Arbitrary<LabelSelector> = fc.tuple(labelsArbitrary, fc.array(requirementArbitrary, {maxLength: 2}))
	.map(([matchLabels, matchExpressions]) => selector(matchLabels, matchExpressions));

const ipBlockArbitrary: fc.Arbitrary<IpBlock> = fc.constantFrom(...Object.keys(cidrs))
	.chain(cidr => fc.subarray([...cidrs[cidr]!]).map(except => ({cidr, except})));

const peerArbitrary: fc.Arbitrary<Peer> = fc.oneof(
	selectorArbitrary.map((podSelector): Peer => ({podSelector})),
	selectorArbitrary.map((namespaceSelector): Peer => ({namespaceSelector})),
	fc.tuple(selectorArbitrary, selectorArbitrary).map(([podSelector, namespaceSelector]): Peer => ({podSelector, namespaceSelector})),
	ipBlockArbitrary.map((ipBlock): Peer => ({ipBlock})),
);

const portArbitrary: fc.Arbitrary<PolicyPort> = fc.tuple(
	fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const),
	fc.oneof(
		fc.constant<{port?: number | string; endPort?: number}>({}),
		fc.integer({min: 1, max: 65_535}).map(number => ({port: number})),
		fc.integer({min: 1, max: 65_535}).chain(number => fc.integer({min: number, max: 65_535}).map(endPort => ({port: number, endPort}))),
		fc.constantFrom(...portNames).map(name => ({port: name})),
	),
).map(([protocol, rest]: [PolicyPort['protocol'], {port?: number | string; endPort?: number}]) => port(rest.port, protocol, rest.endPort));

const ruleArbitrary: fc.Arbitrary<Rule> = fc.tuple(fc.array(peerArbitrary, {maxLength: 3}), fc.array(portArbitrary, {maxLength: 3}))
	.map(([peers, ports]) => rule(peers, ports));

const policyTypesArbitrary: fc.Arbitrary<PolicyType[] | undefined> = fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']);

const policyArbitrary: fc.Arbitrary<NetworkPolicy> = fc.record({
	namespace: fc.constantFrom(...dnsLabels),
	name: fc.constantFrom(...dnsSubdomains),
	podSelector: selectorArbitrary,
	policyTypes: policyTypesArbitrary,
	ingress: fc.array(ruleArbitrary, {maxLength: 2}),
	egress: fc.array(ruleArbitrary, {maxLength: 2}),
}).map(({namespace, name, podSelector, policyTypes, ingress, egress}) => policy(`${namespace}/${name}`, podSelector, {
	...(policyTypes ? {policyTypes} : {}),
	ingress,
	egress,
}));

test('property: a random valid policy, written by policyYaml, reads back as the same typed policy', t => {
	fc.assert(fc.property(policyArbitrary, original => {
		assert.deepStrictEqual(readBack(policyYaml(original)), [original]);
	}), {numRuns: 500});
	t.pass();
});

test('property: several random policies in one file read back in order', t => {
	const uniqueByName = fc.uniqueArray(policyArbitrary, {selector: item => `${item.namespace}/${item.name}`, minLength: 1, maxLength: 4});
	fc.assert(fc.property(uniqueByName, policies => {
		assert.deepStrictEqual(readBack(policies.map(item => policyYaml(item)).join('\n---\n')), policies);
	}), {numRuns: 150});
	t.pass();
});
