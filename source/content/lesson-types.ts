// Lessons as the app shows them: checked, with author text cleaned of control sequences.
import type {FlowSpec} from './flow-spec.js';
import type {ClusterObjects} from '../kube/types.js';

/** One arrow of a traffic diagram. */
export type DiagramEdge = {
	readonly from: string;
	readonly to: string;
	readonly port: number;
	readonly protocol: 'TCP' | 'UDP' | 'SCTP';
	readonly verdict?: 'allow' | 'deny';
};

export type LessonPage =
	| {readonly kind: 'text'; readonly title: string; readonly body: string}
	| {readonly kind: 'example'; readonly title: string; readonly body: string; readonly yaml: string}
	| {readonly kind: 'diagram'; readonly title: string; readonly body: string; readonly edges: readonly DiagramEdge[]}
	/** A multiple-choice checkpoint; `answer` indexes `choices`. */
	| {readonly kind: 'choice'; readonly question: string; readonly choices: readonly string[]; readonly answer: number; readonly explanation: string}
	/** "Predict the verdict": the evaluator decides `flow` on `cluster`; the lesson never states the answer. */
	| {readonly kind: 'predict'; readonly question: string; readonly cluster: ClusterObjects; readonly clusterYaml: string; readonly flow: FlowSpec; readonly explanation: string};

export type Lesson = {
	/** The file name without `.yaml`, as listed in lessons/index.yaml. */
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly topics: readonly string[];
	readonly pages: readonly LessonPage[];
};

/** The page indexes of a lesson's checkpoints (choice and predict pages). */
export function checkpointPages(lesson: Lesson): number[] {
	return lesson.pages.flatMap((page, index) => (page.kind === 'choice' || page.kind === 'predict' ? [index] : []));
}
