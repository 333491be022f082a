// The rules read directly, with no index: for every flow, every policy is looked at. It is the
// oracle that the property tests hold the indexed evaluator to, and the baseline the benchmark
// measures it against. Keep it a plain transcription of the NetworkPolicy semantics.
import type {ClusterObjects, NetworkPolicy, Peer, Pod, PolicyPort, Rule} from '../model/kubernetes.js';
import {namespaceNameLabel} from '../model/kubernetes.js';
import {type Address, cidrContains, parseAddress, parseCidr} from '../kube/ip.js';
import {selectorMatches} from './selector.js';
import type {Flow, Verdict} from './types.js';

type End = {readonly pod?: Pod; readonly address?: Address};

/** The verdict on a flow, reading every policy of the cluster. */
export function referenceVerdict(objects: ClusterObjects, flow: Flow): Verdict {
	const source = endOf(objects, flow.source);
	const destination = endOf(objects, flow.destination);
	if (source.pod && source.pod === destination.pod) {
		return 'allow';
	}

	const egressAllows = !source.pod || sideAllows(objects, source.pod, 'Egress', destination, flow, destination.pod);
	const ingressAllows = !destination.pod || sideAllows(objects, destination.pod, 'Ingress', source, flow, destination.pod);
	return egressAllows && ingressAllows ? 'allow' : 'deny';
}

function endOf(objects: ClusterObjects, endpoint: Flow['source']): End {
	return endpoint.kind === 'pod' ? {pod: objects.pods[endpoint.pod]!} : {address: endpoint.address};
}

function sideAllows(objects: ClusterObjects, pod: Pod, type: 'Ingress' | 'Egress', peer: End, flow: Flow, destinationPod: Pod | undefined): boolean {
	const isolating = objects.policies.filter(policy =>
		policy.namespace === pod.namespace && selectorMatches(policy.podSelector, pod.labels) && policy.policyTypes.includes(type));
	if (isolating.length === 0) {
		return true;
	}

	return isolating.some(policy => rulesOf(policy, type).some(rule =>
		portsAdmit(rule.ports, flow, destinationPod) && peersAdmit(objects, policy, rule.peers, peer)));
}

function rulesOf(policy: NetworkPolicy, type: 'Ingress' | 'Egress'): readonly Rule[] {
	return type === 'Ingress' ? policy.ingress : policy.egress;
}

function portsAdmit(ports: readonly PolicyPort[], flow: Flow, destinationPod: Pod | undefined): boolean {
	return ports.length === 0 || ports.some(port => {
		if (port.protocol !== flow.protocol) {
			return false;
		}

		if (port.port === undefined) {
			return true;
		}

		if (typeof port.port === 'string') {
			return (destinationPod?.ports ?? []).some(container =>
				container.name === port.port && container.protocol === flow.protocol && container.port === flow.port);
		}

		return flow.port >= port.port && flow.port <= (port.endPort ?? port.port);
	});
}

function peersAdmit(objects: ClusterObjects, policy: NetworkPolicy, peers: readonly Peer[], end: End): boolean {
	return peers.length === 0 || peers.some(peer => peerAdmits(objects, policy, peer, end));
}

function peerAdmits(objects: ClusterObjects, policy: NetworkPolicy, peer: Peer, end: End): boolean {
	if (peer.ipBlock) {
		const cidr = parseCidr(peer.ipBlock.cidr)!;
		const except = peer.ipBlock.except.map(text => parseCidr(text)!);
		const addresses = end.pod ? end.pod.ips.map(ip => parseAddress(ip)!) : [end.address!];
		return addresses.some(address => cidrContains(cidr, address) && !except.some(block => cidrContains(block, address)));
	}

	const {pod} = end;
	if (!pod) {
		return false;
	}

	if (peer.namespaceSelector) {
		const namespace = objects.namespaces.find(candidate => candidate.name === pod.namespace);
		const labels = {...namespace?.labels, [namespaceNameLabel]: pod.namespace};
		if (!selectorMatches(peer.namespaceSelector, labels)) {
			return false;
		}
	} else if (pod.namespace !== policy.namespace) {
		return false;
	}

	return !peer.podSelector || selectorMatches(peer.podSelector, pod.labels);
}
