// The classic NetworkPolicy mistakes, recognised in a submission so that grading feedback can
// name them. Pure: a submission and the cluster in, sentences out.
import type {ClusterObjects, LabelSelector, NetworkPolicy, Rule} from '../kube/types.js';
import type {RequiredPolicy} from '../content/challenge-types.js';
import {selectorMatches} from '../evaluator/selector.js';
import {formatFieldPath} from '../kube/issue.js';
import {type LintCode, lintPolicies} from './lint.js';

const isEmpty = (selector: LabelSelector | undefined) => selector !== undefined && Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;

function policyName(policy: NetworkPolicy): string {
	return `${policy.namespace}/${policy.name}`;
}

function rulesWithPeers(policy: NetworkPolicy): Array<{rule: Rule; field: 'from' | 'to'}> {
	return [...policy.ingress.map(rule => ({rule, field: 'from' as const})), ...policy.egress.map(rule => ({rule, field: 'to' as const}))];
}

function everyNamespace(policy: NetworkPolicy): string[] {
	return rulesWithPeers(policy).some(({rule}) => rule.peers.some(peer => isEmpty(peer.namespaceSelector) && !peer.podSelector))
		? [`${policyName(policy)}: namespaceSelector: {} matches every namespace, so that peer admits every pod in the cluster.`]
		: [];
}

function podSelectorOutsideItsNamespace(policy: NetworkPolicy, cluster: ClusterObjects): string[] {
	const notes: string[] = [];
	for (const {rule} of rulesWithPeers(policy)) {
		for (const peer of rule.peers) {
			if (!peer.podSelector || peer.namespaceSelector || isEmpty(peer.podSelector)) {
				continue;
			}

			const matching = cluster.pods.filter(pod => selectorMatches(peer.podSelector!, pod.labels));
			if (matching.length > 0 && matching.every(pod => pod.namespace !== policy.namespace)) {
				notes.push(`${policyName(policy)}: a podSelector peer only looks in the policy's own namespace (${policy.namespace}); the pods it names are in ${[...new Set(matching.map(pod => pod.namespace))].join(', ')}: add a namespaceSelector to the same peer.`);
			}
		}
	}

	return notes;
}

// An egress policy that isolates pods but allows nothing on port 53 cuts name resolution; said
// only when a DNS case that should pass was denied (a task may well ask for no DNS at all).
function dnsCut(policy: NetworkPolicy, denied: readonly DeniedFlow[]): string[] {
	if (!policy.policyTypes.includes('Egress') || !denied.some(flow => flow.port === 53)) {
		return [];
	}

	const allowsDns = policy.egress.some(rule => rule.ports.length === 0 || rule.ports.some(port => port.port === undefined || port.port === 53 || (typeof port.port === 'number' && port.endPort !== undefined && port.port <= 53 && port.endPort >= 53)));
	return allowsDns ? [] : [`${policyName(policy)}: it isolates egress and allows nothing on port 53, so the selected pods cannot resolve names (DNS is UDP and TCP 53 to kube-dns).`];
}

// A UDP flow that should pass was denied, and its port is written in a TCP entry (the default
// when no protocol is given) but in no UDP entry.
function portsWithoutProtocol(policy: NetworkPolicy, denied: readonly DeniedFlow[]): string[] {
	const entries = rulesWithPeers(policy).flatMap(({rule}) => rule.ports);
	const covers = (protocol: string, port: number) => entries.some(entry => entry.protocol === protocol && typeof entry.port === 'number' && entry.port <= port && port <= (entry.endPort ?? entry.port));
	return denied.some(flow => flow.protocol === 'UDP' && covers('TCP', flow.port) && !covers('UDP', flow.port))
		? [`${policyName(policy)}: a port without protocol means TCP; UDP traffic needs protocol: UDP.`]
		: [];
}

// Egress written into policyTypes with no egress rule denies all the selected pods send: often
// copied from a default-deny example into a task about ingress. Said when a case from such a pod,
// which should pass, was denied.
function egressCutByPolicyTypes(policy: NetworkPolicy, cluster: ClusterObjects, denied: readonly DeniedFlow[]): string[] {
	if (policy.isPolicyTypesDefaulted || !policy.policyTypes.includes('Egress') || policy.egress.length > 0) {
		return [];
	}

	const isSelected = (reference: string | undefined) => cluster.pods.some(pod => `${pod.namespace}/${pod.name}` === reference && pod.namespace === policy.namespace && selectorMatches(policy.podSelector, pod.labels));
	return denied.some(flow => isSelected(flow.from))
		? [`${policyName(policy)}: policyTypes lists Egress and there is no egress rule, so the pods it selects can send nothing; list Egress only when the task limits outgoing traffic.`]
		: [];
}

function wrongNamespace(submission: readonly NetworkPolicy[], required: readonly RequiredPolicy[]): string[] {
	return required.flatMap(wanted => {
		const sameName = submission.filter(policy => policy.name === wanted.name && policy.namespace !== wanted.namespace);
		return sameName.map(policy => `${policyName(policy)} is in namespace ${policy.namespace}; the task asks for it in ${wanted.namespace} (metadata.namespace, or kubectl -n).`);
	});
}

/** A case that should have passed but was denied: its port and protocol, and its source (`namespace/pod`, or an address). */
export type DeniedFlow = {readonly port: number; readonly protocol: string; readonly from?: string};

// The lints that read a policy on its own (and the pods), said in every failed grade. The lints
// about DNS, protocols and policyTypes without rules are said above only when a denied case
// shows them to matter: a task may well ask for no DNS, or for all egress denied.
const gradingLints: ReadonlySet<LintCode> = new Set<LintCode>(['selects-no-pod', 'namespace-without-pods', 'or-instead-of-and', 'ip-block-covers-pods', 'ignored-rules']);

function lintNotes(submission: readonly NetworkPolicy[], cluster: ClusterObjects): string[] {
	const {warnings} = lintPolicies({namespaces: cluster.namespaces, pods: cluster.pods, policies: submission});
	return warnings
		.filter(warning => gradingLints.has(warning.code))
		.map(warning => `${policyName(submission[warning.policy]!)}: ${formatFieldPath(warning.path)}: ${warning.message}`);
}

/** The classic mistakes in a submission, as sentences, given the cases it denied that should pass. */
export function recognizeMistakes(submission: readonly NetworkPolicy[], cluster: ClusterObjects, required: readonly RequiredPolicy[], denied: readonly DeniedFlow[]): string[] {
	return [
		...wrongNamespace(submission, required),
		...lintNotes(submission, cluster),
		...submission.flatMap(policy => [
			...everyNamespace(policy),
			...podSelectorOutsideItsNamespace(policy, cluster),
			...egressCutByPolicyTypes(policy, cluster, denied),
			...dnsCut(policy, denied),
			...portsWithoutProtocol(policy, denied),
		]),
	];
}
