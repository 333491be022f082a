// `netpol-dojo shell CHALLENGE [--pack DIR]`: the exam's terminal, offline. Opens the learner's
// own shell in their work folder with `kubectl` and `k` bound to the challenge's cluster (kept
// in the data folder, changed by what they apply), and grades that cluster when they leave.
import {chmodSync, mkdirSync, readFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {documentsOf} from '../content/documents.js';
import {InputError} from '../content/input-error.js';
import {loadPack} from '../content/pack.js';
import {builtModule} from '../content/paths.js';
import {writeFileAtomic} from '../content/atomic-file.js';
import type {Challenge} from '../content/challenge-types.js';
import {similarTo} from '../format/similar.js';
import {grade, type GradeReport} from '../grading/grade.js';
import {loadedClusterOf} from '../kubectl/cluster-of-state.js';
import {shellLaunch} from '../kubectl/launch.js';
import {readState, stateFile, writeState} from '../kubectl/state-file.js';
import {type ClusterState, type RawObject, newClusterState} from '../kubectl/state.js';
import {challengeKey} from '../progress/challenge-model.js';
import {dataDirectory} from '../progress/store.js';
import {gradeText} from './grade.js';
import type {CommandIo} from './io.js';

export type ShellOptions = {
	readonly challengeId: string;
	readonly packDirectory: string;
	readonly env: Readonly<Record<string, string | undefined>>;
};

/** Opens the shell, waits for it, grades the cluster: exit 0 passed, 1 not yet, 2 bad input. */
export function runShell(options: ShellOptions, io: CommandIo): number {
	const {pack, challenges} = loadPack(options.packDirectory);
	const challenge = challenges.find(candidate => candidate.id === options.challengeId);
	if (!challenge) {
		const [guess] = similarTo(options.challengeId, challenges.map(candidate => candidate.id));
		throw new InputError([{file: options.packDirectory, message: `has no challenge ${JSON.stringify(options.challengeId)}${guess ? ` (did you mean ${guess}?)` : ''}; netpol-dojo challenges lists them`}]);
	}

	const data = dataDirectory(options.env);
	const file = stateFile(data, pack.id, challenge.id);
	if (!readState(file)) {
		writeState(file, newClusterState(challengeKey(pack.id, challenge.id), challengeObjects(challenge), Date.now()));
	}

	const work = path.join(data, 'work', pack.id);
	mkdirSync(work, {recursive: true});
	const launch = shellLaunch({
		shell: options.env['SHELL'],
		env: options.env,
		shellDirectory: path.join(data, 'shell', pack.id, challenge.id),
		stateFile: file,
		nodePath: process.execPath,
		kubectlScript: builtModule('kubectl/main.js'),
		label: challenge.id,
	});
	for (const {file: target, text, isProgram} of launch.files) {
		writeFileAtomic(target, text);
		if (isProgram) {
			chmodSync(target, 0o755);
		}
	}

	io.stderr(`The dojo's terminal for ${challenge.id}: kubectl and k work on the challenge's cluster (never a real one). Leave with exit or Ctrl-D to have it graded.\n`);
	const result = spawnSync(launch.command, launch.args, {stdio: 'inherit', cwd: work, env: launch.env});
	if (result.error) {
		throw new InputError([{file: launch.command, message: `could not be started (${result.error.message}); set $SHELL to a shell you have`}]);
	}

	const report = gradeClusterState(challenge, readState(file)!);
	io.stdout(gradeText(report));
	return report.passed ? 0 : 1;
}

/** The challenge's cluster as the objects its cluster.yaml holds, as kubectl would have them. */
export function challengeObjects(challenge: Challenge): RawObject[] {
	const folder = challenge.source?.folder;
	if (folder === undefined) {
		return [];
	}

	const file = path.join(folder, 'cluster.yaml');
	return documentsOf(readFileSync(file, 'utf8'), file).flatMap(document => listItems(document.value));
}

function listItems(value: unknown): RawObject[] {
	if (value === null || typeof value !== 'object') {
		return [];
	}

	const record = value as RawObject;
	return record['kind'] === 'List' && Array.isArray(record['items']) ? record['items'] as RawObject[] : [record];
}

/** Grades the policies of the cluster as it is now: the learner's, applied or kept from the start. */
export function gradeClusterState(challenge: Challenge, state: ClusterState): GradeReport {
	const {objects} = loadedClusterOf(state);
	// The cluster as the learner left it: its policies whole (a deleted one counts), the labels
	// they set on the challenge's namespaces and pods; test pods they ran are not the answer.
	return grade(challenge, objects.policies, {isWholeCluster: true, relabelling: {namespaces: objects.namespaces, pods: objects.pods}});
}
