// `kubectl describe TYPE [NAME...]` (or TYPE/NAME) for the kinds a NetworkPolicy task reads:
// networkpolicies, pods, namespaces, services. As kubectl: no name describes every object of the
// type in the namespace (-A: in all), one name that is no object describes those it begins, and
// pages are separated by two blank lines. Pure: the state and arguments in, the output out.
import {type FlagSpec, booleanFlag, parseKubectlArguments, stringFlag} from './arguments.js';
import {describeNetworkPolicy} from './describe-networkpolicy.js';
import {describeNamespace, describePod, describeService} from './describe-objects.js';
import {notFoundMessage, resourceTypesNamed, type ResourceType} from './resources.js';
import type {KubectlResult} from './result.js';
import {parseSelectorString, selectorStringMatches} from '../kube/selector-string.js';
import {type ClusterState, type RawObject, kindOf, metadataOf, namespaceOf} from './state.js';

const describeFlags: readonly FlagSpec[] = [
	{long: 'all-namespaces', short: 'A', takesValue: false},
	{long: 'selector', short: 'l', takesValue: true},
	{long: 'show-events', takesValue: false},
];

type Describer = (object: RawObject, state: ClusterState) => string;

const describers: Readonly<Record<string, Describer>> = {
	NetworkPolicy: (object, state) => describeNetworkPolicy(object, state.createdAt),
	Pod: (object, state) => describePod(object, state.createdAt),
	Namespace: object => describeNamespace(object),
	Service: (object, state) => describeService(object, state),
};

const failure = (message: string): KubectlResult => ({stdout: '', stderr: `${message}\n`, exitCode: 1});

export function runDescribe(state: ClusterState, argv: readonly string[]): KubectlResult {
	const parsed = parseKubectlArguments(argv, describeFlags, 'describe');
	const [typeArgument, ...rest] = parsed.positionals;
	if (typeArgument === undefined) {
		return failure('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
	}

	const [typeName, slashName] = splitSlash(typeArgument);
	const named = resourceTypesNamed(typeName);
	if ('unknown' in named) {
		return failure(`error: the server doesn't have a resource type "${named.unknown}"`);
	}

	const [type] = named.types;
	if (named.types.length !== 1 || !type || !describers[type.kind]) {
		return failure(`error: the dojo's kubectl describes networkpolicies, pods, services and namespaces only (kubectl get ${typeName} lists the others)`);
	}

	const selector = stringFlag(parsed, 'selector');
	const requirements = selector === undefined ? {requirements: []} : parseSelectorString(selector);
	if ('error' in requirements) {
		return failure(`error: ${requirements.error}`);
	}

	const namespace = stringFlag(parsed, 'namespace') ?? 'default';
	const isAllNamespaces = booleanFlag(parsed, 'all-namespaces');
	const inScope = (object: RawObject) => kindOf(object) === type.kind
		&& (isAllNamespaces || namespaceOf(object) === undefined || namespaceOf(object) === namespace)
		&& selectorStringMatches(requirements.requirements, metadataOf(object).labels);
	const names = slashName === undefined ? rest : [slashName, ...rest];
	const describe = describers[type.kind]!;
	if (names.length === 0) {
		const objects = state.objects.filter(object => inScope(object)).sort(byKey);
		if (objects.length === 0) {
			return {stdout: '', stderr: isAllNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`, exitCode: 0};
		}

		return {stdout: objects.map(object => describe(object, state)).join('\n\n'), stderr: '', exitCode: 0};
	}

	if (selector !== undefined) {
		return failure('error: name cannot be provided when a selector is specified');
	}

	// A name is looked up in one namespace, even with -A.
	return describeNamed(state, type, names, object => kindOf(object) === type.kind && (namespaceOf(object) === undefined || namespaceOf(object) === namespace), describe);
}

function describeNamed(state: ClusterState, type: ResourceType, names: readonly string[], inScope: (object: RawObject) => boolean, describe: Describer): KubectlResult {
	const candidates = state.objects.filter(object => inScope(object)).sort(byKey);
	const found: RawObject[] = [];
	const errors: string[] = [];
	for (const name of names) {
		const object = candidates.find(candidate => metadataOf(candidate).name === name);
		if (object) {
			found.push(object);
		} else {
			errors.push(notFoundMessage(type, name));
		}
	}

	// One name that is no object: kubectl describes every object whose name begins with it.
	if (names.length === 1 && found.length === 0) {
		const prefixed = candidates.filter(candidate => metadataOf(candidate).name.startsWith(names[0]!));
		if (prefixed.length > 0) {
			return {stdout: prefixed.map(object => `${describe(object, state)}\n`).join(''), stderr: '', exitCode: 0};
		}
	}

	return {
		stdout: found.map(object => describe(object, state)).join('\n\n'),
		stderr: errors.map(error => `${error}\n`).join(''),
		exitCode: errors.length > 0 ? 1 : 0,
	};
}

function splitSlash(argument: string): [string, string | undefined] {
	const at = argument.indexOf('/');
	return at === -1 ? [argument, undefined] : [argument.slice(0, at), argument.slice(at + 1)];
}

const byKey = (left: RawObject, right: RawObject) => {
	const leftKey = `${namespaceOf(left) ?? ''}/${metadataOf(left).name}`;
	const rightKey = `${namespaceOf(right) ?? ''}/${metadataOf(right).name}`;
	return leftKey < rightKey ? -1 : (leftKey > rightKey ? 1 : 0);
};
