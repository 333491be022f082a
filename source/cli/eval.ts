// `netpol-dojo eval`: its usage and help, and its arguments read into the options of commands/eval.ts.
import type {CommandIo} from '../commands/io.js';
import {outputFormat, parseCommandArgs, parseMaxSize, usageError} from './arguments.js';
import {clusterFileArguments, fileArgument, refuseSecondStandardInput} from './file-arguments.js';
import {clusterFilesParagraph, helpOption, maxSizeOption} from './help-text.js';
import {commandOptions} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const evalUsage = 'usage: netpol-dojo eval [--json] [--max-size MIB] --flows FLOWS FILE...';

/** Its lines in `netpol-dojo --help`. */
export const evalOverview = `  netpol-dojo eval [--json] --flows FLOWS FILE...
      decide each flow in FLOWS against the objects in FILE...
`;

/** What `netpol-dojo eval -h` prints. */
export const evalHelp = `${evalUsage}

Decide each flow in FLOWS against the cluster objects in FILE..., as Kubernetes
does, and say why.

Options:
  --flows FLOWS     the flows, YAML or JSON: flows: [{from, to, port, ...}]
  --json            one result per flow, for scripts and CI
${maxSizeOption}${helpOption}
${clusterFilesParagraph}
Exit codes: 0 every expectation held; 1 one failed; 2 bad input or usage.
`;

/** Runs `eval ARGS...`; returns the exit code. */
export async function runEvalCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.eval.options, evalUsage);
	if (parsed === 'help') {
		io.stdout(evalHelp);
		return 0;
	}

	const {values, positionals} = parsed;
	if (typeof values['flows'] !== 'string') {
		throw usageError('eval needs --flows FLOWS', evalUsage);
	}

	if (positionals.length === 0) {
		throw usageError('eval needs at least one cluster FILE', evalUsage);
	}

	refuseSecondStandardInput([values['flows'], ...positionals], evalUsage);
	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, evalUsage);
	const clusterFiles = clusterFileArguments(positionals, io);
	const {runEval} = await import('../commands/eval.js');
	return await runEval({flowsFile: fileArgument(values['flows']), clusterFiles, format: outputFormat(values), ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}
