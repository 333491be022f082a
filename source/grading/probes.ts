// The pods that will come. Policies outlive today's pods, so a right answer must decide alike
// not only on the cluster a task shows but on the objects it will soon have: another replica,
// a pod whose labels were edited, a namespace that looks like one of today's, the next version
// of an image with its named ports moved. Each family below adds such probe objects beside the
// real ones (never instead of them), derived from the cluster alone, so that a selector that
// only happens to work today (a pod IP instead of a label, `Exists` instead of a value, a
// number instead of a named port) shows its difference. docs/packs.md lists the families. Pure.
import {type Address, addressKey, formatAddress, parseAddress, parseCidr} from '../kube/ip.js';
import type {ClusterObjects, ContainerPort, Labels, LabelSelector, Namespace, NetworkPolicy, Pod} from '../model/kubernetes.js';
import {namespaceNameLabel} from '../model/kubernetes.js';
import {type ProbeFamily, probeFamilies} from '../model/challenge.js';

export {type ProbeFamily, probeFamilies} from '../model/challenge.js';

/** What each family adds, in words for pack authors (docs/packs.md says the same). */
export const probeFamilyText: Readonly<Record<ProbeFamily, string>> = {
	replica: 'a second replica of each pod: same namespace, labels and ports, another IP',
	'named-ports-moved': 'the next version of each pod with named ports: each named port on another number',
	'labels-cleared': 'each pod with all its labels removed',
	'label-removed': 'each pod with one of its labels removed, for each label',
	'label-value-changed': 'each pod with one label\'s value changed to a value no pod or policy uses, for each label',
	'label-added': 'each pod with a label that a policy\'s pod selector names (key and value) added, or set to that value',
	'namespace-lookalike': 'a new namespace with each namespace\'s labels under another name, holding a copy of each of its pods',
	'namespace-label-changed': 'a new namespace like each labelled namespace with one label\'s value changed, holding a copy of each of its pods',
	'namespace-label-added': 'a new namespace like each namespace with a label that a policy\'s namespace selector names added, or set to that value, holding a copy of each of its pods',
	'namespace-unlabelled': 'a new namespace with no labels, holding a copy of every pod',
	'pods-in-empty-namespaces': 'a copy of every pod in each namespace that has no pods but a Namespace object or a policy of either answer',
};

/** A probe pod: what it stands for, in words. */
export type ProbePod = {
	readonly family: ProbeFamily;
	/** `namespace/name` of the real pod it is derived from. */
	readonly of: string;
	/** "a second replica of default/api (same labels, another IP: 10.0.0.21)". */
	readonly description: string;
};

export type ProbedCluster = {
	/** The real objects first, in their order, then the probe namespaces and pods. */
	readonly objects: ClusterObjects;
	/** Probe pods by `namespace/name`; a pod not here is a real one. */
	readonly probes: ReadonlyMap<string, ProbePod>;
};

/**
The cluster with the probe objects of the families asked for. `policies` are every policy the
probes will be judged under (the reference's and the submission's): new label values and
moved port numbers are chosen so that none of them mentions them.
*/
export function withProbes(objects: ClusterObjects, policies: readonly NetworkPolicy[], families: ReadonlySet<ProbeFamily>): ProbedCluster {
	const builder = new ProbeBuilder(objects, policies);
	for (const family of probeFamilies) {
		if (families.has(family)) {
			familyBuilders[family](builder);
		}
	}

	return builder.result();
}

const familyBuilders: Readonly<Record<ProbeFamily, (builder: ProbeBuilder) => void>> = {
	replica(builder) {
		for (const pod of builder.realPods) {
			builder.addPod(pod, {name: `${pod.name}-replica`}, 'replica', ip => `a second replica of ${keyOf(pod)} (same labels, another IP${ip})`, {isDuplicateOk: true});
		}
	},
	'named-ports-moved'(builder) {
		for (const pod of builder.realPods.filter(candidate => candidate.ports.some(port => port.name !== undefined))) {
			const moved: string[] = [];
			const ports = pod.ports.map((port): ContainerPort => {
				if (port.name === undefined) {
					return port;
				}

				const number = builder.freshPortNumber();
				moved.push(`${port.name} on ${number} instead of ${port.port}`);
				return {...port, port: number};
			});
			builder.addPod(pod, {name: `${pod.name}-next`, ports}, 'named-ports-moved', () => `the next version of ${keyOf(pod)}, with its named ${moved.length === 1 ? 'port' : 'ports'} ${moved.join(', ')}`);
		}
	},
	'labels-cleared'(builder) {
		for (const pod of builder.realPods.filter(candidate => Object.keys(candidate.labels).length > 0)) {
			builder.addPod(pod, {name: `${pod.name}-unlabelled`, labels: {}}, 'labels-cleared', () => `a pod like ${keyOf(pod)} with no labels`);
		}
	},
	'label-removed'(builder) {
		for (const pod of builder.realPods) {
			for (const [key, value] of Object.entries(pod.labels)) {
				builder.addPod(pod, {name: `${pod.name}-without-${key}`, labels: withoutLabel(pod.labels, key)}, 'label-removed', () => `a pod like ${keyOf(pod)} without its label ${key}=${value}`);
			}
		}
	},
	'label-value-changed'(builder) {
		for (const pod of builder.realPods) {
			for (const [key, value] of Object.entries(pod.labels)) {
				const other = builder.freshLabelValue(key);
				builder.addPod(pod, {name: `${pod.name}-${key}-${other}`, labels: {...pod.labels, [key]: other}}, 'label-value-changed', () => `a pod like ${keyOf(pod)} with ${key}=${other} instead of ${key}=${value}`);
			}
		}
	},
	// A selector that excludes what no pod has today (NotIn, DoesNotExist) shows on a pod that has it.
	'label-added'(builder) {
		for (const pod of builder.realPods) {
			for (const [key, value] of builder.namedLabels('pod')) {
				if (pod.labels[key] !== value) {
					const was = pod.labels[key] === undefined ? 'added' : `instead of ${key}=${pod.labels[key]}`;
					builder.addPod(pod, {name: `${pod.name}-${key}-${value}`, labels: {...pod.labels, [key]: value}}, 'label-added', () => `a pod like ${keyOf(pod)} with ${key}=${value} ${was}`);
				}
			}
		}
	},
	'namespace-lookalike'(builder) {
		for (const namespace of builder.realNamespaces) {
			const labels = ownLabels(namespace);
			const shown = Object.keys(labels).length === 0 ? 'no labels of its own, like' : `the labels of`;
			builder.addNamespace(namespace, `${namespace.name}-copy`, labels, 'namespace-lookalike', copy => `in a new namespace ${copy} with ${shown} ${namespace.name}`);
		}
	},
	'namespace-label-changed'(builder) {
		for (const namespace of builder.realNamespaces) {
			for (const [key, value] of Object.entries(ownLabels(namespace)).filter(([key]) => builder.namesKey(key))) {
				const other = builder.freshLabelValue(key);
				builder.addNamespace(namespace, `${namespace.name}-${key}-${other}`, {...ownLabels(namespace), [key]: other}, 'namespace-label-changed', copy => `in a new namespace ${copy} labelled like ${namespace.name} but with ${key}=${other} instead of ${key}=${value}`);
			}
		}
	},
	'namespace-label-added'(builder) {
		for (const namespace of builder.realNamespaces) {
			const labels = ownLabels(namespace);
			for (const [key, value] of builder.namedLabels('namespace')) {
				if (labels[key] !== value && key !== namespaceNameLabel) {
					const was = labels[key] === undefined ? 'added' : `instead of ${key}=${labels[key]}`;
					builder.addNamespace(namespace, `${namespace.name}-${key}-${value}`, {...labels, [key]: value}, 'namespace-label-added', copy => `in a new namespace ${copy} labelled like ${namespace.name} but with ${key}=${value} ${was}`);
				}
			}
		}
	},
	// A policy in a namespace with no pods selects nothing today; it must be right when pods come.
	'pods-in-empty-namespaces'(builder) {
		for (const namespace of builder.emptyNamespaces) {
			for (const pod of builder.realPods) {
				builder.addPod(pod, {namespace, name: `${pod.namespace}-${pod.name}`}, 'pods-in-empty-namespaces', () => `a pod like ${keyOf(pod)} in namespace ${namespace}, which has no pods today`);
			}
		}
	},
	'namespace-unlabelled'(builder) {
		const name = builder.freshNamespaceName('new-namespace');
		builder.namespaces.push({name, labels: {}});
		for (const pod of builder.realPods) {
			builder.addPod(pod, {namespace: name, name: `${pod.namespace}-${pod.name}`}, 'namespace-unlabelled', () => `a pod like ${keyOf(pod)} in a new namespace ${name} with no labels`);
		}
	},
};

const keyOf = (pod: {readonly namespace: string; readonly name: string}) => `${pod.namespace}/${pod.name}`;

// A namespace's labels less the one the API server sets from its name.
function ownLabels(namespace: Namespace): Labels {
	return withoutLabel(namespace.labels, namespaceNameLabel);
}

function withoutLabel(labels: Labels, key: string): Labels {
	return Object.fromEntries(Object.entries(labels).filter(([other]) => other !== key));
}

// Label keys and values may hold characters a pod name cannot; probe names only need to read well.
function nameSafe(text: string): string {
	return text.toLowerCase().replaceAll(/[^a-z\d.-]+/g, '-');
}

class ProbeBuilder {
	readonly realPods: readonly Pod[];
	readonly realNamespaces: readonly Namespace[];
	/** Namespaces with no pods that a Namespace object or a policy names. */
	readonly emptyNamespaces: readonly string[];
	readonly namespaces: Namespace[];
	private readonly pods: Pod[];
	private readonly probes = new Map<string, ProbePod>();
	private readonly usedAddresses: Set<string>;
	private readonly podKeys: Set<string>;
	// Pods that decide alike (namespace, labels, ports) need not be probed twice.
	private readonly shapes = new Set<string>();
	private readonly namedKeys: ReadonlySet<string>;
	// Per family, where the policies' ipBlocks start and end: a probe's IP must not fill a stretch between two.
	private readonly boundaries: Readonly<Record<4 | 6, readonly bigint[]>>;
	private readonly usedPorts: (port: number) => boolean;
	private readonly labelValues = new Map<string, Set<string>>();
	// The label pairs the policies' selectors name, by what they select.
	private readonly named = {pod: new Map<string, [string, string]>(), namespace: new Map<string, [string, string]>()};
	private nextPort = 40_000;

	constructor(objects: ClusterObjects, policies: readonly NetworkPolicy[]) {
		this.realPods = objects.pods;
		// Every namespace the pods live in, whether or not a Namespace object says so.
		const namespaces = new Map(objects.namespaces.map(namespace => [namespace.name, namespace]));
		for (const pod of objects.pods) {
			if (!namespaces.has(pod.namespace)) {
				namespaces.set(pod.namespace, {name: pod.namespace, labels: {}});
			}
		}

		this.realNamespaces = [...namespaces.values()];
		const inUse = new Set(objects.pods.map(pod => pod.namespace));
		this.emptyNamespaces = [...new Set([...objects.namespaces.map(namespace => namespace.name), ...policies.map(policy => policy.namespace)])].filter(name => !inUse.has(name));
		this.namespaces = [...objects.namespaces];
		this.pods = [...objects.pods];
		this.podKeys = new Set(objects.pods.map(pod => keyOf(pod)));
		this.usedAddresses = new Set(objects.pods.flatMap(pod => pod.ips.map(ip => parseAddress(ip)).filter(address => address !== undefined).map(address => addressKey(address))));

		const numbers = new Set(objects.pods.flatMap(pod => pod.ports.map(port => port.port)));
		const ranges = policies.flatMap(policy => [...policy.ingress, ...policy.egress]).flatMap(rule => rule.ports)
			.flatMap(entry => (typeof entry.port === 'number' ? [[entry.port, entry.endPort ?? entry.port] as const] : []));
		this.usedPorts = port => numbers.has(port) || ranges.some(([first, last]) => port >= first && port <= last);
		for (const labels of [...objects.pods.map(pod => pod.labels), ...[...namespaces.values()].map(namespace => namespace.labels)]) {
			for (const [key, value] of Object.entries(labels)) {
				this.labelValuesOf(key).add(value);
			}
		}

		for (const policy of policies) {
			for (const [kind, selector] of selectorsOf(policy)) {
				const name = (key: string, value: string) => {
					this.labelValuesOf(key).add(value);
					this.named[kind].set(JSON.stringify([key, value]), [key, value]);
				};

				for (const [key, value] of Object.entries(selector.matchLabels)) {
					name(key, value);
				}

				for (const requirement of selector.matchExpressions) {
					for (const value of requirement.values) {
						name(requirement.key, value);
					}
				}
			}
		}

		this.namedKeys = new Set(policies.flatMap(policy => selectorsOf(policy)).flatMap(([, selector]) => [...Object.keys(selector.matchLabels), ...selector.matchExpressions.map(requirement => requirement.key)]));
		for (const pod of objects.pods) {
			this.shapes.add(shapeOf(pod, this.namedKeys));
		}

		this.boundaries = ipBlockBoundaries(policies);
		// A key that Exists or DoesNotExist names, with no value, is named with a fresh value.
		for (const policy of policies) {
			for (const [kind, selector] of selectorsOf(policy)) {
				for (const {key} of selector.matchExpressions.filter(requirement => requirement.values.length === 0)) {
					if (![...this.named[kind].values()].some(([named]) => named === key)) {
						this.named[kind].set(JSON.stringify([key, '']), [key, this.freshLabelValue(key)]);
					}
				}
			}
		}
	}

	/** Whether some selector of the policies names the key (no other key changes a verdict). */
	namesKey(key: string): boolean {
		return this.namedKeys.has(key);
	}

	/** The label pairs (key, value) the policies' pod or namespace selectors name, in order. */
	namedLabels(kind: 'pod' | 'namespace'): ReadonlyArray<readonly [string, string]> {
		return [...this.named[kind].values()];
	}

	/** A pod derived from `original`, with fresh IPs; skipped when a pod of that shape exists (unless duplicates are the point). */
	addPod(original: Pod, changes: Partial<Pod>, family: ProbeFamily, describe: (ip: string) => string, options: {isDuplicateOk?: boolean} = {}): void {
		const namespace = changes.namespace ?? original.namespace;
		const candidate: Pod = {...original, ...changes, namespace, name: this.freshPodName(namespace, nameSafe(changes.name ?? original.name))};
		const shape = shapeOf(candidate, this.namedKeys);
		if (this.shapes.has(shape) && !options.isDuplicateOk) {
			return;
		}

		this.shapes.add(shape);
		const ips = original.ips.map(ip => this.freshAddress(ip));
		const pod = {...candidate, ips};
		this.pods.push(pod);
		this.podKeys.add(keyOf(pod));
		this.probes.set(keyOf(pod), {family, of: keyOf(original), description: describe(ips.length === 0 ? '' : `: ${ips.join(', ')}`)});
	}

	/** A new namespace with these labels, holding a copy of each pod of `original`. */
	addNamespace(original: Namespace, name: string, labels: Labels, family: ProbeFamily, where: (name: string) => string): void {
		const fresh = this.freshNamespaceName(nameSafe(name));
		this.namespaces.push({name: fresh, labels});
		for (const pod of this.realPods.filter(candidate => candidate.namespace === original.name)) {
			this.addPod(pod, {namespace: fresh}, family, () => `a pod like ${keyOf(pod)} ${where(fresh)}`);
		}
	}

	freshNamespaceName(wanted: string): string {
		const taken = new Set([...this.namespaces.map(namespace => namespace.name), ...this.pods.map(pod => pod.namespace)]);
		return freshName(wanted, name => taken.has(name));
	}

	/** A label value that no pod, namespace or policy uses for this key. */
	freshLabelValue(key: string): string {
		const used = this.labelValuesOf(key);
		return freshName('other', value => used.has(value));
	}

	/** A port number no container uses and no policy's port entry names or covers. */
	freshPortNumber(): number {
		while (this.nextPort <= 65_535 && this.usedPorts(this.nextPort)) {
			this.nextPort++;
		}

		// Every number is taken (a policy covers 40000-65535): any number no container uses will do.
		const number = this.nextPort <= 65_535 ? this.nextPort : 39_999;
		this.nextPort++;
		return number;
	}

	result(): ProbedCluster {
		return {objects: {namespaces: this.namespaces, pods: this.pods, policies: []}, probes: this.probes};
	}

	private labelValuesOf(key: string): Set<string> {
		let values = this.labelValues.get(key);
		if (!values) {
			values = new Set();
			this.labelValues.set(key, values);
		}

		return values;
	}

	private freshPodName(namespace: string, wanted: string): string {
		return freshName(wanted, name => this.podKeys.has(`${namespace}/${name}`));
	}

	// The next address after the pod's own that no pod has, so a probe stays in its pod's subnet;
	// never the last free address between two ipBlock boundaries, which stands for the outside
	// addresses there: a probe pod on it would hide them from the comparison.
	private freshAddress(ip: string): string {
		const address = parseAddress(ip);
		if (!address) {
			return ip;
		}

		const end = address.family === 4 ? 1n << 32n : 1n << 128n;
		let next: Address = address;
		do {
			next = {family: address.family, value: (next.value + 1n) % end};
		} while ((this.usedAddresses.has(addressKey(next)) || this.isLastFree(next)) && next.value !== address.value);
		this.usedAddresses.add(addressKey(next));
		return formatAddress(next);
	}

	// Whether taking the address would leave its stretch (between two ipBlock boundaries) with no
	// address that no pod has. Stretches are long except around small blocks: count only there.
	private isLastFree(address: Address): boolean {
		const starts = this.boundaries[address.family];
		const end = address.family === 4 ? 1n << 32n : 1n << 128n;
		let first = 0n;
		let last = end - 1n;
		for (const start of starts) {
			if (start <= address.value) {
				first = start;
			} else {
				last = start - 1n;
				break;
			}
		}

		if (last - first > 4096n) {
			return false;
		}

		let free = 0n;
		for (let value = first; value <= last; value++) {
			if (!this.usedAddresses.has(addressKey({family: address.family, value}))) {
				free++;
			}
		}

		return free <= 1n;
	}
}

// The sorted starts of the stretches the policies' ipBlocks cut each family into.
function ipBlockBoundaries(policies: readonly NetworkPolicy[]): Record<4 | 6, bigint[]> {
	const starts = {4: new Set<bigint>([0n]), 6: new Set<bigint>([0n])};
	for (const {ipBlock} of policies.flatMap(policy => [...policy.ingress, ...policy.egress]).flatMap(rule => rule.peers)) {
		for (const cidr of ipBlock ? [ipBlock.cidr, ...ipBlock.except].map(text => parseCidr(text)) : []) {
			if (cidr) {
				starts[cidr.family].add(cidr.network).add(cidr.network + (1n << BigInt((cidr.family === 4 ? 32 : 128) - cidr.prefix)));
			}
		}
	}

	const sorted = (values: Set<bigint>) => [...values].sort((left, right) => (left < right ? -1 : (left > right ? 1 : 0)));
	return {4: sorted(starts[4]), 6: sorted(starts[6])};
}

function freshName(wanted: string, isTaken: (name: string) => boolean): string {
	let name = wanted;
	for (let suffix = 2; isTaken(name); suffix++) {
		name = `${wanted}-${suffix}`;
	}

	return name;
}

// What a verdict can see of a pod: its namespace, the labels of keys some selector names (no
// selector looks at any other key) and its ports.
function shapeOf(pod: Pod, namedKeys: ReadonlySet<string>): string {
	const labels = Object.entries(pod.labels).filter(([key]) => namedKeys.has(key)).sort(([left], [right]) => (left < right ? -1 : 1));
	return JSON.stringify([pod.namespace, labels, pod.ports]);
}

function selectorsOf(policy: NetworkPolicy): Array<readonly ['pod' | 'namespace', LabelSelector]> {
	const peers = [...policy.ingress, ...policy.egress].flatMap(rule => rule.peers);
	return [
		['pod', policy.podSelector],
		...peers.flatMap(peer => (peer.podSelector ? [['pod', peer.podSelector] as const] : [])),
		...peers.flatMap(peer => (peer.namespaceSelector ? [['namespace', peer.namespaceSelector] as const] : [])),
	];
}
