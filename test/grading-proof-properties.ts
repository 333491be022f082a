// The proof against brute force: on random small clusters and random pairs of policy sets, the
// proof says "equivalent" exactly when deciding every side of every flow one by one finds no
// difference (every port up to past the last one any policy or container names, every outside
// address up to past the last CIDR boundary, each probe object), and a counterexample it gives
// is a real difference. The brute force reads the rules directly (the unindexed reference
// evaluator), with its own projection onto one direction.
import test from 'ava';
import fc from 'fast-check';
import type {ClusterObjects, IpBlock, Namespace, NetworkPolicy, Peer, Pod, PolicyPort, PolicyType, Protocol, Rule} from '../source/model/kubernetes.js';
import {type Address, addressKey, parseAddress} from '../source/kube/ip.js';
import {type Direction, type Endpoint, referenceVerdict} from '../source/evaluator/index.js';
import {type ProbeFamily, probeFamilies, withProbes} from '../source/grading/probes.js';
import {proveEquivalent} from '../source/grading/proof.js';
import {namespace, policy, rule, selector} from './helpers/builders.js';
import {type Domain, labelsArbitrary as labelsOf, selectorArbitrary} from './helpers/arbitraries.js';

const labelsArbitrary = (domain: Domain) => labelsOf(domain, 2);

const namespaceNames = ['ns-a', 'ns-b'];
const podLabelDomain = {app: ['x', 'y'], tier: ['x', 'y']};
const namespaceLabelDomain = {team: ['x', 'y']};
// Policy port numbers and ranges stay below 13, so ports 1..14 cover every stretch there.
const smallPorts = [1, 2, 5, 7, 12];
const portNames = ['http', 'dns'];
// Every boundary of these CIDRs lies in 10.0.0.0-10.0.0.64, 10.0.1.0 or at 0 and the end.
const exceptsByCidr: Readonly<Record<string, readonly string[]>> = {
	'10.0.0.0/28': ['10.0.0.4/30', '10.0.0.5/32'],
	'10.0.0.8/29': ['10.0.0.12/30'],
	'10.0.0.0/24': ['10.0.0.0/28', '10.0.0.32/27'],
	'10.0.0.32/27': ['10.0.0.33/32'],
	'0.0.0.0/0': ['10.0.0.0/24'],
	'fd00::/64': ['fd00::/126'],
};
const bruteAddresses = [
	...Array.from({length: 66}, (_, index) => `10.0.0.${index}`),
	'10.0.0.200', '10.0.1.1', '11.0.0.1', '0.0.0.0', '255.255.255.255', 'fd00::1', 'fd00::9', '2001:db8::1',
];

const ipBlockArbitrary: fc.Arbitrary<IpBlock> = fc.constantFrom(...Object.keys(exceptsByCidr))
	.chain(cidr => fc.subarray([...exceptsByCidr[cidr]!]).map(except => ({cidr, except})));

const peerArbitrary: fc.Arbitrary<Peer> = fc.oneof(
	selectorArbitrary(podLabelDomain).map(podSelector => ({podSelector})),
	selectorArbitrary(namespaceLabelDomain).map(namespaceSelector => ({namespaceSelector})),
	fc.tuple(selectorArbitrary(podLabelDomain), selectorArbitrary(namespaceLabelDomain)).map(([podSelector, namespaceSelector]) => ({podSelector, namespaceSelector})),
	ipBlockArbitrary.map(ipBlock => ({ipBlock})),
);

const protocolArbitrary: fc.Arbitrary<Protocol> = fc.constantFrom('TCP', 'TCP', 'UDP', 'SCTP');

const policyPortArbitrary: fc.Arbitrary<PolicyPort> = fc.oneof(
	protocolArbitrary.map(protocol => ({protocol})),
	fc.tuple(protocolArbitrary, fc.constantFrom(...smallPorts)).map(([protocol, port]) => ({protocol, port})),
	fc.tuple(protocolArbitrary, fc.constantFrom(...smallPorts), fc.integer({min: 0, max: 5})).map(([protocol, port, width]) => ({protocol, port, endPort: Math.min(12, port + width)})),
	fc.tuple(protocolArbitrary, fc.constantFrom(...portNames)).map(([protocol, port]) => ({protocol, port})),
);

const ruleArbitrary: fc.Arbitrary<Rule> = fc.record({
	peers: fc.oneof(fc.constant<Peer[]>([]), fc.array(peerArbitrary, {minLength: 1, maxLength: 2})),
	ports: fc.oneof(fc.constant<PolicyPort[]>([]), fc.array(policyPortArbitrary, {minLength: 1, maxLength: 2})),
}).map(({peers, ports}) => rule(peers, ports));

function policyArbitrary(name: string): fc.Arbitrary<NetworkPolicy> {
	return fc.record({
		namespace: fc.constantFrom(...namespaceNames),
		podSelector: fc.oneof(fc.constant(selector()), selectorArbitrary(podLabelDomain)),
		policyTypes: fc.option(fc.subarray<PolicyType>(['Ingress', 'Egress'], {minLength: 1}), {nil: undefined, freq: 2}),
		ingress: fc.array(ruleArbitrary, {maxLength: 2}),
		egress: fc.array(ruleArbitrary, {maxLength: 2}),
	}).map(spec => policy(`${spec.namespace}/${name}`, spec.podSelector, {...(spec.policyTypes ? {policyTypes: spec.policyTypes} : {}), ingress: spec.ingress, egress: spec.egress}));
}

// Real pods get 10.0.0.17 and up (and some an IPv6 address), probes the next free addresses.
const podsArbitrary: fc.Arbitrary<Pod[]> = fc.array(fc.record({
	namespace: fc.constantFrom(...namespaceNames),
	labels: labelsArbitrary(podLabelDomain),
	hasIpv6: fc.boolean(),
	ports: fc.subarray([{name: 'http', port: 5, protocol: 'TCP' as const}, {name: 'dns', port: 7, protocol: 'UDP' as const}, {port: 2, protocol: 'TCP' as const}]),
}), {minLength: 1, maxLength: 3}).map(specs => specs.map((spec, index) => ({
	namespace: spec.namespace,
	name: `pod-${index}`,
	labels: spec.labels,
	ips: [`10.0.0.${17 + (index * 4)}`, ...(spec.hasIpv6 ? [`fd00::${index + 1}`] : [])],
	ports: spec.ports,
})));

const namespacesArbitrary: fc.Arbitrary<Namespace[]> = fc.tuple(...namespaceNames.map(name => labelsArbitrary(namespaceLabelDomain).map(labels => namespace(name, labels))));

const policiesArbitrary = fc.array(fc.nat(), {maxLength: 2}).chain(names => fc.tuple(...names.map((_, index) => policyArbitrary(`policy-${index}`))));

// A second set of policies: the same in another order (equivalent), the same with one policy
// redrawn (a near miss), or drawn afresh.
function pairArbitrary(first: NetworkPolicy[]): fc.Arbitrary<NetworkPolicy[]> {
	return fc.oneof(
		fc.constant([...first].reverse().map(entry => ({...entry, ingress: [...entry.ingress].reverse(), egress: [...entry.egress].reverse()}))),
		first.length === 0 ? policiesArbitrary : fc.tuple(fc.nat({max: first.length - 1}), policyArbitrary('policy-0')).map(([index, redrawn]) => first.map((entry, position) => (position === index ? {...redrawn, name: entry.name, namespace: entry.namespace} : entry))),
		policiesArbitrary,
	);
}

const caseArbitrary = fc.record({
	namespaces: namespacesArbitrary,
	pods: podsArbitrary,
	expected: policiesArbitrary,
	families: fc.subarray([...probeFamilies]),
}).chain(spec => pairArbitrary(spec.expected).map(actual => ({...spec, actual})));

// The brute force's own projection: a policy's part for one direction.
function sidePart(policies: readonly NetworkPolicy[], direction: Direction): NetworkPolicy[] {
	const type: PolicyType = direction === 'ingress' ? 'Ingress' : 'Egress';
	return policies.filter(entry => entry.policyTypes.includes(type)).map(entry => ({...entry, policyTypes: [type], ingress: direction === 'ingress' ? entry.ingress : [], egress: direction === 'egress' ? entry.egress : []}));
}

/** The first side of a flow (as text) on which the two sets decide differently, trying every one. */
function bruteDifference(objects: ClusterObjects, expected: readonly NetworkPolicy[], actual: readonly NetworkPolicy[], families: ReadonlySet<ProbeFamily>): string | undefined {
	const probed = withProbes(objects, [...expected, ...actual], families).objects;
	const podAddresses = new Set(probed.pods.flatMap(entry => entry.ips).map(ip => addressKey(parseAddress(ip)!)));
	const outside = bruteAddresses.map(text => parseAddress(text)!).filter(address => !podAddresses.has(addressKey(address)));
	const containerPorts = probed.pods.flatMap(entry => entry.ports.map(port => port.port));
	const ports = [...new Set([...Array.from({length: 14}, (_, index) => index + 1), ...containerPorts, 65_535])];
	const pods: Endpoint[] = probed.pods.map((_, index) => ({kind: 'pod', pod: index}));
	const far = (address: Address): Endpoint => ({kind: 'outside', address});
	for (const direction of ['ingress', 'egress'] as const) {
		const before = {...probed, policies: sidePart(expected, direction)};
		const after = {...probed, policies: sidePart(actual, direction)};
		for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
			for (const port of ports) {
				for (const self of pods) {
					const peers = [...pods.filter(peer => peer !== self), ...outside.map(address => far(address))];
					for (const peer of peers) {
						const flow = direction === 'ingress' ? {source: peer, destination: self, port, protocol} : {source: self, destination: peer, port, protocol};
						if (referenceVerdict(before, flow) !== referenceVerdict(after, flow)) {
							return `${direction} ${JSON.stringify(flow, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))}`;
						}
					}
				}
			}
		}
	}

	return undefined;
}

test('the proof agrees with brute force over every side of every flow, probe objects included', t => {
	let differing = 0;
	fc.assert(fc.property(caseArbitrary, ({namespaces, pods, expected, actual, families}) => {
		const objects: ClusterObjects = {namespaces, pods, policies: []};
		const familySet = new Set(families);
		const proof = proveEquivalent(objects, expected, actual, familySet);
		const difference = bruteDifference(objects, expected, actual, familySet);
		if (difference !== undefined) {
			differing++;
		}

		if (proof.isEquivalent !== (difference === undefined)) {
			throw new Error(`proof says ${proof.isEquivalent ? 'equivalent' : 'different'}; brute force: ${difference ?? 'no difference'}`);
		}
	}), {numRuns: 60, seed: 20_261_202});
	// Both answers must be common, or the property says little.
	t.true(differing > 10 && differing < 55, `${differing} of 60 differ`);
});

test('a counterexample is a real difference: the two sides decide it differently, as it says', t => {
	let counterexamples = 0;
	fc.assert(fc.property(caseArbitrary, ({namespaces, pods, expected, actual, families}) => {
		const objects: ClusterObjects = {namespaces, pods, policies: []};
		const familySet = new Set(families);
		const proof = proveEquivalent(objects, expected, actual, familySet);
		if (proof.isEquivalent) {
			return;
		}

		counterexamples++;
		const {counterexample} = proof;
		const probed = withProbes(objects, [...expected, ...actual], familySet).objects;
		const endpoint = (end: typeof counterexample.from): Endpoint => (end.kind === 'outside'
			? {kind: 'outside', address: parseAddress(end.address)!}
			: {kind: 'pod', pod: probed.pods.findIndex(entry => `${entry.namespace}/${entry.name}` === end.pod)});
		const flow = {source: endpoint(counterexample.from), destination: endpoint(counterexample.to), port: counterexample.port, protocol: counterexample.protocol};
		const yours = referenceVerdict({...probed, policies: sidePart(actual, counterexample.direction)}, flow);
		const expectedVerdict = referenceVerdict({...probed, policies: sidePart(expected, counterexample.direction)}, flow);
		if (yours !== counterexample.yours || expectedVerdict !== counterexample.expected || yours === expectedVerdict) {
			throw new Error(`counterexample ${JSON.stringify({...counterexample, from: counterexample.from.kind, to: counterexample.to.kind})} is not a difference: yours ${yours}, expected ${expectedVerdict}`);
		}
	}), {numRuns: 80, seed: 7});
	t.true(counterexamples > 20, `${counterexamples} of 80 had one`);
});
