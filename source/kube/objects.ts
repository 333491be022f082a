// Sorting the documents of a cluster dump into the kinds netpol-dojo reads, each validated.
import {bareOrQuoted, quoteValue} from '../model/sanitize.js';
import {asRecord} from './values.js';
import {checkSchema} from './schema.js';
import type {Issue, PathSegment} from './issue.js';
import {namespaceOf} from './object-meta.js';
import {networkPolicyIssues, toNetworkPolicy} from './network-policy.js';
import {namespaceIssues, podIssues, toNamespace, toPod} from './pod.js';
import {serviceIssues, toService} from './service.js';
import type {Namespace, NetworkPolicy, Pod, Service, WorkloadKind} from '../model/kubernetes.js';
import {type OwnerReference, ownerReferences, toWorkloadPod, uidOf, workloadApiVersions, workloadIssues} from './workload.js';

/** Who owns a pod or a workload, and who it is, for finding a workload's replicas in the files. */
export type Ownership = {readonly uid?: string; readonly owners: readonly OwnerReference[]};

export type DecodedObject =
	| {readonly kind: 'Namespace'; readonly namespace: Namespace}
	| {readonly kind: 'Pod'; readonly pod: Pod; readonly ownership: Ownership}
	/** A workload, as the pod it stands for (`workloadKind` set). */
	| {readonly kind: 'Workload'; readonly pod: Pod & {readonly workloadKind: WorkloadKind}; readonly ownership: Ownership}
	| {readonly kind: 'Service'; readonly service: Service}
	| {readonly kind: 'NetworkPolicy'; readonly policy: NetworkPolicy};

/** One object found in a document, with what was wrong with it. */
export type ObjectResult = {
	/** Where the object sits in its document (`items[3]` in a List). */
	readonly path: readonly PathSegment[];
	/** `NetworkPolicy "default/db-policy"`, for messages. */
	readonly label: string;
	/** Paths relative to the object. */
	readonly issues: readonly Issue[];
	readonly object?: DecodedObject;
	/** Set for kinds netpol-dojo does not read. */
	readonly skipped?: {readonly kind: string; readonly apiVersion: string};
};

type Reader = {
	readonly issues: (object: unknown) => Issue[];
	readonly decode: (object: unknown) => DecodedObject;
};

function ownershipOf(object: unknown): Ownership {
	const uid = uidOf(object);
	return {...(uid === undefined ? {} : {uid}), owners: ownerReferences(object)};
}

function workloadReader(kind: WorkloadKind): Reader {
	return {
		issues: object => workloadIssues(kind, object),
		decode: object => ({kind: 'Workload', pod: toWorkloadPod(kind, object) as Pod & {workloadKind: WorkloadKind}, ownership: ownershipOf(object)}),
	};
}

const readers: Readonly<Record<string, Reader>> = {
	'v1/Namespace': {issues: namespaceIssues, decode: object => ({kind: 'Namespace', namespace: toNamespace(object)})},
	'v1/Pod': {issues: podIssues, decode: object => ({kind: 'Pod', pod: toPod(object), ownership: ownershipOf(object)})},
	'v1/Service': {issues: serviceIssues, decode: object => ({kind: 'Service', service: toService(object)})},
	'networking.k8s.io/v1/NetworkPolicy': {issues: networkPolicyIssues, decode: object => ({kind: 'NetworkPolicy', policy: toNetworkPolicy(object)})},
	...Object.fromEntries(Object.entries(workloadApiVersions).map(([kind, apiVersion]) => [`${apiVersion}/${kind}`, workloadReader(kind as WorkloadKind)])),
};

/** The items of a List document (`kind: List`, `PodList`...), undefined for any other document. */
export function listItems(value: unknown): readonly unknown[] | undefined {
	const record = asRecord(value);
	if (!record || typeof record['kind'] !== 'string' || !record['kind'].endsWith('List')) {
		return undefined;
	}

	const items = record['items'];
	// A List without items is empty, as kubectl reads it; a wrong type is decodeDocument's to refuse.
	return Array.isArray(items) ? items as unknown[] : [];
}

/** How many objects a document holds: the items of a List, one for any other value, none for an empty document. */
export function objectCount(value: unknown): number {
	if (value === null || value === undefined) {
		return 0;
	}

	return listItems(value)?.length ?? 1;
}

/** Every object of one YAML document: the document itself, or the items of a List. */
export function decodeDocument(value: unknown): ObjectResult[] {
	if (value === null || value === undefined) {
		return [];
	}

	const items = listItems(value);
	if (!items) {
		return decodeObject(value, []);
	}

	// kubectl refuses a List whose items are not a list ("cannot unmarshal object into Go struct
	// field List.items of type []runtime.RawExtension"); skipping it as an unknown kind would hide it.
	const record = asRecord(value)!;
	const issues = checkSchema(record['items'], {type: 'list', items: {type: 'any'}}, ['items']);
	if (issues.length > 0) {
		return [{path: [], label: String(record['kind']), issues}];
	}

	return items.flatMap((item, index) => decodeObject(item, ['items', index]));
}

function decodeObject(value: unknown, path: readonly PathSegment[]): ObjectResult[] {
	const record = asRecord(value);
	if (!record) {
		const issue: Issue = {path: [], message: 'expected a Kubernetes object (a mapping with apiVersion and kind)', severity: 'error'};
		return [{path, label: 'document', issues: [issue]}];
	}

	const {kind, apiVersion} = record;
	if (typeof kind !== 'string' || kind === '') {
		return [{path, label: 'object', issues: [{path: [], message: 'Object \'Kind\' is missing', severity: 'error'}]}];
	}

	if (typeof apiVersion !== 'string' || apiVersion === '') {
		const shownKind = bareOrQuoted(kind);
		return [{path, label: shownKind, issues: [{path: [], message: `Object 'apiVersion' is missing in ${shownKind}`, severity: 'error'}]}];
	}

	// Kinds and names of skipped objects are not validated: a look-alike shows quoted and escaped.
	const label = `${bareOrQuoted(kind)} ${quoteValue(labelName(kind, record['metadata']))}`;
	const reader = readers[`${apiVersion}/${kind}`];
	if (!reader) {
		return [{path, label, issues: [], skipped: {kind, apiVersion}}];
	}

	const issues = reader.issues(value);
	const hasError = issues.some(issue => issue.severity === 'error');
	return [{path, label, issues, ...(hasError ? {} : {object: reader.decode(value)})}];
}

function labelName(kind: string, metadata: unknown): string {
	const name = asRecord(metadata)?.['name'];
	const shownName = typeof name === 'string' ? name : '';
	return kind === 'Namespace' ? shownName : `${namespaceOf(metadata)}/${shownName}`;
}
