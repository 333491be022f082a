// Grading a class, many learners hand in the same policies (the textbook answer, a common
// mistake): grade is pure, so a submission equal to one graded before gets that grade again
// instead of a second proof.
import {isDeepStrictEqual} from 'node:util';
import type {Challenge} from '../model/challenge.js';
import {type Answer, grade, type GradeReport} from '../grading/grade.js';
import type {NetworkPolicy} from '../model/kubernetes.js';
import type {Grader} from './grade-class.js';

type Graded = {readonly policies: readonly NetworkPolicy[]; readonly answer: Answer; readonly report: GradeReport};

/** A grader that proves each distinct submission of a challenge once; equal submissions share its report. */
export function sharedGrader(): Grader {
	const graded = new Map<Challenge, Map<string, Graded[]>>();
	return (challenge, policies, answer = {}) => {
		const byText = graded.get(challenge) ?? new Map<string, Graded[]>();
		graded.set(challenge, byText);
		// The text finds the candidates; deep equality decides, so that nothing JSON leaves out
		// (an undefined field) could make two different submissions one.
		const key = JSON.stringify([policies, answer]);
		const candidates = byText.get(key) ?? [];
		const same = candidates.find(candidate => isDeepStrictEqual(candidate.policies, policies) && isDeepStrictEqual(candidate.answer, answer));
		if (same) {
			return same.report;
		}

		const report = grade(challenge, policies, answer);
		byText.set(key, [...candidates, {policies, answer, report}]);
		return report;
	};
}
