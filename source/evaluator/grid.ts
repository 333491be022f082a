// The reachability matrix as data to show: pods in display order (grouped by namespace), which
// of them may open a connection to which on one port, per-namespace counts, and the cells where
// two grids of the same pods disagree (a learner's policies against the expected ones).
import type {Pod, Protocol} from '../model/kubernetes.js';
import {type Bitset, bitsetAdd, bitsetHas, createBitset} from './bitset.js';
import type {Cluster} from './compile.js';
import {reachability} from './matrix.js';

/** A row and column of the grid; a workload's `name` carries its kind (`web[Deployment]`), as it is shown. */
export type GridPod = {readonly namespace: string; readonly name: string};

/** Who may open a connection to whom on one port: `allowed[source]` holds the destinations' indexes. */
export type ReachabilityGrid = {
	readonly port: number;
	readonly protocol: Protocol;
	/** Rows (sources) and columns (destinations) alike: namespaces in order of first appearance, pods in file order within each. */
	readonly pods: readonly GridPod[];
	readonly allowed: readonly Bitset[];
};

/** The grid of the cluster on one port, of every pod or of one namespace's pods. */
export function reachabilityGrid(cluster: Cluster, port: number, protocol: Protocol, namespace?: string): ReachabilityGrid {
	const order = [...cluster.podsByNamespace.entries()]
		.filter(([name]) => namespace === undefined || name === namespace)
		.flatMap(([, pods]) => pods);
	const everyone = reachability(cluster, port, protocol);
	const isClusterOrder = order.length === cluster.pods.length && order.every((pod, index) => pod === index);
	const allowed = isClusterOrder ? everyone : order.map(source => {
		const row = createBitset(order.length);
		const reachable = everyone[source]!;
		for (const [column, destination] of order.entries()) {
			if (bitsetHas(reachable, destination)) {
				bitsetAdd(row, column);
			}
		}

		return row;
	});
	return {port, protocol, pods: order.map(pod => gridPod(cluster.pods[pod]!)), allowed};
}

function gridPod({namespace, name, workloadKind}: Pod): GridPod {
	return {namespace, name: workloadKind === undefined ? name : `${name}[${workloadKind}]`};
}

export function gridAllows(grid: ReachabilityGrid, source: number, destination: number): boolean {
	return bitsetHas(grid.allowed[source]!, destination);
}

/** How many pairs of the grid are allowed. */
export function allowedPairs(grid: ReachabilityGrid): number {
	let count = 0;
	for (const row of grid.allowed) {
		for (const word of row) {
			count += bitCount(word);
		}
	}

	return count;
}

function bitCount(word: number): number {
	let bits = word - ((word >>> 1) & 0x55_55_55_55);
	bits = (bits & 0x33_33_33_33) + ((bits >>> 2) & 0x33_33_33_33);
	return (Math.imul((bits + (bits >>> 4)) & 0x0F_0F_0F_0F, 0x01_01_01_01) >>> 24);
}

/** Pairs allowed from the pods of one namespace to the pods of another, of all their pairs. */
export type NamespacePair = {readonly from: string; readonly to: string; readonly allowed: number; readonly total: number};

/** Every pair of namespaces (in the grid's order), with its allowed and total pod pairs. */
export function namespacePairs(grid: ReachabilityGrid): NamespacePair[] {
	const groups = namespaceGroups(grid);
	const groupOf = new Int32Array(grid.pods.length);
	for (const [group, {first, end}] of groups.entries()) {
		groupOf.fill(group, first, end);
	}

	// Counted over the allowed pairs only, visiting set bits: millions of pairs take milliseconds.
	const counts = new Int32Array(groups.length * groups.length);
	for (const [source, row] of grid.allowed.entries()) {
		const base = groupOf[source]! * groups.length;
		forEachMember(row, destination => {
			counts[base + groupOf[destination]!]!++;
		});
	}

	return groups.flatMap((from, fromIndex) => groups.map((to, toIndex) => ({
		from: from.namespace,
		to: to.namespace,
		allowed: counts[(fromIndex * groups.length) + toIndex]!,
		total: (from.end - from.first) * (to.end - to.first),
	})));
}

/** Calls back with each member of the set, in increasing order. */
export function forEachMember(bits: Bitset, visit: (index: number) => void): void {
	for (let word = 0; word < bits.length; word++) {
		let remaining = bits[word]!;
		while (remaining !== 0) {
			const lowest = remaining & -remaining;
			visit((word << 5) + (31 - Math.clz32(lowest)));
			remaining ^= lowest;
		}
	}
}

/** The namespaces of a grid with the range of rows their pods take, in order. */
export function namespaceGroups(grid: ReachabilityGrid): Array<{namespace: string; first: number; end: number}> {
	const groups: Array<{namespace: string; first: number; end: number}> = [];
	for (const [index, pod] of grid.pods.entries()) {
		const last = groups.at(-1);
		if (last?.namespace === pod.namespace) {
			last.end = index + 1;
		} else {
			groups.push({namespace: pod.namespace, first: index, end: index + 1});
		}
	}

	return groups;
}

/** A cell where two grids disagree: `actual` is what the first grid says. */
export type GridDifference = {readonly source: number; readonly destination: number; readonly isAllowedActually: boolean};

export type GridComparison = {
	readonly differences: readonly GridDifference[];
	/** `differing[source]` holds the destinations where the grids disagree, for highlighting. */
	readonly differing: readonly Bitset[];
};

/**
The cells where `actual` and `expected` disagree. Both must be grids of the same pods in the same
order (the same cluster under two sets of policies, on the same port).
*/
export function compareGrids(actual: ReachabilityGrid, expected: ReachabilityGrid): GridComparison {
	const isSamePods = actual.pods.length === expected.pods.length
		&& actual.pods.every((pod, index) => pod.namespace === expected.pods[index]!.namespace && pod.name === expected.pods[index]!.name);
	if (!isSamePods) {
		throw new Error('Bug: compareGrids was given grids of different pods; build both from the same cluster\'s pods');
	}

	const differences: GridDifference[] = [];
	const differing = actual.allowed.map((row, source) => {
		const marks = createBitset(actual.pods.length);
		for (let word = 0; word < row.length; word++) {
			marks[word] = row[word]! ^ expected.allowed[source]![word]!;
		}

		for (let destination = 0; destination < actual.pods.length; destination++) {
			if (bitsetHas(marks, destination)) {
				differences.push({source, destination, isAllowedActually: bitsetHas(row, destination)});
			}
		}

		return marks;
	});
	return {differences, differing};
}
