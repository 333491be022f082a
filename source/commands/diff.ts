// `netpol-dojo diff [--json] [--port P] [--protocol T] --before FILE... --after FILE...`: the
// flows between pods, and between pods and outside addresses, whose verdict changes between two
// sets of objects. Exit 0, or 2 for bad input.
import {loadClusterFiles} from '../content/cluster-files.js';
import {type DiffScope, compileCluster, verdictChanges} from '../evaluator/index.js';
import type {Protocol} from '../model/kubernetes.js';
import {ansiColors, noColors} from '../format/color.js';
import {diffJson, diffText} from '../format/diff-output.js';
import {type CommandIo, printSkipped, printWarnings} from './io.js';

export type DiffOptions = {
	readonly beforeFiles: readonly string[];
	readonly afterFiles: readonly string[];
	/** One port only; without it, every port. */
	readonly port?: number;
	/** One protocol only; without it, TCP for --port and every protocol otherwise. */
	readonly protocol?: Protocol;
	readonly format: 'text' | 'json';
	readonly maxBytes?: number;
};

export function runDiff(options: DiffOptions, io: CommandIo): number {
	const before = loadClusterFiles(options.beforeFiles, options.maxBytes);
	const after = loadClusterFiles(options.afterFiles, options.maxBytes);
	// Both sets usually share files (the cluster's pods): their notes are said once.
	const warnings = new Map([...before.warnings, ...after.warnings].map(problem => [JSON.stringify(problem), problem]));
	printWarnings(io, [...warnings.values()]);
	printSkipped(io, before.skipped);
	if (JSON.stringify(after.skipped) !== JSON.stringify(before.skipped)) {
		printSkipped(io, after.skipped);
	}

	const scope: DiffScope = {...(options.port === undefined ? {} : {port: options.port}), ...(options.protocol === undefined ? {} : {protocol: options.protocol})};
	const diff = verdictChanges(compileCluster(before.objects), compileCluster(after.objects), scope);
	for (const [side, pods] of [['--before', diff.onlyBefore], ['--after', diff.onlyAfter]] as const) {
		if (pods.length > 0) {
			const shown = pods.slice(0, 5).join(', ') + (pods.length > 5 ? `, and ${pods.length - 5} more` : '');
			io.stderr(`note: ${pods.length} ${pods.length === 1 ? 'pod is' : 'pods are'} only in the ${side} files, so ${pods.length === 1 ? 'its' : 'their'} flows are not compared: ${shown}\n`);
		}
	}

	io.stdout(options.format === 'json' ? diffJson(diff) : diffText(diff, scope, io.isColor ? ansiColors : noColors));
	return 0;
}
