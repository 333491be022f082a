// explain's decision traces, one test per kind of rule: the trace's words are asserted exactly
// (format/explain-text.ts is their one home), and the trace's verdict is decide()'s.
import test, {type ExecutionContext} from 'ava';
import type {ClusterObjects, NetworkPolicy, Protocol} from '../source/model/kubernetes.js';
import {compileCluster, decide, traceFlow} from '../source/evaluator/index.js';
import {explanationLines, explainJson, explainText} from '../source/format/explain-output.js';
import {ansiColors, noColors} from '../source/format/color.js';
import {cluster, flow, namespace, pod, policy, port, rule, selector} from './helpers/builders.js';

const world = (...policies: NetworkPolicy[]): ClusterObjects => cluster({
	namespaces: [namespace('prod', {team: 'a'}), namespace('dev', {team: 'b'})],
	pods: [
		pod('prod/web', {app: 'web'}, {ip: '10.0.1.10', ports: [{name: 'http', port: 8080}]}),
		pod('prod/db', {app: 'db'}, {ip: '10.0.1.30', ports: [{name: 'mysql', port: 3306}]}),
		pod('dev/web', {app: 'web'}, {ip: '10.0.2.10'}),
		pod('dev/tool', {}),
	],
	policies,
});

/** The trace's lines for one flow, after checking that its verdict is decide()'s. */
function traced(t: ExecutionContext, objects: ClusterObjects, from: string, to: string, portNumber: number, protocol: Protocol = 'TCP'): string[] {
	const compiled = compileCluster(objects);
	const resolved = flow(compiled, from, to, portNumber, protocol);
	const trace = traceFlow(compiled, resolved);
	const decision = decide(compiled, resolved);
	t.is(trace.verdict, decision.verdict);
	for (const side of ['egress', 'ingress'] as const) {
		const sideTrace = trace[side];
		if (sideTrace.kind === 'isolated') {
			t.is(sideTrace.isAllowed, decision[side].kind === 'allowed', `${side} side`);
		}
	}

	return [`${trace.verdict}`, ...explanationLines(trace)];
}

const dbIngress = (...rules: ReturnType<typeof rule>[]) => policy('prod/db-in', {app: 'db'}, {ingress: rules});

test('no policy: both sides allow everything, and the trace says no policy selects either end', t => {
	t.deepEqual(traced(t, world(), 'prod/web', 'prod/db', 3306), [
		'allow',
		'  egress from prod/web: allowed; no NetworkPolicy selects it for egress',
		'  ingress to prod/db: allowed; no NetworkPolicy selects it for ingress',
	]);
});

test('podSelector: the peer that matched is named on an allowed side, with its labels', t => {
	const objects = world(dbIngress(rule([{podSelector: selector({app: 'web'})}], [port(3306)])));
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/db', 3306).slice(2), [
		'  ingress to prod/db: allowed; selected for ingress by prod/db-in (podSelector app=db)',
		'    prod/db-in ingress rule #1 admits it: peer 1: podSelector app=web matches prod/web (labels app=web); port 1 (3306/TCP) matches',
	]);
});

test('podSelector: a pod without the labels is named with the labels it has', t => {
	const objects = world(dbIngress(rule([{podSelector: selector({role: 'api'})}], [port(3306)])));
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/db', 3306), [
		'deny',
		'  egress from prod/web: allowed; no NetworkPolicy selects it for egress',
		'  ingress to prod/db: denied; selected for ingress by prod/db-in (podSelector app=db), and no rule admits traffic from prod/web on 3306/TCP',
		'    prod/db-in ingress rule #1 does not admit it:',
		'      peer 1: podSelector role=api does not match prod/web (labels app=web)',
		'      port 1 (3306/TCP) matches',
	]);
});

test('podSelector alone looks only in the policy\'s namespace: a matching pod elsewhere is not admitted', t => {
	const objects = world(dbIngress(rule([{podSelector: selector({app: 'web'})}])));
	t.deepEqual(traced(t, objects, 'dev/web', 'prod/db', 3306).slice(3), [
		'    prod/db-in ingress rule #1 does not admit it:',
		'      peer 1: podSelector app=web looks only in the policy\'s namespace prod, and dev/web is in dev (a namespaceSelector in the same peer would reach it)',
		'      ports: none, so every port matches',
	]);
});

test('podSelector alone, a pod elsewhere whose labels do not match either: no hint that a namespaceSelector would reach it', t => {
	const objects = world(dbIngress(rule([{podSelector: selector({app: 'api'})}])));
	t.deepEqual(traced(t, objects, 'dev/web', 'prod/db', 3306).slice(3), [
		'    prod/db-in ingress rule #1 does not admit it:',
		'      peer 1: podSelector app=api looks only in the policy\'s namespace prod, and dev/web is in dev (and its labels app=web do not match either)',
		'      ports: none, so every port matches',
	]);
});

test('namespaceSelector: a namespace without the labels is named with the labels it has', t => {
	const objects = world(dbIngress(rule([{namespaceSelector: selector({team: 'x'})}], [port(3306)])));
	t.deepEqual(traced(t, objects, 'dev/web', 'prod/db', 3306).slice(4, 5), [
		'      peer 1: namespaceSelector team=x does not match namespace dev (labels team=b,kubernetes.io/metadata.name=dev)',
	]);
	const matching = world(dbIngress(rule([{namespaceSelector: selector({team: 'b'})}], [port(3306)])));
	t.deepEqual(traced(t, matching, 'dev/web', 'prod/db', 3306).slice(3), [
		'    prod/db-in ingress rule #1 admits it: peer 1: namespaceSelector team=b matches namespace dev, so every pod in it; port 1 (3306/TCP) matches',
	]);
});

test('namespaceSelector and podSelector in one peer: both must match, and the trace says which did not', t => {
	const objects = world(dbIngress(rule([{namespaceSelector: selector({team: 'b'}), podSelector: selector({app: 'tool'})}], [port(3306)])));
	t.deepEqual(traced(t, objects, 'dev/web', 'prod/db', 3306).slice(4, 5), [
		'      peer 1: namespaceSelector team=b matches namespace dev, but podSelector app=tool does not match dev/web (labels app=web) (in one peer, both must match)',
	]);
	const both = world(dbIngress(rule([{namespaceSelector: selector({team: 'b'}), podSelector: selector({app: 'web'})}], [port(3306)])));
	t.deepEqual(traced(t, both, 'dev/web', 'prod/db', 3306).slice(3), [
		'    prod/db-in ingress rule #1 admits it: peer 1: namespaceSelector team=b matches namespace dev and podSelector app=web matches dev/web; port 1 (3306/TCP) matches',
	]);
});

test('selectors never match an address outside the cluster', t => {
	const objects = world(dbIngress(rule([{namespaceSelector: selector()}])));
	t.deepEqual(traced(t, objects, '203.0.113.7', 'prod/db', 3306), [
		'deny',
		'  egress from 203.0.113.7: not a pod (outside the cluster), so no policy applies on this side',
		'  ingress to prod/db: denied; selected for ingress by prod/db-in (podSelector app=db), and no rule admits traffic from 203.0.113.7 on 3306/TCP',
		'    prod/db-in ingress rule #1 does not admit it:',
		'      peer 1: namespaceSelector {} selects pods only, and 203.0.113.7 is outside the cluster (only an ipBlock can match it)',
		'      ports: none, so every port matches',
	]);
});

test('ipBlock with except: an excepted address, an address outside the CIDR, and an admitted one', t => {
	const objects = world(dbIngress(rule([{ipBlock: {cidr: '10.0.0.0/8', except: ['10.0.2.0/24']}}], [port(3306)])));
	t.deepEqual(traced(t, objects, '10.0.2.99', 'prod/db', 3306).slice(4, 5), [
		'      peer 1: ipBlock 10.0.0.0/8 contains 10.0.2.99, but its except 10.0.2.0/24 leaves it out',
	]);
	t.deepEqual(traced(t, objects, '203.0.113.7', 'prod/db', 3306).slice(4, 5), [
		'      peer 1: ipBlock 10.0.0.0/8 (except 10.0.2.0/24) does not contain 203.0.113.7',
	]);
	t.deepEqual(traced(t, objects, '10.9.0.1', 'prod/db', 3306).slice(3), [
		'    prod/db-in ingress rule #1 admits it: peer 1: ipBlock 10.0.0.0/8 (except 10.0.2.0/24) contains 10.9.0.1; port 1 (3306/TCP) matches',
	]);
});

test('ipBlock against pods: by the pod\'s IPs, excepted or not, and never for a pod without an IP', t => {
	const objects = world(dbIngress(rule([{ipBlock: {cidr: '10.0.0.0/16', except: ['10.0.2.0/24']}}])));
	t.deepEqual(traced(t, objects, 'dev/web', 'prod/db', 3306).slice(4, 5), [
		'      peer 1: ipBlock 10.0.0.0/16 contains dev/web\'s IP 10.0.2.10, but its except 10.0.2.0/24 leaves it out',
	]);
	t.deepEqual(traced(t, objects, 'dev/tool', 'prod/db', 3306).slice(4, 5), [
		'      peer 1: ipBlock 10.0.0.0/16 (except 10.0.2.0/24) cannot match dev/tool: it has no IP in the cluster files',
	]);
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/db', 3306).slice(3), [
		'    prod/db-in ingress rule #1 admits it: peer 1: ipBlock 10.0.0.0/16 (except 10.0.2.0/24) contains prod/web\'s IP 10.0.1.10; it has no ports, so every port matches',
	]);
	const elsewhere = world(dbIngress(rule([{ipBlock: {cidr: '192.168.0.0/16', except: []}}])));
	t.deepEqual(traced(t, elsewhere, 'prod/web', 'prod/db', 3306).slice(4, 5), [
		'      peer 1: ipBlock 192.168.0.0/16 contains none of prod/web\'s IPs (10.0.1.10)',
	]);
});

test('ports: another number, another protocol, and a range (endPort) that does or does not include the port', t => {
	const objects = world(dbIngress(rule([], [port(3306), port(3306, 'UDP'), port(9100, 'TCP', 9200)])));
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/db', 80).slice(3), [
		'    prod/db-in ingress rule #1 does not admit it:',
		'      from: none, so every peer matches',
		'      port 1 (3306/TCP): 80 is not 3306',
		'      port 2 (3306/UDP) is for UDP, not TCP',
		'      port 3 (9100-9200/TCP): 80 is outside 9100-9200',
	]);
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/db', 9153).slice(3), [
		'    prod/db-in ingress rule #1 admits it: it has no from, so every peer matches; port 3 (9100-9200/TCP) includes 9153',
	]);
});

test('named ports are resolved on the destination pod', t => {
	const objects = world(
		dbIngress(rule([], [port('mysql')])),
		policy('prod/web-in', {app: 'web'}, {ingress: [rule([], [port('mysql')])]}),
	);
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/db', 3306).slice(3), [
		'    prod/db-in ingress rule #1 admits it: it has no from, so every peer matches; port 1 (mysql/TCP, a named port) is 3306 on prod/db: matches',
	]);
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/db', 3307).slice(5), [
		'      port 1 (mysql/TCP, a named port) is 3306 on prod/db: 3307 is not 3306',
	]);
	t.deepEqual(traced(t, objects, 'prod/db', 'prod/web', 3306).slice(5), [
		'      port 1 (mysql/TCP, a named port): prod/web has no TCP container port named mysql',
	]);
	const egress = world(policy('prod/web-out', {app: 'web'}, {policyTypes: ['Egress'], egress: [rule([], [port('http')])]}));
	t.deepEqual(traced(t, egress, 'prod/web', '203.0.113.7', 8080).slice(4, 5), [
		'      port 1 (http/TCP, a named port): a named port is looked up on the destination pod, and 203.0.113.7 is not a pod',
	]);
});

test('a policy with no rules for a direction it lists admits nothing (deny all)', t => {
	const objects = world(policy('prod/deny-all', {}, {policyTypes: ['Ingress', 'Egress']}));
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/db', 3306), [
		'deny',
		'  egress from prod/web: denied; selected for egress by prod/deny-all (podSelector {}), and no rule admits traffic to prod/db on 3306/TCP',
		'    prod/deny-all has no egress rules, so it admits nothing (deny all egress)',
		'  ingress to prod/db: denied; selected for ingress by prod/deny-all (podSelector {}), and no rule admits traffic from prod/web on 3306/TCP',
		'    prod/deny-all has no ingress rules, so it admits nothing (deny all ingress)',
	]);
});

test('policyTypes: egress rules of a policy whose policyTypes leave out Egress are ignored, and the trace says so', t => {
	const objects = world(policy('prod/web-out', {app: 'web'}, {policyTypes: ['Ingress'], egress: [rule([{podSelector: selector({app: 'db'})}])]}));
	t.deepEqual(traced(t, objects, 'prod/web', 'dev/tool', 22), [
		'allow',
		'  egress from prod/web: allowed; no NetworkPolicy selects it for egress',
		'    note: prod/web-out selects prod/web but its policyTypes is [Ingress], so its 1 egress rule is ignored',
		'  ingress to dev/tool: allowed; no NetworkPolicy selects it for ingress',
	]);
});

test('every rule of every isolating policy is accounted for on a denied side', t => {
	const objects = world(
		dbIngress(rule([{podSelector: selector({app: 'api'})}], [port(3306)])),
		policy('prod/db-metrics', {app: 'db'}, {ingress: [rule([{namespaceSelector: selector({team: 'ops'})}], [port(9100)])]}),
	);
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/db', 3306).slice(2), [
		'  ingress to prod/db: denied; selected for ingress by prod/db-in (podSelector app=db), prod/db-metrics (podSelector app=db), and no rule admits traffic from prod/web on 3306/TCP',
		'    prod/db-in ingress rule #1 does not admit it:',
		'      peer 1: podSelector app=api does not match prod/web (labels app=web)',
		'      port 1 (3306/TCP) matches',
		'    prod/db-metrics ingress rule #1 does not admit it:',
		'      peer 1: namespaceSelector team=ops does not match namespace prod (labels team=a,kubernetes.io/metadata.name=prod)',
		'      port 1 (9100/TCP): 3306 is not 9100',
	]);
});

test('a pod can always reach itself, whatever the policies say', t => {
	const objects = world(policy('prod/deny-all', {}, {policyTypes: ['Ingress', 'Egress']}));
	t.deepEqual(traced(t, objects, 'prod/web', 'prod/web', 80), [
		'allow',
		'  a pod can always reach itself: no policy applies to a pod\'s traffic to itself',
	]);
});

test('explainText puts a heading with the verdict and the expectation over each trace, and a summary', t => {
	const compiled = compileCluster(world(dbIngress(rule([{podSelector: selector({app: 'api'})}], [port(3306)]))));
	const trace = traceFlow(compiled, flow(compiled, 'prod/web', 'prod/db', 3306));
	t.is(explainText([{trace, expect: 'allow'}], noColors), [
		'prod/web -> prod/db on 3306/TCP: deny (expected allow: FAIL)',
		'  egress from prod/web: allowed; no NetworkPolicy selects it for egress',
		'  ingress to prod/db: denied; selected for ingress by prod/db-in (podSelector app=db), and no rule admits traffic from prod/web on 3306/TCP',
		'    prod/db-in ingress rule #1 does not admit it:',
		'      peer 1: podSelector app=api does not match prod/web (labels app=web)',
		'      port 1 (3306/TCP) matches',
		'',
		'1 flow: 0 allowed, 1 denied; 0 expectations held, 1 failed',
		'',
	].join('\n'));
});

test('explainText colours the verdict, and the failed expectation stands out', t => {
	const compiled = compileCluster(world(dbIngress(rule([{podSelector: selector({app: 'api'})}], [port(3306)]))));
	const trace = traceFlow(compiled, flow(compiled, 'prod/web', 'prod/db', 3306));
	t.is(explainText([{trace, expect: 'allow'}], ansiColors).split('\n')[0], 'prod/web -> prod/db on 3306/TCP: \u001B[31mdeny\u001B[39m\u001B[1m (expected allow: FAIL)\u001B[22m');
});

test('explainText wraps long lines to the width, continuing four spaces deeper', t => {
	const compiled = compileCluster(world(dbIngress(rule([{podSelector: selector({app: 'api'})}], [port(3306)]))));
	const trace = traceFlow(compiled, flow(compiled, 'prod/web', 'prod/db', 3306));
	const lines = explainText([{trace}], noColors, 60).split('\n');
	t.true(lines.every(line => line.length <= 60), lines.join('\n'));
	t.deepEqual(lines.slice(3, 6), [
		'  ingress to prod/db: denied; selected for ingress by',
		'      prod/db-in (podSelector app=db), and no rule admits',
		'      traffic from prod/web on 3306/TCP',
	]);
});

test('explainJson names every rule, peer and port entry by its field, with the reason in words', t => {
	const compiled = compileCluster(world(dbIngress(rule([{podSelector: selector({app: 'api'})}], [port(3306)]))));
	const trace = traceFlow(compiled, flow(compiled, 'prod/web', 'prod/db', 80));
	const document = JSON.parse(explainJson([{trace, expect: 'deny'}])) as {results: Array<Record<string, unknown>>; passed: number; failed: number};
	t.deepEqual(document.results[0]!['ingress'], {
		endpoint: 'prod/db',
		isolated: true,
		allowed: false,
		bypassing: [],
		policies: [{policy: 'prod/db-in', rules: [{
			field: 'spec.ingress[0]',
			admits: false,
			peers: [{field: 'spec.ingress[0].from[0]', matches: false, reason: 'podSelector app=api does not match prod/web (labels app=web)'}],
			ports: [{field: 'spec.ingress[0].ports[0]', matches: false, reason: '3306/TCP: 80 is not 3306'}],
		}]}],
	});
	t.like(document, {passed: 1, failed: 0, results: [{from: 'prod/web', to: 'prod/db', port: 80, protocol: 'TCP', verdict: 'deny', expect: 'deny', pass: true, egress: {isolated: false, allowed: true}}]});
	t.deepEqual(document.results[0]!['explanation'], explanationLines(trace));
});
