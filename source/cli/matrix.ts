// `netpol-dojo matrix`: its usage and help, and its arguments read into the options of commands/matrix.ts.
import type {CommandIo} from '../commands/io.js';
import {outputFormat, parseCommandArgs, parseMaxSize, parsePort, parseProtocol, usageError} from './arguments.js';
import {clusterFileArguments, refuseSecondStandardInput} from './file-arguments.js';
import {clusterFilesParagraph, helpOption, maxSizeOption} from './help-text.js';
import {commandOptions} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const matrixUsage = 'usage: netpol-dojo matrix [--json] [--port P] [--protocol T] [--namespace N]\n                          FILE...';

/** Its lines in `netpol-dojo --help`. */
export const matrixOverview = `  netpol-dojo matrix [--json] [--port P] [--protocol T] [--namespace N] FILE...
      who may connect to whom, as a grid (on 80/TCP by default)
`;

/** What `netpol-dojo matrix -h` prints. */
export const matrixHelp = `${matrixUsage}

Draw who may open a connection to whom on one port, rows the sources and
columns the destinations. Over 30 pods, count the allowed pairs per pair of
namespaces instead.

Options:
  --port P          the port (default 80)
  --protocol T      TCP (default), UDP or SCTP
  --namespace N     only the pods of namespace N (policies everywhere count)
  --json            every pair, as data
${maxSizeOption}${helpOption}
${clusterFilesParagraph}
Exit codes: 0 drawn; 2 bad input or usage.
`;

/** Runs `matrix ARGS...`; returns the exit code. */
export async function runMatrixCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.matrix.options, matrixUsage);
	if (parsed === 'help') {
		io.stdout(matrixHelp);
		return 0;
	}

	const {values, positionals} = parsed;
	if (positionals.length === 0) {
		throw usageError('matrix needs at least one cluster FILE', matrixUsage);
	}

	refuseSecondStandardInput(positionals, matrixUsage);
	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, matrixUsage);
	const port = values['port'] === undefined ? 80 : parsePort(values['port'] as string, matrixUsage);
	const protocol = parseProtocol(values['protocol'] as string | undefined, matrixUsage);
	const namespace = typeof values['namespace'] === 'string' ? {namespace: values['namespace']} : {};
	const {runMatrix} = await import('../commands/matrix.js');
	return runMatrix({clusterFiles: clusterFileArguments(positionals, io), port, protocol, ...namespace, format: outputFormat(values), ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}
