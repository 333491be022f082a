// A label selector written as `kubectl get -l` takes it (`app=web,tier in (a,b)`): the inverse of
// selector-string.ts, for every message that names a selector.
import type {LabelSelector, Requirement} from '../model/kubernetes.js';

function requirementText({key, operator, values}: Requirement): string {
	switch (operator) {
		case 'In': {
			return `${key} in (${values.join(',')})`;
		}

		case 'NotIn': {
			return `${key} notin (${values.join(',')})`;
		}

		case 'Exists': {
			return key;
		}

		case 'DoesNotExist': {
			return `!${key}`;
		}
	}
}

/** A label selector as `kubectl get -l` takes it; `{}` for the empty selector, which selects everything. */
export function selectorText(selector: LabelSelector): string {
	const parts = [
		...Object.entries(selector.matchLabels).map(([key, value]) => `${key}=${value}`),
		...selector.matchExpressions.map(requirement => requirementText(requirement)),
	];
	return parts.length === 0 ? '{}' : parts.join(',');
}
