// Large clusters load on the second core while the main thread reads the flows: on a 2-core
// machine that takes the cluster's parse time off the end-to-end time. Small inputs load in
// place, where starting a thread would cost more than it saves.
import {statSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import {type LoadedCluster, loadClusterFiles} from '../content/cluster-files.js';
import {InputError, type Problem} from '../model/input-error.js';
import {builtModule} from '../content/paths.js';
import type {FlowsFile} from '../content/flows-file.js';
import {type Cluster, compileCluster} from '../evaluator/index.js';
import {type CommandIo, printSkipped, printWarnings} from './io.js';

/** Cluster files smaller than this in all load on the main thread. */
export const parallelLoadBytes = 2 * 1024 * 1024;

type WorkerReply = {loaded: LoadedCluster} | {problems: Problem[]; omitted: number} | {failure: string};

/**
The cluster files and the flows together, as eval and explain need them: the cluster loads
(on the second core when large) while the flows are read, the cluster's problems are reported
before the flows', and the cluster's warnings and skipped kinds are printed. Rejects with
InputError for bad input.
*/
export async function loadClusterAndFlows(files: readonly string[], maxBytes: number | undefined, readFlows: () => FlowsFile, io: CommandIo): Promise<{readonly cluster: Cluster; readonly flowsFile: FlowsFile}> {
	const loading = startLoadingCluster(files, maxBytes);
	let flowsFile: FlowsFile | undefined;
	let flowsError: unknown;
	try {
		flowsFile = readFlows();
	} catch (error) {
		flowsError = error;
	}

	const loaded = await loading;
	if (!flowsFile) {
		throw flowsError;
	}

	printWarnings(io, loaded.warnings);
	printSkipped(io, loaded.skipped);
	return {cluster: compileCluster(loaded.objects), flowsFile};
}

/** Starts loading the cluster files; the promise rejects with InputError for bad input. */
export async function startLoadingCluster(files: readonly string[], maxBytes: number | undefined, thresholdBytes = parallelLoadBytes): Promise<LoadedCluster> {
	// An async function runs up to its first await at once: small inputs are loaded on the call.
	if (totalSize(files) < thresholdBytes) {
		return loadClusterFiles(files, maxBytes);
	}

	return loadInWorker(files, maxBytes);
}

function loadInWorker(files: readonly string[], maxBytes: number | undefined): Promise<LoadedCluster> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(builtModule('commands/cluster-worker.js'), {workerData: {files, maxBytes}});
		worker.once('message', (reply: WorkerReply) => {
			if ('loaded' in reply) {
				resolve(reply.loaded);
			} else if ('problems' in reply) {
				reject(new InputError(reply.problems, reply.omitted));
			} else {
				reject(new Error(reply.failure));
			}

			void worker.terminate();
		});
		worker.once('error', reject);
	});
}

// Files that cannot be measured (missing, a pipe) count as small: loading them in place
// reports the problem or reads them as usual.
function totalSize(files: readonly string[]): number {
	let total = 0;
	for (const file of files) {
		try {
			total += statSync(file).size;
		} catch {}
	}

	return total;
}
