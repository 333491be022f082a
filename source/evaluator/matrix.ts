// The pod-to-pod reachability grid on one port, computed set-wise: each pod's ingress and
// egress become one bitset of admitted peers, so the grid costs a bit test per pair instead of
// a rule scan per pair. Decides exactly as decide() does (the tests hold them to it).
import type {Protocol} from '../model/kubernetes.js';
import {type Bitset, bitsetAdd, bitsetHas, bitsetUnionInto, bitsetUnionIntersectionInto, createBitset, fullBitset} from './bitset.js';
import {type Cluster, type CompiledPort, type CompiledRule, entryPortNumbers, peerMembers} from './compile.js';
import {portAdmits} from './decide.js';
import type {Direction} from './types.js';

/** For each source pod, the destination pods it may open a connection to on this port. */
export function reachability(cluster: Cluster, port: number, protocol: Protocol): Bitset[] {
	const count = cluster.pods.length;
	const ingress = cluster.pods.map((_, pod) => admittedPeers(cluster, 'ingress', pod, port, protocol));
	const egress = cluster.pods.map((_, pod) => admittedPeers(cluster, 'egress', pod, port, protocol));
	const allowed = cluster.pods.map(() => createBitset(count));
	for (let source = 0; source < count; source++) {
		const reachable = allowed[source]!;
		const sourceEgress = egress[source]!;
		for (let destination = 0; destination < count; destination++) {
			if (source === destination || (bitsetHas(sourceEgress, destination) && bitsetHas(ingress[destination]!, source))) {
				bitsetAdd(reachable, destination);
			}
		}
	}

	return allowed;
}

/**
The pods one side of a pod admits on this port: the sources its ingress admits, or the
destinations its egress does; every pod when no policy isolates it for the direction. With
`isCounted`, only the rules of the isolating policies it accepts (by index) count.
*/
export function admittedPeers(cluster: Cluster, direction: Direction, pod: number, port: number, protocol: Protocol, isCounted?: (policy: number) => boolean): Bitset {
	const count = cluster.pods.length;
	const isolating = cluster.isolatingPolicies[direction][pod]!;
	if (isolating.length === 0) {
		return fullBitset(count);
	}

	// For ingress the port is checked on this pod (it is the destination); for egress a named
	// port depends on each destination, so it narrows the peers.
	const admitted = createBitset(count);
	for (const policyIndex of isolating) {
		if (isCounted && !isCounted(policyIndex)) {
			continue;
		}

		for (const rule of cluster.policies[policyIndex]![direction]) {
			const destinations = direction === 'ingress'
				? (ruleAdmitsPort(rule, port, protocol, cluster, pod) ? fullBitset(count) : undefined)
				: destinationsAdmittedByPorts(cluster, rule, port, protocol);
			if (!destinations) {
				continue;
			}

			if (rule.admitsEveryPeer) {
				bitsetUnionInto(admitted, destinations);
				continue;
			}

			for (const peer of rule.peers) {
				bitsetUnionIntersectionInto(admitted, peerMembers(cluster, peer), destinations);
			}
		}
	}

	return admitted;
}

function ruleAdmitsPort(rule: CompiledRule, port: number, protocol: Protocol, cluster: Cluster, destination: number): boolean {
	return rule.admitsEveryPort || rule.ports.some(entry => portAdmits(cluster, entry, port, protocol, destination));
}

function destinationsAdmittedByPorts(cluster: Cluster, rule: CompiledRule, port: number, protocol: Protocol): Bitset | undefined {
	const count = cluster.pods.length;
	if (rule.admitsEveryPort || rule.ports.some(entry => entry.kind !== 'named' && portAdmits(cluster, entry, port, protocol, undefined))) {
		return fullBitset(count);
	}

	const named = rule.ports.filter((entry): entry is CompiledPort & {kind: 'named'} => entry.kind === 'named' && entry.protocol === protocol);
	if (named.length === 0) {
		return undefined;
	}

	// Each name's number per pod, looked up once per entry rather than once per pod.
	const destinations = createBitset(count);
	for (const entry of named) {
		const numbers = entryPortNumbers(cluster, entry);
		for (let pod = 0; pod < count; pod++) {
			if (numbers[pod] === port || (numbers[pod] === -1 && portAdmits(cluster, entry, port, protocol, pod))) {
				bitsetAdd(destinations, pod);
			}
		}
	}

	return destinations;
}
