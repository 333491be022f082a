// NetworkPolicies and other plain values written back as YAML, the way a person would write
// them: block style, `{}` for an empty selector, strings quoted only where YAML 1.1 would read
// them as something else. Used where the app shows a policy it did not read as text.
import type {LabelSelector, NetworkPolicy, PolicyPort, Rule} from '../model/kubernetes.js';
import {isYamlBooleanWord, yamlNullWords} from '../model/yaml-words.js';

type Plain = string | number | boolean | readonly Plain[] | {readonly [key: string]: Plain};


/** A scalar as YAML reads it back: quoted only where YAML 1.1 or 1.2 would read something else. */
export function yamlScalar(value: string | number | boolean): string {
	if (typeof value !== 'string') {
		return String(value);
	}

	const isPlain = /^[A-Za-z_/][\w./-]*$/.test(value) && !isYamlBooleanWord(value) && !yamlNullWords.test(value);
	return isPlain ? value : JSON.stringify(value);
}

function isEmpty(value: Plain): boolean {
	return typeof value === 'object' && (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
}

function lines(value: Plain, indent: string): string[] {
	if (Array.isArray(value)) {
		return (value as readonly Plain[]).flatMap(item => {
			if (typeof item !== 'object' || isEmpty(item)) {
				return [`${indent}- ${inline(item)}`];
			}

			const [first = '', ...rest] = lines(item, `${indent}  `);
			return [`${indent}- ${first.trimStart()}`, ...rest];
		});
	}

	return Object.entries(value as Record<string, Plain>).flatMap(([key, item]) => (typeof item !== 'object' || isEmpty(item)
		? [`${indent}${yamlScalar(key)}: ${inline(item)}`]
		: [`${indent}${yamlScalar(key)}:`, ...lines(item, `${indent}  `)]));
}

function inline(value: Plain): string {
	if (typeof value !== 'object') {
		return yamlScalar(value);
	}

	return Array.isArray(value) ? '[]' : '{}';
}

/** A plain value as block YAML, without a trailing newline. */
export function toYaml(value: Plain): string {
	return lines(value, '').join('\n');
}

function selector(value: LabelSelector): Plain {
	return {
		...(Object.keys(value.matchLabels).length > 0 ? {matchLabels: value.matchLabels} : {}),
		...(value.matchExpressions.length > 0
			? {matchExpressions: value.matchExpressions.map(requirement => ({key: requirement.key, operator: requirement.operator, ...(requirement.values.length > 0 ? {values: requirement.values} : {})}))}
			: {}),
	};
}

function port(value: PolicyPort): Plain {
	return {protocol: value.protocol, ...(value.port === undefined ? {} : {port: value.port}), ...(value.endPort === undefined ? {} : {endPort: value.endPort})};
}

function rule(value: Rule, peersKey: 'from' | 'to'): Plain {
	const peers = value.peers.map(peer => ({
		...(peer.podSelector ? {podSelector: selector(peer.podSelector)} : {}),
		...(peer.namespaceSelector ? {namespaceSelector: selector(peer.namespaceSelector)} : {}),
		...(peer.ipBlock ? {ipBlock: {cidr: peer.ipBlock.cidr, ...(peer.ipBlock.except.length > 0 ? {except: peer.ipBlock.except} : {})}} : {}),
	}));
	return {...(peers.length > 0 ? {[peersKey]: peers} : {}), ...(value.ports.length > 0 ? {ports: value.ports.map(item => port(item))} : {})};
}

/** A NetworkPolicy as a manifest; policyTypes only when it was written (defaulted ones are implied). */
export function policyYaml(policy: NetworkPolicy): string {
	const spec: Record<string, Plain> = {podSelector: selector(policy.podSelector)};
	if (!policy.isPolicyTypesDefaulted) {
		spec['policyTypes'] = policy.policyTypes;
	}

	// A deny-all direction shows as no key rather than `ingress: []`, as people write it.
	if (policy.ingress.length > 0) {
		spec['ingress'] = policy.ingress.map(item => rule(item, 'from'));
	}

	if (policy.egress.length > 0) {
		spec['egress'] = policy.egress.map(item => rule(item, 'to'));
	}

	return toYaml({apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: policy.name, namespace: policy.namespace}, spec});
}
