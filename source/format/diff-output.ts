// `diff` output: what a change opens and closes, pod pair by pod pair (and between pods and
// ranges of outside addresses), for people and as JSON.
import type {AddressRange, ClusterDiff, DiffScope, OutsideChange, PortRange, Verdict} from '../evaluator/index.js';
import {formatAddress} from '../kube/ip.js';
import {protocols} from '../kube/values.js';
import type {Palette} from './color.js';

/** `3306/TCP`, `1-4999/TCP`, or `every TCP port`. */
export function portRangeText(range: PortRange): string {
	if (range.first === 1 && range.last === 65_535) {
		return `every ${range.protocol} port`;
	}

	return `${range.first === range.last ? range.first : `${range.first}-${range.last}`}/${range.protocol}`;
}

// One pair's ranges in the shortest phrase: `every port`, `every port except 5000/TCP` (when what
// did not change is the shorter list), or the ranges themselves.
function rangesText(ranges: readonly PortRange[]): string {
	const unchanged = protocols.flatMap(protocol => complement(ranges.filter(range => range.protocol === protocol), protocol));
	if (unchanged.length === 0) {
		return 'every port';
	}

	return unchanged.length < ranges.length
		? `every port except ${unchanged.map(range => portRangeText(range)).join(', ')}`
		: ranges.map(range => portRangeText(range)).join(', ');
}

// The ports of the protocol that the sorted, disjoint ranges leave out.
function complement(ranges: readonly PortRange[], protocol: PortRange['protocol']): PortRange[] {
	const gaps: PortRange[] = [];
	let next = 1;
	for (const range of ranges) {
		if (range.first > next) {
			gaps.push({protocol, first: next, last: range.first - 1});
		}

		next = range.last + 1;
	}

	return next <= 65_535 ? [...gaps, {protocol, first: next, last: 65_535}] : gaps;
}

function scopeText(scope: DiffScope): string {
	if (scope.port !== undefined) {
		return `on ${scope.port}/${scope.protocol ?? 'TCP'}`;
	}

	return scope.protocol === undefined ? 'on every port of TCP, UDP and SCTP' : `on every ${scope.protocol} port`;
}

/**
A range of addresses as its CIDR when it is one (`10.0.0.99/32`, `0.0.0.0/0`), otherwise as
`first-last` (`10.0.0.0-10.0.0.98`).
*/
export function addressRangeText({family, first, last}: AddressRange): string {
	const size = last - first + 1n;
	if ((size & (size - 1n)) === 0n && first % size === 0n) {
		const hostBits = size.toString(2).length - 1;
		return `${formatAddress({family, value: first})}/${(family === 4 ? 32 : 128) - hostBits}`;
	}

	return `${formatAddress({family, value: first})}-${formatAddress({family, value: last})}`;
}

// Each change as its two ends in words: a pod pair, or a range of addresses and a pod.
type EndsChange = {readonly from: string; readonly to: string; readonly ports: PortRange; readonly before: Verdict; readonly after: Verdict; readonly outside?: 'from' | 'to'};

function outsideEnds(change: OutsideChange): EndsChange {
	const addresses = addressRangeText(change.addresses);
	const {ports, before, after} = change;
	return change.direction === 'ingress'
		? {from: addresses, to: change.pod, ports, before, after, outside: 'from'}
		: {from: change.pod, to: addresses, ports, before, after, outside: 'to'};
}

type PairChange = {readonly from: string; readonly to: string; readonly isOutside: boolean; readonly ranges: PortRange[]};

// Changes of one direction (opened or closed), one entry per pair of ends, in order.
function byPair(changes: readonly EndsChange[]): PairChange[] {
	const pairs = new Map<string, PairChange>();
	for (const change of changes) {
		const key = `${change.from} ${change.to}`;
		const pair = pairs.get(key) ?? {from: change.from, to: change.to, isOutside: change.outside !== undefined, ranges: []};
		pair.ranges.push(change.ports);
		pairs.set(key, pair);
	}

	return [...pairs.values()];
}

/** The changes for people: opened flows, then closed ones, then a count. */
export function diffText(diff: ClusterDiff, scope: DiffScope, palette: Palette): string {
	const ends = [...diff.changes, ...diff.outsideChanges.map(change => outsideEnds(change))];
	const opened = byPair(ends.filter(change => change.after === 'allow'));
	const closed = byPair(ends.filter(change => change.after === 'deny'));
	const lines = [`Flows whose verdict changes from before to after, ${scopeText(scope)}:`];
	if (opened.length + closed.length === 0) {
		lines.push('', 'none: before and after decide every flow alike.');
		return `${lines.join('\n')}\n`;
	}

	// Loops, not spreads: a large diff has more rows than a call may take arguments.
	let width = 0;
	for (const pair of [opened, closed].flat()) {
		width = Math.max(width, `${pair.from} -> ${pair.to}`.length);
	}

	const section = (title: string, pairs: readonly PairChange[], style: (text: string) => string) => {
		if (pairs.length === 0) {
			return;
		}

		lines.push('', style(title));
		for (const pair of pairs) {
			lines.push(`  ${`${pair.from} -> ${pair.to}`.padEnd(width)}  ${rangesText(pair.ranges)}`);
		}
	};

	section('Opened (denied before, allowed after):', opened, palette.allow);
	section('Closed (allowed before, denied after):', closed, palette.deny);
	lines.push('', `${countText(opened, closed)}: ${opened.length} opened, ${closed.length} closed`);
	return `${lines.join('\n')}\n`;
}

// `2 pod pairs change`, `1 pod pair and 1 address range change`: a range with a pod, either way.
function countText(opened: readonly PairChange[], closed: readonly PairChange[]): string {
	// A pair opened on one port and closed on another is one pair that changes.
	const distinct = (isOutside: boolean) => new Set([...opened, ...closed].filter(pair => pair.isOutside === isOutside).map(pair => `${pair.from} -> ${pair.to}`)).size;
	const ranges = distinct(true);
	const podPairs = distinct(false);
	const pairs = ranges + podPairs;
	const parts = [
		...(podPairs > 0 || ranges === 0 ? [`${podPairs} pod ${podPairs === 1 ? 'pair' : 'pairs'}`] : []),
		...(ranges > 0 ? [`${ranges} address ${ranges === 1 ? 'range' : 'ranges'}`] : []),
	];
	return `${parts.join(' and ')} ${pairs === 1 ? 'changes' : 'change'}`;
}

/** The `diff --json` document (README.md, `diff`): pod pairs, then flows with outside addresses. */
export function diffJson(diff: ClusterDiff): string {
	const changes = [...diff.changes, ...diff.outsideChanges.map(change => outsideEnds(change))].map(change => ({
		from: change.from,
		to: change.to,
		...('outside' in change ? {outside: change.outside} : {}),
		protocol: change.ports.protocol,
		port: change.ports.first,
		...(change.ports.last === change.ports.first ? {} : {endPort: change.ports.last}),
		before: change.before,
		after: change.after,
	}));
	const opened = changes.filter(change => change.after === 'allow').length;
	return `${JSON.stringify({changes, opened, closed: changes.length - opened, podsOnlyBefore: diff.onlyBefore, podsOnlyAfter: diff.onlyAfter}, undefined, 2)}\n`;
}
