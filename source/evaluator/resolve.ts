import type {Cluster} from './compile.js';
import {addressKey, parseAddress} from '../kube/ip.js';
import type {Endpoint} from './types.js';

/** Why a flow's end could not be resolved. */
export type EndpointProblem = 'not-a-reference' | 'unknown-pod';

/**
Resolves a flow's `from` or `to`: `namespace/pod`, or an IP address. An address that is some
pod's IP stands for that pod; any other address is outside the cluster.
*/
export function resolveEndpoint(cluster: Cluster, reference: string): Endpoint | EndpointProblem {
	const pod = cluster.podIndexByKey.get(reference);
	if (pod !== undefined) {
		return cluster.podEndpoints[pod]!;
	}

	const address = parseAddress(reference);
	if (address) {
		const owner = cluster.podIndexByAddress.get(addressKey(address));
		return owner === undefined ? {kind: 'outside', address} : cluster.podEndpoints[owner]!;
	}

	return /^[^/\s]+\/[^/\s]+$/.test(reference) ? 'unknown-pod' : 'not-a-reference';
}
