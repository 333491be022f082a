// `diff` output: what a change opens and closes, pod pair by pod pair, for people and as JSON.
import type {ClusterDiff, DiffScope, PortRange, VerdictChange} from '../evaluator/diff.js';
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

type PairChange = {readonly from: string; readonly to: string; readonly ranges: PortRange[]};

// Changes of one direction (opened or closed), one entry per pod pair, in order.
function byPair(changes: readonly VerdictChange[]): PairChange[] {
	const pairs = new Map<string, PairChange>();
	for (const change of changes) {
		const key = `${change.from} ${change.to}`;
		const pair = pairs.get(key) ?? {from: change.from, to: change.to, ranges: []};
		pair.ranges.push(change.ports);
		pairs.set(key, pair);
	}

	return [...pairs.values()];
}

/** The changes for people: opened flows, then closed ones, then a count. */
export function diffText(diff: ClusterDiff, scope: DiffScope, palette: Palette): string {
	const opened = byPair(diff.changes.filter(change => change.after === 'allow'));
	const closed = byPair(diff.changes.filter(change => change.after === 'deny'));
	const lines = [`Pod-to-pod flows whose verdict changes from before to after, ${scopeText(scope)}:`];
	if (opened.length + closed.length === 0) {
		lines.push('', 'none: before and after decide every pod pair alike.');
		return `${lines.join('\n')}\n`;
	}

	const width = Math.max(...[...opened, ...closed].map(pair => `${pair.from} -> ${pair.to}`.length));
	const section = (title: string, pairs: readonly PairChange[], style: (text: string) => string) => (pairs.length === 0 ? [] : [
		'',
		style(title),
		...pairs.map(pair => `  ${`${pair.from} -> ${pair.to}`.padEnd(width)}  ${rangesText(pair.ranges)}`),
	]);
	lines.push(
		...section('Opened (denied before, allowed after):', opened, palette.allow),
		...section('Closed (allowed before, denied after):', closed, palette.deny),
		'',
		`${opened.length + closed.length} pod ${opened.length + closed.length === 1 ? 'pair changes' : 'pairs change'}: ${opened.length} opened, ${closed.length} closed`,
	);
	return `${lines.join('\n')}\n`;
}

/** The `diff --json` document (CONTRACT.md, "Output of diff --json"). */
export function diffJson(diff: ClusterDiff): string {
	const changes = diff.changes.map(change => ({
		from: change.from,
		to: change.to,
		protocol: change.ports.protocol,
		port: change.ports.first,
		...(change.ports.last === change.ports.first ? {} : {endPort: change.ports.last}),
		before: change.before,
		after: change.after,
	}));
	const opened = changes.filter(change => change.after === 'allow').length;
	return `${JSON.stringify({changes, opened, closed: changes.length - opened, podsOnlyBefore: diff.onlyBefore, podsOnlyAfter: diff.onlyAfter}, undefined, 2)}\n`;
}
