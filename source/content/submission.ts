// A learner's policy file, read for grading in the app: the NetworkPolicies it holds, or why it
// cannot be graded yet (an empty file is a normal first state, not an error).
import {type Relabelling, relabellingOf} from '../model/relabelling.js';
import type {NetworkPolicy} from '../model/kubernetes.js';
import {loadClusterFiles} from './cluster-files.js';
import {formatProblem, InputError, moreProblemsLine} from '../model/input-error.js';
import {stripControlSequences} from '../model/sanitize.js';

export type Submission =
	/** `relabelling`: the file's Namespaces and Pods, for a task that asks for labels. */
	| {readonly kind: 'policies'; readonly policies: readonly NetworkPolicy[]; readonly notes: readonly string[]; readonly relabelling?: Relabelling}
	/** The file holds no object at all: only comments, or nothing. */
	| {readonly kind: 'empty'}
	/** What kubectl would refuse, one `file:line:col: field: message` per problem. */
	| {readonly kind: 'invalid'; readonly problems: readonly string[]};

/** Reads a submission; never throws for what is in the file (a missing file is a problem too). */
export function readSubmission(file: string, maxBytes?: number, {takesLabels = false}: {readonly takesLabels?: boolean} = {}): Submission {
	let loaded;
	try {
		loaded = loadClusterFiles([file], maxBytes);
	} catch (error) {
		if (!(error instanceof InputError)) {
			throw error;
		}

		const isEmpty = error.problems.length === 1 && error.problems[0]!.message === 'has no Kubernetes objects in it';
		const problems = error.problems.map(problem => stripControlSequences(formatProblem(problem)));
		return isEmpty ? {kind: 'empty'} : {kind: 'invalid', problems: error.omitted > 0 ? [...problems, moreProblemsLine(error.omitted)] : problems};
	}

	const {objects, warnings, skipped} = loaded;
	const refused = loaded.misread;
	if (refused.length > 0) {
		return {kind: 'invalid', problems: refused.map(problem => stripControlSequences(formatProblem(problem)))};
	}

	// A task that asks for labels takes the file's Namespaces and Pods as kubectl apply would.
	const pods = takesLabels ? 0 : objects.pods.filter(pod => pod.workloadKind === undefined).length;
	const ignored = pods + (objects.workloads?.length ?? 0) + (objects.services?.length ?? 0) + (takesLabels ? 0 : objects.namespaces.length) + skipped.reduce((sum, entry) => sum + entry.count, 0);
	const notes = [
		...warnings.map(problem => `Warning: ${formatProblem(problem)}`),
		...(ignored > 0 ? [`${ignored} object${ignored === 1 ? ' that is not a NetworkPolicy was' : 's that are not NetworkPolicies were'} ignored: grading applies only your NetworkPolicies.`] : []),
	].map(note => stripControlSequences(note));
	if (takesLabels) {
		const labelled = relabellingOf(objects);
		return objects.policies.length + labelled.namespaces.length + labelled.pods.length === 0
			? {kind: 'invalid', problems: [`${file}: has no NetworkPolicy, Namespace or Pod in it; this task asks for labels too`]}
			: {kind: 'policies', policies: objects.policies, notes, relabelling: labelled};
	}

	if (objects.policies.length === 0) {
		return {kind: 'invalid', problems: [`${file}: has no NetworkPolicy in it (kind: NetworkPolicy, apiVersion: networking.k8s.io/v1)`]};
	}

	return {kind: 'policies', policies: objects.policies, notes};
}
