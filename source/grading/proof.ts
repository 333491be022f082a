// Grading that proves. A submission is right when it decides every flow as the reference does:
// every pod pair, every port of TCP, UDP and SCTP, every address outside the cluster; ingress and
// egress each on their own, so that a mistake in one policy cannot hide behind a deny in the
// other direction; and on the probe objects (probes.ts) as well as today's pods. Each direction
// is compared by keeping, in both sets of policies, only their part for that direction (a
// flow's verdict there is that side's decision alone) and asking the evaluator's exact diff
// (stretches of ports and addresses) where the two differ. Where they do, the most telling
// difference is the counterexample. Pure.
import {compileCluster, decide, formatAddress} from '../evaluator/index.js';
import type {Cluster} from '../evaluator/compile.js';
import {sideSentence} from '../evaluator/describe.js';
import {type AddressRange, type OutsideChange, type PortRange, type VerdictChange, verdictChanges} from '../evaluator/diff.js';
import type {Direction, Endpoint, Verdict} from '../evaluator/types.js';
import {policyTypeOf} from '../evaluator/types.js';
import {parseAddress} from '../kube/ip.js';
import type {ClusterObjects, NetworkPolicy, Protocol} from '../kube/types.js';
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
	/** Every port around `port` where the same difference holds. */
	readonly ports: PortRange;
	/** The side that differs: the destination's ingress or the source's egress. */
	readonly direction: Direction;
	readonly yours: Verdict;
	readonly expected: Verdict;
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
	readonly ports?: ReadonlyArray<{readonly port: number; readonly protocol: Protocol}>;
	readonly addresses?: readonly string[];
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
	for (const direction of ['ingress', 'egress'] as const) {
		const before = compileCluster({...probed.objects, policies: onlyDirection(expected, direction)});
		const after = compileCluster({...probed.objects, policies: onlyDirection(actual, direction)});
		clusters.set(direction, {before, after});
		const diff = verdictChanges(before, after);
		candidates.push(
			...diff.changes.map(change => pairCandidate(change, direction, probed.probes, hints)),
			...diff.outsideChanges.map(change => outsideCandidate(change, probed.probes, hints)),
		);
	}

	const best = mostTelling(candidates);
	if (!best) {
		return {isEquivalent: true};
	}

	const {before, after} = clusters.get(best.direction)!;
	const {rank: _, ...counterexample} = best;
	return {
		isEquivalent: false,
		counterexample: {...counterexample, yoursReason: sideReason(after, best), expectedReason: sideReason(before, best)},
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

// A difference found, before its reasons are worked out.
type Candidate = {
	readonly from: ProofEnd;
	readonly to: ProofEnd;
	readonly direction: Direction;
	readonly ports: PortRange;
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

function pairCandidate(change: VerdictChange, direction: Direction, probes: ReadonlyMap<string, ProbePod>, hints: TellingHints): Candidate {
	const from = podEnd(change.from, probes);
	const to = podEnd(change.to, probes);
	const port = tellingPort(change.ports, hints);
	return {from, to, direction, ports: change.ports, port, protocol: change.ports.protocol, yours: change.after, expected: change.before, rank: rankOf([from, to], 0, change, port, hints)};
}

function outsideCandidate(change: OutsideChange, probes: ReadonlyMap<string, ProbePod>, hints: TellingHints): Candidate {
	const pod = podEnd(change.pod, probes);
	const outside: ProofEnd = {kind: 'outside', address: tellingAddress(change.addresses, hints), addresses: change.addresses};
	const [from, to] = change.direction === 'egress' ? [pod, outside] : [outside, pod];
	const port = tellingPort(change.ports, hints);
	return {from, to, direction: change.direction, ports: change.ports, port, protocol: change.ports.protocol, yours: change.after, expected: change.before, rank: rankOf([pod], 1, change, port, hints)};
}

// Real objects before probes (a probe family earlier in the list before a later one), pod pairs
// before outside addresses, a hole (yours allow what the task denies) before an outage, TCP
// before UDP before SCTP, and a port the learner will recognise before another.
function rankOf(pods: readonly ProofEnd[], outside: number, change: {readonly before: Verdict; readonly ports: PortRange}, port: number, hints: TellingHints): number[] {
	const probeRank = Math.max(0, ...pods.map(end => (end.kind === 'pod' && end.probe ? probeFamilies.indexOf(end.probe.family) + 1 : 0)));
	const isKnownPort = (hints.ports ?? []).some(known => known.port === port && known.protocol === change.ports.protocol);
	return [probeRank, outside, change.before === 'deny' ? 0 : 1, protocols.indexOf(change.ports.protocol), isKnownPort ? 0 : 1];
}

function mostTelling(candidates: readonly Candidate[]): Candidate | undefined {
	let best: Candidate | undefined;
	for (const candidate of candidates) {
		if (!best || compareRanks(candidate.rank, best.rank) < 0) {
			best = candidate;
		}
	}

	return best;
}

function compareRanks(left: readonly number[], right: readonly number[]): number {
	for (const [index, value] of left.entries()) {
		if (value !== right[index]) {
			return value - right[index]!;
		}
	}

	return 0;
}

// Well-known ports a learner reads at a glance, after the task's own.
const familiarPorts = [80, 443, 53, 8080, 22, 3306, 5432, 6379, 9090];

// A port of the range the learner will recognise: one the cases or the task name, else a
// familiar one, else the range's first.
function tellingPort(range: PortRange, hints: TellingHints): number {
	const inRange = (port: number) => port >= range.first && port <= range.last;
	const named = (hints.ports ?? []).find(known => known.protocol === range.protocol && inRange(known.port));
	return named?.port ?? familiarPorts.find(port => inRange(port)) ?? range.first;
}

// Addresses of documentation ranges (RFC 5737, RFC 3849) read as "some outside address".
const familiarAddresses = ['203.0.113.10', '198.51.100.10', '192.0.2.10', '8.8.8.8', '2001:db8::10'];

function tellingAddress(range: AddressRange, hints: TellingHints): string {
	const inRange = (text: string) => {
		const address = parseAddress(text);
		return address !== undefined && address.family === range.family && address.value >= range.first && address.value <= range.last;
	};

	return [...hints.addresses ?? [], ...familiarAddresses].find(text => inRange(text))
		// The range's first address, unless it is a network's zero address and the next one is in.
		?? formatAddress({family: range.family, value: range.first === 0n && range.last > 0n ? 1n : range.first});
}

// The evaluator's reason for the differing side's decision, in the cluster of one direction.
function sideReason(cluster: Cluster, candidate: Candidate): string {
	const endpoint = (end: ProofEnd): Endpoint => {
		if (end.kind === 'outside') {
			return {kind: 'outside', address: parseAddress(end.address)!};
		}

		return cluster.podEndpoints[cluster.podIndexByKey.get(end.pod)!]!;
	};

	const decision = decide(cluster, {source: endpoint(candidate.from), destination: endpoint(candidate.to), port: candidate.port, protocol: candidate.protocol});
	return sideSentence(cluster, decision, candidate.direction) ?? `${candidate.direction} is not decided by any policy`;
}
