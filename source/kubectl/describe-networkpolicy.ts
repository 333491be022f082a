// `kubectl describe networkpolicy`, in the words and layout of kubectl's describeNetworkPolicy
// (k8s.io/kubectl/pkg/describe): "Allowing ingress traffic", "To Port: <any> (traffic allowed
// to all ports)", "From: <any> (traffic not restricted by source)", each rule after a ----------.
// The policy is read as the API server stores it: policyTypes defaulted, TCP when no protocol.
import {annotationLines, clean, createdAt, goTimeText, labelLines, level, list, record} from './describe-text.js';
import type {RawObject} from './state.js';
import {text} from './state.js';
import {labelSelectorText} from './tables.js';
import {tabbed} from './tabwriter.js';

/** The describe page of one NetworkPolicy; `fallbackTime` when it carries no creationTimestamp. */
export function describeNetworkPolicy(policy: RawObject, fallbackTime: number): string {
	const metadata = record(policy['metadata']);
	const spec = record(policy['spec']);
	const header = `Name:\t${clean(text(metadata['name'], ''))}\n`
		+ `Namespace:\t${clean(text(metadata['namespace'], 'default'))}\n`
		+ `Created on:\t${goTimeText(createdAt(policy, fallbackTime))}\n`
		+ labelLines('Labels', metadata['labels'])
		+ annotationLines(metadata['annotations']);
	return tabbed(header + specLines(spec));
}

function specLines(spec: Record<string, unknown>): string {
	const podSelector = record(spec['podSelector']);
	const isEmpty = Object.keys(record(podSelector['matchLabels'])).length === 0 && list(podSelector['matchExpressions']).length === 0;
	let out = `Spec:\n${level(1)}PodSelector: ${level(2)}${isEmpty ? '<none> (Allowing the specific traffic to all pods in this namespace)' : clean(labelSelectorText(podSelector))}\n`;
	const types = policyTypes(spec);
	out += types.includes('Ingress')
		? `${level(1)}Allowing ingress traffic:\n${ruleLines(list(spec['ingress']), 'ingress')}`
		: `${level(1)}Not affecting ingress traffic\n`;
	out += types.includes('Egress')
		? `${level(1)}Allowing egress traffic:\n${ruleLines(list(spec['egress']), 'egress')}`
		: `${level(1)}Not affecting egress traffic\n`;
	return `${out}${level(1)}Policy Types: ${types.length === 0 ? '<none>' : types.map(type => clean(type)).join(', ')}\n`;
}

// The API server fills in policyTypes when a policy leaves them out: Ingress, and Egress when
// there are egress rules.
function policyTypes(spec: Record<string, unknown>): string[] {
	const written = list(spec['policyTypes']).map(type => text(type, ''));
	if (written.length > 0) {
		return written;
	}

	return ['Ingress', ...(list(spec['egress']).length > 0 ? ['Egress'] : [])];
}

const indent = '    ';

function ruleLines(rules: readonly unknown[], direction: 'ingress' | 'egress'): string {
	if (rules.length === 0) {
		return `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`;
	}

	const peersField = direction === 'ingress' ? 'from' : 'to';
	const peerWord = direction === 'ingress' ? 'From' : 'To';
	return rules.map(rule => {
		const ports = list(record(rule)['ports']);
		const peers = list(record(rule)[peersField]);
		const portText = ports.length === 0
			? `${indent}To Port: <any> (traffic allowed to all ports)\n`
			: ports.map(port => portLine(record(port))).join('');
		const peerText = peers.length === 0
			? `${indent}${peerWord}: <any> (traffic not restricted by ${direction === 'ingress' ? 'source' : 'destination'})\n`
			: peers.map(peer => `${indent}${peerWord}:\n${peerLines(record(peer))}`).join('');
		return portText + peerText;
	}).join(`${indent}----------\n`);
}

function portLine(port: Record<string, unknown>): string {
	const protocol = clean(text(port['protocol'], 'TCP'));
	// Go prints a missing port (a rule on a protocol alone) as its nil value.
	const number = port['port'] === undefined || port['port'] === null ? '<nil>' : clean(text(port['port'], ''));
	return port['endPort'] === undefined || port['endPort'] === null
		? `${indent}To Port: ${number}/${protocol}\n`
		: `${indent}To Port Range: ${number}-${clean(text(port['endPort'], ''))}/${protocol}\n`;
}

function peerLines(peer: Record<string, unknown>): string {
	const at = level(1) + indent;
	const selector = (field: string, title: string) => `${at}${title}: ${clean(labelSelectorText(peer[field]))}\n`;
	const hasPods = peer['podSelector'] !== undefined && peer['podSelector'] !== null;
	const hasNamespaces = peer['namespaceSelector'] !== undefined && peer['namespaceSelector'] !== null;
	if (hasPods && hasNamespaces) {
		return selector('namespaceSelector', 'NamespaceSelector') + selector('podSelector', 'PodSelector');
	}

	if (hasPods) {
		return selector('podSelector', 'PodSelector');
	}

	if (hasNamespaces) {
		return selector('namespaceSelector', 'NamespaceSelector');
	}

	const ipBlock = peer['ipBlock'];
	if (ipBlock === undefined || ipBlock === null) {
		return '';
	}

	const except = list(record(ipBlock)['except']).map(cidr => clean(text(cidr, '')));
	return `${at}IPBlock:\n${level(2)}${indent}CIDR: ${clean(text(record(ipBlock)['cidr'], ''))}\n${level(2)}${indent}Except: ${except.join(', ')}\n`;
}
