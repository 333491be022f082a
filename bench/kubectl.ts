// The exam shell's kubectl must feel instant (issue 14): `kubectl get pods` on a built-in
// challenge's cluster, as the shim runs it (`node dist/bin/kubectl/main.js` with
// NETPOL_DOJO_STATE), against a bare `node -e 0`, hyperfine-style: warm-up runs, then many
// interleaved runs of each, compared by their medians. Target: at most 2x.
import {spawnSync} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {challengeObjects} from '../source/commands/shell.js';
import {loadPack} from '../source/commands/load-content.js';
import {writeState} from '../source/kubectl/state-file.js';
import {newClusterState} from '../source/kubectl/state.js';

const warmUps = 3;
const runs = 31;
const target = 2;
/** The built-in challenge whose cluster is listed; the one with the most objects if it is gone. */
const preferred = 'db-policy';

const median = (values: readonly number[]) => {
	const sorted = [...values].sort((left, right) => left - right);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Medians of `kubectl get pods` and `node -e 0`, and their ratio; prints the section and the target line. */
export function measureKubectlStartup(root: string): {readonly ratio: number; readonly kubectlMs: number; readonly nodeMs: number} {
	const {challenges} = loadPack(path.join(root, 'challenges'));
	const challenge = challenges.find(candidate => candidate.id === preferred)
		?? [...challenges].sort((left, right) => challengeObjects(right).length - challengeObjects(left).length)[0]!;
	const objects = challengeObjects(challenge);
	const folder = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-kubectl-bench-'));
	const stateFile = path.join(folder, 'state.json');
	writeState(stateFile, newClusterState(`built-in/${challenge.id}`, objects, Date.now() - 3_600_000));
	const devNull = openSync('/dev/null', 'w');
	const env = {...process.env, NETPOL_DOJO_STATE: stateFile};
	const time = (args: readonly string[]) => {
		const started = performance.now();
		const result = spawnSync(process.execPath, args, {cwd: root, env, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8'});
		const elapsed = performance.now() - started;
		if (result.status !== 0) {
			throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
		}

		return elapsed;
	};

	const kubectl = [path.join(root, 'dist', 'bin', 'kubectl', 'main.js'), 'get', 'pods'];
	const bare = ['-e', '0'];
	try {
		for (let run = 0; run < warmUps; run++) {
			time(bare);
			time(kubectl);
		}

		const nodeRuns: number[] = [];
		const kubectlRuns: number[] = [];
		for (let run = 0; run < runs; run++) {
			nodeRuns.push(time(bare));
			kubectlRuns.push(time(kubectl));
		}

		const [nodeMs, kubectlMs] = [median(nodeRuns), median(kubectlRuns)];
		const ratio = kubectlMs / nodeMs;
		const show = (values: readonly number[]) => `median of ${values.length} (after ${warmUps} warm-up runs), min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}`;
		console.log(`\n== The exam shell's kubectl: \`kubectl get pods\` on ${challenge.id}'s cluster (${objects.length} objects) vs a bare node`);
		console.log(`  ${'node -e 0'.padEnd(50)} ${`${nodeMs.toFixed(1)} ms`.padStart(10)}  ${show(nodeRuns)}`);
		console.log(`  ${'node dist/bin/kubectl/main.js get pods'.padEnd(50)} ${`${kubectlMs.toFixed(1)} ms`.padStart(10)}  ${show(kubectlRuns)}`);
		console.log(`  ${ratio <= target ? 'PASS' : 'FAIL'}  ${`kubectl get pods <= ${target}x node -e 0`.padEnd(55)} ${ratio.toFixed(2)}x`);
		return {ratio, kubectlMs, nodeMs};
	} finally {
		closeSync(devNull);
		rmSync(folder, {recursive: true, force: true});
	}
}
