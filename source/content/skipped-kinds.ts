// Objects of kinds netpol-dojo does not read, and the ones among them that were surely meant to
// be read: a misspelt kind (`Networkpolicy`) or an old apiVersion (`extensions/v1beta1`).
import {similarTo} from '../format/similar.js';
import type {SkippedKind} from './cluster-files.js';
import type {Problem} from './input-error.js';

const readKinds: Readonly<Record<string, string>> = {Namespace: 'v1', Pod: 'v1', NetworkPolicy: 'networking.k8s.io/v1'};

/** Why a skipped kind looks like a mistake, or undefined when it is simply another kind. */
export function likelyMistake({kind, apiVersion}: SkippedKind): string | undefined {
	const expected = readKinds[kind];
	if (expected) {
		return `netpol-dojo reads ${kind} as ${expected}, not ${apiVersion}`;
	}

	const [guess] = similarTo(kind, Object.keys(readKinds));
	return guess ? `did you mean kind: ${guess}?` : undefined;
}

/** One `Warning:` sentence per skipped kind that looks like a mistake. */
export function skippedKindWarnings(skipped: readonly SkippedKind[]): string[] {
	return skipped.flatMap(entry => {
		const hint = likelyMistake(entry);
		return hint ? [`Warning: ${entry.first} was skipped: ${hint}`] : [];
	});
}

/**
The skipped objects that were surely meant to be NetworkPolicies or the other kinds read, as
problems at their `kind`: in a file of the learner's policies kubectl would refuse them, so
grading does too rather than grade without them.
*/
export function skippedKindProblems(skipped: readonly SkippedKind[]): Problem[] {
	return skipped.flatMap(entry => {
		const hint = likelyMistake(entry);
		return hint ? [{...entry.firstAt, message: `${entry.first.slice(entry.first.indexOf(' ') + 1)}: kind: ${hint}`}] : [];
	});
}
