// A flow is allowed when the source's egress admits it AND the destination's ingress admits it
// (NetworkPolicy docs, "Behavior of to and from selectors"); what one side admits is side.ts's.
// An end outside the cluster has no side: no policy applies to it.
import type {Cluster, CompiledSide} from './compile.js';
import {admittingRules, rulesAdmit} from './side.js';
import type {Decision, DirectionDecision, Endpoint, Flow} from './types.js';

/** Decides one flow and says why, on both sides. */
export function decide(cluster: Cluster, flow: Flow): Decision {
	const egress = flow.source.kind === 'pod'
		? decideSide(cluster, cluster.sides.egress[flow.source.pod], flow.destination, flow)
		: {kind: 'outside' as const};
	const ingress = flow.destination.kind === 'pod'
		? decideSide(cluster, cluster.sides.ingress[flow.destination.pod], flow.source, flow)
		: {kind: 'outside' as const};
	// A pod cannot block traffic to itself (CONTRACT, Semantics).
	const isSelf = flow.source.kind === 'pod' && flow.destination.kind === 'pod' && flow.source.pod === flow.destination.pod;
	const verdict = isSelf || (egress.kind !== 'denied' && ingress.kind !== 'denied') ? 'allow' : 'deny';
	return {flow, verdict, isSelf, egress, ingress};
}

/**
The verdict alone, without reasons: the same search as decide(), with nothing allocated and the
first admitting rule ending it. For deciding many flows at once.
*/
export function isAllowed(cluster: Cluster, flow: Flow): boolean {
	const {source, destination} = flow;
	if (source.kind === 'pod' && destination.kind === 'pod' && source.pod === destination.pod) {
		return true;
	}

	const destinationPod = destination.kind === 'pod' ? destination.pod : undefined;
	return (source.kind !== 'pod' || rulesAdmit(cluster, cluster.sideRules.egress[source.pod], destination, flow, destinationPod))
		&& (destination.kind !== 'pod' || rulesAdmit(cluster, cluster.sideRules.ingress[destination.pod], source, flow, destinationPod));
}

function decideSide(cluster: Cluster, side: CompiledSide | undefined, peer: Endpoint, flow: Flow): DirectionDecision {
	if (side === undefined) {
		return {kind: 'not-isolated'};
	}

	const allowedBy = admittingRules(cluster, side, peer, flow);
	return allowedBy.length > 0 ? {kind: 'allowed', isolatedBy: side.isolatedBy, allowedBy} : {kind: 'denied', isolatedBy: side.isolatedBy};
}
