// What a change of objects does to traffic: the pod-to-pod flows whose verdict differs between
// two clusters (the same pods, other policies). Exact over every port: a verdict can only change
// where some policy's port entry starts or ends (or a named port resolves), so the ports split
// into ranges on which both clusters decide alike, and one port stands for each range.
import type {Protocol} from '../kube/types.js';
import {protocols} from '../kube/values.js';
import {bitsetHas} from './bitset.js';
import type {Cluster} from './compile.js';
import {reachability} from './matrix.js';
import type {Verdict} from './types.js';

/** Ports `first`..`last` (both included) of one protocol. */
export type PortRange = {readonly protocol: Protocol; readonly first: number; readonly last: number};

/** A pod pair whose verdict differs on a range of ports. */
export type VerdictChange = {
	readonly from: string;
	readonly to: string;
	readonly ports: PortRange;
	readonly before: Verdict;
	readonly after: Verdict;
};

export type ClusterDiff = {
	readonly changes: readonly VerdictChange[];
	/** `namespace/name` of the pods in one cluster only, whose flows are not compared. */
	readonly onlyBefore: readonly string[];
	readonly onlyAfter: readonly string[];
};

/** Which ports to compare: one port, one protocol's ports, or (neither) every port of every protocol. */
export type DiffScope = {readonly port?: number; readonly protocol?: Protocol};

const lastPort = 65_535;

/** The flows between pods of both clusters whose verdict differs, by pod pair and port range. */
export function verdictChanges(before: Cluster, after: Cluster, scope: DiffScope = {}): ClusterDiff {
	const keyOf = (cluster: Cluster, pod: number) => `${cluster.pods[pod]!.namespace}/${cluster.pods[pod]!.name}`;
	// Pods are compared by namespace/name, in the order of the before cluster.
	const shared = before.pods.map((_, pod) => ({before: pod, after: after.podIndexByKey.get(keyOf(before, pod)), key: keyOf(before, pod)}))
		.filter((pod): pod is {before: number; after: number; key: string} => pod.after !== undefined);
	const onlyBefore = before.pods.map((_, pod) => keyOf(before, pod)).filter(key => !after.podIndexByKey.has(key));
	const onlyAfter = after.pods.map((_, pod) => keyOf(after, pod)).filter(key => !before.podIndexByKey.has(key));
	// The latest run of ports per pod pair and direction of change, extended while consecutive.
	const runs = new Map<string, Run>();
	const changes: Run[] = [];
	for (const range of portRanges([before, after], scope)) {
		const beforeGrid = reachability(before, range.first, range.protocol);
		const afterGrid = reachability(after, range.first, range.protocol);
		for (const source of shared) {
			for (const destination of shared) {
				const wasAllowed = bitsetHas(beforeGrid[source.before]!, destination.before);
				if (wasAllowed === bitsetHas(afterGrid[source.after]!, destination.after)) {
					continue;
				}

				const key = `${source.key} ${destination.key} ${range.protocol} ${wasAllowed}`;
				const run = runs.get(key);
				if (run && run.ports.last + 1 === range.first) {
					run.ports.last = range.last;
				} else {
					const change = {from: source.key, to: destination.key, ports: {...range}, before: verdict(wasAllowed), after: verdict(!wasAllowed)};
					runs.set(key, change);
					changes.push(change);
				}
			}
		}
	}

	const order = new Map(shared.map((pod, index) => [pod.key, index]));
	changes.sort((left, right) => order.get(left.from)! - order.get(right.from)! || order.get(left.to)! - order.get(right.to)!
		|| protocols.indexOf(left.ports.protocol) - protocols.indexOf(right.ports.protocol) || left.ports.first - right.ports.first);
	return {changes, onlyBefore, onlyAfter};
}

// A change being built: its range grows while the next range of ports changes alike.
type Run = {from: string; to: string; ports: {protocol: Protocol; first: number; last: number}; before: Verdict; after: Verdict};

function verdict(isAllowed: boolean): Verdict {
	return isAllowed ? 'allow' : 'deny';
}

/**
The ranges of ports on which every cluster's verdicts are constant: each port entry of each
policy starts a range at its first port and another just after its last; a named port does so
at each number it resolves to on some pod.
*/
export function portRanges(clusters: readonly Cluster[], scope: DiffScope = {}): PortRange[] {
	const scoped = scope.protocol === undefined ? protocols : [scope.protocol];
	if (scope.port !== undefined) {
		return [{protocol: scope.protocol ?? 'TCP', first: scope.port, last: scope.port}];
	}

	return scoped.flatMap(protocol => {
		const starts = [...new Set([1, ...clusters.flatMap(cluster => breakpoints(cluster, protocol))])]
			.filter(port => port <= lastPort)
			.sort((left, right) => left - right);
		return starts.map((first, index) => ({protocol, first, last: (starts[index + 1] ?? lastPort + 1) - 1}));
	});
}

function breakpoints(cluster: Cluster, protocol: Protocol): number[] {
	const ports: number[] = [];
	for (const policy of cluster.policies) {
		for (const rule of [...policy.ingress, ...policy.egress]) {
			for (const entry of rule.ports) {
				if (entry.protocol !== protocol || entry.kind === 'any') {
					continue;
				}

				if (entry.kind === 'range') {
					ports.push(entry.first, entry.last + 1);
					continue;
				}

				for (const pod of cluster.pods) {
					for (const container of pod.ports) {
						if (container.name === entry.name && container.protocol === protocol) {
							ports.push(container.port, container.port + 1);
						}
					}
				}
			}
		}
	}

	return ports;
}
