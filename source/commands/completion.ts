// `netpol-dojo completion bash|zsh`: print a shell completion script. The built-in challenge ids
// are written into it, so that completing `grade` starts no process; a shell that loads the
// script at start-up (source <(netpol-dojo completion bash)) has this version's ids.
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {type CompletedCommand, bashCompletion, zshCompletion} from '../format/completion-script.js';
import type {CommandIo} from './io.js';

export type CompletionOptions = {
	readonly shell: 'bash' | 'zsh';
	/** The built-in pack, whose challenge ids `grade` is offered. */
	readonly challengesDirectory: string;
	readonly commands: Readonly<Record<string, CompletedCommand>>;
	readonly appOptions: CompletedCommand['options'];
	readonly shells: readonly string[];
};

/** The challenge ids of a pack: its folders that hold a challenge.yaml, in name order. */
function challengeIds(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true})
		.filter(entry => entry.isDirectory() && !entry.name.startsWith('.') && existsSync(path.join(directory, entry.name, 'challenge.yaml')))
		.map(entry => entry.name)
		.sort();
}

/** Prints the script; returns 0. */
export function runCompletion(options: CompletionOptions, io: CommandIo): number {
	const spec = {commands: options.commands, appOptions: options.appOptions, challengeIds: challengeIds(options.challengesDirectory), shells: options.shells};
	io.stdout(options.shell === 'bash' ? bashCompletion(spec) : zshCompletion(spec));
	return 0;
}
