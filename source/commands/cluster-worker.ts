// Runs in a worker thread: loads the cluster files while the main thread reads the flows.
import {parentPort, workerData} from 'node:worker_threads';
import {loadClusterFiles} from '../content/cluster-files.js';
import {InputError} from '../model/input-error.js';

const {files, maxBytes} = workerData as {files: string[]; maxBytes: number | undefined};
try {
	parentPort!.postMessage({loaded: loadClusterFiles(files, maxBytes)});
} catch (error) {
	parentPort!.postMessage(error instanceof InputError
		? {problems: error.problems, omitted: error.omitted}
		: {failure: error instanceof Error ? error.stack ?? error.message : String(error)});
}
