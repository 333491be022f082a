// The two kubectl commands with a file of their own beside the state: `exec` writes what its
// flows were and why they were decided so (`<state>.last`, atomically), and `why` prints it,
// as the exam's terminal prints no reasons unless asked.
import {readFileSync} from 'node:fs';
import {writeFileAtomic} from '../content/atomic-file.js';
import {runExec} from './exec.js';
import type {KubectlResult} from './result.js';
import type {ClusterState} from './state.js';

/** `<state>.last`: the last exec's steps, told. */
export const lastExecFile = (stateFile: string) => `${stateFile}.last`;

const stateFileOfEnvironment = () => process.env['NETPOL_DOJO_STATE'] ?? '';

/** `kubectl exec`, keeping its reasons for `kubectl why`. */
export function runExecCommand(state: ClusterState, argv: readonly string[]): KubectlResult {
	const {result, why} = runExec(state, argv);
	const file = stateFileOfEnvironment();
	if (file !== '') {
		writeFileAtomic(lastExecFile(file), JSON.stringify({formatVersion: 1, why}) + '\n');
	}

	return result;
}

/** `kubectl why`: why the last exec got its answer. */
export function runWhyCommand(_state: ClusterState, argv: readonly string[]): KubectlResult {
	if (argv.length > 0) {
		return {stdout: '', stderr: `error: kubectl why takes no arguments: it tells why the last kubectl exec got its answer\n`, exitCode: 1};
	}

	try {
		const saved = JSON.parse(readFileSync(lastExecFile(stateFileOfEnvironment()), 'utf8')) as {why?: unknown};
		if (typeof saved.why === 'string') {
			return {stdout: saved.why, stderr: '', exitCode: 0};
		}
	} catch {}

	return {stdout: '', stderr: 'error: no kubectl exec has run on this cluster yet: run one (kubectl exec POD -- nc -zv -w 2 HOST PORT), then kubectl why\n', exitCode: 1};
}
