// `netpol-dojo shell CHALLENGE [--pack DIR]`: the exam's terminal, offline. Opens the learner's
// own shell in their work folder with `kubectl` and `k` bound to the challenge's cluster (kept
// in the data folder, changed by what they apply), and grades that cluster when they leave.
import {chmodSync, readFileSync, rmSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {documentsOf} from '../content/documents.js';
import {InputError} from '../model/input-error.js';
import {loadPack} from './load-content.js';
import {builtModule} from '../content/paths.js';
import {writeFileAtomic} from '../content/atomic-file.js';
import type {Challenge} from '../model/challenge.js';
import {similarTo} from '../model/similar.js';
import {grade, type GradeReport} from '../grading/grade.js';
import {relabellingOf} from '../model/relabelling.js';
import {listItems} from '../kube/objects.js';
import type {ClusterObjects} from '../model/kubernetes.js';
import {loadedClusterOf} from '../kubectl/cluster-of-state.js';
import {shellLaunch} from '../kubectl/launch.js';
import {historyFile, readHistory, readState, stateFile, writeState} from '../kubectl/state-file.js';
import {type ClusterState, type RawObject, newClusterState} from '../kubectl/state.js';
import {challengeKey} from '../progress/challenge-model.js';
import {dataDirectory} from '../progress/store.js';
import {prepareWorkFile, workFile} from '../progress/workspace.js';
import {taskFileText} from '../format/task-file.js';
import type {Terminal} from './editor.js';
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

	const file = workFile(dataDirectory(options.env), pack.id, challenge.id);
	io.stderr(`The dojo's terminal for ${challenge.id}: kubectl and k work on the challenge's cluster (never a real one). Leave with exit or Ctrl-D to have it graded.\n`);
	const failure = openShellSession({challenge, key: challengeKey(pack.id, challenge.id), workFile: file, env: options.env, initialText: taskFileText(challenge)});
	if (failure !== undefined) {
		throw new InputError([{file: options.env['SHELL'] ?? 'sh', message: failure}]);
	}

	const report = gradeClusterState(challenge, readState(stateFile(file))!);
	io.stdout(gradeText(report, 'your cluster'));
	return report.passed ? 0 : 1;
}

export type ShellSession = {
	readonly challenge: Challenge;
	/** `<pack id>/<challenge id>`. */
	readonly key: string;
	/** The learner's work file: the shell opens in its folder, and its cluster is kept beside it. */
	readonly workFile: string;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** The work file's first text (the task as comments, then the skeleton), made if it is missing. */
	readonly initialText: string;
	/** The app's terminal: raw mode is off while the shell has it. */
	readonly terminal?: Terminal;
};

/**
Makes the cluster (on first use) and the shims, runs the learner's shell in the work file's
folder and waits for it. Returns why the shell could not be run, or undefined when it ran.
*/
export function openShellSession(session: ShellSession): string | undefined {
	const file = stateFile(session.workFile);
	if (!readState(file)) {
		writeState(file, newClusterState(session.key, challengeObjects(session.challenge), Date.now()));
	}

	const folder = path.dirname(session.workFile);
	// The file to write the policy in is there, with the task, as the editor would open it.
	prepareWorkFile(session.workFile, session.initialText);
	const launch = shellLaunch({
		shell: session.env['SHELL'],
		env: session.env,
		shellDirectory: path.join(path.dirname(file), `${session.challenge.id}.shell`),
		stateFile: file,
		nodePath: process.execPath,
		kubectlScript: builtModule('kubectl/main.js'),
		label: session.challenge.id,
	});
	for (const {file: target, text, isProgram} of launch.files) {
		writeFileAtomic(target, text);
		if (isProgram) {
			chmodSync(target, 0o755);
		}
	}

	const {terminal} = session;
	const isRaw = terminal?.isTTY === true && terminal.setRawMode !== undefined;
	if (isRaw) {
		terminal.setRawMode(false);
	}

	try {
		const result = spawnSync(launch.command, launch.args, {stdio: 'inherit', cwd: folder, env: launch.env});
		return result.error ? `could not be started (${result.error.message}); set $SHELL to a shell you have` : undefined;
	} finally {
		if (isRaw) {
			terminal.setRawMode(true);
		}
	}
}

/** The commands typed in a work file's terminal, oldest first. */
export function shellCommands(workFile: string): string[] {
	return readHistory(stateFile(workFile)).map(entry => `kubectl ${entry.command}`);
}

/** The cluster of a work file's terminal, if the learner opened it. */
export function shellCluster(workFile: string): ClusterState | undefined {
	return readState(stateFile(workFile));
}

/** Starts a work file's cluster afresh: the next terminal begins from the challenge's cluster. */
export function resetShellCluster(workFile: string): void {
	rmSync(stateFile(workFile), {force: true});
	rmSync(historyFile(stateFile(workFile)), {force: true});
}

/** The challenge's cluster as the objects its cluster.yaml holds, as kubectl would have them. */
export function challengeObjects(challenge: Challenge): RawObject[] {
	const folder = challenge.source?.folder;
	if (folder === undefined) {
		return [];
	}

	const file = path.join(folder, 'cluster.yaml');
	return documentsOf(readFileSync(file, 'utf8'), file).flatMap(document => (listItems(document.value) ?? [document.value]) as RawObject[]).filter(object => object !== null && typeof object === 'object');
}

/** Grades the policies of the cluster as it is now: the learner's, applied or kept from the start. */
export function gradeClusterState(challenge: Challenge, state: ClusterState): GradeReport {
	return gradeClusterObjects(challenge, loadedClusterOf(state).objects);
}

/** The same, for the cluster's objects already loaded. */
export function gradeClusterObjects(challenge: Challenge, objects: ClusterObjects): GradeReport {
	// The cluster as the learner left it: its policies whole (a deleted one counts), the labels
	// they set on the challenge's namespaces and pods; test pods they ran are not the answer.
	return grade(challenge, objects.policies, {isWholeCluster: true, relabelling: relabellingOf(objects)});
}
