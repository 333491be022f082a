// `kubectl edit TYPE NAME [-n NS]`: the object as YAML in a temp file, the learner's editor on it,
// and what they saved applied as kubectl edit applies it: no change cancels; a change the API
// server refuses as invalid reopens the file with the reasons on top, and saving it unchanged
// then gives up keeping the file; a change it cannot decode keeps the file and says to replace
// it. editObject is pure but for the session it is given (files and the editor).
import {quoteValue} from '../model/sanitize.js';
import {admit, canonical} from './admission.js';
import {type FlagSpec, parseKubectlArguments} from './arguments.js';
import {objectsNamed} from './label.js';
import {objectReference, qualifiedResource} from './object-names.js';
import type {KubectlResult} from './result.js';
import {type ClusterState, type RawObject, isNamespaced, kindOf, metadataOf, withObject} from './state.js';

/** What edit needs from outside: a temp file, the editor, and YAML both ways. */
export type EditSession = {
	/** Makes a new temp file holding `text` and gives its path. */
	readonly createFile: (text: string) => string;
	readonly writeFile: (file: string, text: string) => void;
	readonly readFile: (file: string) => string;
	readonly removeFile: (file: string) => void;
	/** Runs the editor on the file; why it could not, or undefined. */
	readonly runEditor: (file: string) => string | undefined;
	readonly yamlText: (value: unknown) => string;
	/** The values of a YAML text, or why it does not read. */
	readonly readYaml: (text: string, file: string) => {readonly values: readonly unknown[]} | {readonly error: string};
	/**
	Writes the edited object to the cluster as it is now (the editor may have been open for
	minutes, and the state read before it is not held), or says why not, for stderr. Without it,
	editObject gives back the state it was given with the edit in it.
	*/
	readonly commit?: (original: RawObject, edited: RawObject, file: string) => string | undefined;
};

const header = '# Please edit the object below. Lines beginning with a \'#\' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n';

type Reason = {readonly head: string; readonly causes: readonly string[]};

// kubectl's editReason.writeTo.
function reasonText(reason: Reason): string {
	return reason.causes.length === 0 ? `# ${reason.head}\n` : `# ${reason.head}:\n${reason.causes.map(cause => `# * ${cause}\n`).join('')}#\n`;
}

const withoutComments = (text: string) => text.split('\n').filter(line => !line.trimStart().startsWith('#')).join('\n');

/** At most this many rounds: an editor that changes the file every time cannot keep edit going for ever. */
const maxRounds = 20;

/** Edits one object of the state through the session. */
export function editObject(state: ClusterState, object: RawObject, session: EditSession): KubectlResult {
	const resource = `${qualifiedResource(kindOf(object))} ${quoteValue(metadataOf(object).name)}`;
	const shown = JSON.parse(canonical(withNamespace(object))) as RawObject;
	const original = session.yamlText(shown);
	const file = session.createFile(header + original);
	let previous: string | undefined;
	const errors: string[] = [];
	// The errors so far, then where the file is kept, then why edit ends.
	const kept = (final: string): KubectlResult => ({stdout: '', stderr: `${errors.join('')}A copy of your changes has been stored to ${quoteValue(file)}\n${final}`, exitCode: 1});
	for (let round = 0; round < maxRounds; round++) {
		const editorProblem = session.runEditor(file);
		if (editorProblem !== undefined) {
			return kept(`error: ${editorProblem}\n`);
		}

		const edited = withoutComments(session.readFile(file));
		if (previous !== undefined && edited === previous) {
			return kept('error: Edit cancelled, no valid changes were saved.\n');
		}

		const stderr = errors.join('');
		if (edited.trim() === '') {
			session.removeFile(file);
			return {stdout: '', stderr: `${stderr}Edit cancelled, saved file was empty.\n`, exitCode: 0};
		}

		const read = edited === withoutComments(original) ? {values: [shown]} : session.readYaml(edited, file);
		let reason: Reason;
		if ('error' in read) {
			reason = {head: `The edited file had a syntax error: ${read.error}`, causes: []};
		} else {
			const values = read.values.filter(value => value !== null && value !== undefined);
			if (values.length === 1 && canonical(values[0]) === canonical(shown)) {
				session.removeFile(file);
				return {stdout: '', stderr: `${stderr}Edit cancelled, no changes made.\n`, exitCode: 0};
			}

			const outcome = saved(state, object, values, resource, file);
			if ('state' in outcome) {
				const refused = session.commit?.(object, outcome.object, file);
				if (refused !== undefined) {
					return {stdout: '', stderr: `${stderr}${refused}`, exitCode: 1};
				}

				session.removeFile(file);
				return {stdout: `${objectReference(object)} edited\n`, stderr, exitCode: 0, ...(session.commit ? {} : {state: outcome.state})};
			}

			if ('final' in outcome) {
				return 'retry' in outcome ? {stdout: '', stderr: `${stderr}${outcome.final}`, exitCode: 1} : kept(outcome.final);
			}

			errors.push(`error: ${resource} is invalid\n`);
			reason = outcome.reason;
		}

		previous = edited;
		session.writeFile(file, header + reasonText(reason) + edited);
	}

	return kept('error: Edit cancelled, no valid changes were saved.\n');
}

/** `final`: edit ends there, keeping the file (and saying so unless `retry`, which says how to retry instead). */
type Saved = {readonly state: ClusterState; readonly object: RawObject} | {readonly reason: Reason} | {readonly final: string; readonly retry?: true};

function saved(state: ClusterState, object: RawObject, values: readonly unknown[], resource: string, file: string): Saved {
	const [value] = values;
	if (values.length !== 1 || value === null || typeof value !== 'object' || Array.isArray(value)) {
		return {reason: {head: 'The edited file must hold the one object being edited', causes: []}};
	}

	const edited = value as RawObject;
	const isSame = kindOf(edited) === kindOf(object) && edited['apiVersion'] === (object['apiVersion'] ?? edited['apiVersion']) && metadataOf(edited).name === metadataOf(object).name;
	if (!isSame) {
		return {final: 'error: At least one of apiVersion, kind and name was changed\n'};
	}

	const namespace = isNamespaced(kindOf(object)) ? metadataOf(object).namespace ?? 'default' : undefined;
	const admitted = admit(state, edited, {verb: 'patching'}, namespace, object);
	if (!('error' in admitted)) {
		return {state: withObject(state, admitted.object), object: admitted.object};
	}

	if (admitted.causes) {
		return {reason: {head: `${resource} was not valid`, causes: admitted.causes}};
	}

	const message = admitted.badRequest ?? admitted.error.replace(/^error: /, '');
	return {final: `error: ${resource} could not be patched: ${message}\nYou can run \`kubectl replace -f ${file}\` to try this update again.\n`, retry: true};
}

function withNamespace(object: RawObject): RawObject {
	const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
	return isNamespaced(kindOf(object)) && metadata['namespace'] === undefined ? {...object, metadata: {...metadata, namespace: 'default'}} : object;
}

const editFlags: readonly FlagSpec[] = [
	{long: 'output', short: 'o', takesValue: true},
];

/** The object `kubectl edit` names, or kubectl's error. */
export function objectToEdit(state: ClusterState, argv: readonly string[]): {readonly object: RawObject} | {readonly error: string} {
	const parsed = parseKubectlArguments(argv, editFlags, 'edit');
	if (parsed.positionals.length === 0) {
		return {error: 'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\''};
	}

	const found = objectsNamed(state, parsed.positionals, {namespace: parsed.flags.get('namespace') as string | undefined ?? 'default', isAll: false, isAllNamespaces: false, selector: undefined});
	if (found.errors.length > 0) {
		return {error: found.errors.join('\n')};
	}

	if (found.objects.length !== 1) {
		return {error: 'error: the dojo\'s kubectl edits one object at a time: name one (kubectl edit netpol NAME)'};
	}

	return {object: found.objects[0]!};
}
