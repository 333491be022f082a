// A flow as written, resolved against the cluster: each end a pod, a workload, a Service or an
// address. Every caller that turns a written flow into flows to decide comes here: eval and
// explain, the hidden cases of a pack, the lessons' predict pages, grading and drills. A flow to
// a Service, or naming a workload whose pods are in the files, stands for several pod-to-pod
// flows (its members): one per backend or replica, each decided on its own.
import type {ClusterPlace, FlowField, FlowProblem, FlowSpec, FlowsCheck} from '../model/flow-spec.js';
import type {Service} from '../model/kubernetes.js';
import {quoteValue} from '../model/sanitize.js';
import {similarTo} from '../model/similar.js';
import {addressKey, parseAddress} from '../kube/ip.js';
import {type Cluster, compileCluster} from './compile.js';
import {endpointName} from './describe.js';
import {type ReferenceProblem, type ResolvedEnd, referenceKinds, resolveReference, serviceBackends} from './references.js';
import {resolveEndpoint} from './resolve.js';
import type {Endpoint, Flow} from './types.js';

/** One pod-to-pod flow a written flow stands for; `missingPort` when a backend lacks the Service's named targetPort. */
export type FlowMember =
	| {readonly flow: Flow}
	| {readonly source: Endpoint; readonly destination: Endpoint; readonly missingPort: string};

/** What several members are, for `2 of 3 backends allowed`. */
export type MemberNoun = 'backends' | 'replicas' | 'pod pairs';

/** A flow that stands for several pod-to-pod flows: to a Service, or naming a workload with replicas (even one). */
export type GroupedFlow = {
	readonly members: readonly FlowMember[];
	readonly group: {
		readonly noun: MemberNoun;
		/** `namespace/name[Kind]` of each end that is a workload standing for its replicas. */
		readonly workloads: readonly string[];
		/** The Service the flow goes through: policies see each backend and its targetPort, never the Service. */
		readonly service?: {readonly name: string; readonly port: number; readonly targetPort: number | string};
	};
};

/** A written flow resolved: one pod-to-pod flow (as most are, allocated once), or a group. */
export type ResolvedFlow = Flow | GroupedFlow;

/** Whether a resolved flow stands for several. */
export function isGrouped(flow: ResolvedFlow): flow is GroupedFlow {
	return 'members' in flow;
}

/** What is wrong with a written flow's ends, each problem at its field. */
export type FlowProblems = {readonly problems: readonly FlowProblem[]};

const placeWords: Readonly<Record<ClusterPlace, {readonly objects: string; readonly cluster: string}>> = {
	'cluster files': {objects: 'the cluster files', cluster: 'the cluster'},
	'cluster.yaml': {objects: 'cluster.yaml', cluster: 'cluster.yaml'},
	lesson: {objects: 'the cluster', cluster: 'the cluster'},
};

/** Whether resolving a flow found problems rather than flows. */
export function hasProblems(resolved: ResolvedFlow | FlowProblems): resolved is FlowProblems {
	return 'problems' in resolved;
}

/** Resolves one written flow: the pod-to-pod flow it is, the group it stands for, or its problems. */
export function resolveFlow(cluster: Cluster, spec: FlowSpec, place: ClusterPlace = 'cluster files'): ResolvedFlow | FlowProblems {
	const problems: FlowProblem[] = [];
	const report = (field: FlowField, message: string) => problems.push({field, message});
	const source = resolveEnd(cluster, spec.from, 'from', place, report);
	const destination = resolveEnd(cluster, spec.to, 'to', place, report);
	if (!source || !destination) {
		return {problems};
	}

	// Most flows join two ends that are one endpoint each: one object, as before workloads.
	if (source.kind === 'endpoint' && destination.kind === 'endpoint' && (source.endpoint.kind === 'pod' || destination.endpoint.kind === 'pod')) {
		return {source: source.endpoint, destination: destination.endpoint, port: spec.port, protocol: spec.protocol};
	}

	if (source.kind === 'service') {
		return {problems: [{field: 'from', message: `${quoteValue(spec.from)} is a Service, which opens no connections (its pods do); name a pod or workload as from`}]};
	}

	if (isOutside(source) && isOutside(destination)) {
		return {problems: [neitherIsAPod(spec, place)]};
	}

	const resolved = destination.kind === 'service'
		? throughService(cluster, spec, source, destination.service, place, report)
		: pairs(spec, source, destination);
	return resolved ?? {problems};
}

/**
Resolves a written flow whose ends must be pods or addresses, as a pack's hidden cases and the
lessons' predict pages are written (docs/packs.md): `namespace/name` is a pod, never a workload
or a Service, whatever else of that name the cluster holds.
*/
export function resolvePodFlow(cluster: Cluster, spec: FlowSpec, place: ClusterPlace = 'cluster files'): Flow | FlowProblems {
	const problems: FlowProblem[] = [];
	const resolvePodEnd = (field: 'from' | 'to'): Endpoint | undefined => {
		const end = resolveEndpoint(cluster, spec[field]);
		if (typeof end !== 'string') {
			return end;
		}

		const quoted = quoteValue(spec[field]);
		problems.push({field, message: end === 'unknown-pod'
			? `pod ${quoted} is not in ${placeWords[place].objects}${suggestion(cluster, spec[field], false, true)}`
			: (end === 'shared-address' ? problemMessage(cluster, {kind: end}, spec[field], place) : `${quoted} is neither namespace/pod nor an IP address`)});
		return undefined;
	};

	const source = resolvePodEnd('from');
	const destination = resolvePodEnd('to');
	if (!source || !destination) {
		return {problems};
	}

	if (source.kind === 'outside' && destination.kind === 'outside') {
		return {problems: [neitherIsAPod(spec, place)]};
	}

	return {source, destination, port: spec.port, protocol: spec.protocol};
}

// No policy decides traffic between two addresses outside the cluster (CONTRACT.md, Flows).
function neitherIsAPod(spec: FlowSpec, place: ClusterPlace): FlowProblem {
	return {field: 'from', isAboutFlow: true, message: `neither ${spec.from} nor ${spec.to} is a pod of ${placeWords[place].cluster}; at least one end of a flow must be a pod`};
}

/** The problems of each written flow that must be one pod-to-pod flow of these objects: the check a pack's cases and lessons' predict pages get. */
export const podFlowProblems: FlowsCheck = (objects, flows, place) => {
	const cluster = compileCluster(objects);
	return flows.map(flow => {
		const resolved = resolvePodFlow(cluster, flow, place);
		return hasProblems(resolved) ? resolved.problems : [];
	});
};

function isOutside(end: ResolvedEnd): boolean {
	return end.kind === 'endpoint' && end.endpoint.kind === 'outside';
}

function sourceEndpoints(end: ResolvedEnd): readonly Endpoint[] {
	return end.kind === 'endpoint' ? [end.endpoint] : (end.kind === 'replicas' ? end.endpoints : []);
}

// Ends of which one at least is a workload's replicas: a member for each pair.
function pairs(spec: FlowSpec, source: ResolvedEnd, destination: ResolvedEnd): GroupedFlow {
	const sources = sourceEndpoints(source);
	const destinations = sourceEndpoints(destination);
	const members = sources.flatMap(from => destinations.map((to): FlowMember => ({flow: {source: from, destination: to, port: spec.port, protocol: spec.protocol}})));
	const workloads = [source, destination].flatMap(end => (end.kind === 'replicas' ? [end.workload] : []));
	return {members, group: {noun: workloads.length === 2 ? 'pod pairs' : 'replicas', workloads}};
}

function throughService(cluster: Cluster, spec: FlowSpec, source: ResolvedEnd, service: Service, place: ClusterPlace, report: (field: FlowField, message: string) => void): GroupedFlow | undefined {
	const sources = sourceEndpoints(source);
	const name = `${service.namespace}/${service.name}`;
	const found = serviceBackends(cluster, service, spec.port, spec.protocol);
	if ('kind' in found) {
		switch (found.kind) {
			case 'no-port': {
				const ports = found.ports.map(port => `${port.port}/${port.protocol}`).join(', ');
				report('port', `Service ${quoteValue(name)} has no port ${spec.port}/${spec.protocol}${ports === '' ? ': it lists no ports' : ` (its ports: ${ports})`}`);
				return undefined;
			}

			case 'no-selector': {
				report('to', service.type === 'ExternalName'
					? `Service ${quoteValue(name)} is of type ExternalName: it names a host outside the cluster and sends nothing to pods`
					: `Service ${quoteValue(name)} has no selector: its endpoints are kept by hand (EndpointSlices), which netpol-dojo does not read; name the pods instead`);
				return undefined;
			}

			case 'no-backends': {
				const selector = Object.entries(service.selector ?? {}).map(([key, value]) => `${key}=${value}`).join(',');
				report('to', `Service ${quoteValue(name)} selects no pod of ${placeWords[place].objects} (selector ${selector} in namespace ${service.namespace})`);
				return undefined;
			}
		}
	}

	const members = sources.flatMap(source => found.backends.map((backend): FlowMember => (backend.port === undefined
		? {source, destination: backend.endpoint, missingPort: String(found.servicePort.targetPort)}
		: {flow: {source, destination: backend.endpoint, port: backend.port, protocol: spec.protocol}})));
	const noun = sources.length > 1 ? 'pod pairs' : 'backends';
	const workloads = source.kind === 'replicas' ? [source.workload] : [];
	return {members, group: {noun, workloads, service: {name: `svc/${name}`, port: spec.port, targetPort: found.servicePort.targetPort}}};
}

function resolveEnd(cluster: Cluster, reference: string, field: 'from' | 'to', place: ClusterPlace, report: (field: FlowField, message: string) => void): ResolvedEnd | undefined {
	const resolved = resolveReference(cluster, reference);
	if (resolved.kind === 'endpoint' || resolved.kind === 'replicas' || resolved.kind === 'service') {
		return resolved;
	}

	report(field, problemMessage(cluster, resolved, reference, place));
	return undefined;
}

const kindWords = 'pod, deployment, statefulset, daemonset, replicaset, replicationcontroller, job or cronjob';

function problemMessage(cluster: Cluster, problem: ReferenceProblem, reference: string, place: ClusterPlace): string {
	const quoted = quoteValue(reference);
	switch (problem.kind) {
		case 'unknown': {
			const [namespace, kind, name] = reference.split('/') as [string, string, string?];
			if (name !== undefined) {
				return `${referenceKinds[kind.toLowerCase()]!} ${quoteValue(`${namespace}/${name}`)} is not in ${placeWords[place].objects}${suggestion(cluster, `${namespace}/${name}`, true)}`;
			}

			return `${cluster.workloads.length > 0 ? 'pod or workload' : 'pod'} ${quoted} is not in ${placeWords[place].objects}${suggestion(cluster, reference, false)}`;
		}

		case 'unknown-kind': {
			const [guess] = similarTo(problem.written, Object.keys(referenceKinds));
			return `${quoted}: ${quoteValue(problem.written)} is not a kind a flow can name; use ${kindWords} (or svc/namespace/name for a Service)${guess ? ` (did you mean ${guess}?)` : ''}`;
		}

		case 'unknown-service': {
			const key = reference.slice('svc/'.length);
			const [guess] = similarTo(key, cluster.services.map(service => `${service.namespace}/${service.name}`));
			return `Service ${quoteValue(key)} is not in ${placeWords[place].objects}${guess ? ` (did you mean svc/${guess}?)` : ''}`;
		}

		case 'ambiguous': {
			const names = problem.choices.map(choice => `${choice.kind} ${reference}`);
			return `${quoted} names ${listed(names, 'and')}; write ${listed(problem.choices.map(choice => choice.reference), 'or')}`;
		}

		case 'no-pods': {
			return `${problem.workload} has no pods in ${placeWords[place].objects}, and ${problem.ownedBy} owns it: name ${problem.ownedBy.replace(/\[.*\]$/, '')} instead`;
		}

		case 'shared-address': {
			const address = parseAddress(reference);
			const pods = (address ? cluster.podsByAddress.get(addressKey(address)) ?? [] : []).map(pod => endpointName(cluster, cluster.podEndpoints[pod]!));
			return `${reference} is the IP of several pods: ${pods.join(', ')} (host-network pods share their node's IP); name the pod as namespace/name instead`;
		}

		case 'not-a-reference': {
			return `${quoted} is neither namespace/pod nor an IP address (a workload is namespace/name or namespace/kind/name, a Service svc/namespace/name)`;
		}
	}
}

function listed(items: readonly string[], conjunction: string): string {
	return items.length <= 2 ? items.join(` ${conjunction} `) : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)!}`;
}

/**
The same name in another namespace or of another kind, or a near spelling: `shop/fronted` ->
`shop/frontend`. Written with the kind (`shop/deployment/web`) when the reference had one.
*/
function suggestion(cluster: Cluster, reference: string, isKindWritten: boolean, isPodsOnly = false): string {
	const [namespace, name] = reference.split('/') as [string, string];
	// Where only pods may be named, the candidates are the names that resolve to a pod, and no workload.
	const entries = isPodsOnly
		? [...cluster.podIndexByKey.keys()].filter(key => /^[^/]+\/[^/[]+$/.test(key)).map(key => ({namespace: key.split('/')[0]!, name: key.split('/')[1]!, kind: 'pod'}))
		: [
			...cluster.pods.filter(pod => pod.workloadKind === undefined).map(pod => ({namespace: pod.namespace, name: pod.name, kind: 'pod'})),
			...cluster.workloads.map(workload => ({namespace: workload.namespace, name: workload.name, kind: workload.kind.toLowerCase()})),
		];
	const written = (entry: {namespace: string; name: string; kind: string}) => (isKindWritten ? `${entry.namespace}/${entry.kind}/${entry.name}` : `${entry.namespace}/${entry.name}`);
	const sameName = entries.filter(entry => entry.name === name).map(entry => written(entry));
	const near = similarTo(reference, new Set(entries.map(entry => `${entry.namespace}/${entry.name}`)));
	// Near spellings closest first, as similarTo orders them.
	const nearEntries = near.flatMap(key => entries.filter(entry => `${entry.namespace}/${entry.name}` === key));
	const candidates = [...new Set((sameName.length > 0 ? sameName : nearEntries.map(entry => written(entry))))];
	// With the same name in several places, the namespace written first: `shop/web` before `dev/web`.
	if (sameName.length > 0) {
		candidates.sort((left, right) => Number(!left.startsWith(`${namespace}/`)) - Number(!right.startsWith(`${namespace}/`)));
	}

	return candidates.length > 0 ? ` (did you mean ${candidates.slice(0, 3).join(' or ')}?)` : '';
}
