// A flow is allowed when the source's egress allows it AND the destination's ingress allows
// it (NetworkPolicy docs, "Behavior of to and from selectors"); each side is allowed when no
// policy isolates it for that direction, or when some rule of an isolating policy admits the
// peer on the port. Rules only ever add: there are no deny rules.
import type {Protocol} from '../model/kubernetes.js';
import {bitsetHas} from './bitset.js';
import {type Cluster, type CompiledPort, type CompiledRule, entryPortNumbers, ipBlockContains, peerMembers} from './compile.js';
import type {Decision, Direction, DirectionDecision, Endpoint, Flow, RuleMatch} from './types.js';

/** Decides one flow and says why, on both sides. */
export function decide(cluster: Cluster, flow: Flow): Decision {
	const destinationPod = flow.destination.kind === 'pod' ? flow.destination.pod : undefined;
	const egress = flow.source.kind === 'pod'
		? decideDirection(cluster, 'egress', flow.source.pod, flow.destination, flow, destinationPod)
		: {kind: 'outside' as const};
	const ingress = flow.destination.kind === 'pod'
		? decideDirection(cluster, 'ingress', flow.destination.pod, flow.source, flow, destinationPod)
		: {kind: 'outside' as const};
	// A pod cannot block traffic to itself (CONTRACT, Semantics).
	const isSelf = flow.source.kind === 'pod' && flow.destination.kind === 'pod' && flow.source.pod === flow.destination.pod;
	const verdict = isSelf || (directionAllows(egress) && directionAllows(ingress)) ? 'allow' : 'deny';
	return {flow, verdict, isSelf, egress, ingress};
}

/**
The verdict alone, without reasons: the same rules as decide(), with nothing allocated and the
first admitting rule ending the search. For deciding many flows at once.
*/
export function isAllowed(cluster: Cluster, flow: Flow): boolean {
	const {source, destination} = flow;
	if (source.kind === 'pod' && destination.kind === 'pod' && source.pod === destination.pod) {
		return true;
	}

	const destinationPod = destination.kind === 'pod' ? destination.pod : undefined;
	return (source.kind !== 'pod' || rulesAdmit(cluster, cluster.admittingRules.egress[source.pod], destination, flow, destinationPod))
		&& (destination.kind !== 'pod' || rulesAdmit(cluster, cluster.admittingRules.ingress[destination.pod], source, flow, destinationPod));
}

function rulesAdmit(cluster: Cluster, rules: readonly CompiledRule[] | undefined, peer: Endpoint, flow: Flow, destinationPod: number | undefined): boolean {
	if (rules === undefined) {
		return true;
	}

	for (const rule of rules) {
		if (matchingPort(cluster, rule, flow.port, flow.protocol, destinationPod) !== undefined && matchingPeer(cluster, rule, peer) !== undefined) {
			return true;
		}
	}

	return false;
}

function directionAllows(decision: DirectionDecision): boolean {
	return decision.kind !== 'denied';
}

function decideDirection(
	cluster: Cluster,
	direction: Direction,
	pod: number,
	peer: Endpoint,
	flow: Flow,
	destinationPod: number | undefined,
): DirectionDecision {
	const isolating = cluster.isolatingPolicies[direction][pod]!;
	if (isolating.length === 0) {
		return {kind: 'not-isolated'};
	}

	const allowedBy: RuleMatch[] = [];
	for (const policyIndex of isolating) {
		const policy = cluster.policies[policyIndex]!;
		for (const [ruleIndex, rule] of policy[direction].entries()) {
			const port = matchingPort(cluster, rule, flow.port, flow.protocol, destinationPod);
			if (port === undefined) {
				continue;
			}

			const peerIndex = matchingPeer(cluster, rule, peer);
			if (peerIndex === undefined) {
				continue;
			}

			allowedBy.push({
				policy: policy.key,
				direction,
				rule: ruleIndex,
				...(peerIndex === 'every' ? {} : {peer: peerIndex}),
				...(port === 'every' ? {} : {port}),
			});
		}
	}

	const isolatedBy = isolating.map(index => cluster.policies[index]!.key);
	return allowedBy.length > 0 ? {kind: 'allowed', isolatedBy, allowedBy} : {kind: 'denied', isolatedBy};
}

/** The first peer of the rule that matches the endpoint, 'every' for a rule without peers. */
export function matchingPeer(cluster: Cluster, rule: CompiledRule, endpoint: Endpoint): number | 'every' | undefined {
	if (rule.admitsEveryPeer) {
		return 'every';
	}

	for (let index = 0; index < rule.peers.length; index++) {
		const peer = rule.peers[index]!;
		// Selectors only ever match pods; an outside address can only match an ipBlock.
		const isMatch = endpoint.kind === 'pod'
			? bitsetHas(peerMembers(cluster, peer), endpoint.pod)
			: peer.ipBlock !== undefined && ipBlockContains(peer.ipBlock, endpoint.address);
		if (isMatch) {
			return index;
		}
	}

	return undefined;
}

/** The first port entry of the rule that admits the port, 'every' for a rule without ports. */
export function matchingPort(cluster: Cluster, rule: CompiledRule, port: number, protocol: Protocol, destinationPod: number | undefined): number | 'every' | undefined {
	if (rule.admitsEveryPort) {
		return 'every';
	}

	for (let index = 0; index < rule.ports.length; index++) {
		if (portAdmits(cluster, rule.ports[index]!, port, protocol, destinationPod)) {
			return index;
		}
	}

	return undefined;
}

/**
Whether one port entry admits a port. A named port is resolved on the destination pod: it
matches when that pod has a container port of that name and protocol with this number, and it
matches nothing towards an address outside the cluster.
*/
export function portAdmits(cluster: Cluster, entry: CompiledPort, port: number, protocol: Protocol, destinationPod: number | undefined): boolean {
	if (entry.protocol !== protocol) {
		return false;
	}

	switch (entry.kind) {
		case 'any': {
			return true;
		}

		case 'range': {
			return port >= entry.first && port <= entry.last;
		}

		case 'named': {
			if (destinationPod === undefined) {
				return false;
			}

			const number = entryPortNumbers(cluster, entry)[destinationPod]!;
			return number === port || (number === -1 && cluster.pods[destinationPod]!.ports.some(container =>
				container.name === entry.name && container.protocol === protocol && container.port === port));
		}
	}
}
