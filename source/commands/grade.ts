// `netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]`: grade a policy file against a
// challenge's reference by proof (every flow alike), no UI. Exit 0 passed, 1 not passed, 2 bad input.
import path from 'node:path';
import {loadClusterFiles} from '../content/cluster-files.js';
import {InputError} from '../model/input-error.js';
import {loadPack} from './load-content.js';
import {describeCounterexample, describeFailure, failureHeadline, failuresBesideCounterexample, grade, type GradeReport} from '../grading/grade.js';
import type {Counterexample, ProofEnd} from '../grading/proof.js';
import {formatAddress} from '../kube/ip.js';
import {describeLabelDifference} from '../grading/labels.js';
import {relabellingOf} from '../model/relabelling.js';
import {similarTo} from '../model/similar.js';
import {type CommandIo, printSkipped, printWarnings} from './io.js';

export type GradeOptions = {
	readonly challengeId: string;
	/** The policy file as given, to name it in notes. */
	readonly submissionFile: string;
	/** The files it stands for (a folder's manifest files, standard input); [submissionFile] by default. */
	readonly submissionFiles?: readonly string[];
	readonly packDirectory: string;
	readonly format: 'text' | 'json';
	readonly maxBytes?: number;
};

export function runGrade(options: GradeOptions, io: CommandIo): number {
	const {challenges, problems} = loadPack(options.packDirectory);
	const challenge = challenges.find(candidate => candidate.id === options.challengeId);
	// A challenge that is there but does not load is reported with why, not as unknown.
	const folder = path.join(options.packDirectory, options.challengeId);
	const loadProblems = problems.filter(problem => problem.file === folder || problem.file.startsWith(`${folder}${path.sep}`));
	if (!challenge && loadProblems.length > 0) {
		throw new InputError(loadProblems);
	}

	if (!challenge) {
		const [guess] = similarTo(options.challengeId, challenges.map(candidate => candidate.id));
		throw new InputError([{file: options.packDirectory, message: `has no challenge ${JSON.stringify(options.challengeId)}${guess ? ` (did you mean ${guess}?)` : ''}; netpol-dojo challenges lists them`}]);
	}

	const submission = loadClusterFiles(options.submissionFiles ?? [options.submissionFile], options.maxBytes);
	// A misspelt kind or an old apiVersion: kubectl would refuse the file, and grading without
	// the policy would only say it is missing.
	const refused = submission.misread;
	if (refused.length > 0) {
		throw new InputError(refused);
	}

	printWarnings(io, submission.warnings);
	printSkipped(io, submission.skipped);
	const others = submission.objects.pods.length + submission.objects.namespaces.length;
	// A task that asks for labels takes the Namespaces and Pods of the file as kubectl apply would.
	const relabelling = challenge.solutionRelabelling ? {relabelling: relabellingOf(submission.objects)} : {};
	if (others > 0 && !challenge.solutionRelabelling) {
		io.stderr(`note: ${options.submissionFile}: ${others} Pod or Namespace ${others === 1 ? 'object was' : 'objects were'} ignored; grading applies only your NetworkPolicies to the challenge's cluster\n`);
	}

	const report = grade(challenge, submission.objects.policies, relabelling);
	io.stdout(options.format === 'json' ? gradeJson(report) : gradeText(report));
	return report.passed ? 0 : 1;
}

/** The contract's `grade --json` document. */
export function gradeJson(report: GradeReport): string {
	return `${JSON.stringify(gradeDocument(report), undefined, 2)}\n`;
}

/** The `grade --json` document as a value, for outputs that hold several (class grading). */
export function gradeDocument(report: GradeReport): Record<string, unknown> {
	return {
		challenge: report.challenge,
		passed: report.passed,
		score: report.score,
		cases: report.cases,
		missingPolicies: report.missingPolicies,
		changedPolicies: report.changedPolicies,
		extraPolicies: report.extraPolicies,
		...(report.deletedPolicies ? {deletedPolicies: report.deletedPolicies} : {}),
		...(report.labelDifferences ? {labelDifferences: report.labelDifferences} : {}),
		...(report.deletedObjects ? {deletedObjects: report.deletedObjects} : {}),
		mistakes: report.mistakes,
		...(report.proof.isEquivalent ? {} : {counterexample: counterexampleDocument(report.proof.counterexample), differences: report.proof.differences}),
		failures: report.failures.map(failure => ({
			from: failure.flow.from,
			to: failure.flow.to,
			port: failure.flow.port,
			protocol: failure.flow.protocol,
			expected: failure.expected,
			got: failure.got,
			message: describeFailure(failure),
			reason: failure.reason,
		})),
	};
}

/** Feedback for people: the verdict and what matters most, the counterexample, each other failed case with its reason, the notes. */
export function gradeText(report: GradeReport, answer: 'your file' | 'your cluster' = 'your file'): string {
	const {total, passed} = report.cases;
	const headline = failureHeadline(report, answer);
	const lines = [headline === undefined ? `${report.challenge}: passed, ${passed} of ${total} cases.` : `${report.challenge}: not passed, ${headline}.`];
	for (const difference of (report.labelDifferences ?? []).slice(1)) {
		lines.push(`  ✗ ${describeLabelDifference(difference)}`);
	}

	if (!report.proof.isEquivalent) {
		const [sentence, ...details] = describeCounterexample(report.proof.counterexample);
		lines.push(`  ✗ ${sentence!}`, ...details.map(detail => `      ${detail}`));
	}

	for (const failure of failuresBesideCounterexample(report)) {
		lines.push(`  ✗ ${describeFailure(failure)}`, `      ${failure.reason}`);
	}

	for (const mistake of report.mistakes) {
		lines.push(`  note: ${mistake}`);
	}

	return `${lines.join('\n')}\n`;
}

function endDocument(end: ProofEnd): Record<string, unknown> {
	if (end.kind === 'outside') {
		return {address: end.address};
	}

	return end.probe ? {pod: end.pod, probe: {family: end.probe.family, of: end.probe.of, description: end.probe.description}} : {pod: end.pod};
}

// The counterexample as data, with the words a person reads.
function counterexampleDocument(counterexample: Counterexample): Record<string, unknown> {
	const {from, to, port, protocol, ports, direction, yours, expected} = counterexample;
	return {
		from: endDocument(from),
		to: endDocument(to),
		port,
		protocol,
		ports: ports.map(range => ({first: range.first, last: range.last})),
		addresses: counterexample.addresses.map(range => ({first: formatAddress({family: range.family, value: range.first}), last: formatAddress({family: range.family, value: range.last})})),
		isMasked: counterexample.isMasked,
		direction,
		yours,
		expected,
		message: describeCounterexample(counterexample).slice(0, -2).join(' '),
		reasons: {yours: counterexample.yoursReason, expected: counterexample.expectedReason},
	};
}
