// Grading a submission: its NetworkPolicies applied over the challenge's cluster (a submitted
// policy replaces a cluster policy of the same namespace and name, as `kubectl apply` would),
// then every hidden case decided by the evaluator. Pure.
import type {Challenge, RequiredPolicy} from '../content/challenge-types.js';
import type {FlowSpec} from '../content/flow-spec.js';
import {compileCluster, decide, formatAddress, resolveEndpoint} from '../evaluator/index.js';
import type {AddressRange} from '../evaluator/diff.js';
import {summarizeDecision} from '../evaluator/describe.js';
import type {Verdict} from '../evaluator/types.js';
import type {NetworkPolicy} from '../kube/types.js';
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
	/** Cases passed over cases, 0..1. */
	readonly score: number;
	readonly cases: {readonly total: number; readonly passed: number};
	/** Policies the task asks for that the submission does not create. */
	readonly missingPolicies: readonly RequiredPolicy[];
	/** Wrong cases: allowed-but-should-be-denied first (a hole is worse than an outage), then in case order. */
	readonly failures: readonly CaseFailure[];
	/** Classic mistakes recognised in the submission, when it did not pass. */
	readonly mistakes: readonly string[];
	/** Whether the submission decides every flow as the reference does, and where not, a counterexample. */
	readonly proof: Proof;
};

const keyOf = (policy: {readonly namespace: string; readonly name: string}) => `${policy.namespace}/${policy.name}`;

/** The cluster's policies with the submission applied over them. */
export function appliedPolicies(challenge: Challenge, submission: readonly NetworkPolicy[]): NetworkPolicy[] {
	const submitted = new Set(submission.map(policy => keyOf(policy)));
	return [...challenge.cluster.policies.filter(policy => !submitted.has(keyOf(policy))), ...submission];
}

export function grade(challenge: Challenge, submission: readonly NetworkPolicy[]): GradeReport {
	const cluster = compileCluster({...challenge.cluster, policies: appliedPolicies(challenge, submission)});
	const failures: CaseFailure[] = [];
	for (const flow of challenge.cases) {
		const source = resolveEndpoint(cluster, flow.from);
		const destination = resolveEndpoint(cluster, flow.to);
		if (typeof source === 'string' || typeof destination === 'string') {
			throw new TypeError(`Bug: case ${flow.from} -> ${flow.to} of ${challenge.id} passed the pack checks but does not resolve`);
		}

		const decision = decide(cluster, {source, destination, port: flow.port, protocol: flow.protocol});
		if (decision.verdict !== flow.expect) {
			failures.push({flow, expected: flow.expect ?? 'allow', got: decision.verdict, reason: summarizeDecision(cluster, decision)});
		}
	}

	const submitted = new Set(submission.map(policy => keyOf(policy)));
	const missingPolicies = challenge.policies.filter(policy => !submitted.has(keyOf(policy)));
	const total = challenge.cases.length;
	const passedCases = total - failures.length;
	const ordered = [...failures.filter(failure => failure.got === 'allow'), ...failures.filter(failure => failure.got === 'deny')];
	const proof = proveEquivalent(challenge.cluster, appliedPolicies(challenge, challenge.solution), appliedPolicies(challenge, submission), familiesExcept(Object.keys(challenge.probesOff ?? {})), tellingHints(challenge));
	// The cases are examples; the proof decides. A reference that fails its own cases is a broken
	// pack (pack validate says so), and no submission passes it.
	const passed = proof.isEquivalent && failures.length === 0 && missingPolicies.length === 0;
	const denied = failures.filter(failure => failure.got === 'deny').map(failure => failure.flow);
	return {
		challenge: challenge.id,
		passed,
		score: total === 0 ? 1 : passedCases / total,
		cases: {total, passed: passedCases},
		missingPolicies,
		failures: ordered,
		mistakes: passed ? [] : recognizeMistakes(submission, challenge.cluster, challenge.policies, denied),
		proof,
	};
}

// The ports and addresses a learner will recognise in a counterexample: those of the cases,
// then those the reference names.
function tellingHints(challenge: Challenge): TellingHints {
	const referencePorts = challenge.solution.flatMap(policy => [...policy.ingress, ...policy.egress]).flatMap(rule => rule.ports)
		.flatMap(entry => (typeof entry.port === 'number' ? [{port: entry.port, protocol: entry.protocol}] : []));
	const addresses = challenge.cases.flatMap(flow => [flow.from, flow.to]).filter(end => !end.includes('/'));
	return {ports: [...challenge.cases.map(flow => ({port: flow.port, protocol: flow.protocol})), ...referencePorts], addresses};
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

	const outside = [from, to].find(end => end.kind === 'outside');
	const elsewhere = [
		...(ports.first === ports.last ? [] : [`${protocol} ports ${ports.first}-${ports.last}`]),
		...(outside?.kind === 'outside' && outside.addresses.first !== outside.addresses.last ? [`every address ${addressRangeText(outside.addresses)}`] : []),
	];
	if (elsewhere.length > 0) {
		lines.push(`The same holds for ${elsewhere.join(', on ')}.`);
	}

	lines.push(`yours: ${counterexample.yoursReason}`, `the task's: ${counterexample.expectedReason}`);
	return lines;
}

function addressRangeText(range: AddressRange): string {
	return `${formatAddress({family: range.family, value: range.first})}-${formatAddress({family: range.family, value: range.last})}`;
}
