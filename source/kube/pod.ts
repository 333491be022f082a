// v1 Pod and v1 Namespace, read leniently: real `kubectl get -o yaml` dumps carry many fields
// netpol-dojo does not use, so only the fields it reads are checked (types and values).
import {parseAddress} from './ip.js';
import {asRecord, listAt, protocols} from './values.js';
import type {Issue, PathSegment} from './issue.js';
import {invalid, notSupported, required} from './issue.js';
import {dns1123LabelErrors, dns1123SubdomainErrors, portNameErrors, portNumberErrors} from './names.js';
import {asLabels, namespaceOf, objectMetaIssues} from './object-meta.js';
import {type Schema, checkSchema} from './schema.js';
import type {ContainerPort, Namespace, Pod, Protocol} from '../model/kubernetes.js';

/** The parts of a PodSpec netpol-dojo reads: the container ports. */
export const podSpecSchema: Schema = {
	type: 'object',
	isOpen: true,
	fields: {
		containers: {
			type: 'list',
			items: {
				type: 'object',
				isOpen: true,
				fields: {
					ports: {
						type: 'list',
						items: {type: 'object', isOpen: true, fields: {name: {type: 'string'}, containerPort: {type: 'integer'}, protocol: {type: 'string'}}},
					},
				},
			},
		},
	},
};

/** Metadata read from objects that carry many more fields: name, namespace and labels checked. */
export const openMetadataSchema: Schema = {
	type: 'object',
	isOpen: true,
	fields: {name: {type: 'string'}, namespace: {type: 'string'}, labels: {type: 'map', values: {type: 'string'}}},
};

const podSchema: Schema = {
	type: 'object',
	isOpen: true,
	fields: {
		metadata: openMetadataSchema,
		spec: podSpecSchema,
		status: {
			type: 'object',
			isOpen: true,
			fields: {
				podIP: {type: 'string'},
				podIPs: {type: 'list', items: {type: 'object', isOpen: true, fields: {ip: {type: 'string'}}}},
			},
		},
	},
};

const namespaceSchema: Schema = {type: 'object', isOpen: true, fields: {metadata: openMetadataSchema}};

function containerPortsOf(podSpec: unknown, specPath: readonly PathSegment[]): Array<{port: Readonly<Record<string, unknown>>; path: PathSegment[]}> {
	const containers = listAt(asRecord(podSpec), 'containers');
	return containers.flatMap((container, containerIndex) =>
		listAt(asRecord(container), 'ports').map((port, portIndex) => ({
			port: asRecord(port) ?? {},
			path: [...specPath, 'containers', containerIndex, 'ports', portIndex],
		})));
}

function podIpsOf(object: unknown): Array<{ip: string; path: PathSegment[]}> {
	const status = asRecord(asRecord(object)?.['status']);
	const ips = listAt(status, 'podIPs').flatMap((entry, index) => {
		const ip = asRecord(entry)?.['ip'];
		return typeof ip === 'string' ? [{ip, path: ['status', 'podIPs', index, 'ip']}] : [];
	});
	const podIp = status?.['podIP'];
	if (ips.length === 0 && typeof podIp === 'string' && podIp !== '') {
		ips.push({ip: podIp, path: ['status', 'podIP']});
	}

	return ips;
}

/** Problems with the parts of a Pod netpol-dojo reads. */
export function podIssues(object: unknown): Issue[] {
	const issues = [...checkSchema(object, podSchema), ...objectMetaIssues(asRecord(object)?.['metadata'], dns1123SubdomainErrors)];
	for (const {ip, path} of podIpsOf(object)) {
		if (!parseAddress(ip)) {
			issues.push(invalid(path, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
		}
	}

	issues.push(...containerPortIssues(asRecord(object)?.['spec'], ['spec']));
	return issues;
}

/** Problems with the container ports of a pod spec (a Pod's, or a workload's pod template's) at `specPath`. */
export function containerPortIssues(podSpec: unknown, specPath: readonly PathSegment[]): Issue[] {
	const issues: Issue[] = [];
	for (const {port, path} of containerPortsOf(podSpec, specPath)) {
		const {name, containerPort, protocol} = port;
		if (typeof name === 'string' && name !== '') {
			issues.push(...portNameErrors(name).map(message => invalid([...path, 'name'], name, message)));
		}

		// validateContainerPorts: a zero (or absent) containerPort is a missing one.
		if (containerPort === 0 || containerPort === undefined || containerPort === null) {
			issues.push(required([...path, 'containerPort'], ''));
		} else if (typeof containerPort === 'number') {
			issues.push(...portNumberErrors(containerPort).map(message => invalid([...path, 'containerPort'], containerPort, message)));
		}

		if (typeof protocol === 'string' && !protocols.includes(protocol as Protocol)) {
			// Core validation lists the protocols sorted (sets.List), unlike NetworkPolicy's own list.
			issues.push(notSupported([...path, 'protocol'], protocol, [...protocols].sort()));
		}
	}

	return issues;
}

/** The container ports of a pod spec that containerPortIssues found no error in. */
export function containerPorts(podSpec: unknown): ContainerPort[] {
	return containerPortsOf(podSpec, []).flatMap(({port}): ContainerPort[] => {
		if (typeof port['containerPort'] !== 'number') {
			return [];
		}

		const protocol = typeof port['protocol'] === 'string' ? port['protocol'] as Protocol : 'TCP';
		const name = typeof port['name'] === 'string' && port['name'] !== '' ? {name: port['name']} : {};
		return [{...name, port: port['containerPort'], protocol}];
	});
}

/** The typed pod of an object podIssues found no error in. */
export function toPod(object: unknown): Pod {
	const metadata = asRecord(asRecord(object)?.['metadata']);
	return {
		namespace: namespaceOf(metadata),
		name: String(metadata?.['name']),
		labels: asLabels(metadata?.['labels']),
		ips: podIpsOf(object).map(({ip}) => ip),
		ports: containerPorts(asRecord(object)?.['spec']),
	};
}

/** Problems with a Namespace's name and labels. */
export function namespaceIssues(object: unknown): Issue[] {
	return [...checkSchema(object, namespaceSchema), ...objectMetaIssues(asRecord(object)?.['metadata'], dns1123LabelErrors)];
}

/** The typed namespace (without the automatic name label, which compileCluster adds). */
export function toNamespace(object: unknown): Namespace {
	const metadata = asRecord(asRecord(object)?.['metadata']);
	return {name: String(metadata?.['name']), labels: asLabels(metadata?.['labels'])};
}
