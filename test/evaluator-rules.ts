// One test per Kubernetes NetworkPolicy rule, titled with the rule. Each table holds flows that
// would flip if the rule were implemented wrong, and every flow is decided twice: by the indexed
// evaluator and by the unindexed reference, which must both give the expected verdict.
import test, {type ExecutionContext} from 'ava';
import type {ClusterObjects, NetworkPolicy, Pod, Protocol, Requirement, Rule} from '../source/model/kubernetes.js';
import {namespaceNameLabel} from '../source/model/kubernetes.js';
import {type Verdict, compileCluster, decide, referenceVerdict} from '../source/evaluator/index.js';
import {cluster, flow, namespace, parsedPolicy, pod, policy, port, rule, selector, verdictOf} from './helpers/builders.js';

type Case = readonly [from: string, to: string, port: number, expected: Verdict, protocol?: Protocol];

// The cluster is compiled once for the whole table, as the product does (compile once, decide
// many), so that state kept between decisions is exercised too.
function expectVerdicts(t: ExecutionContext, objects: ClusterObjects, cases: readonly Case[], variant = ''): void {
	const compiled = compileCluster(objects);
	for (const [from, to, portNumber, expected, protocol = 'TCP'] of cases) {
		const decided = decide(compiled, flow(compiled, from, to, portNumber, protocol));
		const {verdict} = decided;
		const reference = referenceVerdict(objects, decided.flow);
		const flowText = `${variant}${from} -> ${to} ${portNumber}/${protocol}`;
		t.is(verdict, expected, `decide(): ${flowText}`);
		t.is(reference, expected, `referenceVerdict(): ${flowText}`);
	}
}

const decides = test.macro(expectVerdicts);

const outside = '203.0.113.7';

// Two labelled namespaces, and `ghost`, which only its pod names (no Namespace object).
// `http` is 9090 on prod/web, 8080 on prod/api and 80 on dev/web: a named port that resolved on
// the wrong pod would show.
const world = (policies: NetworkPolicy[] = [], extraPods: Pod[] = []): ClusterObjects => cluster({
	namespaces: [namespace('prod', {team: 'a'}), namespace('dev', {team: 'b'})],
	pods: [
		pod('prod/web', {app: 'web'}, {ip: '10.0.1.10', ports: [{name: 'http', port: 9090}]}),
		pod('prod/api', {app: 'api'}, {ip: '10.0.1.20', ports: [{name: 'http', port: 8080}, {name: 'dns', port: 53, protocol: 'UDP'}]}),
		pod('prod/db', {app: 'db'}, {ip: '10.0.1.30', ports: [{name: 'mysql', port: 3306}]}),
		pod('dev/web', {app: 'web'}, {ip: '10.0.2.10', ports: [{name: 'http', port: 80}]}),
		pod('dev/tool', {}, {ip: '10.0.2.20'}),
		pod('ghost/probe', {app: 'web'}, {ip: '10.0.3.10'}),
		...extraPods,
	],
	policies,
});

const dbIngress = (...rules: Rule[]) => policy('prod/db-ingress', {app: 'db'}, {ingress: rules});
const webEgress = (...rules: Rule[]) => policy('prod/web-egress', {app: 'web'}, {policyTypes: ['Egress'], egress: rules});

// Isolation and policyTypes

test('a pod that no policy selects allows every flow in and out (default allow-all)', decides, world(), [
	['prod/web', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 22, 'allow', 'UDP'],
	[outside, 'prod/db', 3306, 'allow'],
	['prod/db', outside, 443, 'allow'],
]);

test('a policy with policyTypes [Ingress] isolates ingress only, never egress', decides, world([policy('prod/db-deny', {app: 'db'}, {policyTypes: ['Ingress']})]), [
	['prod/web', 'prod/db', 3306, 'deny'],
	[outside, 'prod/db', 3306, 'deny'],
	['prod/db', 'prod/web', 80, 'allow'],
	['prod/db', outside, 443, 'allow'],
]);

test('a policy with policyTypes [Egress] isolates egress only, never ingress', decides, world([policy('prod/db-deny', {app: 'db'}, {policyTypes: ['Egress']})]), [
	['prod/db', 'prod/web', 80, 'deny'],
	['prod/db', outside, 443, 'deny'],
	['prod/web', 'prod/db', 3306, 'allow'],
	[outside, 'prod/db', 3306, 'allow'],
]);

test('policyTypes omitted and `egress: []`: defaulted to [Ingress], so egress is not isolated (SetDefaults_NetworkPolicy)', t => {
	const defaulted = parsedPolicy('prod/db', {podSelector: {matchLabels: {app: 'db'}}, egress: []});
	t.deepEqual(defaulted.policyTypes, ['Ingress']);
	t.true(defaulted.isPolicyTypesDefaulted);
	expectVerdicts(t, world([defaulted]), [
		['prod/db', outside, 443, 'allow'],
		['prod/db', 'prod/web', 80, 'allow'],
		['prod/web', 'prod/db', 3306, 'deny'],
	]);
});

test('policyTypes omitted with one egress rule: defaulted to [Ingress, Egress] (SetDefaults_NetworkPolicy)', t => {
	const defaulted = parsedPolicy('prod/db', {podSelector: {matchLabels: {app: 'db'}}, egress: [{to: [{podSelector: {matchLabels: {app: 'api'}}}]}]});
	t.deepEqual(defaulted.policyTypes, ['Ingress', 'Egress']);
	expectVerdicts(t, world([defaulted]), [
		['prod/db', 'prod/api', 8080, 'allow'],
		['prod/db', 'prod/web', 80, 'deny'],
		['prod/db', outside, 443, 'deny'],
		['prod/web', 'prod/db', 3306, 'deny'],
	]);
});

test('policyTypes omitted with neither ingress nor egress: defaulted to [Ingress], denying all ingress', t => {
	const defaulted = parsedPolicy('prod/db', {podSelector: {matchLabels: {app: 'db'}}});
	t.deepEqual(defaulted.policyTypes, ['Ingress']);
	expectVerdicts(t, world([defaulted]), [
		['prod/api', 'prod/db', 3306, 'deny'],
		['prod/db', 'prod/api', 8080, 'allow'],
	]);
});

test('explicit policyTypes [Egress] with no egress rules denies all egress', t => {
	const denyEgress = parsedPolicy('prod/db', {podSelector: {matchLabels: {app: 'db'}}, policyTypes: ['Egress']});
	t.deepEqual(denyEgress.policyTypes, ['Egress']);
	expectVerdicts(t, world([denyEgress]), [
		['prod/db', 'prod/web', 80, 'deny'],
		['prod/db', outside, 443, 'deny'],
		['prod/web', 'prod/db', 3306, 'allow'],
	]);
});

test('ingress rules of a policy whose policyTypes is [Egress] are ignored: ingress stays open', decides, world([
	parsedPolicy('prod/db', {
		podSelector: {matchLabels: {app: 'db'}},
		policyTypes: ['Egress'],
		ingress: [{from: [{podSelector: {matchLabels: {app: 'api'}}}]}],
		egress: [{}],
	}),
]), [
	['prod/web', 'prod/db', 3306, 'allow'],
	[outside, 'prod/db', 3306, 'allow'],
	['prod/db', 'prod/web', 80, 'allow'],
]);

test('egress rules of a policy whose policyTypes is [Ingress] are ignored: egress stays open', decides, world([
	parsedPolicy('prod/db', {
		podSelector: {matchLabels: {app: 'db'}},
		policyTypes: ['Ingress'],
		egress: [{to: [{podSelector: {matchLabels: {app: 'api'}}}]}],
	}),
]), [
	['prod/db', 'prod/web', 80, 'allow'],
	['prod/db', outside, 443, 'allow'],
	['prod/web', 'prod/db', 3306, 'deny'],
]);

test('`ingress: []` admits nothing: the selected pod is isolated with no rule', decides, world([dbIngress()]), [
	['prod/api', 'prod/db', 3306, 'deny'],
	['dev/tool', 'prod/db', 3306, 'deny'],
	[outside, 'prod/db', 3306, 'deny'],
]);

test('`ingress: [{}]` admits everyone on every port, outside addresses included', decides, world([dbIngress(rule())]), [
	['prod/api', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 1, 'allow', 'UDP'],
	['ghost/probe', 'prod/db', 65_535, 'allow', 'SCTP'],
	[outside, 'prod/db', 3306, 'allow'],
	['2001:db8::7', 'prod/db', 3306, 'allow'],
]);

test('`egress: [{}]` with policyTypes [Egress] admits every destination, outside addresses included', decides, world([webEgress(rule())]), [
	['prod/web', 'prod/db', 3306, 'allow'],
	['prod/web', outside, 443, 'allow', 'UDP'],
	['dev/web', outside, 443, 'allow'],
]);

// Which pods a policy selects

test('policies are additive: a pod selected by several policies accepts what any of them allows', decides, world([
	policy('prod/db-from-api', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}], [port(3306)])]}),
	policy('prod/db-from-web', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'web'})}], [port(80)])]}),
]), [
	['prod/api', 'prod/db', 3306, 'allow'],
	['prod/web', 'prod/db', 80, 'allow'],
	['prod/web', 'prod/db', 3306, 'deny'],
	['prod/api', 'prod/db', 80, 'deny'],
	['dev/tool', 'prod/db', 3306, 'deny'],
]);

test('a policy selects pods in its own namespace only, whatever the labels of pods elsewhere', decides, world([policy('prod/web-deny', {app: 'web'})]), [
	['dev/tool', 'prod/web', 80, 'deny'],
	['dev/tool', 'dev/web', 80, 'allow'],
	['dev/tool', 'ghost/probe', 80, 'allow'],
	['dev/tool', 'prod/api', 80, 'allow'],
]);

test('podSelector {} selects every pod of the policy\'s namespace', decides, world([policy('prod/deny-all', {})]), [
	['dev/tool', 'prod/web', 80, 'deny'],
	['dev/tool', 'prod/api', 80, 'deny'],
	['dev/tool', 'prod/db', 3306, 'deny'],
	[outside, 'prod/api', 80, 'deny'],
	['prod/web', 'dev/web', 80, 'allow'],
]);

// Peers

test('a rule with `from` missing or `from: []` admits every source, outside addresses included', t => {
	for (const from of [{}, {from: []}]) {
		const objects = world([parsedPolicy('prod/db', {podSelector: {matchLabels: {app: 'db'}}, ingress: [{...from, ports: [{port: 3306}]}]})]);
		expectVerdicts(t, objects, [
			['prod/web', 'prod/db', 3306, 'allow'],
			['dev/tool', 'prod/db', 3306, 'allow'],
			['ghost/probe', 'prod/db', 3306, 'allow'],
			[outside, 'prod/db', 3306, 'allow'],
			['2001:db8::7', 'prod/db', 3306, 'allow'],
			['prod/web', 'prod/db', 3307, 'deny'],
		], `${JSON.stringify(from)}: `);
	}
});

test('a rule with `to` missing or `to: []` admits every destination, outside addresses included', t => {
	for (const to of [{}, {to: []}]) {
		const objects = world([parsedPolicy('prod/db', {podSelector: {matchLabels: {app: 'db'}}, policyTypes: ['Egress'], egress: [{...to, ports: [{port: 443}]}]})]);
		expectVerdicts(t, objects, [
			['prod/db', 'prod/web', 443, 'allow'],
			['prod/db', 'ghost/probe', 443, 'allow'],
			['prod/db', outside, 443, 'allow'],
			['prod/db', outside, 80, 'deny'],
		], `${JSON.stringify(to)}: `);
	}
});

test('a podSelector peer without namespaceSelector matches pods of the policy\'s namespace only', decides, world([
	dbIngress(rule([{podSelector: selector({app: 'web'})}])),
]), [
	['prod/web', 'prod/db', 3306, 'allow'],
	['dev/web', 'prod/db', 3306, 'deny'],
	['ghost/probe', 'prod/db', 3306, 'deny'],
	[outside, 'prod/db', 3306, 'deny'],
]);

test('podSelector {} as a peer matches every pod of the policy\'s namespace and nothing else', decides, world([
	dbIngress(rule([{podSelector: selector()}])),
]), [
	['prod/web', 'prod/db', 3306, 'allow'],
	['prod/api', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 3306, 'deny'],
	[outside, 'prod/db', 3306, 'deny'],
]);

test('namespaceSelector {} matches the pods of every namespace, but no outside address (ingress)', decides, world([
	dbIngress(rule([{namespaceSelector: selector()}])),
]), [
	['prod/web', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 3306, 'allow'],
	['ghost/probe', 'prod/db', 3306, 'allow'],
	[outside, 'prod/db', 3306, 'deny'],
	['2001:db8::7', 'prod/db', 3306, 'deny'],
]);

test('namespaceSelector {} matches the pods of every namespace, but no outside address (egress)', decides, world([
	webEgress(rule([{namespaceSelector: selector()}])),
]), [
	['prod/web', 'dev/tool', 80, 'allow'],
	['prod/web', 'ghost/probe', 80, 'allow'],
	['prod/web', outside, 80, 'deny'],
]);

test('namespaceSelector by kubernetes.io/metadata.name matches that namespace, even one with no Namespace object', decides, world([
	dbIngress(rule([{namespaceSelector: selector({[namespaceNameLabel]: 'dev'})}]), rule([{namespaceSelector: selector({[namespaceNameLabel]: 'ghost'})}])),
]), [
	['dev/tool', 'prod/db', 3306, 'allow'],
	['dev/web', 'prod/db', 3306, 'allow'],
	['ghost/probe', 'prod/db', 3306, 'allow'],
	['prod/web', 'prod/db', 3306, 'deny'],
	[outside, 'prod/db', 3306, 'deny'],
]);

test('kubernetes.io/metadata.name is always the namespace\'s name, whatever the Namespace object says', decides, cluster({
	namespaces: [namespace('prod'), namespace('dev', {[namespaceNameLabel]: 'prod'})],
	pods: [pod('prod/db', {app: 'db'}), pod('prod/web'), pod('dev/tool')],
	policies: [dbIngress(rule([{namespaceSelector: selector({[namespaceNameLabel]: 'prod'})}]))],
}), [
	['prod/web', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 3306, 'deny'],
]);

test('podSelector and namespaceSelector in one peer: the pod must match both (AND)', decides, world([
	dbIngress(rule([{namespaceSelector: selector({team: 'b'}), podSelector: selector({app: 'web'})}])),
]), [
	['dev/web', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 3306, 'deny'],
	['prod/web', 'prod/db', 3306, 'deny'],
	['ghost/probe', 'prod/db', 3306, 'deny'],
]);

test('podSelector and namespaceSelector as two peers: either may match (OR)', decides, world([
	dbIngress(rule([{namespaceSelector: selector({team: 'b'})}, {podSelector: selector({app: 'web'})}])),
]), [
	['dev/web', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 3306, 'allow'],
	['prod/web', 'prod/db', 3306, 'allow'],
	['prod/api', 'prod/db', 3306, 'deny'],
	['ghost/probe', 'prod/db', 3306, 'deny'],
]);

test('podSelector with namespaceSelector {} in one peer matches those pods in every namespace', decides, world([
	dbIngress(rule([{namespaceSelector: selector(), podSelector: selector({app: 'web'})}])),
]), [
	['prod/web', 'prod/db', 3306, 'allow'],
	['dev/web', 'prod/db', 3306, 'allow'],
	['ghost/probe', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 3306, 'deny'],
]);

// Label selectors (apimachinery Requirement.Matches)

const lab = (requirement: Requirement, matchLabels: Record<string, string> = {}) => cluster({
	pods: [
		pod('lab/target', {role: 'target'}),
		pod('lab/red', {color: 'red'}),
		pod('lab/big-red', {color: 'red', size: 'big'}),
		pod('lab/blue', {color: 'blue'}),
		pod('lab/plain', {}),
	],
	policies: [policy('lab/target', {role: 'target'}, {ingress: [rule([{podSelector: selector(matchLabels, [requirement])}])]})],
});

const fromLab = (red: Verdict, bigRed: Verdict, blue: Verdict, plain: Verdict): Case[] => [
	['lab/red', 'lab/target', 80, red],
	['lab/big-red', 'lab/target', 80, bigRed],
	['lab/blue', 'lab/target', 80, blue],
	['lab/plain', 'lab/target', 80, plain],
];

test('matchExpressions In matches a listed value, never a pod that lacks the key', decides, lab({key: 'color', operator: 'In', values: ['red']}), fromLab('allow', 'allow', 'deny', 'deny'));

test('matchExpressions NotIn matches other values AND a pod that lacks the key (apimachinery Requirement.Matches)', decides, lab({key: 'color', operator: 'NotIn', values: ['red']}), fromLab('deny', 'deny', 'allow', 'allow'));

test('matchExpressions Exists matches any value of the key, never a pod that lacks it', decides, lab({key: 'color', operator: 'Exists', values: []}), fromLab('allow', 'allow', 'allow', 'deny'));

test('matchExpressions DoesNotExist matches only a pod that lacks the key', decides, lab({key: 'color', operator: 'DoesNotExist', values: []}), fromLab('deny', 'deny', 'deny', 'allow'));

test('matchLabels and matchExpressions in one selector must all hold (AND)', decides, lab({key: 'size', operator: 'NotIn', values: ['big']}, {color: 'red'}), fromLab('allow', 'deny', 'deny', 'deny'));

test('selectors that differ only in their operator select different pods in one cluster (In vs NotIn, Exists vs DoesNotExist)', decides, cluster({
	pods: [
		pod('lab/in', {role: 'in'}),
		pod('lab/not-in', {role: 'not-in'}),
		pod('lab/exists', {role: 'exists'}),
		pod('lab/does-not-exist', {role: 'does-not-exist'}),
		pod('lab/red', {color: 'red'}),
		pod('lab/blue', {color: 'blue'}),
	],
	policies: (['In', 'NotIn', 'Exists', 'DoesNotExist'] as const).map(operator => {
		const role = {In: 'in', NotIn: 'not-in', Exists: 'exists', DoesNotExist: 'does-not-exist'}[operator];
		const values = operator === 'In' || operator === 'NotIn' ? ['red'] : [];
		const key = values.length > 0 ? 'color' : 'size';
		return policy(`lab/${role}`, {role}, {ingress: [rule([{podSelector: selector({}, [{key, operator, values}])}])]});
	}),
}), [
	['lab/red', 'lab/in', 80, 'allow'],
	['lab/blue', 'lab/in', 80, 'deny'],
	['lab/red', 'lab/not-in', 80, 'deny'],
	['lab/blue', 'lab/not-in', 80, 'allow'],
	['lab/red', 'lab/exists', 80, 'deny'],
	['lab/red', 'lab/does-not-exist', 80, 'allow'],
]);

test('a policy\'s podSelector with NotIn isolates pods that lack the key', decides, cluster({
	pods: [pod('lab/red', {color: 'red'}), pod('lab/blue', {color: 'blue'}), pod('lab/plain', {})],
	policies: [policy('lab/not-red', selector({}, [{key: 'color', operator: 'NotIn', values: ['red']}]))],
}), [
	[outside, 'lab/red', 80, 'allow'],
	[outside, 'lab/blue', 80, 'deny'],
	[outside, 'lab/plain', 80, 'deny'],
]);

test('namespaceSelector DoesNotExist matches a namespace without the label, including one with no Namespace object', decides, world([
	dbIngress(rule([{namespaceSelector: selector({}, [{key: 'team', operator: 'DoesNotExist', values: []}])}])),
]), [
	['ghost/probe', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 3306, 'deny'],
	['prod/web', 'prod/db', 3306, 'deny'],
]);

test('namespaceSelector NotIn matches a namespace without the label', decides, world([
	dbIngress(rule([{namespaceSelector: selector({}, [{key: 'team', operator: 'NotIn', values: ['a']}])}])),
]), [
	['ghost/probe', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 3306, 'allow'],
	['prod/web', 'prod/db', 3306, 'deny'],
]);

// ipBlock

test('ipBlock admits addresses in its CIDR less its except blocks (IPv4, ingress)', decides, world([
	dbIngress(rule([{ipBlock: {cidr: '203.0.113.0/24', except: ['203.0.113.128/25']}}])),
]), [
	['203.0.113.0', 'prod/db', 3306, 'allow'],
	[outside, 'prod/db', 3306, 'allow'],
	['203.0.113.127', 'prod/db', 3306, 'allow'],
	['203.0.113.128', 'prod/db', 3306, 'deny'],
	['203.0.113.255', 'prod/db', 3306, 'deny'],
	['203.0.112.255', 'prod/db', 3306, 'deny'],
	['203.0.114.0', 'prod/db', 3306, 'deny'],
]);

test('ipBlock admits addresses in its CIDR less its except blocks (IPv4, egress)', decides, world([
	webEgress(rule([{ipBlock: {cidr: '198.51.100.0/24', except: ['198.51.100.64/26', '198.51.100.255/32']}}])),
]), [
	['prod/web', '198.51.100.1', 443, 'allow'],
	['prod/web', '198.51.100.63', 443, 'allow'],
	['prod/web', '198.51.100.64', 443, 'deny'],
	['prod/web', '198.51.100.127', 443, 'deny'],
	['prod/web', '198.51.100.128', 443, 'allow'],
	['prod/web', '198.51.100.254', 443, 'allow'],
	['prod/web', '198.51.100.255', 443, 'deny'],
	['prod/web', outside, 443, 'deny'],
]);

test('ipBlock admits addresses in its CIDR less its except blocks (IPv6)', decides, world([
	dbIngress(rule([{ipBlock: {cidr: '2001:db8::/32', except: ['2001:db8:bad::/48']}}])),
	webEgress(rule([{ipBlock: {cidr: '2001:db8::/32', except: ['2001:db8:bad::/48']}}])),
]), [
	['2001:db8::7', 'prod/db', 3306, 'allow'],
	['2001:db8:bac:ffff:ffff:ffff:ffff:ffff', 'prod/db', 3306, 'allow'],
	['2001:db8:bad::1', 'prod/db', 3306, 'deny'],
	['2001:db8:bad:ffff::1', 'prod/db', 3306, 'deny'],
	['2001:db9::1', 'prod/db', 3306, 'deny'],
	['prod/web', '2001:db8:ffff::1', 443, 'allow'],
	['prod/web', '2001:db8:bad::80', 443, 'deny'],
]);

test('ipBlock matches a pod by its IP, except included (CONTRACT)', decides, world([
	dbIngress(rule([{ipBlock: {cidr: '10.0.1.0/24', except: ['10.0.1.10/32']}}])),
]), [
	['prod/api', 'prod/db', 3306, 'allow'],
	['prod/web', 'prod/db', 3306, 'deny'],
	['dev/tool', 'prod/db', 3306, 'deny'],
]);

test('ipBlock in an egress rule matches a destination pod by its IP (CONTRACT)', decides, world([
	webEgress(rule([{ipBlock: {cidr: '10.0.1.30/32', except: []}}])),
]), [
	['prod/web', 'prod/db', 3306, 'allow'],
	['prod/web', '10.0.1.30', 3306, 'allow'],
	['prod/web', 'prod/api', 8080, 'deny'],
	['prod/web', outside, 443, 'deny'],
]);

test('a dual-stack pod matches an ipBlock when any of its IPs is inside (CONTRACT)', decides, world([
	dbIngress(rule([{ipBlock: {cidr: 'fd00::/64', except: []}}])),
	policy('prod/api-ingress', {app: 'api'}, {ingress: [rule([{ipBlock: {cidr: '10.0.1.40/32', except: []}}])]}),
], [pod('prod/dual', {app: 'dual'}, {ips: ['10.0.1.40', 'fd00::40']})]), [
	['prod/dual', 'prod/db', 3306, 'allow'],
	['fd00::40', 'prod/db', 3306, 'allow'],
	['prod/dual', 'prod/api', 8080, 'allow'],
	['prod/web', 'prod/db', 3306, 'deny'],
	['prod/web', 'prod/api', 8080, 'deny'],
	['fd00::41', 'prod/db', 3306, 'allow'],
	['fd00:0:0:1::40', 'prod/db', 3306, 'deny'],
]);

test('an ipBlock CIDR with host bits set stands for its network, in cidr and in except', decides, world([
	dbIngress(rule([{ipBlock: {cidr: '203.0.113.77/24', except: ['203.0.113.130/25']}}])),
]), [
	['203.0.113.5', 'prod/db', 3306, 'allow'],
	['203.0.113.77', 'prod/db', 3306, 'allow'],
	['203.0.113.127', 'prod/db', 3306, 'allow'],
	['203.0.113.128', 'prod/db', 3306, 'deny'],
	['203.0.113.200', 'prod/db', 3306, 'deny'],
	['203.0.114.77', 'prod/db', 3306, 'deny'],
]);

test('an IPv4 ipBlock never matches an IPv6 address, and an IPv6 ipBlock never an IPv4 one', decides, world([
	dbIngress(rule([{ipBlock: {cidr: '0.0.0.0/0', except: []}}])),
	webEgress(rule([{ipBlock: {cidr: '::/0', except: []}}])),
]), [
	[outside, 'prod/db', 3306, 'allow'],
	['2001:db8::7', 'prod/db', 3306, 'deny'],
	['::', 'prod/db', 3306, 'deny'],
	['prod/web', '2001:db8::7', 443, 'allow'],
	['prod/web', outside, 443, 'deny'],
	['prod/web', '0.0.0.0', 443, 'deny'],
]);

// Ports

test('a port entry without protocol means TCP (API server default)', t => {
	const objects = world([parsedPolicy('prod/db', {podSelector: {matchLabels: {app: 'db'}}, ingress: [{ports: [{port: 53}]}]})]);
	t.deepEqual(objects.policies[0]!.ingress[0]!.ports, [{protocol: 'TCP', port: 53}]);
	expectVerdicts(t, objects, [
		['prod/web', 'prod/db', 53, 'allow', 'TCP'],
		['prod/web', 'prod/db', 53, 'deny', 'UDP'],
		['prod/web', 'prod/db', 53, 'deny', 'SCTP'],
	]);
});

test('TCP, UDP and SCTP are distinct: a port entry admits its own protocol only', decides, world([
	dbIngress(rule([], [port(53, 'UDP'), port(9000, 'SCTP')])),
]), [
	['prod/web', 'prod/db', 53, 'allow', 'UDP'],
	['prod/web', 'prod/db', 53, 'deny', 'TCP'],
	['prod/web', 'prod/db', 53, 'deny', 'SCTP'],
	['prod/web', 'prod/db', 9000, 'allow', 'SCTP'],
	['prod/web', 'prod/db', 9000, 'deny', 'TCP'],
	['prod/web', 'prod/db', 9000, 'deny', 'UDP'],
]);

test('a port entry with a protocol and no port admits every port of that protocol', decides, world([
	dbIngress(rule([], [port(undefined, 'UDP')])),
]), [
	['prod/web', 'prod/db', 1, 'allow', 'UDP'],
	['prod/web', 'prod/db', 65_535, 'allow', 'UDP'],
	['prod/web', 'prod/db', 53, 'deny', 'TCP'],
	['prod/web', 'prod/db', 53, 'deny', 'SCTP'],
]);

test('`ports: []` or no ports admits every port of every protocol', t => {
	for (const ports of [{}, {ports: []}]) {
		const objects = world([parsedPolicy('prod/db', {podSelector: {matchLabels: {app: 'db'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'web'}}}], ...ports}]})]);
		expectVerdicts(t, objects, [
			['prod/web', 'prod/db', 1, 'allow', 'TCP'],
			['prod/web', 'prod/db', 65_535, 'allow', 'UDP'],
			['prod/web', 'prod/db', 9, 'allow', 'SCTP'],
			['prod/api', 'prod/db', 3306, 'deny'],
		], `${JSON.stringify(ports)}: `);
	}
});

test('endPort makes a range inclusive at both ends, of the entry\'s protocol only', decides, world([
	dbIngress(rule([], [port(8000, 'TCP', 9000)])),
]), [
	['prod/web', 'prod/db', 7999, 'deny'],
	['prod/web', 'prod/db', 8000, 'allow'],
	['prod/web', 'prod/db', 8500, 'allow'],
	['prod/web', 'prod/db', 9000, 'allow'],
	['prod/web', 'prod/db', 9001, 'deny'],
	['prod/web', 'prod/db', 8500, 'deny', 'UDP'],
]);

test('a named port in an ingress rule is resolved on the destination pod', decides, cluster({
	pods: [
		pod('prod/db-a', {app: 'db'}, {ports: [{name: 'mysql', port: 3306}]}),
		pod('prod/db-b', {app: 'db'}, {ports: [{name: 'mysql', port: 3307}]}),
		pod('prod/client', {app: 'client'}, {ports: [{name: 'mysql', port: 4000}]}),
	],
	policies: [dbIngress(rule([], [port('mysql')]))],
}), [
	['prod/client', 'prod/db-a', 3306, 'allow'],
	['prod/client', 'prod/db-a', 3307, 'deny'],
	['prod/client', 'prod/db-b', 3307, 'allow'],
	['prod/client', 'prod/db-b', 3306, 'deny'],
	['prod/client', 'prod/db-a', 4000, 'deny'],
]);

test('a named port in an egress rule is resolved on the destination pod, not the source', decides, world([
	webEgress(rule([], [port('http')])),
]), [
	['prod/web', 'prod/api', 8080, 'allow'],
	['prod/web', 'prod/api', 80, 'deny'],
	['prod/web', 'dev/web', 80, 'allow'],
	['prod/web', 'dev/web', 8080, 'deny'],
	['prod/web', 'prod/api', 9090, 'deny'],
	['prod/web', 'prod/db', 9090, 'deny'],
]);

test('a named port matches only a container port of the same protocol', decides, world([
	policy('prod/api-tcp-dns', {app: 'api'}, {ingress: [rule([{podSelector: selector({app: 'web'})}], [port('dns', 'TCP')])]}),
	policy('prod/api-udp-dns', {app: 'api'}, {ingress: [rule([{podSelector: selector({app: 'db'})}], [port('dns', 'UDP')])]}),
]), [
	['prod/web', 'prod/api', 53, 'deny', 'TCP'],
	['prod/web', 'prod/api', 53, 'deny', 'UDP'],
	['prod/db', 'prod/api', 53, 'allow', 'UDP'],
	['prod/db', 'prod/api', 53, 'deny', 'TCP'],
]);

test('a named port towards an outside address matches nothing (CONTRACT)', decides, world([
	webEgress(rule([{ipBlock: {cidr: '0.0.0.0/0', except: []}}], [port('http')]), rule([{ipBlock: {cidr: '0.0.0.0/0', except: []}}], [port(443)])),
]), [
	['prod/web', outside, 9090, 'deny'],
	['prod/web', outside, 8080, 'deny'],
	['prod/web', outside, 80, 'deny'],
	['prod/web', outside, 443, 'allow'],
	['prod/web', 'prod/api', 8080, 'allow'],
]);

// Both ends

test('a flow needs the source\'s egress AND the destination\'s ingress to allow it', decides, world([
	webEgress(rule([{podSelector: selector({app: 'api'})}])),
	dbIngress(rule([{podSelector: selector({app: 'web'})}, {podSelector: selector({app: 'api'})}])),
]), [
	['prod/web', 'prod/db', 3306, 'deny'],
	['prod/web', 'prod/api', 8080, 'allow'],
	['prod/api', 'prod/db', 3306, 'allow'],
	['dev/tool', 'prod/db', 3306, 'deny'],
]);

test('cross-namespace traffic needs the source namespace\'s egress and the destination namespace\'s ingress', decides, world([
	policy('prod/web-to-dev', {app: 'web'}, {policyTypes: ['Egress'], egress: [rule([{namespaceSelector: selector({team: 'b'})}])]}),
	policy('dev/from-prod-web', {}, {ingress: [rule([{namespaceSelector: selector({team: 'a'}), podSelector: selector({app: 'web'})}])]}),
]), [
	['prod/web', 'dev/tool', 80, 'allow'],
	['prod/web', 'dev/web', 80, 'allow'],
	['prod/api', 'dev/tool', 80, 'deny'],
	['dev/web', 'dev/tool', 80, 'deny'],
	['prod/web', 'ghost/probe', 80, 'deny'],
	['prod/web', 'prod/db', 3306, 'deny'],
	['prod/api', 'prod/db', 3306, 'allow'],
]);

test('an IP address in a flow that is a pod\'s IP stands for that pod (CONTRACT)', decides, world([
	dbIngress(rule([{podSelector: selector({app: 'api'})}, {podSelector: selector({app: 'dual'})}])),
], [pod('prod/dual', {app: 'dual'}, {ips: ['10.0.1.40', 'fd00::40']})]), [
	['10.0.1.20', 'prod/db', 3306, 'allow'],
	['10.0.1.10', 'prod/db', 3306, 'deny'],
	['prod/web', '10.0.1.30', 3306, 'deny'],
	['prod/api', '10.0.1.30', 3306, 'allow'],
	['fd00::40', 'prod/db', 3306, 'allow'],
	['10.0.1.40', 'prod/db', 3306, 'allow'],
	['fd00::41', 'prod/db', 3306, 'deny'],
	['10.0.1.99', 'prod/db', 3306, 'deny'],
]);

test('a pod may always talk to itself, whatever the policies (CONTRACT)', t => {
	const objects = world([policy('prod/lockdown', {}, {policyTypes: ['Ingress', 'Egress']})]);
	expectVerdicts(t, objects, [
		['prod/db', 'prod/db', 3306, 'allow'],
		['10.0.1.30', 'prod/db', 3306, 'allow', 'UDP'],
		['prod/db', '10.0.1.30', 1, 'allow', 'SCTP'],
		['prod/web', 'prod/db', 3306, 'deny'],
		['prod/db', 'prod/web', 80, 'deny'],
	]);
	t.true(verdictOf(objects, 'prod/db', 'prod/db', 3306).decision.isSelf);
	t.false(verdictOf(objects, 'prod/web', 'prod/db', 3306).decision.isSelf);
});

test('a flow from outside needs only the destination\'s ingress; a flow to outside only the source\'s egress', t => {
	const objects = world([
		dbIngress(rule([{ipBlock: {cidr: '203.0.113.0/24', except: []}}], [port(3306)])),
		webEgress(rule([{ipBlock: {cidr: '198.51.100.0/24', except: []}}])),
	]);
	expectVerdicts(t, objects, [
		[outside, 'prod/db', 3306, 'allow'],
		[outside, 'prod/db', 22, 'deny'],
		['198.51.100.1', 'prod/db', 3306, 'deny'],
		['prod/web', '198.51.100.1', 443, 'allow'],
		['prod/web', outside, 443, 'deny'],
		['prod/db', outside, 443, 'allow'],
		[outside, 'prod/web', 80, 'allow'],
	]);
	t.deepEqual(verdictOf(objects, outside, 'prod/db', 3306).decision.egress, {kind: 'outside'});
	t.deepEqual(verdictOf(objects, 'prod/web', '198.51.100.1', 443).decision.ingress, {kind: 'outside'});
});

// The Decision's data

test('isolatedBy lists every policy isolating the pod in that direction, allowing or not', t => {
	const objects = world([
		dbIngress(rule([{podSelector: selector({app: 'api'})}])),
		policy('prod/db-egress-only', {app: 'db'}, {policyTypes: ['Egress']}),
		policy('prod/deny-all', {}),
	]);
	const allowed = verdictOf(objects, 'prod/api', 'prod/db', 3306).decision;
	t.deepEqual(allowed.ingress, {
		kind: 'allowed',
		isolatedBy: ['prod/db-ingress', 'prod/deny-all'],
		allowedBy: [{policy: 'prod/db-ingress', direction: 'ingress', rule: 0, peer: 0}],
	});
	t.deepEqual(allowed.egress, {kind: 'not-isolated'});
	const denied = verdictOf(objects, 'prod/web', 'prod/db', 3306).decision;
	t.deepEqual(denied.ingress, {kind: 'denied', isolatedBy: ['prod/db-ingress', 'prod/deny-all']});
	const egress = verdictOf(objects, 'prod/db', 'prod/api', 8080).decision;
	t.deepEqual(egress.egress, {kind: 'denied', isolatedBy: ['prod/db-egress-only']});
	t.deepEqual(egress.ingress, {kind: 'denied', isolatedBy: ['prod/deny-all']});
});

test('allowedBy names every admitting rule with 0-based rule, peer and port indexes, omitting peer and port for a rule without from or ports', t => {
	const objects = world([
		policy('prod/db-a', {app: 'db'}, {
			ingress: [
				rule([], [port(80)]),
				rule([{podSelector: selector({app: 'web'})}, {podSelector: selector({app: 'api'})}], [port(81), port('mysql')]),
				rule([{ipBlock: {cidr: '10.0.1.0/24', except: []}}]),
			],
		}),
		policy('prod/db-b', {app: 'db'}, {ingress: [rule()]}),
	]);
	const {decision, verdict} = verdictOf(objects, 'prod/api', 'prod/db', 3306);
	t.is(verdict, 'allow');
	t.deepEqual(decision.ingress, {
		kind: 'allowed',
		isolatedBy: ['prod/db-a', 'prod/db-b'],
		allowedBy: [
			{policy: 'prod/db-a', direction: 'ingress', rule: 1, peer: 1, port: 1},
			{policy: 'prod/db-a', direction: 'ingress', rule: 2, peer: 0},
			{policy: 'prod/db-b', direction: 'ingress', rule: 0},
		],
	});
	t.deepEqual(verdictOf(objects, outside, 'prod/db', 80).decision.ingress, {
		kind: 'allowed',
		isolatedBy: ['prod/db-a', 'prod/db-b'],
		allowedBy: [
			{policy: 'prod/db-a', direction: 'ingress', rule: 0, port: 0},
			{policy: 'prod/db-b', direction: 'ingress', rule: 0},
		],
	});
	const egress = verdictOf(world([webEgress(rule([{podSelector: selector({app: 'db'})}], [port(443), port(undefined, 'TCP')]))]), 'prod/web', 'prod/db', 3306).decision;
	t.deepEqual(egress.egress, {
		kind: 'allowed',
		isolatedBy: ['prod/web-egress'],
		allowedBy: [{policy: 'prod/web-egress', direction: 'egress', rule: 0, peer: 0, port: 1}],
	});
});
