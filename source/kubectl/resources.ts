// The resource types the dojo's kubectl knows, by every name kubectl accepts for them, and how
// `-o name` spells each one. NetworkPolicy tasks need these; the rest is refused in kubectl's words.

export type ResourceType = {
	readonly kind: string;
	/** The plural kubectl prints in messages ("pods"). */
	readonly plural: string;
	/** `-o name`'s prefix: the resource and its group, as kubectl writes it. */
	readonly nameprefix: string;
	readonly names: readonly string[];
};

export const resourceTypes: readonly ResourceType[] = [
	{kind: 'Pod', plural: 'pods', nameprefix: 'pod', names: ['pods', 'pod', 'po']},
	{kind: 'Service', plural: 'services', nameprefix: 'service', names: ['services', 'service', 'svc']},
	{kind: 'DaemonSet', plural: 'daemonsets', nameprefix: 'daemonset.apps', names: ['daemonsets', 'daemonset', 'ds']},
	{kind: 'Deployment', plural: 'deployments', nameprefix: 'deployment.apps', names: ['deployments', 'deployment', 'deploy']},
	{kind: 'ReplicaSet', plural: 'replicasets', nameprefix: 'replicaset.apps', names: ['replicasets', 'replicaset', 'rs']},
	{kind: 'StatefulSet', plural: 'statefulsets', nameprefix: 'statefulset.apps', names: ['statefulsets', 'statefulset', 'sts']},
	{kind: 'Job', plural: 'jobs', nameprefix: 'job.batch', names: ['jobs', 'job']},
	{kind: 'CronJob', plural: 'cronjobs', nameprefix: 'cronjob.batch', names: ['cronjobs', 'cronjob', 'cj']},
	{kind: 'ReplicationController', plural: 'replicationcontrollers', nameprefix: 'replicationcontroller', names: ['replicationcontrollers', 'replicationcontroller', 'rc']},
	{kind: 'Namespace', plural: 'namespaces', nameprefix: 'namespace', names: ['namespaces', 'namespace', 'ns']},
	{kind: 'NetworkPolicy', plural: 'networkpolicies', nameprefix: 'networkpolicy.networking.k8s.io', names: ['networkpolicies', 'networkpolicy', 'netpol', 'networkpolicies.networking.k8s.io', 'networkpolicy.networking.k8s.io']},
];

/** What `kubectl get all` lists, in its order. */
const allKinds = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'];

/** The types a `get` argument names (`pods`, `po,svc`, `all`), or the first name that is none. */
export function resourceTypesNamed(argument: string): {readonly types: readonly ResourceType[]} | {readonly unknown: string} {
	const types: ResourceType[] = [];
	for (const name of argument.toLowerCase().split(',')) {
		if (name === 'all') {
			types.push(...allKinds.map(kind => resourceTypes.find(type => type.kind === kind)!));
			continue;
		}

		const type = resourceTypes.find(candidate => candidate.names.includes(name));
		if (!type) {
			return {unknown: name};
		}

		types.push(type);
	}

	return {types: [...new Set(types)]};
}

/** The type of an object's kind. */
export function resourceTypeOf(kind: string): ResourceType | undefined {
	return resourceTypes.find(type => type.kind === kind);
}

/** The API server's NotFound, as kubectl prints it: `networkpolicies.networking.k8s.io "x" not found`. */
export function notFoundMessage(type: ResourceType, name: string): string {
	const group = type.nameprefix.includes('.') ? type.nameprefix.slice(type.nameprefix.indexOf('.')) : '';
	return `Error from server (NotFound): ${type.plural}${group} "${name}" not found`;
}
