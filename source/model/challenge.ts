// Challenges as the app and the grader use them: checked, with author text cleaned.
import type {ClusterObjects, NetworkPolicy} from './kubernetes.js';
import type {FlowSpec} from './flow-spec.js';
import type {Relabelling} from './relabelling.js';

/** pack.yaml */
export type PackInfo = {
	readonly id: string;
	readonly title: string;
	readonly version: string;
	readonly author: string;
	readonly description: string;
};

export type Difficulty = 'easy' | 'medium' | 'hard';

/**
The families of probe objects that grading adds beside a challenge's pods (grading/probes.ts), in
the order a counterexample prefers them.
*/
export const probeFamilies = [
	'replica',
	'named-ports-moved',
	'labels-cleared',
	'label-removed',
	'label-value-changed',
	'label-added',
	'namespace-lookalike',
	'namespace-label-changed',
	'namespace-label-added',
	'namespace-unlabelled',
	'pods-in-empty-namespaces',
] as const;

export type ProbeFamily = typeof probeFamilies[number];

/** A policy the task asks for, by name and namespace. */
export type RequiredPolicy = {readonly name: string; readonly namespace: string};

export type Challenge = {
	/** The folder's name. */
	readonly id: string;
	readonly title: string;
	readonly difficulty: Difficulty;
	readonly topics: readonly string[];
	/** Markdown. */
	readonly task: string;
	/** Gentlest first. */
	readonly hints: readonly string[];
	readonly policies: readonly RequiredPolicy[];
	/** The time a CKS candidate should need. */
	readonly minutes?: number;
	/** False when the task wants the policies it names to do everything, with no helper policy beside them. */
	readonly helperPolicies?: boolean;
	/** Probe families the task deliberately leaves open, each with the author's reason. */
	readonly probesOff?: Readonly<Partial<Record<ProbeFamily, string>>>;
	/** What the learner is shown. */
	readonly cluster: ClusterObjects;
	/** The hidden flows, every one with `expect`. */
	readonly cases: readonly FlowSpec[];
	readonly solution: readonly NetworkPolicy[];
	/** Namespaces and pods of solution.yaml: the labels the task asks the learner to set (kubectl label). */
	readonly solutionRelabelling?: Relabelling;
	/** solution.yaml as written, comments included, to show beside the learner's after a pass. */
	readonly solutionText?: string;
	/** What the learner's editor opens with, as written. */
	readonly starter?: string;
	/** Where the challenge was read from, for messages to its author; absent for challenges built in code. */
	readonly source?: ChallengeSource;
};

/** The files of a challenge and the lines of its parts, so that pack checks can point at them. */
export type ChallengeSource = {
	/** The challenge's folder, as the pack's path was given. */
	readonly folder: string;
	/** The line of a case in cases.yaml (found on demand: it takes the YAML parser). */
	readonly caseLine: (index: number) => number | undefined;
	/** The line of an entry of `policies` in challenge.yaml. */
	readonly policyLine: (index: number) => number | undefined;
};
