// What a reference solution allows, per direction, in words an author can check against the task
// text: for every pod a policy isolates (real pods and probe pods alike), the peers and outside
// addresses it admits, by protocol and range of ports. Grading accepts exactly the answers that
// allow the same: this is the task as the grader reads it. Pure.
import type {Challenge} from '../model/challenge.js';
import {type AddressRange, type Direction, type PortRange, addressStretches, admittedPeers, bitsetHas, compileCluster, decide, formatAddress, portRanges} from '../evaluator/index.js';
import {addressKey} from '../kube/ip.js';
import {appliedPolicies, expectedCluster} from './grade.js';
import {withProbes} from './probes.js';
import {familiesExcept, onlyDirection} from './proof.js';

/** What some ports of one protocol admit: pods (real ones first, then probes) and outside addresses. */
export type Admitted = {
	readonly ports: readonly PortRange[];
	readonly pods: readonly string[];
	readonly probes: readonly string[];
	readonly addresses: readonly AddressRange[];
};

/** Pods that one direction of the reference treats alike, and what it admits for them. */
export type SideSummary = {
	readonly direction: Direction;
	readonly pods: readonly string[];
	readonly probes: readonly string[];
	/** Empty: the pods are isolated and nothing is admitted. */
	readonly admitted: readonly Admitted[];
};

/** Every isolated pod of the reference's cluster, probes included, grouped by what it admits. */
export function referenceSummary(challenge: Challenge): SideSummary[] {
	const policies = appliedPolicies(challenge, challenge.solution);
	// The cluster with the labels the solution sets: a label task's reference admits what they match.
	const probed = withProbes(expectedCluster(challenge), policies, familiesExcept(Object.keys(challenge.probesOff ?? {})));
	const summaries: SideSummary[] = [];
	for (const direction of ['ingress', 'egress'] as const) {
		const sided = onlyDirection(policies, direction);
		const cluster = compileCluster({...probed.objects, policies: sided});
		const keys = cluster.pods.map(pod => `${pod.namespace}/${pod.name}`);
		const outside = addressStretches(sided, address => cluster.podsByAddress.has(addressKey(address)));
		const groups = new Map<string, {pods: string[]; probes: string[]; admitted: Admitted[]}>();
		for (const [pod, key] of keys.entries()) {
			if (cluster.isolatingPolicies[direction][pod]!.length === 0) {
				continue;
			}

			const admitted: Admitted[] = [];
			let previous: {signature: string; entry: {ports: PortRange[]; pods: string[]; probes: string[]; addresses: AddressRange[]}} | undefined;
			for (const range of portRanges(sided, cluster.pods)) {
				const peers = admittedPeers(cluster, direction, pod, range.first, range.protocol);
				const admittedKeys = keys.filter((_, index) => index !== pod && bitsetHas(peers, index));
				const addresses = outside.filter(stretch => {
					const far = {kind: 'outside', address: stretch.probe} as const;
					const self = cluster.podEndpoints[pod]!;
					const flow = direction === 'egress' ? {source: self, destination: far, port: range.first, protocol: range.protocol} : {source: far, destination: self, port: range.first, protocol: range.protocol};
					return decide(cluster, flow)[direction].kind === 'allowed';
				}).map(({family, first, last}) => ({family, first, last}));
				const signature = JSON.stringify([range.protocol, admittedKeys, addresses.map(({family, first, last}) => `${family} ${first} ${last}`)]);
				if (previous?.signature === signature && previous.entry.ports.at(-1)!.last === range.first - 1) {
					previous.entry.ports.push(range);
					continue;
				}

				const entry = {ports: [range], pods: admittedKeys.filter(other => !probed.probes.has(other)), probes: admittedKeys.filter(other => probed.probes.has(other)), addresses: mergedAddresses(addresses)};
				previous = {signature, entry};
				if (admittedKeys.length > 0 || addresses.length > 0) {
					admitted.push(entry);
				}
			}

			const compact = admitted.map(entry => ({...entry, ports: mergedPorts(entry.ports)}));
			const signature = JSON.stringify(compact, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
			const group = groups.get(signature) ?? {pods: [], probes: [], admitted: compact};
			(probed.probes.has(key) ? group.probes : group.pods).push(key);
			groups.set(signature, group);
		}

		summaries.push(...[...groups.values()].map(group => ({direction, ...group})));
	}

	return summaries;
}

function mergedPorts(ranges: readonly PortRange[]): PortRange[] {
	const merged: PortRange[] = [];
	for (const range of ranges) {
		const last = merged.at(-1);
		if (last && last.last === range.first - 1) {
			merged[merged.length - 1] = {...last, last: range.last};
		} else {
			merged.push(range);
		}
	}

	return merged;
}

// Stretches that touch (pod IPs alone between them are left out anyway) read as one range.
function mergedAddresses(ranges: readonly AddressRange[]): AddressRange[] {
	const merged: AddressRange[] = [];
	for (const range of ranges) {
		const last = merged.at(-1);
		if (last && last.family === range.family && last.last + 1n >= range.first) {
			merged[merged.length - 1] = {...last, last: range.last};
		} else {
			merged.push(range);
		}
	}

	return merged;
}

/**
The summary in lines, one per group of real pods: `ingress of default/db: TCP 3306 from
default/api (+ 4 probe pods)`. Probe pods are counted, not named.
*/
export function referenceSummaryLines(summaries: readonly SideSummary[]): string[] {
	return summaries.filter(summary => summary.pods.length > 0).map(summary => {
		const what = summary.admitted.length === 0 ? 'nothing' : summary.admitted.map(entry => admittedText(entry, summary.direction)).join('; ');
		const probes = summary.probes.length === 0 ? '' : ` (+ ${summary.probes.length} probe ${summary.probes.length === 1 ? 'pod' : 'pods'})`;
		return `${summary.direction} of ${summary.pods.join(', ')}${probes}: ${what}`;
	});
}

function admittedText(entry: Admitted, direction: Direction): string {
	const protocol = entry.ports[0]!.protocol;
	const ports = entry.ports.map(range => (range.first === 1 && range.last === 65_535 ? 'every port' : (range.first === range.last ? String(range.first) : `${range.first}-${range.last}`))).join(', ');
	const peers = [...entry.pods, ...entry.addresses.map(range => addressText(range))];
	const probes = entry.probes.length === 0 ? '' : ` (+ ${entry.probes.length} probe ${entry.probes.length === 1 ? 'pod' : 'pods'})`;
	return `${protocol} ${ports} ${direction === 'ingress' ? 'from' : 'to'} ${peers.length === 0 ? 'no real pod' : peers.join(', ')}${probes}`;
}

function addressText(range: AddressRange): string {
	const end = range.family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n;
	if (range.first === 0n && range.last === end) {
		return `every IPv${range.family} address`;
	}

	return `addresses ${formatAddress({family: range.family, value: range.first})}-${formatAddress({family: range.family, value: range.last})}`;
}
