// The answers to "predict the verdict" pages, computed by the evaluator when the app starts:
// no lesson states its own answer, so none can disagree with the evaluator.
import type {Lesson, LessonPage} from '../model/lesson.js';
import {type Verdict, compileCluster, decide, hasProblems, resolvePodFlow, summarizeDecision} from '../evaluator/index.js';

export type Prediction = {readonly verdict: Verdict; readonly reason: string};

/** The key of a page in the predictions map. */
export function pageKey(lessonIndex: number, page: number): string {
	return `${lessonIndex}:${page}`;
}

/** The evaluator's verdict and reason for one predict page. */
export function predict(page: LessonPage & {kind: 'predict'}): Prediction {
	const cluster = compileCluster(page.cluster);
	const resolved = resolvePodFlow(cluster, page.flow, 'lesson');
	if (hasProblems(resolved)) {
		throw new TypeError(`Bug: a predict page's flow ${page.flow.from} -> ${page.flow.to} passed the lesson checks but does not resolve`);
	}

	const decision = decide(cluster, resolved);
	return {verdict: decision.verdict, reason: summarizeDecision(cluster, decision)};
}

/** Every predict page's answer, by pageKey. */
export function predictAll(lessons: readonly Lesson[]): ReadonlyMap<string, Prediction> {
	const predictions = new Map<string, Prediction>();
	for (const [lessonIndex, lesson] of lessons.entries()) {
		for (const [index, page] of lesson.pages.entries()) {
			if (page.kind === 'predict') {
				predictions.set(pageKey(lessonIndex, index), predict(page));
			}
		}
	}

	return predictions;
}
