// Grading a submission: its NetworkPolicies applied over the challenge's cluster (a submitted
// policy replaces a cluster policy of the same namespace and name, as `kubectl apply` would),
// then every hidden case decided by the evaluator. Pure.
import type {Challenge, RequiredPolicy} from '../model/challenge.js';
import type {FlowSpec} from '../model/flow-spec.js';
import {type AddressRange, type Verdict, compileCluster, decide, formatAddress, hasProblems, resolvePodFlow, summarizeDecision} from '../evaluator/index.js';
import type {LabelSelector, NetworkPolicy} from '../model/kubernetes.js';
import {type LabelDifference, describeLabelDifference, labelDifferences, relabelled, selectorKeys} from './labels.js';
import {type Relabelling, noRelabelling} from '../model/relabelling.js';
import {recognizeMistakes} from './mistakes.js';
import {type Counterexample, type Proof, type ProofEnd, type TellingHints, familiesExcept, proveEquivalent} from './proof.js';

/** A hidden case the submission got wrong, and the evaluator's reason. */
export type CaseFailure = {
	readonly flow: FlowSpec;
	readonly expected: Verdict;
	readonly got: Verdict;
	readonly reason: string;
};

export type GradeReport = {
	readonly challenge: string;
	readonly passed: boolean;
	/** Cases passed over cases, 0..1; 1 only for a pass (all cases holding in a failed grade score N/(N+1)). */
	readonly score: number;
	readonly cases: {readonly total: number; readonly passed: number};
	/** Policies the task asks for that the submission does not create. */
	readonly missingPolicies: readonly RequiredPolicy[];
	/** Policies of the cluster that the task does not ask for, which the submission rewrites. */
	readonly changedPolicies: readonly RequiredPolicy[];
	/** Policies the submission adds beside those the task names, where the task allows no helper policy. */
	readonly extraPolicies: readonly RequiredPolicy[];
	/** Wrong cases: allowed-but-should-be-denied first (a hole is worse than an outage), then in case order. */
	readonly failures: readonly CaseFailure[];
	/** Classic mistakes recognised in the submission, when it did not pass. */
	readonly mistakes: readonly string[];
	/** Whether the submission decides every flow as the reference does, and where not, a counterexample. */
	readonly proof: Proof;
	/** Cluster policies the task does not name that a whole-cluster answer (the exam shell's) deleted; absent when none. */
	readonly deletedPolicies?: readonly RequiredPolicy[];
	/** Namespaces and pods labelled otherwise than the task asks, on keys a selector names; absent when none. */
	readonly labelDifferences?: readonly LabelDifference[];
	/** The cluster's namespaces (`ns`) and pods (`ns/name`) that a whole-cluster answer deleted; absent when none. */
	readonly deletedObjects?: readonly string[];
};

/**
How the learner's answer is given: policies applied over the cluster's (a file), or the whole
cluster's policies (the exam shell's state, where deleting one counts), and the labels the
learner put on the cluster's namespaces and pods.
*/
export type Answer = {
	readonly isWholeCluster?: boolean;
	readonly relabelling?: Relabelling;
};

const keyOf = (policy: {readonly namespace: string; readonly name: string}) => `${policy.namespace}/${policy.name}`;

/** What a policy means, as a string: whether policyTypes were written or defaulted, or their order, changes nothing. */
export function policyMeaning(policy: NetworkPolicy): string {
	// Label maps and value lists have no order: kubectl writes them sorted whatever the file said.
	return JSON.stringify({...policy, isPolicyTypesDefaulted: undefined, policyTypes: [...policy.policyTypes].sort()}, (_key, value: unknown) => {
		if (isSelector(value)) {
			return {
				matchLabels: Object.fromEntries(Object.entries(value.matchLabels).sort(([left], [right]) => (left < right ? -1 : 1))),
				matchExpressions: value.matchExpressions.map(requirement => ({...requirement, values: [...requirement.values].sort()})),
			};
		}

		return value;
	});
}

function isSelector(value: unknown): value is LabelSelector {
	return typeof value === 'object' && value !== null && 'matchLabels' in value && 'matchExpressions' in value;
}

/** The cluster's policies with the submission applied over them. */
export function appliedPolicies(challenge: Challenge, submission: readonly NetworkPolicy[]): NetworkPolicy[] {
	const submitted = new Set(submission.map(policy => keyOf(policy)));
	return [...challenge.cluster.policies.filter(policy => !submitted.has(keyOf(policy))), ...submission];
}

/** The policies the learner's cluster holds. */
function learnerPolicies(challenge: Challenge, submission: readonly NetworkPolicy[], answer: Answer): readonly NetworkPolicy[] {
	return answer.isWholeCluster === true ? submission : appliedPolicies(challenge, submission);
}

// The cluster's namespaces and pods that a whole cluster no longer holds, as `ns` and `ns/name`.
function missingObjects(cluster: Challenge['cluster'], present: Relabelling): string[] {
	const namespaces = new Set(present.namespaces.map(namespace => namespace.name));
	const pods = new Set(present.pods.map(pod => `${pod.namespace}/${pod.name}`));
	return [
		...cluster.namespaces.filter(namespace => !namespaces.has(namespace.name)).map(namespace => `namespace ${namespace.name}`),
		...cluster.pods.filter(pod => pod.workloadKind === undefined && !pods.has(`${pod.namespace}/${pod.name}`)).map(pod => `pod ${pod.namespace}/${pod.name}`),
	];
}

/** The reference's own answer: its policies come with the labels solution.yaml sets. */
export function referenceAnswer(challenge: Challenge): Answer {
	return challenge.solutionRelabelling ? {relabelling: challenge.solutionRelabelling} : {};
}

/** The cluster the task asks for: the challenge's, with the labels the solution sets. */
export function expectedCluster(challenge: Challenge): Challenge['cluster'] {
	return relabelled(challenge.cluster, challenge.solutionRelabelling ?? noRelabelling);
}

/**
The hidden cases the submission gets wrong, with the evaluator's reason: holes (allowed but
should be denied) first, then outages, each in case order. The cases alone, without the proof:
what pack checks need, and the first feedback of a grade.
*/
export function caseFailures(challenge: Challenge, submission: readonly NetworkPolicy[], answer: Answer = {}): CaseFailure[] {
	return failuresOn(challenge, learnerCluster(challenge, answer), learnerPolicies(challenge, submission, answer));
}

/** The cluster the learner's answer leaves: the challenge's, with the labels they set. */
function learnerCluster(challenge: Challenge, answer: Answer): Challenge['cluster'] {
	return relabelled(challenge.cluster, answer.relabelling ?? noRelabelling);
}

// The cases decided on the learner's cluster with their policies.
function failuresOn(challenge: Challenge, objects: Challenge['cluster'], policies: readonly NetworkPolicy[]): CaseFailure[] {
	const cluster = compileCluster({...objects, policies});
	const failures: CaseFailure[] = [];
	for (const flow of challenge.cases) {
		const resolved = resolvePodFlow(cluster, flow, 'cluster.yaml');
		if (hasProblems(resolved)) {
			throw new TypeError(`Bug: case ${flow.from} -> ${flow.to} of ${challenge.id} passed the pack checks but does not resolve`);
		}

		const decision = decide(cluster, resolved);
		if (decision.verdict !== flow.expect) {
			failures.push({flow, expected: flow.expect ?? 'allow', got: decision.verdict, reason: summarizeDecision(cluster, decision)});
		}
	}

	return [...failures.filter(failure => failure.got === 'allow'), ...failures.filter(failure => failure.got === 'deny')];
}

export function grade(challenge: Challenge, submission: readonly NetworkPolicy[], answer: Answer = {}): GradeReport {
	const yourCluster = learnerCluster(challenge, answer);
	const yours = learnerPolicies(challenge, submission, answer);
	const failures = failuresOn(challenge, yourCluster, yours);
	const submitted = new Set(submission.map(policy => keyOf(policy)));
	const missingPolicies = challenge.policies.filter(policy => !submitted.has(keyOf(policy)));
	const total = challenge.cases.length;
	const passedCases = total - failures.length;
	const expected = expectedCluster(challenge);
	const reference = appliedPolicies(challenge, challenge.solution);
	// Labels first: where they agree on every key a selector names, the learner's cluster decides
	// every flow as the expected one does, and the proof on the expected cluster is exact.
	const labels = labelDifferences(yourCluster, expected, selectorKeys([...reference, ...yours]));
	const proof = proveEquivalent(expected, reference, yours, familiesExcept(Object.keys(challenge.probesOff ?? {})), tellingHints(challenge));
	// A policy the task leaves alone stays as it is, even where a rewrite changes no verdict.
	const asked = new Set(challenge.policies.map(policy => keyOf(policy)));
	const changedPolicies = submission.filter(policy => !asked.has(keyOf(policy)) && challenge.cluster.policies.some(existing =>
		keyOf(existing) === keyOf(policy) && policyMeaning(existing) !== policyMeaning(policy))).map(({name, namespace}) => ({name, namespace}));
	const existing = new Set(challenge.cluster.policies.map(policy => keyOf(policy)));
	const extraPolicies = challenge.helperPolicies === false
		? submission.filter(policy => !asked.has(keyOf(policy)) && !existing.has(keyOf(policy))).map(({name, namespace}) => ({name, namespace}))
		: [];
	// The cases are examples; the proof decides. A reference that fails its own cases is a broken
	// pack (pack validate says so), and no submission passes it.
	const deletedPolicies = answer.isWholeCluster === true ? challenge.cluster.policies.filter(policy => !asked.has(keyOf(policy)) && !submitted.has(keyOf(policy))).map(({name, namespace}) => ({name, namespace})) : [];
	// A whole cluster without one of the task's namespaces or pods is no answer to it: grading it
	// as if the object were still there, with its old labels, would pass what kubectl lost.
	const deletedObjects = answer.isWholeCluster === true && answer.relabelling ? missingObjects(challenge.cluster, answer.relabelling) : [];
	const passed = proof.isEquivalent && failures.length === 0 && missingPolicies.length + changedPolicies.length + extraPolicies.length + deletedPolicies.length + labels.length + deletedObjects.length === 0;
	const denied = failures.filter(failure => failure.got === 'deny').map(failure => failure.flow);
	return {
		challenge: challenge.id,
		passed,
		score: scoreOf(passedCases, total, passed),
		cases: {total, passed: passedCases},
		missingPolicies,
		changedPolicies,
		extraPolicies,
		failures,
		mistakes: passed ? [] : recognizeMistakes(submission, yourCluster, challenge.policies, denied, {reference: challenge.solution, ...(proof.isEquivalent ? {} : {focus: proof.counterexample.direction})}),
		proof,
		...(deletedPolicies.length > 0 ? {deletedPolicies} : {}),
		...(labels.length > 0 ? {labelDifferences: labels} : {}),
		...(deletedObjects.length > 0 ? {deletedObjects} : {}),
	};
}

// The flows and ports a learner will recognise in a counterexample: the cases', then the
// reference's ports.
function tellingHints(challenge: Challenge): TellingHints {
	const referencePorts = challenge.solution.flatMap(policy => [...policy.ingress, ...policy.egress]).flatMap(rule => rule.ports)
		.flatMap(entry => (typeof entry.port === 'number' ? [{port: entry.port, protocol: entry.protocol}] : []));
	return {flows: challenge.cases, ports: [...challenge.cases, ...referencePorts]};
}

// The share of hidden cases that hold; when they all hold and the grade still fails (the proof
// found a difference, or a policy is missing), that counts as one more case failed, so that only
// a pass scores 100%.
function scoreOf(passedCases: number, total: number, passed: boolean): number {
	if (passed) {
		return 1;
	}

	return passedCases === total ? total / (total + 1) : passedCases / total;
}

/** A failed case in words: "default/web -> default/db TCP 3306 should be denied; your policies allow it". */
export function describeFailure(failure: CaseFailure): string {
	const {flow} = failure;
	const should = failure.expected === 'allow' ? 'allowed' : 'denied';
	const actual = failure.got === 'allow' ? 'allow' : 'deny';
	return `${flow.from} -> ${flow.to} ${flow.protocol} ${flow.port} should be ${should}; your policies ${actual} it`;
}

function endText(end: ProofEnd): string {
	return end.kind === 'pod' ? end.pod : end.address;
}

/**
A counterexample in words, the sentence first: "default/web -> default/db TCP 3306: your
policies allow it at the ingress of default/db; the task denies it." Then what a probe pod stands
for, where else the same holds, and the evaluator's reason for both decisions.
*/
export function describeCounterexample(counterexample: Counterexample): string[] {
	const {from, to, port, protocol, ports, direction, yours, expected} = counterexample;
	const self = direction === 'egress' ? from : to;
	const lines = [`${endText(from)} -> ${endText(to)} ${protocol} ${port}: your policies ${yours} it at the ${direction} of ${endText(self)}; the task ${expected === 'allow' ? 'allows' : 'denies'} it.`];
	for (const end of [from, to]) {
		if (end.kind === 'pod' && end.probe) {
			lines.push(`${end.pod} is not in the cluster yet: it stands for ${end.probe.description}, and a policy must hold for the pods to come.`);
		}
	}

	const isOnePort = ports.length === 1 && ports[0]!.first === ports[0]!.last;
	const isOneAddress = counterexample.addresses.length === 1 && counterexample.addresses[0]!.first === counterexample.addresses[0]!.last;
	const elsewhere = [
		...(isOnePort ? [] : [`${protocol} ports ${ports.map(range => (range.first === range.last ? String(range.first) : `${range.first}-${range.last}`)).join(', ')}`]),
		...(counterexample.addresses.length === 0 || isOneAddress ? [] : [`${addressesText(counterexample.addresses)} (pods' IPs aside)`]),
	];
	if (elsewhere.length > 0) {
		lines.push(`This difference spans ${elsewhere.join(', on ')}.`);
	}

	if (counterexample.isMasked) {
		const other = direction === 'egress' ? `ingress of ${endText(to)}` : `egress of ${endText(from)}`;
		lines.push(`Today the whole flow gets the same verdict either way, because of the ${other}; each side must still be right on its own, as the other may change.`);
	}

	lines.push(`yours: ${counterexample.yoursReason}`, `the task's: ${counterexample.expectedReason}`);
	return lines;
}

// "every IPv4 and IPv6 address" for whole families, else the ranges, the first few of many.
function addressesText(ranges: readonly AddressRange[]): string {
	const isWhole = (range: AddressRange) => range.first === 0n && range.last === (range.family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n);
	const families = ranges.filter(range => isWhole(range)).map(range => `IPv${range.family}`);
	const texts = ranges.filter(range => !isWhole(range)).map(range => `${formatAddress({family: range.family, value: range.first})}-${formatAddress({family: range.family, value: range.last})}`);
	const shown = texts.length > 4 ? [...texts.slice(0, 3), `${texts.length - 3} more ranges`] : texts;
	return [...(families.length > 0 ? [`every ${families.join(' and ')} address`] : []), ...(shown.length > 0 ? [`addresses ${shown.join(', ')}`] : [])].join(' and ');
}

/**
What a failed grade is about, most important first: a policy the task asks for is missing, some
hidden cases fail, or only the proof found a difference. Undefined for a pass.
*/
export function failureHeadline(report: GradeReport, answer: 'your file' | 'your cluster' = 'your file'): string | undefined {
	if (report.passed) {
		return undefined;
	}

	const {total, passed} = report.cases;
	const missing = report.missingPolicies.map(policy => `NetworkPolicy ${policy.namespace}/${policy.name}`);
	if (missing.length > 0) {
		return `the task asks for ${missing.join(' and ')}, and ${answer} has no such policy (${passed} of ${total} hidden cases hold)`;
	}

	const changed = report.changedPolicies.map(policy => `NetworkPolicy ${policy.namespace}/${policy.name}`);
	if (changed.length > 0) {
		return `${answer} rewrites ${changed.join(' and ')} of the cluster, which the task does not ask you to change (${passed} of ${total} hidden cases hold)`;
	}

	const deleted = (report.deletedPolicies ?? []).map(policy => `NetworkPolicy ${policy.namespace}/${policy.name}`);
	if (deleted.length > 0) {
		return `your cluster no longer has ${deleted.join(' and ')}, which the task does not ask you to remove (${passed} of ${total} hidden cases hold)`;
	}

	const gone = report.deletedObjects ?? [];
	if (gone.length > 0) {
		return `your cluster no longer has ${gone.join(' and ')}, which the task does not ask you to delete (${passed} of ${total} hidden cases hold)`;
	}

	const [label] = report.labelDifferences ?? [];
	if (label) {
		return `${describeLabelDifference(label)}${(report.labelDifferences ?? []).length > 1 ? ` (and ${(report.labelDifferences ?? []).length - 1} more)` : ''} (${passed} of ${total} hidden cases hold)`;
	}

	const extra = report.extraPolicies.map(policy => `NetworkPolicy ${policy.namespace}/${policy.name}`);
	if (extra.length > 0) {
		return `${answer} adds ${extra.join(' and ')}, and the task asks for the policies it names to do it alone (${passed} of ${total} hidden cases hold)`;
	}

	if (passed === total) {
		return `all ${total} hidden cases hold, but your policies differ from the task on a flow no case tests`;
	}

	return `${passed} of ${total} hidden cases hold (${Math.round(report.score * 100)}%)`;
}

/** The failed cases left to list once the counterexample is said: the one it repeats is left out. */
export function failuresBesideCounterexample(report: GradeReport): readonly CaseFailure[] {
	if (report.proof.isEquivalent) {
		return report.failures;
	}

	const {from, to, protocol, port} = report.proof.counterexample;
	return report.failures.filter(({flow}) => flow.from !== endText(from) || flow.to !== endText(to) || flow.protocol !== protocol || flow.port !== port);
}
