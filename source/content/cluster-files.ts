// Cluster objects from files: every document read, every object validated, every problem
// reported with its file and line (all of them, not only the first).
import type {Issue, PathSegment} from '../kube/issue.js';
import {decodeDocument} from '../kube/objects.js';
import {type OwnedEntry, assignReplicas} from '../kube/replicas.js';
import type {ClusterObjects, Namespace, NetworkPolicy, Service} from '../model/kubernetes.js';
import {readDocuments} from './documents.js';
import {ProblemCollector, type Problem} from '../model/input-error.js';
import type {SourceDocument} from './yaml-document.js';
import {locateIssue} from './locate-issue.js';
import {kindMistakeMessage, likelyMistake} from './skipped-kinds.js';

export type LoadedCluster = {
	readonly objects: ClusterObjects;
	/** Accepted, but likely not what was meant (kubectl's "Warning:" lines). */
	readonly warnings: readonly Problem[];
	/** What was skipped, for a note on stderr. */
	readonly skipped: readonly SkippedKind[];
	/**
	Every skipped object that was surely meant to be read (a misspelt kind, an old apiVersion),
	at its field: in a file of the learner's policies, kubectl would refuse them.
	*/
	readonly misread: readonly Problem[];
};

/** Objects of a kind netpol-dojo does not read: how many, and the first one's file, line and name. */
export type SkippedKind = {
	readonly kind: string;
	readonly apiVersion: string;
	readonly count: number;
	/** `file:line Kind "name"`. */
	readonly first: string;
};

// Where an object was first seen; its line is looked up only if it is defined twice.
type Seen = {file: string; document: SourceDocument; path: readonly PathSegment[]; policyIndex?: number};

/** Where a NetworkPolicy was written, for messages about it found after loading (lint). */
export type PolicySource = {
	/** The object as written, before defaulting (whether `protocol` was written, say). */
	readonly written: unknown;
	/** The file, line and column of a path inside the object (`['spec', 'ingress', 0]`), at its key when it has one. */
	readonly locate: (path: readonly PathSegment[]) => Problem;
};

/** Reads and validates cluster objects; throws InputError listing every problem. */
export function loadClusterFiles(files: readonly string[], maxBytes?: number): LoadedCluster {
	return loadClusterSources(files.map(file => ({file, documents: readDocuments(file, maxBytes)})));
}

/** As loadClusterFiles, with where each NetworkPolicy was written: `policySources[i]` is `objects.policies[i]`'s. */
export function loadClusterFilesWithSources(files: readonly string[], maxBytes?: number): LoadedCluster & {readonly policySources: readonly PolicySource[]} {
	const policySources: PolicySource[] = [];
	const loaded = loadSources(files.map(file => ({file, documents: readDocuments(file, maxBytes)})), policySources);
	return {...loaded, policySources};
}

/** Validates the cluster objects of parsed documents (from files or text embedded in a lesson). */
export function loadClusterSources(sources: ReadonlyArray<{readonly file: string; readonly documents: readonly SourceDocument[]}>): LoadedCluster {
	return loadSources(sources, undefined);
}

function loadSources(sources: ReadonlyArray<{readonly file: string; readonly documents: readonly SourceDocument[]}>, policySources: PolicySource[] | undefined): LoadedCluster {
	const namespaces: Namespace[] = [];
	// Pods and workloads in the order of the files: which of them are endpoints is known at the end.
	const owned: OwnedEntry[] = [];
	const services: Service[] = [];
	const policies: NetworkPolicy[] = [];
	// Only the first errors are located and reported; the others are counted.
	const errors = new ProblemCollector();
	const warnings: Problem[] = [];
	const skipped = new Map<string, {kind: string; apiVersion: string; count: number; first: string}>();
	const misread: Problem[] = [];
	const seen = new Map<string, Seen>();
	for (const {file, documents} of sources) {
		let fileObjects = 0;
		for (const document of documents) {
			for (const result of decodeDocument(document.value)) {
				fileObjects++;
				const at = (issue: Issue): Problem => locateIssue(file, document, result.path, issue);
				for (const issue of result.issues) {
					const labelled = (): Problem => {
						const problem = at(issue);
						return {...problem, message: `${result.label}: ${problem.message}`};
					};

					if (issue.severity === 'error') {
						errors.add(labelled);
					} else {
						warnings.push(labelled());
					}
				}

				if (result.skipped) {
					const mistake = likelyMistake(result.skipped);
					if (mistake) {
						misread.push({...at({path: [mistake.field], message: '', severity: 'error'}), message: kindMistakeMessage(result.label, mistake)});
					}

					const key = `${result.skipped.apiVersion}/${result.skipped.kind}`;
					// Located only for the first of each kind: the line may take the YAML parser.
					const entry = skipped.get(key) ?? skippedEntry(result.skipped, at({path: ['kind'], message: '', severity: 'warning'}), result.label);
					entry.count++;
					skipped.set(key, entry);
				}

				const {object} = result;
				if (!object) {
					continue;
				}

				const earlier = seen.get(result.label);
				if (earlier) {
					// Located only when reported: a line lookup may take the YAML parser.
					const firstAt = (): string => {
						const first = locateIssue(earlier.file, earlier.document, earlier.path, {path: [], message: '', severity: 'error'});
						return `${first.file}:${first.line ?? 0}`;
					};
					// A policy in a later file replaces the one of the same name in an earlier file,
					// as kubectl apply would: a cluster dump and the edited policy can be given together.
					// Within one file, or for other kinds, a second definition is a mistake.
					if (object.kind === 'NetworkPolicy' && earlier.policyIndex !== undefined && earlier.file !== file) {
						policies[earlier.policyIndex] = object.policy;
						if (policySources) {
							policySources[earlier.policyIndex] = {
								written: valueAt(document.value, result.path),
								locate: path => locateIssue(file, document, result.path, {path, message: '', severity: 'error', isAtKey: true}),
							};
						}

						warnings.push({...at({path: [], message: '', severity: 'warning'}), message: `${result.label} replaces the one at ${firstAt()}, as kubectl apply would`});
						seen.set(result.label, {file, document, path: result.path, policyIndex: earlier.policyIndex});
						continue;
					}

					errors.add(() => ({...at({path: [], message: '', severity: 'error'}), message: `${result.label} is defined twice (first at ${firstAt()})`}));
					continue;
				}

				seen.set(result.label, {file, document, path: result.path, ...(object.kind === 'NetworkPolicy' ? {policyIndex: policies.length} : {})});

				if (object.kind === 'Namespace') {
					namespaces.push(object.namespace);
				} else if (object.kind === 'Pod' || object.kind === 'Workload') {
					owned.push({pod: object.pod, ownership: object.ownership});
				} else if (object.kind === 'Service') {
					services.push(object.service);
				} else {
					policies.push(object.policy);
					policySources?.push({
						written: valueAt(document.value, result.path),
						locate: path => locateIssue(file, document, result.path, {path, message: '', severity: 'error', isAtKey: true}),
					});
				}
			}
		}

		if (fileObjects === 0) {
			errors.add(() => ({file, message: 'has no Kubernetes objects in it'}));
		}
	}

	errors.throwIfAny();

	const {pods, workloads} = assignReplicas(owned);
	return {objects: {namespaces, pods, policies, workloads, services}, warnings, skipped: [...skipped.values()], misread};
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
	let current = value;
	for (const segment of path) {
		current = (current as Record<string | number, unknown> | undefined)?.[segment];
	}

	return current;
}

function skippedEntry(kind: {readonly kind: string; readonly apiVersion: string}, firstAt: Problem, label: string): {kind: string; apiVersion: string; count: number; first: string} {
	return {...kind, count: 0, first: `${firstAt.file}${firstAt.line === undefined ? '' : `:${firstAt.line}`} ${label}`};
}
