// The one home of the words a decision trace is told in (`explain`, its text and its JSON): the
// verdict, then each side, then for a denied side every rule of every selecting policy with the
// reason each peer and port entry did or did not match. Rule, peer and port numbers are 1-based.
import {type BypassingPolicy, type Direction, type FlowTrace, type PeerCheck, type PeerReason, type PolicyTrace, type PortCheck, type PortReason, type RuleTrace, type SideTrace, peersField} from '../evaluator/index.js';
import {labelsText, portEntryText} from './policy-text.js';
import {selectorText} from '../kube/selector-text.js';

/** One indented line of a trace; `depth` counts levels of two spaces. */
export type TraceLine = {readonly depth: number; readonly text: string};

/** The first line: the flow and its verdict (styled, say in colour, by `style`). */
export function flowHeading(trace: FlowTrace, style: (verdict: string) => string = verdict => verdict): string {
	return `${trace.from} -> ${trace.to} on ${trace.port}/${trace.protocol}: ${style(trace.verdict)}`;
}

/** The trace of one flow below its heading, as indented lines. */
export function traceLines(trace: FlowTrace): TraceLine[] {
	if (trace.isSelf) {
		return [{depth: 1, text: 'a pod can always reach itself: no policy applies to a pod\'s traffic to itself'}];
	}

	return [...sideLines(trace, 'egress'), ...sideLines(trace, 'ingress')];
}

function sideLines(trace: FlowTrace, direction: Direction): TraceLine[] {
	const side: SideTrace = trace[direction];
	const label = direction === 'egress' ? `egress from ${side.endpoint}` : `ingress to ${side.endpoint}`;
	switch (side.kind) {
		case 'outside': {
			return [{depth: 1, text: `${label}: not a pod (outside the cluster), so no policy applies on this side`}];
		}

		case 'not-isolated': {
			return [
				{depth: 1, text: `${label}: allowed; no NetworkPolicy selects it for ${direction}`},
				...bypassingLines(side.bypassing, side.endpoint, direction),
			];
		}

		case 'isolated': {
			const selectedBy = side.policies.map(policy => `${policy.policy} (podSelector ${selectorText(policy.podSelector)})`).join(', ');
			const heading = side.isAllowed
				? `${label}: allowed; selected for ${direction} by ${selectedBy}`
				: `${label}: denied; selected for ${direction} by ${selectedBy}, and no rule admits ${direction === 'egress' ? `traffic to ${trace.to}` : `traffic from ${trace.from}`} on ${trace.port}/${trace.protocol}`;
			const policies = side.isAllowed
				? side.policies.flatMap(policy => policy.rules.filter(rule => rule.admits).map(rule => ({depth: 2, text: admittingRuleText(trace, policy, rule, direction)})))
				: side.policies.flatMap(policy => deniedPolicyLines(trace, policy, direction));
			return [
				{depth: 1, text: heading},
				...policies,
				...bypassingLines(side.bypassing, side.endpoint, direction),
			];
		}
	}
}

function ruleName(policy: PolicyTrace, rule: RuleTrace, direction: Direction): string {
	return `${policy.policy} ${direction} rule #${rule.index + 1}`;
}

// An admitting rule in one line: the peer and the port entry that matched.
function admittingRuleText(trace: FlowTrace, policy: PolicyTrace, rule: RuleTrace, direction: Direction): string {
	const peer = rule.peers === 'every' ? `it has no ${peersField[direction]}, so every peer matches` : peerText(rule.peers.find(check => check.isMatch)!);
	const port = rule.ports === 'every' ? 'it has no ports, so every port matches' : portText(rule.ports.find(check => check.isMatch)!, trace.port, trace.protocol);
	return `${ruleName(policy, rule, direction)} admits it: ${peer}; ${port}`;
}

function deniedPolicyLines(trace: FlowTrace, policy: PolicyTrace, direction: Direction): TraceLine[] {
	if (policy.rules.length === 0) {
		return [{depth: 2, text: `${policy.policy} has no ${direction} rules, so it admits nothing (deny all ${direction})`}];
	}

	return policy.rules.flatMap(rule => [
		{depth: 2, text: `${ruleName(policy, rule, direction)} does not admit it:`},
		...(rule.peers === 'every'
			? [{depth: 3, text: `${peersField[direction]}: none, so every peer matches`}]
			: rule.peers.map(check => ({depth: 3, text: peerText(check)}))),
		...(rule.ports === 'every'
			? [{depth: 3, text: 'ports: none, so every port matches'}]
			: rule.ports.map(check => ({depth: 3, text: portText(check, trace.port, trace.protocol)}))),
	]);
}

// Policies that select the pod but not for this direction are worth a note only when they have
// rules for it: rules that are written and ignored surprise people.
function bypassingLines(policies: readonly BypassingPolicy[], endpoint: string, direction: Direction): TraceLine[] {
	return policies.filter(policy => policy.ignoredRules > 0).map(policy => {
		const rules = `${policy.ignoredRules} ${direction} ${policy.ignoredRules === 1 ? 'rule' : 'rules'}`;
		const types = policy.policyTypes.join(', ');
		return {depth: 2, text: `note: ${policy.policy} selects ${endpoint} but its policyTypes is [${types}], so its ${rules} ${policy.ignoredRules === 1 ? 'is' : 'are'} ignored`};
	});
}

/** Why a peer matched or not: `peer 1: podSelector app=api does not match prod/web (labels app=web)`. */
export function peerText(check: PeerCheck): string {
	return `peer ${check.index + 1}: ${peerReasonText(check.reason, check.isMatch)}`;
}

/** The same without the peer's number. */
export function peerReasonText(reason: PeerReason, isMatch: boolean): string {
	switch (reason.kind) {
		case 'pod-labels': {
			return `podSelector ${selectorText(reason.selector)} ${isMatch ? 'matches' : 'does not match'} ${reason.pod} (labels ${labelsText(reason.labels)})`;
		}

		case 'other-namespace': {
			// The way out (a namespaceSelector beside it) is worth naming only when the labels match.
			const hint = reason.isPodMatch ? 'a namespaceSelector in the same peer would reach it' : `and its labels ${labelsText(reason.labels)} do not match either`;
			return `podSelector ${selectorText(reason.selector)} looks only in the policy's namespace ${reason.policyNamespace}, and ${reason.pod} is in ${reason.namespace} (${hint})`;
		}

		case 'namespace-labels': {
			return isMatch
				? `namespaceSelector ${selectorText(reason.selector)} matches namespace ${reason.namespace}, so every pod in it`
				: `namespaceSelector ${selectorText(reason.selector)} does not match namespace ${reason.namespace} (labels ${labelsText(reason.labels)})`;
		}

		case 'namespace-and-pod': {
			const namespace = `namespaceSelector ${selectorText(reason.namespaceSelector)} ${reason.isNamespaceMatch ? 'matches' : 'does not match'} namespace ${reason.namespace}${reason.isNamespaceMatch ? '' : ` (labels ${labelsText(reason.namespaceLabels)})`}`;
			const pod = `podSelector ${selectorText(reason.podSelector)} ${reason.isPodMatch ? 'matches' : 'does not match'} ${reason.pod}${reason.isPodMatch ? '' : ` (labels ${labelsText(reason.podLabels)})`}`;
			return isMatch ? `${namespace} and ${pod}` : `${namespace}${reason.isPodMatch || reason.isNamespaceMatch ? ', but ' : ' and '}${pod} (in one peer, both must match)`;
		}

		case 'not-a-pod': {
			const selectors = [reason.namespaceSelector && `namespaceSelector ${selectorText(reason.namespaceSelector)}`, reason.podSelector && `podSelector ${selectorText(reason.podSelector)}`].filter(Boolean).join(' and ');
			return `${selectors} ${selectors.includes(' and ') ? 'select' : 'selects'} pods only, and ${reason.address} is outside the cluster (only an ipBlock can match it)`;
		}

		case 'ip-block': {
			return ipBlockText(reason, isMatch);
		}
	}
}

function ipBlockText(reason: PeerReason & {kind: 'ip-block'}, isMatch: boolean): string {
	const block = `ipBlock ${reason.cidr}${reason.except.length > 0 ? ` (except ${reason.except.join(', ')})` : ''}`;
	const whose = reason.isPod ? `${reason.endpoint}'s IP ` : '';
	if (isMatch) {
		return `${block} contains ${whose}${reason.contained!}`;
	}

	if (reason.exceptedBy !== undefined) {
		return `ipBlock ${reason.cidr} contains ${whose}${reason.contained!}, but its except ${reason.exceptedBy} leaves it out`;
	}

	if (reason.isWorkload) {
		return `${block} cannot match ${reason.endpoint}: a workload stands for pods whose IPs are not known until they run, so no ipBlock matches it`;
	}

	if (reason.addresses.length === 0) {
		return `${block} cannot match ${reason.endpoint}: it has no IP in the cluster files`;
	}

	return reason.isPod
		? `${block} contains none of ${reason.endpoint}'s IPs (${reason.addresses.join(', ')})`
		: `${block} does not contain ${reason.endpoint}`;
}

/** Why a port entry matched the flow's port or not: `port 1 (3306/TCP): 80 is not 3306`. */
export function portText(check: PortCheck, port: number, protocol: string): string {
	return `port ${check.index + 1} (${portEntryLabel(check)})${portReasonText(check.reason, check.isMatch, port, protocol)}`;
}

/** The same without the entry's number: `3306/TCP: 80 is not 3306`. */
export function portCheckText(check: PortCheck, port: number, protocol: string): string {
	return `${portEntryLabel(check)}${portReasonText(check.reason, check.isMatch, port, protocol)}`;
}

function portEntryLabel(check: PortCheck): string {
	const isNamed = check.reason.kind === 'named' || check.reason.kind === 'named-outside';
	return `${portEntryText(check.reason.entry)}${isNamed ? ', a named port' : ''}`;
}

function portReasonText(reason: PortReason, isMatch: boolean, port: number, protocol: string): string {
	switch (reason.kind) {
		case 'protocol': {
			return ` is for ${reason.entry.protocol}, not ${protocol}`;
		}

		case 'number': {
			const {port: first, endPort} = reason.entry;
			if (first === undefined || isMatch) {
				return endPort === undefined ? ' matches' : ` includes ${port}`;
			}

			return endPort === undefined ? `: ${port} is not ${String(first)}` : `: ${port} is outside ${String(first)}-${endPort}`;
		}

		case 'named': {
			if (reason.resolved.length === 0) {
				return `: ${reason.destination} has no ${reason.entry.protocol} container port named ${String(reason.entry.port)}`;
			}

			const numbers = reason.resolved.join(' and ');
			return ` is ${numbers} on ${reason.destination}${isMatch ? ': matches' : `: ${port} is not ${numbers}`}`;
		}

		case 'named-outside': {
			return `: a named port is looked up on the destination pod, and ${reason.destination} is not a pod`;
		}
	}
}
