// Labels as part of an answer: a task may ask to label a namespace or a pod (`kubectl label`),
// and a pack's solution.yaml then holds Namespace and Pod objects whose labels replace the
// cluster's, as `kubectl apply` would. Two answers agree on labels when every namespace and pod
// of the cluster carries the same values on every key some selector of either answer names: no
// other key can change a verdict, today or for a pod to come.
import type {ClusterObjects, Labels, NetworkPolicy} from '../model/kubernetes.js';
import type {Relabelling} from '../model/relabelling.js';
import {namespaceNameLabel} from '../model/kubernetes.js';

/** One object whose labels differ where a selector looks. */
export type LabelDifference = {
	readonly kind: 'Namespace' | 'Pod';
	/** `namespace` for a namespace, `namespace/name` for a pod. */
	readonly name: string;
	/** Only the keys that differ, as each side has them (absent: no such label). */
	readonly yours: Labels;
	readonly expected: Labels;
};

/** The cluster with the relabelled objects' labels in place of its own; objects it does not hold are left out. */
export function relabelled(cluster: ClusterObjects, relabelling: Relabelling): ClusterObjects {
	const namespaceLabels = new Map(relabelling.namespaces.map(namespace => [namespace.name, namespace.labels]));
	const podLabels = new Map(relabelling.pods.map(pod => [`${pod.namespace}/${pod.name}`, pod.labels]));
	return {
		...cluster,
		// A Namespace always keeps its name label: the API server sets it, whatever is applied.
		namespaces: cluster.namespaces.map(namespace => {
			const labels = namespaceLabels.get(namespace.name);
			return labels ? {...namespace, labels: {...labels, [namespaceNameLabel]: namespace.name}} : namespace;
		}),
		pods: cluster.pods.map(pod => {
			const labels = podLabels.get(`${pod.namespace}/${pod.name}`);
			return labels ? {...pod, labels} : pod;
		}),
	};
}

/** Every label key a selector of these policies names, pod and namespace selectors alike. */
export function selectorKeys(policies: readonly NetworkPolicy[]): Set<string> {
	const keys = new Set<string>();
	const add = (selector: NetworkPolicy['podSelector'] | undefined) => {
		for (const key of Object.keys(selector?.matchLabels ?? {})) {
			keys.add(key);
		}

		for (const expression of selector?.matchExpressions ?? []) {
			keys.add(expression.key);
		}
	};

	for (const policy of policies) {
		add(policy.podSelector);
		for (const rule of [...policy.ingress, ...policy.egress]) {
			for (const peer of rule.peers) {
				add(peer.podSelector);
				add(peer.namespaceSelector);
			}
		}
	}

	return keys;
}

/** Where the learner's cluster and the expected one differ on a label a selector names. */
export function labelDifferences(yours: ClusterObjects, expected: ClusterObjects, keys: ReadonlySet<string>): LabelDifference[] {
	const differences: LabelDifference[] = [];
	const compare = (kind: LabelDifference['kind'], name: string, mine: Labels, theirs: Labels) => {
		const differing = [...keys].filter(key => mine[key] !== theirs[key]).sort();
		if (differing.length > 0) {
			const pick = (labels: Labels) => Object.fromEntries(differing.filter(key => Object.hasOwn(labels, key)).map(key => [key, labels[key]!]));
			differences.push({kind, name, yours: pick(mine), expected: pick(theirs)});
		}
	};

	// Every namespace carries its name label whether the files write it or not (the API server sets it).
	const named = (name: string, labels: Labels): Labels => ({...labels, [namespaceNameLabel]: name});
	const yourNamespaces = new Map(yours.namespaces.map(namespace => [namespace.name, namespace.labels]));
	for (const namespace of expected.namespaces) {
		compare('Namespace', namespace.name, named(namespace.name, yourNamespaces.get(namespace.name) ?? {}), named(namespace.name, namespace.labels));
	}

	const yourPods = new Map(yours.pods.map(pod => [`${pod.namespace}/${pod.name}`, pod.labels]));
	for (const pod of expected.pods) {
		compare('Pod', `${pod.namespace}/${pod.name}`, yourPods.get(`${pod.namespace}/${pod.name}`) ?? {}, pod.labels);
	}

	return differences;
}

const labelText = (labels: Labels) => (Object.keys(labels).length === 0 ? 'none' : Object.entries(labels).map(([key, value]) => `${key}=${value}`).join(','));

/** A difference in words: `namespace dev: yours has team=none... the task's team=frontend`. */
export function describeLabelDifference(difference: LabelDifference): string {
	return `${difference.kind === 'Namespace' ? 'namespace' : 'pod'} ${difference.name} has labels ${labelText(difference.yours)}; the task needs ${labelText(difference.expected)}`;
}
