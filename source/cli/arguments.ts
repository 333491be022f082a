// Reading a command's options and arguments, and the one-line usage errors they give.
import {parseArgs} from 'node:util';
import {similarTo} from '../model/similar.js';
import type {Protocol} from '../model/kubernetes.js';
import {UsageError} from './usage-error.js';
import type {OptionSpec} from './options.js';

// One line on what is wrong, the command's usage line, and where the rest is.
export function usageError(message: string, usageLine = 'usage: netpol-dojo COMMAND ...'): UsageError {
	return new UsageError([{file: 'netpol-dojo', message: `${message}\n${usageLine}\n(netpol-dojo --help lists the commands and options)\n`}]);
}

export function parseMaxSize(text: string | undefined, usageLine: string): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	const mebibytes = Number(text);
	if (!Number.isFinite(mebibytes) || mebibytes <= 0) {
		throw usageError(`--max-size takes a size in MiB, such as 64; got ${JSON.stringify(text)}`, usageLine);
	}

	return mebibytes * 1024 * 1024;
}

export function refuseArguments(command: string, positionals: readonly string[], usageLine: string): void {
	if (positionals.length > 0) {
		throw usageError(`${command} takes no arguments, got ${JSON.stringify(positionals[0])}`, usageLine);
	}
}

export function parsePort(text: string, usageLine: string): number {
	const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
	if (!(port >= 1 && port <= 65_535)) {
		throw usageError(`--port takes a port number, 1..65535; got ${JSON.stringify(text)}`, usageLine);
	}

	return port;
}

export function parseProtocol(text: string | undefined, usageLine: string): Protocol {
	const protocol = (text ?? 'TCP').toUpperCase();
	if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') {
		throw usageError(`--protocol takes TCP, UDP or SCTP; got ${JSON.stringify(text)}`, usageLine);
	}

	return protocol;
}

/** A command's options as node:util parseArgs takes them, with -h and --help, which every command takes. */
export function parseArgsOptions(options: OptionSpec): Record<string, {type: 'boolean' | 'string'; short?: string}> {
	return {...Object.fromEntries(Object.entries(options).map(([name, option]) => [name, {type: option.type}])), help: {type: 'boolean', short: 'h'}};
}

/** The output --json asks for: 'json', else 'text'. */
export function outputFormat(values: ParsedArgs['values']): 'text' | 'json' {
	return values['json'] === true ? 'json' : 'text';
}

// A command's options and arguments, or 'help' when -h or --help was asked for.

export type ParsedArgs = {readonly values: Readonly<Record<string, string | boolean | undefined>>; readonly positionals: readonly string[]};

export function parseCommandArgs(args: readonly string[], options: OptionSpec, usageLine: string): ParsedArgs | 'help' {
	try {
		const parsed = parseArgs({args: [...args], options: parseArgsOptions(options), allowPositionals: true, strict: true}) as ParsedArgs;
		return parsed.values['help'] === true ? 'help' : parsed;
	} catch (error) {
		const unknown = /^Unknown option '(-[^']*)'/.exec((error as Error).message)?.[1];
		if (unknown) {
			const guess = similarTo(unknown.replace(/^-+/, ''), Object.keys(options));
			throw usageError(`unknown option ${unknown}${guess.length > 0 ? ` (did you mean --${guess[0]!}?)` : ''}`, usageLine);
		}

		throw usageError((error as Error).message.split('\n')[0]!, usageLine);
	}
}
