import type {LabelSelector, Labels, Requirement} from '../model/kubernetes.js';

/**
Whether a label selector matches a set of labels, as apimachinery's `LabelSelectorAsSelector`
and `Requirement.Matches` decide: every matchLabels pair and every expression must hold, and an
empty selector matches everything.
*/
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
	for (const key in selector.matchLabels) {
		if (!Object.hasOwn(labels, key) || labels[key] !== selector.matchLabels[key]) {
			return false;
		}
	}

	return selector.matchExpressions.every(requirement => requirementMatches(requirement, labels));
}

/**
One matchExpressions entry. NotIn and DoesNotExist match a pod that lacks the key
(apimachinery Requirement.Matches: `if !ls.Has(r.key) { return true }` for NotIn).
*/
export function requirementMatches(requirement: Requirement, labels: Labels): boolean {
	const hasKey = Object.hasOwn(labels, requirement.key);
	switch (requirement.operator) {
		case 'In': {
			return hasKey && requirement.values.includes(labels[requirement.key]!);
		}

		case 'NotIn': {
			return !hasKey || !requirement.values.includes(labels[requirement.key]!);
		}

		case 'Exists': {
			return hasKey;
		}

		case 'DoesNotExist': {
			return !hasKey;
		}
	}
}

/** A string that two selectors share exactly when they select the same label sets. */
export function selectorKey(selector: LabelSelector): string {
	const labels = Object.keys(selector.matchLabels)
		.sort()
		.map(key => [key, selector.matchLabels[key]]);
	const expressions = selector.matchExpressions
		.map(requirement => [requirement.key, requirement.operator, [...new Set(requirement.values)].sort()])
		.map(entry => JSON.stringify(entry))
		.sort();
	return JSON.stringify([labels, expressions]);
}
