// One side of a flow: the source pod's egress, or the destination pod's ingress. What a side
// admits is decided here alone, from the CompiledSide that compile.ts builds per pod and
// direction: decide() lists the rules that admit a flow, isAllowed() stops at the first, the
// matrix asks for every pod a side admits at once, and explain's trace reports each rule's
// answer. The Kubernetes rules (NetworkPolicy docs, "Behavior of to and from selectors"):
// - A side that no policy isolates admits every peer on every port. Which policies isolate a
//   side is settled when compiling (policySelects and policyIsolates in compile.ts).
// - An isolated side admits a peer on a port when some rule of some isolating policy does.
//   Rules and policies only ever add (there are no deny rules), so the order rules are tried in
//   changes no verdict, only which rules are found first.
// - A rule admits when one of its port entries admits the port AND one of its peers matches the
//   other end. A rule without ports admits every port; one without `from`/`to`, every peer.
// - A named port is resolved on the flow's destination pod: the pod itself for ingress, the peer
//   for egress; towards an address outside the cluster it matches nothing.
import type {Protocol} from '../model/kubernetes.js';
import {type Bitset, bitsetAdd, bitsetHas, bitsetUnionInto, bitsetUnionIntersectionInto, createBitset, fullBitset} from './bitset.js';
import {type Cluster, type CompiledPeer, type CompiledPort, type CompiledRule, type CompiledSide, entryPortNumbers, ipBlockContains, peerMembers} from './compile.js';
import type {Direction, Endpoint, RuleMatch} from './types.js';

/** The port a side is asked about. A flow has these fields, so a flow can be passed as it is. */
export type PortQuestion = {readonly port: number; readonly protocol: Protocol};

/** Where a rule admitted a peer: the peer and the port entry that matched, 'every' for a rule without peers or ports. */
export type RuleAdmission = {peer: number | 'every'; port: number | 'every'};

/** Whether the side admits the peer on the port. With `isCounted`, only the rules of the policies it accepts (by index) count. */
export function sideAdmits(cluster: Cluster, side: CompiledSide | undefined, peer: Endpoint, asked: PortQuestion, isCounted?: (policy: number) => boolean): boolean {
	if (side === undefined) {
		return true;
	}

	const destination = destinationOf(side, peer);
	for (let index = nextAdmittingRule(cluster, side.rules, peer, asked, destination, 0); index !== -1; index = nextAdmittingRule(cluster, side.rules, peer, asked, destination, index + 1)) {
		if (isCounted === undefined || isCounted(side.rules[index]!.policy)) {
			return true;
		}
	}

	return false;
}

/**
sideAdmits for a flow, given the side's rules (`Cluster.sideRules`) and the flow's destination pod,
on which named ports are resolved whichever the direction. isAllowed() reads the rules in one step:
going through the side object for them made it a tenth slower or more.
*/
export function rulesAdmit(cluster: Cluster, rules: readonly CompiledRule[] | undefined, peer: Endpoint, asked: PortQuestion, destination: number | undefined): boolean {
	return rules === undefined || nextAdmittingRule(cluster, rules, peer, asked, destination, 0) !== -1;
}

/** Every rule of the side that admits the peer on the port, in the side's order, as a decision reports them. */
export function admittingRules(cluster: Cluster, side: CompiledSide, peer: Endpoint, asked: PortQuestion): RuleMatch[] {
	const matches: RuleMatch[] = [];
	const found: RuleAdmission = {peer: 'every', port: 'every'};
	const destination = destinationOf(side, peer);
	for (let index = nextAdmittingRule(cluster, side.rules, peer, asked, destination, 0, found); index !== -1; index = nextAdmittingRule(cluster, side.rules, peer, asked, destination, index + 1, found)) {
		const rule = side.rules[index]!;
		matches.push({
			policy: cluster.policies[rule.policy]!.key,
			direction: side.direction,
			rule: rule.index,
			...(found.peer === 'every' ? {} : {peer: found.peer}),
			...(found.port === 'every' ? {} : {port: found.port}),
		});
	}

	return matches;
}

/**
The index in `rules` (a side's) of the first rule from `from` on that admits the peer on the port,
named ports resolved on `destination` (destinationOf), or -1; `found` (when given) is set to where
that rule matched. The one search every reader of a side goes through: decide(), isAllowed(),
explain's trace. It allocates nothing: isAllowed() calls it for every flow.
*/
export function nextAdmittingRule(cluster: Cluster, rules: readonly CompiledRule[], peer: Endpoint, asked: PortQuestion, destination: number | undefined, from: number, found?: RuleAdmission): number {
	for (let index = from; index < rules.length; index++) {
		const rule = rules[index]!;
		// The port first: a compare or two, where a peer may take a set lookup per peer.
		const port = matchingPort(cluster, rule, asked.port, asked.protocol, destination);
		if (port === undefined) {
			continue;
		}

		const peerIndex = matchingPeer(cluster, rule, peer);
		if (peerIndex === undefined) {
			continue;
		}

		if (found) {
			found.peer = peerIndex;
			found.port = port;
		}

		return index;
	}

	return -1;
}

/** The pod a side's named ports are resolved on: the side's own pod for ingress, the peer for egress (undefined: an outside address). */
export function destinationOf(side: CompiledSide, peer: Endpoint): number | undefined {
	if (side.direction === 'ingress') {
		return side.pod;
	}

	return peer.kind === 'pod' ? peer.pod : undefined;
}

/** The first peer of the rule that matches the endpoint, 'every' for a rule without peers. */
function matchingPeer(cluster: Cluster, rule: CompiledRule, endpoint: Endpoint): number | 'every' | undefined {
	if (rule.admitsEveryPeer) {
		return 'every';
	}

	for (let index = 0; index < rule.peers.length; index++) {
		if (peerMatches(cluster, rule.peers[index]!, endpoint)) {
			return index;
		}
	}

	return undefined;
}

/**
Whether one peer matches the endpoint: a pod by the set of pods the peer selects (peerMembers), an
address outside the cluster only by an ipBlock, since selectors only ever match pods.
*/
export function peerMatches(cluster: Cluster, peer: CompiledPeer, endpoint: Endpoint): boolean {
	return endpoint.kind === 'pod'
		? bitsetHas(peerMembers(cluster, peer), endpoint.pod)
		: peer.ipBlock !== undefined && ipBlockContains(peer.ipBlock, endpoint.address);
}

/** The first port entry of the rule that admits the port, 'every' for a rule without ports. */
function matchingPort(cluster: Cluster, rule: CompiledRule, port: number, protocol: Protocol, destinationPod: number | undefined): number | 'every' | undefined {
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

/**
The pods one side of a pod admits on this port, all at once: the sources its ingress admits, or
the destinations its egress does; every pod when no policy isolates it for the direction. With
`isCounted`, only the rules of the isolating policies it accepts (by index) count. The same rules
as sideAdmits, as sets: a rule admits the members of its peers (peerMembers) that its ports allow.
*/
export function admittedPeers(cluster: Cluster, direction: Direction, pod: number, port: number, protocol: Protocol, isCounted?: (policy: number) => boolean): Bitset {
	const count = cluster.pods.length;
	const side = cluster.sides[direction][pod];
	if (side === undefined) {
		return fullBitset(count);
	}

	const admitted = createBitset(count);
	for (const rule of side.rules) {
		if (isCounted && !isCounted(rule.policy)) {
			continue;
		}

		const peers = peersAdmittedByPorts(cluster, side, rule, port, protocol);
		if (!peers) {
			continue;
		}

		if (rule.admitsEveryPeer) {
			bitsetUnionInto(admitted, peers);
			continue;
		}

		for (const peer of rule.peers) {
			bitsetUnionIntersectionInto(admitted, peerMembers(cluster, peer), peers);
		}
	}

	return admitted;
}

// The peers a rule's ports let through, undefined for none. For ingress the port is checked on
// the side's own pod (the destination), so the ports let every peer through or none; for egress a
// named port depends on each destination, so it narrows the peers.
function peersAdmittedByPorts(cluster: Cluster, side: CompiledSide, rule: CompiledRule, port: number, protocol: Protocol): Bitset | undefined {
	const count = cluster.pods.length;
	if (side.direction === 'ingress') {
		return matchingPort(cluster, rule, port, protocol, side.pod) === undefined ? undefined : fullBitset(count);
	}

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
