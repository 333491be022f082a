// Which files a command's FILE arguments stand for, as `kubectl apply -f DIR -R` reads them: a
// folder is walked recursively, each folder's entries in byte order of their names (Go's
// filepath.Walk sorts them so), keeping the files whose name ends in `.yaml`, `.yml` or `.json`
// (case as written, as kubectl compares them), hidden files and folders included, as kubectl
// includes them. `-` is standard input. The list is plain data: every command reads its files
// from it, so that all read the same files in the same order.
import {Buffer} from 'node:buffer';
import {type Dirent, readdirSync, type Stats, statSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../model/input-error.js';
import {describeNotRegular} from './regular-file.js';
import {standardInputName} from './read-text.js';

/** The extensions kubectl reads in a folder (cli-runtime's FileExtensions). */
export const manifestExtensions = ['.json', '.yaml', '.yml'] as const;

export type ManifestPaths = {
	/** The files to read, in order; standard input as standardInputName. */
	readonly files: readonly string[];
	/** What was passed over and why, for a `note:` line each (a symbolic link to a folder). */
	readonly notes: readonly string[];
};

/**
The files that FILE arguments stand for, in order: a file as given, a folder's manifest files
(recursively, in name order), `-` as standard input. A file named twice (on its own and inside a
folder) is read once, where first named. Throws InputError for a folder with no manifest file,
a folder that cannot be listed, and a named pipe or device inside a folder (reading it would
block or never end; given by name, as `<(...)`, one is read).
*/
export function expandManifestPaths(args: readonly string[]): ManifestPaths {
	const files: string[] = [];
	const notes: string[] = [];
	const seen = new Set<string>();
	const add = (file: string) => {
		const key = file === standardInputName ? file : path.resolve(file);
		if (!seen.has(key)) {
			seen.add(key);
			files.push(file);
		}
	};

	for (const argument of args) {
		if (!isFolder(argument)) {
			add(fileArgument(argument));
			continue;
		}

		const found: string[] = [];
		walk(argument, found, notes);
		if (found.length === 0) {
			throw new InputError([{file: argument, message: 'is a folder with no .yaml, .yml or .json file in it or in its sub-folders; nothing to read'}]);
		}

		for (const file of found) {
			add(file);
		}
	}

	return {files, notes};
}

/** The file one FILE argument names: `-` is standard input; a file really named `<stdin>` stays a file. */
export function fileArgument(argument: string): string {
	if (argument === '-') {
		return standardInputName;
	}

	return argument === standardInputName ? `.${path.sep}${argument}` : argument;
}

/** Whether an argument is a folder (a symbolic link to one included: it was named). */
function isFolder(argument: string): boolean {
	if (argument === '-') {
		return false;
	}

	try {
		return statSync(argument).isDirectory();
	} catch {
		// Missing or unreadable: reading it says which, in the readers' words.
		return false;
	}
}

function walk(folder: string, found: string[], notes: string[]): void {
	for (const entry of entriesInNameOrder(folder)) {
		const file = path.join(folder, entry.name);
		if (entry.isDirectory()) {
			walk(file, found, notes);
			continue;
		}

		if (!hasManifestExtension(entry.name)) {
			continue;
		}

		if (entry.isSymbolicLink()) {
			const target = statOrUndefined(file);
			if (target?.isDirectory()) {
				// filepath.Walk does not follow links: a link to a folder could also loop back.
				notes.push(`${file} is a symbolic link to a folder, which is not followed (kubectl apply -R does not follow it either); give the folder itself to read it`);
				continue;
			}

			// A link to a file is read, as kubectl reads it; a dangling one is reported by the reader.
			if (target && !target.isFile()) {
				throw new InputError([{file, message: `is not a regular file (it is ${describeNotRegular(target)}); a folder's files are read only when they are regular files`}]);
			}
		} else if (!entry.isFile()) {
			throw new InputError([{file, message: `is not a regular file (it is ${describeNotRegular(statSync(file))}); a folder's files are read only when they are regular files`}]);
		}

		found.push(file);
	}
}

function entriesInNameOrder(folder: string): Dirent[] {
	let entries: Dirent[];
	try {
		entries = readdirSync(folder, {withFileTypes: true});
	} catch (error) {
		const code = (error as {code?: string}).code;
		throw new InputError([{file: folder, message: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot be read (${code ?? String(error)})`}]);
	}

	// Go compares names as UTF-8 bytes; JavaScript's default order compares UTF-16 code units.
	return entries.sort((left, right) => Buffer.compare(Buffer.from(left.name), Buffer.from(right.name)));
}

// As Go's filepath.Ext: from the last dot of the name, so `.yaml` alone is a YAML file too.
function hasManifestExtension(name: string): boolean {
	const dot = name.lastIndexOf('.');
	return dot !== -1 && (manifestExtensions as readonly string[]).includes(name.slice(dot));
}

function statOrUndefined(file: string): Stats | undefined {
	try {
		return statSync(file);
	} catch {
		return undefined;
	}
}
