// `netpol-dojo lint`: its usage and help, and its arguments read into the options of commands/lint.ts.
import type {CommandIo} from '../commands/io.js';
import {outputFormat, parseCommandArgs, parseMaxSize, usageError} from './arguments.js';
import {clusterFileArguments, refuseSecondStandardInput} from './file-arguments.js';
import {helpOption, maxSizeOption} from './help-text.js';
import {commandOptions} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const lintUsage = 'usage: netpol-dojo lint [--json] FILE...';

/** Its lines in `netpol-dojo --help`. */
export const lintOverview = `  netpol-dojo lint [--json] FILE...
      likely mistakes in policies, each at its line (1 if any)
`;

/** What `netpol-dojo lint -h` prints. */
export const lintHelp = `${lintUsage}

Warn about likely mistakes in policies, each at its file and line: a policy
that selects no pod, OR written for AND, egress without DNS, a port without its
protocol, and more. Give the cluster's files with your policies: without Pods,
the checks that need them are skipped, with a note.

Options:
  --json            the warnings as data, with their codes
${maxSizeOption}${helpOption}
Exit codes: 0 no warnings; 1 warnings; 2 bad input or usage.
`;

/** Runs `lint ARGS...`; returns the exit code. */
export async function runLintCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.lint.options, lintUsage);
	if (parsed === 'help') {
		io.stdout(lintHelp);
		return 0;
	}

	const {values, positionals} = parsed;
	if (positionals.length === 0) {
		throw usageError('lint needs at least one FILE', lintUsage);
	}

	refuseSecondStandardInput(positionals, lintUsage);
	const maxBytes = parseMaxSize(values['max-size'] as string | undefined, lintUsage);
	const {runLint} = await import('../commands/lint.js');
	return runLint({files: clusterFileArguments(positionals, io), format: outputFormat(values), ...(maxBytes === undefined ? {} : {maxBytes})}, io);
}
