// `netpol-dojo pack validate [--strict] DIR`: check a pack as its author would before sharing
// it. Exit 0 when nothing is wrong (warnings and surviving mutants are reported; --strict
// counts them as problems too), 1 when problems were found, 2 when the pack cannot be read.
import path from 'node:path';
import type {Challenge} from '../model/challenge.js';
import {documentsOf} from '../content/documents.js';
import {InputError} from '../model/input-error.js';
import {loadPack} from './load-content.js';
import {stripControlSequences} from '../model/sanitize.js';
import {caseStrength} from '../grading/case-strength.js';
import {checkChallenges, type StarterPolicies} from '../grading/check-pack.js';
import {caseFailures, referenceAnswer} from '../grading/grade.js';
import {referenceSummary, referenceSummaryLines} from '../grading/reference-summary.js';
import {type PackProblem, type PackValidation, packReport, packTotals} from '../format/pack-report.js';
import {decodeDocument} from '../kube/objects.js';
import type {NetworkPolicy} from '../model/kubernetes.js';
import type {CommandIo} from './io.js';

export type PackValidateOptions = {readonly directory: string; readonly isStrict: boolean};

export function runPackValidate(options: PackValidateOptions, io: CommandIo): number {
	const validation = validatePack(options.directory);
	io.stdout(stripControlSequences(packReport(validation)));
	return isRefused(validation, options.isStrict) ? 1 : 0;
}

/** Whether the validation found problems: errors, and with `isStrict` warnings and survivors too. */
export function isRefused(validation: PackValidation, isStrict: boolean): boolean {
	const {errors, warnings, survivors} = packTotals(validation);
	return errors > 0 || (isStrict && warnings + survivors > 0);
}

/** Loads the pack and runs every check; throws InputError only when the pack cannot be read at all. */
export function validatePack(directory: string): PackValidation {
	const {pack, challenges, problems} = loadPack(directory);
	const loadProblems: PackProblem[] = problems.map(problem => ({...problem, severity: 'error'}));
	if (challenges.length === 0 && problems.length === 0) {
		loadProblems.push({file: directory, severity: 'error', message: 'has no challenges: add one folder per challenge (netpol-dojo pack init shows one)'});
	}

	const starters = new Map(challenges.map(challenge => [challenge.id, starterPolicies(challenge)]));
	const findings = checkChallenges(challenges, starters).map((finding): PackProblem => ({
		file: path.join(challenge(challenges, finding.challenge)?.source?.folder ?? path.join(directory, finding.challenge), finding.file),
		...(finding.line === undefined ? {} : {line: finding.line}),
		message: finding.message,
		severity: finding.severity,
		challenge: finding.challenge,
	}));
	// Mutants are measured against cases the solution passes; until it does, every count would mislead.
	const provable = challenges.filter(challenge => caseFailures(challenge, challenge.solution, referenceAnswer(challenge)).length === 0);
	const strengths = new Map(provable.map(challenge => [challenge.id, caseStrength(challenge)]));
	const summaries = new Map(provable.map(challenge => [challenge.id, referenceSummaryLines(referenceSummary(challenge))]));
	return {pack, challenges, problems: [...loadProblems, ...findings], strengths, summaries};
}

function challenge(challenges: readonly Challenge[], id: string): Challenge | undefined {
	return challenges.find(candidate => candidate.id === id);
}

// A starter is what the learner's editor opens with; one that is not valid YAML or holds no
// policy yet (a template with blanks to fill) cannot pass, so there is nothing to check.
function starterPolicies(challenge: Challenge): StarterPolicies {
	if (challenge.starter === undefined) {
		return undefined;
	}

	try {
		const results = documentsOf(challenge.starter, 'starter.yaml').flatMap(document => decodeDocument(document.value));
		return results.flatMap((result): NetworkPolicy[] => (result.object?.kind === 'NetworkPolicy' ? [result.object.policy] : []));
	} catch (error) {
		if (error instanceof InputError) {
			return undefined;
		}

		throw error;
	}
}
