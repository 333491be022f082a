// Compile once, decide many (policy-assistant's matcher/builder.go): everything a flow needs
// is indexed here, so deciding a flow only looks at the policies that select its two ends. Each
// pod's ingress and egress become a CompiledSide, the one thing decide(), isAllowed(), the
// matrix and explain read (side.ts says what a side admits); a new kind of policy would be
// compiled into the same sides here.
import type {ClusterObjects, Labels, LabelSelector, Namespace, NetworkPolicy, Peer, Pod, PolicyPort, Protocol, Rule, Service, Workload} from '../model/kubernetes.js';
import {endpointDisplayName} from '../kube/replicas.js';
import {namespaceNameLabel} from '../model/kubernetes.js';
import {type Bitset, bitsetAdd, createBitset} from './bitset.js';
import {type Address, type Cidr, addressKey, cidrContains, parseAddress, parseCidr} from '../kube/ip.js';
import {selectorKey, selectorMatches} from './selector.js';
import {type Direction, type Endpoint, policyTypeOf} from './types.js';

/** A port entry of a rule, ready to compare with a flow. */
export type CompiledPort =
	| {readonly kind: 'any'; readonly protocol: Protocol}
	| {readonly kind: 'range'; readonly protocol: Protocol; readonly first: number; readonly last: number}
	| {
		readonly kind: 'named';
		readonly protocol: Protocol;
		readonly name: string;
		/** namedPortNumbers for this name and protocol, kept here on first use: flows look it up a lot. */
		numbers?: Int32Array;
	};

export type CompiledIpBlock = {readonly cidr: Cidr; readonly except: readonly Cidr[]};

export type CompiledPeer = {
	readonly peer: Peer;
	/** The namespace a podSelector without namespaceSelector is confined to. */
	readonly policyNamespace: string;
	readonly ipBlock?: CompiledIpBlock;
	/** The pods this peer matches; built on first use. */
	members?: Bitset;
};

export type CompiledRule = {
	/** The policy the rule is written in: an index into `Cluster.policies`. */
	readonly policy: number;
	/** 0-based index into that policy's `ingress` or `egress`. */
	readonly index: number;
	/** No `from`/`to` (or an empty list): every source or destination, inside the cluster or not. */
	readonly admitsEveryPeer: boolean;
	readonly peers: readonly CompiledPeer[];
	/** No `ports` (or an empty list): every port of every protocol. */
	readonly admitsEveryPort: boolean;
	readonly ports: readonly CompiledPort[];
};

export type CompiledPolicy = {
	/** `namespace/name`. */
	readonly key: string;
	readonly policy: NetworkPolicy;
	readonly ingress: readonly CompiledRule[];
	readonly egress: readonly CompiledRule[];
};

/**
One side of a pod that policies isolate, its ingress or its egress, ready to decide flows: the
policies that isolate it, and the rules that may admit a peer, all in one list. side.ts holds
what a side admits.
*/
export type CompiledSide = {
	readonly direction: Direction;
	readonly pod: number;
	/** The isolating policies, as indexes into `Cluster.policies`, in their order there. */
	readonly policies: readonly number[];
	/** Their `namespace/name`s, as a decision reports them. */
	readonly isolatedBy: readonly string[];
	/** Every rule of those policies for this direction: the policies' rules in order, policy after policy. */
	readonly rules: readonly CompiledRule[];
};

/** A cluster indexed for deciding flows. Build it with compileCluster. */
export type Cluster = {
	readonly pods: readonly Pod[];
	readonly namespaces: ReadonlyMap<string, Namespace>;
	readonly policies: readonly CompiledPolicy[];
	/** `namespace/name` (`namespace/name[Kind]` for a workload) → pod index. */
	readonly podIndexByKey: ReadonlyMap<string, number>;
	/** The workloads of the objects, for naming them in flows: flows decide on `pods` alone. */
	readonly workloads: readonly Workload[];
	readonly services: readonly Service[];
	/** addressKey → the pods that have that IP (several for host-network pods on one node). */
	readonly podsByAddress: ReadonlyMap<string, readonly number[]>;
	readonly podAddresses: ReadonlyArray<readonly Address[]>;
	readonly podsByNamespace: ReadonlyMap<string, readonly number[]>;
	/** Per pod, the indexes of the policies that isolate it, per direction: its side's `policies`, [] where it has none. */
	readonly isolatingPolicies: Readonly<Record<Direction, ReadonlyArray<readonly number[]>>>;
	/** Per direction, each pod's side; undefined where no policy isolates the pod, so that it admits everything. */
	readonly sides: Readonly<Record<Direction, ReadonlyArray<CompiledSide | undefined>>>;
	/** Per direction, each pod's side's `rules` (the same lists), one step away for isAllowed(), which reads them for every flow. */
	readonly sideRules: Readonly<Record<Direction, ReadonlyArray<readonly CompiledRule[] | undefined>>>;
	/** One endpoint object per pod, so resolving flows allocates nothing. */
	readonly podEndpoints: ReadonlyArray<Endpoint & {readonly kind: 'pod'}>;
	/** Pods with identical labels share a label set, so a selector is tested once per set. */
	readonly labelSetOfPod: Int32Array;
	readonly labelSets: readonly Labels[];
	readonly selectorResults: Map<string, Int8Array>;
	readonly peerMembersByKey: Map<string, Bitset>;
	readonly namedPortNumbersByKey: Map<string, Int32Array>;
};

/** Indexes the cluster's objects; call once, then decide any number of flows. */
export function compileCluster(objects: ClusterObjects): Cluster {
	const namespaces = collectNamespaces(objects);
	const podIndexByKey = new Map<string, number>();
	const podsByAddress = new Map<string, number[]>();
	const podsByNamespace = new Map<string, number[]>();
	const labelSetIds = new Map<string, number>();
	const labelSets: Labels[] = [];
	const labelSetOfPod = new Int32Array(objects.pods.length);
	const podAddresses: Address[][] = [];
	for (const [index, pod] of objects.pods.entries()) {
		podIndexByKey.set(endpointDisplayName(pod), index);
		const inNamespace = podsByNamespace.get(pod.namespace) ?? [];
		inNamespace.push(index);
		podsByNamespace.set(pod.namespace, inNamespace);
		const labelKey = JSON.stringify(Object.entries(pod.labels).sort(([left], [right]) => (left < right ? -1 : 1)));
		let labelSet = labelSetIds.get(labelKey);
		if (labelSet === undefined) {
			labelSet = labelSets.length;
			labelSets.push(pod.labels);
			labelSetIds.set(labelKey, labelSet);
		}

		labelSetOfPod[index] = labelSet;
		const addresses = pod.ips.map(ip => parseAddress(ip)).filter(address => address !== undefined);
		podAddresses.push(addresses);
		for (const address of addresses) {
			const key = addressKey(address);
			podsByAddress.set(key, [...podsByAddress.get(key) ?? [], index]);
		}
	}

	const cluster: Cluster = {
		pods: objects.pods,
		namespaces,
		policies: objects.policies.map((policy, index) => compilePolicy(policy, index)),
		podIndexByKey,
		workloads: objects.workloads ?? [],
		services: objects.services ?? [],
		podsByAddress,
		podAddresses,
		podsByNamespace,
		isolatingPolicies: {
			ingress: objects.pods.map(() => []),
			egress: objects.pods.map(() => []),
		},
		sides: {ingress: [], egress: []},
		sideRules: {ingress: [], egress: []},
		podEndpoints: objects.pods.map((_, pod) => ({kind: 'pod', pod})),
		labelSetOfPod,
		labelSets,
		selectorResults: new Map(),
		peerMembersByKey: new Map(),
		namedPortNumbersByKey: new Map(),
	};
	indexIsolation(cluster);
	for (const direction of ['ingress', 'egress'] as const) {
		const sides = cluster.sides[direction] as Array<CompiledSide | undefined>;
		const sideRules = cluster.sideRules[direction] as Array<readonly CompiledRule[] | undefined>;
		for (const [pod, policies] of cluster.isolatingPolicies[direction].entries()) {
			const side = policies.length === 0 ? undefined : {
				direction,
				pod,
				policies,
				isolatedBy: policies.map(index => cluster.policies[index]!.key),
				rules: policies.flatMap(index => cluster.policies[index]![direction]),
			};
			sides.push(side);
			sideRules.push(side?.rules);
		}
	}

	return cluster;
}

/**
Every namespace of the objects, by name, as the API server has them: each carries
`kubernetes.io/metadata.name` set to its name, and one that only a pod or policy names exists
with that label alone.
*/
export function collectNamespaces(objects: ClusterObjects): Map<string, Namespace> {
	const namespaces = new Map<string, Namespace>();
	for (const namespace of objects.namespaces) {
		namespaces.set(namespace.name, {name: namespace.name, labels: {...namespace.labels, [namespaceNameLabel]: namespace.name}});
	}

	// A namespace that only a pod or policy names exists with the automatic label alone.
	for (const {namespace} of [...objects.pods, ...objects.policies]) {
		if (!namespaces.has(namespace)) {
			namespaces.set(namespace, {name: namespace, labels: {[namespaceNameLabel]: namespace}});
		}
	}

	return namespaces;
}

// A pod is isolated for a direction once any policy that selects it isolates that direction;
// policies are additive, so we keep them all.
function indexIsolation(cluster: Cluster): void {
	for (const [policyIndex, {policy}] of cluster.policies.entries()) {
		const isIngress = policyIsolates(policy, 'ingress');
		const isEgress = policyIsolates(policy, 'egress');
		for (const pod of cluster.podsByNamespace.get(policy.namespace) ?? []) {
			if (!policySelects(cluster, policy, pod)) {
				continue;
			}

			if (isIngress) {
				(cluster.isolatingPolicies.ingress[pod] as number[]).push(policyIndex);
			}

			if (isEgress) {
				(cluster.isolatingPolicies.egress[pod] as number[]).push(policyIndex);
			}
		}
	}
}

/** Whether the policy selects the pod: a pod of the policy's own namespace that its podSelector matches (empty: every pod there). */
export function policySelects(cluster: Cluster, policy: NetworkPolicy, pod: number): boolean {
	return cluster.pods[pod]!.namespace === policy.namespace && podMatchesSelector(cluster, policy.podSelector, pod);
}

/**
Whether the policy isolates the pods it selects in the direction: its policyTypes list it. The
kube layer has defaulted policyTypes as the API server does (Ingress always, Egress when the
policy has egress rules), so a policy whose policyTypes leave a direction out has no say there,
whatever rules it has for it.
*/
export function policyIsolates(policy: NetworkPolicy, direction: Direction): boolean {
	return policy.policyTypes.includes(policyTypeOf[direction]);
}

const selectorKeys = new WeakMap<LabelSelector, string>();

/** Whether the selector matches the pod's labels, remembered per label set. */
export function podMatchesSelector(cluster: Cluster, selector: LabelSelector, pod: number): boolean {
	return labelSetMatches(cluster, selectorResultsOf(cluster, selector), selector, cluster.labelSetOfPod[pod]!);
}

// Per selector, what it says of each label set: 0 not yet known, 1 matches, -1 does not.
function selectorResultsOf(cluster: Cluster, selector: LabelSelector): Int8Array {
	const key = keyOf(selector);
	let results = cluster.selectorResults.get(key);
	if (!results) {
		results = new Int8Array(cluster.labelSets.length);
		cluster.selectorResults.set(key, results);
	}

	return results;
}

function labelSetMatches(cluster: Cluster, results: Int8Array, selector: LabelSelector, labelSet: number): boolean {
	if (results[labelSet] === 0) {
		results[labelSet] = selectorMatches(selector, cluster.labelSets[labelSet]!) ? 1 : -1;
	}

	return results[labelSet] === 1;
}

function keyOf(selector: LabelSelector): string {
	let key = selectorKeys.get(selector);
	if (key === undefined) {
		key = selectorKey(selector);
		selectorKeys.set(selector, key);
	}

	return key;
}

function compilePolicy(policy: NetworkPolicy, index: number): CompiledPolicy {
	return {
		key: `${policy.namespace}/${policy.name}`,
		policy,
		ingress: policy.ingress.map((rule, ruleIndex) => compileRule(rule, index, ruleIndex, policy.namespace)),
		egress: policy.egress.map((rule, ruleIndex) => compileRule(rule, index, ruleIndex, policy.namespace)),
	};
}

function compileRule(rule: Rule, policy: number, index: number, policyNamespace: string): CompiledRule {
	return {
		policy,
		index,
		admitsEveryPeer: rule.peers.length === 0,
		peers: rule.peers.map(peer => compilePeer(peer, policyNamespace)),
		admitsEveryPort: rule.ports.length === 0,
		ports: rule.ports.map(port => compilePort(port)),
	};
}

function compilePeer(peer: Peer, policyNamespace: string): CompiledPeer {
	if (!peer.ipBlock) {
		return {peer, policyNamespace};
	}

	const cidr = parseCidr(peer.ipBlock.cidr);
	if (!cidr) {
		throw new Error(`Bug: ipBlock.cidr ${JSON.stringify(peer.ipBlock.cidr)} reached the evaluator unvalidated`);
	}

	const except = peer.ipBlock.except.map(text => parseCidr(text)).filter(block => block !== undefined);
	return {peer, policyNamespace, ipBlock: {cidr, except}};
}

function compilePort(port: PolicyPort): CompiledPort {
	if (port.port === undefined) {
		return {kind: 'any', protocol: port.protocol};
	}

	if (typeof port.port === 'string') {
		return {kind: 'named', protocol: port.protocol, name: port.port};
	}

	return {kind: 'range', protocol: port.protocol, first: port.port, last: port.endPort ?? port.port};
}

/** The pods a peer matches, computed on first use. */
export function peerMembers(cluster: Cluster, peer: CompiledPeer): Bitset {
	peer.members ??= sharedMembers(cluster, peer);
	return peer.members;
}

// Peers that say the same thing (the same selectors from the same namespace, or the same
// ipBlock) share one set: policies repeat their peers a lot.
function sharedMembers(cluster: Cluster, peer: CompiledPeer): Bitset {
	const {podSelector, namespaceSelector, ipBlock} = peer.peer;
	const key = ipBlock
		? `ipBlock ${ipBlock.cidr} ${ipBlock.except.join(' ')}`
		: `${namespaceSelector ? keyOf(namespaceSelector) : `in ${peer.policyNamespace}`} ${podSelector ? keyOf(podSelector) : 'all'}`;
	let members = cluster.peerMembersByKey.get(key);
	if (!members) {
		members = computeMembers(cluster, peer);
		cluster.peerMembersByKey.set(key, members);
	}

	return members;
}

function computeMembers(cluster: Cluster, peer: CompiledPeer): Bitset {
	const members = createBitset(cluster.pods.length);
	if (peer.ipBlock) {
		for (const [pod, addresses] of cluster.podAddresses.entries()) {
			if (addresses.some(address => ipBlockContains(peer.ipBlock!, address))) {
				bitsetAdd(members, pod);
			}
		}

		return members;
	}

	const {podSelector} = peer.peer;
	const results = podSelector && selectorResultsOf(cluster, podSelector);
	for (const namespace of peerNamespaces(cluster, peer)) {
		for (const pod of cluster.podsByNamespace.get(namespace) ?? []) {
			if (!podSelector || labelSetMatches(cluster, results!, podSelector, cluster.labelSetOfPod[pod]!)) {
				bitsetAdd(members, pod);
			}
		}
	}

	return members;
}

// A podSelector alone looks in the policy's own namespace; a namespaceSelector (alone, or ANDed
// with a podSelector in the same peer) looks in every namespace it matches.
function peerNamespaces(cluster: Cluster, peer: CompiledPeer): string[] {
	const {namespaceSelector} = peer.peer;
	if (!namespaceSelector) {
		return [peer.policyNamespace];
	}

	return [...cluster.namespaces.values()]
		.filter(namespace => selectorMatches(namespaceSelector, namespace.labels))
		.map(namespace => namespace.name);
}

/**
Per pod, the number of its container port with this name and protocol: 0 when it has none, -1
when two containers give the name different numbers (each counts). Computed on first use.
*/
export function namedPortNumbers(cluster: Cluster, protocol: Protocol, name: string): Int32Array {
	const key = `${protocol}/${name}`;
	let numbers = cluster.namedPortNumbersByKey.get(key);
	if (!numbers) {
		numbers = new Int32Array(cluster.pods.length);
		for (const [pod, {ports}] of cluster.pods.entries()) {
			const matching = new Set(ports.filter(entry => entry.name === name && entry.protocol === protocol).map(entry => entry.port));
			numbers[pod] = matching.size > 1 ? -1 : [...matching][0] ?? 0;
		}

		cluster.namedPortNumbersByKey.set(key, numbers);
	}

	return numbers;
}

/** namedPortNumbers of a named port entry, kept on the entry after the first call. */
export function entryPortNumbers(cluster: Cluster, entry: CompiledPort & {readonly kind: 'named'}): Int32Array {
	entry.numbers ??= namedPortNumbers(cluster, entry.protocol, entry.name);
	return entry.numbers;
}

/** An address in the block's CIDR and in none of its `except` CIDRs. */
export function ipBlockContains(block: CompiledIpBlock, address: Address): boolean {
	return cidrContains(block.cidr, address) && !block.except.some(except => cidrContains(except, address));
}
