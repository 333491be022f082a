// networking.k8s.io/v1 NetworkPolicy: its strict schema, the API server's validation
// (pkg/apis/networking/validation ValidateNetworkPolicy, with its wording), its defaulting,
// and the typed policy the evaluator reads.
import {formatCidr, isStrictSubnet, parseCidr} from './ip.js';
import type {Issue, PathSegment} from './issue.js';
import {forbidden, invalid, notSupported, required, warning} from './issue.js';
import {labelSelectorIssues, labelSelectorSchema, toLabelSelector} from './label-selector.js';
import {dns1123SubdomainErrors, portNameErrors, portNumberErrors} from './names.js';
import {namespaceOf, objectMetaIssues, objectMetaSchema} from './object-meta.js';
import {asRecord, asStringValue, listAt, protocols} from './values.js';
import type {Schema} from './schema.js';
import {checkSchema} from './schema.js';
import type {NetworkPolicy, Peer, PolicyPort, PolicyType, Protocol, Rule} from '../model/kubernetes.js';

const peerSchema: Schema = {
	type: 'object',
	fields: {
		podSelector: labelSelectorSchema,
		namespaceSelector: labelSelectorSchema,
		ipBlock: {type: 'object', fields: {cidr: {type: 'string'}, except: {type: 'list', items: {type: 'string'}}}},
	},
};

const portSchema: Schema = {
	type: 'object',
	fields: {protocol: {type: 'string'}, port: {type: 'int-or-string'}, endPort: {type: 'integer'}},
};

function ruleSchema(peersField: 'from' | 'to'): Schema {
	return {type: 'object', fields: {[peersField]: {type: 'list', items: peerSchema}, ports: {type: 'list', items: portSchema}}};
}

const networkPolicySchema: Schema = {
	type: 'object',
	fields: {
		apiVersion: {type: 'string'},
		kind: {type: 'string'},
		metadata: objectMetaSchema,
		spec: {
			type: 'object',
			fields: {
				podSelector: labelSelectorSchema,
				policyTypes: {type: 'list', items: {type: 'string'}},
				ingress: {type: 'list', items: ruleSchema('from')},
				egress: {type: 'list', items: ruleSchema('to')},
			},
		},
		// Clusters of 1.24 and 1.25 wrote an (always empty) status; netpol-dojo ignores it.
		status: {type: 'any'},
	},
};



/** Every problem with a NetworkPolicy, as strict decoding and then validation report them. */
export function networkPolicyIssues(object: unknown): Issue[] {
	const schemaIssues = checkSchema(object, networkPolicySchema);
	const record = asRecord(object) ?? {};
	const spec = asRecord(record['spec']);
	const issues = [...schemaIssues, ...objectMetaIssues(record['metadata'], dns1123SubdomainErrors)];
	issues.push(...labelSelectorIssues(spec?.['podSelector'], ['spec', 'podSelector']));
	for (const direction of ['ingress', 'egress'] as const) {
		const peersField = direction === 'ingress' ? 'from' : 'to';
		for (const [ruleIndex, rule] of listAt(spec, direction).entries()) {
			const rulePath = ['spec', direction, ruleIndex];
			for (const [index, port] of listAt(asRecord(rule), 'ports').entries()) {
				issues.push(...portIssues(asRecord(port) ?? {}, [...rulePath, 'ports', index]));
			}

			for (const [index, peer] of listAt(asRecord(rule), peersField).entries()) {
				issues.push(...peerIssues(asRecord(peer) ?? {}, [...rulePath, peersField, index]));
			}
		}
	}

	issues.push(...policyTypesIssues(listAt(spec, 'policyTypes')), ...defaultingWarnings(record, spec));
	return issues;
}

function portIssues(port: Readonly<Record<string, unknown>>, path: readonly PathSegment[]): Issue[] {
	const issues: Issue[] = [];
	const {protocol, port: portValue, endPort} = port;
	if (typeof protocol === 'string' && !protocols.includes(protocol as Protocol)) {
		issues.push(notSupported([...path, 'protocol'], protocol, protocols));
	}

	// Values of the wrong type (a fraction, a list) are the schema's to report, not range errors.
	const isWrongType = (value: unknown) => typeof value === 'number' && !Number.isSafeInteger(value);
	if (isWrongType(endPort) || isWrongType(portValue)) {
		return issues;
	}

	const hasEndPort = typeof endPort === 'number';
	if (typeof portValue === 'number') {
		issues.push(...portNumberErrors(portValue).map(message => invalid([...path, 'port'], portValue, message)));
		if (hasEndPort) {
			if (endPort < portValue) {
				issues.push(invalid([...path, 'endPort'], endPort, 'must be greater than or equal to `port`'));
			}

			issues.push(...portNumberErrors(endPort).map(message => invalid([...path, 'endPort'], endPort, message)));
		}
	} else if (typeof portValue === 'string') {
		if (hasEndPort) {
			issues.push(invalid([...path, 'endPort'], endPort, 'may not be specified when `port` is non-numeric'));
		}

		// A number in quotes is a port name to the API server; say what was likely meant.
		const hint = /^\d+$/.test(portValue) ? `; in quotes it is a port name: write ${portValue} without quotes for a port number` : '';
		issues.push(...portNameErrors(portValue).map(message => invalid([...path, 'port'], portValue, message + hint)));
	} else if (hasEndPort) {
		issues.push(invalid([...path, 'endPort'], endPort, 'may not be specified when `port` is not specified'));
	}

	return issues;
}

function peerIssues(peer: Readonly<Record<string, unknown>>, path: readonly PathSegment[]): Issue[] {
	const issues: Issue[] = [];
	const present = (['podSelector', 'namespaceSelector', 'ipBlock'] as const).filter(key => peer[key] !== undefined && peer[key] !== null);
	issues.push(
		...labelSelectorIssues(peer['podSelector'], [...path, 'podSelector']),
		...labelSelectorIssues(peer['namespaceSelector'], [...path, 'namespaceSelector']),
	);
	const ipBlock = asRecord(peer['ipBlock']);
	if (ipBlock) {
		issues.push(...ipBlockIssues(ipBlock, [...path, 'ipBlock']));
	}

	if (present.length === 0) {
		issues.push(required(path, 'must specify a peer'));
	} else if (present.length > 1 && present.includes('ipBlock')) {
		issues.push(forbidden(path, 'may not specify both ipBlock and another peer'));
	}

	return issues;
}

// ValidateIPBlock, reading CIDRs as the API server does without StrictIPCIDRValidation: host
// bits, leading zeros and IPv4-mapped addresses are accepted, with kubectl's warnings.
function ipBlockIssues(ipBlock: Readonly<Record<string, unknown>>, path: readonly PathSegment[]): Issue[] {
	const cidrText = ipBlock['cidr'];
	if (typeof cidrText !== 'string' || cidrText === '') {
		return [required([...path, 'cidr'], '')];
	}

	const cidr = parseCidr(cidrText);
	if (!cidr) {
		return [invalid([...path, 'cidr'], cidrText, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
	}

	const issues = cidrWarnings(cidrText, [...path, 'cidr']);
	for (const [index, exceptEntry] of listAt(ipBlock, 'except').entries()) {
		// A null entry is the empty string to the API server, and so an invalid CIDR.
		const exceptText = asStringValue(exceptEntry);
		if (exceptText === undefined) {
			continue;
		}

		const exceptPath = [...path, 'except', index];
		const except = parseCidr(exceptText);
		if (!except) {
			issues.push(invalid(exceptPath, exceptText, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
		} else if (isStrictSubnet(except, cidr)) {
			issues.push(...cidrWarnings(exceptText, exceptPath));
		} else {
			issues.push(invalid(exceptPath, exceptText, 'must be a strict subset of `cidr`'));
		}
	}

	return issues;
}

function cidrWarnings(text: string, path: readonly PathSegment[]): Issue[] {
	const cidr = parseCidr(text)!;
	switch (cidr.oddity) {
		case 'host-bits': {
			return [warning(path, `CIDR value ${JSON.stringify(text)} has host bits set: it stands for the network ${JSON.stringify(formatCidr(cidr))}`)];
		}

		case 'leading-zeros':
		case 'ipv4-mapped': {
			return [warning(path, `non-standard CIDR value ${JSON.stringify(text)} will be considered invalid in a future Kubernetes release: use ${JSON.stringify(formatCidr(cidr))}`)];
		}

		default: {
			return [];
		}
	}
}

function policyTypesIssues(policyTypes: unknown[]): Issue[] {
	if (policyTypes.length > 2) {
		return [invalid(['spec', 'policyTypes'], policyTypes, 'may not specify more than two policyTypes')];
	}

	return policyTypes.flatMap((entry, index) => {
		const policyType = asStringValue(entry);
		return policyType !== undefined && policyType !== 'Ingress' && policyType !== 'Egress' ? [notSupported(['spec', 'policyTypes', index], policyType, ['Ingress', 'Egress'])] : [];
	});
}

// An omitted spec or podSelector is accepted by the API server and then selects every pod of
// the namespace, which is rarely what a learner meant: say so.
function defaultingWarnings(record: Readonly<Record<string, unknown>>, spec: Readonly<Record<string, unknown>> | undefined): Issue[] {
	const namespace = namespaceOf(record['metadata']);
	if (!spec) {
		return [warning(['spec'], `spec is missing: this policy selects every pod in namespace "${namespace}" and denies all their ingress`)];
	}

	if (spec['podSelector'] === undefined || spec['podSelector'] === null) {
		return [warning(['spec', 'podSelector'], `podSelector is missing: it selects every pod in namespace "${namespace}" (write podSelector: {} to say so)`)];
	}

	return [];
}

/** The typed, defaulted policy of an object that networkPolicyIssues found no error in. */
export function toNetworkPolicy(object: unknown): NetworkPolicy {
	const record = asRecord(object) ?? {};
	const spec = asRecord(record['spec']);
	const ingress = listAt(spec, 'ingress').map(rule => toRule(rule, 'from'));
	const egress = listAt(spec, 'egress').map(rule => toRule(rule, 'to'));
	const declared = listAt(spec, 'policyTypes').filter((entry): entry is PolicyType => entry === 'Ingress' || entry === 'Egress');
	// SetDefaults_NetworkPolicy: no policyTypes means Ingress, plus Egress when there is at
	// least one egress rule (so `egress: []` alone does not isolate egress).
	const isPolicyTypesDefaulted = declared.length === 0;
	const policyTypes: PolicyType[] = isPolicyTypesDefaulted ? (egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']) : [...new Set(declared)];
	return {
		namespace: namespaceOf(record['metadata']),
		name: String(asRecord(record['metadata'])?.['name']),
		podSelector: toLabelSelector(spec?.['podSelector']),
		policyTypes,
		isPolicyTypesDefaulted,
		ingress,
		egress,
	};
}

function toRule(value: unknown, peersField: 'from' | 'to'): Rule {
	const rule = asRecord(value);
	return {
		peers: listAt(rule, peersField).map(peer => toPeer(asRecord(peer) ?? {})),
		ports: listAt(rule, 'ports').map(port => toPolicyPort(asRecord(port) ?? {})),
	};
}

function toPeer(peer: Readonly<Record<string, unknown>>): Peer {
	const ipBlock = asRecord(peer['ipBlock']);
	const isPresent = (key: string) => peer[key] !== undefined && peer[key] !== null;
	return {
		...(isPresent('podSelector') ? {podSelector: toLabelSelector(peer['podSelector'])} : {}),
		...(isPresent('namespaceSelector') ? {namespaceSelector: toLabelSelector(peer['namespaceSelector'])} : {}),
		...(ipBlock ? {ipBlock: {cidr: String(ipBlock['cidr']), except: listAt(ipBlock, 'except').map(String)}} : {}),
	};
}

function toPolicyPort(port: Readonly<Record<string, unknown>>): PolicyPort {
	const protocol = typeof port['protocol'] === 'string' ? port['protocol'] as Protocol : 'TCP';
	const portValue = port['port'];
	return {
		protocol,
		...(typeof portValue === 'number' || typeof portValue === 'string' ? {port: portValue} : {}),
		...(typeof port['endPort'] === 'number' ? {endPort: port['endPort']} : {}),
	};
}
