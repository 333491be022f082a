// The checks an author runs before sharing a pack (rustlings `dev check`, exercism's proof
// solution): the reference solution passes every case and creates exactly the policies the task
// asks for, the empty submission and the starter do not pass, and every case can fail. Pure:
// challenges in, findings out; the command turns them into lines with files.
import type {Challenge, RequiredPolicy} from '../model/challenge.js';
import type {FlowSpec} from '../model/flow-spec.js';
import type {NetworkPolicy} from '../model/kubernetes.js';
import {caseFailures, grade, referenceAnswer} from './grade.js';

/** The pack files a finding can be about, relative to the challenge's folder. */
export type ChallengeFile = 'challenge.yaml' | 'cases.yaml' | 'solution.yaml' | 'starter.yaml';

/** Something an author should fix (error) or look at (warning). */
export type Finding = {
	readonly severity: 'error' | 'warning';
	readonly challenge: string;
	readonly file: ChallengeFile;
	readonly line?: number;
	readonly message: string;
};

/** What a challenge's starter holds, read by the caller (a starter may be a template that is not YAML yet). */
export type StarterPolicies = readonly NetworkPolicy[] | undefined;

type PolicyName = Pick<RequiredPolicy, 'namespace' | 'name'>;

const keyOf = (policy: PolicyName) => `${policy.namespace}/${policy.name}`;

/** Every finding for the challenges of a pack, challenge by challenge. */
export function checkChallenges(challenges: readonly Challenge[], starters: ReadonlyMap<string, StarterPolicies> = new Map()): Finding[] {
	const findings: Finding[] = [];
	const seen = new Set<string>();
	for (const challenge of challenges) {
		if (seen.has(challenge.id)) {
			findings.push({severity: 'error', challenge: challenge.id, file: 'challenge.yaml', message: `challenge id "${challenge.id}" is used twice; ids are unique within a pack`});
		}

		seen.add(challenge.id);
		findings.push(...checkChallenge(challenge, starters.get(challenge.id)));
	}

	return findings;
}

/** The findings for one challenge. */
export function checkChallenge(challenge: Challenge, starter?: StarterPolicies): Finding[] {
	const finding = (severity: Finding['severity'], file: ChallengeFile, message: string, line?: number): Finding =>
		({severity, challenge: challenge.id, file, ...(line === undefined ? {} : {line}), message});
	const lineOf = (flow: FlowSpec) => challenge.source?.caseLine(challenge.cases.indexOf(flow));
	const findings = policyFindings(challenge, finding);
	for (const failure of caseFailures(challenge, challenge.solution, referenceAnswer(challenge))) {
		const {flow} = failure;
		findings.push(finding('error', 'cases.yaml', `flows[${challenge.cases.indexOf(flow)}]: the reference solution fails this case: ${flowText(flow)} should be ${flow.expect === 'allow' ? 'allowed' : 'denied'}, and solution.yaml ${failure.got === 'allow' ? 'allows' : 'denies'} it (${failure.reason})`, lineOf(flow)));
	}

	if (caseFailures(challenge, []).length === 0) {
		findings.push(finding('error', 'cases.yaml', 'the empty submission passes every case: add a case that only a right answer gets right'));
	}

	if (starter && grade(challenge, starter).passed) {
		findings.push(finding('error', 'starter.yaml', 'the starter already passes: it must leave the learner something to do'));
	}

	for (const flow of casesNoAnswerFails(challenge)) {
		findings.push(finding('warning', 'cases.yaml', `flows[${challenge.cases.indexOf(flow)}]: ${flowText(flow)} teaches nothing: every answer gets it right (the empty one, and ones that allow or deny everything wherever the task's and the cluster's policies are)`, lineOf(flow)));
	}

	return findings;
}

type MakeFinding = (severity: Finding['severity'], file: ChallengeFile, message: string, line?: number) => Finding;

// The policies the task asks for and those the solution creates are the same set.
function policyFindings(challenge: Challenge, finding: MakeFinding): Finding[] {
	const findings: Finding[] = [];
	const solved = new Set(challenge.solution.map(policy => keyOf(policy)));
	for (const [index, policy] of challenge.policies.entries()) {
		if (!solved.has(keyOf(policy))) {
			findings.push(finding('error', 'challenge.yaml', `policies[${index}]: solution.yaml has no NetworkPolicy ${keyOf(policy)}, which the task asks for`, challenge.source?.policyLine(index)));
		}
	}

	const required = new Set(challenge.policies.map(policy => keyOf(policy)));
	for (const policy of challenge.solution.filter(policy => !required.has(keyOf(policy)))) {
		findings.push(finding('warning', 'solution.yaml', `NetworkPolicy ${keyOf(policy)} is not in challenge.yaml's policies, so grading does not ask for it; list it there if the task does`));
	}

	return findings;
}

// A case no submission can get wrong checks nothing. Three extremes stand for "every
// submission": an allow case fails under deny-everything, a deny case under the empty
// submission or allow-everything, unless no policy the learner writes or rewrites (those the
// task asks for, and the cluster's own) can touch it.
function casesNoAnswerFails(challenge: Challenge): FlowSpec[] {
	const writable = [...new Map([...challenge.policies, ...challenge.cluster.policies].map(policy => [keyOf(policy), policy])).values()];
	const extremes = [[], allowEverything(writable), denyEverything(writable)].map(answer => caseFailures(challenge, answer, referenceAnswer(challenge)));
	const failable = new Set(extremes.flatMap(failures => failures.map(failure => failure.flow)));
	return challenge.cases.filter(flow => !failable.has(flow));
}

/** `default/web -> default/db TCP 3306`. */
export function flowText(flow: FlowSpec): string {
	return `${flow.from} -> ${flow.to} ${flow.protocol} ${flow.port}`;
}

// Policies of these names (one per name), each selecting every pod of its namespace and
// isolating both directions: with one rule that admits everything, or with none.
function allowEverything(policies: readonly PolicyName[]): NetworkPolicy[] {
	const everything = {peers: [], ports: []};
	return policies.map(policy => ({...selectAll(policy), ingress: [everything], egress: [everything]}));
}

function denyEverything(policies: readonly PolicyName[]): NetworkPolicy[] {
	return policies.map(policy => ({...selectAll(policy), ingress: [], egress: []}));
}

function selectAll(policy: PolicyName): Omit<NetworkPolicy, 'ingress' | 'egress'> {
	return {namespace: policy.namespace, name: policy.name, podSelector: {matchLabels: {}, matchExpressions: []}, policyTypes: ['Ingress', 'Egress'], isPolicyTypesDefaulted: false};
}
