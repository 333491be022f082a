// NetworkPolicy's API schema for `kubectl explain`: every type and field of networking.k8s.io/v1
// NetworkPolicy with its type as kubectl prints it and a description written for the dojo, in
// plain words (the facts of the API reference, not its text). Metadata is told briefly.

export type FieldDoc = {
	/** As kubectl prints it between < >: `string`, `[]NetworkPolicyPeer`, `map[string]string`. */
	readonly type: string;
	readonly description: string;
	/** The definition this field's values are (its fields, its own description). */
	readonly ref?: string;
	readonly isRequired?: boolean;
	readonly enum?: readonly string[];
};

export type TypeDoc = {
	readonly description: string;
	readonly fields: Readonly<Record<string, FieldDoc>>;
};

const selectorNote = 'An empty selector ({}) selects every';

export const rootType = 'NetworkPolicy';

export const types: Readonly<Record<string, TypeDoc>> = {
	NetworkPolicy: {
		description: 'A NetworkPolicy chooses a set of pods in its namespace and says which traffic may reach them (ingress) and which traffic they may send (egress). Once a pod is chosen by any policy for a direction, only what some policy allows in that direction gets through; pods no policy chooses keep accepting and sending everything.',
		fields: {
			apiVersion: {type: 'string', description: 'The version of the API this object is written in: networking.k8s.io/v1 for a NetworkPolicy. The API server reads an object in the version given here.'},
			kind: {type: 'string', description: 'The kind of object this is, in CamelCase: NetworkPolicy. Together with apiVersion it tells the API server how to read the rest.'},
			metadata: {type: 'ObjectMeta', ref: 'ObjectMeta', description: 'The name, namespace, labels and annotations of this policy, and what the API server records about it. The policy applies to pods of its own namespace only.'},
			spec: {type: 'NetworkPolicySpec', ref: 'NetworkPolicySpec', description: 'What the policy does: which pods it chooses and the traffic it allows to and from them.'},
		},
	},
	ObjectMeta: {
		description: 'The metadata every stored object has: its name and namespace, labels and annotations, and the fields the API server fills in (uid, resourceVersion, creationTimestamp...).',
		fields: {
			annotations: {type: 'map[string]string', description: 'Free-form key/value notes for tools and people. Selectors never look at annotations.'},
			creationTimestamp: {type: 'string', ref: 'Time', description: 'When the object was created, set by the API server in UTC. Read-only.'},
			deletionGracePeriodSeconds: {type: 'integer', description: 'How many seconds the object has to go away once its deletion began. Set by the API server. Read-only.'},
			deletionTimestamp: {type: 'string', ref: 'Time', description: 'When the object will be deleted, set by the API server once a deletion is asked for. Read-only.'},
			finalizers: {type: '[]string', description: 'Names of controllers that must finish their work before the object is removed from storage.'},
			generateName: {type: 'string', description: 'A prefix the API server completes with random characters to make a unique name, used when name is left empty.'},
			generation: {type: 'integer', description: 'A number the API server raises each time the desired state (spec) changes. Read-only.'},
			labels: {type: 'map[string]string', description: 'Key/value pairs that identify the object. Label selectors, such as a NetworkPolicy\'s podSelector and namespaceSelector, choose objects by their labels.'},
			managedFields: {type: '[]ManagedFieldsEntry', ref: 'ManagedFieldsEntry', description: 'Which tool (field manager) set which fields, kept by the API server for server-side apply. Rarely read by people.'},
			name: {type: 'string', description: 'The name of the object, unique among objects of its kind in its namespace. It cannot be changed once set.'},
			namespace: {type: 'string', description: 'The namespace the object lives in. Left empty, the namespace of the request (kubectl -n, else default) is used.'},
			ownerReferences: {type: '[]OwnerReference', ref: 'OwnerReference', description: 'The objects this one belongs to. When every owner is deleted, the garbage collector deletes this object too.'},
			resourceVersion: {type: 'string', description: 'An opaque version the API server changes on every write, used to detect concurrent changes. Read-only.'},
			selfLink: {type: 'string', description: 'No longer set by the API server; kept for old clients. Read-only.'},
			uid: {type: 'string', description: 'A unique identifier the API server gives the object at creation. Read-only.'},
		},
	},
	Time: {description: 'A point in time, written as an RFC 3339 string in UTC (2026-01-02T15:04:05Z).', fields: {}},
	ManagedFieldsEntry: {
		description: 'One field manager\'s claim on some fields of the object.',
		fields: {
			apiVersion: {type: 'string', description: 'The API version the fields were written in.'},
			fieldsType: {type: 'string', description: 'How fieldsV1 is encoded; only FieldsV1 exists.'},
			fieldsV1: {type: 'FieldsV1', ref: 'FieldsV1', description: 'The set of fields this manager owns.'},
			manager: {type: 'string', description: 'The name of the tool that wrote the fields (kubectl, a controller...).'},
			operation: {type: 'string', description: 'How the fields were written: Apply or Update.'},
			subresource: {type: 'string', description: 'The subresource written through (status, scale...), empty for the object itself.'},
			time: {type: 'string', ref: 'Time', description: 'When the fields were last written.'},
		},
	},
	FieldsV1: {description: 'A set of field paths, stored as a JSON tree.', fields: {}},
	OwnerReference: {
		description: 'A pointer to an object that owns this one, in the same namespace.',
		fields: {
			apiVersion: {type: 'string', isRequired: true, description: 'The API version of the owner.'},
			blockOwnerDeletion: {type: 'boolean', description: 'If true, a foreground deletion of the owner waits until this object is gone.'},
			controller: {type: 'boolean', description: 'If true, the owner is the controller that manages this object. At most one owner is.'},
			kind: {type: 'string', isRequired: true, description: 'The kind of the owner.'},
			name: {type: 'string', isRequired: true, description: 'The name of the owner.'},
			uid: {type: 'string', isRequired: true, description: 'The uid of the owner.'},
		},
	},
	NetworkPolicySpec: {
		description: 'The pods a NetworkPolicy chooses and the ingress and egress traffic it allows them.',
		fields: {
			egress: {type: '[]NetworkPolicyEgressRule', ref: 'NetworkPolicyEgressRule', description: 'Rules for traffic leaving the chosen pods. A connection is allowed when any rule of any policy that chooses the pod for egress allows it. With Egress in policyTypes and no rules, the chosen pods may send nothing (a default deny for egress).'},
			ingress: {type: '[]NetworkPolicyIngressRule', ref: 'NetworkPolicyIngressRule', description: 'Rules for traffic reaching the chosen pods. A connection is allowed when any rule of any policy that chooses the pod for ingress allows it. With Ingress in policyTypes and no rules, nothing may reach the chosen pods (a default deny for ingress).'},
			podSelector: {type: 'LabelSelector', ref: 'LabelSelector', isRequired: true, description: `Which pods of the policy's namespace the policy applies to, by their labels. ${selectorNote} pod in the namespace.`},
			policyTypes: {type: '[]string', description: 'The directions the policy governs: Ingress, Egress, or both. Left out, it is Ingress, plus Egress when the policy has egress rules. A policy with Egress here and no egress rules blocks all egress of its pods.'},
		},
	},
	NetworkPolicyIngressRule: {
		description: 'Traffic allowed to reach the chosen pods: a connection must come from one of the from peers and go to one of the ports.',
		fields: {
			from: {type: '[]NetworkPolicyPeer', ref: 'NetworkPolicyPeer', description: 'Where allowed traffic may come from; any one peer is enough. Left out or empty, traffic from anywhere is allowed (if it matches ports).'},
			ports: {type: '[]NetworkPolicyPort', ref: 'NetworkPolicyPort', description: 'The ports of the chosen pods that allowed traffic may reach; any one is enough. Left out or empty, every port is allowed.'},
		},
	},
	NetworkPolicyEgressRule: {
		description: 'Traffic the chosen pods may send: a connection must go to one of the to peers, on one of the ports.',
		fields: {
			ports: {type: '[]NetworkPolicyPort', ref: 'NetworkPolicyPort', description: 'The destination ports allowed traffic may go to; any one is enough. Left out or empty, every port is allowed.'},
			to: {type: '[]NetworkPolicyPeer', ref: 'NetworkPolicyPeer', description: 'Where allowed traffic may go; any one peer is enough. Left out or empty, traffic to anywhere is allowed (if it matches ports).'},
		},
	},
	NetworkPolicyPeer: {
		description: 'One source (ingress) or destination (egress) of traffic. Give either ipBlock alone, or podSelector, namespaceSelector, or both together (then a pod must match both).',
		fields: {
			ipBlock: {type: 'IPBlock', ref: 'IPBlock', description: 'A range of IP addresses, for traffic outside the cluster. Pod IPs are meant to be chosen by selectors; whether a pod\'s address falls under an ipBlock depends on the network plugin.'},
			namespaceSelector: {type: 'LabelSelector', ref: 'LabelSelector', description: `Namespaces, chosen by their labels (every namespace carries kubernetes.io/metadata.name=<its name>). Alone, it allows every pod of those namespaces; with podSelector, the pods podSelector chooses in them. ${selectorNote} namespace.`},
			podSelector: {type: 'LabelSelector', ref: 'LabelSelector', description: `Pods, chosen by their labels. Alone, it looks in the policy's own namespace; with namespaceSelector, in the namespaces that selector chooses. ${selectorNote} pod there.`},
		},
	},
	IPBlock: {
		description: 'A CIDR range of addresses, with ranges inside it left out.',
		fields: {
			cidr: {type: 'string', isRequired: true, description: 'The range, as a CIDR: 192.168.1.0/24, 0.0.0.0/0, 2001:db8::/64.'},
			except: {type: '[]string', description: 'CIDRs inside cidr that are not part of the block. Each must lie within cidr.'},
		},
	},
	NetworkPolicyPort: {
		description: 'A port, or a range of ports, and its protocol.',
		fields: {
			endPort: {type: 'integer', description: 'With a numeric port, makes a range: every port from port to endPort, both included. It must be at least port, and port must then be a number, not a name.'},
			port: {type: 'IntOrString', ref: 'IntOrString', description: 'The port, as a number or as the name of a container port of the pod that receives the traffic. Left out, every port of the protocol matches.'},
			protocol: {type: 'string', enum: ['SCTP', 'TCP', 'UDP'], description: 'TCP, UDP or SCTP. Left out, TCP.'},
		},
	},
	IntOrString: {description: 'A value written as either a whole number or a string; as a port, a number or a port\'s name.', fields: {}},
	LabelSelector: {
		description: 'Chooses objects by their labels. matchLabels and matchExpressions must all hold (AND). An empty selector chooses every object; a missing one, none.',
		fields: {
			matchExpressions: {type: '[]LabelSelectorRequirement', ref: 'LabelSelectorRequirement', description: 'Requirements on labels, each a key, an operator and values; all must hold.'},
			matchLabels: {type: 'map[string]string', description: 'Labels an object must carry with exactly these values. Each pair is the same as a matchExpressions entry with operator In and that one value.'},
		},
	},
	LabelSelectorRequirement: {
		description: 'A requirement on one label key: In or NotIn a set of values, Exists or DoesNotExist.',
		fields: {
			key: {type: 'string', isRequired: true, description: 'The label key the requirement is about.'},
			operator: {type: 'string', isRequired: true, description: 'How the key relates to values: In, NotIn, Exists or DoesNotExist. NotIn and DoesNotExist also hold for objects without the key.'},
			values: {type: '[]string', description: 'The values for In and NotIn, at least one. Must be empty for Exists and DoesNotExist.'},
		},
	},
};
