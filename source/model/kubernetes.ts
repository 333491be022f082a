// The cluster objects netpol-dojo reads, as typed data. `content/` builds them from YAML or
// JSON after validation; the evaluator only ever sees values of these types.

/** A transport protocol a NetworkPolicy can name. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** A direction of traffic as seen from the selected pod. */
export type PolicyType = 'Ingress' | 'Egress';

/** Label keys to values. */
export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One `matchExpressions` entry. */
export type Requirement = {
	readonly key: string;
	readonly operator: SelectorOperator;
	readonly values: readonly string[];
};

/** A metav1.LabelSelector; both parts empty selects everything. */
export type LabelSelector = {
	readonly matchLabels: Labels;
	readonly matchExpressions: readonly Requirement[];
};

export type Namespace = {
	readonly name: string;
	/** Includes `kubernetes.io/metadata.name`, as the API server sets it. */
	readonly labels: Labels;
};

/** A container port, the only place named ports are resolved. */
export type ContainerPort = {
	readonly name?: string;
	readonly port: number;
	readonly protocol: Protocol;
};

/** The kinds of object that stand for pods they make from a pod template. */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'ReplicationController' | 'Job' | 'CronJob';

/**
A pod, or a workload standing for the pods it makes (its template's labels and container ports,
no IP) when none of them is in the files.
*/
export type Pod = {
	readonly namespace: string;
	readonly name: string;
	/** Set when this is a workload rather than a pod. */
	readonly workloadKind?: WorkloadKind;
	readonly labels: Labels;
	/** `status.podIPs` (or `status.podIP`), as written; may be empty. */
	readonly ips: readonly string[];
	readonly ports: readonly ContainerPort[];
};

/** A NetworkPolicyPort with its protocol defaulted to TCP. */
export type PolicyPort = {
	readonly protocol: Protocol;
	/** A number, a container port name, or absent for every port of the protocol. */
	readonly port?: number | string;
	readonly endPort?: number;
};

export type IpBlock = {
	readonly cidr: string;
	readonly except: readonly string[];
};

/** A NetworkPolicyPeer; validation guarantees at least one field, and ipBlock alone. */
export type Peer = {
	readonly podSelector?: LabelSelector;
	readonly namespaceSelector?: LabelSelector;
	readonly ipBlock?: IpBlock;
};

/** An ingress or egress rule. Empty `peers` admits every peer; empty `ports`, every port. */
export type Rule = {
	readonly peers: readonly Peer[];
	readonly ports: readonly PolicyPort[];
};

export type NetworkPolicy = {
	readonly namespace: string;
	readonly name: string;
	readonly podSelector: LabelSelector;
	/** As the API server defaults it when omitted: Ingress, plus Egress when there are egress rules. */
	readonly policyTypes: readonly PolicyType[];
	/** True when policyTypes was omitted or empty and so was defaulted. */
	readonly isPolicyTypesDefaulted: boolean;
	readonly ingress: readonly Rule[];
	readonly egress: readonly Rule[];
};

/** A workload as flows name it, and the entries of `ClusterObjects.pods` that stand for it. */
export type Workload = {
	readonly namespace: string;
	readonly name: string;
	readonly kind: WorkloadKind;
	/**
	Indexes into `pods`: its replicas (the pods it owns in the files, through a ReplicaSet or a Job
	too), or, when it has none, its own entry; empty for a workload that another stands for.
	*/
	readonly pods: readonly number[];
	/** True when `pods` are its replicas rather than its own entry. */
	readonly hasReplicas: boolean;
	/** `namespace/name[Kind]` of the workload that owns it in the files, when `pods` is empty. */
	readonly ownedBy?: string;
};

/** A ServicePort with its protocol and targetPort defaulted as the API server defaults them. */
export type ServicePort = {
	readonly name?: string;
	readonly port: number;
	readonly protocol: Protocol;
	/** A container port number, or the name of a container port resolved on each backend. */
	readonly targetPort: number | string;
};

export type Service = {
	readonly namespace: string;
	readonly name: string;
	/** `spec.selector`; undefined (or empty) when the Service has none and its endpoints are kept by hand. */
	readonly selector?: Labels;
	/** `spec.type`, for messages (an ExternalName Service has no backends). */
	readonly type?: string;
	readonly ports: readonly ServicePort[];
};

/** Everything the evaluator needs to know about a cluster. */
export type ClusterObjects = {
	readonly namespaces: readonly Namespace[];
	readonly pods: readonly Pod[];
	readonly policies: readonly NetworkPolicy[];
	/** Every workload of the files, whether it is an entry of `pods` or its replicas are. */
	readonly workloads?: readonly Workload[];
	readonly services?: readonly Service[];
};

/** The label every namespace carries (Kubernetes 1.22+). */
export const namespaceNameLabel = 'kubernetes.io/metadata.name';
