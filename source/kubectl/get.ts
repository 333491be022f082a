// `kubectl get`: pods, namespaces, networkpolicies, services and the workloads, in kubectl's
// tables (with -n, -A, -l, --show-labels, -o wide) or as -o name, yaml or json. Pure: a state
// and the arguments in, what kubectl would print out.
import {stripControlSequences} from '../model/sanitize.js';
import {type FlagSpec, booleanFlag, parseKubectlArguments, stringFlag} from './arguments.js';
import type {KubectlResult} from './result.js';
import {type ResourceType, notFoundMessage, resourceTypeOf, resourceTypesNamed} from './resources.js';
import {parseSelectorString, selectorStringMatches} from '../kube/selector-string.js';
import {type ClusterState, type RawObject, kindOf, metadataOf, namespaceOf, text} from './state.js';
import {humanDuration, labelSelectorText, labelsText, selectorMapText, table} from './tables.js';

const getFlags: readonly FlagSpec[] = [
	{long: 'all-namespaces', short: 'A', takesValue: false},
	{long: 'selector', short: 'l', takesValue: true},
	{long: 'output', short: 'o', takesValue: true},
	{long: 'show-labels', takesValue: false},
	{long: 'no-headers', takesValue: false},
];

const outputs = ['wide', 'yaml', 'json', 'name'];

type Get = {
	readonly namespace: string;
	readonly isAllNamespaces: boolean;
	readonly output: string | undefined;
	readonly isShowingLabels: boolean;
	readonly hasHeaders: boolean;
	readonly now: number;
	/** When the dojo cluster was made: the age of objects without a creationTimestamp. */
	readonly createdAt: number;
};

/** `kubectl get TYPE[,TYPE] [NAME...]` or `kubectl get TYPE/NAME...` on the state, `now` for the ages. */
export function runGet(state: ClusterState, argv: readonly string[], now: number, yamlText: (value: unknown) => string): KubectlResult {
	const parsed = parseKubectlArguments(argv, getFlags, 'get');
	if (parsed.positionals.length === 0) {
		return failure('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples');
	}

	const output = stringFlag(parsed, 'output');
	if (output !== undefined && !outputs.includes(output)) {
		return failure(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`);
	}

	const targets = targetsOf(parsed.positionals);
	if ('error' in targets) {
		return failure(targets.error);
	}

	const selector = stringFlag(parsed, 'selector');
	const requirements = selector === undefined ? {requirements: []} : parseSelectorString(selector);
	const options: Get = {
		namespace: stringFlag(parsed, 'namespace') ?? 'default',
		isAllNamespaces: booleanFlag(parsed, 'all-namespaces'),
		output,
		isShowingLabels: booleanFlag(parsed, 'show-labels'),
		hasHeaders: !booleanFlag(parsed, 'no-headers'),
		now,
		createdAt: state.createdAt,
	};
	if (targets.names.length > 0) {
		if (selector !== undefined) {
			return failure('error: name cannot be provided when a selector is specified');
		}

		if (options.isAllNamespaces) {
			return failure('error: a resource cannot be retrieved by name across all namespaces');
		}

		return getNamed(state, targets.names, targets.isPrefixed, options, yamlText);
	}

	// The selector goes to the API server, which refuses one that does not parse as a bad request.
	if ('error' in requirements) {
		return failure(`Error from server (BadRequest): Unable to find "${resourceOf(targets.types[0]!)}" that match label selector "${selector!}", field selector "": ${requirements.error}`);
	}

	const inScope = (object: RawObject) => options.isAllNamespaces || namespaceOf(object) === undefined || namespaceOf(object) === options.namespace;
	const matchesSelector = (object: RawObject) => selectorStringMatches(requirements.requirements, metadataOf(object).labels);
	// The API server lists objects in the order of their keys: by namespace, then by name.
	const found = targets.types.map(type => ({type, objects: state.objects.filter(object => kindOf(object) === type.kind && inScope(object) && matchesSelector(object)).sort(byKey)}));
	const objects = found.flatMap(({objects: list}) => list);
	if (output === 'yaml' || output === 'json') {
		return {stdout: serialized(listOf(objects), output, yamlText), stderr: '', exitCode: 0};
	}

	if (objects.length === 0) {
		return {stdout: '', stderr: options.isAllNamespaces ? 'No resources found\n' : `No resources found in ${options.namespace} namespace.\n`, exitCode: 0};
	}

	if (output === 'name') {
		return {stdout: objects.map(object => nameOf(object)).join('\n') + '\n', stderr: '', exitCode: 0};
	}

	const blocks = found.filter(({objects: list}) => list.length > 0).map(({type, objects: list}) => tableOf(type, list, options, targets.isPrefixed));
	return {stdout: blocks.join('\n'), stderr: '', exitCode: 0};
}

type Wanted = {readonly type: ResourceType; readonly name: string};

type Targets = {
	readonly types: readonly ResourceType[];
	readonly names: readonly Wanted[];
	/** Several types asked for (or `all`): kubectl prints each NAME as `kind/name`. */
	readonly isPrefixed: boolean;
};

const separateTypeError = 'error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\'';

/** What the arguments ask for, read as kubectl's ResourceTypeOrNameArgs reads them. */
function targetsOf(positionals: readonly string[]): Targets | {readonly error: string} {
	const [first, ...rest] = positionals;
	if (first!.includes('/')) {
		const names: Wanted[] = [];
		for (const argument of positionals) {
			const at = argument.indexOf('/');
			if (at <= 0 || at === argument.length - 1) {
				return {error: 'error: arguments in resource/name form must have a single resource and name'};
			}

			const named = resourceTypesNamed(argument.slice(0, at));
			if ('unknown' in named) {
				return {error: `error: the server doesn't have a resource type "${named.unknown}"`};
			}

			names.push(...named.types.map(type => ({type, name: argument.slice(at + 1)})));
		}

		return {types: [...new Set(names.map(({type}) => type))], names, isPrefixed: new Set(positionals.map(argument => argument.slice(0, argument.indexOf('/')))).size > 1};
	}

	if (rest.some(argument => argument.includes('/'))) {
		return {error: separateTypeError};
	}

	const named = resourceTypesNamed(first!);
	if ('unknown' in named) {
		return {error: `error: the server doesn't have a resource type "${named.unknown}"`};
	}

	const isPrefixed = first!.split(',').length > 1 || first!.toLowerCase() === 'all';
	return {types: named.types, names: named.types.flatMap(type => rest.map(name => ({type, name}))), isPrefixed};
}

/** The resource as the API server names it in errors: `/v1, Resource=pods`. */
function resourceOf(type: ResourceType): string {
	const group = type.nameprefix.includes('.') ? type.nameprefix.slice(type.nameprefix.indexOf('.') + 1) : '';
	return `${group}/v1, Resource=${type.plural}`;
}

function getNamed(state: ClusterState, wanted: readonly Wanted[], isPrefixed: boolean, options: Get, yamlText: (value: unknown) => string): KubectlResult {
	const found: RawObject[] = [];
	const errors: string[] = [];
	for (const {type, name} of wanted) {
		const object = state.objects.find(candidate => kindOf(candidate) === type.kind && metadataOf(candidate).name === name && (namespaceOf(candidate) === undefined || namespaceOf(candidate) === options.namespace));
		if (object) {
			found.push(object);
		} else {
			errors.push(notFoundMessage(type, name));
		}
	}

	const stderr = errors.map(error => `${error}\n`).join('');
	const exitCode = errors.length > 0 ? 1 : 0;
	if (found.length === 0) {
		return {stdout: '', stderr, exitCode};
	}

	if (options.output === 'yaml' || options.output === 'json') {
		return {stdout: serialized(found.length === 1 ? found[0]! : listOf(found), options.output, yamlText), stderr, exitCode};
	}

	if (options.output === 'name') {
		return {stdout: found.map(object => nameOf(object)).join('\n') + '\n', stderr, exitCode};
	}

	// A new table, after a blank line, each time the kind changes, as kubectl prints objects in the order asked.
	const runs: RawObject[][] = [];
	for (const object of found) {
		const last = runs.at(-1);
		if (last && kindOf(last[0]!) === kindOf(object)) {
			last.push(object);
		} else {
			runs.push([object]);
		}
	}

	return {stdout: runs.map(objects => tableOf(resourceTypeOf(kindOf(objects[0]!))!, objects, options, isPrefixed)).join('\n'), stderr, exitCode};
}

const byKey = (left: RawObject, right: RawObject) => {
	const leftKey = `${namespaceOf(left) ?? ''}/${metadataOf(left).name}`;
	const rightKey = `${namespaceOf(right) ?? ''}/${metadataOf(right).name}`;
	return leftKey < rightKey ? -1 : (leftKey > rightKey ? 1 : 0);
};

const failure = (message: string): KubectlResult => ({stdout: '', stderr: `${message}\n`, exitCode: 1});

/** `-o name`: `pod/web`, `networkpolicy.networking.k8s.io/db-policy`. */
export function nameOf(object: RawObject): string {
	return `${resourceTypeOf(kindOf(object))?.nameprefix ?? kindOf(object).toLowerCase()}/${metadataOf(object).name}`;
}

function listOf(items: readonly RawObject[]): RawObject {
	return {apiVersion: 'v1', items, kind: 'List', metadata: {resourceVersion: ''}};
}

function serialized(value: RawObject, output: 'yaml' | 'json', yamlText: (value: unknown) => string): string {
	const sorted = sortedKeys(value);
	return output === 'json' ? `${JSON.stringify(sorted, undefined, 4)}\n` : yamlText(sorted);
}

// kubectl prints objects through a map: keys in alphabetical order.
function sortedKeys(value: unknown): RawObject {
	if (Array.isArray(value)) {
		return value.map(item => sortedKeys(item)) as unknown as RawObject;
	}

	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.keys(value).sort().map(key => [key, sortedKeys((value as Record<string, unknown>)[key])]));
	}

	return value as RawObject;
}

type Column = {readonly head: string; readonly cell: (object: RawObject, options: Get) => string; readonly isWide?: boolean};

const spec = (object: RawObject) => (object['spec'] ?? {}) as Record<string, unknown>;
const status = (object: RawObject) => (object['status'] ?? {}) as Record<string, unknown>;
const containersOf = (object: RawObject) => ((spec(object)['containers'] ?? []) as Array<Record<string, unknown>>);
const templateSpec = (object: RawObject) => {
	const {template} = spec(object) as {template?: {spec?: Record<string, unknown>}};
	return template?.spec ?? {};
};
const replicas = (object: RawObject) => Number(spec(object)['replicas'] ?? 1);
// An object's age counts from its creationTimestamp, else from when the dojo cluster was made.
const age = (object: RawObject, options: Get) => {
	const written = ((object['metadata'] ?? {}) as Record<string, unknown>)['creationTimestamp'];
	const created = typeof written === 'string' && !Number.isNaN(Date.parse(written)) ? Date.parse(written) : options.createdAt;
	return humanDuration(options.now - created);
};

const columnsByKind: Readonly<Record<string, readonly Column[]>> = {
	Pod: [
		{head: 'READY', cell: object => `${containersOf(object).length}/${containersOf(object).length}`},
		{head: 'STATUS', cell: () => 'Running'},
		{head: 'RESTARTS', cell: () => '0'},
		{head: 'AGE', cell: age},
		{head: 'IP', cell: object => text(status(object)['podIP'], '<none>'), isWide: true},
		{head: 'NODE', cell: object => text(spec(object)['nodeName'], 'dojo-node'), isWide: true},
		{head: 'NOMINATED NODE', cell: () => '<none>', isWide: true},
		{head: 'READINESS GATES', cell: () => '<none>', isWide: true},
	],
	Namespace: [
		{head: 'STATUS', cell: () => 'Active'},
		{head: 'AGE', cell: age},
	],
	NetworkPolicy: [
		{head: 'POD-SELECTOR', cell: object => labelSelectorText(spec(object)['podSelector'])},
		{head: 'AGE', cell: age},
	],
	Service: [
		{head: 'TYPE', cell: object => text(spec(object)['type'], 'ClusterIP')},
		{head: 'CLUSTER-IP', cell: object => text(spec(object)['clusterIP'], '<none>')},
		{head: 'EXTERNAL-IP', cell: () => '<none>'},
		{head: 'PORT(S)', cell: object => servicePorts(object)},
		{head: 'AGE', cell: age},
		{head: 'SELECTOR', cell: object => selectorMapText(spec(object)['selector']), isWide: true},
	],
	Deployment: [
		{head: 'READY', cell: object => `${replicas(object)}/${replicas(object)}`},
		{head: 'UP-TO-DATE', cell: object => String(replicas(object))},
		{head: 'AVAILABLE', cell: object => String(replicas(object))},
		{head: 'AGE', cell: age},
		...workloadWideColumns(),
	],
	StatefulSet: [
		{head: 'READY', cell: object => `${replicas(object)}/${replicas(object)}`},
		{head: 'AGE', cell: age},
		// kubectl's StatefulSet table has no SELECTOR column, even wide.
		...workloadWideColumns().filter(column => column.head !== 'SELECTOR'),
	],
	DaemonSet: [
		{head: 'DESIRED', cell: () => '1'},
		{head: 'CURRENT', cell: () => '1'},
		{head: 'READY', cell: () => '1'},
		{head: 'UP-TO-DATE', cell: () => '1'},
		{head: 'AVAILABLE', cell: () => '1'},
		{head: 'NODE SELECTOR', cell: object => selectorMapText(templateSpec(object)['nodeSelector'])},
		{head: 'AGE', cell: age},
		...workloadWideColumns(),
	],
	ReplicaSet: replicaColumns(),
	ReplicationController: replicaColumns(),
	Job: [
		{head: 'STATUS', cell: () => 'Complete'},
		{head: 'COMPLETIONS', cell: object => `${Number(spec(object)['completions'] ?? 1)}/${Number(spec(object)['completions'] ?? 1)}`},
		{head: 'DURATION', cell: () => '5s'},
		{head: 'AGE', cell: age},
		...workloadWideColumns(),
	],
	CronJob: [
		{head: 'SCHEDULE', cell: object => text(spec(object)['schedule'], '')},
		{head: 'TIMEZONE', cell: object => text(spec(object)['timeZone'], '<none>')},
		{head: 'SUSPEND', cell: object => (spec(object)['suspend'] === true ? 'True' : 'False')},
		{head: 'ACTIVE', cell: () => '0'},
		{head: 'LAST SCHEDULE', cell: () => '<none>'},
		{head: 'AGE', cell: age},
		...workloadWideColumns(object => {
			const {jobTemplate} = spec(object) as {jobTemplate?: RawObject};
			return jobTemplate ?? {};
		}),
	],
};

function replicaColumns(): Column[] {
	return [
		{head: 'DESIRED', cell: object => String(replicas(object))},
		{head: 'CURRENT', cell: object => String(replicas(object))},
		{head: 'READY', cell: object => String(replicas(object))},
		{head: 'AGE', cell: age},
		...workloadWideColumns(),
	];
}

/** CONTAINERS, IMAGES and SELECTOR of -o wide, read from the workload (or a CronJob's jobTemplate). */
function workloadWideColumns(workloadOf: (object: RawObject) => RawObject = object => object): Column[] {
	const containers = (object: RawObject) => ((templateSpec(workloadOf(object))['containers'] ?? []) as Array<Record<string, unknown>>);
	return [
		{head: 'CONTAINERS', cell: object => containers(object).map(container => text(container['name'], '')).join(','), isWide: true},
		{head: 'IMAGES', cell: object => containers(object).map(container => text(container['image'], '')).join(','), isWide: true},
		{head: 'SELECTOR', cell: object => labelSelectorText(spec(workloadOf(object))['selector']), isWide: true},
	];
}

function servicePorts(object: RawObject): string {
	const ports = (spec(object)['ports'] ?? []) as Array<Record<string, unknown>>;
	return ports.length === 0 ? '<none>' : ports.map(port => `${text(port['port'], '')}${port['nodePort'] === undefined ? '' : `:${text(port['nodePort'], '')}`}/${text(port['protocol'], 'TCP')}`).join(',');
}

function tableOf(type: ResourceType, objects: readonly RawObject[], options: Get, isPrefixed: boolean): string {
	const columns = (columnsByKind[type.kind] ?? [{head: 'AGE', cell: age}]).filter(column => column.isWide !== true || options.output === 'wide');
	const heads = [...(options.isAllNamespaces && type.kind !== 'Namespace' ? ['NAMESPACE'] : []), 'NAME', ...columns.map(column => column.head), ...(options.isShowingLabels ? ['LABELS'] : [])];
	const rows = objects.map(object => [
		...(options.isAllNamespaces && type.kind !== 'Namespace' ? [namespaceOf(object) ?? ''] : []),
		isPrefixed ? nameOf(object) : metadataOf(object).name,
		...columns.map(column => column.cell(object, options)),
		...(options.isShowingLabels ? [labelsText(metadataOf(object).labels)] : []),
	]);
	const cleanRows = rows.map(row => row.map(cell => stripControlSequences(cell).replaceAll(/[\t\n]/g, ' ')));
	return table(options.hasHeaders ? [heads, ...cleanRows] : cleanRows);
}
