// An answer's labels: the Namespaces and Pods a learner's file or a pack's solution.yaml holds,
// whose labels replace the cluster's (as `kubectl apply` or `kubectl label` would).
import type {ClusterObjects, Namespace, Pod} from './kubernetes.js';

/** Namespaces and pods whose labels replace those of the cluster's objects of the same name. */
export type Relabelling = {readonly namespaces: readonly Namespace[]; readonly pods: readonly Pod[]};

export const noRelabelling: Relabelling = {namespaces: [], pods: []};

/**
The labels a loaded answer sets: its Namespaces and its Pods. A workload is left out: it stands
for pods of its own, not for the cluster's pod of the same name.
*/
export function relabellingOf(objects: ClusterObjects): Relabelling {
	return {namespaces: objects.namespaces, pods: objects.pods.filter(pod => pod.workloadKind === undefined)};
}
