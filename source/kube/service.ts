// v1 Service, read for what flows through it: the selector that picks its backends and its
// ports (port, targetPort by number or name, protocol). Other fields are left alone, as in a Pod.
import {type Issue, invalid, notSupported, required} from './issue.js';
import {dns1035LabelErrors, dns1123LabelErrors, portNameErrors, portNumberErrors} from './names.js';
import {asLabels, labelIssues, namespaceOf, objectMetaIssues} from './object-meta.js';
import {openMetadataSchema} from './pod.js';
import {type Schema, checkSchema} from './schema.js';
import type {Protocol, Service, ServicePort} from '../model/kubernetes.js';
import {asRecord, listAt, protocols} from './values.js';

const serviceSchema: Schema = {
	type: 'object',
	isOpen: true,
	fields: {
		metadata: openMetadataSchema,
		spec: {
			type: 'object',
			isOpen: true,
			fields: {
				type: {type: 'string'},
				selector: {type: 'map', values: {type: 'string'}},
				ports: {
					type: 'list',
					items: {type: 'object', isOpen: true, fields: {name: {type: 'string'}, port: {type: 'integer'}, targetPort: {type: 'int-or-string'}, protocol: {type: 'string'}}},
				},
			},
		},
	},
};

/** Problems with the parts of a Service netpol-dojo reads (validateServicePort's checks and words). */
export function serviceIssues(object: unknown): Issue[] {
	const issues = [...checkSchema(object, serviceSchema), ...objectMetaIssues(asRecord(object)?.['metadata'], dns1035LabelErrors)];
	if (issues.some(issue => issue.isTypeError)) {
		return issues;
	}

	const spec = asRecord(asRecord(object)?.['spec']);
	issues.push(...labelIssues(spec?.['selector'], ['spec', 'selector']));
	const ports = listAt(spec, 'ports');
	for (const [index, entry] of ports.entries()) {
		const path = ['spec', 'ports', index];
		const {name, port, targetPort, protocol} = asRecord(entry) ?? {};
		// With several ports, each needs a name: that is how Endpoints tell them apart.
		if (ports.length > 1 && (name === undefined || name === null || name === '')) {
			issues.push(required([...path, 'name'], ''));
		} else if (typeof name === 'string' && name !== '') {
			issues.push(...dns1123LabelErrors(name).map(message => invalid([...path, 'name'], name, message)));
		}

		if (typeof port === 'number') {
			issues.push(...portNumberErrors(port).map(message => invalid([...path, 'port'], port, message)));
		} else {
			issues.push(required([...path, 'port'], ''));
		}

		// A targetPort of 0 or none defaults to the port.
		if (typeof targetPort === 'number' && targetPort !== 0) {
			issues.push(...portNumberErrors(targetPort).map(message => invalid([...path, 'targetPort'], targetPort, message)));
		} else if (typeof targetPort === 'string' && targetPort !== '') {
			issues.push(...portNameErrors(targetPort).map(message => invalid([...path, 'targetPort'], targetPort, message)));
		}

		if (typeof protocol === 'string' && !protocols.includes(protocol as Protocol)) {
			issues.push(notSupported([...path, 'protocol'], protocol, [...protocols].sort()));
		}
	}

	return issues;
}

/** The typed Service of an object serviceIssues found no error in. */
export function toService(object: unknown): Service {
	const metadata = asRecord(asRecord(object)?.['metadata']);
	const spec = asRecord(asRecord(object)?.['spec']);
	const selector = asLabels(spec?.['selector']);
	const ports = listAt(spec, 'ports').map((entry): ServicePort => {
		const {name, port, targetPort, protocol} = asRecord(entry) ?? {};
		const number = port as number;
		return {
			...(typeof name === 'string' && name !== '' ? {name} : {}),
			port: number,
			protocol: typeof protocol === 'string' ? protocol as Protocol : 'TCP',
			targetPort: (typeof targetPort === 'number' && targetPort !== 0) || (typeof targetPort === 'string' && targetPort !== '') ? targetPort : number,
		};
	});
	return {
		namespace: namespaceOf(metadata),
		name: String(metadata?.['name']),
		...(Object.keys(selector).length > 0 ? {selector} : {}),
		...(typeof spec?.['type'] === 'string' ? {type: spec['type']} : {}),
		ports,
	};
}
