// How the exam shell is started, as data: the shims `kubectl` and `k` that run the dojo's
// kubectl on one challenge's cluster, and the shell's arguments and environment that put them
// first on PATH and the challenge in the prompt. Pure; commands/shell.ts writes and runs it.
import path from 'node:path';

export type ShellLaunch = {
	readonly command: string;
	readonly args: readonly string[];
	readonly env: Readonly<Record<string, string>>;
	/** Files to write before starting: path and text, and whether it is a program. */
	readonly files: ReadonlyArray<{readonly file: string; readonly text: string; readonly isProgram: boolean}>;
};

export type LaunchInput = {
	/** `$SHELL`, else `sh`. */
	readonly shell: string | undefined;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** Where the shims and the shell's start-up file go. */
	readonly shellDirectory: string;
	readonly stateFile: string;
	readonly nodePath: string;
	readonly kubectlScript: string;
	/** The challenge's id, for the prompt. */
	readonly label: string;
};

// Single quotes for sh: nothing inside is expanded; a quote inside is closed, escaped, reopened.
export const shellQuote = (text: string) => `'${text.replaceAll('\'', '\'\\\'\'')}'`;

/** The shims, the shell and its environment. Only the shell's own PATH changes; nothing else is touched. */
export function shellLaunch(input: LaunchInput): ShellLaunch {
	const bin = path.join(input.shellDirectory, 'bin');
	const shim = `#!/bin/sh\n# The dojo's kubectl on one challenge's cluster (netpol-dojo shell). Never a real cluster.\nNETPOL_DOJO_STATE=${shellQuote(input.stateFile)} exec ${shellQuote(input.nodePath)} ${shellQuote(input.kubectlScript)} "$@"\n`;
	const prompt = `(dojo ${input.label}) `;
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(input.env)) {
		if (value !== undefined) {
			env[key] = value;
		}
	}

	const pathValue = `${bin}${path.delimiter}${input.env['PATH'] ?? '/usr/bin:/bin'}`;
	Object.assign(env, {PATH: pathValue, NETPOL_DOJO_STATE: input.stateFile, NETPOL_DOJO_SHELL: input.label});
	const files = [
		{file: path.join(bin, 'kubectl'), text: shim, isProgram: true},
		{file: path.join(bin, 'k'), text: shim, isProgram: true},
	];
	const shell = input.shell === undefined || input.shell === '' ? 'sh' : input.shell;
	const name = path.basename(shell);
	// The learner's own start-up files run first (aliases, editor), then the dojo puts its
	// kubectl first on PATH again and its name in the prompt, so neither is undone by them.
	const after = `PATH=${shellQuote(bin)}:"$PATH"\n`;
	if (name === 'bash') {
		const rc = path.join(input.shellDirectory, 'bashrc');
		files.push({file: rc, text: `[ -f ~/.bashrc ] && . ~/.bashrc\n${after}PS1=${shellQuote(prompt)}"$PS1"\n`, isProgram: false});
		return {command: shell, args: ['--rcfile', rc, '-i'], env, files};
	}

	if (name === 'zsh') {
		const zdotdir = path.join(input.shellDirectory, 'zsh');
		const home = input.env['ZDOTDIR'] ?? input.env['HOME'] ?? '';
		files.push({file: path.join(zdotdir, '.zshrc'), text: `[ -f ${shellQuote(path.join(home, '.zshrc'))} ] && . ${shellQuote(path.join(home, '.zshrc'))}\n${after}PROMPT=${shellQuote(prompt)}"$PROMPT"\n`, isProgram: false});
		return {command: shell, args: ['-i'], env: {...env, ZDOTDIR: zdotdir}, files};
	}

	// sh, dash, ash and the others read PS1 from the environment.
	return {command: shell, args: ['-i'], env: {...env, PS1: `${prompt}$ `}, files};
}
