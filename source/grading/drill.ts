// The verdict drill: one flow at a time from the challenges, with the reference solution in
// place, to be called allowed or denied at speed. The questions and their answers are worked
// out by the evaluator when the app starts; which comes next is a seeded choice, so a test can
// replay it.
import type {Challenge} from '../model/challenge.js';
import type {FlowSpec} from '../model/flow-spec.js';
import {type Verdict, compileCluster, decide, hasProblems, resolvePodFlow, summarizeDecision} from '../evaluator/index.js';
import {appliedPolicies, expectedCluster} from './grade.js';
import type {ClusterObjects} from '../model/kubernetes.js';

export type DrillQuestion = {
	/** The challenge it comes from, by index in the app's challenge list. */
	readonly challengeIndex: number;
	/** The cluster with the challenge's reference solution applied, the labels it sets included. */
	readonly cluster: ClusterObjects;
	readonly flow: FlowSpec;
	readonly verdict: Verdict;
	readonly reason: string;
};

/** Every hidden case of every challenge, decided over the challenge's cluster and solution. */
export function drillQuestions(challenges: readonly Challenge[]): DrillQuestion[] {
	return challenges.flatMap((challenge, challengeIndex) => {
		const objects = {...expectedCluster(challenge), policies: appliedPolicies(challenge, challenge.solution)};
		const cluster = compileCluster(objects);
		return challenge.cases.flatMap(flow => {
			const resolved = resolvePodFlow(cluster, flow, 'cluster.yaml');
			if (hasProblems(resolved)) {
				return [];
			}

			const decision = decide(cluster, resolved);
			return [{challengeIndex, cluster: objects, flow, verdict: decision.verdict, reason: summarizeDecision(cluster, decision)}];
		});
	});
}

/** The next seed and a number in [0, 1) from it (mulberry32: small, fast, good enough to shuffle). */
export function nextRandom(seed: number): {readonly seed: number; readonly value: number} {
	const next = (seed + 0x6D_2B_79_F5) | 0;
	let mixed = Math.imul(next ^ (next >>> 15), 1 | next);
	mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
	return {seed: next, value: ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296};
}

/** A question index drawn from the seed, never the one just asked when there is a choice. */
export function pickQuestion(count: number, seed: number, previous?: number): {readonly seed: number; readonly index: number} {
	let state = seed;
	for (;;) {
		const {seed: next, value} = nextRandom(state);
		state = next;
		const index = Math.floor(value * count);
		if (count < 2 || index !== previous) {
			return {seed: state, index};
		}
	}
}
