// A flow's end as written, resolved to what policies see: pods. `namespace/name` names a pod or
// a workload; `namespace/kind/name` says which when a pod and a workload, or two workloads,
// share the name; `svc/namespace/name` is a Service, whose backends are the pods its selector
// picks, each on the container port its targetPort resolves to there. A workload whose pods are
// in the files stands for them: a flow naming it is decided for each.
import type {Protocol, Service, ServicePort, Workload, WorkloadKind} from '../model/kubernetes.js';
import type {Cluster} from './compile.js';
import {resolveEndpoint} from './resolve.js';
import {selectorMatches} from './selector.js';
import type {Endpoint} from './types.js';

/** How a reference may name each kind: kubectl's singular, plural and short names, lower case. */
export const referenceKinds: Readonly<Record<string, WorkloadKind | 'Pod'>> = {
	pod: 'Pod', pods: 'Pod', po: 'Pod',
	deployment: 'Deployment', deployments: 'Deployment', deploy: 'Deployment',
	statefulset: 'StatefulSet', statefulsets: 'StatefulSet', sts: 'StatefulSet',
	daemonset: 'DaemonSet', daemonsets: 'DaemonSet', ds: 'DaemonSet',
	replicaset: 'ReplicaSet', replicasets: 'ReplicaSet', rs: 'ReplicaSet',
	replicationcontroller: 'ReplicationController', replicationcontrollers: 'ReplicationController', rc: 'ReplicationController',
	job: 'Job', jobs: 'Job',
	cronjob: 'CronJob', cronjobs: 'CronJob', cj: 'CronJob',
};

/** One thing a bare `namespace/name` could mean, for the message that lists them. */
export type ReferenceChoice = {readonly kind: WorkloadKind | 'Pod'; readonly reference: string};

/** A flow's end resolved. */
export type ResolvedEnd =
	| {readonly kind: 'endpoint'; readonly endpoint: Endpoint}
	/** A workload whose pods are in the files: each of them. */
	| {readonly kind: 'replicas'; readonly workload: string; readonly endpoints: readonly Endpoint[]}
	| {readonly kind: 'service'; readonly service: Service};

/** Why an end could not be resolved. */
export type ReferenceProblem =
	| {readonly kind: 'not-a-reference'}
	| {readonly kind: 'unknown'; readonly isWorkloadKind: boolean}
	| {readonly kind: 'unknown-kind'; readonly written: string}
	| {readonly kind: 'unknown-service'}
	| {readonly kind: 'shared-address'}
	| {readonly kind: 'ambiguous'; readonly choices: readonly ReferenceChoice[]}
	/** A workload that another in the files owns, with no pods of its own there. */
	| {readonly kind: 'no-pods'; readonly workload: string; readonly ownedBy: string};

const workloadsByName = new WeakMap<Cluster, Map<string, Workload[]>>();
const servicesByName = new WeakMap<Cluster, Map<string, Service>>();

function workloadsNamed(cluster: Cluster, key: string): readonly Workload[] {
	let index = workloadsByName.get(cluster);
	if (!index) {
		index = new Map();
		for (const workload of cluster.workloads) {
			const name = `${workload.namespace}/${workload.name}`;
			index.set(name, [...index.get(name) ?? [], workload]);
		}

		workloadsByName.set(cluster, index);
	}

	return index.get(key) ?? [];
}

function serviceNamed(cluster: Cluster, key: string): Service | undefined {
	let index = servicesByName.get(cluster);
	if (!index) {
		index = new Map(cluster.services.map(service => [`${service.namespace}/${service.name}`, service]));
		servicesByName.set(cluster, index);
	}

	return index.get(key);
}

const segment = '[^/\\s]+';
const twoSegments = new RegExp(`^(${segment})/(${segment})$`);
const threeSegments = new RegExp(`^(${segment})/(${segment})/(${segment})$`);

// One result object per pod, made on first use: resolving hundreds of thousands of flows allocates nothing per flow.
const podResults = new WeakMap<Cluster, Array<ResolvedEnd | undefined>>();

function podResult(cluster: Cluster, pod: number): ResolvedEnd {
	let results = podResults.get(cluster);
	if (!results) {
		results = [];
		podResults.set(cluster, results);
	}

	results[pod] ??= {kind: 'endpoint', endpoint: cluster.podEndpoints[pod]!};
	return results[pod];
}

/** Resolves a flow's `from` or `to` as written. */
export function resolveReference(cluster: Cluster, reference: string): ResolvedEnd | ReferenceProblem {
	const firstSlash = reference.indexOf('/');
	// The common case first: `namespace/name` of a pod that no workload shares.
	if (firstSlash > 0 && reference.indexOf('/', firstSlash + 1) === -1) {
		const pod = cluster.podIndexByKey.get(reference);
		if (pod !== undefined && workloadsNamed(cluster, reference).length === 0) {
			return podResult(cluster, pod);
		}
	}

	const three = firstSlash > 0 ? threeSegments.exec(reference) : null;
	if (three) {
		const [, first, second, name] = three as unknown as [string, string, string, string];
		if (first === 'svc') {
			const service = serviceNamed(cluster, `${second}/${name}`);
			return service ? {kind: 'service', service} : {kind: 'unknown-service'};
		}

		const kind = Object.hasOwn(referenceKinds, second.toLowerCase()) ? referenceKinds[second.toLowerCase()]! : undefined;
		if (!kind) {
			return {kind: 'unknown-kind', written: second};
		}

		const choices = candidates(cluster, `${first}/${name}`).filter(candidate => candidate.kind === kind);
		return choices[0]?.resolved ?? {kind: 'unknown', isWorkloadKind: kind !== 'Pod'};
	}

	if (firstSlash > 0 && twoSegments.test(reference)) {
		const found = candidates(cluster, reference);
		if (found.length > 1) {
			const [namespace, name] = reference.split('/') as [string, string];
			return {kind: 'ambiguous', choices: found.map(({kind}) => ({kind, reference: `${namespace}/${kind.toLowerCase()}/${name}`}))};
		}

		return found[0]?.resolved ?? {kind: 'unknown', isWorkloadKind: false};
	}

	const endpoint = resolveEndpoint(cluster, reference);
	if (typeof endpoint === 'string') {
		return {kind: endpoint === 'unknown-pod' ? 'not-a-reference' : endpoint};
	}

	return endpoint.kind === 'pod' ? podResult(cluster, endpoint.pod) : {kind: 'endpoint', endpoint};
}

type Candidate = {readonly kind: WorkloadKind | 'Pod'; readonly resolved: ResolvedEnd | ReferenceProblem};

// Everything `namespace/name` could mean: the pod of that name, and each workload of that name.
function candidates(cluster: Cluster, key: string): Candidate[] {
	const found: Candidate[] = [];
	const pod = cluster.podIndexByKey.get(key);
	if (pod !== undefined) {
		found.push({kind: 'Pod', resolved: podResult(cluster, pod)});
	}

	for (const workload of workloadsNamed(cluster, key)) {
		found.push({kind: workload.kind, resolved: resolveWorkload(cluster, workload)});
	}

	return found;
}

function resolveWorkload(cluster: Cluster, workload: Workload): ResolvedEnd | ReferenceProblem {
	const name = `${workload.namespace}/${workload.name}[${workload.kind}]`;
	if (workload.pods.length === 0) {
		return {kind: 'no-pods', workload: name, ownedBy: workload.ownedBy ?? ''};
	}

	const endpoints = workload.pods.map(pod => cluster.podEndpoints[pod]!);
	return workload.hasReplicas ? {kind: 'replicas', workload: name, endpoints} : {kind: 'endpoint', endpoint: endpoints[0]!};
}

/** A pod a Service sends a flow to, and the port it arrives on there. */
export type Backend = {
	readonly endpoint: Endpoint & {readonly kind: 'pod'};
	/** The container port the targetPort resolves to; undefined when the pod has no port of that name. */
	readonly port?: number;
};

/** Why a Service's backends cannot be listed for a flow. */
export type ServiceProblem =
	| {readonly kind: 'no-port'; readonly ports: readonly ServicePort[]}
	| {readonly kind: 'no-selector'}
	| {readonly kind: 'no-backends'};

/**
The pods a Service sends a connection on `port` to (every pod of its namespace that its selector
matches, as the EndpointSlice controller picks them), each with the port it arrives on: the
targetPort's number, or the number of the backend's container port of that name and protocol.
*/
export function serviceBackends(cluster: Cluster, service: Service, port: number, protocol: Protocol): {readonly servicePort: ServicePort; readonly backends: readonly Backend[]} | ServiceProblem {
	const servicePort = service.ports.find(entry => entry.port === port && entry.protocol === protocol);
	if (!servicePort) {
		return {kind: 'no-port', ports: service.ports};
	}

	const {selector} = service;
	if (!selector) {
		return {kind: 'no-selector'};
	}

	const selectorAsLabelSelector = {matchLabels: selector, matchExpressions: []};
	const backends = (cluster.podsByNamespace.get(service.namespace) ?? [])
		.filter(pod => selectorMatches(selectorAsLabelSelector, cluster.pods[pod]!.labels))
		.map((pod): Backend => {
			const endpoint = cluster.podEndpoints[pod]!;
			const {targetPort} = servicePort;
			if (typeof targetPort === 'number') {
				return {endpoint, port: targetPort};
			}

			const named = cluster.pods[pod]!.ports.find(entry => entry.name === targetPort && entry.protocol === protocol);
			return named ? {endpoint, port: named.port} : {endpoint};
		});
	return backends.length === 0 ? {kind: 'no-backends'} : {servicePort, backends};
}
