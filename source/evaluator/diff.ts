// What a change of objects does to traffic: the flows whose verdict differs between two clusters
// (the same pods, other policies), between pods and between a pod and the addresses outside the
// cluster. Exact over every port and every address: a verdict can only change where some
// policy's port entry or ipBlock starts or ends (stretches.ts), so one port and one address stand
// for each stretch between. Only what can differ is decided (diff-candidates.ts): the flows a
// differing policy or a changed pod touches, on the stretches of ports where the differing
// policies admit other peers before and after.
import type {NetworkPolicy, Pod, Protocol} from '../model/kubernetes.js';
import {endpointDisplayName} from '../kube/replicas.js';
import {protocols} from '../kube/values.js';
import {bitsetHas, createBitset} from './bitset.js';
import type {Cluster} from './compile.js';
import {isAllowed} from './decide.js';
import {type Candidates, type Comparison, candidatesAt, compareClusters} from './diff-candidates.js';
import {forEachMember} from './grid.js';
import {reachability} from './matrix.js';
import {type AddressRange, type PortRange, portStretches} from './stretches.js';
import type {Direction, Verdict} from './types.js';

export type {AddressRange, PortRange} from './stretches.js';

/** A pod pair whose verdict differs on a range of ports. */
export type VerdictChange = {
	readonly from: string;
	readonly to: string;
	readonly ports: PortRange;
	readonly before: Verdict;
	readonly after: Verdict;
};

/** Flows between a pod and a range of outside addresses whose verdict differs on a range of ports. */
export type OutsideChange = {
	readonly pod: string;
	/** `ingress`: from the addresses to the pod; `egress`: from the pod to the addresses. */
	readonly direction: Direction;
	/** Pod IPs inside the range are not part of it: flows to and from them are the pods' flows. */
	readonly addresses: AddressRange;
	readonly ports: PortRange;
	readonly before: Verdict;
	readonly after: Verdict;
};

export type ClusterDiff = {
	readonly changes: readonly VerdictChange[];
	readonly outsideChanges: readonly OutsideChange[];
	/** `namespace/name` of the pods in one cluster only, whose flows are not compared. */
	readonly onlyBefore: readonly string[];
	readonly onlyAfter: readonly string[];
	/** How many stretches of ports were decided in both clusters: 0 when no policy or pod differs. */
	readonly comparedRanges: number;
};

/** Which ports to compare: one port, one protocol's ports, or (neither) every port of every protocol. */
export type DiffScope = {readonly port?: number; readonly protocol?: Protocol};

/** The flows between pods of both clusters, and between them and outside addresses, whose verdict differs. */
export function verdictChanges(before: Cluster, after: Cluster, scope: DiffScope = {}): ClusterDiff {
	const comparison = compareClusters(before, after);
	const onlyBefore = before.pods.map(pod => endpointDisplayName(pod)).filter(key => !after.podIndexByKey.has(key));
	const onlyAfter = after.pods.map(pod => endpointDisplayName(pod)).filter(key => !before.podIndexByKey.has(key));
	const changes = new Changes(comparison);
	let comparedRanges = 0;
	if (comparison.hasDifferences) {
		const {differing} = comparison;
		const pods = [...before.pods, ...after.pods];
		const differingPolicies = [...before.policies.filter((_, index) => differing.before.has(index)), ...after.policies.filter((_, index) => differing.after.has(index))];
		const everyRange = portRanges([...before.policies, ...after.policies].map(({policy}) => policy), pods, scope);
		// Each stretch of the differing policies' ports is a run of whole ranges of every policy's.
		for (const stretch of portRanges(differingPolicies.map(({policy}) => policy), pods, scope)) {
			const candidates = candidatesAt(comparison, stretch.first, stretch.protocol);
			if (candidates.pairCount === 0 && candidates.outside.length === 0) {
				continue;
			}

			for (const range of everyRange.filter(range => range.protocol === stretch.protocol && range.first >= stretch.first && range.last <= stretch.last)) {
				comparedRanges++;
				comparePods(comparison, candidates, range, changes);
				compareOutside(comparison, candidates, range, changes);
			}
		}
	}

	return {...changes.sorted(), onlyBefore, onlyAfter, comparedRanges};
}

/**
The ranges of ports to compare: the one port of the scope, or the stretches of every protocol (of
the scope's one) on which the policies' port entries admit alike.
*/
export function portRanges(policies: readonly NetworkPolicy[], pods: readonly Pod[], scope: DiffScope = {}): PortRange[] {
	if (scope.port !== undefined) {
		return [{protocol: scope.protocol ?? 'TCP', first: scope.port, last: scope.port}];
	}

	return (scope.protocol === undefined ? protocols : [scope.protocol]).flatMap(protocol => portStretches(policies, pods, protocol));
}

function comparePods(comparison: Comparison, candidates: Candidates, range: PortRange, changes: Changes): void {
	const {before, after, pods} = comparison;
	// Deciding a pair costs about as much as a grid's share of it; with many pairs, whole grids are cheaper.
	if (candidates.pairCount > (pods.length * pods.length) / 8) {
		compareGrids(comparison, candidates, range, changes);
		return;
	}

	const allows = (cluster: Cluster, source: number, destination: number) =>
		isAllowed(cluster, {source: cluster.podEndpoints[source]!, destination: cluster.podEndpoints[destination]!, port: range.first, protocol: range.protocol});
	for (const [source, destinations] of candidates.pairs.entries()) {
		const from = pods[source]!;
		forEachMember(destinations, destination => {
			const to = pods[destination]!;
			const wasAllowed = allows(before, from.before, to.before);
			if (wasAllowed !== allows(after, from.after, to.after)) {
				changes.addPair(source, destination, range, wasAllowed);
			}
		});
	}
}

function compareGrids(comparison: Comparison, candidates: Candidates, range: PortRange, changes: Changes): void {
	const {pods, isSameOrder} = comparison;
	const beforeGrid = reachability(comparison.before, range.first, range.protocol);
	const afterGrid = reachability(comparison.after, range.first, range.protocol);
	const differing = createBitset(pods.length);
	for (const [source, destinations] of candidates.pairs.entries()) {
		const from = pods[source]!;
		const beforeRow = beforeGrid[from.before]!;
		const afterRow = afterGrid[from.after]!;
		// The same pods in the same order: the rows line up, and a word tells 32 pairs at once.
		for (let word = 0; word < differing.length; word++) {
			differing[word] = isSameOrder ? destinations[word]! & (beforeRow[word]! ^ afterRow[word]!) : destinations[word]!;
		}

		forEachMember(differing, destination => {
			const to = pods[destination]!;
			const wasAllowed = bitsetHas(beforeRow, to.before);
			if (wasAllowed !== bitsetHas(afterRow, to.after)) {
				changes.addPair(source, destination, range, wasAllowed);
			}
		});
	}
}

function compareOutside(comparison: Comparison, candidates: Candidates, range: PortRange, changes: Changes): void {
	const {before, after, pods, addresses} = comparison;
	const {first: port, protocol} = range;
	for (const {pod, direction, stretches} of candidates.outside) {
		// Runs of changed stretches next to each other (pod IPs alone between them) become one range.
		let open: {first: number; last: number; wasAllowed: boolean} | undefined;
		const close = () => {
			if (open) {
				const {family, first} = addresses[open.first]!;
				changes.addOutside(pod, direction, {family, first, last: addresses[open.last]!.last}, range, open.wasAllowed);
				open = undefined;
			}
		};

		forEachMember(stretches, stretch => {
			const address = {kind: 'outside', address: addresses[stretch]!.probe} as const;
			const flowOf = (cluster: Cluster, index: number) => {
				const self = cluster.podEndpoints[index]!;
				return direction === 'egress' ? {source: self, destination: address, port, protocol} : {source: address, destination: self, port, protocol};
			};

			const wasAllowed = isAllowed(before, flowOf(before, pods[pod]!.before));
			if (wasAllowed === isAllowed(after, flowOf(after, pods[pod]!.after))) {
				close();
				return;
			}

			if (open && open.last === stretch - 1 && open.wasAllowed === wasAllowed && addresses[open.last]!.family === addresses[stretch]!.family) {
				open.last = stretch;
			} else {
				close();
				open = {first: stretch, last: stretch, wasAllowed};
			}
		});
		close();
	}
}

function verdict(isAllowed: boolean): Verdict {
	return isAllowed ? 'allow' : 'deny';
}

// A change being built, its range of ports growing while the next range changes alike, and
// where it sorts.
type Run<Change> = {readonly change: Change & {readonly ports: {protocol: Protocol; first: number; last: number}}; readonly order: readonly number[]};

// The changes found so far, range after range in increasing order of ports.
class Changes {
	// The latest run per pod pair (by a number: there are millions) or per pod and addresses,
	// protocol and direction of change.
	private readonly pairRuns = new Map<number, Run<VerdictChange>>();
	private readonly outsideRuns = new Map<string, Run<OutsideChange>>();
	private readonly pairs: Array<Run<VerdictChange>> = [];
	private readonly outside: Array<Run<OutsideChange>> = [];
	private readonly comparison: Comparison;

	constructor(comparison: Comparison) {
		this.comparison = comparison;
	}

	addPair(source: number, destination: number, range: PortRange, wasAllowed: boolean): void {
		const {pods} = this.comparison;
		const key = (((((source * pods.length) + destination) * protocols.length) + protocols.indexOf(range.protocol)) * 2) + (wasAllowed ? 1 : 0);
		if (!extend(this.pairRuns.get(key), range)) {
			const run = {change: {from: pods[source]!.key, to: pods[destination]!.key, ports: {...range}, before: verdict(wasAllowed), after: verdict(!wasAllowed)}, order: [source, destination]};
			this.pairRuns.set(key, run);
			this.pairs.push(run);
		}
	}

	addOutside(pod: number, direction: Direction, addresses: AddressRange, range: PortRange, wasAllowed: boolean): void {
		const key = `${pod} ${direction} ${addresses.family} ${addresses.first} ${addresses.last} ${range.protocol} ${wasAllowed}`;
		if (!extend(this.outsideRuns.get(key), range)) {
			const change = {pod: this.comparison.pods[pod]!.key, direction, addresses, ports: {...range}, before: verdict(wasAllowed), after: verdict(!wasAllowed)};
			const run = {change, order: [pod, direction === 'ingress' ? 0 : 1, addresses.family]};
			this.outsideRuns.set(key, run);
			this.outside.push(run);
		}
	}

	/** Pod pairs, then pods in order, direction, addresses; each by protocol and port. */
	sorted(): {changes: VerdictChange[]; outsideChanges: OutsideChange[]} {
		const byOrder = (left: Run<unknown>, right: Run<unknown>) => compareLists(left.order, right.order)
			|| protocols.indexOf(left.change.ports.protocol) - protocols.indexOf(right.change.ports.protocol) || left.change.ports.first - right.change.ports.first;
		const changes = this.pairs.sort(byOrder).map(run => run.change);
		const outsideChanges = this.outside
			.sort((left, right) => compareLists(left.order, right.order) || compareBigints(left.change.addresses.first, right.change.addresses.first) || byOrder(left, right))
			.map(run => run.change);
		return {changes, outsideChanges};
	}
}

// Grows the run by the range when the range follows it; false when there is no such run.
function extend(run: Run<unknown> | undefined, range: PortRange): boolean {
	if (run?.change.ports.last !== range.first - 1) {
		return false;
	}

	run.change.ports.last = range.last;
	return true;
}

/** Orders lists of numbers element by element (the first that differs decides). */
export function compareLists(left: readonly number[], right: readonly number[]): number {
	for (const [index, value] of left.entries()) {
		if (value !== right[index]) {
			return value - right[index]!;
		}
	}

	return 0;
}

function compareBigints(left: bigint, right: bigint): number {
	return left < right ? -1 : (left > right ? 1 : 0);
}
