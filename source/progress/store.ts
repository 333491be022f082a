// Where the learner's progress lives on disk, and reading and writing it. A damaged file must
// never stop the app: it is set aside (kept, for the curious or for a bug report) and the
// learner starts afresh. Writes go through a temp file and a rename, so a crash or a full disk
// mid-write leaves the previous file whole. Apps open at once merge their saves under a lock
// file, and the next start clears what a killed one left (its temp files, its lock).
import {isUtf8} from 'node:buffer';
import {lstatSync, mkdirSync, renameSync, unlinkSync} from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import {InputError} from '../model/input-error.js';
import {removeStaleTemporaryFiles, writeFileAtomic} from '../content/atomic-file.js';
import {describeError, errorCode} from '../content/file-errors.js';
import {removeStaleLock, withFileLock} from '../content/file-lock.js';
import {readRegularFile} from '../content/regular-file.js';
import {type Progress, emptyProgress, mergeProgress, parseProgress} from './model.js';

/** The progress file's name inside the data directory. */
export const progressFileName = 'progress.json';

// Far above any real progress file; a bigger one is not ours, and is not read into memory.
const maxBytes = 8 * 1024 * 1024;

/** What loading found: the progress, and a one-sentence notice for stderr when a damaged file was set aside. */
export type LoadedProgress = {
	readonly progress: Progress;
	readonly notice?: string;
};

/**
The folder that holds `progress.json`: `NETPOL_DOJO_HOME` when set and not empty, else the
platform's data folder (env-paths: `~/.local/share/netpol-dojo` or `$XDG_DATA_HOME/netpol-dojo`
on Linux; env-paths reads the XDG variables from the process environment).
*/
export function dataDirectory(env: Readonly<Record<string, string | undefined>>): string {
	const home = env['NETPOL_DOJO_HOME'];
	return home ? path.resolve(home) : envPaths('netpol-dojo', {suffix: ''}).data;
}

/** The path of the progress file in a data directory. */
export function progressFile(directory: string): string {
	return path.join(directory, progressFileName);
}

/**
Reads the progress. A missing file is empty progress. A file that cannot be read or is not
formatVersion 1 progress (bad JSON, wrong shape, unknown formatVersion, not a regular file: a
named pipe or a device) is renamed to `progress.json.corrupt-<time>` and loading starts afresh,
with a notice naming both paths. Loading is how the app starts, so it first removes what a
process killed mid-save left in the directory: its temp files and its lock, never those of a
process still running. Never throws for what it finds on disk.
*/
export function loadProgress(directory: string, now = new Date()): LoadedProgress {
	const file = progressFile(directory);
	removeStaleTemporaryFiles(directory);
	removeStaleLock(file);
	const reading = readProgressFile(file);
	if (reading.kind === 'missing') {
		return {progress: emptyProgress()};
	}

	if (reading.kind === 'read') {
		return {progress: reading.progress};
	}

	return {progress: emptyProgress(), notice: setAside(file, reading.problem, now)};
}

/**
Writes the progress as pretty JSON, stamped with `updatedAt`, creating the directory if needed.
Atomic: the text goes to a temp file in the same directory, is flushed to disk, then renamed
over `progress.json`. Throws InputError naming the file when it cannot be written; the previous
file is then unchanged and no temp file is left behind.
*/
export function saveProgress(directory: string, progress: Progress, now = new Date()): void {
	const file = progressFile(directory);
	const text = `${JSON.stringify({...progress, updatedAt: now.toISOString()}, undefined, 2)}\n`;
	try {
		writeFileAtomic(file, text);
	} catch (error) {
		throw new InputError([{file, message: `could not be saved (${describeError(error)}); the progress saved before is unchanged`}]);
	}
}

/**
Saves progress merged with what the file holds now (mergeProgress), so that two apps open at
once keep each other's pages, answers, solves and exams instead of the last save erasing the
other's. The read, the merge and the write happen under the file's lock (content/file-lock.ts):
otherwise two saves at once would each write what they read, and one's change would be lost.
A file that cannot be read is simply replaced. Throws InputError naming the file when it
cannot be saved (another process holding the lock for seconds included).
*/
export function saveProgressMerged(directory: string, progress: Progress, now = new Date()): void {
	const file = progressFile(directory);
	try {
		mkdirSync(directory, {recursive: true});
		withFileLock(file, () => {
			const reading = readProgressFile(file);
			saveProgress(directory, reading.kind === 'read' ? mergeProgress(reading.progress, progress) : progress, now);
		});
	} catch (error) {
		if (error instanceof InputError) {
			throw error;
		}

		throw new InputError([{file, message: `could not be saved (${describeError(error)}); the progress saved before is unchanged`}]);
	}
}

/** Deletes the progress file; true when there was one. Throws InputError naming the file when it cannot be deleted. */
export function resetProgress(directory: string): boolean {
	const file = progressFile(directory);
	try {
		// Under the lock, so that a save in progress elsewhere lands before the reset, not after it.
		withFileLock(file, () => {
			unlinkSync(file);
		});
		return true;
	} catch (error) {
		if (errorCode(error) === 'ENOENT') {
			return false;
		}

		throw new InputError([{file, message: `could not be deleted (${describeError(error)})`}]);
	}
}

type Reading =
	| {readonly kind: 'missing'}
	| {readonly kind: 'read'; readonly progress: Progress}
	| {readonly kind: 'damaged'; readonly problem: string};

function readProgressFile(file: string): Reading {
	let reading: ReturnType<typeof readRegularFile>;
	try {
		reading = readRegularFile(file, maxBytes);
	} catch (error) {
		return errorCode(error) === 'ENOENT' ? {kind: 'missing'} : {kind: 'damaged', problem: `could not be read (${describeError(error)})`};
	}

	if (reading.kind === 'missing') {
		return reading;
	}

	if (reading.kind === 'notRegular') {
		return {kind: 'damaged', problem: `is not a regular file (it is ${reading.what})`};
	}

	if (reading.kind === 'tooLarge') {
		return {kind: 'damaged', problem: `is larger than ${maxBytes / 1024 / 1024} MiB`};
	}

	const {bytes} = reading;

	if (!isUtf8(bytes)) {
		return {kind: 'damaged', problem: 'is not UTF-8 text'};
	}

	let value: unknown;
	try {
		// A byte order mark is what some editors add; it does not make the file damaged.
		value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
	} catch {
		return {kind: 'damaged', problem: 'is not valid JSON'};
	}

	const progress = parseProgress(value);
	if (progress) {
		return {kind: 'read', progress};
	}

	const formatVersion = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)['formatVersion'] : undefined;
	if (formatVersion !== undefined && formatVersion !== 1) {
		return {kind: 'damaged', problem: `has formatVersion ${JSON.stringify(formatVersion)}, which this version of netpol-dojo does not read`};
	}

	return {kind: 'damaged', problem: 'is not in the progress format'};
}

function setAside(file: string, problem: string, now: Date): string {
	const aside = unusedPath(`${file}.corrupt-${now.toISOString().replaceAll(':', '-')}`);
	try {
		renameSync(file, aside);
	} catch (error) {
		return `Progress file ${file} ${problem} and could not be moved to ${aside} (${describeError(error)}), so progress starts afresh.`;
	}

	return `Progress file ${file} ${problem}, so it was moved to ${aside} and progress starts afresh.`;
}

// Two damaged files set aside within the same millisecond must not overwrite each other.
function unusedPath(candidate: string): string {
	for (let number = 1; ; number++) {
		const attempt = number === 1 ? candidate : `${candidate}-${number}`;
		try {
			lstatSync(attempt);
		} catch {
			return attempt;
		}
	}
}
