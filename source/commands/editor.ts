// Opening a file in the learner's editor, as git does: `$VISUAL`, else `$EDITOR`, else `vi` (the
// editor of the exam's terminal). The value is run by the shell, so `code --wait` or
// `emacs -nw` work, and the file name is passed as an argument, never pasted into the command.
import {spawnSync} from 'node:child_process';

/** The terminal's input as the app holds it: raw mode must be off while the editor reads keys. */
export type Terminal = {
	readonly isTTY?: boolean;
	readonly setRawMode?: (isRaw: boolean) => unknown;
};

export function editorCommand(env: Readonly<Record<string, string | undefined>>): string {
	return env['VISUAL']?.trim() || env['EDITOR']?.trim() || 'vi';
}

/**
Runs the editor on `file` and waits for it to exit, the terminal handed over meanwhile. Returns
why it could not be used, or undefined when it ran (whatever its exit status: a file saved
before `:cq` is still the learner's work, and is graded).
*/
export function openInEditor(file: string, env: Readonly<Record<string, string | undefined>>, terminal: Terminal = {}): string | undefined {
	const editor = editorCommand(env);
	const isRaw = terminal.isTTY === true && terminal.setRawMode !== undefined;
	if (isRaw) {
		terminal.setRawMode(false);
	}

	try {
		const result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, editor, file], {stdio: 'inherit', env: {...env}});
		if (result.error) {
			return `could not start the editor (${result.error.message})`;
		}

		// The shell's codes for a command it cannot find or run.
		if (result.status === 127 || result.status === 126) {
			return `the editor "${editor}" could not be run; set $VISUAL or $EDITOR to one you have (for example EDITOR=nano)`;
		}

		return undefined;
	} finally {
		if (isRaw) {
			terminal.setRawMode(true);
		}
	}
}
