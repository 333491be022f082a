// The timed exam as data: which challenges, their weights and the time allowed, and the score.
// The CKS gives about two hours for 15 to 20 tasks, some worth more than others, and passes at
// 67%: here a task's weight is the minutes it should take, so its share of the score is its
// share of the time, and the clock is the sum of those minutes.
import type {Challenge, Difficulty} from '../../model/challenge.js';
import {nextRandom} from '../../grading/drill.js';

export const passMark = 0.67;

/** Minutes for a task whose challenge does not say: the CKS's average. */
export const defaultTaskMinutes = 6;

/** How many tasks of each difficulty an exam draws, when the pack has them. */
const mix: ReadonlyArray<readonly [Difficulty, number]> = [['easy', 2], ['medium', 3], ['hard', 1]];

export type ExamTaskPlan = {
	/** Index in the app's challenge list. */
	readonly challengeIndex: number;
	/** The task's share of the score is weight over the sum of weights. */
	readonly weight: number;
};

export type ExamPlan = {
	readonly tasks: readonly ExamTaskPlan[];
	readonly minutes: number;
};

export function taskMinutes(challenge: Challenge): number {
	return challenge.minutes ?? defaultTaskMinutes;
}

/** Draws an exam's tasks from the challenges with a seed: easy first, as a candidate would take them. */
export function planExam(challenges: readonly Challenge[], seed: number): ExamPlan {
	let state = seed;
	const tasks: ExamTaskPlan[] = [];
	for (const [difficulty, count] of mix) {
		const pool = challenges.flatMap((challenge, index) => (challenge.difficulty === difficulty ? [index] : []));
		for (let drawn = 0; drawn < count && pool.length > 0; drawn++) {
			const {seed: next, value} = nextRandom(state);
			state = next;
			const [challengeIndex] = pool.splice(Math.floor(value * pool.length), 1);
			tasks.push({challengeIndex: challengeIndex!, weight: taskMinutes(challenges[challengeIndex!]!)});
		}
	}

	return {tasks, minutes: totalWeight(tasks)};
}

/** The sum of the tasks' weights: the exam's minutes, and the denominator of each task's share. */
export function totalWeight(tasks: ReadonlyArray<{readonly weight: number}>): number {
	return tasks.reduce((sum, task) => sum + task.weight, 0);
}

export type ExamScore = {
	/** Weighted share of tasks passed, 0..1. */
	readonly score: number;
	readonly isPassed: boolean;
	readonly earned: number;
	readonly total: number;
};

/**
The weighted score: a task counts in full when it passes and not at all otherwise, as a task in
the exam is checked as a whole (a half-right policy still lets the wrong traffic through).
*/
export function scoreExam(weights: readonly number[], passed: readonly boolean[]): ExamScore {
	const total = weights.reduce((sum, weight) => sum + weight, 0);
	const earned = weights.reduce((sum, weight, index) => sum + (passed[index] === true ? weight : 0), 0);
	const score = total === 0 ? 0 : earned / total;
	// Rounded to whole percent before comparing, as the score is shown: 67% passes.
	return {score, isPassed: Math.round(score * 100) >= passMark * 100, earned, total};
}
