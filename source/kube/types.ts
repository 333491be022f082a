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

export type Pod = {
	readonly namespace: string;
	readonly name: string;
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

/** Everything the evaluator needs to know about a cluster. */
export type ClusterObjects = {
	readonly namespaces: readonly Namespace[];
	readonly pods: readonly Pod[];
	readonly policies: readonly NetworkPolicy[];
};

/** The label every namespace carries (Kubernetes 1.22+). */
export const namespaceNameLabel = 'kubernetes.io/metadata.name';
