// A small dojo cluster for the tests of the kubectl commands that change it, and the built
// kubectl run on a state file as the exam shell runs it.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {type ClusterState, type RawObject, newClusterState} from '../../source/kubectl/state.js';
import {writeState} from '../../source/kubectl/state-file.js';

export const kubectlMain = path.resolve('dist/bin/kubectl/main.js');

const podOf = (name: string, namespace: string, labels: Record<string, string>, ip: string, ports: number[] = []): RawObject => ({
	apiVersion: 'v1',
	kind: 'Pod',
	metadata: {name, namespace, labels},
	spec: {containers: [{name, image: 'busybox', ...(ports.length > 0 ? {ports: ports.map(containerPort => ({containerPort}))} : {})}]},
	status: {podIP: ip},
});

/** default: web, api, db (3306); dev: tool. */
export const clusterObjects: readonly RawObject[] = [
	{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}},
	{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'dev', labels: {team: 'a'}}},
	podOf('web', 'default', {app: 'web'}, '10.244.1.5', [80]),
	podOf('api', 'default', {app: 'api'}, '10.244.1.6', [5000]),
	podOf('db', 'default', {app: 'db'}, '10.244.1.7', [3306]),
	podOf('tool', 'dev', {app: 'tool'}, '10.244.1.8'),
];

export const smallCluster = (): ClusterState => newClusterState('built-in/test', clusterObjects, 0);

/** db-policy: ingress to app=db from app=api on 3306. */
export const dbPolicy = (name = 'db-policy', extra: Record<string, unknown> = {}): RawObject => ({
	apiVersion: 'networking.k8s.io/v1',
	kind: 'NetworkPolicy',
	metadata: {name, ...extra},
	spec: {podSelector: {matchLabels: {app: 'db'}}, ingress: [{from: [{podSelector: {matchLabels: {app: 'api'}}}], ports: [{port: 3306}]}]},
});

/** A temp folder holding `state.json` with the state. */
export function stateFolder(state: ClusterState = smallCluster()): {readonly folder: string; readonly file: string} {
	const folder = mkdtempSync(path.join(tmpdir(), 'dojo-kubectl-'));
	const file = path.join(folder, 'state.json');
	writeState(file, state);
	return {folder, file};
}

export type Ran = {readonly exitCode: number | null; readonly stdout: string; readonly stderr: string};

/** The built kubectl on the state file, in `cwd`. */
export function kubectl(file: string, argv: readonly string[], options: {cwd?: string; input?: string; env?: Record<string, string>} = {}): Ran {
	const result = spawnSync(process.execPath, [kubectlMain, ...argv], {
		cwd: options.cwd ?? path.dirname(file),
		input: options.input ?? '',
		encoding: 'utf8',
		env: {...process.env, NETPOL_DOJO_STATE: file, ...options.env},
	});
	return {exitCode: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** The built kubectl started in the background; resolves when it ends. */
export function kubectlProcess(file: string, argv: readonly string[], cwd: string): {readonly child: ReturnType<typeof spawn>; readonly ended: Promise<{readonly code: number | null; readonly signal: NodeJS.Signals | null}>} {
	const child = spawn(process.execPath, [kubectlMain, ...argv], {cwd, stdio: 'ignore', env: {...process.env, NETPOL_DOJO_STATE: file}});
	const ended = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(resolve => {
		child.on('exit', (code, signal) => resolve({code, signal}));
	});
	return {child, ended};
}

/** Writes a file in the folder and gives its name. */
export function writeIn(folder: string, name: string, text: string): string {
	writeFileSync(path.join(folder, name), text);
	return name;
}
