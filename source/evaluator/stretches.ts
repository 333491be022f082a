// Where a verdict can change. A port entry admits alike every port between the places where
// some entry starts or ends (a named port: at each number it resolves to on some pod), and an
// ipBlock contains all or none of the addresses between the ends of the CIDRs and excepts. So
// ports and outside addresses split into stretches on which every policy decides alike, and one
// port (one address) stands for each stretch. `diff` and the pack's equivalence check both probe
// with these, so that both are exact over every port and every address.
import {type Address, parseCidr} from '../kube/ip.js';
import type {NetworkPolicy, Pod, Protocol} from '../model/kubernetes.js';

/** Ports `first`..`last` (both included) of one protocol. */
export type PortRange = {readonly protocol: Protocol; readonly first: number; readonly last: number};

export const lastPort = 65_535;

/**
The stretches of the protocol's ports on which every port entry of the policies admits alike, in
order, together 1..65535: each entry starts one at its first port and another just after its
last; a named port does so at each number it resolves to on one of the pods.
*/
export function portStretches(policies: readonly NetworkPolicy[], pods: readonly Pod[], protocol: Protocol): PortRange[] {
	const starts = new Set([1]);
	let named: Map<string, Set<number>> | undefined;
	for (const policy of policies) {
		for (const rule of [...policy.ingress, ...policy.egress]) {
			for (const entry of rule.ports) {
				if (entry.protocol !== protocol || entry.port === undefined) {
					continue;
				}

				named ??= containerPortNumbers(pods, protocol);
				const ranges = typeof entry.port === 'number'
					? [[entry.port, entry.endPort ?? entry.port] as const]
					: [...named.get(entry.port) ?? []].map(number => [number, number] as const);
				for (const [first, last] of ranges) {
					starts.add(first).add(last + 1);
				}
			}
		}
	}

	const sorted = [...starts].filter(port => port <= lastPort).sort((left, right) => left - right);
	return sorted.map((first, index) => ({protocol, first, last: (sorted[index + 1] ?? lastPort + 1) - 1}));
}

// Container port name → the numbers it has on the pods (several when pods differ).
function containerPortNumbers(pods: readonly Pod[], protocol: Protocol): Map<string, Set<number>> {
	const numbers = new Map<string, Set<number>>();
	for (const pod of pods) {
		for (const container of pod.ports) {
			if (container.name !== undefined && container.protocol === protocol) {
				numbers.set(container.name, (numbers.get(container.name) ?? new Set()).add(container.port));
			}
		}
	}

	return numbers;
}

/** Addresses `first`..`last` (both included) of one family. */
export type AddressRange = {readonly family: 4 | 6; readonly first: bigint; readonly last: bigint};

/** A stretch of addresses, and the one that stands for it: its first address that is no pod's IP. */
export type AddressStretch = AddressRange & {readonly probe: Address};

const familyWidth = {4: 32, 6: 128} as const;

/**
The stretches of addresses on which every ipBlock of the policies says the same, IPv4 then IPv6,
each family whole and in order: each CIDR and each except starts one at its network address and
another just after its last address. An address that is a pod's IP (`isPodAddress`) stands for
that pod, so a stretch stands for its other addresses only, and a stretch of pod IPs alone is
left out.
*/
export function addressStretches(policies: readonly NetworkPolicy[], isPodAddress: (address: Address) => boolean): AddressStretch[] {
	const starts = {4: new Set([0n]), 6: new Set([0n])};
	for (const policy of policies) {
		for (const rule of [...policy.ingress, ...policy.egress]) {
			for (const {ipBlock} of rule.peers) {
				for (const cidr of ipBlock ? [ipBlock.cidr, ...ipBlock.except].map(text => parseCidr(text)) : []) {
					if (cidr) {
						starts[cidr.family].add(cidr.network).add(cidr.network + (1n << BigInt(familyWidth[cidr.family] - cidr.prefix)));
					}
				}
			}
		}
	}

	return ([4, 6] as const).flatMap(family => {
		const end = 1n << BigInt(familyWidth[family]);
		const sorted = [...starts[family]].filter(value => value < end).sort((left, right) => (left < right ? -1 : (left > right ? 1 : 0)));
		return sorted.flatMap((first, index): AddressStretch[] => {
			const last = (sorted[index + 1] ?? end) - 1n;
			// Each pod IP is stepped over once at most: the stretches do not overlap.
			let value = first;
			while (value <= last && isPodAddress({family, value})) {
				value++;
			}

			return value > last ? [] : [{family, first, last, probe: {family, value}}];
		});
	});
}
