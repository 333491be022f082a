// A grade report in sentences, for the screens that show it: they show text and compute nothing,
// so the wording grading gives each finding is taken here.
import {describeCounterexample, describeFailure, failureHeadline, failuresBesideCounterexample, type GradeReport} from '../../grading/grade.js';
import {describeLabelDifference} from '../../grading/labels.js';

export type GradeText = {
	/** Why it did not pass, or undefined when it passed. */
	readonly headline: string | undefined;
	/** Label differences beyond the first (the headline names the first). */
	readonly labels: readonly string[];
	/** The sentence of the proof's counterexample and its details, when the answer is not equivalent. */
	readonly counterexample?: {readonly sentence: string; readonly details: readonly string[]};
	/** The failed cases the counterexample does not already show, each with the evaluator's reason. */
	readonly failures: ReadonlyArray<{readonly sentence: string; readonly reason: string}>;
};

/** What a grade says, in sentences; `answer` names what was graded. */
export function gradeText(report: GradeReport, answer: 'your file' | 'your cluster'): GradeText {
	const [sentence, ...details] = report.proof.isEquivalent ? [] : describeCounterexample(report.proof.counterexample);
	return {
		headline: failureHeadline(report, answer),
		labels: (report.labelDifferences ?? []).slice(1).map(difference => describeLabelDifference(difference)),
		...(sentence === undefined ? {} : {counterexample: {sentence, details}}),
		failures: failuresBesideCounterexample(report).map(failure => ({sentence: describeFailure(failure), reason: failure.reason})),
	};
}
