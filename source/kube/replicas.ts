// Which pods of the files belong to which workload (metadata.ownerReferences, followed up the
// chain: Pod → ReplicaSet → Deployment, Pod → Job → CronJob), and so which workloads stand for
// themselves. A workload whose pods are in the files is those pods: it is not a pod of its own
// beside them (a dump of a Deployment and its three pods has three pods, not four). A workload
// that another in the files owns (a ReplicaSet of a Deployment) is its owner's business too.
import type {Ownership} from './objects.js';
import type {Pod, Workload, WorkloadKind} from '../model/kubernetes.js';
import {workloadApiVersions} from './workload.js';

/** A pod or a workload as read, in the order of the files. */
export type OwnedEntry = {readonly pod: Pod; readonly ownership: Ownership};

/** `namespace/name` of a pod, `namespace/name[Kind]` of a workload: how commands show an endpoint. */
export function endpointDisplayName(pod: Pod): string {
	return pod.workloadKind === undefined ? `${pod.namespace}/${pod.name}` : `${pod.namespace}/${pod.name}[${pod.workloadKind}]`;
}

function isWorkloadKind(kind: string): kind is WorkloadKind {
	return Object.hasOwn(workloadApiVersions, kind);
}

/**
The pods the evaluator sees (every pod, and each workload that stands for itself, in the order
of the files) and every workload with the entries that stand for it.
*/
export function assignReplicas(entries: readonly OwnedEntry[]): {pods: Pod[]; workloads: Workload[]} {
	const workloadEntries = entries.filter(entry => entry.pod.workloadKind !== undefined);
	const byKey = new Map(workloadEntries.map((entry, index) => [`${entry.pod.namespace}/${entry.pod.workloadKind!}/${entry.pod.name}`, index]));
	const workloadIndex = new Map(workloadEntries.map((entry, index) => [entry, index]));
	// An owner reference names a workload of the same namespace; where both sides have a uid, it must agree.
	const ownerOf = (entry: OwnedEntry): number | undefined => {
		for (const owner of entry.ownership.owners) {
			const index = isWorkloadKind(owner.kind) ? byKey.get(`${entry.pod.namespace}/${owner.kind}/${owner.name}`) : undefined;
			const ownerUid = index === undefined ? undefined : workloadEntries[index]!.ownership.uid;
			if (index !== undefined && (owner.uid === undefined || ownerUid === undefined || owner.uid === ownerUid)) {
				return index;
			}
		}

		return undefined;
	};

	const owners = workloadEntries.map(entry => ownerOf(entry));
	// The chain of owners above an entry, nearest first; a loop of references ends where it closes.
	const chainFrom = (first: number | undefined): number[] => {
		const chain: number[] = [];
		for (let current = first; current !== undefined && !chain.includes(current); current = owners[current]) {
			chain.push(current);
		}

		return chain;
	};

	const replicaEntries = workloadEntries.map((): OwnedEntry[] => []);
	for (const entry of entries) {
		if (entry.pod.workloadKind === undefined) {
			for (const workload of chainFrom(ownerOf(entry))) {
				replicaEntries[workload]!.push(entry);
			}
		}
	}

	const standsForItself = (index: number) => replicaEntries[index]!.length === 0 && owners[index] === undefined;
	const pods: Pod[] = [];
	const podIndex = new Map<OwnedEntry, number>();
	for (const entry of entries) {
		const index = workloadIndex.get(entry);
		if (index === undefined || standsForItself(index)) {
			podIndex.set(entry, pods.length);
			pods.push(entry.pod);
		}
	}

	const workloads = workloadEntries.map((entry, index): Workload => {
		const replicas = replicaEntries[index]!;
		const top = chainFrom(owners[index]).at(-1);
		const base = {namespace: entry.pod.namespace, name: entry.pod.name, kind: entry.pod.workloadKind!};
		if (replicas.length > 0) {
			return {...base, pods: replicas.map(replica => podIndex.get(replica)!), hasReplicas: true};
		}

		return top === undefined
			? {...base, pods: [podIndex.get(entry)!], hasReplicas: false}
			: {...base, pods: [], hasReplicas: false, ownedBy: endpointDisplayName(workloadEntries[top]!.pod)};
	});
	return {pods, workloads};
}
