// Writing a file so that it is either the old text or the new, never half of each: the text
// goes to a temp file in the same folder, is flushed to disk, then renamed over the file. A
// crash or a full disk mid-write leaves the previous file whole; a temp file is removed on
// failure, and one left by a process killed mid-write (kill -9, power loss) is removed by
// removeStaleTemporaryFiles at the next start: its name carries the writer's process id.
import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {isProcessAlive} from './live-process.js';

/** A name for a temp file beside `file`: `.<name>.tmp-<pid>-<random>`, hidden, and telling which process made it. */
export function temporaryPath(file: string): string {
	return path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
}

const temporaryName = /^\..+\.tmp-(\d+)-[\da-f]{12}$/;

// A process id can be reused by a later process; a temp file this old is no write in progress.
const abandonedAfterMilliseconds = 24 * 60 * 60 * 1000;

/**
Removes the temp files in `directory` (not its subfolders) left by writers that are gone: those
whose process no longer runs on this machine, or older than a day. Another live process's temp
file, mid-write, is left alone. Best effort: returns the names removed, never throws.
*/
export function removeStaleTemporaryFiles(directory: string, now = Date.now()): string[] {
	let names: string[];
	try {
		names = readdirSync(directory);
	} catch {
		return [];
	}

	return names.filter(name => {
		const match = temporaryName.exec(name);
		if (!match) {
			return false;
		}

		const file = path.join(directory, name);
		try {
			const stats = lstatSync(file);
			if (!stats.isFile() || (isProcessAlive(Number(match[1])) && now - stats.mtimeMs < abandonedAfterMilliseconds)) {
				return false;
			}

			rmSync(file, {force: true});
			return true;
		} catch {
			return false;
		}
	});
}

/** Writes `text` to `file` atomically, creating its folder if needed. Throws the file system's error. */
export function writeFileAtomic(file: string, text: string): void {
	const directory = path.dirname(file);
	mkdirSync(directory, {recursive: true});
	const temporary = temporaryPath(file);
	try {
		writeAndFlush(temporary, text);
		renameSync(temporary, file);
	} finally {
		removeQuietly(temporary);
	}

	syncDirectory(directory);
}

/**
Creates `file` with `text` unless it exists: true when created, false when a file was already
there (it is left untouched). A new file has no previous text to lose, so it is written in
place; a failed write removes it.
*/
export function createFileExclusive(file: string, text: string): boolean {
	mkdirSync(path.dirname(file), {recursive: true});
	try {
		writeAndFlush(file, text);
	} catch (error) {
		if ((error as {code?: unknown}).code === 'EEXIST') {
			return false;
		}

		throw error;
	}

	syncDirectory(path.dirname(file));
	return true;
}

// Opens with 'wx', so an existing file is never truncated.
function writeAndFlush(file: string, text: string): void {
	const descriptor = openSync(file, 'wx');
	try {
		writeFileSync(descriptor, text);
		fsyncSync(descriptor);
	} catch (error) {
		closeSync(descriptor);
		removeQuietly(file);
		throw error;
	}

	closeSync(descriptor);
}

// Cleaning up after a failed write must not hide why the write failed.
function removeQuietly(file: string): void {
	try {
		rmSync(file, {force: true});
	} catch {
		// The error that matters is the one being reported.
	}
}

// On POSIX the rename is durable only once the directory itself is flushed. Some systems
// (Windows) cannot open a directory for that; the rename has happened by then, so it is skipped.
function syncDirectory(directory: string): void {
	let descriptor: number | undefined;
	try {
		descriptor = openSync(directory, 'r');
		fsyncSync(descriptor);
	} catch {
		// Best effort, as explained above.
	} finally {
		if (descriptor !== undefined) {
			closeSync(descriptor);
		}
	}
}
