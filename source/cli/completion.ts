// `netpol-dojo completion`: its usage and help, and its argument (the shell) read into the
// options of commands/completion.ts, with the command table the script completes.
import type {CommandIo} from '../commands/io.js';
import {parseCommandArgs, usageError} from './arguments.js';
import {helpOption} from './help-text.js';
import {appOptions, commandOptions, shells, type Shell} from './options.js';

/** The usage its errors print, and the first lines of its help. */
export const completionUsage = 'usage: netpol-dojo completion bash|zsh';

/** Its lines in `netpol-dojo --help`. */
export const completionOverview = `  netpol-dojo completion bash|zsh
      a shell completion script: source <(netpol-dojo completion bash)
`;

/** What `netpol-dojo completion -h` prints. */
export const completionHelp = `${completionUsage}

Print a shell completion script: commands, each command's options, challenge
ids for grade, and files elsewhere. To load it in every new shell:

  bash, in ~/.bashrc:  source <(netpol-dojo completion bash)
  zsh, in ~/.zshrc:    source <(netpol-dojo completion zsh)

Options:
${helpOption}
Exit codes: 0 printed; 2 bad usage.
`;

/** Runs `completion ARGS...`; returns the exit code. */
export async function runCompletionCommand(args: readonly string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandArgs(args, commandOptions.completion.options, completionUsage);
	if (parsed === 'help') {
		io.stdout(completionHelp);
		return 0;
	}

	const [shell, ...extra] = parsed.positionals;
	if (shell === undefined || !(shells as readonly string[]).includes(shell) || extra.length > 0) {
		const problem = shell === undefined ? 'completion needs a shell, bash or zsh' : extra.length > 0 ? `completion takes one shell, got also ${JSON.stringify(extra[0])}` : `completion knows bash and zsh, not ${JSON.stringify(shell)}`;
		throw usageError(problem, completionUsage);
	}

	const [{runCompletion}, {builtInChallengesDirectory}] = await Promise.all([import('../commands/completion.js'), import('../content/paths.js')]);
	return runCompletion({shell: shell as Shell, challengesDirectory: builtInChallengesDirectory(), commands: commandOptions, appOptions, shells}, io);
}
