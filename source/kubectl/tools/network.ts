// What a pod of the dojo cluster meets when it opens a connection: the cluster DNS (a query on
// UDP 53 to a CoreDNS pod, decided by the evaluator like any flow), Service addresses that
// kube-proxy sends to a backend on its targetPort, pod IPs, and addresses outside the cluster.
// Every flow decided is logged as a step, so that `kubectl why` can tell it afterwards. Pure.
//
// How a challenge's cluster declares its DNS: a Service `kube-dns` in `kube-system` (its
// backends on 53/UDP are the servers), or, without that Service, the pods labelled
// `k8s-app: kube-dns` in `kube-system` (as if the Service kubeadm makes with CoreDNS were
// there, at 10.96.0.10). With neither, the cluster has no DNS and no name resolves.
//
// Where kube-proxy would pick a backend at random, the dojo takes the first by
// `namespace/name`, so that the same command always gets the same answer; the step says so,
// and names the other backends whose verdict differs.
import {type Address, type Cluster, type Endpoint, type Flow, type Verdict, decide, endpointName, formatAddress, parseAddress, serviceBackends} from '../../evaluator/index.js';
import {addressKey} from '../../kube/ip.js';
import type {Protocol, Service} from '../../model/kubernetes.js';
import {type RawObject, kindOf, metadataOf, namespaceOf, text} from '../state.js';

/** One thing the command did on the network, for `kubectl why`. */
export type Step = {
	readonly title: string;
	readonly flow?: Flow;
	readonly notes: readonly string[];
};

export type Network = {
	readonly cluster: Cluster;
	readonly client: Endpoint & {readonly kind: 'pod'};
	readonly clientNamespace: string;
	/** Service address key → Service, and each Service's address. */
	readonly serviceAt: ReadonlyMap<string, Service>;
	readonly addressOfService: ReadonlyMap<Service, Address | 'None'>;
	/** Appended to as the command runs. */
	readonly steps: Step[];
	/** The dojo's own words for stderr, beyond what the tool prints (the cluster has no DNS). */
	readonly notices: Set<string>;
};

export const clusterDomain = 'cluster.local';
const kubeDnsAddress = '10.96.0.10';

const serviceKey = (service: Service) => `${service.namespace}/${service.name}`;

/** The network as seen from `client` (a pod of the cluster) in namespace `clientNamespace`. */
export function networkOf(cluster: Cluster, objects: readonly RawObject[], client: Endpoint & {readonly kind: 'pod'}, clientNamespace: string): Network {
	const written = new Map(objects.filter(object => kindOf(object) === 'Service').map(object => [`${namespaceOf(object) ?? ''}/${metadataOf(object).name}`, text((object['spec'] as Record<string, unknown> | undefined)?.['clusterIP'], '')]));
	const taken = new Set(cluster.podsByAddress.keys());
	const addressOfService = new Map<Service, Address | 'None'>();
	const serviceAt = new Map<string, Service>();
	// Written addresses first, so that a made-up one never takes a written one's place.
	const sorted = [...cluster.services].sort((left, right) => Number(!written.get(serviceKey(left))) - Number(!written.get(serviceKey(right))));
	for (const service of sorted) {
		const clusterIp = written.get(serviceKey(service)) ?? '';
		if (clusterIp === 'None') {
			addressOfService.set(service, 'None');
			continue;
		}

		const address = parseAddress(clusterIp) ?? (serviceKey(service) === 'kube-system/kube-dns' && !taken.has(addressKey(parseAddress(kubeDnsAddress)!)) ? parseAddress(kubeDnsAddress)! : madeUpAddress(serviceKey(service), taken));
		taken.add(addressKey(address));
		addressOfService.set(service, address);
		serviceAt.set(addressKey(address), service);
	}

	return {cluster, client, clientNamespace, serviceAt, addressOfService, steps: [], notices: new Set()};
}

function hash(text: string): number {
	let value = 2_166_136_261;
	for (const character of text) {
		value = Math.imul(value ^ character.codePointAt(0)!, 16_777_619) >>> 0;
	}

	return value;
}

// A Service without a written clusterIP gets one in 10.96.0.0/16, the same for the same name.
function madeUpAddress(key: string, taken: ReadonlySet<string>): Address {
	for (let attempt = 0; ; attempt++) {
		const value = hash(`${key}#${attempt}`) % 65_024 + 256;
		const address: Address = {family: 4, value: BigInt((10 << 24 >>> 0) + (96 << 16) + value)};
		if (!taken.has(addressKey(address))) {
			return address;
		}
	}
}

/** The address a name outside the cluster resolves to: one in 203.0.113.0/24 (TEST-NET-3), the same for the same name. */
function outsideAddress(name: string): Address {
	return {family: 4, value: BigInt((203 << 24 >>> 0) + (0 << 16) + (113 << 8) + (hash(name) % 254) + 1)};
}

export const formatted = (address: Address) => formatAddress(address);

/** The cluster's DNS: the address pods send queries to and the pods that answer. */
type DnsServers = {readonly address: Address; readonly backends: ReadonlyArray<{readonly endpoint: Endpoint & {readonly kind: 'pod'}; readonly port?: number}>; readonly how: string};

export function dnsServersOf(network: Network): DnsServers | undefined {
	const {cluster} = network;
	const service = cluster.services.find(candidate => serviceKey(candidate) === 'kube-system/kube-dns');
	const serviceAddress = service && network.addressOfService.get(service);
	if (service && serviceAddress && serviceAddress !== 'None') {
		const found = serviceBackends(cluster, service, 53, 'UDP');
		return {address: serviceAddress, backends: 'kind' in found ? [] : sortedBackends(cluster, found.backends), how: 'Service kube-system/kube-dns'};
	}

	const pods = (cluster.podsByNamespace.get('kube-system') ?? []).filter(pod => cluster.pods[pod]!.labels['k8s-app'] === 'kube-dns');
	if (pods.length === 0) {
		return undefined;
	}

	const backends = pods.map(pod => ({endpoint: cluster.podEndpoints[pod]!, port: 53}));
	return {address: parseAddress(kubeDnsAddress)!, backends: sortedBackends(cluster, backends), how: 'the pods labelled k8s-app=kube-dns in kube-system (the cluster has no kube-dns Service: taken as there)'};
}

function sortedBackends<T extends {readonly endpoint: Endpoint}>(cluster: Cluster, backends: readonly T[]): T[] {
	return [...backends].sort((left, right) => compareText(endpointName(cluster, left.endpoint), endpointName(cluster, right.endpoint)));
}

const compareText = (left: string, right: string) => (left < right ? -1 : (left > right ? 1 : 0));

/** Decides a flow and logs it as a step. */
function decided(network: Network, title: string, flow: Flow, notes: readonly string[] = []): Verdict {
	network.steps.push({title, flow, notes});
	return decide(network.cluster, flow).verdict;
}

/**
A connection through several backends: the first by name that has the port. Notes the others
whose verdict differs, since kube-proxy could have sent the connection to any of them.
*/
function throughBackends(network: Network, title: string, backends: ReadonlyArray<{readonly endpoint: Endpoint & {readonly kind: 'pod'}; readonly port?: number}>, protocol: Protocol): Verdict | 'no-backend' {
	const usable = backends.filter((backend): backend is {endpoint: Endpoint & {kind: 'pod'}; port: number} => backend.port !== undefined);
	const [first, ...others] = usable;
	if (!first) {
		network.steps.push({title, notes: ['no backend has the port: kube-proxy rejects the connection (Connection refused)']});
		return 'no-backend';
	}

	const flowTo = (backend: {endpoint: Endpoint; port: number}): Flow => ({source: network.client, destination: backend.endpoint, port: backend.port, protocol});
	const verdict = decide(network.cluster, flowTo(first)).verdict;
	const differing = others.filter(backend => decide(network.cluster, flowTo(backend)).verdict !== verdict).map(backend => `${endpointName(network.cluster, backend.endpoint)} on ${backend.port}`);
	const notes = usable.length > 1
		? [`${usable.length} backends; kube-proxy picks one at random, the dojo the first by name: ${endpointName(network.cluster, first.endpoint)}`, ...(differing.length > 0 ? [`this answer depends on the backend: the connection would be ${verdict === 'allow' ? 'denied' : 'allowed'} to ${differing.join(', ')}`] : [])]
		: [];
	return decided(network, title, flowTo(first), notes);
}

/** What a name resolves to, or why it does not. */
export type Lookup =
	| {readonly kind: 'address'; readonly address: Address; readonly name?: string; readonly isOutsideName?: boolean}
	| {readonly kind: 'no-dns'}
	| {readonly kind: 'timeout'}
	| {readonly kind: 'nxdomain'};

/** The resolver's search list in a pod of `namespace` (ndots 5), as kubelet writes resolv.conf. */
export function searchList(namespace: string): string[] {
	return [`${namespace}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain];
}

/**
Looks `host` up as a pod's resolver would: an address is itself, `localhost` the pod; any other
name is a query to the cluster DNS (which must be reachable on UDP 53), tried with each search
domain. `server`, as nslookup's, sends the query elsewhere.
*/
export function lookUp(network: Network, host: string, server?: Address): Lookup {
	const literal = parseAddress(host.replace(/^\[(.*)\]$/, '$1'));
	if (literal) {
		return {kind: 'address', address: literal};
	}

	const name = host.toLowerCase().replace(/\.$/, '');
	if (name === 'localhost') {
		return {kind: 'address', address: parseAddress('127.0.0.1')!, name};
	}

	const answered = askServer(network, name, server);
	if (answered !== 'answered' && answered !== 'outside-only') {
		return {kind: answered};
	}

	const isAbsolute = host.endsWith('.');
	const dots = name.split('.').length - 1;
	const candidates = isAbsolute ? [name] : (dots >= 5 ? [name, ...searchList(network.clientNamespace).map(domain => `${name}.${domain}`)] : [...searchList(network.clientNamespace).map(domain => `${name}.${domain}`), name]);
	for (const candidate of candidates) {
		const found = answered === 'outside-only' ? outsideRecord(candidate) : record(network, candidate);
		if (found) {
			return found;
		}
	}

	return {kind: 'nxdomain'};
}

// Sends the query: to the cluster DNS (through its Service), or to the server given.
function askServer(network: Network, name: string, server: Address | undefined): 'answered' | 'outside-only' | 'no-dns' | 'timeout' {
	const dns = dnsServersOf(network);
	const title = `DNS query for ${name} (UDP 53)`;
	if (server && !(dns && addressKey(server) === addressKey(dns.address))) {
		const pod = network.cluster.podsByAddress.get(addressKey(server))?.[0];
		const isDnsPod = pod !== undefined && dns?.backends.some(backend => backend.endpoint.pod === pod);
		const destination: Endpoint = pod === undefined ? {kind: 'outside', address: server} : network.cluster.podEndpoints[pod]!;
		const verdict = decided(network, `${title} to the server given, ${formatAddress(server)}`, {source: network.client, destination, port: 53, protocol: 'UDP'},
			pod !== undefined && !isDnsPod ? ['that pod is no DNS server: nothing answers'] : []);
		if (verdict === 'deny' || (pod !== undefined && !isDnsPod)) {
			return 'timeout';
		}

		return pod === undefined ? 'outside-only' : 'answered';
	}

	if (!dns) {
		network.steps.push({title, notes: ['the cluster has no DNS: no Service kube-dns and no pods labelled k8s-app=kube-dns in kube-system']});
		network.notices.add('(dojo) this challenge\'s cluster has no DNS (no CoreDNS in kube-system), so no name resolves: use pod IPs (kubectl get pods -o wide)');
		return 'no-dns';
	}

	const verdict = throughBackends(network, `${title} to the cluster DNS at ${formatAddress(dns.address)}, ${dns.how}`, dns.backends, 'UDP');
	return verdict === 'allow' ? 'answered' : 'timeout';
}

function record(network: Network, fqdn: string): Lookup | undefined {
	const suffix = `.svc.${clusterDomain}`;
	if (fqdn.endsWith(suffix)) {
		const parts = fqdn.slice(0, -suffix.length).split('.');
		if (parts.length !== 2) {
			return undefined;
		}

		const service = network.cluster.services.find(candidate => candidate.name === parts[0] && candidate.namespace === parts[1]);
		const address = service && network.addressOfService.get(service);
		if (!service || !address) {
			return undefined;
		}

		if (address === 'None') {
			// A headless Service's name is its backends' addresses; the first by name here.
			const found = serviceBackends(network.cluster, service, service.ports[0]?.port ?? 0, service.ports[0]?.protocol ?? 'TCP');
			const first = 'kind' in found ? undefined : sortedBackends(network.cluster, found.backends)[0];
			const ip = first && network.cluster.podAddresses[first.endpoint.pod]?.[0];
			return ip ? {kind: 'address', address: ip, name: fqdn} : undefined;
		}

		return {kind: 'address', address, name: fqdn};
	}

	const podSuffix = `.pod.${clusterDomain}`;
	if (fqdn.endsWith(podSuffix)) {
		const parts = fqdn.slice(0, -podSuffix.length).split('.');
		const address = parts.length === 2 ? parseAddress(parts[0]!.replaceAll('-', parts[0]!.includes(':') ? ':' : '.')) : undefined;
		return address ? {kind: 'address', address, name: fqdn} : undefined;
	}

	return fqdn.endsWith(`.${clusterDomain}`) ? undefined : outsideRecord(fqdn);
}

// The top-level domains a name outside the cluster ends in, here: the common ones and every
// two-letter country code. Not any dotted name, so that `db.prod` (a Service name mistyped, or
// a namespace without it) is NXDOMAIN, as upstream would answer, rather than an outside host.
const outsideTopLevel = /^(?:com|org|net|io|dev|app|edu|gov|info|cloud|ai|[a-z]{2})$/;

// CoreDNS forwards a name outside the cluster upstream.
function outsideRecord(fqdn: string): Lookup | undefined {
	const labels = fqdn.split('.');
	return labels.length > 1 && outsideTopLevel.test(labels.at(-1)!) && !fqdn.endsWith(`.${clusterDomain}`) ? {kind: 'address', address: outsideAddress(fqdn), name: fqdn, isOutsideName: true} : undefined;
}

/** How a connection ended. */
export type Outcome = 'open' | 'timeout' | 'refused';

/** What is at an address: a Service, a pod, the pod itself, or a host outside. */
export function connect(network: Network, address: Address, port: number, protocol: Protocol): Outcome {
	const {cluster} = network;
	const shown = `${formatAddress(address)}:${port}/${protocol}`;
	if (isLoopback(address)) {
		network.steps.push({title: `connection to ${shown}`, notes: ['the pod\'s own loopback: no policy applies']});
		return 'open';
	}

	const service = network.serviceAt.get(addressKey(address));
	if (service) {
		const title = `connection to Service ${serviceKey(service)} at ${shown}`;
		const found = serviceBackends(cluster, service, port, protocol);
		if ('kind' in found) {
			const words = {
				'no-port': 'the Service has no such port: nothing forwards it (Connection timed out)',
				'no-selector': 'the Service has no selector: the dojo sees no endpoints for it, so kube-proxy rejects the connection',
				'no-backends': 'the Service selects no pod: kube-proxy rejects the connection (Connection refused)',
			} as const;
			network.steps.push({title, notes: [words[found.kind]]});
			return found.kind === 'no-port' ? 'timeout' : 'refused';
		}

		const target = found.servicePort.targetPort;
		const verdict = throughBackends(network, `${title}, to a backend on targetPort ${target}`, sortedBackends(cluster, found.backends), protocol);
		return verdict === 'no-backend' ? 'refused' : (verdict === 'allow' ? 'open' : 'timeout');
	}

	const pods = cluster.podsByAddress.get(addressKey(address)) ?? [];
	const destination: Endpoint = pods.length > 0 ? cluster.podEndpoints[pods[0]!]! : {kind: 'outside', address};
	const notes = pods.length > 1 ? [`${pods.length} pods share this IP (host network): the dojo takes the first, ${endpointName(cluster, destination)}`] : [];
	const verdict = decided(network, `connection to ${pods.length > 0 ? `pod ${endpointName(cluster, destination)}` : 'an address outside the cluster'} at ${shown}`, {source: network.client, destination, port, protocol}, notes);
	return verdict === 'allow' ? 'open' : 'timeout';
}

function isLoopback(address: Address): boolean {
	return address.family === 4 ? address.value >> 24n === 127n : address.value === 1n;
}

/**
Whether ICMP echo gets through: NetworkPolicy names no ICMP; Calico and Cilium let it through
where a rule admits the peer on every port and protocol (a rule without `ports`), and where no
policy isolates the pod. A Service's address never answers ping (kube-proxy forwards only its ports).
*/
export function pingReaches(network: Network, address: Address): boolean {
	const {cluster} = network;
	if (isLoopback(address)) {
		network.steps.push({title: `ping ${formatAddress(address)}`, notes: ['the pod\'s own loopback: no policy applies']});
		return true;
	}

	if (network.serviceAt.has(addressKey(address))) {
		network.steps.push({title: `ping ${formatAddress(address)}`, notes: ['a Service\'s address answers no ping: kube-proxy forwards only its ports']});
		return false;
	}

	const pods = cluster.podsByAddress.get(addressKey(address)) ?? [];
	const destination: Endpoint = pods.length > 0 ? cluster.podEndpoints[pods[0]!]! : {kind: 'outside', address};
	// Port 0 matches no port entry: only rules without `ports` admit it, as they admit ICMP.
	const flow: Flow = {source: network.client, destination, port: 0, protocol: 'TCP'};
	const decision = decide(cluster, flow);
	const sideAdmits = (side: 'egress' | 'ingress') => decision[side].kind !== 'denied' && (decision[side].kind !== 'allowed' || (decision[side] as {allowedBy: ReadonlyArray<{port?: number}>}).allowedBy.some(match => match.port === undefined));
	const reaches = decision.isSelf || (sideAdmits('egress') && sideAdmits('ingress'));
	network.steps.push({title: `ping (ICMP echo) ${endpointName(cluster, destination)}`, flow, notes: ['NetworkPolicy names no ICMP: the dojo lets it through where a rule without ports admits the peer (as Calico and Cilium do) or no policy isolates the pod; the trace below is for "every port"', `ICMP ${reaches ? 'gets through' : 'is dropped'}`]});
	return reaches;
}
