// explain, matrix, diff and lint: the commands that show what a cluster's policies do, from
// their arguments to the command modules (imported on demand).
import {parseArgs} from 'node:util';
import type {CommandIo} from '../commands/io.js';
import {parseArgsOptions, parseCommandArgs, parseMaxSize, parsePort, parseProtocol, usageError} from './arguments.js';
import {clusterFileArguments, fileArgument, refuseSecondStandardInput} from './file-arguments.js';
import {commandHelp} from './help.js';
import {commandOptions, type OptionSpec} from './options.js';
import {diffUsage, explainUsage, lintUsage, matrixUsage} from './usage.js';

export async function runExplainCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.explain.options, explainUsage);
	if (parsed === 'help') {
		io.stdout(commandHelp.explain);
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
	return runExplain({flows, clusterFiles: clusterFileArguments(positionals, io), isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}

export async function runMatrixCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.matrix.options, matrixUsage);
	if (parsed === 'help') {
		io.stdout(commandHelp.matrix);
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
	return runMatrix({clusterFiles: clusterFileArguments(positionals, io), port, protocol, ...namespace, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}

export async function runDiffCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const options = commandOptions.diff.options;
	const parsed = parseCommandArgs(args, options, diffUsage);
	if (parsed === 'help') {
		io.stdout(commandHelp.diff);
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
	return runDiff({beforeFiles: clusterFileArguments(before, io), afterFiles: clusterFileArguments(after, io), ...port, ...protocol, isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}

// The files after --before and after --after, in the order given (parseArgs has checked the rest).
export function beforeAndAfterFiles(args: readonly string[], options: OptionSpec): {before: string[]; after: string[]} {
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

export async function runLintCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.lint.options, lintUsage);
	if (parsed === 'help') {
		io.stdout(commandHelp.lint);
		return 0;
	}

	const {values, positionals} = parsed;
	if (positionals.length === 0) {
		throw usageError('lint needs at least one FILE', lintUsage);
	}

	refuseSecondStandardInput(positionals, lintUsage);
	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, lintUsage);
	const {runLint} = await import('../commands/lint.js');
	return runLint({files: clusterFileArguments(positionals, io), isJson: values['json'] === true, ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}
