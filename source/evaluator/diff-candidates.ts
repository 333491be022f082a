// Which flows a change of objects can touch. A flow's verdict depends only on its two ends (a
// pod's labels, IPs and container ports, and its namespace's labels; or an outside address) and
// on the policies that select them. So between two clusters a flow can change only when one of
// its pods changed, or when a policy that differs (added, removed or edited) selects one of its
// ends for the direction; the policies both clusters share decide alike in both. And on a
// stretch of ports where the differing policies' port entries admit alike, their rules admit the
// same peers at every port: where those peers are the same in both clusters, or the shared
// policies admit the flow anyway, nothing in the stretch changes.
import type {Protocol} from '../model/kubernetes.js';
import {endpointDisplayName} from '../kube/replicas.js';
import {type Address, addressKey} from '../kube/ip.js';
import {type Bitset, bitsetAdd, bitsetHas, createBitset} from './bitset.js';
import type {Cluster} from './compile.js';
import {admittedPeers, sideAdmits} from './side.js';
import {type AddressStretch, addressStretches} from './stretches.js';
import type {Direction, Endpoint} from './types.js';

/** A pod in both clusters: its indexes there, and whether anything a verdict depends on differs. */
export type SharedPod = {readonly key: string; readonly before: number; readonly after: number; readonly isChanged: boolean};

/** What two clusters have in common and what differs, worked out once for a diff. */
export type Comparison = {
	readonly before: Cluster;
	readonly after: Cluster;
	/** Pods are compared by namespace/name, in the order of the before cluster. */
	readonly pods: readonly SharedPod[];
	/** Both clusters have exactly these pods, in this order: indexes are the same everywhere. */
	readonly isSameOrder: boolean;
	/** Per cluster, the indexes of its policies whose namespace/name the other lacks or has otherwise. */
	readonly differing: {readonly before: ReadonlySet<number>; readonly after: ReadonlySet<number>};
	/** The outside addresses, by stretches on which every policy of both clusters decides alike. */
	readonly addresses: readonly AddressStretch[];
	/** False when no policy and no shared pod differs, so that no flow between shared ends can change. */
	readonly hasDifferences: boolean;
};

export function compareClusters(before: Cluster, after: Cluster): Comparison {
	const pods = before.pods.flatMap((pod, index) => {
		const key = endpointDisplayName(pod);
		const other = after.podIndexByKey.get(key);
		return other === undefined ? [] : [{key, before: index, after: other, isChanged: podFacts(before, index) !== podFacts(after, other)}];
	});
	const differing = {before: differingPolicies(before, after), after: differingPolicies(after, before)};
	// An address that is a pod's IP in either cluster stands for that pod there.
	const isPodAddress = (address: Address) => before.podsByAddress.has(addressKey(address)) || after.podsByAddress.has(addressKey(address));
	const addresses = addressStretches([...before.policies, ...after.policies].map(({policy}) => policy), isPodAddress);
	const hasDifferences = differing.before.size + differing.after.size > 0 || pods.some(pod => pod.isChanged);
	const isSameOrder = pods.length === before.pods.length && pods.length === after.pods.length && pods.every((pod, index) => pod.before === index && pod.after === index);
	return {before, after, pods, isSameOrder, differing, addresses, hasDifferences};
}

// Everything about a pod that a verdict depends on, as one string.
function podFacts(cluster: Cluster, pod: number): string {
	const {namespace, labels, ports} = cluster.pods[pod]!;
	const sorted = (record: Readonly<Record<string, string>>) => Object.entries(record).sort(([left], [right]) => (left < right ? -1 : 1));
	return JSON.stringify([sorted(labels), cluster.podAddresses[pod]!.map(address => addressKey(address)), ports, sorted(cluster.namespaces.get(namespace)!.labels)]);
}

// The indexes of the cluster's policies that the other cluster lacks or has otherwise.
function differingPolicies(cluster: Cluster, other: Cluster): Set<number> {
	const written = (of: Cluster) => {
		const byKey = new Map<string, string[]>();
		for (const {key, policy} of of.policies) {
			byKey.set(key, [...byKey.get(key) ?? [], JSON.stringify(policy)]);
		}

		return byKey;
	};

	const mine = written(cluster);
	const theirs = written(other);
	const isSame = (key: string) => JSON.stringify(mine.get(key)) === JSON.stringify(theirs.get(key));
	return new Set(cluster.policies.flatMap(({key}, index) => (isSame(key) ? [] : [index])));
}

/** The flows that may change on a stretch of ports, found at one port of it. */
export type Candidates = {
	/** Per shared source (an index into `pods`), the shared destinations. */
	readonly pairs: readonly Bitset[];
	readonly pairCount: number;
	/** Per shared pod and direction, the address stretches (indexes into `addresses`). */
	readonly outside: ReadonlyArray<{readonly pod: number; readonly direction: Direction; readonly stretches: Bitset}>;
};

/**
The flows that may change anywhere on a stretch of ports on which every port entry of the
differing policies admits alike (any port of the stretch gives the same answer).
*/
export function candidatesAt(comparison: Comparison, port: number, protocol: Protocol): Candidates {
	const {before, after, pods, differing, addresses} = comparison;
	const pairs = pods.map(() => createBitset(pods.length));
	let pairCount = 0;
	const mark = (source: number, destination: number) => {
		if (source !== destination && !bitsetHas(pairs[source]!, destination)) {
			bitsetAdd(pairs[source]!, destination);
			pairCount++;
		}
	};

	const outside: Array<Candidates['outside'][number]> = [];
	for (const direction of ['ingress', 'egress'] as const) {
		for (const [index, pod] of pods.entries()) {
			const isTouched = pod.isChanged || isSelectedBy(before, differing.before, direction, pod.before) || isSelectedBy(after, differing.after, direction, pod.after);
			if (!isTouched) {
				continue;
			}

			// Only the differing policies' rules are counted: the shared ones admit alike in both.
			const beforePeers = pod.isChanged ? undefined : admittedPeers(before, direction, pod.before, port, protocol, policy => differing.before.has(policy));
			const afterPeers = pod.isChanged ? undefined : admittedPeers(after, direction, pod.after, port, protocol, policy => differing.after.has(policy));
			for (const [other, peer] of pods.entries()) {
				if (!beforePeers || !afterPeers || bitsetHas(beforePeers, peer.before) !== bitsetHas(afterPeers, peer.after)) {
					if (direction === 'egress') {
						mark(index, other);
					} else {
						mark(other, index);
					}
				}
			}

			const stretches = createBitset(addresses.length);
			let isAny = false;
			for (const [stretch, {probe}] of addresses.entries()) {
				const address: Endpoint = {kind: 'outside', address: probe};
				if (pod.isChanged || admitsOutside(before, differing.before, direction, pod.before, address, port, protocol) !== admitsOutside(after, differing.after, direction, pod.after, address, port, protocol)) {
					bitsetAdd(stretches, stretch);
					isAny = true;
				}
			}

			if (isAny) {
				outside.push({pod: index, direction, stretches});
			}
		}
	}

	return {pairs, pairCount, outside};
}

function isSelectedBy(cluster: Cluster, policies: ReadonlySet<number>, direction: Direction, pod: number): boolean {
	return policies.size > 0 && cluster.isolatingPolicies[direction][pod]!.some(policy => policies.has(policy));
}

// Whether the pod's side admits the outside address, counting only the rules of `policies`
// (true when no policy isolates the pod for the direction).
function admitsOutside(cluster: Cluster, policies: ReadonlySet<number>, direction: Direction, pod: number, address: Endpoint, port: number, protocol: Protocol): boolean {
	return sideAdmits(cluster, cluster.sides[direction][pod], address, {port, protocol}, policy => policies.has(policy));
}
