// Likely mistakes in NetworkPolicies, each at the field it is about, for `lint` and for grading
// feedback. Pure: the cluster's objects in (and, when known, each policy as written, to tell an
// omitted protocol from a written one), warnings out. Checks that need the cluster's pods are
// skipped when the objects hold no pods (a policy file linted on its own).
import type {PathSegment} from '../kube/issue.js';
import type {ClusterObjects, NetworkPolicy, Peer, PolicyPort, Protocol, Rule} from '../model/kubernetes.js';
import {type Cluster, type Direction, bitsetHas, compileCluster, peerMembers, peersField, podMatchesSelector, policyTypeOf} from '../evaluator/index.js';
import {selectorText} from '../kube/selector-text.js';
import {similarTo} from '../model/similar.js';
import {dnsDenials, wellKnownUdpPorts} from './lint-dns.js';

export type LintCode =
	| 'selects-no-pod'
	| 'namespace-without-pods'
	| 'or-instead-of-and'
	| 'no-dns-egress'
	| 'port-without-protocol'
	| 'ip-block-covers-pods'
	| 'direction-without-rules'
	| 'ignored-rules';

export type LintWarning = {
	readonly code: LintCode;
	/** The index of the policy in the objects' `policies`. */
	readonly policy: number;
	/** The field the warning is about, inside the policy object: `['spec', 'ingress', 0, 'from', 1]`. */
	readonly path: readonly PathSegment[];
	/** What is likely wrong and what to do, without the field path. */
	readonly message: string;
};

export type LintReport = {
	readonly warnings: readonly LintWarning[];
	/** False when the objects hold no pods, so the checks that need them did not run. */
	readonly hasCheckedPods: boolean;
};

/** The checks that need the cluster's pods, skipped without them. */
export const podChecks: readonly LintCode[] = ['selects-no-pod', 'namespace-without-pods', 'ip-block-covers-pods'];

const directions: readonly Direction[] = ['ingress', 'egress'];

/** Every warning about the objects' policies, policy by policy. */
export function lintPolicies(objects: ClusterObjects, written: readonly unknown[] = []): LintReport {
	const cluster = compileCluster(objects);
	const hasCheckedPods = objects.pods.length > 0;
	const warnings = objects.policies.flatMap((policy, index) => {
		const at = (code: LintCode, path: readonly PathSegment[], message: string): LintWarning => ({code, policy: index, path, message});
		return [
			...(hasCheckedPods ? selectsNothing(cluster, policy, at) : []),
			...orInsteadOfAnd(policy, at),
			...policyTypesWithoutRules(policy, at),
			...dnsDenials(cluster, index, hasCheckedPods).map(denial => at('no-dns-egress', denial.path, denial.message)),
			...portsWithoutProtocol(policy, written[index], at),
			...(hasCheckedPods ? ipBlocksCoveringPods(cluster, index, at) : []),
		];
	});
	return {warnings, hasCheckedPods};
}

type At = (code: LintCode, path: readonly PathSegment[], message: string) => LintWarning;

function rulesOf(policy: NetworkPolicy): Array<{direction: Direction; rule: Rule; index: number}> {
	return directions.flatMap(direction => policy[direction].map((rule, index) => ({direction, rule, index})));
}

function selectsNothing(cluster: Cluster, policy: NetworkPolicy, at: At): LintWarning[] {
	const pods = cluster.podsByNamespace.get(policy.namespace) ?? [];
	if (pods.length === 0) {
		const [guess] = similarTo(policy.namespace, cluster.podsByNamespace.keys());
		return [at('namespace-without-pods', ['metadata', 'namespace'], `namespace ${JSON.stringify(policy.namespace)} has no pods in the files${guess ? ` (did you mean ${guess}?)` : ''}, so this policy selects nothing; a policy applies only to pods of its own namespace`)];
	}

	if (pods.some(pod => podMatchesSelector(cluster, policy.podSelector, pod))) {
		return [];
	}

	// A near miss among the namespace's labels: `role=dbb` for `role=db`.
	const present = [...new Set(pods.flatMap(pod => Object.entries(cluster.pods[pod]!.labels).map(([key, value]) => `${key}=${value}`)))];
	const guesses = Object.entries(policy.podSelector.matchLabels)
		.map(([key, value]) => `${key}=${value}`)
		.filter(pair => !present.includes(pair))
		.map(pair => similarTo(pair, present)[0])
		.filter(guess => guess !== undefined);
	const hint = guesses.length > 0 ? ` (did you mean ${guesses.join(', ')}?)` : '';
	return [at('selects-no-pod', ['spec', 'podSelector'], `${selectorText(policy.podSelector)} selects none of the ${pods.length} ${pods.length === 1 ? 'pod' : 'pods'} in namespace ${policy.namespace}${hint}, so this policy has no effect (kubectl get pods -n ${policy.namespace} --show-labels)`)];
}

// A namespaceSelector peer next to a podSelector peer is an OR; one peer with both is the AND
// people usually mean (the difference is one dash in YAML).
function orInsteadOfAnd(policy: NetworkPolicy, at: At): LintWarning[] {
	const isNamespaceOnly = (peer: Peer) => peer.namespaceSelector !== undefined && peer.podSelector === undefined;
	const isPodOnly = (peer: Peer) => peer.podSelector !== undefined && peer.namespaceSelector === undefined && peer.ipBlock === undefined;
	return rulesOf(policy).flatMap(({direction, rule, index}) => rule.peers.slice(1).flatMap((peer, position) => {
		const previous = rule.peers[position]!;
		const namespacePeer = isNamespaceOnly(previous) ? previous : (isNamespaceOnly(peer) ? peer : undefined);
		const podPeer = isPodOnly(previous) ? previous : (isPodOnly(peer) ? peer : undefined);
		if (!namespacePeer || !podPeer) {
			return [];
		}

		const namespaces = selectorText(namespacePeer.namespaceSelector!);
		const pods = selectorText(podPeer.podSelector!);
		return [at('or-instead-of-and', ['spec', direction, index, peersField[direction], position + 1], `peers ${position + 1} and ${position + 2} are separate, so either admits (OR): every pod in namespaces ${namespaces}, and pods ${pods} in ${policy.namespace}. For pods ${pods} in namespaces ${namespaces} (AND), write both selectors in one peer: remove the dash before the second selector`)];
	}));
}

function policyTypesWithoutRules(policy: NetworkPolicy, at: At): LintWarning[] {
	if (policy.isPolicyTypesDefaulted) {
		return [];
	}

	return directions.flatMap(direction => {
		const type = policyTypeOf[direction];
		const other = direction === 'ingress' ? 'egress' : 'ingress';
		const isListed = policy.policyTypes.includes(type);
		if (isListed && policy[direction].length === 0 && policy[other].length > 0) {
			return [at('direction-without-rules', ['spec', 'policyTypes', policy.policyTypes.indexOf(type)], `lists ${type} but the policy has no ${direction} rules, so it denies all ${direction} of the pods it selects${direction === 'egress' ? ' (their DNS lookups too)' : ''}. Intended? If not, remove ${type} from policyTypes or add ${direction} rules`)];
		}

		if (!isListed && policy[direction].length > 0) {
			const count = policy[direction].length;
			return [at('ignored-rules', ['spec', direction], `${count} ${direction} ${count === 1 ? 'rule is' : 'rules are'} ignored: policyTypes does not list ${type}; add ${type} to policyTypes`)];
		}

		return [];
	});
}

// A port without protocol is TCP; on a port that is mostly UDP that is rarely what was meant.
function portsWithoutProtocol(policy: NetworkPolicy, written: unknown, at: At): LintWarning[] {
	return rulesOf(policy).flatMap(({direction, rule, index}) => rule.ports.flatMap((entry, position) => {
		const service = typeof entry.port === 'number' && entry.endPort === undefined ? wellKnownUdpPorts.get(entry.port) : undefined;
		if (entry.protocol !== 'TCP' || !service || hasUdpTwin(rule.ports, entry.port as number) || isProtocolWritten(written, direction, index, position)) {
			return [];
		}

		return [at('port-without-protocol', ['spec', direction, index, 'ports', position, 'port'], `port ${String(entry.port)} has no protocol, so it means TCP only; ${String(entry.port)} is ${service}, which is UDP: add protocol: UDP${entry.port === 53 ? ' (and keep a TCP entry: DNS uses both)' : ''}`)];
	}));
}

function hasUdpTwin(ports: readonly PolicyPort[], port: number): boolean {
	return ports.some(entry => entry.protocol === ('UDP' satisfies Protocol) && (entry.port === undefined || (typeof entry.port === 'number' && entry.port <= port && port <= (entry.endPort ?? entry.port))));
}

// Unknown (no written form) counts as not written: the warning says what the default means.
function isProtocolWritten(written: unknown, direction: Direction, rule: number, port: number): boolean {
	const entry = (written as {spec?: Record<string, Array<{ports?: Array<Record<string, unknown>>}>>} | undefined)?.spec?.[direction]?.[rule]?.ports?.[port];
	return entry?.['protocol'] !== undefined && entry['protocol'] !== null;
}

function ipBlocksCoveringPods(cluster: Cluster, index: number, at: At): LintWarning[] {
	const compiled = cluster.policies[index]!;
	return directions.flatMap(direction => compiled[direction].flatMap((rule, ruleIndex) => rule.peers.flatMap((peer, peerIndex) => {
		if (!peer.ipBlock) {
			return [];
		}

		const members = peerMembers(cluster, peer);
		const pods = cluster.pods.filter((_, pod) => bitsetHas(members, pod)).map(pod => `${pod.namespace}/${pod.name}`);
		if (pods.length === 0) {
			return [];
		}

		const named = pods.slice(0, 3).join(', ') + (pods.length > 3 ? `, and ${pods.length - 3} more` : '');
		return [at('ip-block-covers-pods', ['spec', direction, ruleIndex, peersField[direction], peerIndex, 'ipBlock', 'cidr'], `ipBlock ${peer.peer.ipBlock!.cidr} covers the IPs of ${pods.length} ${pods.length === 1 ? 'pod' : 'pods'} (${named}). Pod IPs change as pods come and go, and network plugins differ on ipBlock for pod traffic: select pods with podSelector or namespaceSelector, and leave the pod network out with except`)];
	})));
}
