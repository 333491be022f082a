// A pack is untrusted data (issue 5): its files are read only from inside its folder, only as
// plain files (a symbolic link could point anywhere, a FIFO would block the reader), and with
// limits on what one file may make us parse: 32 MiB (read-text.ts), aliases and nesting
// (yaml-document.ts), and the number of YAML documents, counted here before any parsing, and of
// objects (a List's items each one) and flows, counted once the text is read.
import {lstatSync} from 'node:fs';
import path from 'node:path';
import {objectCount} from '../kube/objects.js';
import {asRecord} from '../kube/values.js';
import {documentsOf} from './documents.js';
import {InputError} from '../model/input-error.js';
import {readText} from './read-text.js';
import type {SourceDocument} from './yaml-document.js';

/** Far more YAML documents than a teaching cluster needs; more is a mistake or an attack. */
export const maxPackDocuments = 10_000;

/** Far more objects (a List's items each counted) or flows than a teaching cluster needs. */
export const maxPackObjects = 10_000;

/**
Pack and challenge ids are DNS-1123 labels, as Kubernetes names are: they name folders and
files (`packs/<pack>/`, `work/<pack>/<challenge>.yaml`), so nothing that could leave one
(`..`, `/`), and no more than 63 characters, far below the file system's 255 a name.
*/
export const maxIdLength = 63;

/** Lowercase letters, digits and hyphens, starting and ending with a letter or digit, at most maxIdLength. */
export const packIdPattern = /^(?=.{1,63}$)[a-z\d](?:[a-z\d-]*[a-z\d])?$/;

/** What is wrong with an id as a name, in the API server's words (`must be no more than 63 characters`), or undefined. */
export function idLengthProblem(id: string): string | undefined {
	return id.length > maxIdLength ? `must be no more than ${maxIdLength} characters` : undefined;
}

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

	// A List holds any number of objects in one document, and a flows file any number of flows:
	// counted once read, before anything is validated or graded.
	const documents = documentsOf(text, file);
	const count = documents.reduce((sum, document) => sum + entryCount(document.value), 0);
	if (count > maxPackObjects) {
		throw new InputError([{file, message: `has ${count.toLocaleString('en-US')} objects (List items and flows counted one by one), more than the ${maxPackObjects.toLocaleString('en-US')} a pack file may hold (refused as a possible resource attack)`}]);
	}

	return documents;
}

// The objects of a document, or the flows of a flows file (`cases.yaml`).
function entryCount(value: unknown): number {
	const flows = asRecord(value)?.['flows'];
	return Array.isArray(flows) ? flows.length : objectCount(value);
}
