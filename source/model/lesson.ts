// Lessons as the app shows them: checked, with author text cleaned of control sequences.
import type {FlowSpec} from '../model/flow-spec.js';
import type {ClusterObjects} from './kubernetes.js';

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
	/** Ids of built-in challenges that practise the lesson, offered on its last page. */
	readonly practice: readonly string[];
	readonly pages: readonly LessonPage[];
};

export type CheckpointPage = LessonPage & {readonly kind: 'choice' | 'predict'};

/** Whether a page asks the learner something (choice and predict pages). */
export function isCheckpoint(page: LessonPage | undefined): page is CheckpointPage {
	return page?.kind === 'choice' || page?.kind === 'predict';
}

const verdictChoices = ['Allowed', 'Denied'];

/** The choices a page offers: a choice page's own, allow or deny on a predict page, none elsewhere. */
export function choicesOf(page: LessonPage): readonly string[] {
	return page.kind === 'choice' ? page.choices : page.kind === 'predict' ? verdictChoices : [];
}

/** The page indexes of a lesson's checkpoints. */
export function checkpointPages(lesson: Lesson): number[] {
	return lesson.pages.flatMap((page, index) => (isCheckpoint(page) ? [index] : []));
}

/** What progress needs to know of a lesson. */
export function lessonShape(lesson: Lesson): {id: string; pageCount: number; checkpointPages: number[]} {
	return {id: lesson.id, pageCount: lesson.pages.length, checkpointPages: checkpointPages(lesson)};
}
