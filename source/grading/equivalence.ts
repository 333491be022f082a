// Whether two answers to a challenge behave the same on its cluster: the same verdict for every
// pod pair, and between every pod and every address outside the cluster, on every port of
// every protocol. Exact: one port stands for each stretch of ports, and one address for each
// stretch of addresses, on which both answers' policies decide alike (evaluator/stretches.ts).
// A mutant that behaves like the solution is no weakness of the cases: no case could catch it.
// Pure.
import type {Challenge} from '../content/challenge-types.js';
import {type Address, type Cluster, compileCluster, isAllowed, reachability} from '../evaluator/index.js';
import {addressStretches, portStretches} from '../evaluator/stretches.js';
import type {Endpoint} from '../evaluator/types.js';
import {addressKey} from '../kube/ip.js';
import type {NetworkPolicy, Protocol} from '../kube/types.js';
import {protocols} from '../kube/values.js';
import {appliedPolicies} from './grade.js';

/** Whether the two submissions decide every probe flow alike on the challenge's cluster. */
export function decidesAlike(challenge: Challenge, left: readonly NetworkPolicy[], right: readonly NetworkPolicy[]): boolean {
	const leftPolicies = appliedPolicies(challenge, left);
	const rightPolicies = appliedPolicies(challenge, right);
	const leftCluster = compileCluster({...challenge.cluster, policies: leftPolicies});
	const rightCluster = compileCluster({...challenge.cluster, policies: rightPolicies});
	const policies = [...leftPolicies, ...rightPolicies];
	// Both clusters have the same pods, so the same pod IPs.
	const outside = addressStretches(policies, address => leftCluster.podsByAddress.has(addressKey(address))).map(stretch => stretch.probe);
	for (const protocol of protocols) {
		for (const {first: port} of portStretches(policies, challenge.cluster.pods, protocol)) {
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
