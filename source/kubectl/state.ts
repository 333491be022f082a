// The cluster of an exam-terminal session as data: the challenge's objects, then whatever the
// learner applied, labelled, edited or deleted, kept as kubectl would show them (plain JSON
// manifests). Pure: the file it lives in, and the log of commands beside it, are state-file.ts.
import {namespaceNameLabel} from '../model/kubernetes.js';

/** A Kubernetes object as written or applied: apiVersion, kind, metadata, and the rest. */
export type RawObject = {readonly [field: string]: unknown};

export type HistoryEntry = {
	/** The command line as the learner typed it, after `kubectl`. */
	readonly command: string;
	/** ms since 1970. */
	readonly at: number;
	readonly exitCode: number;
};

export type ClusterState = {
	readonly formatVersion: 1;
	/** The challenge's progress key, `<pack id>/<challenge id>`. */
	readonly challenge: string;
	/** When the state was made from the challenge: the age kubectl shows. */
	readonly createdAt: number;
	readonly objects: readonly RawObject[];
};

/** A field's value as text: a string or number as it is, anything else as the fallback. */
export function text(value: unknown, fallback: string): string {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}

/** Kinds that live in a namespace; the others (Namespace) are cluster-wide. */
const clusterScopedKinds = new Set(['Namespace']);

export const isNamespaced = (kind: string) => !clusterScopedKinds.has(kind);

export function metadataOf(object: RawObject): {readonly name: string; readonly namespace?: string; readonly labels: Readonly<Record<string, string>>} {
	const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
	const labels = (metadata['labels'] ?? {}) as Record<string, string>;
	const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : undefined;
	return {name: text(metadata['name'], ''), ...(namespace === undefined ? {} : {namespace}), labels};
}

export const kindOf = (object: RawObject) => text(object['kind'], '');

/** The namespace an object lives in: its own, else `default` for namespaced kinds. */
export function namespaceOf(object: RawObject): string | undefined {
	return isNamespaced(kindOf(object)) ? metadataOf(object).namespace ?? 'default' : undefined;
}

/** Whether two objects are the same object: kind, namespace and name. */
export function isSameObject(left: RawObject, right: RawObject): boolean {
	return kindOf(left) === kindOf(right) && namespaceOf(left) === namespaceOf(right) && metadataOf(left).name === metadataOf(right).name;
}

export function findObject(state: ClusterState, kind: string, namespace: string | undefined, name: string): RawObject | undefined {
	return state.objects.find(object => kindOf(object) === kind && namespaceOf(object) === (isNamespaced(kind) ? namespace : undefined) && metadataOf(object).name === name);
}

/** The state with `object` in place of the same object, or added at the end. */
export function withObject(state: ClusterState, object: RawObject): ClusterState {
	const index = state.objects.findIndex(existing => isSameObject(existing, object));
	const objects = index === -1 ? [...state.objects, object] : state.objects.map((existing, at) => (at === index ? object : existing));
	return {...state, objects};
}

/** The state without `object`. */
export function withoutObject(state: ClusterState, object: RawObject): ClusterState {
	return {...state, objects: state.objects.filter(existing => !isSameObject(existing, object))};
}

/** A new state from a challenge's objects; namespaces its objects name are made as the API server would need them. */
export function newClusterState(challenge: string, objects: readonly RawObject[], createdAt: number): ClusterState {
	const namespaces = new Set(objects.filter(object => kindOf(object) === 'Namespace').map(object => metadataOf(object).name));
	const missing = [...new Set(objects.map(object => namespaceOf(object)).filter((namespace): namespace is string => namespace !== undefined && !namespaces.has(namespace)))]
		.map((name): RawObject => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name}}));
	// Every namespace carries its name label, as the API server sets it since 1.22.
	const all = [...missing, ...objects].map(object => (kindOf(object) === 'Namespace' ? withNameLabel(object) : object));
	return {formatVersion: 1, challenge, createdAt, objects: all};
}

function withNameLabel(namespace: RawObject): RawObject {
	const metadata = (namespace['metadata'] ?? {}) as Record<string, unknown>;
	const labels = (metadata['labels'] ?? {}) as Record<string, string>;
	const name = text(metadata['name'], '');
	return {...namespace, metadata: {...metadata, labels: {...labels, [namespaceNameLabel]: name}}};
}
