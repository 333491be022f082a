// A flow's decision traced rule by rule, as data: which policies select each end, and for every
// rule of theirs which peer and which port entry matched, or what each one was checked against
// and why it did not match. format/explain-text.ts puts it into words. The trace walks the same
// compiled sides as decide() and asks side.ts whether each rule, peer and port entry matches; only
// the detail of why (the labels and addresses compared) is worked out here.
import type {Labels, LabelSelector, PolicyPort, PolicyType, Protocol, Rule} from '../model/kubernetes.js';
import {cidrContains, formatAddress} from '../kube/ip.js';
import {type Cluster, type CompiledPeer, type CompiledPort, type CompiledRule, type CompiledSide, ipBlockContains, policyIsolates, policySelects} from './compile.js';
import {decide} from './decide.js';
import {endpointName} from './describe.js';
import {endpointDisplayName} from '../kube/replicas.js';
import {selectorMatches} from './selector.js';
import {destinationOf, nextAdmittingRule, peerMatches, portAdmits} from './side.js';
import type {Direction, Endpoint, Flow, Verdict} from './types.js';

/** Why one peer of a rule matches the flow's other end, or not. */
export type PeerReason =
	/** A podSelector alone, looking in the policy's own namespace, where this pod is. */
	| {readonly kind: 'pod-labels'; readonly selector: LabelSelector; readonly pod: string; readonly labels: Labels}
	/**
	A podSelector alone looks only in the policy's namespace, and this pod is in another;
	`isPodMatch` tells whether the selector would match the pod's labels, were it looking there.
	*/
	| {
		readonly kind: 'other-namespace';
		readonly selector: LabelSelector;
		readonly policyNamespace: string;
		readonly pod: string;
		readonly namespace: string;
		readonly labels: Labels;
		readonly isPodMatch: boolean;
	}
	/** A namespaceSelector alone: every pod of the namespaces it matches. */
	| {readonly kind: 'namespace-labels'; readonly selector: LabelSelector; readonly namespace: string; readonly labels: Labels}
	/** Both selectors in one peer: the namespace must match AND the pod must match. */
	| {
		readonly kind: 'namespace-and-pod';
		readonly namespaceSelector: LabelSelector;
		readonly namespace: string;
		readonly namespaceLabels: Labels;
		readonly isNamespaceMatch: boolean;
		readonly podSelector: LabelSelector;
		readonly pod: string;
		readonly podLabels: Labels;
		readonly isPodMatch: boolean;
	}
	/** Selectors only ever match pods; this end is an address outside the cluster. */
	| {readonly kind: 'not-a-pod'; readonly podSelector?: LabelSelector; readonly namespaceSelector?: LabelSelector; readonly address: string}
	/**
	An ipBlock checked against the end's addresses (a pod's IPs, or the outside address).
	`contained` is an address inside the CIDR, `exceptedBy` the except range that takes it out.
	*/
	| {
		readonly kind: 'ip-block';
		readonly cidr: string;
		readonly except: readonly string[];
		readonly endpoint: string;
		/** The end is a pod (its IPs are checked), not an outside address. */
		readonly isPod: boolean;
		/** The end is a workload standing for its pods, whose IPs are not known. */
		readonly isWorkload?: boolean;
		readonly addresses: readonly string[];
		readonly contained?: string;
		readonly exceptedBy?: string;
	};

export type PeerCheck = {
	/** 0-based index into the rule's `from`/`to`. */
	readonly index: number;
	readonly isMatch: boolean;
	readonly reason: PeerReason;
};

/** Why one port entry of a rule admits the flow's port, or not. */
export type PortReason =
	| {readonly kind: 'protocol'; readonly entry: PolicyPort}
	/** A number, a range (endPort) or every port of the protocol (no `port`). */
	| {readonly kind: 'number'; readonly entry: PolicyPort}
	/** A named port, resolved on the destination pod: the numbers it has there (none: no such name). */
	| {readonly kind: 'named'; readonly entry: PolicyPort; readonly destination: string; readonly resolved: readonly number[]}
	/** A named port towards an address outside the cluster, where there is no pod to resolve it on. */
	| {readonly kind: 'named-outside'; readonly entry: PolicyPort; readonly destination: string};

export type PortCheck = {
	/** 0-based index into the rule's `ports`. */
	readonly index: number;
	readonly isMatch: boolean;
	readonly reason: PortReason;
};

export type RuleTrace = {
	/** 0-based index into the policy's `ingress` or `egress`. */
	readonly index: number;
	readonly admits: boolean;
	/** 'every' when the rule has no `from`/`to`. */
	readonly peers: 'every' | readonly PeerCheck[];
	/** 'every' when the rule has no `ports`. */
	readonly ports: 'every' | readonly PortCheck[];
};

export type PolicyTrace = {
	/** `namespace/name`. */
	readonly policy: string;
	readonly podSelector: LabelSelector;
	readonly rules: readonly RuleTrace[];
};

/** A policy that selects the pod but leaves this direction alone (its policyTypes do not list it). */
export type BypassingPolicy = {
	readonly policy: string;
	readonly policyTypes: readonly PolicyType[];
	/** Rules it has for this direction all the same, and which are therefore ignored. */
	readonly ignoredRules: number;
};

/** One side of a flow: the source's egress, or the destination's ingress. */
export type SideTrace =
	| {readonly kind: 'outside'; readonly endpoint: string}
	| {readonly kind: 'not-isolated'; readonly endpoint: string; readonly bypassing: readonly BypassingPolicy[]}
	| {
		readonly kind: 'isolated';
		readonly endpoint: string;
		readonly isAllowed: boolean;
		readonly policies: readonly PolicyTrace[];
		readonly bypassing: readonly BypassingPolicy[];
	};

export type FlowTrace = {
	readonly from: string;
	readonly to: string;
	readonly port: number;
	readonly protocol: Protocol;
	readonly verdict: Verdict;
	/** A pod talking to itself: always allowed, whatever the policies say. */
	readonly isSelf: boolean;
	readonly egress: SideTrace;
	readonly ingress: SideTrace;
};

/** Traces a flow's decision through every policy that selects either end. */
export function traceFlow(cluster: Cluster, flow: Flow): FlowTrace {
	const {verdict, isSelf} = decide(cluster, flow);
	return {
		from: endpointName(cluster, flow.source),
		to: endpointName(cluster, flow.destination),
		port: flow.port,
		protocol: flow.protocol,
		verdict,
		isSelf,
		egress: traceSide(cluster, 'egress', flow.source, flow.destination, flow),
		ingress: traceSide(cluster, 'ingress', flow.destination, flow.source, flow),
	};
}

function traceSide(cluster: Cluster, direction: Direction, self: Endpoint, peer: Endpoint, flow: Flow): SideTrace {
	const endpoint = endpointName(cluster, self);
	if (self.kind === 'outside') {
		return {kind: 'outside', endpoint};
	}

	// Policies that select the pod but leave this direction alone are no part of its side; they
	// are listed because a learner may expect their rules to count.
	const bypassing = cluster.policies
		.filter(({policy}) => policySelects(cluster, policy, self.pod) && !policyIsolates(policy, direction))
		.map(({key, policy}) => ({policy: key, policyTypes: policy.policyTypes, ignoredRules: policy[direction].length}));
	const side = cluster.sides[direction][self.pod];
	if (side === undefined) {
		return {kind: 'not-isolated', endpoint, bypassing};
	}

	// The rules that admit the flow, by their place in the side, as decide() finds them.
	const admitting = new Set<number>();
	const destination = destinationOf(side, peer);
	for (let index = nextAdmittingRule(cluster, side.rules, peer, flow, destination, 0); index !== -1; index = nextAdmittingRule(cluster, side.rules, peer, flow, destination, index + 1)) {
		admitting.add(index);
	}

	const policies = side.policies.map(policy => tracePolicy(cluster, side, policy, admitting, peer, flow));
	return {kind: 'isolated', endpoint, isAllowed: admitting.size > 0, policies, bypassing};
}

// The side's rules that this policy wrote, in its order.
function tracePolicy(cluster: Cluster, side: CompiledSide, policyIndex: number, admitting: ReadonlySet<number>, peer: Endpoint, flow: Flow): PolicyTrace {
	const {key, policy} = cluster.policies[policyIndex]!;
	const rules = side.rules.flatMap((rule, sideIndex) => (rule.policy === policyIndex
		? [traceRule(cluster, side, rule, policy[side.direction][rule.index]!, admitting.has(sideIndex), peer, flow)]
		: []));
	return {policy: key, podSelector: policy.podSelector, rules};
}

// `written` is the rule as the policy has it, so that a port entry is shown as it was written.
function traceRule(cluster: Cluster, side: CompiledSide, rule: CompiledRule, written: Rule, admits: boolean, peer: Endpoint, flow: Flow): RuleTrace {
	const destination = destinationOf(side, peer);
	const peers = rule.admitsEveryPeer ? 'every' as const : rule.peers.map((compiled, peerIndex) => checkPeer(cluster, compiled, peerIndex, peer));
	const ports = rule.admitsEveryPort
		? 'every' as const
		: rule.ports.map((compiled, portIndex) => checkPort(cluster, compiled, written.ports[portIndex]!, portIndex, flow, destination));
	return {index: rule.index, admits, peers, ports};
}

// Whether the peer matches is side.ts's answer; what is worked out here is the detail of why.
function checkPeer(cluster: Cluster, compiled: CompiledPeer, index: number, endpoint: Endpoint): PeerCheck {
	const isMatch = peerMatches(cluster, compiled, endpoint);
	return {index, isMatch, reason: peerReason(cluster, compiled, endpoint, isMatch)};
}

function peerReason(cluster: Cluster, compiled: CompiledPeer, endpoint: Endpoint, isMatch: boolean): PeerReason {
	const {podSelector, namespaceSelector} = compiled.peer;
	if (compiled.ipBlock) {
		return ipBlockReason(cluster, compiled, endpoint, isMatch);
	}

	if (endpoint.kind === 'outside') {
		const selectors = {...(podSelector ? {podSelector} : {}), ...(namespaceSelector ? {namespaceSelector} : {})};
		return {kind: 'not-a-pod', ...selectors, address: formatAddress(endpoint.address)};
	}

	const pod = cluster.pods[endpoint.pod]!;
	const podName = endpointDisplayName(pod);
	const namespace = cluster.namespaces.get(pod.namespace)!;
	if (namespaceSelector && podSelector) {
		const isNamespaceMatch = selectorMatches(namespaceSelector, namespace.labels);
		const isPodMatch = selectorMatches(podSelector, pod.labels);
		return {kind: 'namespace-and-pod', namespaceSelector, namespace: namespace.name, namespaceLabels: namespace.labels, isNamespaceMatch, podSelector, pod: podName, podLabels: pod.labels, isPodMatch};
	}

	if (namespaceSelector) {
		return {kind: 'namespace-labels', selector: namespaceSelector, namespace: namespace.name, labels: namespace.labels};
	}

	// A podSelector alone looks only in the policy's own namespace.
	if (pod.namespace !== compiled.policyNamespace) {
		const isPodMatch = selectorMatches(podSelector!, pod.labels);
		return {kind: 'other-namespace', selector: podSelector!, policyNamespace: compiled.policyNamespace, pod: podName, namespace: pod.namespace, labels: pod.labels, isPodMatch};
	}

	return {kind: 'pod-labels', selector: podSelector!, pod: podName, labels: pod.labels};
}

// The addresses compared, and which one the block contains or which except range takes it out.
function ipBlockReason(cluster: Cluster, compiled: CompiledPeer, endpoint: Endpoint, isMatch: boolean): PeerReason {
	const block = compiled.ipBlock!;
	const addresses = endpoint.kind === 'outside' ? [endpoint.address] : cluster.podAddresses[endpoint.pod]!;
	const {cidr, except} = compiled.peer.ipBlock!;
	const isWorkload = endpoint.kind === 'pod' && cluster.pods[endpoint.pod]!.workloadKind !== undefined;
	const base = {kind: 'ip-block', cidr, except, endpoint: endpointName(cluster, endpoint), isPod: endpoint.kind === 'pod', ...(isWorkload ? {isWorkload} : {}), addresses: addresses.map(address => formatAddress(address))} as const;
	// A pod with several IPs (dual stack) matches when any one of them is in the block.
	const admitted = isMatch ? addresses.find(address => ipBlockContains(block, address)) : undefined;
	if (admitted) {
		return {...base, contained: formatAddress(admitted)};
	}

	const contained = addresses.find(address => cidrContains(block.cidr, address));
	if (!contained) {
		return base;
	}

	const exceptIndex = block.except.findIndex(range => cidrContains(range, contained));
	return {...base, contained: formatAddress(contained), exceptedBy: except[exceptIndex] ?? ''};
}

function checkPort(cluster: Cluster, compiled: CompiledPort, entry: PolicyPort, index: number, flow: Flow, destination: number | undefined): PortCheck {
	const isMatch = portAdmits(cluster, compiled, flow.port, flow.protocol, destination);
	if (compiled.protocol !== flow.protocol) {
		return {index, isMatch, reason: {kind: 'protocol', entry}};
	}

	if (compiled.kind !== 'named') {
		return {index, isMatch, reason: {kind: 'number', entry}};
	}

	const destinationName = endpointName(cluster, flow.destination);
	if (destination === undefined) {
		return {index, isMatch, reason: {kind: 'named-outside', entry, destination: destinationName}};
	}

	const resolved = cluster.pods[destination]!.ports
		.filter(container => container.name === compiled.name && container.protocol === compiled.protocol)
		.map(container => container.port);
	return {index, isMatch, reason: {kind: 'named', entry, destination: destinationName, resolved: [...new Set(resolved)]}};
}
