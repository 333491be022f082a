// The DNS lint: a policy that isolates egress cuts name resolution unless some egress rule of
// the policies that select the same pods allows port 53, over UDP (most queries) and TCP (large
// answers, and resolvers that retry over TCP), to a peer that can be the cluster's DNS. Pure.
import {endpointDisplayName} from '../kube/replicas.js';
import type {PathSegment} from '../kube/issue.js';
import type {NetworkPolicy, Protocol} from '../model/kubernetes.js';
import {isEmptySelector} from '../kube/label-selector.js';
import {type Cluster, type CompiledRule, bitsetHas, peerMembers, podMatchesSelector, portAdmits, selectorKey} from '../evaluator/index.js';

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
	const dns = hasPods ? dnsServers(cluster) : [];
	const rulesOf = (group: readonly number[]) => group.flatMap(other => cluster.policies[other]!.egress);
	const allows = (rule: CompiledRule, protocol: Protocol) => ruleAdmitsDnsPort(cluster, rule, protocol) && ruleReachesDns(cluster, rule, dns);
	const missing = (['UDP', 'TCP'] as const).filter(protocol => groups.some(group => !rulesOf(group).some(rule => allows(rule, protocol))));
	if (groups.length === 0 || missing.length === 0) {
		return [];
	}

	const path = policy.isPolicyTypesDefaulted ? ['spec', 'egress'] : ['spec', 'policyTypes', policy.policyTypes.indexOf('Egress')];
	const of = groups.some(group => group.length > 1) ? ' of the policies that select its pods' : '';
	// Port 53 allowed, but only to peers where the DNS is not (most often a podSelector alone).
	const toPort53 = groups.flatMap(group => rulesOf(group)).filter(rule => !rule.admitsEveryPort && (['UDP', 'TCP'] as const).some(protocol => ruleAdmitsDnsPort(cluster, rule, protocol)));
	const message = missing.length === 2 && toPort53.length > 0
		? elsewhereMessage(cluster, policy, toPort53, dns, of)
		: (missing.length === 2
			? `isolates egress, and no egress rule${of} allows DNS (port 53, UDP and TCP), so the pods it selects cannot resolve names: add an egress rule to port 53 over UDP and TCP (kube-dns, in kube-system)`
			: (missing[0] === 'TCP'
				? `isolates egress, and allows DNS over UDP but not over TCP port 53: answers too large for UDP are retried over TCP and fail; add port 53 with protocol: TCP`
				: `isolates egress, and allows port 53 over TCP only: DNS queries are mostly UDP (a port without protocol is TCP); add port 53 with protocol: UDP`));
	return [{path, message}];
}

// The pods that answer the cluster's DNS: kube-dns and CoreDNS both carry k8s-app=kube-dns.
function dnsServers(cluster: Cluster): number[] {
	return cluster.pods.flatMap((pod, index) => (pod.labels['k8s-app'] === 'kube-dns' ? [index] : []));
}

// Rules to port 53 whose peers miss the DNS: say where they look instead.
function elsewhereMessage(cluster: Cluster, policy: NetworkPolicy, rules: readonly CompiledRule[], dns: readonly number[], of: string): string {
	const where = dns.length > 0 ? `the DNS pods (${dnsNames(cluster, dns)})` : 'the cluster\'s DNS (kube-dns, in kube-system)';
	const isPodSelectorAlone = rules.some(rule => rule.peers.some(peer => peer.peer.podSelector !== undefined && peer.peer.namespaceSelector === undefined));
	return isPodSelectorAlone
		? `isolates egress, and the egress rules${of} to port 53 do not reach ${where}: a podSelector alone looks only in the policy's own namespace, ${policy.namespace}, so the pods it selects cannot resolve names. Add a namespaceSelector for kube-system to that peer, beside its podSelector`
		: `isolates egress, and the egress rules${of} to port 53 do not reach ${where}, so the pods it selects cannot resolve names: select them in the peer (namespaceSelector for kube-system and podSelector k8s-app=kube-dns, in one peer)`;
}

function dnsNames(cluster: Cluster, dns: readonly number[]): string {
	const names = dns.map(pod => endpointDisplayName(cluster.pods[pod]!));
	return names.slice(0, 2).join(', ') + (names.length > 2 ? `, and ${names.length - 2} more` : '');
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
		const isSame = other.namespace === policy.namespace && (isEmptySelector(other.podSelector) || selectorKey(other.podSelector) === selectorKey(policy.podSelector));
		return isSame && other.policyTypes.includes('Egress') ? [index] : [];
	});
}

// Whether some peer of the rule can be the cluster's DNS. Any peer can; so can an ipBlock (the
// DNS may be a node-local cache's address). With the DNS pods known, a selector peer must match
// one of them; without, a namespaceSelector may, and a podSelector alone (which looks only in
// the policy's namespace) only in kube-system, where the DNS runs.
function ruleReachesDns(cluster: Cluster, rule: CompiledRule, dns: readonly number[]): boolean {
	return rule.admitsEveryPeer || rule.peers.some(peer => {
		if (peer.ipBlock) {
			return true;
		}

		if (dns.length > 0) {
			const members = peerMembers(cluster, peer);
			return dns.some(pod => bitsetHas(members, pod));
		}

		return peer.peer.namespaceSelector !== undefined || peer.policyNamespace === 'kube-system';
	});
}

// Port 53 of the protocol, written or named (resolved on any pod); a rule without ports admits it.
function ruleAdmitsDnsPort(cluster: Cluster, rule: CompiledRule, protocol: Protocol): boolean {
	// The evaluator's own port matching; a named port is resolved on each pod in turn.
	return rule.admitsEveryPort || rule.ports.some(entry => (entry.kind === 'named'
		? cluster.pods.some((_pod, index) => portAdmits(cluster, entry, dnsPort, protocol, index))
		: portAdmits(cluster, entry, dnsPort, protocol, undefined)));
}
