// A pack is untrusted data (issue 5): its files are read only from inside its folder, only as
// plain files (a symbolic link could point anywhere, a FIFO would block the reader), and with
// limits on what one file may make us parse: 32 MiB (read-text.ts), aliases and nesting
// (yaml-document.ts), and the number of YAML documents, counted here before any parsing.
import {lstatSync} from 'node:fs';
import path from 'node:path';
import {documentsOf} from './documents.js';
import {InputError} from './input-error.js';
import {readText} from './read-text.js';
import type {SourceDocument} from './yaml-document.js';

/** Far more YAML documents than a teaching cluster needs; more is a mistake or an attack. */
export const maxPackDocuments = 10_000;

/** Pack and challenge ids: they name folders, so nothing that could leave one (`..`, `/`). */
export const packIdPattern = /^[a-z\d][a-z\d-]*$/;

/** Refuses a pack folder that is missing, not a folder, or a symbolic link. */
export function checkPackFolder(directory: string): void {
	let stats;
	try {
		stats = lstatSync(directory);
	} catch {
		throw new InputError([{file: directory, message: 'no such folder; a pack is a folder with pack.yaml and one folder per challenge'}]);
	}

	if (stats.isSymbolicLink()) {
		throw new InputError([{file: directory, message: 'is a symbolic link; a pack is read only from a real folder (give the folder it points to)'}]);
	}

	if (!stats.isDirectory()) {
		throw new InputError([{file: directory, message: 'is not a folder; a pack is a folder with pack.yaml and one folder per challenge'}]);
	}
}

/**
The path of a file of the pack, checked to be a plain file inside `folder`; undefined when an
optional file is absent. Throws InputError for a missing required file (with `expected`, what
the folder should hold) and for anything but a plain file.
*/
export function packFile(folder: string, name: string, expected: string, isOptional = false): string | undefined {
	const file = path.join(folder, name);
	let stats;
	try {
		stats = lstatSync(file);
	} catch {
		if (isOptional) {
			return undefined;
		}

		throw new InputError([{file, message: `no such file; ${expected}`}]);
	}

	if (!stats.isFile()) {
		throw new InputError([{file, message: 'is not a plain file (a symbolic link, a folder or a device); a pack is read only from its own folder'}]);
	}

	return file;
}

/** The YAML documents of a pack file, refused before parsing when there are too many. */
export function readPackDocuments(file: string): SourceDocument[] {
	return packDocumentsOf(readText(file), file);
}

/** The documents of a pack file's text, within the document limit. */
export function packDocumentsOf(text: string, file: string): SourceDocument[] {
	// Every document after the first starts with a `---` line; counting them is cheap, while
	// parsing millions of empty documents is not.
	const markers = text.match(/^---/gm)?.length ?? 0;
	if (markers + 1 > maxPackDocuments) {
		throw new InputError([{file, message: `has more than ${maxPackDocuments} YAML documents; a pack file holds far fewer (refused as a possible resource attack)`}]);
	}

	return documentsOf(text, file);
}
