// The classic NetworkPolicy mistakes, recognised in a submission so that grading feedback can
// name them. Pure: a submission and the cluster in, sentences out.
import type {ClusterObjects, LabelSelector, NetworkPolicy, Rule} from '../model/kubernetes.js';
import {type Direction, selectorMatches} from '../evaluator/index.js';
import type {RequiredPolicy} from '../model/challenge.js';
import {formatFieldPath} from '../kube/issue.js';
import {isEmptySelector} from '../kube/label-selector.js';
import {type LintCode, type LintWarning, lintPolicies} from './lint.js';

const isEmpty = (selector: LabelSelector | undefined) => selector !== undefined && isEmptySelector(selector);

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

function wrongNamespace(submission: readonly NetworkPolicy[], required: readonly RequiredPolicy[]): string[] {
	return required.flatMap(wanted => {
		const sameName = submission.filter(policy => policy.name === wanted.name && policy.namespace !== wanted.namespace);
		return sameName.map(policy => `${policyName(policy)} is in namespace ${policy.namespace}; the task asks for it in ${wanted.namespace} (metadata.namespace, or kubectl -n).`);
	});
}

/** A case that should have passed but was denied: its port and protocol, and its ends (`namespace/pod`, or an address). */
export type DeniedFlow = {readonly port: number; readonly protocol: string; readonly from?: string; readonly to?: string};

// The lints whose warning matters only when a failed case shows it: a task may well ask for no
// DNS, for all egress denied, or for TCP only. They are run over the cluster's policies with the
// submission applied, so a DNS rule in another policy that selects the same pods counts.
function contextLintNotes(submission: readonly NetworkPolicy[], cluster: ClusterObjects, denied: readonly DeniedFlow[]): Note[] {
	const submitted = new Set(submission.map(policy => policyName(policy)));
	const applied = [...cluster.policies.filter(policy => !submitted.has(policyName(policy))), ...submission];
	const offset = applied.length - submission.length;
	const {warnings} = lintPolicies({namespaces: cluster.namespaces, pods: cluster.pods, policies: applied});
	const isSelected = (policy: NetworkPolicy, reference: string | undefined) => cluster.pods.some(pod => `${pod.namespace}/${pod.name}` === reference && pod.namespace === policy.namespace && selectorMatches(policy.podSelector, pod.labels));
	const matters = (warning: LintWarning): boolean => {
		const policy = applied[warning.policy]!;
		switch (warning.code) {
			case 'no-dns-egress': {
				return denied.some(flow => flow.port === 53 && isSelected(policy, flow.from));
			}

			case 'direction-without-rules': {
				const type = policy.policyTypes[warning.path[2] as number];
				return denied.some(flow => isSelected(policy, type === 'Egress' ? flow.from : flow.to));
			}

			default: {
				return false;
			}
		}
	};

	return warnings
		.filter(warning => warning.policy >= offset && matters(warning))
		.map(warning => lintNote(applied[warning.policy]!, warning));
}

// The lints that read a policy on its own (and the pods), said in every failed grade. The lints
// about DNS, protocols and policyTypes without rules are said above only when a denied case
// shows them to matter: a task may well ask for no DNS, or for all egress denied.
const gradingLints: ReadonlySet<LintCode> = new Set<LintCode>(['selects-no-pod', 'namespace-without-pods', 'or-instead-of-and', 'ip-block-covers-pods', 'ignored-rules']);

/** A note on a policy (`namespace/name`), by the check that gave it. */
type Note = {readonly policy: string; readonly code: string; readonly text: string};

function lintNote(policy: NetworkPolicy, warning: LintWarning): Note {
	return {policy: policyName(policy), code: warning.code, text: `${policyName(policy)}: ${formatFieldPath(warning.path)}: ${warning.message}`};
}

function lintNotes(submission: readonly NetworkPolicy[], cluster: ClusterObjects): Note[] {
	const {warnings} = lintPolicies({namespaces: cluster.namespaces, pods: cluster.pods, policies: submission});
	return warnings
		.filter(warning => gradingLints.has(warning.code))
		.map(warning => lintNote(submission[warning.policy]!, warning));
}

// A UDP case that should pass was denied, and its port is in a TCP entry of the policy but in no
// UDP entry. Typed policies do not say whether TCP was written or defaulted, so the note is true
// either way (the lint, which has the written form, can say "no protocol").
function udpWrittenAsTcp(policy: NetworkPolicy, denied: readonly DeniedFlow[]): string[] {
	const entries = [...policy.ingress, ...policy.egress].flatMap(rule => rule.ports);
	const covers = (protocol: string, port: number) => entries.some(entry => entry.protocol === protocol && typeof entry.port === 'number' && entry.port <= port && port <= (entry.endPort ?? entry.port));
	return denied.some(flow => flow.protocol === 'UDP' && covers('TCP', flow.port) && !covers('UDP', flow.port))
		? [`${policyName(policy)}: a port entry admits TCP only (TCP is the default when no protocol is written); UDP traffic needs its own entry with protocol: UDP.`]
		: [];
}

// A direction the task isolates that the submission's policy of the same name leaves open, or
// the other way round. The missing one is the classic: policyTypes left out of an egress policy
// with no egress rules defaults to Ingress alone, so "default deny egress" denies ingress.
// Said only for the direction the counterexample is in: elsewhere the difference changes nothing
// (another policy isolates that direction anyway).
function policyTypesAgainstReference(policy: NetworkPolicy, reference: readonly NetworkPolicy[], focus: Direction | undefined): string[] {
	const wanted = reference.find(candidate => policyName(candidate) === policyName(policy));
	const focusType = focus === 'ingress' ? 'Ingress' : 'Egress';
	if (!wanted || focus === undefined || wanted.policyTypes.includes(focusType) === policy.policyTypes.includes(focusType)) {
		return [];
	}

	const written = (types: readonly string[]) => `[${types.join(', ')}]`;
	if (policy.isPolicyTypesDefaulted) {
		return [`${policyName(policy)}: policyTypes is not written, so the API server sets it to ${written(policy.policyTypes)} (Egress only when there are egress rules); the task needs this policy to isolate ${written(wanted.policyTypes)}: write policyTypes.`];
	}

	return wanted.policyTypes.includes(focusType)
		? [`${policyName(policy)}: policyTypes does not list ${focusType}, so this policy leaves ${focus} open; the task has it isolate ${focus}.`]
		: [`${policyName(policy)}: policyTypes lists ${focusType}, so the pods it selects lose the ${focus} no rule allows; the task leaves their ${focus} alone.`];
}

// Every note that the policies give, each with the policy it is about.
function notesOf(policies: readonly NetworkPolicy[], cluster: ClusterObjects, denied: readonly DeniedFlow[]): Note[] {
	return [
		...lintNotes(policies, cluster),
		...contextLintNotes(policies, cluster, denied),
		...policies.flatMap(policy => {
			const said = (code: string) => (text: string): Note => ({policy: policyName(policy), code, text});
			return [
				...everyNamespace(policy).map(said('every-namespace')),
				...podSelectorOutsideItsNamespace(policy, cluster).map(said('pod-selector-elsewhere')),
				...udpWrittenAsTcp(policy, denied).map(said('udp-as-tcp')),
			];
		}),
	];
}

/** The reference solution, and the direction the counterexample is in, when grading has them. */
export type ReferenceContext = {readonly reference: readonly NetworkPolicy[]; readonly focus?: Direction};

/**
The classic mistakes in a submission, as sentences, given the cases it denied that should pass.
A kind of note the reference solution would get too is not said: it would send the learner away
from a right answer (an ipBlock of 0.0.0.0/0 may well be what the task asks for).
*/
export function recognizeMistakes(submission: readonly NetworkPolicy[], cluster: ClusterObjects, required: readonly RequiredPolicy[], denied: readonly DeniedFlow[], against: ReferenceContext = {reference: []}): string[] {
	const {reference, focus} = against;
	const referenceNotes = new Set(notesOf(reference, cluster, denied).map(note => note.code));
	const typeNotes = submission.map(policy => ({policy: policyName(policy), notes: policyTypesAgainstReference(policy, reference, focus)}));
	// The note on policyTypes says what the lint on a type without rules would, and says it against the task.
	const saidOnTypes = new Set(typeNotes.filter(({notes}) => notes.length > 0).map(({policy}) => policy));
	return [
		...wrongNamespace(submission, required),
		...typeNotes.flatMap(({notes}) => notes),
		...notesOf(submission, cluster, denied)
			.filter(note => !referenceNotes.has(note.code) && !(note.code === 'direction-without-rules' && saidOnTypes.has(note.policy)))
			.map(note => note.text),
	];
}
