// What the API server does with an object written to it, for the dojo's cluster: the kind
// mapped (or kubectl's "no matches for kind"), strict decoding (unknown fields and wrong types
// are refused, as `--validate=strict` does), validation (netpol-dojo's checks, in the API
// server's words), and what the server fills in (the namespace, a Pod's IP, a Service's cluster
// IP, a namespace's name label). Pure.
import {decodeDocument} from '../kube/objects.js';
import type {Issue} from '../kube/issue.js';
import {namespaceNameLabel} from '../model/kubernetes.js';
import {quoteValue} from '../model/sanitize.js';
import {likelyMistake} from '../content/skipped-kinds.js';
import {servedVersions} from './object-names.js';
import {type ClusterState, type RawObject, isNamespaced, kindOf, metadataOf, namespaceOf, text} from './state.js';

/** Where an object came from and what is being done with it, for the messages. */
export type Submission = {
	/** The file as given (`db.yaml`), `STDIN`, or undefined for an object made on the command line. */
	readonly source?: string;
	/** `creating`, `replacing`, `patching`: the verb of "error when ... "f.yaml"". */
	readonly verb: string;
};

export type Admitted =
	| {readonly object: RawObject; readonly warnings: readonly string[]}
	/** `causes`: the field errors of an Invalid refusal; `badRequest`: the server's message when decoding failed. */
	| {readonly error: string; readonly causes?: readonly string[]; readonly badRequest?: string};

/** kubectl's prefix for an error of the server about a file: `error when creating "f.yaml": `. */
export function whenText(submission: Submission): string {
	return submission.source === undefined || submission.source === '' ? '' : `error when ${submission.verb} "${submission.source}": `;
}

/** The kind's mapping and strict decoding only: what kubectl needs to find the object (delete -f). */
export function mappingError(object: unknown, submission: Submission): string | undefined {
	const record = object !== null && typeof object === 'object' && !Array.isArray(object) ? object as Record<string, unknown> : undefined;
	if (!record) {
		return `error: error validating ${quoteValue(submission.source ?? '')}: error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`;
	}

	for (const field of ['apiVersion', 'kind'] as const) {
		if (typeof record[field] !== 'string' || record[field] === '') {
			return `error: error validating ${quoteValue(submission.source ?? '')}: error validating data: ${field} not set; if you choose to ignore these errors, turn validation off with --validate=false`;
		}
	}

	const kind = text(record['kind'], '');
	const apiVersion = text(record['apiVersion'], '');
	if (servedVersions[kind] !== apiVersion) {
		const metadata = (record['metadata'] ?? {}) as Record<string, unknown>;
		const name = quoteValue(text(metadata['name'], ''));
		const namespace = quoteValue(text(metadata['namespace'], ''));
		// kubectl's words, then one line of the dojo's: the likely mistake, or what it keeps.
		const mistake = likelyMistake({kind, apiVersion});
		const hint = mistake ? `hint: ${mistake.hint}` : 'hint: the dojo\'s cluster keeps only Namespaces, Pods, Services, workloads and NetworkPolicies';
		return `error: resource mapping not found for name: ${name} namespace: ${namespace} from ${quoteValue(submission.source ?? '')}: no matches for kind ${quoteValue(kind)} in version ${quoteValue(apiVersion)}\nensure CRDs are installed first\n${hint}`;
	}

	return undefined;
}

/**
The object as the server would keep it, or kubectl's error: `namespace` is the -n flag's value
(a different metadata.namespace is refused, as kubectl refuses it), `existing` the object it
replaces, if any.
*/
export function admit(state: ClusterState, object: unknown, submission: Submission, namespace: string | undefined, existing: RawObject | undefined): Admitted {
	const unmapped = mappingError(object, submission);
	if (unmapped !== undefined) {
		return {error: unmapped};
	}

	const written = object as RawObject;
	const kind = kindOf(written);
	const metadata = (written['metadata'] ?? {}) as Record<string, unknown>;
	const ownNamespace = typeof metadata['namespace'] === 'string' && metadata['namespace'] !== '' ? metadata['namespace'] : undefined;
	if (isNamespaced(kind) && namespace !== undefined && ownNamespace !== undefined && ownNamespace !== namespace) {
		return {error: `error: the namespace from the provided object ${quoteValue(ownNamespace)} does not match the namespace ${quoteValue(namespace)}. You must pass '--namespace=${ownNamespace}' to perform this operation.`};
	}

	const placed: RawObject = isNamespaced(kind) ? {...written, metadata: {...metadata, namespace: ownNamespace ?? namespace ?? 'default'}} : written;
	const [result] = decodeDocument(placed);
	const issues = result?.issues ?? [];
	const errors = issues.filter(issue => issue.severity === 'error');
	const name = metadataOf(placed).name;
	if (errors.length > 0) {
		return refusal(kind, apiVersionOf(placed), name, errors, submission);
	}

	if (existing && kind === 'Pod' && canonical(existing['spec']) !== canonical(placed['spec'])) {
		return {error: invalidText(kind, name, [podUpdateCause]), causes: [podUpdateCause]};
	}

	const warnings = issues.filter(issue => issue.severity === 'warning').map(issue => `Warning: ${issue.message}`);
	return {object: serverFilled(state, placed, existing), warnings};
}

const apiVersionOf = (object: RawObject) => text(object['apiVersion'], '');

// Unknown fields and wrong types fail decoding (BadRequest, with the file); the rest fails
// validation (Invalid, which kubectl prints without the file, as `The Kind "name" is invalid`).
function refusal(kind: string, apiVersion: string, name: string, errors: readonly Issue[], submission: Submission): Admitted & {readonly error: string} {
	const unknown = errors.filter(issue => issue.isAtKey === true && issue.message.startsWith('unknown field'));
	const wrongTypes = errors.filter(issue => issue.isTypeError === true);
	const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
	const handled = `${kind} in version ${quoteValue(version)} cannot be handled as a ${kind}`;
	const badRequest = wrongTypes.length > 0
		? `${handled}: ${wrongTypes[0]!.message}`
		: (unknown.length > 0 ? `${handled}: strict decoding error: ${unknown.map(issue => issue.message).join(', ')}` : undefined);
	if (badRequest !== undefined) {
		return {error: `Error from server (BadRequest): ${whenText(submission)}${badRequest}`, badRequest};
	}

	const causes = errors.map(issue => issue.message);
	return {error: invalidText(kind, name, causes), causes};
}

// A Pod's spec is fixed once it runs; its labels are not (ValidatePodUpdate).
const podUpdateCause = 'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** A value as JSON with its keys in order: two objects that differ only in key order are the same. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, entry: unknown) => (entry !== null && typeof entry === 'object' && !Array.isArray(entry)
		? Object.fromEntries(Object.keys(entry).sort().map(key => [key, (entry as Record<string, unknown>)[key]]))
		: entry));
}

/** kubectl's words for an Invalid error: one cause on the line, several as a list. */
export function invalidText(kind: string, name: string, causes: readonly string[]): string {
	const head = `The ${kind} ${quoteValue(name)} is invalid: `;
	return causes.length === 1 ? `${head}${causes[0]!}` : `${head}\n${causes.map(cause => `* ${cause}`).join('\n')}`;
}

// What the API server (and the kubelet) set on an object they keep: a status is not written
// through the object (it is a subresource), so an update keeps the old one.
function serverFilled(state: ClusterState, object: RawObject, existing: RawObject | undefined): RawObject {
	const kind = kindOf(object);
	const rest = withoutStatus(object);
	if (kind === 'Namespace') {
		const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
		const labels = (metadata['labels'] ?? {}) as Record<string, string>;
		// Set by the API server on every namespace since 1.22, whatever was written.
		return {...rest, metadata: {...metadata, labels: {...labels, [namespaceNameLabel]: metadataOf(object).name}}};
	}

	if (kind === 'Pod') {
		const status = existing?.['status'] ?? {phase: 'Running', podIP: nextFreeAddress(podAddresses(state), '10.244.0.0/24')};
		return {...rest, status};
	}

	if (kind === 'Service') {
		const spec = (object['spec'] ?? {}) as Record<string, unknown>;
		const oldSpec = (existing?.['spec'] ?? {}) as Record<string, unknown>;
		const clusterIP = spec['clusterIP'] ?? oldSpec['clusterIP'] ?? nextFreeAddress(serviceAddresses(state), '10.96.0.0/24');
		return {...rest, spec: {...spec, clusterIP}, ...(existing?.['status'] === undefined ? {} : {status: existing['status']})};
	}

	return existing?.['status'] === undefined ? rest : {...rest, status: existing['status']};
}

function withoutStatus(object: RawObject): RawObject {
	return Object.fromEntries(Object.entries(object).filter(([key]) => key !== 'status'));
}

/** The pod IPs in use. */
export function podAddresses(state: ClusterState): string[] {
	return state.objects.filter(object => kindOf(object) === 'Pod').map(object => text(((object['status'] ?? {}) as Record<string, unknown>)['podIP'], '')).filter(address => address !== '');
}

function serviceAddresses(state: ClusterState): string[] {
	return state.objects.filter(object => kindOf(object) === 'Service').map(object => text(((object['spec'] ?? {}) as Record<string, unknown>)['clusterIP'], '')).filter(address => address !== '' && address !== 'None');
}

/**
The next free IPv4 address of the range the addresses in use are in. A challenge's cluster
declares no pod range: the /24 of the first IPv4 address in use stands for it (`fallback` when
there is none), and the address is the lowest one above .1 that no object has, so a new pod never
takes another's address, and the same cluster always gives the same address.
*/
export function nextFreeAddress(inUse: readonly string[], fallback: string): string {
	const ipv4 = inUse.filter(address => /^\d+\.\d+\.\d+\.\d+$/.test(address));
	const base = (ipv4[0] ?? fallback.split('/')[0]!).split('.').slice(0, 3).map(Number);
	const taken = new Set(ipv4);
	for (let third = base[2]!; third < 256; third++) {
		for (let host = 2; host < 255; host++) {
			const address = `${base[0]!}.${base[1]!}.${third}.${host}`;
			if (!taken.has(address)) {
				return address;
			}
		}
	}

	throw new Error(`no free address left after ${base.join('.')}.0/24: the dojo's cluster holds more pods than a /16`);
}

/** Whether a namespaced object's namespace exists, else the API server's NotFound. */
export function missingNamespace(state: ClusterState, object: RawObject, submission: Submission): string | undefined {
	const namespace = namespaceOf(object);
	if (namespace === undefined || state.objects.some(candidate => kindOf(candidate) === 'Namespace' && metadataOf(candidate).name === namespace)) {
		return undefined;
	}

	return `Error from server (NotFound): ${whenText({...submission, verb: 'creating'})}namespaces ${quoteValue(namespace)} not found`;
}
