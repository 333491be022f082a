// How a challenge's reference fares against its near-miss mutants (mutants.ts), each graded as a
// learner's answer is. The proof refuses a mutant that decides some flow otherwise, on the cluster
// or on a probe object; the hidden cases, the first feedback a learner sees, catch some of those
// too. A mutant the proof accepts either decides every flow as the reference does even with every
// probe family on (it changes nothing the task can see: not a mistake here), or it is accepted
// only because the challenge turns a probe family off: a survivor, for the author to confirm the
// task leaves that open. Pure.
import type {Challenge} from '../model/challenge.js';
import {appliedPolicies, caseFailures, expectedCluster, referenceAnswer} from './grade.js';
import {nearMissMutants} from './mutants.js';
import {familiesExcept, proveEquivalent} from './proof.js';

export type CaseStrength = {
	/** Mutants the proof refuses: each would fail a learner. */
	readonly counted: number;
	/** Of those, how many some hidden case fails too. */
	readonly caught: number;
	/** Mutants the proof accepts only because a probe family is off: the task must leave them open. */
	readonly survivors: readonly string[];
	/** Mutants that decide every flow as the reference does, probes and all: no mistake on this cluster. */
	readonly equivalent: readonly string[];
};

/** Grades every near-miss mutant of the challenge's solution. */
export function caseStrength(challenge: Challenge): CaseStrength {
	const survivors: string[] = [];
	const equivalent: string[] = [];
	let counted = 0;
	let caught = 0;
	const reference = appliedPolicies(challenge, challenge.solution);
	// Mutants keep the labels the solution sets: they are near misses of its policies.
	const cluster = expectedCluster(challenge);
	const families = familiesExcept(Object.keys(challenge.probesOff ?? {}));
	// The proof and the cases, as grade() runs them, without the notes a mutant needs no words for.
	for (const mutant of nearMissMutants(challenge.solution)) {
		const policies = appliedPolicies(challenge, mutant.policies);
		if (!proveEquivalent(cluster, reference, policies, families).isEquivalent) {
			counted++;
			caught += caseFailures(challenge, mutant.policies, referenceAnswer(challenge)).length > 0 ? 1 : 0;
		} else if (proveEquivalent(cluster, reference, policies, familiesExcept([])).isEquivalent) {
			equivalent.push(mutant.description);
		} else {
			survivors.push(mutant.description);
		}
	}

	return {counted, caught, survivors, equivalent};
}
