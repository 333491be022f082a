// Grading a submission: its NetworkPolicies applied over the challenge's cluster (a submitted
// policy replaces a cluster policy of the same namespace and name, as `kubectl apply` would),
// then every hidden case decided by the evaluator. Pure.
import type {Challenge, RequiredPolicy} from '../content/challenge-types.js';
import type {FlowSpec} from '../content/flow-spec.js';
import {compileCluster, decide, resolveEndpoint} from '../evaluator/index.js';
import {summarizeDecision} from '../evaluator/describe.js';
import type {Verdict} from '../evaluator/types.js';
import type {NetworkPolicy} from '../kube/types.js';
import {recognizeMistakes} from './mistakes.js';

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
	const passed = failures.length === 0 && missingPolicies.length === 0;
	const denied = failures.filter(failure => failure.got === 'deny').map(failure => failure.flow);
	return {
		challenge: challenge.id,
		passed,
		score: total === 0 ? 1 : passedCases / total,
		cases: {total, passed: passedCases},
		missingPolicies,
		failures: ordered,
		mistakes: passed ? [] : recognizeMistakes(submission, challenge.cluster, challenge.policies, denied),
	};
}

/** A failed case in words: "default/web -> default/db TCP 3306 should be denied; your policies allow it". */
export function describeFailure(failure: CaseFailure): string {
	const {flow} = failure;
	const should = failure.expected === 'allow' ? 'allowed' : 'denied';
	const actual = failure.got === 'allow' ? 'allow' : 'deny';
	return `${flow.from} -> ${flow.to} ${flow.protocol} ${flow.port} should be ${should}; your policies ${actual} it`;
}
