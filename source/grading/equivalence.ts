// Whether two answers to a challenge behave the same on its cluster: the same verdict for every
// pod pair, and between every pod and every probe address outside the cluster, on every port
// that any policy, pod or case mentions (and one that nothing mentions), in every protocol.
// A mutant that behaves like the solution is no weakness of the cases: no case could catch it.
// Pure.
import type {Challenge} from '../content/challenge-types.js';
import {type Address, type Cluster, compileCluster, isAllowed, parseAddress, parseCidr, reachability} from '../evaluator/index.js';
import type {Endpoint} from '../evaluator/types.js';
import {addressKey} from '../kube/ip.js';
import type {NetworkPolicy, Protocol} from '../kube/types.js';
import {protocols} from '../kube/values.js';
import {appliedPolicies} from './grade.js';

// Documentation addresses (RFC 5737, RFC 3849): outside any cluster and any block a pack is
// likely to name, so they stand for "somewhere on the internet".
const anywhere = ['203.0.113.1', '2001:db8::1'];

/** Whether the two submissions decide every probe flow alike on the challenge's cluster. */
export function decidesAlike(challenge: Challenge, left: readonly NetworkPolicy[], right: readonly NetworkPolicy[]): boolean {
	const leftPolicies = appliedPolicies(challenge, left);
	const rightPolicies = appliedPolicies(challenge, right);
	const leftCluster = compileCluster({...challenge.cluster, policies: leftPolicies});
	const rightCluster = compileCluster({...challenge.cluster, policies: rightPolicies});
	const ports = probePorts(challenge, [...leftPolicies, ...rightPolicies]);
	const outside = probeAddresses(challenge, [...leftPolicies, ...rightPolicies], leftCluster);
	for (const port of ports) {
		for (const protocol of protocols) {
			if (!sameGrid(reachability(leftCluster, port, protocol), reachability(rightCluster, port, protocol))) {
				return false;
			}

			if (!sameOutside(leftCluster, rightCluster, outside, port, protocol)) {
				return false;
			}
		}
	}

	return true;
}

function sameGrid(left: readonly Uint32Array[], right: readonly Uint32Array[]): boolean {
	return left.every((row, index) => row.every((word, position) => word === right[index]![position]));
}

function sameOutside(left: Cluster, right: Cluster, addresses: readonly Address[], port: number, protocol: Protocol): boolean {
	for (const address of addresses) {
		const far: Endpoint = {kind: 'outside', address};
		for (const pod of left.podEndpoints) {
			for (const [source, destination] of [[pod, far], [far, pod]] as const) {
				const flow = {source, destination, port, protocol};
				if (isAllowed(left, flow) !== isAllowed(right, flow)) {
					return false;
				}
			}
		}
	}

	return true;
}

// Ports named anywhere, the edges of every range and the numbers beside them, and one port
// that nothing names (so "every port" differs from "these ports").
function probePorts(challenge: Challenge, policies: readonly NetworkPolicy[]): number[] {
	const ports = new Set<number>();
	const add = (port: number) => {
		if (port >= 1 && port <= 65_535) {
			ports.add(port);
		}
	};

	for (const flow of challenge.cases) {
		add(flow.port);
	}

	for (const pod of challenge.cluster.pods) {
		for (const container of pod.ports) {
			add(container.port);
		}
	}

	for (const policy of policies) {
		for (const rule of [...policy.ingress, ...policy.egress]) {
			for (const entry of rule.ports) {
				if (typeof entry.port === 'number') {
					const last = entry.endPort ?? entry.port;
					for (const port of [entry.port - 1, entry.port, last, last + 1]) {
						add(port);
					}
				}
			}
		}
	}

	let unnamed = 1;
	while (ports.has(unnamed)) {
		unnamed++;
	}

	return [...ports, unnamed].sort((left, right) => left - right);
}

// Outside addresses from the cases, the first and last address of every ipBlock and except and
// the addresses just beyond them, and one address per family that nothing names. Addresses
// that are some pod's IP stand for that pod, so they are left to the pod pairs.
function probeAddresses(challenge: Challenge, policies: readonly NetworkPolicy[], cluster: Cluster): Address[] {
	const found = new Map<string, Address>();
	const add = (address: Address | undefined) => {
		const width = address?.family === 4 ? 32n : 128n;
		if (address && address.value >= 0n && address.value < (1n << width) && !cluster.podsByAddress.has(addressKey(address))) {
			found.set(addressKey(address), address);
		}
	};

	for (const text of [...challenge.cases.flatMap(flow => [flow.from, flow.to]), ...anywhere]) {
		add(parseAddress(text));
	}

	for (const policy of policies) {
		for (const rule of [...policy.ingress, ...policy.egress]) {
			for (const peer of rule.peers) {
				for (const text of peer.ipBlock ? [peer.ipBlock.cidr, ...peer.ipBlock.except] : []) {
					const cidr = parseCidr(text);
					if (cidr) {
						const hostBits = BigInt((cidr.family === 4 ? 32 : 128) - cidr.prefix);
						const last = cidr.network + (1n << hostBits) - 1n;
						for (const value of [cidr.network - 1n, cidr.network, last, last + 1n]) {
							add({family: cidr.family, value});
						}
					}
				}
			}
		}
	}

	return [...found.values()];
}
