// `netpol-dojo diff`: its usage and help, and its arguments (the files after --before and after
// --after) read into the options of commands/diff.ts.
import {parseArgs} from 'node:util';
import type {CommandIo} from '../commands/io.js';
import {outputFormat, parseArgsOptions, parseCommandArgs, parseMaxSize, parsePort, parseProtocol, usageError} from './arguments.js';
import {clusterFileArguments, refuseSecondStandardInput} from './file-arguments.js';
import {folderFilesParagraph, helpOption, maxSizeOption} from './help-text.js';
import {commandOptions, type OptionSpec} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const diffUsage = 'usage: netpol-dojo diff [--json] [--port P] [--protocol T]\n                        --before FILE... --after FILE...';

/** Its lines in `netpol-dojo --help`. */
export const diffOverview = `  netpol-dojo diff [--json] [--port P] [--protocol T]
                   --before FILE... --after FILE...
      the pod-to-pod flows a change opens or closes
`;

/** What `netpol-dojo diff -h` prints. */
export const diffHelp = `${diffUsage}

The flows whose verdict differs between two clusters: what a change opens and
closes, between pods and to and from addresses outside the cluster, on every
port of TCP, UDP and SCTP. Pods are matched by namespace and name.

Options:
  --before FILE...  the objects before the change, a whole cluster
  --after FILE...   the objects after the change, a whole cluster
  --port P          only this port
  --protocol T      only this protocol: TCP, UDP or SCTP
  --json            one entry per pair of ends and stretch of ports
${maxSizeOption}${helpOption}
${folderFilesParagraph}
Exit codes: 0 compared, whatever changed; 2 bad input or usage.
`;

/** Runs `diff ARGS...`; returns the exit code. */
export async function runDiffCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const options = commandOptions.diff.options;
	const parsed = parseCommandArgs(args, options, diffUsage);
	if (parsed === 'help') {
		io.stdout(diffHelp);
		return 0;
	}

	const {values} = parsed;
	const {before, after} = beforeAndAfterFiles(args, options);
	if (before.length === 0 || after.length === 0) {
		throw usageError(`diff needs the files of both clusters: ${before.length === 0 ? '--before FILE...' : '--after FILE...'} is missing`, diffUsage);
	}

	refuseSecondStandardInput([...before, ...after], diffUsage);
	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, diffUsage);
	const port = values['port'] === undefined ? {} : {port: parsePort(values['port'] as string, diffUsage)};
	const protocol = values['protocol'] === undefined ? {} : {protocol: parseProtocol(values['protocol'] as string, diffUsage)};
	const {runDiff} = await import('../commands/diff.js');
	return runDiff({beforeFiles: clusterFileArguments(before, io), afterFiles: clusterFileArguments(after, io), ...port, ...protocol, format: outputFormat(values), ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}

// The files after --before and after --after, in the order given (parseArgs has checked the rest).
function beforeAndAfterFiles(args: readonly string[], options: OptionSpec): {before: string[]; after: string[]} {
	const {tokens} = parseArgs({args: [...args], options: parseArgsOptions(options), allowPositionals: true, strict: true, tokens: true});
	const files = {before: [] as string[], after: [] as string[]};
	let current: 'before' | 'after' | undefined;
	for (const token of tokens) {
		const name: string = token.kind === 'option' ? token.name : '';
		if (name === 'before' || name === 'after') {
			current = name;
		} else if (token.kind === 'positional') {
			if (current === undefined) {
				throw usageError(`diff: ${JSON.stringify(token.value)} comes before --before or --after; say which cluster it belongs to`, diffUsage);
			}

			files[current].push(token.value);
		}
	}

	return files;
}
