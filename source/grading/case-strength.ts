// How well a challenge's hidden cases tell the reference solution from its near misses: each
// mutant (mutants.ts) is graded, and one that no case fails either behaves like the solution
// on the cluster (equivalent: no case could catch it) or survives (a case is missing). Pure.
import type {Challenge} from '../content/challenge-types.js';
import {decidesAlike} from './equivalence.js';
import {grade} from './grade.js';
import {nearMissMutants} from './mutants.js';

export type CaseStrength = {
	/** Mutants that behave differently from the solution somewhere on the cluster. */
	readonly counted: number;
	/** Of those, how many some case fails. */
	readonly caught: number;
	/** Mutants no case fails although they differ from the solution: each needs a case. */
	readonly survivors: readonly string[];
	/** Mutants that decide every flow as the solution does, so no case could catch them. */
	readonly equivalent: readonly string[];
};

/** Grades every near-miss mutant of the challenge's solution against its cases. */
export function caseStrength(challenge: Challenge): CaseStrength {
	const survivors: string[] = [];
	const equivalent: string[] = [];
	let caught = 0;
	for (const mutant of nearMissMutants(challenge.solution)) {
		if (grade(challenge, mutant.policies).failures.length > 0) {
			caught++;
		} else if (decidesAlike(challenge, challenge.solution, mutant.policies)) {
			equivalent.push(mutant.description);
		} else {
			survivors.push(mutant.description);
		}
	}

	return {counted: caught + survivors.length, caught, survivors, equivalent};
}
