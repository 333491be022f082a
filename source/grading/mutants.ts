// Near-miss wrong answers derived from a reference solution: each changes one thing the way a
// learner gets it wrong (a rule, peer or port too few; a selector too wide; both selectors in
// one peer versus two peers; a direction no longer isolated; the wrong protocol or port; an
// `except` forgotten). A pack whose hidden cases catch every one of them tells right answers
// from near misses. Pure.
import type {LabelSelector, NetworkPolicy, Peer, PolicyPort, PolicyType, Requirement, Rule} from '../model/kubernetes.js';
import {formatCidr, parseCidr} from '../kube/ip.js';
import {isEmptySelector} from '../kube/label-selector.js';
import type {Direction} from '../evaluator/index.js';
import {policyMeaning} from './grade.js';

/** One wrong answer: the whole submission, the solution with one change. */
export type Mutant = {
	/** What changed, in words: `db-policy: ingress[0].from[0] podSelector widened to {}`. */
	readonly description: string;
	readonly policies: readonly NetworkPolicy[];
};


// One change to one policy, described relative to the policy.
type Change = {readonly what: string; readonly policy: NetworkPolicy};

const emptySelector: LabelSelector = {matchLabels: {}, matchExpressions: []};

/** Every near-miss mutant of the solution, each different from it and from the others, in a stable order. */
export function nearMissMutants(solution: readonly NetworkPolicy[]): Mutant[] {
	const seen = new Set([keyOf(solution)]);
	const mutants: Mutant[] = [];
	for (const [index, policy] of solution.entries()) {
		const label = policyLabel(solution, policy);
		for (const change of policyChanges(policy)) {
			const policies = solution.map((original, position) => (position === index ? change.policy : original));
			const key = keyOf(policies);
			if (!seen.has(key)) {
				seen.add(key);
				mutants.push({description: `${label}: ${change.what}`, policies});
			}
		}
	}

	return mutants;
}

// The policy's name, or namespace/name when the solution has two policies of that name.
function policyLabel(solution: readonly NetworkPolicy[], policy: NetworkPolicy): string {
	const isNameShared = solution.filter(other => other.name === policy.name).length > 1;
	return isNameShared ? `${policy.namespace}/${policy.name}` : policy.name;
}

// Policies that mean the same have the same key.
function keyOf(policies: readonly NetworkPolicy[]): string {
	return JSON.stringify(policies.map(policy => policyMeaning(policy)));
}

function policyChanges(policy: NetworkPolicy): Change[] {
	const changes: Change[] = [];
	if (!isEmptySelector(policy.podSelector)) {
		changes.push({what: 'podSelector widened to {}', policy: {...policy, podSelector: emptySelector}});
		for (const broadened of broadenings(policy.podSelector)) {
			changes.push({what: `podSelector ${broadened.what}`, policy: {...policy, podSelector: broadened.selector}});
		}
	}

	if (!policy.isPolicyTypesDefaulted) {
		for (const type of policy.policyTypes) {
			const mutant = withPolicyTypes(policy, policy.policyTypes.filter(other => other !== type));
			// Dropping the only type leaves the API server to default them, which may add one back.
			const what = mutant.isPolicyTypesDefaulted ? `policyTypes removed (the API server defaults them to ${mutant.policyTypes.join(', ')})` : `policyTypes: ${type} dropped`;
			changes.push({what, policy: mutant});
		}
	}

	// The opposite slip, as common: isolating a direction the task leaves alone.
	for (const type of (['Ingress', 'Egress'] as const).filter(type => !policy.policyTypes.includes(type))) {
		changes.push({what: `policyTypes: ${type} added`, policy: {...policy, policyTypes: [...policy.policyTypes, type], isPolicyTypesDefaulted: false}});
	}

	for (const direction of ['ingress', 'egress'] as const) {
		for (const [index, rule] of policy[direction].entries()) {
			const at = `${direction}[${index}]`;
			changes.push({what: `${at} dropped`, policy: withRules(policy, direction, policy[direction].filter((_, position) => position !== index))});
			for (const change of ruleChanges(rule, direction)) {
				const rules = policy[direction].map((original, position) => (position === index ? change.rule : original));
				changes.push({what: `${at}${change.what}`, policy: withRules(policy, direction, rules)});
			}
		}
	}

	return changes;
}

// A rule changed, described from the rule: `.from[0] dropped`.
type RuleChange = {readonly what: string; readonly rule: Rule};

function ruleChanges(rule: Rule, direction: Direction): RuleChange[] {
	const field = direction === 'ingress' ? 'from' : 'to';
	const everyone = direction === 'ingress' ? 'every source' : 'every destination';
	const changes: RuleChange[] = [];
	for (const [index, peer] of rule.peers.entries()) {
		const at = `.${field}[${index}]`;
		const others = rule.peers.filter((_, position) => position !== index);
		const replaced = (peers: readonly Peer[]): Rule => ({...rule, peers: [...rule.peers.slice(0, index), ...peers, ...rule.peers.slice(index + 1)]});
		changes.push({what: `${at} dropped${others.length === 0 ? ` (the rule now admits ${everyone})` : ''}`, rule: {...rule, peers: others}});
		for (const selector of ['podSelector', 'namespaceSelector'] as const) {
			const value = peer[selector];
			if (value && !isEmptySelector(value)) {
				changes.push({what: `${at} ${selector} widened to {}`, rule: replaced([{...peer, [selector]: emptySelector}])});
				for (const broadened of broadenings(value)) {
					changes.push({what: `${at} ${selector} ${broadened.what}`, rule: replaced([{...peer, [selector]: broadened.selector}])});
				}
			}
		}

		if (peer.podSelector && peer.namespaceSelector) {
			changes.push({
				what: `${at} split into two peers, namespaceSelector and podSelector (either now admits)`,
				rule: replaced([{namespaceSelector: peer.namespaceSelector}, {podSelector: peer.podSelector}]),
			});
			changes.push({what: `${at} namespaceSelector dropped (the podSelector now looks only in the policy's namespace)`, rule: replaced([{podSelector: peer.podSelector}])});
		}

		const next = rule.peers[index + 1];
		const merged = next && mergedPeer(peer, next);
		if (merged) {
			changes.push({
				what: `${at} and ${field}[${index + 1}] merged into one peer with both selectors (both must now match)`,
				rule: {...rule, peers: [...rule.peers.slice(0, index), merged, ...rule.peers.slice(index + 2)]},
			});
		}

		for (const [exceptIndex, except] of (peer.ipBlock?.except ?? []).entries()) {
			const ipBlock = {...peer.ipBlock!, except: peer.ipBlock!.except.filter((_, position) => position !== exceptIndex)};
			changes.push({what: `${at} ipBlock except ${except} dropped`, rule: replaced([{...peer, ipBlock}])});
		}

		const carved = peer.ipBlock && carvedOut(peer.ipBlock.cidr);
		if (carved && !peer.ipBlock.except.includes(carved)) {
			changes.push({what: `${at} ipBlock except ${carved} added`, rule: replaced([{...peer, ipBlock: {...peer.ipBlock, except: [...peer.ipBlock.except, carved]}}])});
		}
	}

	for (const [index, port] of rule.ports.entries()) {
		const at = `.ports[${index}]`;
		const others = rule.ports.filter((_, position) => position !== index);
		const replaced = (entry: PolicyPort): Rule => ({...rule, ports: rule.ports.map((original, position) => (position === index ? entry : original))});
		changes.push({what: `${at} dropped${others.length === 0 ? ' (the rule now admits every port)' : ''}`, rule: {...rule, ports: others}});
		const protocol = port.protocol === 'TCP' ? 'UDP' : 'TCP';
		changes.push({what: `${at} protocol ${port.protocol} changed to ${protocol}`, rule: replaced({...port, protocol})});
		if (typeof port.port === 'number') {
			const shifted = port.port === 65_535 ? port.port - 1 : port.port + 1;
			if (port.endPort === undefined || shifted <= port.endPort) {
				changes.push({what: `${at} port ${port.port} changed to ${shifted}`, rule: replaced({...port, port: shifted})});
			}
		}

		if (port.endPort !== undefined) {
			const {endPort, ...single} = port;
			changes.push({what: `${at} endPort ${endPort} dropped (only port ${String(port.port)} is left)`, rule: replaced(single)});
		}

		// The opposite slips: more ports than the task names.
		if (port.port !== undefined) {
			changes.push({what: `${at} widened to every ${port.protocol} port`, rule: replaced({protocol: port.protocol})});
		}

		if (typeof port.port === 'number' && port.endPort === undefined && port.port < lastPort) {
			const endPort = Math.min(lastPort, port.port + 100);
			changes.push({what: `${at} port ${port.port} widened to the range ${port.port}-${endPort}`, rule: replaced({...port, endPort})});
			const extra = port.port === 8080 ? 8443 : 8080;
			// A port the rule lists already would change nothing.
			if (!rule.ports.some(entry => entry.protocol === port.protocol && entry.port === extra)) {
				changes.push({what: `.ports: ${extra} added beside ${port.port}`, rule: {...rule, ports: [...rule.ports, {protocol: port.protocol, port: extra}]}});
			}
		}
	}

	return changes;
}

// Two adjacent peers that a misplaced dash split apart: one namespaceSelector alone and one
// podSelector alone, in either order.
function mergedPeer(first: Peer, second: Peer): Peer | undefined {
	const isOnly = (peer: Peer, field: keyof Peer) => Object.keys(peer).length === 1 && peer[field] !== undefined;
	if (isOnly(first, 'namespaceSelector') && isOnly(second, 'podSelector')) {
		return {namespaceSelector: first.namespaceSelector!, podSelector: second.podSelector!};
	}

	if (isOnly(first, 'podSelector') && isOnly(second, 'namespaceSelector')) {
		return {podSelector: first.podSelector!, namespaceSelector: second.namespaceSelector!};
	}

	return undefined;
}

// policyTypes as the API server defaults them when none are left (SetDefaults_NetworkPolicy):
// Ingress, plus Egress when there are egress rules.
function withPolicyTypes(policy: NetworkPolicy, types: readonly PolicyType[]): NetworkPolicy {
	if (types.length > 0) {
		return {...policy, policyTypes: types};
	}

	return {...policy, policyTypes: defaultedTypes(policy.egress), isPolicyTypesDefaulted: true};
}

// Defaulted policyTypes follow the rules: removing the last egress rule stops isolating egress.
function withRules(policy: NetworkPolicy, direction: Direction, rules: readonly Rule[]): NetworkPolicy {
	const changed = {...policy, [direction]: rules};
	return policy.isPolicyTypesDefaulted ? {...changed, policyTypes: defaultedTypes(changed.egress)} : changed;
}

function defaultedTypes(egress: readonly Rule[]): PolicyType[] {
	return egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

const lastPort = 65_535;

// A selector made broader the way learners do: a value's test turned into a test of the key
// alone (Exists), or into "not some other value" (NotIn), which holds today and not tomorrow.
function broadenings(selector: LabelSelector): Array<{readonly what: string; readonly selector: LabelSelector}> {
	const changes: Array<{readonly what: string; readonly selector: LabelSelector}> = [];
	for (const [key, value] of Object.entries(selector.matchLabels)) {
		const matchLabels = Object.fromEntries(Object.entries(selector.matchLabels).filter(([other]) => other !== key));
		const withRequirement = (requirement: Requirement): LabelSelector => ({matchLabels, matchExpressions: [...selector.matchExpressions, requirement]});
		changes.push(
			{what: `${key}=${value} broadened to ${key} Exists`, selector: withRequirement({key, operator: 'Exists', values: []})},
			{what: `${key}=${value} broadened to ${key} NotIn [${value}-old]`, selector: withRequirement({key, operator: 'NotIn', values: [`${value}-old`]})},
		);
	}

	for (const [index, requirement] of selector.matchExpressions.entries()) {
		if (requirement.operator === 'In') {
			const matchExpressions = selector.matchExpressions.map((original, position) => (position === index ? {key: requirement.key, operator: 'Exists' as const, values: []} : original));
			changes.push({what: `${requirement.key} In [${requirement.values.join(', ')}] broadened to ${requirement.key} Exists`, selector: {...selector, matchExpressions}});
		}
	}

	return changes;
}

// An except a learner adds by mistake: the second half of the block (none for a single address).
function carvedOut(text: string): string | undefined {
	const cidr = parseCidr(text);
	const width = cidr?.family === 4 ? 32 : 128;
	if (!cidr || cidr.prefix >= width) {
		return undefined;
	}

	const half = cidr.network + (1n << BigInt(width - cidr.prefix - 1));
	return formatCidr({...cidr, network: half, prefix: cidr.prefix + 1, writtenPrefix: cidr.prefix + 1});
}
