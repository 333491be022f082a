// The DNS lint: a policy that isolates egress cuts name resolution unless some egress rule of
// the policies that select the same pods allows port 53, over UDP (most queries) and TCP (large
// answers, and resolvers that retry over TCP). Pure.
import type {PathSegment} from '../kube/issue.js';
import type {NetworkPolicy, Protocol} from '../kube/types.js';
import {type Cluster, type CompiledRule, podMatchesSelector} from '../evaluator/compile.js';
import {selectorKey} from '../evaluator/selector.js';

/** Ports that are UDP far more often than not, and what runs on them. */
export const wellKnownUdpPorts: ReadonlyMap<number, string> = new Map([
	[53, 'DNS'],
	[67, 'DHCP'],
	[68, 'DHCP'],
	[69, 'TFTP'],
	[123, 'NTP'],
	[161, 'SNMP'],
	[162, 'SNMP traps'],
	[500, 'IKE (IPsec)'],
	[514, 'syslog'],
	[1194, 'OpenVPN'],
	[4789, 'VXLAN'],
	[5353, 'mDNS'],
	[8472, 'VXLAN (flannel)'],
	[51_820, 'WireGuard'],
]);

const dnsPort = 53;

/** Where and why the policy at `index` leaves its pods without DNS; empty when it does not. */
export function dnsDenials(cluster: Cluster, index: number, hasPods: boolean): Array<{path: readonly PathSegment[]; message: string}> {
	const {policy} = cluster.policies[index]!;
	if (!policy.policyTypes.includes('Egress')) {
		return [];
	}

	const groups = hasPods ? podPolicyGroups(cluster, policy) : [sameSelectionPolicies(cluster, policy)];
	const missing = (['UDP', 'TCP'] as const).filter(protocol => groups.some(group => !group.some(other => cluster.policies[other]!.egress.some(rule => ruleAllowsDns(cluster, rule, protocol)))));
	if (groups.length === 0 || missing.length === 0) {
		return [];
	}

	const path = policy.isPolicyTypesDefaulted ? ['spec', 'egress'] : ['spec', 'policyTypes', policy.policyTypes.indexOf('Egress')];
	const of = groups.some(group => group.length > 1) ? ' of the policies that select its pods' : '';
	const message = missing.length === 2
		? `isolates egress, and no egress rule${of} allows DNS (port 53, UDP and TCP), so the pods it selects cannot resolve names: add an egress rule to port 53 over UDP and TCP (kube-dns, in kube-system)`
		: (missing[0] === 'TCP'
			? `isolates egress, and allows DNS over UDP but not over TCP port 53: answers too large for UDP are retried over TCP and fail; add port 53 with protocol: TCP`
			: `isolates egress, and allows port 53 over TCP only: DNS queries are mostly UDP (a port without protocol is TCP); add port 53 with protocol: UDP`);
	return [{path, message}];
}

// Per pod the policy selects, the policies that isolate its egress (each set once).
function podPolicyGroups(cluster: Cluster, policy: NetworkPolicy): number[][] {
	const pods = (cluster.podsByNamespace.get(policy.namespace) ?? []).filter(pod => podMatchesSelector(cluster, policy.podSelector, pod));
	const groups = new Map(pods.map(pod => {
		const isolating = cluster.isolatingPolicies.egress[pod]!;
		return [isolating.join(' '), [...isolating]];
	}));
	return [...groups.values()];
}

// Without pods, the policies that surely select the same pods: the same podSelector, or `{}`.
function sameSelectionPolicies(cluster: Cluster, policy: NetworkPolicy): number[] {
	return cluster.policies.flatMap(({policy: other}, index) => {
		const isEveryPod = Object.keys(other.podSelector.matchLabels).length === 0 && other.podSelector.matchExpressions.length === 0;
		const isSame = other.namespace === policy.namespace && (isEveryPod || selectorKey(other.podSelector) === selectorKey(policy.podSelector));
		return isSame && other.policyTypes.includes('Egress') ? [index] : [];
	});
}

// Port 53 of the protocol, written or named (resolved on any pod). A rule without ports counts
// when it could reach the cluster's DNS: any peer, or a peer by namespace or IP; a rule that
// names only pods of the policy's own namespace does not.
function ruleAllowsDns(cluster: Cluster, rule: CompiledRule, protocol: Protocol): boolean {
	if (rule.admitsEveryPort) {
		return rule.admitsEveryPeer || rule.peers.some(peer => peer.peer.namespaceSelector !== undefined || peer.ipBlock !== undefined);
	}

	return rule.ports.some(entry => {
		if (entry.protocol !== protocol) {
			return false;
		}

		switch (entry.kind) {
			case 'any': {
				return true;
			}

			case 'range': {
				return entry.first <= dnsPort && dnsPort <= entry.last;
			}

			case 'named': {
				return cluster.pods.some(pod => pod.ports.some(port => port.name === entry.name && port.protocol === protocol && port.port === dnsPort));
			}
		}
	});
}
