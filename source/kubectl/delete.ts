// `kubectl delete -f FILE` and `kubectl delete TYPE NAME... | TYPE/NAME | TYPE --all | -l SEL`:
// the objects removed from the dojo's cluster, `networkpolicy.networking.k8s.io "db-policy"
// deleted` each, kubectl's NotFound for those that are not there. A namespace takes its objects
// with it. deleteObjects is pure; runDelete reads -f's files.
import {quoteValue} from '../model/sanitize.js';
import {parseSelectorString, selectorStringMatches} from '../kube/selector-string.js';
import {mappingError, whenText} from './admission.js';
import {type FlagSpec, booleanFlag, parseKubectlArguments, stringFlag} from './arguments.js';
import {type ManifestObject, readManifests, takeFilenames} from './manifest-input.js';
import {qualifiedResource, quotedReference} from './object-names.js';
import {type ResourceType, resourceTypesNamed} from './resources.js';
import type {KubectlResult} from './result.js';
import {type ClusterState, type RawObject, findObject, isNamespaced, kindOf, metadataOf, namespaceOf, withoutObject} from './state.js';

/** Namespaces the API server never deletes. */
const protectedNamespaces = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

type Target = {readonly kind: string; readonly namespace: string | undefined; readonly name: string; readonly source?: string};

/** Deletes the named objects in order; what is not there is an error, the others are still deleted. */
export function deleteObjects(state: ClusterState, targets: readonly Target[], isDryRun = false, isForced = false): KubectlResult {
	let next = state;
	const lines: string[] = [];
	const errors: string[] = [];
	for (const target of targets) {
		const found = findObject(next, target.kind, target.namespace, target.name);
		const when = whenText({...(target.source === undefined ? {} : {source: target.source}), verb: 'deleting'});
		if (!found) {
			errors.push(`Error from server (NotFound): ${when}${qualifiedResource(target.kind)} ${quoteValue(target.name)} not found`);
			continue;
		}

		if (target.kind === 'Namespace' && protectedNamespaces.has(target.name)) {
			errors.push(`Error from server (Forbidden): ${when}namespaces ${quoteValue(target.name)} is forbidden: this namespace may not be deleted`);
			continue;
		}

		next = target.kind === 'Namespace' ? withoutNamespace(next, found) : withoutObject(next, found);
		lines.push(`${quotedReference(found)} ${isForced ? 'force deleted' : 'deleted'}${isDryRun ? ' (dry run)' : ''}`);
	}

	// kubectl's warning for --force --grace-period=0, before anything is deleted.
	const warning = isForced ? ['Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.'] : [];
	return {
		stdout: lines.map(line => `${line}\n`).join(''),
		stderr: [...warning, ...errors].map(line => `${line}\n`).join(''),
		exitCode: errors.length > 0 ? 1 : 0,
		...(isDryRun || next === state ? {} : {state: next}),
	};
}

// Deleting a namespace deletes everything in it.
function withoutNamespace(state: ClusterState, namespace: RawObject): ClusterState {
	const {name} = metadataOf(namespace);
	return {...state, objects: state.objects.filter(object => object !== namespace && namespaceOf(object) !== name)};
}

const deleteFlags: readonly FlagSpec[] = [
	{long: 'all', takesValue: false},
	{long: 'all-namespaces', short: 'A', takesValue: false},
	{long: 'selector', short: 'l', takesValue: true},
	{long: 'recursive', short: 'R', takesValue: false},
	{long: 'dry-run', takesValue: true},
	{long: 'force', takesValue: false},
	{long: 'now', takesValue: false},
	{long: 'wait', takesValue: true},
	{long: 'grace-period', takesValue: true},
	{long: 'ignore-not-found', takesValue: false},
];

const noResources = 'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'';

/** `kubectl delete`, as the dojo's kubectl registers it. */
export function runDelete(state: ClusterState, argv: readonly string[]): KubectlResult {
	const {filenames, rest} = takeFilenames(argv);
	const parsed = parseKubectlArguments(rest, deleteFlags, 'delete');
	const namespace = stringFlag(parsed, 'namespace') ?? 'default';
	const isDryRun = stringFlag(parsed, 'dry-run') !== undefined && stringFlag(parsed, 'dry-run') !== 'none';
	let targets: Target[] | {readonly error: string};
	if (filenames.length > 0) {
		if (parsed.positionals.length > 0) {
			return failure('error: Unexpected args: ' + `[${parsed.positionals.join(' ')}]\nSee 'kubectl delete -h' for help and examples`);
		}

		const input = readManifests(filenames, booleanFlag(parsed, 'recursive'), 'delete');
		targets = 'error' in input ? input : targetsOfFiles(input.objects, stringFlag(parsed, 'namespace'));
	} else {
		targets = targetsOfArguments(state, parsed.positionals, {
			namespace,
			isAll: booleanFlag(parsed, 'all'),
			isAllNamespaces: booleanFlag(parsed, 'all-namespaces'),
			selector: stringFlag(parsed, 'selector'),
		});
	}

	if ('error' in targets) {
		return failure(targets.error);
	}

	if (booleanFlag(parsed, 'ignore-not-found')) {
		targets = targets.filter(target => findObject(state, target.kind, target.namespace, target.name) !== undefined);
	}

	if (targets.length === 0) {
		return {stdout: '', stderr: 'No resources found\n', exitCode: 0};
	}

	const isForced = booleanFlag(parsed, 'now') ? false : booleanFlag(parsed, 'force') && stringFlag(parsed, 'grace-period') === '0';
	return deleteObjects(state, targets, isDryRun, isForced);
}

function targetsOfFiles(objects: readonly ManifestObject[], flagNamespace: string | undefined): Target[] | {readonly error: string} {
	const targets: Target[] = [];
	for (const {source, value} of objects) {
		const unmapped = mappingError(value, {source, verb: 'deleting'});
		if (unmapped !== undefined) {
			return {error: unmapped};
		}

		const object = value as RawObject;
		const kind = kindOf(object);
		const {name} = metadataOf(object);
		targets.push({kind, namespace: isNamespaced(kind) ? metadataOf(object).namespace ?? flagNamespace ?? 'default' : undefined, name, source});
	}

	return targets;
}

type Scope = {readonly namespace: string; readonly isAll: boolean; readonly isAllNamespaces: boolean; readonly selector: string | undefined};

function targetsOfArguments(state: ClusterState, positionals: readonly string[], scope: Scope): Target[] | {readonly error: string} {
	const [first, ...names] = positionals;
	if (first === undefined) {
		return {error: noResources};
	}

	// TYPE/NAME, each argument its own (`pod/web netpol/db-policy`).
	if (first.includes('/')) {
		const targets: Target[] = [];
		for (const argument of positionals) {
			const [typeName, ...nameParts] = argument.split('/');
			const type = typeNamed(typeName ?? '');
			if ('error' in type) {
				return type;
			}

			targets.push(targetOf(type.type, nameParts.join('/'), scope.namespace));
		}

		return targets;
	}

	const types = resourceTypesNamed(first);
	if ('unknown' in types) {
		return {error: `error: the server doesn't have a resource type "${types.unknown}"`};
	}

	if (names.length > 0) {
		return types.types.flatMap(type => names.map(name => targetOf(type, name, scope.namespace)));
	}

	if (!scope.isAll && scope.selector === undefined) {
		return {error: 'error: resource(s) were provided, but no name was specified'};
	}

	const parsed = scope.selector === undefined ? [] : parseSelectorString(scope.selector);
	if ('error' in parsed) {
		return {error: `error: ${parsed.error}`};
	}

	const requirements = Array.isArray(parsed) ? [] : parsed.requirements;
	return types.types.flatMap(type => state.objects
		.filter(object => kindOf(object) === type.kind
			&& (scope.isAllNamespaces || !isNamespaced(type.kind) || namespaceOf(object) === scope.namespace)
			&& selectorStringMatches(requirements, metadataOf(object).labels))
		.map(object => ({kind: type.kind, namespace: namespaceOf(object), name: metadataOf(object).name})));
}

function typeNamed(name: string): {readonly type: ResourceType} | {readonly error: string} {
	const found = resourceTypesNamed(name);
	if ('unknown' in found) {
		return {error: `error: the server doesn't have a resource type "${found.unknown}"`};
	}

	return {type: found.types[0]!};
}

const targetOf = (type: ResourceType, name: string, namespace: string): Target => ({kind: type.kind, namespace: isNamespaced(type.kind) ? namespace : undefined, name});

const failure = (message: string): KubectlResult => ({stdout: '', stderr: `${message}\n`, exitCode: 1});
