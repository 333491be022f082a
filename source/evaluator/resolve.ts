import type {Cluster} from './compile.js';
import {addressKey, parseAddress} from '../kube/ip.js';
import type {Endpoint} from './types.js';

/** Why a flow's end could not be resolved. */
export type EndpointProblem = 'not-a-reference' | 'unknown-pod' | 'shared-address';

/**
Resolves a flow's `from` or `to`: `namespace/pod`, or an IP address. An address that is some
pod's IP stands for that pod (it is a problem when several pods have it); any other address is
outside the cluster.
*/
export function resolveEndpoint(cluster: Cluster, reference: string): Endpoint | EndpointProblem {
	const pod = cluster.podIndexByKey.get(reference);
	if (pod !== undefined) {
		return cluster.podEndpoints[pod]!;
	}

	const address = parseAddress(reference);
	if (address) {
		// Pods on the host network share their node's IP: such an address names no one pod.
		const owners = cluster.podsByAddress.get(addressKey(address)) ?? [];
		if (owners.length > 1) {
			return 'shared-address';
		}

		return owners.length === 0 ? {kind: 'outside', address} : cluster.podEndpoints[owners[0]!]!;
	}

	return /^[^/\s]+\/[^/\s]+$/.test(reference) ? 'unknown-pod' : 'not-a-reference';
}
