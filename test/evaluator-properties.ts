// Property tests on random small clusters that use every feature of the v1 API: the indexed
// evaluator must agree with the unindexed reference and with the set-wise matrix, and adding or
// removing policies must move verdicts only the way NetworkPolicy's additive semantics allow.
import test from 'ava';
import fc from 'fast-check';
import type {ClusterObjects, ContainerPort, IpBlock, LabelSelector, Namespace, NetworkPolicy, Peer, Pod, PolicyPort, PolicyType, Protocol, Rule} from '../source/model/kubernetes.js';
import {namespaceNameLabel} from '../source/model/kubernetes.js';
import {type Cluster, type Decision, type Direction, type Endpoint, type Flow, bitsetHas, compileCluster, decide, formatAddress, isAllowed, parseCidr, reachability, referenceVerdict, resolveEndpoint, traceFlow, verdictChanges} from '../source/evaluator/index.js';
import {cluster, namespace, parsedPolicy, policy, rule, selector} from './helpers/builders.js';
import {type Domain, labelsArbitrary, selectorArbitrary} from './helpers/arbitraries.js';


const namespaceNames = ['ns-a', 'ns-b', 'ns-c'];
const podLabelDomain: Domain = {app: ['x', 'y'], tier: ['x', 'y'], color: ['x', 'y', 'z']};
// The automatic name label is in the domain: a Namespace object that sets it wrongly is overridden.
const namespaceLabelDomain: Domain = {team: ['x', 'y'], env: ['x', 'y'], [namespaceNameLabel]: namespaceNames};
const portNames = ['http', 'dns'];
const policyPortNumbers = [53, 80, 81, 8080];
const flowPortNumbers = [1, 53, 80, 81, 100, 181, 8080, 8100, 65_535];

// Each CIDR with `except` blocks that are strict subnets of it, as validation requires. Pods
// get 10.0.{0,1}.N and fd00:0:0:{0,1}::N, so these blocks cut through the cluster too.
const exceptsByCidr: Readonly<Record<string, readonly string[]>> = {
	'10.0.0.0/16': ['10.0.0.0/24', '10.0.1.0/29', '10.0.0.4/30'],
	'10.0.0.0/24': ['10.0.0.0/29', '10.0.0.3/32'],
	'10.0.1.0/24': ['10.0.1.4/30'],
	'10.0.0.5/24': ['10.0.0.2/31'],
	'0.0.0.0/0': ['10.0.0.0/8', '203.0.113.0/25'],
	'203.0.113.0/24': ['203.0.113.128/25'],
	'fd00::/64': ['fd00::/126', 'fd00::3/128'],
	'fd00::/16': ['fd00::/64'],
	'::/0': ['fd00::/64', '2001:db8::/32'],
};

const outsideAddresses = ['203.0.113.7', '203.0.113.200', '10.0.0.200', '10.0.1.3', '10.9.0.1', 'fd00::99', 'fd00:0:0:1::2', '2001:db8::1'];

const ipBlockArbitrary: fc.Arbitrary<IpBlock> = fc.constantFrom(...Object.keys(exceptsByCidr))
	.chain(cidr => fc.subarray([...exceptsByCidr[cidr]!]).map(except => ({cidr, except})));

const peerArbitrary: fc.Arbitrary<Peer> = fc.oneof(
	selectorArbitrary(podLabelDomain).map(podSelector => ({podSelector})),
	selectorArbitrary(namespaceLabelDomain).map(namespaceSelector => ({namespaceSelector})),
	fc.tuple(selectorArbitrary(podLabelDomain), selectorArbitrary(namespaceLabelDomain)).map(([podSelector, namespaceSelector]) => ({podSelector, namespaceSelector})),
	ipBlockArbitrary.map(ipBlock => ({ipBlock})),
);

const protocolArbitrary: fc.Arbitrary<Protocol> = fc.oneof(
	{weight: 3, arbitrary: fc.constant('TCP' as const)},
	{weight: 1, arbitrary: fc.constant('UDP' as const)},
	{weight: 1, arbitrary: fc.constant('SCTP' as const)},
);

const policyPortArbitrary: fc.Arbitrary<PolicyPort> = fc.oneof(
	protocolArbitrary.map(protocol => ({protocol})),
	fc.tuple(protocolArbitrary, fc.constantFrom(...policyPortNumbers)).map(([protocol, port]) => ({protocol, port})),
	fc.tuple(protocolArbitrary, fc.constantFrom(...policyPortNumbers), fc.integer({min: 0, max: 100})).map(([protocol, port, width]) => ({protocol, port, endPort: port + width})),
	{weight: 2, arbitrary: fc.tuple(protocolArbitrary, fc.constantFrom(...portNames)).map(([protocol, port]) => ({protocol, port}))},
);

const ruleArbitrary: fc.Arbitrary<Rule> = fc.record({
	peers: fc.oneof(fc.constant<Peer[]>([]), fc.array(peerArbitrary, {minLength: 1, maxLength: 3})),
	ports: fc.oneof(fc.constant<PolicyPort[]>([]), fc.array(policyPortArbitrary, {minLength: 1, maxLength: 2})),
}).map(({peers, ports}) => rule(peers, ports));

/** A policy; policyTypes omitted (and so defaulted by the builder) or given. */
function policyArbitrary(name: string): fc.Arbitrary<NetworkPolicy> {
	return fc.record({
		namespace: fc.constantFrom(...namespaceNames),
		podSelector: fc.oneof(fc.constant(selector()), selectorArbitrary(podLabelDomain)),
		policyTypes: fc.option(fc.subarray<PolicyType>(['Ingress', 'Egress'], {minLength: 1}), {nil: undefined, freq: 2}),
		ingress: fc.array(ruleArbitrary, {maxLength: 2}),
		egress: fc.array(ruleArbitrary, {maxLength: 2}),
	}).map(spec => policy(`${spec.namespace}/${name}`, spec.podSelector, {
		...(spec.policyTypes ? {policyTypes: spec.policyTypes} : {}),
		ingress: spec.ingress,
		egress: spec.egress,
	}));
}

const containerPortArbitrary: fc.Arbitrary<ContainerPort> = fc.record({
	name: fc.option(fc.constantFrom(...portNames), {nil: undefined, freq: 4}),
	port: fc.constantFrom(53, 80, 81, 100, 8080, 8100),
	protocol: protocolArbitrary,
}).map(({name, port, protocol}) => (name === undefined ? {port, protocol} : {name, port, protocol}));

const podSpecArbitrary = fc.record({
	namespace: fc.constantFrom(...namespaceNames),
	labels: labelsArbitrary(podLabelDomain, 2),
	ipv4Subnet: fc.option(fc.constantFrom(0, 1), {freq: 5}),
	ipv6Subnet: fc.option(fc.constantFrom(0, 1), {freq: 2}),
	ports: fc.uniqueArray(containerPortArbitrary, {maxLength: 2, selector: port => port.name ?? `${port.port}/${port.protocol}`}),
});

// IPs are unique per pod (its index in the host part), so a flow's address names one pod.
const podsArbitrary: fc.Arbitrary<Pod[]> = fc.array(podSpecArbitrary, {minLength: 1, maxLength: 7}).map(specs => specs.map((spec, index): Pod => ({
	namespace: spec.namespace,
	name: `pod-${index}`,
	labels: spec.labels,
	ips: [
		...(spec.ipv4Subnet === null ? [] : [`10.0.${spec.ipv4Subnet}.${index + 1}`]),
		...(spec.ipv6Subnet === null ? [] : [`fd00:0:0:${spec.ipv6Subnet}::${index + 1}`]),
	],
	ports: spec.ports,
})));

// Namespace objects for some namespaces only: the others exist with the automatic label alone.
const namespacesArbitrary: fc.Arbitrary<Namespace[]> = fc.tuple(...namespaceNames.map(name =>
	fc.option(labelsArbitrary(namespaceLabelDomain, 2).map(labels => namespace(name, labels)), {nil: undefined, freq: 3})))
	.map(namespaces => namespaces.filter(entry => entry !== undefined));

const clusterArbitrary: fc.Arbitrary<ClusterObjects> = fc.record({
	namespaces: namespacesArbitrary,
	pods: podsArbitrary,
	policies: fc.integer({min: 0, max: 5}).chain(count => fc.tuple(...Array.from({length: count}, (_, index) => policyArbitrary(`policy-${index}`)))),
}).map(objects => cluster(objects));

const flowPortsArbitrary = fc.uniqueArray(fc.tuple(fc.constantFrom(...flowPortNumbers), protocolArbitrary), {minLength: 1, maxLength: 2, selector: ([port, protocol]) => `${port}/${protocol}`});

/** The given ports, plus every container port of the cluster, so that named ports get hit. */
function portsToTry(compiled: Cluster, ports: ReadonlyArray<readonly [number, Protocol]>): Array<readonly [number, Protocol]> {
	const all = new Map(ports.map(entry => [`${entry[0]}/${entry[1]}`, entry]));
	for (const {port, protocol} of compiled.pods.flatMap(pod => pod.ports)) {
		all.set(`${port}/${protocol}`, [port, protocol]);
	}

	return [...all.values()];
}

/** Every pod pair (self included) and every pod to and from each outside address, on each port. */
function flowsOf(compiled: Cluster, givenPorts: ReadonlyArray<readonly [number, Protocol]>): Flow[] {
	const ports = portsToTry(compiled, givenPorts);
	const podEnds: Endpoint[] = compiled.pods.map((_, pod) => ({kind: 'pod', pod}));
	const addressEnds = outsideAddresses.map(address => resolveEndpoint(compiled, address)).filter((end): end is Endpoint => typeof end !== 'string');
	const flows: Flow[] = [];
	for (const [port, protocol] of ports) {
		for (const source of podEnds) {
			for (const destination of [...podEnds, ...addressEnds]) {
				flows.push({source, destination, port, protocol});
			}
		}

		for (const source of addressEnds) {
			for (const destination of podEnds) {
				flows.push({source, destination, port, protocol});
			}
		}
	}

	return flows;
}

function showEnd(compiled: Cluster, end: Endpoint): string {
	if (end.kind === 'outside') {
		return formatAddress(end.address);
	}

	const pod = compiled.pods[end.pod]!;
	return `${pod.namespace}/${pod.name}`;
}

function showFlow(compiled: Cluster, flow: Flow): string {
	return `${showEnd(compiled, flow.source)} -> ${showEnd(compiled, flow.destination)} ${flow.port}/${flow.protocol}`;
}

/** Throws (so that fast-check shrinks and reports the cluster) when a property does not hold. */
function check(condition: boolean, message: () => string): void {
	if (!condition) {
		throw new Error(message());
	}
}

const sides: Direction[] = ['egress', 'ingress'];

/** A typed policy back in its API form; `isTerse` leaves out what the API server defaults. */
function toApiForm(typed: NetworkPolicy, isTerse: boolean): Record<string, unknown> {
	const apiSelector = ({matchLabels, matchExpressions}: LabelSelector) => ({
		...(isTerse && Object.keys(matchLabels).length === 0 ? {} : {matchLabels}),
		...(isTerse && matchExpressions.length === 0 ? {} : {
			matchExpressions: matchExpressions.map(({key, operator, values}) => ({key, operator, ...(values.length === 0 ? {} : {values})})),
		}),
	});
	const apiPeer = ({podSelector, namespaceSelector, ipBlock}: Peer) => ({
		...(podSelector ? {podSelector: apiSelector(podSelector)} : {}),
		...(namespaceSelector ? {namespaceSelector: apiSelector(namespaceSelector)} : {}),
		...(ipBlock ? {ipBlock: isTerse && ipBlock.except.length === 0 ? {cidr: ipBlock.cidr} : ipBlock} : {}),
	});
	const apiRule = (peersField: 'from' | 'to') => ({peers, ports}: Rule) => ({
		...(isTerse && peers.length === 0 ? {} : {[peersField]: peers.map(peer => apiPeer(peer))}),
		...(isTerse && ports.length === 0 ? {} : {ports: ports.map(({protocol, ...rest}) => (isTerse && protocol === 'TCP' ? rest : {protocol, ...rest}))}),
	});
	return {
		podSelector: apiSelector(typed.podSelector),
		...(typed.isPolicyTypesDefaulted ? {} : {policyTypes: typed.policyTypes}),
		...(isTerse && typed.ingress.length === 0 ? {} : {ingress: typed.ingress.map(apiRule('from'))}),
		...(isTerse && typed.egress.length === 0 ? {} : {egress: typed.egress.map(apiRule('to'))}),
	};
}

test('decide() agrees with referenceVerdict() on every pod pair and outside address', t => {
	fc.assert(fc.property(clusterArbitrary, flowPortsArbitrary, (objects, ports) => {
		const compiled = compileCluster(objects);
		for (const flow of flowsOf(compiled, ports)) {
			const verdict = decide(compiled, flow).verdict;
			const reference = referenceVerdict(objects, flow);
			check(verdict === reference, () => `${showFlow(compiled, flow)}: decide() says ${verdict}, referenceVerdict() says ${reference}`);
		}
	}), {numRuns: 1500});
	t.pass();
});

test('isAllowed(), the bulk path eval --json takes, agrees with decide() on every flow', t => {
	fc.assert(fc.property(clusterArbitrary, flowPortsArbitrary, (objects, ports) => {
		const compiled = compileCluster(objects);
		for (const flow of flowsOf(compiled, ports)) {
			const verdict = decide(compiled, flow).verdict;
			const fast = isAllowed(compiled, flow) ? 'allow' : 'deny';
			check(verdict === fast, () => `${showFlow(compiled, flow)}: decide() says ${verdict}, isAllowed() says ${fast}`);
		}
	}), {numRuns: 800});
	t.pass();
});

test('reachability() agrees with decide() on every pod pair', t => {
	fc.assert(fc.property(clusterArbitrary, flowPortsArbitrary, (objects, ports) => {
		const compiled = compileCluster(objects);
		for (const [port, protocol] of portsToTry(compiled, ports)) {
			const grid = reachability(compiled, port, protocol);
			check(grid.length === compiled.pods.length, () => `reachability() has ${grid.length} rows for ${compiled.pods.length} pods`);
			for (const [source] of compiled.pods.entries()) {
				for (const [destination] of compiled.pods.entries()) {
					const flow: Flow = {source: {kind: 'pod', pod: source}, destination: {kind: 'pod', pod: destination}, port, protocol};
					const verdict = decide(compiled, flow).verdict;
					const isReachable = bitsetHas(grid[source]!, destination);
					check(isReachable === (verdict === 'allow'), () => `${showFlow(compiled, flow)}: reachability() says ${isReachable ? 'allow' : 'deny'}, decide() says ${verdict}`);
				}
			}
		}
	}), {numRuns: 800});
	t.pass();
});

test('adding a policy never takes an allowance away from an isolated side, and turns a denied side into an allowed one only by a rule of its own', t => {
	fc.assert(fc.property(clusterArbitrary, policyArbitrary('added'), flowPortsArbitrary, (objects, added, ports) => {
		const before = compileCluster(objects);
		const after = compileCluster({...objects, policies: [...objects.policies, added]});
		const alone = compileCluster({...objects, policies: [added]});
		const addedKey = `${added.namespace}/${added.name}`;
		for (const flow of flowsOf(before, ports)) {
			const [was, is, byItself] = [decide(before, flow), decide(after, flow), decide(alone, flow)];
			for (const side of sides) {
				const what = () => `${showFlow(before, flow)} (${side}): ${was[side].kind} before adding ${addedKey}, ${is[side].kind} after`;
				if (was[side].kind === 'allowed') {
					check(is[side].kind === 'allowed', what);
				}

				if (was[side].kind === 'denied' && is[side].kind === 'allowed') {
					check(is[side].allowedBy.some(match => match.policy === addedKey) && byItself[side].kind === 'allowed', what);
				}

				if (was[side].kind === 'not-isolated' && is[side].kind !== 'not-isolated') {
					check(byItself[side].kind !== 'not-isolated', what);
				}
			}

			if (was.verdict === 'deny' && is.verdict === 'allow') {
				check(sides.every(side => was[side].kind !== 'denied' || byItself[side].kind === 'allowed'), () => `${showFlow(before, flow)}: adding ${addedKey} allowed it though no rule of ${addedKey} admits it`);
			}
		}
	}), {numRuns: 800});
	t.pass();
});

test('adding an allow-all ingress policy that selects a pod lets every flow into it pass ingress', t => {
	fc.assert(fc.property(clusterArbitrary, fc.nat(), flowPortsArbitrary, (objects, podChoice, ports) => {
		const target = objects.pods[podChoice % objects.pods.length]!;
		const allowAll = policy(`${target.namespace}/allow-all-ingress`, target.labels, {policyTypes: ['Ingress'], ingress: [rule()]});
		const withAllowAll = {...objects, policies: [...objects.policies, allowAll]};
		const before = compileCluster(objects);
		const after = compileCluster(withAllowAll);
		const targetIndex = podChoice % objects.pods.length;
		for (const flow of flowsOf(after, ports)) {
			if (flow.destination.kind !== 'pod' || flow.destination.pod !== targetIndex) {
				continue;
			}

			const decision: Decision = decide(after, flow);
			const what = () => `${showFlow(after, flow)}: ${JSON.stringify(decision.ingress)}`;
			check(decision.ingress.kind === 'allowed', what);
			check(JSON.stringify(decision.egress) === JSON.stringify(decide(before, flow).egress), () => `${what()}: an ingress policy changed the egress side`);
			check(decision.verdict === (decision.isSelf || decision.egress.kind !== 'denied' ? 'allow' : 'deny'), what);
			check(referenceVerdict(withAllowAll, flow) === decision.verdict, () => `${what()}: referenceVerdict() disagrees`);
		}
	}), {numRuns: 400});
	t.pass();
});

test('policies read from their API form (validated and defaulted) decide every flow as their typed form does', t => {
	fc.assert(fc.property(clusterArbitrary, fc.boolean(), flowPortsArbitrary, (objects, isTerse, ports) => {
		const parsed = objects.policies.map(typed => parsedPolicy(`${typed.namespace}/${typed.name}`, toApiForm(typed, isTerse)));
		for (const [index, typed] of objects.policies.entries()) {
			check(JSON.stringify(parsed[index]!.policyTypes) === JSON.stringify(typed.policyTypes), () => `${typed.name}: policyTypes ${JSON.stringify(parsed[index]!.policyTypes)} read, ${JSON.stringify(typed.policyTypes)} meant`);
		}

		const fromTyped = compileCluster(objects);
		const fromApi = compileCluster({...objects, policies: parsed});
		for (const flow of flowsOf(fromTyped, ports)) {
			const [typed, read] = [decide(fromTyped, flow), decide(fromApi, flow)];
			const show = (decision: Decision) => JSON.stringify([decision.verdict, decision.egress, decision.ingress]);
			check(show(typed) === show(read), () => `${showFlow(fromTyped, flow)}: ${show(read)} from the API form, ${show(typed)} from the typed form`);
		}
	}), {numRuns: 300});
	t.pass();
});

test('without policies every flow is allowed and no side is isolated', t => {
	fc.assert(fc.property(clusterArbitrary, flowPortsArbitrary, (objects, ports) => {
		const bare = {...objects, policies: []};
		const compiled = compileCluster(bare);
		for (const flow of flowsOf(compiled, ports)) {
			const decision = decide(compiled, flow);
			check(decision.verdict === 'allow' && referenceVerdict(bare, flow) === 'allow', () => `${showFlow(compiled, flow)} is denied without any policy`);
			check(sides.every(side => decision[side].kind === 'not-isolated' || decision[side].kind === 'outside'), () => `${showFlow(compiled, flow)}: ${JSON.stringify([decision.egress, decision.ingress])}`);
		}

		for (const [port, protocol] of ports) {
			const grid = reachability(compiled, port, protocol);
			check(compiled.pods.every((_, source) => compiled.pods.every((__, destination) => bitsetHas(grid[source]!, destination))), () => `reachability() denies a pair on ${port}/${protocol} without any policy`);
		}
	}), {numRuns: 200});
	t.pass();
});

test('traceFlow() tells decide()\'s story: the same verdict, isolating policies and admitting rules, side by side', t => {
	fc.assert(fc.property(clusterArbitrary, flowPortsArbitrary, (objects, ports) => {
		const compiled = compileCluster(objects);
		for (const flow of flowsOf(compiled, ports)) {
			const decision = decide(compiled, flow);
			const trace = traceFlow(compiled, flow);
			check(trace.verdict === decision.verdict && trace.isSelf === decision.isSelf, () => `${showFlow(compiled, flow)}: traceFlow() says ${trace.verdict}, decide() says ${decision.verdict}`);
			for (const side of sides) {
				const decided = decision[side];
				const traced = trace[side];
				const what = () => `${showFlow(compiled, flow)} (${side}): decide() ${JSON.stringify(decided)}, traceFlow() ${JSON.stringify(traced)}`;
				if (traced.kind !== 'isolated') {
					check(decided.kind === traced.kind, what);
					continue;
				}

				check(decided.kind === (traced.isAllowed ? 'allowed' : 'denied'), what);
				check(decided.kind !== 'outside' && decided.kind !== 'not-isolated' && JSON.stringify(decided.isolatedBy) === JSON.stringify(traced.policies.map(policy => policy.policy)), what);
				// Each admitting rule, with the first peer and port entry that matched, as decide() records it.
				const admitting = traced.policies.flatMap(policy => policy.rules.filter(rule => rule.admits).map(rule => ({
					policy: policy.policy,
					direction: side,
					rule: rule.index,
					...(rule.peers === 'every' ? {} : {peer: rule.peers.find(check => check.isMatch)!.index}),
					...(rule.ports === 'every' ? {} : {port: rule.ports.find(check => check.isMatch)!.index}),
				})));
				check(JSON.stringify(decided.kind === 'allowed' ? decided.allowedBy : []) === JSON.stringify(admitting), what);
			}
		}
	}), {numRuns: 600});
	t.pass();
});

// Two clusters of the same pods under other policies, and the ports where any verdict could
// turn: every port named anywhere, one either side of it, and the ends of the range.
const otherPoliciesArbitrary = fc.integer({min: 0, max: 4}).chain(count => fc.tuple(...Array.from({length: count}, (_, index) => policyArbitrary(`other-${index}`))));

test('verdictChanges() lists exactly the pod pairs and ports whose verdict differs between two clusters', t => {
	fc.assert(fc.property(clusterArbitrary, otherPoliciesArbitrary, (objects, policies) => {
		const before = compileCluster(objects);
		const after = compileCluster({...objects, policies});
		const {changes} = verdictChanges(before, after);
		const numbers = new Set([1, 65_535, ...flowPortNumbers, ...[...policyPortNumbers, ...objects.pods.flatMap(pod => pod.ports.map(entry => entry.port))].flatMap(port => [port - 1, port, port + 1, port + 100, port + 101])]);
		for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
			for (const port of numbers) {
				for (const [source] of objects.pods.entries()) {
					for (const [destination] of objects.pods.entries()) {
						const flow: Flow = {source: {kind: 'pod', pod: source}, destination: {kind: 'pod', pod: destination}, port, protocol};
						const differs = decide(before, flow).verdict !== decide(after, flow).verdict;
						const listed = changes.some(change => change.from === showEnd(before, flow.source) && change.to === showEnd(before, flow.destination)
							&& change.ports.protocol === protocol && change.ports.first <= port && port <= change.ports.last);
						check(differs === listed, () => `${showFlow(before, flow)}: the verdicts ${differs ? 'differ' : 'agree'}, and verdictChanges() ${listed ? 'lists' : 'does not list'} it`);
					}
				}
			}
		}
	}), {numRuns: 200});
	t.pass();
});

// After: some policies kept, some edited in place (the same name) or added, and now and then a
// pod relabelled, so that shared policies, differing ones and changed pods all meet.
const editsArbitrary = fc.integer({min: 0, max: 3}).chain(count => fc.tuple(...Array.from({length: count}, (_, index) => policyArbitrary(`policy-${index}`))));
const changeArbitrary = fc.record({
	kept: fc.array(fc.boolean(), {minLength: 5, maxLength: 5}),
	edits: editsArbitrary,
	relabelled: fc.option(fc.tuple(fc.nat({max: 6}), labelsArbitrary(podLabelDomain, 2)), {nil: undefined, freq: 3}),
});

// Outside addresses to try: the fixed ones, and each end of every ipBlock CIDR and except of
// either cluster with the addresses beside them; pod IPs are the pods' own.
function addressesToTry(compiled: readonly Cluster[]): Endpoint[] {
	const texts = new Set(outsideAddresses);
	for (const {policy: written} of compiled.flatMap(cluster => cluster.policies)) {
		for (const {ipBlock} of [...written.ingress, ...written.egress].flatMap(rule => rule.peers)) {
			for (const block of ipBlock ? [ipBlock.cidr, ...ipBlock.except].map(text => parseCidr(text)!) : []) {
				const width = block.family === 4 ? 32 : 128;
				const last = block.network + (1n << BigInt(width - block.prefix)) - 1n;
				for (const value of [block.network - 1n, block.network, last, last + 1n].filter(value => value >= 0n && value < (1n << BigInt(width)))) {
					texts.add(formatAddress({family: block.family, value}));
				}
			}
		}
	}

	return [...texts].map(text => resolveEndpoint(compiled[0]!, text)).filter((end): end is Endpoint => typeof end !== 'string' && end.kind === 'outside');
}

test('verdictChanges() lists exactly the flows, between pods and with outside addresses, whose verdict differs when some policies and pods change', t => {
	fc.assert(fc.property(clusterArbitrary, changeArbitrary, (objects, {kept, edits, relabelled}) => {
		const editedKeys = new Set(edits.map(edit => `${edit.namespace}/${edit.name}`));
		const pods = objects.pods.map((pod, index) => (relabelled && relabelled[0] === index ? {...pod, labels: relabelled[1]} : pod));
		const policies = [...objects.policies.filter((policy, index) => kept[index] && !editedKeys.has(`${policy.namespace}/${policy.name}`)), ...edits];
		const before = compileCluster(objects);
		const after = compileCluster({...objects, pods, policies});
		const diff = verdictChanges(before, after);
		const numbers = new Set([1, 65_535, ...flowPortNumbers, ...[...policyPortNumbers, ...objects.pods.flatMap(pod => pod.ports.map(entry => entry.port))].flatMap(port => [port - 1, port, port + 1, port + 101])]);
		const podEnds: Endpoint[] = objects.pods.map((_, pod) => ({kind: 'pod', pod}));
		const addressEnds = addressesToTry([before, after]);
		const isListed = (flow: Flow) => {
			const inPorts = (ports: {protocol: Protocol; first: number; last: number}) => ports.protocol === flow.protocol && ports.first <= flow.port && flow.port <= ports.last;
			const {source, destination} = flow;
			if (source.kind === 'pod' && destination.kind === 'pod') {
				return diff.changes.some(change => change.from === showEnd(before, source) && change.to === showEnd(before, destination) && inPorts(change.ports));
			}

			const [pod, address, direction] = source.kind === 'pod' ? [source, destination, 'egress'] : [destination, source, 'ingress'];
			return address.kind === 'outside' && diff.outsideChanges.some(change => change.pod === showEnd(before, pod) && change.direction === direction && inPorts(change.ports)
				&& change.addresses.family === address.address.family && change.addresses.first <= address.address.value && address.address.value <= change.addresses.last);
		};

		for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
			for (const port of numbers) {
				const pairs = [...podEnds.flatMap(source => [...podEnds, ...addressEnds].map(destination => [source, destination] as const)), ...addressEnds.flatMap(source => podEnds.map(destination => [source, destination] as const))];
				for (const [source, destination] of pairs) {
					const flow: Flow = {source, destination, port, protocol};
					const differs = decide(before, flow).verdict !== decide(after, flow).verdict;
					const listed = isListed(flow);
					check(differs === listed, () => `${showFlow(before, flow)}: the verdicts ${differs ? 'differ' : 'agree'}, and verdictChanges() ${listed ? 'lists' : 'does not list'} it`);
				}
			}
		}
	}), {numRuns: 150});
	t.pass();
});
