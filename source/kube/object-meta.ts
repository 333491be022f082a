// ObjectMeta as every object carries it: the schema of its fields and the checks
// ValidateObjectMeta makes on the parts netpol-dojo reads (name, namespace, labels).
import type {Issue, PathSegment} from './issue.js';
import {invalid, required} from './issue.js';
import {dns1123LabelErrors, labelValueErrors, qualifiedNameErrors} from './names.js';
import type {Schema} from './schema.js';
import {asRecord, asStringValue} from './values.js';

const stringMap: Schema = {type: 'map', values: {type: 'string'}};

export const objectMetaSchema: Schema = {
	type: 'object',
	fields: {
		name: {type: 'string'},
		generateName: {type: 'string'},
		namespace: {type: 'string'},
		selfLink: {type: 'string'},
		uid: {type: 'string'},
		resourceVersion: {type: 'string'},
		generation: {type: 'integer'},
		creationTimestamp: {type: 'any'},
		deletionTimestamp: {type: 'any'},
		deletionGracePeriodSeconds: {type: 'integer'},
		labels: stringMap,
		annotations: stringMap,
		ownerReferences: {type: 'any'},
		finalizers: {type: 'list', items: {type: 'string'}},
		managedFields: {type: 'any'},
	},
};

/** The string labels of a map, skipping values of the wrong type (reported by the schema). */
export function asLabels(value: unknown): Record<string, string> {
	const labels: Record<string, string> = Object.create(null) as Record<string, string>;
	for (const [key, entry] of Object.entries(asRecord(value) ?? {})) {
		const labelValue = asStringValue(entry);
		if (labelValue !== undefined) {
			labels[key] = labelValue;
		}
	}

	return labels;
}

/**
ValidateLabels: every key a qualified name, every value a label value. The message names the
map (`metadata.labels`) as the API server does; the issue points at the key or value itself,
so that a bad second label is not reported on the line of the first.
*/
export function labelIssues(value: unknown, path: readonly PathSegment[]): Issue[] {
	return Object.entries(asRecord(value) ?? {}).flatMap(([key, labelValue]): Issue[] => [
		...qualifiedNameErrors(key).map(message => ({...invalid(path, key, message), path: [...path, key], isAtKey: true})),
		...(typeof labelValue === 'string' ? labelValueErrors(labelValue).map(message => ({...invalid(path, labelValue, message), path: [...path, key]})) : []),
	]);
}

/** Name (with the object kind's name rule), namespace and labels of an object's metadata. */
export function objectMetaIssues(metadata: unknown, nameErrors: (name: string) => string[]): Issue[] {
	const meta = asRecord(metadata) ?? {};
	const issues: Issue[] = [];
	// A name of the wrong type is a type error (the schema reports it), not a missing name.
	if (meta['name'] === undefined || meta['name'] === null || meta['name'] === '') {
		issues.push(required(['metadata', 'name'], 'name or generateName is required'));
	} else if (typeof meta['name'] === 'string') {
		issues.push(...nameErrors(meta['name']).map(message => invalid(['metadata', 'name'], meta['name'], message)));
	}

	if (typeof meta['namespace'] === 'string' && meta['namespace'] !== '') {
		issues.push(...dns1123LabelErrors(meta['namespace']).map(message => invalid(['metadata', 'namespace'], meta['namespace'], message)));
	}

	issues.push(...labelIssues(meta['labels'], ['metadata', 'labels']));
	return issues;
}

/** The object's namespace, `default` when unset (as kubectl fills it from the context). */
export function namespaceOf(metadata: unknown): string {
	const namespace = asRecord(metadata)?.['namespace'];
	return typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
}
