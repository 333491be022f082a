// Parts of a NetworkPolicy in the short forms kubectl prints them in (`app=web,tier in (a,b)`),
// shared by explain, matrix, diff and lint so that one thing is always written one way.
import type {Labels, LabelSelector, PolicyPort, Requirement} from '../model/kubernetes.js';
import {namespaceNameLabel} from '../model/kubernetes.js';

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

/**
Labels as `key=value,...`, sorted, with the automatic `kubernetes.io/metadata.name` last (it is
on every namespace and says little); `no labels` when there are none.
*/
export function labelsText(labels: Labels): string {
	const keys = Object.keys(labels).sort((left, right) => {
		if (left === namespaceNameLabel || right === namespaceNameLabel) {
			return left === namespaceNameLabel ? 1 : -1;
		}

		return left < right ? -1 : (left > right ? 1 : 0);
	});
	return keys.length === 0 ? 'no labels' : keys.map(key => `${key}=${labels[key]!}`).join(',');
}

/** A port entry: `3306/TCP`, `8000-9000/TCP`, `http/TCP` (named), or `every TCP port`. */
export function portEntryText(entry: PolicyPort): string {
	if (entry.port === undefined) {
		return `every ${entry.protocol} port`;
	}

	const range = entry.endPort === undefined ? String(entry.port) : `${entry.port}-${entry.endPort}`;
	return `${range}/${entry.protocol}`;
}
