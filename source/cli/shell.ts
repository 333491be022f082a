// `netpol-dojo shell`: its usage and help, and its arguments read into the options of commands/shell.ts.
import type {CommandIo} from '../commands/io.js';
import {parseCommandArgs, usageError} from './arguments.js';
import {helpOption} from './help-text.js';
import {commandOptions} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const shellUsage = 'usage: netpol-dojo shell CHALLENGE [--pack DIR]';

/** Its lines in `netpol-dojo --help`. */
export const shellOverview = `  netpol-dojo shell CHALLENGE [--pack DIR]
      the exam's terminal: your shell with a kubectl on the challenge's cluster
`;

/** What `netpol-dojo shell -h` prints. */
export const shellHelp = `${shellUsage}

The exam's terminal, offline: opens your own shell ($SHELL, else sh) in your
work folder, with kubectl and k on its PATH bound to the challenge's cluster,
and the challenge in the prompt: (dojo CHALLENGE) $. Practise the exam's loop:
kubectl get pods --show-labels, write a policy in vi, kubectl apply -f it.
Leave the shell (exit, Ctrl-D) and the cluster is graded as it is then.

That kubectl never calls a real kubectl, reads a kubeconfig or touches a real
cluster: the challenge's cluster is a file in your data folder, changed only
by what you apply. Nothing outside that shell changes.

Options:
  --pack DIR        a pack of your own instead of the built-in challenges
${helpOption}
Exit codes: 0 the cluster passes; 1 not yet; 2 bad input or usage.
`;

/** Runs `shell ARGS...`; returns the exit code. */
export async function runShellCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.shell.options, shellUsage);
	if (parsed === 'help') {
		io.stdout(shellHelp);
		return 0;
	}

	const [challengeId, ...extra] = parsed.positionals;
	if (challengeId === undefined || extra.length > 0) {
		throw usageError('shell needs one CHALLENGE id', shellUsage);
	}

	const [{runShell}, {builtInChallengesDirectory}] = await Promise.all([import('../commands/shell.js'), import('../content/paths.js')]);
	const packDirectory = typeof parsed.values['pack'] === 'string' ? parsed.values['pack'] : builtInChallengesDirectory();
	return runShell({challengeId, packDirectory, env: process.env}, io);
}
