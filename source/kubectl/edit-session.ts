// The I/O of `kubectl edit`: the temp file kubectl makes (`kubectl-edit-*.yaml` in the temp
// folder, readable by its owner only), the editor kubectl runs ($KUBE_EDITOR, else $EDITOR, else
// vi, through the shell so that `code --wait` works, with the terminal handed over), and YAML
// written as kubectl writes it and read as kubectl reads it.
import {spawnSync} from 'node:child_process';
import {randomInt} from 'node:crypto';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type * as YamlModule from 'yaml';
import {documentsOf} from '../content/documents.js';
import {InputError, formatProblem} from '../model/input-error.js';
import {type EditSession, editObject, objectToEdit} from './edit.js';
import {canonical} from './admission.js';
import {qualifiedResource} from './object-names.js';
import type {KubectlResult} from './result.js';
import {StateFileError, readState, updateState} from './state-file.js';
import {type ClusterState, type RawObject, findObject, kindOf, metadataOf, namespaceOf, withObject} from './state.js';
import {quoteValue} from '../model/sanitize.js';

/** The editor kubectl edit runs. */
export function kubectlEditor(env: Readonly<Record<string, string | undefined>>): string {
	return env['KUBE_EDITOR']?.trim() || env['EDITOR']?.trim() || 'vi';
}

function createTempFile(text: string): string {
	for (;;) {
		const file = path.join(tmpdir(), `kubectl-edit-${randomInt(1_000_000_000)}.yaml`);
		try {
			writeFileSync(file, text, {flag: 'wx', mode: 0o600});
			return file;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}
	}
}

function runEditor(file: string): string | undefined {
	const editor = kubectlEditor(process.env);
	const result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, editor, file], {stdio: 'inherit'});
	return result.error !== undefined || result.status !== 0 ? `there was a problem with the editor ${JSON.stringify(editor)}` : undefined;
}

function readYaml(text: string, file: string): {readonly values: readonly unknown[]} | {readonly error: string} {
	try {
		return {values: documentsOf(text, file).map(document => document.value)};
	} catch (error) {
		if (error instanceof InputError) {
			return {error: error.problems[0] ? formatProblem(error.problems[0]) : error.message};
		}

		throw error;
	}
}

// Loaded only by edit: `kubectl get pods` never loads a YAML writer.
function yamlText(value: unknown): string {
	const yaml = createRequire(import.meta.url)('yaml') as typeof YamlModule;
	// YAML 1.1 quotes the strings kubectl's reader would take for booleans (a label value `yes`).
	return yaml.stringify(value, {indentSeq: false, lineWidth: 0, version: '1.1'});
}

const session: EditSession = {
	createFile: createTempFile,
	writeFile: (file, text) => writeFileSync(file, text),
	readFile: file => readFileSync(file, 'utf8'),
	removeFile: file => rmSync(file, {force: true}),
	runEditor,
	yamlText,
	readYaml,
};

/** `kubectl edit` on a state held by the caller (the whole edit under its lock). */
export function runEdit(state: ClusterState, argv: readonly string[]): KubectlResult {
	const target = objectToEdit(state, argv);
	if ('error' in target) {
		return {stdout: '', stderr: `${target.error}\n`, exitCode: 1};
	}

	return editObject(state, target.object, session);
}

/**
`kubectl edit` on the cluster in `file`, as main runs it: the state is read without its lock,
which is taken only to write the edit. A lock held while a learner sits in vi would stop every
other kubectl, and after ten seconds be taken for abandoned and broken, so that a change made
meanwhile would be lost. The object is written only if it is still as it was read, as the API
server refuses an update of an object modified since (kubectl's Conflict wording).
*/
export function editOnFile(file: string, argv: readonly string[]): KubectlResult {
	const state = readState(file);
	if (!state) {
		throw new StateFileError(`the dojo cluster ${file} is missing; open the challenge's shell again (netpol-dojo shell CHALLENGE)`);
	}

	const target = objectToEdit(state, argv);
	if ('error' in target) {
		return {stdout: '', stderr: `${target.error}\n`, exitCode: 1};
	}

	return editObject(state, target.object, {...session, commit: (original, edited, editedFile) => commitEdit(file, original, edited, editedFile)});
}

function commitEdit(file: string, original: RawObject, edited: RawObject, editedFile: string): string | undefined {
	const resource = `${qualifiedResource(kindOf(original))} ${quoteValue(metadataOf(original).name)}`;
	const {refusal} = updateState(file, current => {
		const now = current ? findObject(current, kindOf(original), namespaceOf(original), metadataOf(original).name) : undefined;
		if (!current || !now) {
			return {refusal: `error: ${resource} could not be found on the server\nThe edits you made on deleted resources have been saved to ${quoteValue(editedFile)}\n`};
		}

		if (canonical(now) !== canonical(original)) {
			return {refusal: `error: ${resource} could not be patched: Operation cannot be fulfilled on ${resource}: the object has been modified; please apply your changes to the latest version and try again\nYou can run \`kubectl replace -f ${editedFile}\` to try this update again.\n`};
		}

		return {refusal: undefined, state: withObject(current, edited)};
	});
	return refusal;
}
