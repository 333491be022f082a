// Workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job,
// CronJob) read for the pods they make: the pod template's labels and container ports. Real
// manifests carry many more fields, so only what is read is checked, with the API server's
// wording; a selector that does not match the template is refused, as the API server refuses it.
import {invalid, required, type Issue, type PathSegment} from './issue.js';
import {isEmptySelector, labelSelectorIssues, labelSelectorSchema, toLabelSelector} from './label-selector.js';
import {dns1123SubdomainErrors} from './names.js';
import {asLabels, labelIssues, namespaceOf, objectMetaIssues} from './object-meta.js';
import {containerPortIssues, containerPorts, openMetadataSchema, podSpecSchema} from './pod.js';
import {type Schema, checkSchema} from './schema.js';
import type {LabelSelector, Labels, Pod, WorkloadKind} from '../model/kubernetes.js';
import {asRecord} from './values.js';

/** The apiVersion each workload kind is read in. */
export const workloadApiVersions: Readonly<Record<WorkloadKind, string>> = {
	Deployment: 'apps/v1',
	StatefulSet: 'apps/v1',
	DaemonSet: 'apps/v1',
	ReplicaSet: 'apps/v1',
	ReplicationController: 'v1',
	Job: 'batch/v1',
	CronJob: 'batch/v1',
};

/** An owner named by `metadata.ownerReferences`. */
export type OwnerReference = {readonly kind: string; readonly name: string; readonly uid?: string};

// Where the pod template is: a CronJob makes Jobs, which make pods.
function templatePath(kind: WorkloadKind): PathSegment[] {
	return kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
	let current = value;
	for (const segment of path) {
		current = asRecord(current)?.[segment as string];
	}

	return current;
}

// Nested open objects down to the pod template, which is checked as a pod's parts are.
function workloadSchema(kind: WorkloadKind): Schema {
	const template: Schema = {type: 'object', isOpen: true, fields: {metadata: openMetadataSchema, spec: podSpecSchema}};
	// The apps/v1 kinds take a metav1.LabelSelector; ReplicationController a plain map.
	const selector: Schema = kind === 'ReplicationController' ? {type: 'map', values: {type: 'string'}} : labelSelectorSchema;
	const spec: Schema = kind === 'CronJob'
		? {type: 'object', isOpen: true, fields: {jobTemplate: {type: 'object', isOpen: true, fields: {spec: {type: 'object', isOpen: true, fields: {template, selector}}}}}}
		: {type: 'object', isOpen: true, fields: {template, selector}};
	return {type: 'object', isOpen: true, fields: {metadata: openMetadataSchema, spec}};
}

// The apps/v1 kinds refuse a missing or empty selector; Jobs and ReplicationControllers default theirs.
const requiresSelector = new Set<WorkloadKind>(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** Problems with the parts of a workload netpol-dojo reads. */
export function workloadIssues(kind: WorkloadKind, object: unknown): Issue[] {
	const issues = [...checkSchema(object, workloadSchema(kind)), ...objectMetaIssues(asRecord(object)?.['metadata'], dns1123SubdomainErrors)];
	if (issues.some(issue => issue.isTypeError)) {
		return issues;
	}

	const path = templatePath(kind);
	const template = asRecord(valueAt(object, path));
	if (!template) {
		issues.push(required(path, ''));
		return issues;
	}

	// In the order of a manifest: the selector, then the template's labels, then its containers.
	issues.push(
		...selectorIssues(kind, object, path),
		...labelIssues(asRecord(template['metadata'])?.['labels'], [...path, 'metadata', 'labels']),
		...containerPortIssues(template['spec'], [...path, 'spec']),
	);
	return issues;
}

function selectorIssues(kind: WorkloadKind, object: unknown, template: readonly PathSegment[]): Issue[] {
	const selectorPath = [...template.slice(0, -1), 'selector'];
	const selector = valueAt(object, selectorPath);
	const labels = asLabels(asRecord(valueAt(object, [...template, 'metadata']))?.['labels']);
	const labelsPath = [...template, 'metadata', 'labels'];
	const mismatch = invalid(labelsPath, undefined, '`selector` does not match template `labels`');
	// Go prints the labels as a map literal here, keys sorted: `map[string]string{"app":"web"}`.
	const mismatchIssue = {...mismatch, message: mismatch.message.replace('Invalid value: null', `Invalid value: map[string]string{${Object.entries(labels).sort(([left], [right]) => (left < right ? -1 : 1)).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(', ')}}`)};
	if (kind === 'ReplicationController') {
		const map = asLabels(selector);
		return Object.keys(map).length > 0 && !Object.entries(map).every(([key, value]) => labels[key] === value) ? [mismatchIssue] : [...labelIssues(selector, selectorPath)];
	}

	if (selector === undefined || selector === null) {
		return requiresSelector.has(kind) ? [required(selectorPath, '')] : [];
	}

	const issues = labelSelectorIssues(selector, selectorPath);
	if (issues.length > 0) {
		return issues;
	}

	const typed = toLabelSelector(selector);
	if (isEmptySelector(typed)) {
		// ReplicaSet validation borrows the Deployment's words.
		const noun = kind === 'ReplicaSet' ? 'deployment' : kind.toLowerCase();
		return requiresSelector.has(kind) ? [invalid(selectorPath, {}, `empty selector is invalid for ${noun}`)] : [];
	}

	return templateMatches(typed, labels) ? [] : [mismatchIssue];
}

// apimachinery's selector semantics; the evaluator has its own copy, which the kube layer cannot import.
function templateMatches(selector: LabelSelector, labels: Labels): boolean {
	const has = (key: string) => Object.hasOwn(labels, key);
	return Object.entries(selector.matchLabels).every(([key, value]) => has(key) && labels[key] === value)
		&& selector.matchExpressions.every(({key, operator, values}) => {
			switch (operator) {
				case 'In': {
					return has(key) && values.includes(labels[key]!);
				}

				case 'NotIn': {
					return !has(key) || !values.includes(labels[key]!);
				}

				case 'Exists': {
					return has(key);
				}

				case 'DoesNotExist': {
					return !has(key);
				}
			}
		});
}

/** The owners `metadata.ownerReferences` names (entries without a kind and name are left out). */
export function ownerReferences(object: unknown): OwnerReference[] {
	const entries = asRecord(asRecord(object)?.['metadata'])?.['ownerReferences'];
	return (Array.isArray(entries) ? entries as unknown[] : []).flatMap(entry => {
		const {kind, name, uid} = asRecord(entry) ?? {};
		return typeof kind === 'string' && typeof name === 'string' ? [{kind, name, ...(typeof uid === 'string' ? {uid} : {})}] : [];
	});
}

/** The object's `metadata.uid`, when it has one (dumps do; hand-written manifests do not). */
export function uidOf(object: unknown): string | undefined {
	const uid = asRecord(asRecord(object)?.['metadata'])?.['uid'];
	return typeof uid === 'string' && uid !== '' ? uid : undefined;
}

/** The workload as the pod it stands for: its namespace, its template's labels and container ports, no IP. */
export function toWorkloadPod(kind: WorkloadKind, object: unknown): Pod {
	const metadata = asRecord(asRecord(object)?.['metadata']);
	const template = asRecord(valueAt(object, templatePath(kind)));
	const labels: Labels = asLabels(asRecord(template?.['metadata'])?.['labels']);
	return {
		namespace: namespaceOf(metadata),
		name: String(metadata?.['name']),
		workloadKind: kind,
		labels,
		ips: [],
		ports: containerPorts(template?.['spec']),
	};
}
