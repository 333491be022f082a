// Tiny builders for evaluator tests: a cluster in a few lines, flows by name.
import type {ClusterObjects, Labels, LabelSelector, Namespace, NetworkPolicy, Peer, Pod, PolicyPort, PolicyType, Protocol, Rule} from '../../source/model/kubernetes.js';
import {type Cluster, type Decision, type Flow, type Verdict, compileCluster, decide, referenceVerdict, resolveEndpoint} from '../../source/evaluator/index.js';
import {networkPolicyIssues, toNetworkPolicy} from '../../source/kube/network-policy.js';

/** `pod('prod/web', {app: 'web'}, {ip: '10.0.0.1', ports: [{name: 'http', port: 80}]})` */
export function pod(reference: string, labels: Labels = {}, options: {ips?: string[]; ip?: string; ports?: Array<{name?: string; port: number; protocol?: Protocol}>} = {}): Pod {
	const [namespace, name] = reference.split('/') as [string, string];
	return {
		namespace,
		name,
		labels,
		ips: options.ips ?? (options.ip ? [options.ip] : []),
		ports: (options.ports ?? []).map(port => ({...(port.name ? {name: port.name} : {}), port: port.port, protocol: port.protocol ?? 'TCP'})),
	};
}

export function namespace(name: string, labels: Labels = {}): Namespace {
	return {name, labels};
}

/** A selector from matchLabels, optionally with expressions. */
export function selector(matchLabels: Labels = {}, matchExpressions: LabelSelector['matchExpressions'] = []): LabelSelector {
	return {matchLabels, matchExpressions};
}

/** A port entry: `port(3306)`, `port('http')`, `port(8000, 'TCP', 9000)`, `port(undefined, 'UDP')`. */
export function port(value?: number | string, protocol: Protocol = 'TCP', endPort?: number): PolicyPort {
	return {protocol, ...(value === undefined ? {} : {port: value}), ...(endPort === undefined ? {} : {endPort})};
}

export function rule(peers: Peer[] = [], ports: PolicyPort[] = []): Rule {
	return {peers, ports};
}

type PolicyOptions = {
	policyTypes?: PolicyType[];
	ingress?: Rule[];
	egress?: Rule[];
};

/** `policy('prod/db-policy', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'web'})}], [port(3306)])]})`; policyTypes defaulted like the API server. */
export function policy(reference: string, podSelector: Labels | LabelSelector, options: PolicyOptions = {}): NetworkPolicy {
	const [namespace, name] = reference.split('/') as [string, string];
	const ingress = options.ingress ?? [];
	const egress = options.egress ?? [];
	const isPolicyTypesDefaulted = options.policyTypes === undefined || options.policyTypes.length === 0;
	const policyTypes: PolicyType[] = isPolicyTypesDefaulted ? (egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']) : options.policyTypes!;
	const asSelector = 'matchLabels' in podSelector && typeof podSelector.matchLabels === 'object' ? podSelector as LabelSelector : selector(podSelector as Labels);
	return {namespace, name, podSelector: asSelector, policyTypes, isPolicyTypesDefaulted, ingress, egress};
}

/**
A policy read from its API form, as a YAML file gives it: through validation and the API
server's defaulting (policyTypes, protocol). `parsedPolicy('prod/p', {podSelector: {}, egress: []})`
*/
export function parsedPolicy(reference: string, spec: Record<string, unknown>): NetworkPolicy {
	const [namespace, name] = reference.split('/') as [string, string];
	const object = {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name, namespace}, spec};
	const errors = networkPolicyIssues(object).filter(issue => issue.severity === 'error');
	if (errors.length > 0) {
		throw new TypeError(`test policy ${reference} is invalid: ${errors.map(issue => issue.message).join('; ')}`);
	}

	return toNetworkPolicy(object);
}

export function cluster(objects: Partial<ClusterObjects>): ClusterObjects {
	return {namespaces: objects.namespaces ?? [], pods: objects.pods ?? [], policies: objects.policies ?? []};
}

/** Resolves `from`/`to` references (namespace/pod or IP) against a compiled cluster. */
export function flow(compiled: Cluster, from: string, to: string, portNumber: number, protocol: Protocol = 'TCP'): Flow {
	const source = resolveEndpoint(compiled, from);
	const destination = resolveEndpoint(compiled, to);
	if (typeof source === 'string' || typeof destination === 'string') {
		throw new TypeError(`test flow ${from} -> ${to} does not resolve: ${JSON.stringify([source, destination], (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))}`);
	}

	return {source, destination, port: portNumber, protocol};
}

/** Decides a flow with the indexed evaluator and checks the unindexed reference agrees. */
export function verdictOf(objects: ClusterObjects, from: string, to: string, portNumber: number, protocol: Protocol = 'TCP'): {verdict: Verdict; reference: Verdict; decision: Decision} {
	const compiled = compileCluster(objects);
	const decision = decide(compiled, flow(compiled, from, to, portNumber, protocol));
	return {verdict: decision.verdict, reference: referenceVerdict(objects, decision.flow), decision};
}
