// A command's file arguments as the commands read them: folders expanded into their manifest
// files (content/manifest-paths.ts), `-` as standard input, which can be read only once.
import type {CommandIo} from '../commands/io.js';
import {expandManifestPaths, fileArgument} from '../content/manifest-paths.js';
import {stripControlSequences} from '../model/sanitize.js';
import {usageError} from './arguments.js';

/** Refuses a command line that names standard input (`-`) more than once, among all its file arguments. */
export function refuseSecondStandardInput(files: ReadonlyArray<string | undefined>, usageLine: string): void {
	if (files.filter(file => file === '-').length > 1) {
		throw usageError('- (standard input) is given twice; standard input can be read only once', usageLine);
	}
}

/** The files FILE... stand for, folders expanded; what was passed over is noted on stderr. */
export function clusterFileArguments(files: readonly string[], io: CommandIo): string[] {
	const {files: expanded, notes} = expandManifestPaths(files);
	for (const note of notes) {
		io.stderr(`note: ${stripControlSequences(note)}\n`);
	}

	return [...expanded];
}

export {fileArgument};
