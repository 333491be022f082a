// The benchmark's input: a large, realistic cluster and a large flows file, generated from a
// fixed seed (no Math.random), so every run measures the same bytes. It writes, into one folder:
//   cluster.yaml  multi-document YAML as `kubectl get -o yaml` writes it (block style, 2-space indent)
//   cluster.json  a `kubectl get -o json` List
//   flows.yaml    one flow mapping per line: `  - {from: ns/pod, to: ns/pod, port: 8080, protocol: TCP}`
//   flows.json    the same flows as JSON
// Every 100th flow carries `expect`, set to what the unindexed referenceVerdict decides, so that
// an `eval` of these files also checks the indexed evaluator against the reference.
//
// Run alone: `node dist/bench/generate.js [DIR]` (default bench/.data).
import {mkdirSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {stringify} from 'yaml';
import {loadClusterFiles} from '../source/content/cluster-files.js';
import {compileCluster, referenceVerdict, resolveEndpoint} from '../source/evaluator/index.js';
import type {Endpoint, Verdict} from '../source/evaluator/index.js';
import type {Protocol} from '../source/model/kubernetes.js';

export const defaultSeed = 0x5e_ed_20_25;
export const namespaceCount = 50;
export const podCount = 2000;
export const policyCount = 500;
export const flowCount = 200_000;
/** One flow in this many carries an `expect` computed with referenceVerdict. */
export const expectEvery = 100;

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32): small, fast, and the same sequence on every machine.

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6D_2B_79_F5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) {
			throw new Error('pick from an empty list');
		}

		return items[Math.floor(this.next() * items.length)]!;
	}

	/** One of the values, with probability proportional to its weight. */
	weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
		const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [value, weight] of entries) {
			roll -= weight;
			if (roll < 0) {
				return value;
			}
		}

		return entries.at(-1)![0];
	}

	/** `count` distinct items (fewer if the list is shorter), in list order. */
	sample<T>(items: readonly T[], count: number): T[] {
		const indexes = items.map((_, index) => index);
		for (let index = indexes.length - 1; index > 0; index--) {
			const other = this.int(0, index);
			[indexes[index], indexes[other]] = [indexes[other]!, indexes[index]!];
		}

		return indexes.slice(0, Math.min(count, items.length)).sort((left, right) => left - right).map(index => items[index]!);
	}

	/** `length` characters from the alphabet. */
	text(alphabet: string, length: number): string {
		let result = '';
		for (let index = 0; index < length; index++) {
			result += alphabet[this.int(0, alphabet.length - 1)]!;
		}

		return result;
	}
}

// ---------------------------------------------------------------------------------------------
// The raw Kubernetes objects, as the API server would return them.

type LabelMap = Record<string, string>;
type RawRequirement = {key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[]};
type RawSelector = {matchLabels?: LabelMap; matchExpressions?: RawRequirement[]};
type RawPeer = {podSelector?: RawSelector; namespaceSelector?: RawSelector; ipBlock?: {cidr: string; except?: string[]}};
type RawPort = {protocol?: Protocol; port?: number | string; endPort?: number};
type RawRule = {peers?: RawPeer[]; ports?: RawPort[]};
type RawPolicySpec = {
	podSelector: RawSelector;
	policyTypes?: Array<'Ingress' | 'Egress'>;
	ingress?: RawRule[];
	egress?: RawRule[];
};

type ContainerPortSpec = {readonly name: string; readonly containerPort: number; readonly protocol: Protocol};
type ContainerSpec = {readonly name: string; readonly image: string; readonly ports: readonly ContainerPortSpec[]};

type AppTemplate = {
	readonly app: string;
	readonly tier: string;
	readonly weight: number;
	readonly containers: readonly ContainerSpec[];
	/** Extra labels every pod of the app carries. */
	readonly labels?: LabelMap;
};

type Deployment = {
	readonly namespace: NamespaceInfo;
	readonly template: AppTemplate;
	readonly version: string;
	readonly isCanary: boolean;
	readonly hash: string;
	readonly weight: number;
	pods: number;
};

type NamespaceInfo = {
	readonly name: string;
	readonly labels: LabelMap;
	readonly isDualStack: boolean;
	readonly isIstio: boolean;
	readonly deployments: Deployment[];
};

type GeneratedPod = {
	readonly namespace: string;
	readonly name: string;
	readonly ipv4: string;
	readonly ipv6?: string;
	readonly ports: readonly ContainerPortSpec[];
};

export type GeneratedFlow = {from: string; to: string; port: number; protocol: Protocol; expect?: Verdict};

const port = (name: string, containerPort: number, protocol: Protocol = 'TCP'): ContainerPortSpec => ({name, containerPort, protocol});
const metrics = (containerPort: number): ContainerPortSpec => port('metrics', containerPort);

const teamTemplates: readonly AppTemplate[] = [
	{app: 'web', tier: 'frontend', weight: 5, containers: [{name: 'web', image: 'web', ports: [port('http', 8080), metrics(9090)]}]},
	{app: 'frontend', tier: 'frontend', weight: 3, containers: [{name: 'nginx', image: 'nginx', ports: [port('http', 80), port('https', 443)]}, {name: 'exporter', image: 'nginx-exporter', ports: [metrics(9113)]}]},
	{app: 'api', tier: 'backend', weight: 6, containers: [{name: 'api', image: 'api', ports: [port('http', 8080), port('grpc', 9000), metrics(9090)]}]},
	{app: 'grpc-server', tier: 'backend', weight: 3, containers: [{name: 'server', image: 'grpc-server', ports: [port('grpc', 50051), metrics(9090)]}]},
	{app: 'worker', tier: 'backend', weight: 4, containers: [{name: 'worker', image: 'worker', ports: [metrics(9090)]}]},
	{app: 'cron', tier: 'batch', weight: 1, containers: [{name: 'job', image: 'cron', ports: []}]},
	{app: 'postgres', tier: 'db', weight: 2, containers: [{name: 'postgres', image: 'postgres', ports: [port('postgres', 5432)]}, {name: 'exporter', image: 'postgres-exporter', ports: [metrics(9187)]}]},
	{app: 'mysql', tier: 'db', weight: 1, containers: [{name: 'mysql', image: 'mysql', ports: [port('mysql', 3306)]}, {name: 'exporter', image: 'mysqld-exporter', ports: [metrics(9104)]}]},
	{app: 'redis', tier: 'cache', weight: 2, containers: [{name: 'redis', image: 'redis', ports: [port('redis', 6379)]}, {name: 'exporter', image: 'redis-exporter', ports: [metrics(9121)]}]},
	{app: 'memcached', tier: 'cache', weight: 1, containers: [{name: 'memcached', image: 'memcached', ports: [port('memcache', 11_211), port('memcache-udp', 11_211, 'UDP')]}]},
	{app: 'kafka', tier: 'queue', weight: 2, containers: [{name: 'kafka', image: 'kafka', ports: [port('kafka', 9092), port('kafka-internal', 9093), metrics(9308)]}]},
	{app: 'statsd', tier: 'monitoring', weight: 1, containers: [{name: 'statsd', image: 'statsd-exporter', ports: [port('statsd', 9125, 'UDP'), metrics(9102)]}]},
	{app: 'sig-gateway', tier: 'edge', weight: 1, containers: [{name: 'gateway', image: 'sig-gateway', ports: [port('sigtran', 2905, 'SCTP'), port('diameter', 3868, 'SCTP'), port('http', 8080)]}]},
];

const teams = ['payments', 'checkout', 'catalog', 'search', 'identity', 'notifications', 'analytics', 'billing', 'shipping', 'inventory', 'reviews', 'media'] as const;
const environments = ['prod', 'staging', 'dev', 'qa'] as const;
const environmentWeight: Readonly<Record<string, number>> = {prod: 3, staging: 2, dev: 1, qa: 1};
const hashAlphabet = 'bcdfghjklmnpqrstvwxz2456789';
const nodeCount = 40;

type Special = {readonly namespace: string; readonly labels: LabelMap; readonly apps: ReadonlyArray<{template: AppTemplate; pods: number}>};

const specials: readonly Special[] = [
	{
		namespace: 'kube-system',
		labels: {},
		apps: [
			{template: {app: 'coredns', tier: 'system', weight: 0, labels: {'k8s-app': 'kube-dns'}, containers: [{name: 'coredns', image: 'coredns', ports: [port('dns', 53, 'UDP'), port('dns-tcp', 53), port('metrics', 9153)]}]}, pods: 4},
			{template: {app: 'metrics-server', tier: 'system', weight: 0, labels: {'k8s-app': 'metrics-server'}, containers: [{name: 'metrics-server', image: 'metrics-server', ports: [port('https', 4443)]}]}, pods: 2},
		],
	},
	{
		namespace: 'monitoring',
		labels: {team: 'platform', env: 'prod'},
		apps: [
			{template: {app: 'prometheus', tier: 'monitoring', weight: 0, labels: {'app.kubernetes.io/name': 'prometheus'}, containers: [{name: 'prometheus', image: 'prometheus', ports: [port('web', 9090)]}]}, pods: 3},
			{template: {app: 'grafana', tier: 'monitoring', weight: 0, labels: {'app.kubernetes.io/name': 'grafana'}, containers: [{name: 'grafana', image: 'grafana', ports: [port('http', 3000)]}]}, pods: 2},
			{template: {app: 'alertmanager', tier: 'monitoring', weight: 0, labels: {'app.kubernetes.io/name': 'alertmanager'}, containers: [{name: 'alertmanager', image: 'alertmanager', ports: [port('web', 9093), port('mesh-udp', 9094, 'UDP')]}]}, pods: 3},
		],
	},
	{
		namespace: 'ingress-nginx',
		labels: {team: 'platform', env: 'prod', 'app.kubernetes.io/name': 'ingress-nginx'},
		apps: [
			{template: {app: 'ingress-nginx-controller', tier: 'edge', weight: 0, labels: {'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller'}, containers: [{name: 'controller', image: 'ingress-nginx', ports: [port('http', 80), port('https', 443), port('metrics', 10_254)]}]}, pods: 6},
		],
	},
];

// Ports that policies name, by protocol: what flows are drawn from, so that many flows hit a rule.
const tcpPorts = [80, 443, 8080, 8443, 9090, 5432, 3306, 6379, 9092, 50_051, 3000, 9000, 11_211, 10_250, 8000, 22] as const;
const udpPorts = [53, 9125, 123, 514, 11_211, 5353] as const;
const sctpPorts = [2905, 3868, 36_412, 38_412] as const;
const portRanges: ReadonlyArray<readonly [number, number, Protocol]> = [
	[30_000, 32_767, 'TCP'], [8000, 8099, 'TCP'], [9090, 9100, 'TCP'], [5432, 5439, 'TCP'], [1024, 2047, 'TCP'], [6379, 6380, 'TCP'],
	[10_000, 20_000, 'UDP'], [2905, 2910, 'SCTP'],
];
const namedPorts: ReadonlyArray<readonly [string, Protocol]> = [
	['http', 'TCP'], ['https', 'TCP'], ['metrics', 'TCP'], ['grpc', 'TCP'], ['postgres', 'TCP'], ['mysql', 'TCP'], ['redis', 'TCP'],
	['kafka', 'TCP'], ['memcache-udp', 'UDP'], ['statsd', 'UDP'], ['dns', 'UDP'], ['dns-tcp', 'TCP'], ['sigtran', 'SCTP'], ['diameter', 'SCTP'], ['web', 'TCP'],
];
const ipv4Blocks: ReadonlyArray<{cidr: string; except: string[]}> = [
	{cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']},
	{cidr: '10.244.0.0/16', except: ['10.244.3.0/24', '10.244.17.0/24']},
	{cidr: '203.0.113.0/24', except: ['203.0.113.128/25']},
	{cidr: '198.51.100.0/24', except: []},
	{cidr: '10.0.0.0/24', except: []},
	{cidr: '10.244.12.0/22', except: ['10.244.13.0/24']},
	{cidr: '192.0.2.0/24', except: ['192.0.2.64/26', '192.0.2.128/26']},
];
const ipv6Blocks: ReadonlyArray<{cidr: string; except: string[]}> = [
	{cidr: '::/0', except: ['fd00::/8']},
	{cidr: 'fd00:10:244::/48', except: ['fd00:10:244:5::/64', 'fd00:10:244:9::/64']},
	{cidr: '2001:db8::/32', except: ['2001:db8:1::/48']},
	{cidr: 'fd00:10:244:20::/60', except: []},
];
/** Addresses outside the cluster that flows use (none is a pod's IP). */
const outsideAddresses = (random: Random): string => random.weighted<() => string>([
	[() => `203.0.113.${random.int(1, 254)}`, 3],
	[() => `198.51.100.${random.int(1, 254)}`, 2],
	[() => `192.0.2.${random.int(1, 254)}`, 2],
	[() => '8.8.8.8', 1],
	[() => `10.0.0.${random.int(1, nodeCount)}`, 2],
	[() => `172.16.${random.int(0, 255)}.${random.int(1, 254)}`, 1],
	[() => `10.244.200.${random.int(1, 254)}`, 1],
])();

// ---------------------------------------------------------------------------------------------
// The cluster.

function uid(random: Random): string {
	const hex = '0123456789abcdef';
	return `${random.text(hex, 8)}-${random.text(hex, 4)}-4${random.text(hex, 3)}-${random.pick(['8', '9', 'a', 'b'])}${random.text(hex, 3)}-${random.text(hex, 12)}`;
}

function buildNamespaces(random: Random): NamespaceInfo[] {
	const namespaces: NamespaceInfo[] = [];
	for (const special of specials) {
		namespaces.push({name: special.namespace, labels: {...special.labels}, isDualStack: special.namespace === 'ingress-nginx', isIstio: false, deployments: []});
	}

	outer: for (const environment of environments) {
		for (const team of teams) {
			if (namespaces.length === namespaceCount) {
				break outer;
			}

			const labels: LabelMap = {team, env: environment, 'cost-center': `cc-${1000 + teams.indexOf(team) * 17}`};
			if (team === 'payments' || team === 'billing' || team === 'checkout') {
				labels['compliance'] = 'pci';
			}

			const isIstio = random.chance(0.3);
			if (isIstio) {
				labels['istio-injection'] = 'enabled';
			}

			namespaces.push({name: `${team}-${environment}`, labels, isDualStack: random.chance(0.25), isIstio, deployments: []});
		}
	}

	return namespaces;
}

function buildDeployments(random: Random, namespaces: readonly NamespaceInfo[]): Deployment[] {
	const deployments: Deployment[] = [];
	for (const namespace of namespaces) {
		const special = specials.find(entry => entry.namespace === namespace.name);
		const chosen = special
			? special.apps.map(entry => entry.template)
			: [
				teamTemplates.find(template => template.app === 'api')!,
				teamTemplates.find(template => template.app === 'web')!,
				...random.sample(teamTemplates.filter(template => template.app !== 'api' && template.app !== 'web'), random.int(2, 7)),
			];
		for (const template of chosen) {
			const version = `v${random.int(1, 4)}`;
			const base = {namespace, template, weight: (environmentWeight[namespace.labels['env'] ?? ''] ?? 1) * template.weight * (0.5 + random.next()), pods: 0};
			const fixed = special?.apps.find(entry => entry.template === template)?.pods;
			deployments.push({...base, version, isCanary: false, hash: random.text(hashAlphabet, 10), pods: fixed ?? 1});
			if (!special && random.chance(0.15)) {
				deployments.push({...base, version: `v${Number(version.slice(1)) + 1}`, isCanary: true, hash: random.text(hashAlphabet, 10), weight: base.weight / 4, pods: 1});
			}
		}

		namespace.deployments.push(...deployments.filter(deployment => deployment.namespace === namespace));
	}

	let total = deployments.reduce((sum, deployment) => sum + deployment.pods, 0);
	const growable = deployments.filter(deployment => deployment.weight > 0);
	const entries = growable.map(deployment => [deployment, deployment.weight] as const);
	while (total < podCount) {
		random.weighted(entries).pods++;
		total++;
	}

	if (total !== podCount) {
		throw new Error(`generator: ${total} pods from the fixed deployments alone, more than ${podCount}`);
	}

	return deployments;
}

function podLabels(deployment: Deployment): LabelMap {
	const {template, namespace} = deployment;
	const team = namespace.labels['team'];
	const labels: LabelMap = {
		app: template.app,
		'app.kubernetes.io/name': template.app,
		...(team ? {'app.kubernetes.io/part-of': team} : {}),
		tier: template.tier,
		version: deployment.version,
		'pod-template-hash': deployment.hash,
		...template.labels,
	};
	if (deployment.isCanary) {
		labels['release'] = 'canary';
	}

	if (namespace.isIstio) {
		labels['security.istio.io/tlsMode'] = 'istio';
		labels['sidecar.istio.io/inject'] = 'true';
	}

	return labels;
}

function buildPods(random: Random, deployments: readonly Deployment[]): {pods: GeneratedPod[]; objects: unknown[]} {
	const nextHost = new Array<number>(nodeCount + 1).fill(2);
	const pods: GeneratedPod[] = [];
	const objects: unknown[] = [];
	for (const deployment of deployments) {
		const {template, namespace} = deployment;
		const labels = podLabels(deployment);
		const replicaSet = `${template.app}-${deployment.hash}`;
		const replicaSetUid = uid(random);
		for (let replica = 0; replica < deployment.pods; replica++) {
			let node = random.int(1, nodeCount);
			while (nextHost[node]! > 254) {
				node = node % nodeCount + 1;
			}

			const host = nextHost[node]!++;
			const ipv4 = `10.244.${node}.${host}`;
			const ipv6 = namespace.isDualStack ? `fd00:10:244:${node.toString(16)}::${host.toString(16)}` : undefined;
			const name = `${replicaSet}-${random.text(hashAlphabet, 5)}`;
			const ports = template.containers.flatMap(container => container.ports);
			pods.push({namespace: namespace.name, name, ipv4, ...(ipv6 ? {ipv6} : {}), ports});
			const started = `2025-0${random.int(1, 9)}-1${random.int(0, 9)}T${String(random.int(10, 23))}:${String(random.int(10, 59))}:0${random.int(0, 9)}Z`;
			objects.push({
				apiVersion: 'v1',
				kind: 'Pod',
				metadata: {
					creationTimestamp: started,
					generateName: `${replicaSet}-`,
					labels,
					name,
					namespace: namespace.name,
					ownerReferences: [{apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name: replicaSet, uid: replicaSetUid}],
					resourceVersion: String(random.int(100_000, 9_999_999)),
					uid: uid(random),
				},
				spec: {
					containers: template.containers.map(container => ({
						image: `registry.example.com/${namespace.labels['team'] ?? namespace.name}/${container.image}:1.${random.int(0, 30)}.${random.int(0, 9)}`,
						imagePullPolicy: 'IfNotPresent',
						name: container.name,
						...(container.ports.length > 0 ? {ports: container.ports.map(entry => ({containerPort: entry.containerPort, name: entry.name, protocol: entry.protocol}))} : {}),
						resources: {limits: {memory: '512Mi'}, requests: {cpu: '100m', memory: '128Mi'}},
						terminationMessagePath: '/dev/termination-log',
						terminationMessagePolicy: 'File',
					})),
					dnsPolicy: 'ClusterFirst',
					enableServiceLinks: true,
					nodeName: `node-${node}`,
					restartPolicy: 'Always',
					schedulerName: 'default-scheduler',
					serviceAccountName: 'default',
					terminationGracePeriodSeconds: 30,
				},
				status: {
					hostIP: `10.0.0.${node}`,
					phase: 'Running',
					podIP: ipv4,
					podIPs: [{ip: ipv4}, ...(ipv6 ? [{ip: ipv6}] : [])],
					qosClass: 'Burstable',
					startTime: started,
				},
			});
		}
	}

	return {pods, objects};
}

// ---------------------------------------------------------------------------------------------
// The policies.

class PolicyFactory {
	readonly policies: Array<{namespace: string; name: string; spec: RawPolicySpec}> = [];
	private readonly names = new Set<string>();

	private readonly random: Random;
	private readonly namespaces: readonly NamespaceInfo[];

	constructor(random: Random, namespaces: readonly NamespaceInfo[]) {
		this.random = random;
		this.namespaces = namespaces;
	}

	add(namespace: string, name: string, spec: RawPolicySpec): void {
		let unique = name;
		for (let suffix = 2; this.names.has(`${namespace}/${unique}`); suffix++) {
			unique = `${name}-${suffix}`;
		}

		this.names.add(`${namespace}/${unique}`);
		this.policies.push({namespace, name: unique, spec});
	}

	/** The everyday policies of a namespace: default deny, DNS, one or two per app. */
	structured(namespace: NamespaceInfo): void {
		const {random} = this;
		const posture = random.weighted([['deny-ingress', 45], ['deny-all', 30], ['open', 25]] as const);
		if (posture === 'deny-ingress') {
			this.add(namespace.name, 'default-deny-ingress', {podSelector: {}, policyTypes: ['Ingress']});
		} else if (posture === 'deny-all') {
			this.add(namespace.name, 'default-deny-all', {podSelector: {}, policyTypes: ['Ingress', 'Egress']});
			this.add(namespace.name, 'allow-dns-egress', {
				podSelector: {},
				policyTypes: ['Egress'],
				egress: [{
					peers: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'kube-system'}}, podSelector: {matchLabels: {'k8s-app': 'kube-dns'}}}],
					ports: [{protocol: 'UDP', port: 53}, {protocol: 'TCP', port: 53}],
				}],
			});
			if (random.chance(0.5)) {
				this.add(namespace.name, 'allow-same-namespace-egress', {podSelector: {}, policyTypes: ['Egress'], egress: [{peers: [{podSelector: {}}]}]});
			}
		}

		const share = posture === 'open' ? 0.25 : 0.45;
		for (const deployment of namespace.deployments.filter(entry => !entry.isCanary)) {
			if (random.chance(share)) {
				this.appIngress(namespace, deployment);
			}

			if (posture === 'deny-all' && random.chance(0.3)) {
				this.appEgress(namespace, deployment);
			}
		}
	}

	private appIngress(namespace: NamespaceInfo, deployment: Deployment): void {
		const {random} = this;
		const {app, tier} = deployment.template;
		const prometheus: RawRule = {
			peers: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'monitoring'}}, podSelector: {matchLabels: {'app.kubernetes.io/name': 'prometheus'}}}],
			ports: [{port: 'metrics'}],
		};
		const rules: RawRule[] = [];
		switch (tier) {
			case 'frontend': {
				rules.push({
					peers: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'ingress-nginx'}}, podSelector: {matchLabels: {'app.kubernetes.io/name': 'ingress-nginx'}}}],
					ports: [{protocol: 'TCP', port: 'http'}, ...(app === 'frontend' ? [{protocol: 'TCP' as const, port: 'https'}] : [])],
				});
				break;
			}

			case 'backend': {
				rules.push({
					peers: [{podSelector: {matchLabels: {tier: 'frontend'}}}, {podSelector: {matchLabels: {tier: 'backend'}}}],
					ports: random.chance(0.5) ? [{port: 'http'}, {port: 'grpc'}] : [{protocol: 'TCP', port: 8080}, {protocol: 'TCP', port: 9000}, {port: 50_051}],
				});
				break;
			}

			case 'db': {
				rules.push({peers: [{podSelector: {matchLabels: {app: 'api'}}}, {podSelector: {matchLabels: {app: 'worker'}}}], ports: [{protocol: 'TCP', port: app === 'mysql' ? 3306 : 5432}]});
				break;
			}

			case 'cache': {
				rules.push({
					peers: [{podSelector: {matchExpressions: [{key: 'tier', operator: 'In', values: ['backend', 'frontend']}]}}],
					ports: app === 'redis' ? [{port: 'redis'}] : [{port: 11_211}, {protocol: 'UDP', port: 'memcache-udp'}],
				});
				break;
			}

			case 'queue': {
				rules.push({
					peers: [{namespaceSelector: {matchLabels: {team: namespace.labels['team'] ?? ''}}, podSelector: {matchExpressions: [{key: 'tier', operator: 'In', values: ['backend', 'batch']}]}}],
					ports: [{protocol: 'TCP', port: 9092, endPort: 9093}],
				});
				break;
			}

			case 'edge': {
				rules.push({
					peers: [{ipBlock: {cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']}}, {ipBlock: {cidr: '::/0', except: ['fd00::/8']}}],
					ports: [{protocol: 'SCTP', port: 2905}, {protocol: 'SCTP', port: 3868}],
				});
				break;
			}

			case 'monitoring': {
				rules.push({peers: [{podSelector: {}}], ports: [{protocol: 'UDP', port: 9125}]});
				break;
			}

			default: {
				break;
			}
		}

		if (deployment.template.containers.some(container => container.ports.some(entry => entry.name === 'metrics'))) {
			rules.push(prometheus);
		}

		const spec: RawPolicySpec = {podSelector: {matchLabels: {app}}, ingress: rules};
		if (random.chance(0.5)) {
			spec.policyTypes = ['Ingress'];
		}

		this.add(namespace.name, `allow-${app}-ingress`, spec);
	}

	private appEgress(namespace: NamespaceInfo, deployment: Deployment): void {
		const {app, tier} = deployment.template;
		const targets: Readonly<Record<string, RawRule[]>> = {
			frontend: [{peers: [{podSelector: {matchLabels: {tier: 'backend'}}}], ports: [{port: 'http'}, {port: 'grpc'}]}],
			backend: [
				{peers: [{podSelector: {matchExpressions: [{key: 'tier', operator: 'In', values: ['db', 'cache', 'queue']}]}}]},
				{peers: [{ipBlock: {cidr: '0.0.0.0/0', except: ['10.0.0.0/8']}}], ports: [{protocol: 'TCP', port: 443}]},
			],
			batch: [{peers: [{podSelector: {matchLabels: {tier: 'db'}}}], ports: [{port: 5432}, {port: 3306}]}],
		};
		this.add(namespace.name, `allow-${app}-egress`, {
			podSelector: {matchLabels: {app}},
			policyTypes: ['Egress'],
			egress: targets[tier] ?? [{peers: [{podSelector: {}}]}],
		});
	}

	/** The platform namespaces' policies. */
	platform(): void {
		this.add('kube-system', 'allow-dns', {
			podSelector: {matchLabels: {'k8s-app': 'kube-dns'}},
			ingress: [
				{peers: [{namespaceSelector: {}}], ports: [{protocol: 'UDP', port: 53}, {protocol: 'TCP', port: 53}]},
				{peers: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'monitoring'}}}], ports: [{port: 'metrics'}]},
			],
		});
		this.add('kube-system', 'metrics-server', {
			podSelector: {matchLabels: {'k8s-app': 'metrics-server'}},
			policyTypes: ['Ingress'],
			ingress: [{peers: [{ipBlock: {cidr: '10.0.0.0/24'}}], ports: [{port: 4443}]}],
		});
		this.add('monitoring', 'default-deny-ingress', {podSelector: {}, policyTypes: ['Ingress']});
		this.add('monitoring', 'prometheus-scrape', {
			podSelector: {matchLabels: {'app.kubernetes.io/name': 'prometheus'}},
			policyTypes: ['Egress'],
			egress: [
				{peers: [{namespaceSelector: {}}], ports: [{port: 'metrics'}, {port: 9090, endPort: 9100}]},
				{peers: [{ipBlock: {cidr: '10.0.0.0/24'}}], ports: [{port: 10_250}]},
			],
		});
		this.add('monitoring', 'grafana-from-ingress', {
			podSelector: {matchLabels: {'app.kubernetes.io/name': 'grafana'}},
			ingress: [{peers: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'ingress-nginx'}}}], ports: [{port: 'http'}]}],
		});
		this.add('monitoring', 'alertmanager-mesh', {
			podSelector: {matchLabels: {'app.kubernetes.io/name': 'alertmanager'}},
			ingress: [
				{peers: [{podSelector: {matchLabels: {'app.kubernetes.io/name': 'alertmanager'}}}], ports: [{port: 9094, protocol: 'UDP'}, {port: 9094}]},
				{peers: [{podSelector: {matchLabels: {'app.kubernetes.io/name': 'prometheus'}}}, {podSelector: {matchLabels: {'app.kubernetes.io/name': 'grafana'}}}], ports: [{port: 'web'}]},
			],
		});
		this.add('ingress-nginx', 'controller', {
			podSelector: {matchLabels: {'app.kubernetes.io/name': 'ingress-nginx'}},
			policyTypes: ['Ingress', 'Egress'],
			ingress: [
				{peers: [{ipBlock: {cidr: '0.0.0.0/0', except: ['10.0.0.0/8']}}, {ipBlock: {cidr: '::/0', except: ['fd00::/8']}}], ports: [{port: 80}, {port: 443}]},
				{peers: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'monitoring'}}}], ports: [{port: 'metrics'}]},
			],
			egress: [
				{peers: [{namespaceSelector: {}, podSelector: {matchLabels: {tier: 'frontend'}}}], ports: [{port: 'http'}, {port: 'https'}]},
				{peers: [{namespaceSelector: {}, podSelector: {matchLabels: {'app.kubernetes.io/name': 'grafana'}}}], ports: [{port: 3000}]},
				{peers: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'kube-system'}}}], ports: [{port: 53, protocol: 'UDP'}]},
			],
		});
	}

	/** A policy drawn at random over every feature of the API. */
	randomPolicy(index: number): void {
		const {random} = this;
		const namespace = random.pick(this.namespaces);
		const podSelector = this.podSelector(namespace, true);
		const mode = random.weighted([['omitted', 30], ['ingress', 30], ['egress', 15], ['both', 25]] as const);
		const spec: RawPolicySpec = {podSelector};
		const rules = (count: number) => Array.from({length: count}, () => this.rule(namespace));
		if (mode === 'omitted') {
			spec.ingress = rules(random.int(0, 3));
			const egress = random.weighted([['rules', 40], ['empty', 20], ['absent', 40]] as const);
			if (egress === 'rules') {
				spec.egress = rules(random.int(1, 2));
			} else if (egress === 'empty') {
				spec.egress = [];
			}
		} else {
			spec.policyTypes = mode === 'ingress' ? ['Ingress'] : mode === 'egress' ? ['Egress'] : (random.chance(0.5) ? ['Ingress', 'Egress'] : ['Egress', 'Ingress']);
			if (mode !== 'egress') {
				spec.ingress = rules(random.weighted([[0, 10], [1, 45], [2, 30], [3, 15]] as const));
			}

			if (mode !== 'ingress') {
				spec.egress = rules(random.weighted([[0, 10], [1, 45], [2, 30], [3, 15]] as const));
			}
		}

		const app = podSelector.matchLabels?.['app'] ?? podSelector.matchLabels?.['tier'] ?? (podSelector.matchExpressions ? 'selected' : 'all');
		this.add(namespace.name, `np-${index}-${app}-${mode}`, spec);
	}

	private podSelector(namespace: NamespaceInfo, isTarget: boolean): RawSelector {
		const {random} = this;
		const deployments = namespace.deployments;
		const deployment = random.pick(deployments);
		const kind = random.weighted([['empty', isTarget ? 10 : 15], ['app', 35], ['tier', 15], ['app-canary', 4], ['expressions', 26], ['both', 10]] as const);
		switch (kind) {
			case 'empty': {
				return {};
			}

			case 'app': {
				return {matchLabels: {app: deployment.template.app}};
			}

			case 'tier': {
				return {matchLabels: {tier: deployment.template.tier}};
			}

			case 'app-canary': {
				return {matchLabels: {app: deployment.template.app, release: 'canary'}};
			}

			case 'expressions': {
				return {matchExpressions: this.podExpressions(namespace)};
			}

			case 'both': {
				return {matchLabels: {'app.kubernetes.io/part-of': namespace.labels['team'] ?? 'platform'}, matchExpressions: this.podExpressions(namespace)};
			}
		}
	}

	private podExpressions(namespace: NamespaceInfo): RawRequirement[] {
		const {random} = this;
		const apps = [...new Set(namespace.deployments.map(deployment => deployment.template.app))];
		const tiers = [...new Set(namespace.deployments.map(deployment => deployment.template.tier))];
		const choices: Array<() => RawRequirement> = [
			() => ({key: 'tier', operator: 'In', values: random.sample(tiers, random.int(1, 3))}),
			() => ({key: 'app', operator: 'In', values: random.sample(apps, random.int(1, 3))}),
			() => ({key: 'version', operator: 'NotIn', values: random.chance(0.5) ? ['v1'] : ['v1', 'v2']}),
			() => ({key: 'tier', operator: 'NotIn', values: ['db', 'cache']}),
			() => ({key: 'release', operator: 'Exists'}),
			() => ({key: 'release', operator: 'DoesNotExist'}),
			() => ({key: 'sidecar.istio.io/inject', operator: 'Exists'}),
			() => ({key: 'app.kubernetes.io/name', operator: 'Exists'}),
		];
		return random.sample(choices, random.int(1, 3)).map(make => make());
	}

	private namespaceSelector(): RawSelector {
		const {random} = this;
		return random.weighted<() => RawSelector>([
			[() => ({matchLabels: {team: random.pick(teams)}}), 25],
			[() => ({matchLabels: {env: random.pick(environments)}}), 15],
			[() => ({matchLabels: {team: random.pick(teams), env: 'prod'}}), 10],
			[() => ({matchExpressions: [{key: 'env', operator: 'In', values: random.sample(environments, 2)}]}), 15],
			[() => ({matchExpressions: [{key: 'env', operator: 'NotIn', values: ['prod']}]}), 8],
			[() => ({matchExpressions: [{key: 'compliance', operator: 'Exists'}]}), 7],
			[() => ({matchExpressions: [{key: 'compliance', operator: 'DoesNotExist'}, {key: 'team', operator: 'Exists'}]}), 7],
			[() => ({}), 13],
		])();
	}

	private peer(namespace: NamespaceInfo): RawPeer {
		const {random} = this;
		const other = random.pick(this.namespaces);
		switch (random.weighted([['pod', 30], ['namespace', 16], ['both', 22], ['namespace-name', 14], ['ipv4', 11], ['ipv6', 7]] as const)) {
			case 'pod': {
				return {podSelector: this.podSelector(namespace, false)};
			}

			case 'namespace': {
				return {namespaceSelector: this.namespaceSelector()};
			}

			case 'both': {
				return {namespaceSelector: this.namespaceSelector(), podSelector: this.podSelector(other, false)};
			}

			case 'namespace-name': {
				const namespaceSelector: RawSelector = random.chance(0.7)
					? {matchLabels: {'kubernetes.io/metadata.name': other.name}}
					: {matchExpressions: [{key: 'kubernetes.io/metadata.name', operator: 'In', values: random.sample(this.namespaces, random.int(2, 4)).map(entry => entry.name)}]};
				return random.chance(0.6) ? {namespaceSelector, podSelector: this.podSelector(other, false)} : {namespaceSelector};
			}

			case 'ipv4': {
				const block = random.pick(ipv4Blocks);
				return {ipBlock: block.except.length > 0 ? {cidr: block.cidr, except: [...block.except]} : {cidr: block.cidr}};
			}

			case 'ipv6': {
				const block = random.pick(ipv6Blocks);
				return {ipBlock: block.except.length > 0 ? {cidr: block.cidr, except: [...block.except]} : {cidr: block.cidr}};
			}
		}
	}

	private policyPort(): RawPort {
		const {random} = this;
		switch (random.weighted([['tcp', 30], ['named', 28], ['range', 14], ['udp', 10], ['sctp', 6], ['protocol-only', 5]] as const)) {
			case 'tcp': {
				const number = random.pick(tcpPorts);
				return random.chance(0.5) ? {port: number} : {protocol: 'TCP', port: number};
			}

			case 'named': {
				const [name, protocol] = random.pick(namedPorts);
				return protocol === 'TCP' && random.chance(0.5) ? {port: name} : {protocol, port: name};
			}

			case 'range': {
				const [first, last, protocol] = random.pick(portRanges);
				return protocol === 'TCP' && random.chance(0.3) ? {port: first, endPort: last} : {protocol, port: first, endPort: last};
			}

			case 'udp': {
				return {protocol: 'UDP', port: random.pick(udpPorts)};
			}

			case 'sctp': {
				return {protocol: 'SCTP', port: random.pick(sctpPorts)};
			}

			case 'protocol-only': {
				return {protocol: random.pick(['TCP', 'UDP', 'SCTP'] as const)};
			}
		}
	}

	private rule(namespace: NamespaceInfo): RawRule {
		const {random} = this;
		if (random.chance(0.06)) {
			return {};
		}

		const rule: RawRule = {};
		if (!random.chance(0.18)) {
			rule.peers = Array.from({length: random.weighted([[1, 55], [2, 30], [3, 15]] as const)}, () => this.peer(namespace));
		}

		if (!random.chance(0.25)) {
			rule.ports = Array.from({length: random.weighted([[1, 50], [2, 35], [3, 15]] as const)}, () => this.policyPort());
		}

		return rule;
	}
}

function policyObject(random: Random, policy: {namespace: string; name: string; spec: RawPolicySpec}): unknown {
	const {spec} = policy;
	const rule = (peersField: 'from' | 'to') => (entry: RawRule) => ({
		...(entry.peers ? {[peersField]: entry.peers} : {}),
		...(entry.ports ? {ports: entry.ports} : {}),
	});
	return {
		apiVersion: 'networking.k8s.io/v1',
		kind: 'NetworkPolicy',
		metadata: {
			creationTimestamp: `2025-0${random.int(1, 9)}-2${random.int(0, 8)}T0${random.int(0, 9)}:1${random.int(0, 9)}:4${random.int(0, 9)}Z`,
			generation: 1,
			name: policy.name,
			namespace: policy.namespace,
			resourceVersion: String(random.int(100_000, 9_999_999)),
			uid: uid(random),
		},
		spec: {
			podSelector: spec.podSelector,
			...(spec.policyTypes ? {policyTypes: spec.policyTypes} : {}),
			...(spec.ingress ? {ingress: spec.ingress.map(rule('from'))} : {}),
			...(spec.egress ? {egress: spec.egress.map(rule('to'))} : {}),
		},
	};
}

/** How often each NetworkPolicy feature occurs, to show (and check) that every one is used. */
export function policyFeatures(policies: ReadonlyArray<{spec: RawPolicySpec}>): Map<string, number> {
	const features = new Map<string, number>();
	const count = (feature: string) => features.set(feature, (features.get(feature) ?? 0) + 1);
	const selector = (prefix: string, value: RawSelector) => {
		if (!value.matchLabels && !value.matchExpressions) {
			count(`${prefix} empty {}`);
		}

		if (value.matchLabels) {
			count(`${prefix} matchLabels`);
			if (value.matchLabels['kubernetes.io/metadata.name'] !== undefined) {
				count(`${prefix} by kubernetes.io/metadata.name`);
			}
		}

		for (const requirement of value.matchExpressions ?? []) {
			count(`${prefix} matchExpressions ${requirement.operator}`);
			if (requirement.key === 'kubernetes.io/metadata.name') {
				count(`${prefix} by kubernetes.io/metadata.name`);
			}
		}
	};

	for (const {spec} of policies) {
		selector('spec.podSelector', spec.podSelector);
		count(spec.policyTypes ? `policyTypes [${spec.policyTypes.join(', ')}]` : 'policyTypes omitted');
		if (!spec.policyTypes && spec.egress?.length === 0) {
			count('policyTypes omitted, egress: []');
		}

		const isDenyAll = (spec.policyTypes?.includes('Ingress') !== false && (spec.ingress ?? []).length === 0)
			|| (spec.policyTypes?.includes('Egress') === true && (spec.egress ?? []).length === 0);
		if (isDenyAll) {
			count('deny-all (a direction isolated with no rules)');
		}

		for (const [direction, rules] of [['ingress', spec.ingress ?? []], ['egress', spec.egress ?? []]] as const) {
			for (const rule of rules) {
				count(`${direction} rule`);
				if (!rule.peers && !rule.ports) {
					count('rule {} (every peer, every port)');
				} else if (!rule.peers) {
					count('rule without from/to');
				} else if (!rule.ports) {
					count('rule without ports');
				}

				for (const peer of rule.peers ?? []) {
					if (peer.ipBlock) {
						const family = peer.ipBlock.cidr.includes(':') ? 'IPv6' : 'IPv4';
						count(`peer ipBlock ${family}${peer.ipBlock.except ? ' with except' : ''}`);
					} else if (peer.podSelector && peer.namespaceSelector) {
						count('peer podSelector + namespaceSelector');
					} else if (peer.podSelector) {
						count('peer podSelector only');
					} else {
						count('peer namespaceSelector only');
					}

					if (peer.podSelector) {
						selector('peer podSelector', peer.podSelector);
					}

					if (peer.namespaceSelector) {
						selector('peer namespaceSelector', peer.namespaceSelector);
					}
				}

				for (const entry of rule.ports ?? []) {
					count(`port protocol ${entry.protocol ?? 'omitted (TCP)'}`);
					count(entry.port === undefined ? 'port: none (every port of the protocol)' : typeof entry.port === 'string' ? 'port: named' : entry.endPort === undefined ? 'port: number' : 'port: endPort range');
				}
			}
		}
	}

	return features;
}

const requiredFeatures = [
	'spec.podSelector empty {}', 'spec.podSelector matchLabels', 'spec.podSelector matchExpressions In', 'spec.podSelector matchExpressions NotIn',
	'spec.podSelector matchExpressions Exists', 'spec.podSelector matchExpressions DoesNotExist', 'policyTypes omitted', 'policyTypes [Ingress]',
	'policyTypes [Egress]', 'policyTypes [Ingress, Egress]', 'policyTypes omitted, egress: []', 'ingress rule', 'egress rule', 'peer podSelector only',
	'peer namespaceSelector only', 'peer podSelector + namespaceSelector', 'peer namespaceSelector by kubernetes.io/metadata.name',
	'peer ipBlock IPv4 with except', 'peer ipBlock IPv6 with except', 'peer ipBlock IPv4', 'peer ipBlock IPv6', 'port protocol TCP', 'port protocol UDP',
	'port protocol SCTP', 'port protocol omitted (TCP)', 'port: number', 'port: named', 'port: endPort range', 'port: none (every port of the protocol)',
	'rule without from/to', 'rule without ports', 'rule {} (every peer, every port)', 'deny-all (a direction isolated with no rules)',
	'peer namespaceSelector empty {}', 'peer podSelector empty {}',
];

// ---------------------------------------------------------------------------------------------
// The flows.

type PortChoice = readonly [number, Protocol];

function flowPorts(pods: readonly GeneratedPod[]): {policyPorts: PortChoice[]; ranges: ReadonlyArray<readonly [number, number, Protocol]>} {
	const seen = new Set<string>();
	const policyPorts: PortChoice[] = [];
	const add = (number: number, protocol: Protocol) => {
		if (!seen.has(`${number}/${protocol}`)) {
			seen.add(`${number}/${protocol}`);
			policyPorts.push([number, protocol]);
		}
	};

	for (const number of tcpPorts) {
		add(number, 'TCP');
	}

	for (const number of udpPorts) {
		add(number, 'UDP');
	}

	for (const number of sctpPorts) {
		add(number, 'SCTP');
	}

	for (const pod of pods) {
		for (const entry of pod.ports) {
			add(entry.containerPort, entry.protocol);
		}
	}

	return {policyPorts, ranges: portRanges};
}

type FlowKinds = Record<'pod-pod' | 'pod-outside' | 'outside-pod', number>;

function buildFlows(random: Random, pods: readonly GeneratedPod[]): {flows: GeneratedFlow[]; kinds: FlowKinds} {
	const kinds: FlowKinds = {'pod-pod': 0, 'pod-outside': 0, 'outside-pod': 0};
	const {policyPorts, ranges} = flowPorts(pods);
	const byNamespace = new Map<string, GeneratedPod[]>();
	for (const pod of pods) {
		byNamespace.set(pod.namespace, [...byNamespace.get(pod.namespace) ?? [], pod]);
	}

	const reference = (pod: GeneratedPod) => `${pod.namespace}/${pod.name}`;
	const podEnd = (pod: GeneratedPod) => (random.chance(0.03) ? pod.ipv4 : reference(pod));
	const flows: GeneratedFlow[] = [];
	for (let index = 0; index < flowCount; index++) {
		const source = random.pick(pods);
		let from: string;
		let to: string;
		let destination: GeneratedPod | undefined;
		const kind = random.weighted([['pod-pod', 86], ['pod-outside', 7], ['outside-pod', 7]] as const);
		kinds[kind]++;
		switch (kind) {
			case 'pod-pod': {
				destination = random.chance(0.55) ? random.pick(byNamespace.get(source.namespace)!) : random.pick(pods);
				from = podEnd(source);
				to = podEnd(destination);
				break;
			}

			case 'pod-outside': {
				from = podEnd(source);
				to = outsideAddresses(random);
				break;
			}

			case 'outside-pod': {
				destination = source;
				from = outsideAddresses(random);
				to = podEnd(destination);
				break;
			}
		}

		// Mostly a port the destination listens on (what named ports resolve to), or one that
		// policies name; some drawn from a range, some at random.
		const listening = destination?.ports ?? [];
		let port: number;
		let protocol: Protocol;
		switch (random.weighted([['listening', listening.length > 0 ? 45 : 0], ['policy', 25], ['range', 8], ['random', 22]] as const)) {
			case 'listening': {
				const chosen = random.pick(listening);
				[port, protocol] = [chosen.containerPort, chosen.protocol];
				break;
			}

			case 'policy': {
				[port, protocol] = random.pick(policyPorts);
				break;
			}

			case 'range': {
				const [first, last, chosen] = random.pick(ranges);
				[port, protocol] = [random.int(first, last), chosen];
				break;
			}

			case 'random': {
				[port, protocol] = [random.int(1, 65_535), random.weighted([['TCP', 80], ['UDP', 13], ['SCTP', 7]] as const)];
				break;
			}
		}

		flows.push({from, to, port, protocol});
	}

	return {flows, kinds};
}

function flowLineYaml(flow: GeneratedFlow): string {
	return `  - {from: ${flow.from}, to: ${flow.to}, port: ${flow.port}, protocol: ${flow.protocol}${flow.expect ? `, expect: ${flow.expect}` : ''}}`;
}

// ---------------------------------------------------------------------------------------------

export type GeneratedData = {
	readonly directory: string;
	readonly clusterYaml: string;
	readonly clusterJson: string;
	readonly flowsYaml: string;
	readonly flowsJson: string;
	readonly namespaces: number;
	readonly pods: number;
	readonly dualStackPods: number;
	readonly policies: number;
	readonly flows: number;
	/** Flows by kind: pod to pod, pod to an outside address, outside address to pod. */
	readonly flowKinds: Readonly<FlowKinds>;
	readonly flowsWithExpect: number;
	readonly expectedAllow: number;
	readonly features: ReadonlyMap<string, number>;
	readonly bytes: Readonly<Record<'clusterYaml' | 'clusterJson' | 'flowsYaml' | 'flowsJson', number>>;
	readonly milliseconds: number;
};

/** Generates the cluster and flows into `directory` (created if needed). */
export function generate(directory: string, seed = defaultSeed): GeneratedData {
	const started = performance.now();
	const random = new Random(seed);
	const namespaces = buildNamespaces(random);
	const deployments = buildDeployments(random, namespaces);
	const {pods, objects: podObjects} = buildPods(random, deployments);
	const factory = new PolicyFactory(random, namespaces);
	factory.platform();
	for (const namespace of namespaces.filter(entry => !specials.some(special => special.namespace === entry.name))) {
		factory.structured(namespace);
	}

	if (factory.policies.length > policyCount - 100) {
		throw new Error(`generator: ${factory.policies.length} structured policies leave too few random ones`);
	}

	for (let index = 1; factory.policies.length < policyCount; index++) {
		factory.randomPolicy(index);
	}

	const features = policyFeatures(factory.policies);
	const missing = requiredFeatures.filter(feature => !features.has(feature));
	if (missing.length > 0) {
		throw new Error(`generator: these NetworkPolicy features are not used: ${missing.join(', ')}`);
	}

	const namespaceObjects = namespaces.map(namespace => ({
		apiVersion: 'v1',
		kind: 'Namespace',
		metadata: {
			creationTimestamp: '2025-01-06T09:00:00Z',
			labels: {...namespace.labels, 'kubernetes.io/metadata.name': namespace.name},
			name: namespace.name,
			resourceVersion: String(random.int(1000, 99_999)),
			uid: uid(random),
		},
		spec: {finalizers: ['kubernetes']},
		status: {phase: 'Active'},
	}));
	const policyObjects = factory.policies.map(policy => policyObject(random, policy));
	const items = [...namespaceObjects, ...podObjects, ...policyObjects];

	mkdirSync(directory, {recursive: true});
	const clusterYaml = path.join(directory, 'cluster.yaml');
	const clusterJson = path.join(directory, 'cluster.json');
	const flowsYaml = path.join(directory, 'flows.yaml');
	const flowsJson = path.join(directory, 'flows.json');
	// kubectl's YAML: keys sorted, sequences not indented under their key, YAML 1.1 quoting.
	const yamlOptions = {indentSeq: false, sortMapEntries: true, version: '1.1', lineWidth: 0} as const;
	writeFileSync(clusterYaml, items.map(item => stringify(item, yamlOptions)).join('---\n'));
	writeFileSync(clusterJson, `${JSON.stringify({apiVersion: 'v1', items, kind: 'List', metadata: {resourceVersion: ''}}, undefined, 4)}\n`);

	const {flows, kinds} = buildFlows(random, pods);
	// The expectations, from the unindexed reference evaluator on the objects as the tool reads them.
	const {objects} = loadClusterFiles([clusterJson]);
	const cluster = compileCluster(objects);
	const resolve = (reference: string): Endpoint => {
		const endpoint = resolveEndpoint(cluster, reference);
		if (typeof endpoint === 'string') {
			throw new TypeError(`generator: flow end ${reference} does not resolve (${endpoint})`);
		}

		return endpoint;
	};

	let expectedAllow = 0;
	for (let index = 0; index < flows.length; index += expectEvery) {
		const flow = flows[index]!;
		flow.expect = referenceVerdict(objects, {source: resolve(flow.from), destination: resolve(flow.to), port: flow.port, protocol: flow.protocol});
		expectedAllow += flow.expect === 'allow' ? 1 : 0;
	}

	writeFileSync(flowsYaml, `# ${flows.length} flows generated by bench/generate.ts (seed ${seed})\nflows:\n${flows.map(flow => flowLineYaml(flow)).join('\n')}\n`);
	writeFileSync(flowsJson, `{"flows": [\n${flows.map(flow => JSON.stringify(flow)).join(',\n')}\n]}\n`);

	const size = (file: string) => statSync(file).size;
	return {
		directory,
		clusterYaml,
		clusterJson,
		flowsYaml,
		flowsJson,
		namespaces: namespaces.length,
		pods: pods.length,
		dualStackPods: pods.filter(pod => pod.ipv6 !== undefined).length,
		policies: factory.policies.length,
		flows: flows.length,
		flowKinds: kinds,
		flowsWithExpect: Math.ceil(flows.length / expectEvery),
		expectedAllow,
		features,
		bytes: {clusterYaml: size(clusterYaml), clusterJson: size(clusterJson), flowsYaml: size(flowsYaml), flowsJson: size(flowsJson)},
		milliseconds: performance.now() - started,
	};
}

/** bench/.data of the checkout, from dist/bench/ or bench/. */
export function defaultDataDirectory(): string {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const root = path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '../..') : path.resolve(here, '..');
	return path.join(root, 'bench', '.data');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const data = generate(process.argv[2] ?? defaultDataDirectory());
	const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
	console.log(`generated into ${data.directory} in ${(data.milliseconds / 1000).toFixed(1)} s:`);
	console.log(`  ${data.namespaces} namespaces, ${data.pods} pods (${data.dualStackPods} dual-stack), ${data.policies} NetworkPolicies`);
	console.log(`  ${data.flows} flows (${Object.entries(data.flowKinds).map(([kind, count]) => `${count} ${kind}`).join(', ')}); ${data.flowsWithExpect} with expect, ${data.expectedAllow} of them allow`);
	for (const [key, bytes] of Object.entries(data.bytes)) {
		console.log(`  ${key.padEnd(12)} ${mebibytes(bytes)}`);
	}

	console.log('  NetworkPolicy features used:');
	for (const [feature, count] of [...data.features].sort(([left], [right]) => left.localeCompare(right))) {
		console.log(`    ${feature.padEnd(56)} ${count}`);
	}
}
