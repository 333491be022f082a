// Parts of a NetworkPolicy in the short forms kubectl prints them in (`app=web,tier in (a,b)`),
// shared by explain, matrix and diff so that one thing is always written one way (selectors:
// kube/selector-text.ts, which lint words its findings with too).
import type {Labels, PolicyPort} from '../model/kubernetes.js';
import {namespaceNameLabel} from '../model/kubernetes.js';

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
