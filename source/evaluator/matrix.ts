// The pod-to-pod reachability grid on one port, computed set-wise: each pod's ingress and
// egress become one bitset of admitted peers, so the grid costs a bit test per pair instead of
// a rule scan per pair. The sets come from side.ts, which decides for decide() too.
import type {Protocol} from '../model/kubernetes.js';
import {type Bitset, bitsetAdd, bitsetHas, createBitset} from './bitset.js';
import type {Cluster} from './compile.js';
import {admittedPeers} from './side.js';


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
