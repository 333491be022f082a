// Grading that proves. A submission is right when it decides every flow as the reference does:
// every pod pair, every port of TCP, UDP and SCTP, every address outside the cluster; ingress and
// egress each on their own, so that a mistake in one policy cannot hide behind a deny in the
// other direction; and on the probe objects (probes.ts) as well as today's pods. Each direction
// is compared by keeping, in both sets of policies, only their part for that direction (a
// flow's verdict there is that side's decision alone) and asking the evaluator's exact diff
// (stretches of ports and addresses) where the two differ. Where they do, the most telling
// difference is the counterexample. Pure.
import {type AddressRange, type Cluster, type Direction, type Endpoint, type Flow, type OutsideChange, type PortRange, type Verdict, type VerdictChange, compareLists, compileCluster, decide, formatAddress, isAllowed, policyTypeOf, sideSentence, verdictChanges} from '../evaluator/index.js';
import {addressKey, parseAddress} from '../kube/ip.js';
import type {ClusterObjects, NetworkPolicy, Pod, Protocol} from '../model/kubernetes.js';
import {protocols} from '../kube/values.js';
import {type ProbeFamily, type ProbePod, probeFamilies, withProbes} from './probes.js';

/** One end of a counterexample: a pod (real, or a probe standing for one that may come), or an outside address. */
export type ProofEnd =
	| {readonly kind: 'pod'; readonly pod: string; readonly probe?: ProbePod}
	| {readonly kind: 'outside'; readonly address: string; readonly addresses: AddressRange};

/** A flow on which the submission's side decision differs from the reference's. */
export type Counterexample = {
	readonly from: ProofEnd;
	readonly to: ProofEnd;
	readonly port: number;
	readonly protocol: Protocol;
	/** Every range of ports of the protocol where the same difference holds between the same ends, `port`'s among them. */
	readonly ports: readonly PortRange[];
	/** With an outside end: every range of addresses where the pod's side differs the same way, on some port of the protocol. */
	readonly addresses: readonly AddressRange[];
	/** The side that differs: the destination's ingress or the source's egress. */
	readonly direction: Direction;
	readonly yours: Verdict;
	readonly expected: Verdict;
	/** The whole flow's verdict is the same either way today: the other end decides it alone. */
	readonly isMasked: boolean;
	/** The evaluator's reason for each side's decision, in words. */
	readonly yoursReason: string;
	readonly expectedReason: string;
};

export type Proof =
	| {readonly isEquivalent: true}
	| {
		readonly isEquivalent: false;
		readonly counterexample: Counterexample;
		/** How many differences there are in all (a pod pair or a pod and a range of addresses, on a range of ports, per direction). */
		readonly differences: number;
	};

/** What makes one difference more telling than another: ports and addresses a learner will recognise. */
export type TellingHints = {
	/** Flows the task names (the cases), ends as `namespace/pod` or an address. */
	readonly flows?: ReadonlyArray<{readonly from: string; readonly to: string; readonly port: number; readonly protocol: Protocol}>;
	/** Other ports the task names (the reference's). */
	readonly ports?: ReadonlyArray<{readonly port: number; readonly protocol: Protocol}>;
};

/**
Whether `actual` decides every flow as `expected` on the cluster, each direction on its own,
with the probe objects of `families` beside the real ones. Both are whole sets of policies (the
cluster's own included), as applied.
*/
export function proveEquivalent(cluster: ClusterObjects, expected: readonly NetworkPolicy[], actual: readonly NetworkPolicy[], families: ReadonlySet<ProbeFamily>, hints: TellingHints = {}): Proof {
	const probed = withProbes(cluster, [...expected, ...actual], families);
	const candidates: Candidate[] = [];
	const clusters = new Map<Direction, {readonly before: Cluster; readonly after: Cluster}>();
	const portsOf = portsByPod(probed.objects.pods);
	for (const direction of ['ingress', 'egress'] as const) {
		const before = compileCluster({...probed.objects, policies: onlyDirection(expected, direction)});
		const after = compileCluster({...probed.objects, policies: onlyDirection(actual, direction)});
		clusters.set(direction, {before, after});
		const diff = verdictChanges(before, after);
		const isPodAddress = (text: string) => {
			const address = parseAddress(text);
			return address !== undefined && before.podsByAddress.has(addressKey(address));
		};

		// One by one: a large cluster can differ in more places than a call may take arguments.
		for (const change of diff.changes) {
			candidates.push(pairCandidate(change, direction, probed.probes, hints, portsOf));
		}

		for (const change of diff.outsideChanges) {
			candidates.push(outsideCandidate(change, probed.probes, hints, portsOf, isPodAddress));
		}
	}

	if (candidates.length === 0) {
		return {isEquivalent: true};
	}

	// A difference that shows end to end (the whole flow's verdict differs too) reads best: one
	// that the other side masks today says "the task allows it" of a flow denied anyway. The whole
	// verdict is both sides' (the clusters of each direction hold the same pods in the same order).
	const {ingress, egress} = {ingress: clusters.get('ingress')!, egress: clusters.get('egress')!};
	const isMasked = (candidate: Candidate) => {
		const flow = flowOf(ingress.before, candidate);
		const wholeBefore = isAllowed(ingress.before, flow) && isAllowed(egress.before, flow);
		return wholeBefore === (isAllowed(ingress.after, flow) && isAllowed(egress.after, flow));
	};

	const best = mostTelling(candidates.map(candidate => ({...candidate, rank: withMasking(candidate.rank, isMasked(candidate))})))!;
	const {before, after} = clusters.get(best.direction)!;
	// The other ranges of ports where the same ends differ the same way.
	const ports = candidates.filter(other => other.key === best.key).map(other => other.ports[0]).sort((left, right) => left.first - right.first);
	// And the other ranges of addresses where the same pod differs the same way.
	const addresses = best.outsideKey === undefined ? [] : uniqueRanges(candidates.filter(other => other.outsideKey === best.outsideKey).flatMap(other => outsideRanges(other)));
	const {from, to, port, protocol, direction, yours} = best;
	return {
		isEquivalent: false,
		counterexample: {
			from,
			to,
			port,
			protocol,
			ports,
			addresses,
			direction,
			yours,
			expected: best.expected,
			isMasked: isMasked(best),
			yoursReason: sideReason(after, best),
			expectedReason: sideReason(before, best),
		},
		differences: candidates.length,
	};
}

/** Every probe family but those turned off. */
export function familiesExcept(off: Iterable<string>): Set<ProbeFamily> {
	const turnedOff = new Set(off);
	return new Set(probeFamilies.filter(family => !turnedOff.has(family)));
}

/**
The policies' part for one direction: those that isolate it, with only its rules. A flow's
verdict among these is the decision of that side alone (the other side is never isolated).
*/
export function onlyDirection(policies: readonly NetworkPolicy[], direction: Direction): NetworkPolicy[] {
	const type = policyTypeOf[direction];
	return policies.filter(policy => policy.policyTypes.includes(type)).map(policy => ({
		...policy,
		policyTypes: [type],
		isPolicyTypesDefaulted: false,
		ingress: direction === 'ingress' ? policy.ingress : [],
		egress: direction === 'egress' ? policy.egress : [],
	}));
}

// A difference found on one range of ports, before its reasons are worked out.
type Candidate = {
	readonly from: ProofEnd;
	readonly to: ProofEnd;
	readonly direction: Direction;
	readonly ports: readonly [PortRange];
	// The same for every range of ports where the same ends differ the same way.
	readonly key: string;
	// With an outside end, the same for every range of addresses where the pod differs the same way.
	readonly outsideKey?: string;
	readonly port: number;
	readonly protocol: Protocol;
	readonly yours: Verdict;
	readonly expected: Verdict;
	// Smaller sorts first.
	readonly rank: readonly number[];
};

function podEnd(pod: string, probes: ReadonlyMap<string, ProbePod>): ProofEnd {
	const probe = probes.get(pod);
	return probe ? {kind: 'pod', pod, probe} : {kind: 'pod', pod};
}

function pairCandidate(change: VerdictChange, direction: Direction, probes: ReadonlyMap<string, ProbePod>, hints: TellingHints, portsOf: PodPorts): Candidate {
	const from = podEnd(change.from, probes);
	const to = podEnd(change.to, probes);
	const named = namedPorts(hints, change.from, change.to, change.ports);
	const port = named[0] ?? tellingPort(change.ports, hints, portsOf.get(change.to) ?? []);
	// A pod and a probe made from it read as one pod talking to itself: another caller reads better.
	const isOwnProbe = probes.get(change.from)?.of === change.to || probes.get(change.to)?.of === change.from;
	return {
		from,
		to,
		direction,
		ports: [change.ports],
		key: [direction, change.from, change.to, change.ports.protocol, change.before].join(' '),
		port,
		protocol: change.ports.protocol,
		yours: change.after,
		expected: change.before,
		rank: rankOf([from, to], isOwnProbe ? 1 : 0, change, port, hints, named.length > 0),
	};
}

function outsideCandidate(change: OutsideChange, probes: ReadonlyMap<string, ProbePod>, hints: TellingHints, portsOf: PodPorts, isPodAddress: (text: string) => boolean): Candidate {
	const pod = podEnd(change.pod, probes);
	// An address the cases name on the same side (a destination for egress, a source for ingress).
	const caseAddresses = (hints.flows ?? []).map(flow => (change.direction === 'egress' ? flow.to : flow.from));
	const address = tellingAddress(change.addresses, caseAddresses, isPodAddress);
	const outside: ProofEnd = {kind: 'outside', address, addresses: change.addresses};
	const [from, to] = change.direction === 'egress' ? [pod, outside] : [outside, pod];
	const named = change.direction === 'egress' ? namedPorts(hints, change.pod, address, change.ports) : namedPorts(hints, address, change.pod, change.ports);
	const port = named[0] ?? tellingPort(change.ports, hints, change.direction === 'ingress' ? portsOf.get(change.pod) ?? [] : []);
	return {
		from,
		to,
		direction: change.direction,
		ports: [change.ports],
		key: [change.direction, change.pod, change.addresses.family, change.addresses.first, change.addresses.last, change.ports.protocol, change.before].join(' '),
		outsideKey: [change.direction, change.pod, change.ports.protocol, change.ports.first, change.ports.last, change.before].join(' '),
		port,
		protocol: change.ports.protocol,
		yours: change.after,
		expected: change.before,
		rank: rankOf([pod], 2, change, port, hints, named.length > 0),
	};
}

// Container ports by pod: a port the destination listens on reads better than any other.
type PodPorts = ReadonlyMap<string, ReadonlyArray<{readonly port: number; readonly protocol: Protocol}>>;

function portsByPod(pods: readonly Pod[]): PodPorts {
	return new Map(pods.map(pod => [`${pod.namespace}/${pod.name}`, pod.ports]));
}

// The ports of the range on which the cases name a flow between these ends.
function namedPorts(hints: TellingHints, from: string, to: string, range: PortRange): number[] {
	return (hints.flows ?? [])
		.filter(flow => flow.from === from && flow.to === to && flow.protocol === range.protocol && flow.port >= range.first && flow.port <= range.last)
		.map(flow => flow.port);
}

// A flow the cases name first (the learner sees that case fail too), then real objects before
// probes (a probe family earlier in the list before a later one), pod pairs before a pod and its
// own probe before outside addresses, a hole (yours allow what the task denies) before an outage,
// TCP before UDP before SCTP, and a port the learner will recognise before another.
function rankOf(pods: readonly ProofEnd[], kind: number, change: {readonly before: Verdict; readonly ports: PortRange}, port: number, hints: TellingHints, isNamed: boolean): number[] {
	const probes = pods.filter(end => end.kind === 'pod' && end.probe !== undefined).length;
	// Fewer probe ends first (a real pod talking to one probe reads better than two probes), then the family.
	const probeRank = (probes * 100) + Math.max(0, ...pods.map(end => (end.kind === 'pod' && end.probe ? probeFamilies.indexOf(end.probe.family) + 1 : 0)));
	const isKnownPort = (hints.ports ?? []).some(known => known.port === port && known.protocol === change.ports.protocol);
	return [isNamed ? 0 : 1, probeRank, kind, change.before === 'deny' ? 0 : 1, protocols.indexOf(change.ports.protocol), isKnownPort ? 0 : 1];
}

function outsideRanges(candidate: Candidate): AddressRange[] {
	return [candidate.from, candidate.to].flatMap(end => (end.kind === 'outside' ? [end.addresses] : []));
}

// The distinct ranges, IPv4 first, in order.
function uniqueRanges(ranges: readonly AddressRange[]): AddressRange[] {
	const byKey = new Map(ranges.map(range => [`${range.family} ${range.first}`, range]));
	return [...byKey.values()].sort((left, right) => left.family - right.family || (left.first < right.first ? -1 : (left.first > right.first ? 1 : 0)));
}

// Unmasked before masked, right after the probe rank: real objects come first whatever else.
function withMasking(rank: readonly number[], isMasked: boolean): number[] {
	return [...rank.slice(0, 2), isMasked ? 1 : 0, ...rank.slice(2)];
}

function mostTelling(candidates: readonly Candidate[]): Candidate | undefined {
	let best: Candidate | undefined;
	for (const candidate of candidates) {
		if (!best || compareLists(candidate.rank, best.rank) < 0) {
			best = candidate;
		}
	}

	return best;
}

// Well-known ports a learner reads at a glance, after the task's own.
const familiarPorts = [80, 443, 8080, 53, 3306, 5432, 6379, 9090];

// A port of the range the learner will recognise: one the destination listens on, one the task
// names, a familiar one, else the range's first.
function tellingPort(range: PortRange, hints: TellingHints, destinationPorts: ReadonlyArray<{readonly port: number; readonly protocol: Protocol}>): number {
	const inRange = (port: number) => port >= range.first && port <= range.last;
	const known = [...destinationPorts, ...hints.ports ?? []].find(entry => entry.protocol === range.protocol && inRange(entry.port));
	return known?.port ?? familiarPorts.find(port => inRange(port)) ?? range.first;
}

// Addresses of documentation ranges (RFC 5737, RFC 3849) read as "some outside address".
const familiarAddresses = ['203.0.113.10', '198.51.100.10', '192.0.2.10', '8.8.8.8', '2001:db8::10'];

// An address of the range a learner will recognise, never a pod's IP (a pod's IP stands for the
// pod, which decides otherwise).
function tellingAddress(range: AddressRange, named: readonly string[], isPodAddress: (text: string) => boolean): string {
	const inRange = (text: string) => {
		const address = parseAddress(text);
		return address !== undefined && address.family === range.family && address.value >= range.first && address.value <= range.last;
	};

	// A network's own address (10.6.1.0) reads as the network: the next one reads as a host.
	const isNetworkAddress = range.first % (range.family === 4 ? 256n : 65_536n) === 0n && range.last > range.first;
	const chosen = [...named, ...familiarAddresses].find(text => inRange(text) && !isPodAddress(text));
	if (chosen) {
		return chosen;
	}

	// The diff's ranges hold some address that is no pod's: the first after the network's own.
	for (let value = isNetworkAddress ? range.first + 1n : range.first; value <= range.last; value++) {
		const text = formatAddress({family: range.family, value});
		if (!isPodAddress(text)) {
			return text;
		}
	}

	return formatAddress({family: range.family, value: range.first});
}

// The candidate's flow on its telling port, in a cluster of the probed objects.
function flowOf(cluster: Cluster, candidate: Candidate): Flow {
	const endpoint = (end: ProofEnd): Endpoint => (end.kind === 'outside'
		? {kind: 'outside', address: parseAddress(end.address)!}
		: cluster.podEndpoints[cluster.podIndexByKey.get(end.pod)!]!);
	return {source: endpoint(candidate.from), destination: endpoint(candidate.to), port: candidate.port, protocol: candidate.protocol};
}

// The evaluator's reason for the differing side's decision, in the cluster of one direction.
function sideReason(cluster: Cluster, candidate: Candidate): string {
	const decision = decide(cluster, flowOf(cluster, candidate));
	return sideSentence(cluster, decision, candidate.direction) ?? `${candidate.direction} is not decided by any policy`;
}
