// A workload stands for the pods it makes: its template's labels and container ports, and no IP,
// for the pods' IPs are not known until they run. One test per rule, each flow decided by the
// indexed evaluator and by the unindexed reference; then the pure pieces around it: which pods
// are a workload's replicas, how a flow names a workload or a Service, and a Service's backends.
import test, {type ExecutionContext} from 'ava';
import type {ClusterObjects, NetworkPolicy, Pod, Protocol, WorkloadKind} from '../source/model/kubernetes.js';
import {type Verdict, compileCluster, decide, referenceVerdict, resolveReference, serviceBackends, traceFlow} from '../source/evaluator/index.js';
import {explanationLines} from '../source/format/explain-output.js';
import {type OwnedEntry, assignReplicas} from '../source/kube/replicas.js';
import {flow, namespace, pod, policy, port, rule, selector} from './helpers/builders.js';

function workload(reference: string, kind: WorkloadKind, labels: Record<string, string>, ports: Array<{name?: string; port: number; protocol?: Protocol}> = []): Pod {
	return {...pod(reference, labels, {ports}), workloadKind: kind};
}

const outside = '203.0.113.7';

// prod/api is a Deployment and prod/worker a StatefulSet (no IPs); prod/web is a pod at 10.0.1.10.
const world = (policies: NetworkPolicy[]): ClusterObjects => ({
	namespaces: [namespace('prod', {team: 'a'})],
	pods: [
		pod('prod/web', {app: 'web'}, {ip: '10.0.1.10', ports: [{name: 'http', port: 80}]}),
		workload('prod/api', 'Deployment', {app: 'api'}, [{name: 'http', port: 8080}]),
		workload('prod/worker', 'StatefulSet', {app: 'worker'}),
	],
	policies,
});

type Case = readonly [from: string, to: string, port: number, expected: Verdict];

const decides = test.macro((t: ExecutionContext, objects: ClusterObjects, cases: readonly Case[]) => {
	const compiled = compileCluster(objects);
	for (const [from, to, portNumber, expected] of cases) {
		const decided = decide(compiled, flow(compiled, from, to, portNumber));
		t.is(decided.verdict, expected, `decide(): ${from} -> ${to} ${portNumber}`);
		t.is(referenceVerdict(objects, decided.flow), expected, `referenceVerdict(): ${from} -> ${to} ${portNumber}`);
	}
});

const everyAddress = [{ipBlock: {cidr: '0.0.0.0/0', except: []}}, {ipBlock: {cidr: '::/0', except: []}}];

test('an ipBlock never matches a workload as a source: it has no IP, not even for 0.0.0.0/0 and ::/0', decides, world([
	policy('prod/web-in', {app: 'web'}, {ingress: [rule(everyAddress)]}),
]), [
	['prod/api[Deployment]', 'prod/web', 80, 'deny'],
	['prod/worker[StatefulSet]', 'prod/web', 80, 'deny'],
	[outside, 'prod/web', 80, 'allow'],
]);

test('an ipBlock never matches a workload as a destination of egress', decides, world([
	policy('prod/web-out', {app: 'web'}, {policyTypes: ['Egress'], egress: [rule([{ipBlock: {cidr: '10.0.0.0/8', except: ['10.0.9.0/24']}}])]}),
]), [
	['prod/web', 'prod/api[Deployment]', 8080, 'deny'],
	['prod/web', '10.0.1.99', 8080, 'allow'],
]);

test('a workload is selected by its template labels, in its own namespace, like the pods it makes', decides, world([
	policy('prod/api-in', {app: 'api'}, {ingress: [rule([{podSelector: selector({app: 'worker'})}, {ipBlock: {cidr: '10.0.1.0/24', except: []}}])]}),
]), [
	['prod/worker[StatefulSet]', 'prod/api[Deployment]', 8080, 'allow'],
	['prod/web', 'prod/api[Deployment]', 8080, 'allow'],
	[outside, 'prod/api[Deployment]', 8080, 'deny'],
]);

test('a named port in a rule resolves on the workload\'s template container ports', decides, world([
	policy('prod/api-in', {app: 'api'}, {ingress: [rule([], [port('http')])]}),
]), [
	['prod/web', 'prod/api[Deployment]', 8080, 'allow'],
	['prod/web', 'prod/api[Deployment]', 80, 'deny'],
]);

test('a workload can always reach itself, as a pod can', decides, world([
	policy('prod/deny-all', {}, {policyTypes: ['Ingress', 'Egress']}),
]), [
	['prod/api[Deployment]', 'prod/api[Deployment]', 8080, 'allow'],
	['prod/api[Deployment]', 'prod/worker[StatefulSet]', 8080, 'deny'],
]);

test('explain says why an ipBlock cannot match a workload', t => {
	const objects = world([policy('prod/web-in', {app: 'web'}, {ingress: [rule([{ipBlock: {cidr: '10.0.0.0/8', except: []}}])]})]);
	const compiled = compileCluster(objects);
	const lines = explanationLines(traceFlow(compiled, flow(compiled, 'prod/api[Deployment]', 'prod/web', 80)));
	t.true(lines.includes('      peer 1: ipBlock 10.0.0.0/8 cannot match prod/api[Deployment]: a workload stands for pods whose IPs are not known until they run, so no ipBlock matches it'), lines.join('\n'));
});

// Replicas: ownerReferences, followed up the chain.

const entry = (pod: Pod, owners: Array<{kind: string; name: string; uid?: string}> = [], uid?: string): OwnedEntry => ({pod, ownership: {owners, ...(uid ? {uid} : {})}});

test('pods owned through a ReplicaSet are the Deployment\'s replicas; neither workload is a pod of its own', t => {
	const {pods, workloads} = assignReplicas([
		entry(workload('shop/web', 'Deployment', {app: 'web'}), [], 'd1'),
		entry(workload('shop/web-1a', 'ReplicaSet', {app: 'web', hash: '1a'}), [{kind: 'Deployment', name: 'web', uid: 'd1'}], 'r1'),
		entry(workload('shop/web-0z', 'ReplicaSet', {app: 'web', hash: '0z'}), [{kind: 'Deployment', name: 'web', uid: 'd1'}], 'r0'),
		entry(pod('shop/web-1a-x', {app: 'web'}, {ip: '10.0.0.1'}), [{kind: 'ReplicaSet', name: 'web-1a', uid: 'r1'}]),
		entry(pod('shop/web-1a-y', {app: 'web'}, {ip: '10.0.0.2'}), [{kind: 'ReplicaSet', name: 'web-1a'}]),
	]);
	t.deepEqual(pods.map(each => each.name), ['web-1a-x', 'web-1a-y']);
	t.deepEqual(workloads.map(({name, pods, hasReplicas, ownedBy}) => ({name, pods, hasReplicas, ownedBy})), [
		{name: 'web', pods: [0, 1], hasReplicas: true, ownedBy: undefined},
		{name: 'web-1a', pods: [0, 1], hasReplicas: true, ownedBy: undefined},
		{name: 'web-0z', pods: [], hasReplicas: false, ownedBy: 'shop/web[Deployment]'},
	]);
});

test('an owner reference counts only for a workload of that kind and name in the same namespace, and the same uid where both have one', t => {
	const {pods, workloads} = assignReplicas([
		entry(workload('shop/api', 'Deployment', {app: 'api'}), [], 'new-uid'),
		entry(pod('shop/api-old', {app: 'api'}), [{kind: 'Deployment', name: 'api', uid: 'old-uid'}]),
		entry(pod('dev/api-x', {app: 'api'}), [{kind: 'Deployment', name: 'api'}]),
		entry(pod('shop/api-y', {app: 'api'}), [{kind: 'StatefulSet', name: 'api'}]),
	]);
	t.deepEqual(pods.map(each => `${each.namespace}/${each.name}${each.workloadKind ? `[${each.workloadKind}]` : ''}`), ['shop/api[Deployment]', 'shop/api-old', 'dev/api-x', 'shop/api-y']);
	t.deepEqual(workloads[0]!.pods, [0]);
	t.false(workloads[0]!.hasReplicas);
});

test('a loop of owner references ends where it closes', t => {
	const {pods, workloads} = assignReplicas([
		entry(workload('shop/a', 'ReplicaSet', {}), [{kind: 'ReplicaSet', name: 'b'}]),
		entry(workload('shop/b', 'ReplicaSet', {}), [{kind: 'ReplicaSet', name: 'a'}]),
		entry(pod('shop/p', {}), [{kind: 'ReplicaSet', name: 'a'}]),
	]);
	t.deepEqual(pods.map(each => each.name), ['p']);
	t.deepEqual(workloads.map(each => each.pods), [[0], [0]]);
});

// References: how a flow names an end.

const named: ClusterObjects = {
	namespaces: [],
	pods: [pod('shop/web', {app: 'debug'}), workload('shop/web', 'Deployment', {app: 'web'}, [{name: 'http', port: 8080}]), workload('shop/api', 'Deployment', {app: 'api'}, [{name: 'grpc', port: 9000}]), pod('shop/api-2', {app: 'api'}, {ports: [{name: 'http', port: 5000}]})],
	policies: [],
	workloads: [{namespace: 'shop', name: 'web', kind: 'Deployment', pods: [1], hasReplicas: false}, {namespace: 'shop', name: 'api', kind: 'Deployment', pods: [2], hasReplicas: false}],
	services: [
		{namespace: 'shop', name: 'api', selector: {app: 'api'}, ports: [{port: 80, protocol: 'TCP', targetPort: 'http'}, {port: 53, protocol: 'UDP', targetPort: 5353}]},
		{namespace: 'shop', name: 'manual', ports: [{port: 80, protocol: 'TCP', targetPort: 80}]},
	],
};

test('a bare name that a pod and a workload share is ambiguous; namespace/kind/name (kubectl\'s short names too) says which', t => {
	const compiled = compileCluster(named);
	t.deepEqual(resolveReference(compiled, 'shop/web'), {kind: 'ambiguous', choices: [{kind: 'Pod', reference: 'shop/pod/web'}, {kind: 'Deployment', reference: 'shop/deployment/web'}]});
	t.deepEqual(resolveReference(compiled, 'shop/deploy/web'), {kind: 'endpoint', endpoint: {kind: 'pod', pod: 1}});
	t.deepEqual(resolveReference(compiled, 'shop/Deployment/web'), {kind: 'endpoint', endpoint: {kind: 'pod', pod: 1}});
	t.deepEqual(resolveReference(compiled, 'shop/po/web'), {kind: 'endpoint', endpoint: {kind: 'pod', pod: 0}});
	t.deepEqual(resolveReference(compiled, 'shop/api'), {kind: 'endpoint', endpoint: {kind: 'pod', pod: 2}});
	t.deepEqual(resolveReference(compiled, 'shop/sts/api'), {kind: 'unknown', isWorkloadKind: true});
	t.deepEqual(resolveReference(compiled, 'shop/deplyment/api'), {kind: 'unknown-kind', written: 'deplyment'});
	t.is(resolveReference(compiled, 'svc/shop/api').kind, 'service');
	t.deepEqual(resolveReference(compiled, 'svc/shop/nope'), {kind: 'unknown-service'});
});

test('a Service\'s backends are the pods its selector matches, each on its targetPort resolved there; a pod without the named port has none', t => {
	const compiled = compileCluster(named);
	const [api, manual] = named.services!;
	t.deepEqual(serviceBackends(compiled, api!, 80, 'TCP'), {servicePort: api!.ports[0]!, backends: [{endpoint: {kind: 'pod', pod: 2}}, {endpoint: {kind: 'pod', pod: 3}, port: 5000}]});
	t.deepEqual(serviceBackends(compiled, api!, 53, 'UDP'), {servicePort: api!.ports[1]!, backends: [{endpoint: {kind: 'pod', pod: 2}, port: 5353}, {endpoint: {kind: 'pod', pod: 3}, port: 5353}]});
	t.deepEqual(serviceBackends(compiled, api!, 53, 'TCP'), {kind: 'no-port', ports: api!.ports}, 'a Service port is its number and protocol');
	t.deepEqual(serviceBackends(compiled, manual!, 80, 'TCP'), {kind: 'no-selector'});
});
