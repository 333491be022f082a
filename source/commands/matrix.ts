// `netpol-dojo matrix [--json] [--port P] [--protocol T] [--namespace N] FILE...`: which pod may
// open a connection to which on one port. Exit 0, or 2 for bad input.
import {InputError} from '../model/input-error.js';
import {compileCluster, reachabilityGrid} from '../evaluator/index.js';
import type {Protocol} from '../model/kubernetes.js';
import {ansiColors, noColors} from '../format/color.js';
import {matrixJson} from '../format/matrix-json.js';
import {matrixLines} from '../format/matrix-text.js';
import {similarTo} from '../model/similar.js';
import {type CommandIo, printSkipped, printWarnings} from './io.js';
import {startLoadingCluster} from './load-cluster.js';

export type MatrixOptions = {
	readonly clusterFiles: readonly string[];
	readonly port: number;
	readonly protocol: Protocol;
	/** Only this namespace's pods, as sources and destinations (policies everywhere still count). */
	readonly namespace?: string;
	readonly format: 'text' | 'json';
	readonly maxBytes?: number;
};

export async function runMatrix(options: MatrixOptions, io: CommandIo): Promise<number> {
	const loaded = await startLoadingCluster(options.clusterFiles, options.maxBytes);
	printWarnings(io, loaded.warnings);
	printSkipped(io, loaded.skipped);
	const cluster = compileCluster(loaded.objects);
	const {namespace} = options;
	if (namespace !== undefined && !cluster.podsByNamespace.has(namespace)) {
		const [guess] = similarTo(namespace, cluster.podsByNamespace.keys());
		throw new InputError([{file: 'netpol-dojo matrix', message: `--namespace: no pod of the cluster files is in namespace ${JSON.stringify(namespace)}${guess ? ` (did you mean ${guess}?)` : ''}`}]);
	}

	if (cluster.pods.length === 0) {
		throw new InputError([{file: options.clusterFiles.join(', '), message: 'have no pods: a matrix needs Pods (kubectl get pods -A -o yaml)'}]);
	}

	const grid = reachabilityGrid(cluster, options.port, options.protocol, namespace);
	if (options.format === 'json') {
		io.stdout(matrixJson(grid, namespace));
	} else {
		const palette = io.isColor ? ansiColors : noColors;
		io.stdout(`${matrixLines(grid, palette, io.columns === undefined ? {} : {width: io.columns}).join('\n')}\n`);
	}

	return 0;
}
