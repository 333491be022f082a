// `kubectl apply|create|replace -f FILE|DIR|-`: every object admitted as the API server would
// (admission.ts) and written to the dojo's cluster, one line each as kubectl prints it
// (`networkpolicy.networking.k8s.io/db-policy created`), the errors after, exit 1 if any.
// writeObjects is pure; the run* functions read the files and hand their objects in.
import {quoteValue} from '../model/sanitize.js';
import {type Submission, admit, canonical, mappingError, missingNamespace, whenText} from './admission.js';
import {type FlagSpec, booleanFlag, parseKubectlArguments, stringFlag} from './arguments.js';
import {type ManifestObject, readManifests, takeFilenames} from './manifest-input.js';
import {objectReference, qualifiedResource} from './object-names.js';
import type {KubectlResult} from './result.js';
import {type ClusterState, type RawObject, findObject, isNamespaced, kindOf, metadataOf, withObject} from './state.js';

export type WriteVerb = 'apply' | 'create' | 'replace';

export type WriteOptions = {
	readonly verb: WriteVerb;
	/** The -n flag. */
	readonly namespace?: string;
	/** `--dry-run=client|server`: say what would be done, change nothing. */
	readonly dryRun?: 'client' | 'server';
	/** `-o name`: only the objects' names. */
	readonly isNameOutput?: boolean;
};

const pastTense: Readonly<Record<WriteVerb, string>> = {apply: 'created', create: 'created', replace: 'replaced'};

/** Writes the objects in order (a Namespace first in a file serves the objects after it). */
export function writeObjects(state: ClusterState, objects: readonly ManifestObject[], options: WriteOptions): KubectlResult {
	let next = state;
	const lines: string[] = [];
	const errors: string[] = [];
	const warnings: string[] = [];
	for (const {source, value} of objects) {
		const outcome = writeObject(next, source, value, options);
		if ('error' in outcome) {
			errors.push(outcome.error);
			continue;
		}

		warnings.push(...outcome.warnings);
		next = outcome.state;
		const suffix = options.dryRun === undefined ? '' : (options.dryRun === 'client' ? ' (dry run)' : ' (server dry run)');
		lines.push(options.isNameOutput === true ? outcome.reference : `${outcome.reference} ${outcome.result}${suffix}`);
	}

	const isChanged = options.dryRun === undefined && next !== state;
	return {
		stdout: lines.map(line => `${line}\n`).join(''),
		stderr: [...warnings, ...errors].map(line => `${line}\n`).join(''),
		exitCode: errors.length > 0 ? 1 : 0,
		...(isChanged ? {state: next} : {}),
	};
}

type Outcome = {readonly state: ClusterState; readonly reference: string; readonly result: string; readonly warnings: readonly string[]} | {readonly error: string};

function writeObject(state: ClusterState, source: string, value: unknown, options: WriteOptions): Outcome {
	const unmapped = mappingError(value, {source, verb: 'creating'});
	if (unmapped !== undefined) {
		return {error: unmapped};
	}

	const written = value as RawObject;
	const kind = kindOf(written);
	const {name} = metadataOf(written);
	const namespace = isNamespaced(kind) ? metadataOf(written).namespace ?? options.namespace ?? 'default' : undefined;
	const existing = findObject(state, kind, namespace, name);
	const notFound = (verb: string, reason: string, detail: string) => ({error: `Error from server (${reason}): ${whenText({source, verb})}${qualifiedResource(kind)} ${quoteValue(name)} ${detail}`});
	if (options.verb === 'create' && existing) {
		return notFound('creating', 'AlreadyExists', 'already exists');
	}

	if (options.verb === 'replace' && !existing) {
		return notFound('replacing', 'NotFound', 'not found');
	}

	const submission: Submission = {source, verb: existing ? (options.verb === 'replace' ? 'replacing' : 'patching') : 'creating'};
	const admitted = admit(state, written, submission, options.namespace, existing);
	if ('error' in admitted) {
		return admitted;
	}

	const absentNamespace = missingNamespace(state, admitted.object, submission);
	if (absentNamespace !== undefined) {
		return {error: absentNamespace};
	}

	const reference = objectReference(admitted.object);
	if (existing && canonical(withNamespace(existing)) === canonical(admitted.object)) {
		return {state, reference, result: options.verb === 'replace' ? 'replaced' : 'unchanged', warnings: admitted.warnings};
	}

	const result = existing && options.verb === 'apply' ? 'configured' : pastTense[options.verb];
	return {state: withObject(state, admitted.object), reference, result, warnings: admitted.warnings};
}

// A namespaced object of the challenge's files may have its namespace implied; a kept one has it written.
function withNamespace(object: RawObject): RawObject {
	const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
	return isNamespaced(kindOf(object)) && metadata['namespace'] === undefined ? {...object, metadata: {...metadata, namespace: 'default'}} : object;
}

const writeFlags: readonly FlagSpec[] = [
	{long: 'recursive', short: 'R', takesValue: false},
	{long: 'dry-run', takesValue: true},
	{long: 'output', short: 'o', takesValue: true},
	{long: 'validate', takesValue: true},
	{long: 'force', takesValue: false},
	{long: 'save-config', takesValue: false},
];

/** Reads -f and the flags of apply, create or replace, then writes the objects. */
function runWrite(verb: WriteVerb, state: ClusterState, argv: readonly string[]): KubectlResult {
	const {filenames, rest} = takeFilenames(argv);
	const parsed = parseKubectlArguments(rest, writeFlags, verb);
	if (verb === 'create' && filenames.length === 0 && ['namespace', 'ns'].includes(parsed.positionals[0] ?? '')) {
		return createNamespace(state, parsed.positionals[1], stringFlag(parsed, 'dry-run'));
	}

	if (filenames.length === 0) {
		return failure(verb === 'apply' ? 'error: must specify one of -f and -k' : `error: must specify one of -f and -k\n\nSee 'kubectl ${verb} -h' for help and examples`);
	}

	if (parsed.positionals.length > 0) {
		return failure(`error: Unexpected args: [${parsed.positionals.join(' ')}]\nSee 'kubectl ${verb} -h' for help and examples`);
	}

	const dryRun = dryRunOf(stringFlag(parsed, 'dry-run'));
	if (dryRun === 'invalid') {
		return failure(`error: Invalid dry-run value (${stringFlag(parsed, 'dry-run') ?? ''}). Must be "none", "server", or "client".`);
	}

	const output = stringFlag(parsed, 'output');
	if (output !== undefined && output !== 'name') {
		return failure(`error: the dojo's kubectl prints only -o name when it ${verb === 'apply' ? 'applies' : `${verb}s`} objects`);
	}

	const input = readManifests(filenames, booleanFlag(parsed, 'recursive'), verb);
	if ('error' in input) {
		return failure(input.error);
	}

	const namespace = stringFlag(parsed, 'namespace');
	return writeObjects(state, input.objects, {verb, ...(namespace === undefined ? {} : {namespace}), ...(dryRun === undefined ? {} : {dryRun}), isNameOutput: output === 'name'});
}

function dryRunOf(value: string | undefined): 'client' | 'server' | undefined | 'invalid' {
	if (value === undefined || value === 'none') {
		return undefined;
	}

	return value === 'client' || value === 'server' ? value : 'invalid';
}

function createNamespace(state: ClusterState, name: string | undefined, dryRun: string | undefined): KubectlResult {
	if (name === undefined) {
		return failure('error: exactly one NAME is required, got 0\nSee \'kubectl create namespace -h\' for help and examples');
	}

	const namespace: RawObject = {apiVersion: 'v1', kind: 'Namespace', metadata: {name}};
	const isDryRun = dryRunOf(dryRun) !== undefined;
	// Made on the command line, the object has no file to name in an error.
	return writeObjects(state, [{source: '', value: namespace}], {verb: 'create', ...(isDryRun ? {dryRun: 'client'} : {})});
}

const failure = (message: string): KubectlResult => ({stdout: '', stderr: `${message}\n`, exitCode: 1});

export const runApply = (state: ClusterState, argv: readonly string[]) => runWrite('apply', state, argv);
export const runCreate = (state: ClusterState, argv: readonly string[]) => runWrite('create', state, argv);
export const runReplace = (state: ClusterState, argv: readonly string[]) => runWrite('replace', state, argv);
