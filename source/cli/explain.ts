// `netpol-dojo explain`: its usage and help, and its arguments (a flows file, or one flow given
// as options) read into the options of commands/explain.ts.
import type {CommandIo} from '../commands/io.js';
import {outputFormat, parseCommandArgs, parseMaxSize, parsePort, parseProtocol, usageError} from './arguments.js';
import {clusterFileArguments, fileArgument, refuseSecondStandardInput} from './file-arguments.js';
import {clusterFilesParagraph, helpOption, maxSizeOption} from './help-text.js';
import {commandOptions} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const explainUsage = 'usage: netpol-dojo explain [--json] --flows FLOWS FILE...\n       netpol-dojo explain [--json] --from A --to B --port P [--protocol T]\n                           FILE...';

/** Its lines in `netpol-dojo --help`. */
export const explainOverview = `  netpol-dojo explain [--json] --flows FLOWS FILE...
  netpol-dojo explain [--json] --from A --to B --port P [--protocol T] FILE...
      why each flow is allowed or denied: policy, rule, peer, port
`;

/** What `netpol-dojo explain -h` prints. */
export const explainHelp = `${explainUsage}

Trace why each flow is allowed or denied: which policies select each end, and
the rule, peer and port that admitted it, or why each rule did not.

Options:
  --flows FLOWS     the flows, YAML or JSON: flows: [{from, to, port, ...}]
  --from A, --to B  one flow's ends: namespace/pod, a workload,
                    svc/namespace/name or an IP address
  --port P          one flow's port, 1..65535
  --protocol T      one flow's protocol: TCP (default), UDP or SCTP
  --json            each flow's trace as data, for scripts
${maxSizeOption}${helpOption}
${clusterFilesParagraph}
Exit codes: 0 every expectation held; 1 one failed; 2 bad input or usage.
`;

/** Runs `explain ARGS...`; returns the exit code. */
export async function runExplainCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.explain.options, explainUsage);
	if (parsed === 'help') {
		io.stdout(explainHelp);
		return 0;
	}

	const {values, positionals} = parsed;
	const single = ['from', 'to', 'port', 'protocol'].filter(name => values[name] !== undefined);
	if (typeof values['flows'] === 'string' && single.length > 0) {
		throw usageError(`explain takes either --flows FLOWS or one flow (--from, --to, --port), not both; got --flows and --${single[0]!}`, explainUsage);
	}

	if (typeof values['flows'] !== 'string' && (values['from'] === undefined || values['to'] === undefined || values['port'] === undefined)) {
		const missing = ['from', 'to', 'port'].filter(name => values[name] === undefined).map(name => `--${name}`);
		throw usageError(single.length === 0 ? 'explain needs --flows FLOWS, or one flow as --from A --to B --port P' : `explain needs ${missing.join(' and ')} for one flow`, explainUsage);
	}

	if (positionals.length === 0) {
		throw usageError('explain needs at least one cluster FILE', explainUsage);
	}

	refuseSecondStandardInput([values['flows'] as string | undefined, ...positionals], explainUsage);
	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, explainUsage);
	const flows = typeof values['flows'] === 'string'
		? {flowsFile: fileArgument(values['flows'])}
		: {flow: {from: values['from'] as string, to: values['to'] as string, port: parsePort(values['port'] as string, explainUsage), protocol: parseProtocol(values['protocol'] as string | undefined, explainUsage)}};
	const {runExplain} = await import('../commands/explain.js');
	return runExplain({flows, clusterFiles: clusterFileArguments(positionals, io), format: outputFormat(values), ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}
