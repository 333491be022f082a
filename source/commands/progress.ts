// `netpol-dojo progress [--json] [--reset]`: show the learner's progress through the lessons, or reset it.
import {challengeProgress, drillProgress} from '../progress/challenge-model.js';
import {type LessonShape, type LessonSummary, type Progress, emptyProgress, lessonSummary, overallSummary} from '../progress/model.js';
import {loadProgress, progressFile, resetProgress} from '../progress/store.js';
import {durationText} from '../format/duration.js';
import type {CommandIo} from './io.js';

/** A lesson as the `progress` command shows it. */
export type ProgressLesson = LessonShape & {
	readonly title: string;
};

export type ProgressOptions = {
	readonly format: 'text' | 'json';
	readonly isReset: boolean;
	/** The folder holding `progress.json` (see `dataDirectory` in progress/store.ts). */
	readonly dataDirectory: string;
	/** The built-in lessons, in teaching order. */
	readonly lessons: readonly ProgressLesson[];
	/** The challenges to report on, in the app's order; without them only lessons are shown. */
	readonly challenges?: readonly ProgressChallenge[];
};

/** A challenge as the `progress` command shows it. */
export type ProgressChallenge = {
	/** The progress key, `<pack id>/<challenge id>`. */
	readonly key: string;
	readonly title: string;
};

/**
Runs `progress`: one overall line and a line per lesson, or the JSON document with `--json`.
With `--reset` it deletes the progress first and says so in one line (`--json`: prints the fresh,
empty progress instead). A damaged progress file is set aside with a warning on stderr. Returns
0; throws InputError when the progress file cannot be deleted.
*/
export function runProgress(options: ProgressOptions, io: CommandIo): number {
	if (options.isReset) {
		const hadProgress = resetProgress(options.dataDirectory);
		if (options.format === 'json') {
			io.stdout(progressJson(emptyProgress(), options.lessons, options.challenges));
		} else {
			const what = hadProgress ? `deleted ${progressFile(options.dataDirectory)}` : 'there was none to delete';
			io.stdout(`Progress reset (${what}): ${countOf(options.lessons.length, 'lesson')} not started.\n`);
		}

		return 0;
	}

	const {progress, notice} = loadProgress(options.dataDirectory);
	if (notice !== undefined) {
		io.stderr(`Warning: ${notice}\n`);
	}

	io.stdout(options.format === 'json' ? progressJson(progress, options.lessons, options.challenges) : progressText(progress, options.lessons, options.challenges));
	return 0;
}

/**
The `progress --json` document: `{"lessons": [...], "lessonsCompleted": N, "lessonCount": N}`,
and with challenges `"challenges": [...]`, `"drill"` and `"exams"`.
*/
export function progressJson(progress: Progress, lessons: readonly ProgressLesson[], challenges?: readonly ProgressChallenge[]): string {
	const overall = overallSummary(progress, lessons);
	const document = {
		lessons: lessons.map(lesson => {
			const summary = lessonSummary(progress, lesson);
			return {
				id: lesson.id,
				title: lesson.title,
				pagesSeen: summary.pagesSeen,
				pageCount: summary.pageCount,
				checkpointsCorrect: summary.checkpointsCorrect,
				checkpointCount: summary.checkpointCount,
				isCompleted: summary.isCompleted,
			};
		}),
		lessonsCompleted: overall.lessonsCompleted,
		lessonCount: overall.lessonCount,
		...(challenges === undefined ? {} : {
			challenges: challenges.map(challenge => ({challenge: challenge.key, title: challenge.title, ...challengeProgress(progress, challenge.key)})),
			drill: drillProgress(progress),
			exams: progress.exams ?? [],
		}),
	};
	return `${JSON.stringify(document, undefined, 2)}\n`;
}

/** The human-readable progress: an overall line, then one line per lesson in teaching order. */
export function progressText(progress: Progress, lessons: readonly ProgressLesson[], challenges?: readonly ProgressChallenge[]): string {
	const overall = overallSummary(progress, lessons);
	const lines = [`${overall.lessonsCompleted} of ${countOf(overall.lessonCount, 'lesson')} done, ${overall.checkpointsCorrect} of ${countOf(overall.checkpointCount, 'checkpoint')} correct.`];
	const width = Math.max(0, ...lessons.map(lesson => lesson.title.length));
	for (const lesson of lessons) {
		const summary = lessonSummary(progress, lesson);
		const checkpoints = summary.checkpointCount === 0 ? 'no checkpoints' : `${summary.checkpointsCorrect}/${summary.checkpointCount} checkpoints correct`;
		lines.push(`  ${status(summary).padEnd(11)}  ${lesson.title.padEnd(width)}  ${summary.pagesSeen}/${summary.pageCount} pages seen, ${checkpoints}`);
	}

	if (challenges !== undefined) {
		lines.push(...challengeLines(progress, challenges));
	}

	return `${lines.join('\n')}\n`;
}

function status(summary: LessonSummary): 'done' | 'partial' | 'not started' {
	if (summary.isCompleted) {
		return 'done';
	}

	return summary.pagesSeen > 0 || summary.checkpointsAnswered > 0 ? 'partial' : 'not started';
}

function countOf(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function challengeLines(progress: Progress, challenges: readonly ProgressChallenge[]): string[] {
	const records = challenges.map(challenge => ({challenge, record: challengeProgress(progress, challenge.key)}));
	const solved = records.filter(({record}) => record.isSolved).length;
	const width = Math.max(0, ...challenges.map(challenge => challenge.title.length));
	const drill = drillProgress(progress);
	const exams = progress.exams ?? [];
	return [
		`${solved} of ${countOf(challenges.length, 'challenge')} solved.`,
		...records.filter(({record}) => record.attempts > 0).map(({challenge, record}) => `  ${(record.isSolved ? 'solved' : 'tried').padEnd(11)}  ${challenge.title.padEnd(width)}  best ${Math.round(record.bestScore * 100)}%, ${countOf(record.attempts, 'grade')}, ${countOf(record.hintsUsed, 'hint')}, ${durationText(record.seconds)}`),
		drill.answered === 0 ? 'Verdict drill: not tried.' : `Verdict drill: ${drill.correct} of ${drill.answered} right, ${(drill.milliseconds / drill.answered / 1000).toFixed(1)} s an answer.`,
		exams.length === 0 ? 'Exams: none taken.' : `Exams: ${exams.length} taken, ${exams.filter(exam => exam.isPassed).length} passed; the last scored ${Math.round(exams.at(-1)!.score * 100)}%.`,
	];
}
