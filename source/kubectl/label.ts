// `kubectl label TYPE NAME... k=v k2- [--overwrite] [--all] [-l SEL] [-n NS]`: labels set and
// removed as kubectl does (a changed value needs --overwrite; `k-` removes), validated as the
// API server validates labels, `pod/web labeled` for each object. Pure.
import {quoteValue} from '../model/sanitize.js';
import {labelValueErrors} from '../kube/names.js';
import {parseSelectorString, selectorStringMatches} from '../kube/selector-string.js';
import {admit} from './admission.js';
import {type FlagSpec, booleanFlag, parseKubectlArguments, stringFlag} from './arguments.js';
import {qualifiedResource, objectReference} from './object-names.js';
import {resourceTypesNamed} from './resources.js';
import type {KubectlResult} from './result.js';
import {type ClusterState, type RawObject, findObject, isNamespaced, kindOf, metadataOf, namespaceOf, withObject} from './state.js';

export type LabelChange = {readonly set: Readonly<Record<string, string>>; readonly remove: readonly string[]; readonly isOverwriting: boolean};

/** The change of labels the arguments ask for, or kubectl's error (parseLabels). */
export function parseLabelChange(pairs: readonly string[], isOverwriting: boolean): LabelChange | {readonly error: string} {
	const set: Record<string, string> = {};
	const remove: string[] = [];
	for (const pair of pairs) {
		if (pair.includes('=')) {
			const parts = pair.split('=');
			if (parts.length !== 2) {
				return {error: `invalid label spec: ${pair}`};
			}

			const errors = labelValueErrors(parts[1]!);
			if (errors.length > 0) {
				return {error: `invalid label value: ${quoteValue(pair)}: ${errors.join(';')}`};
			}

			set[parts[0]!] = parts[1]!;
		} else if (pair.endsWith('-')) {
			remove.push(pair.slice(0, -1));
		} else {
			return {error: `unknown label spec: ${pair}`};
		}
	}

	if (remove.some(key => Object.hasOwn(set, key))) {
		return {error: 'can not both modify and remove a label in the same command'};
	}

	return {set, remove, isOverwriting};
}

/** The labels of every object changed; each refusal is an error line, the others are still labelled. */
export function labelObjects(state: ClusterState, objects: readonly RawObject[], change: LabelChange): KubectlResult {
	let next = state;
	const lines: string[] = [];
	const errors: string[] = [];
	for (const object of objects) {
		const outcome = labelObject(next, object, change);
		lines.push(...outcome.lines);
		if ('error' in outcome) {
			errors.push(outcome.error);
			continue;
		}

		next = outcome.state;
	}

	return {
		stdout: lines.map(line => `${line}\n`).join(''),
		stderr: errors.map(line => `${line}\n`).join(''),
		exitCode: errors.length > 0 ? 1 : 0,
		...(next === state ? {} : {state: next}),
	};
}

type Outcome = {readonly lines: readonly string[]} & ({readonly state: ClusterState} | {readonly error: string});

function labelObject(state: ClusterState, object: RawObject, change: LabelChange): Outcome {
	const old = metadataOf(object).labels;
	if (!change.isOverwriting) {
		const clashes = Object.entries(change.set).filter(([key, value]) => Object.hasOwn(old, key) && old[key] !== value);
		if (clashes.length > 0) {
			return {lines: [], error: clashes.map(([key]) => `error: '${key}' already has a value (${old[key]!}), and --overwrite is false`).join('\n')};
		}
	}

	const notFound = change.remove.filter(key => !Object.hasOwn(old, key)).map(key => `label ${quoteValue(key)} not found.`);
	const labels = {...Object.fromEntries(Object.entries(old).filter(([key]) => !change.remove.includes(key))), ...change.set};
	const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
	const changed: RawObject = {...object, metadata: {...metadata, labels}};
	const admitted = admit(state, changed, {verb: 'patching'}, undefined, object);
	if ('error' in admitted) {
		return {lines: notFound, error: admitted.error};
	}

	const before = JSON.stringify(old);
	const after = JSON.stringify(metadataOf(admitted.object).labels);
	// kubectl's updateDataChangeMsg: no change, a change, or (without --overwrite) a smaller object.
	let message = 'not labeled';
	if (before !== after) {
		message = !change.isOverwriting && after.length < before.length ? 'unlabeled' : 'labeled';
	}

	return {lines: [...notFound, `${objectReference(admitted.object)} ${message}`], state: before === after ? state : withObject(state, admitted.object)};
}

const labelFlags: readonly FlagSpec[] = [
	{long: 'overwrite', takesValue: false},
	{long: 'all', takesValue: false},
	{long: 'all-namespaces', short: 'A', takesValue: false},
	{long: 'selector', short: 'l', takesValue: true},
	{long: 'list', takesValue: false},
	{long: 'dry-run', takesValue: true},
];

/** `kubectl label`, as the dojo's kubectl registers it. */
export function runLabel(state: ClusterState, argv: readonly string[]): KubectlResult {
	const parsed = parseKubectlArguments(argv, labelFlags, 'label');
	const isPair = (argument: string) => argument.includes('=') || argument.endsWith('-');
	const firstPair = parsed.positionals.findIndex(argument => isPair(argument));
	const resources = firstPair === -1 ? parsed.positionals : parsed.positionals.slice(0, firstPair);
	const pairs = firstPair === -1 ? [] : parsed.positionals.slice(firstPair);
	const misplaced = pairs.find(argument => !isPair(argument));
	if (misplaced !== undefined) {
		return failure(`error: all resources must be specified before label changes: ${misplaced}`);
	}

	if (resources.length === 0) {
		return failure('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
	}

	if (pairs.length === 0 && !booleanFlag(parsed, 'list')) {
		return failure('error: at least one label update is required');
	}

	const change = parseLabelChange(pairs, booleanFlag(parsed, 'overwrite'));
	if ('error' in change) {
		return failure(`error: ${change.error}`);
	}

	const found = objectsNamed(state, resources, {
		namespace: stringFlag(parsed, 'namespace') ?? 'default',
		isAll: booleanFlag(parsed, 'all'),
		isAllNamespaces: booleanFlag(parsed, 'all-namespaces'),
		selector: stringFlag(parsed, 'selector'),
	});
	if (booleanFlag(parsed, 'list')) {
		return {stdout: found.objects.flatMap(object => Object.entries(metadataOf(object).labels).map(([key, value]) => `${key}=${value}\n`)).join(''), stderr: found.errors.map(line => `${line}\n`).join(''), exitCode: found.errors.length > 0 ? 1 : 0};
	}

	const isDryRun = stringFlag(parsed, 'dry-run') !== undefined && stringFlag(parsed, 'dry-run') !== 'none';
	const result = labelObjects(state, found.objects, change);
	const stderr = [...found.errors.map(line => `${line}\n`), result.stderr].join('');
	const {state: changed, ...shown} = result;
	return {...shown, stderr, exitCode: stderr === '' ? 0 : 1, ...(changed === undefined || isDryRun ? {} : {state: changed})};
}

type Scope = {readonly namespace: string; readonly isAll: boolean; readonly isAllNamespaces: boolean; readonly selector: string | undefined};

/** The objects `TYPE NAME...`, `TYPE/NAME...`, `TYPE --all` or `TYPE -l SEL` name, and NotFound for the names not there. */
export function objectsNamed(state: ClusterState, resources: readonly string[], scope: Scope): {readonly objects: readonly RawObject[]; readonly errors: readonly string[]} {
	const objects: RawObject[] = [];
	const errors: string[] = [];
	const named = resources[0]!.includes('/')
		? resources.map(resource => ({type: resource.split('/')[0]!, names: [resource.split('/').slice(1).join('/')]}))
		: [{type: resources[0]!, names: resources.slice(1)}];
	for (const {type, names} of named) {
		const types = resourceTypesNamed(type);
		if ('unknown' in types) {
			errors.push(`error: the server doesn't have a resource type "${types.unknown}"`);
			continue;
		}

		for (const resourceType of types.types) {
			if (names.length === 0) {
				objects.push(...everyObject(state, resourceType.kind, scope, errors));
				continue;
			}

			for (const name of names) {
				const object = findObject(state, resourceType.kind, isNamespaced(resourceType.kind) ? scope.namespace : undefined, name);
				if (object) {
					objects.push(object);
				} else {
					errors.push(`Error from server (NotFound): ${qualifiedResource(resourceType.kind)} ${quoteValue(name)} not found`);
				}
			}
		}
	}

	return {objects, errors};
}

function everyObject(state: ClusterState, kind: string, scope: Scope, errors: string[]): RawObject[] {
	if (!scope.isAll && scope.selector === undefined) {
		errors.push('error: resource(s) were provided, but no name was specified');
		return [];
	}

	const parsed = scope.selector === undefined ? [] : parseSelectorString(scope.selector);
	if ('error' in parsed) {
		errors.push(`error: ${parsed.error}`);
		return [];
	}

	const requirements = Array.isArray(parsed) ? [] : parsed.requirements;
	return state.objects.filter(object => kindOf(object) === kind
		&& (scope.isAllNamespaces || !isNamespaced(kind) || namespaceOf(object) === scope.namespace)
		&& selectorStringMatches(requirements, metadataOf(object).labels));
}

const failure = (message: string): KubectlResult => ({stdout: '', stderr: `${message}\n`, exitCode: 1});
