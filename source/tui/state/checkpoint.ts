// Which choice is right on a lesson's checkpoint page: the lesson states it on a choice page, the
// evaluator decided it for a predict page.
import type {LessonPage} from '../../model/lesson.js';
import type {Prediction} from '../../grading/predictions.js';

/** The choice that is right on a checkpoint page: the lesson's answer, or the evaluator's verdict (allow first, deny second). */
export function correctChoice(page: LessonPage, prediction: Prediction | undefined): number | undefined {
	if (page.kind === 'choice') {
		return page.answer;
	}

	if (page.kind === 'predict' && prediction) {
		return prediction.verdict === 'allow' ? 0 : 1;
	}

	return undefined;
}
