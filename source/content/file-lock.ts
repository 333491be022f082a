// A lock file beside a file that several processes read, change and write back (two apps open,
// or an app and `progress --reset`): without it, two read-merge-writes at once each write what
// they read plus their own change, and the first one's change is lost.
//
// The lock is `<file>.lock`, holding the holder's process id, host and a random token. It is
// made whole in a temp file and then hard-linked into place, which fails when a lock exists:
// so a lock is never seen half-written, and exactly one process gets it. A holder killed before
// it could remove its lock leaves it behind; a lock whose process no longer runs on this host,
// or older than staleAfterMilliseconds (no save takes that long), is broken and taken over.
import {randomBytes} from 'node:crypto';
import {linkSync, lstatSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import process from 'node:process';
import {temporaryPath} from './atomic-file.js';
import {isProcessAlive} from './live-process.js';
import {readRegularFile} from './regular-file.js';

export type LockOptions = {
	/** How long to wait for another process's lock before giving up. */
	readonly waitMilliseconds?: number;
	/** A lock older than this is taken to be abandoned, whoever holds it. */
	readonly staleAfterMilliseconds?: number;
};

type Holder = {readonly pid?: number; readonly host?: string; readonly token?: string; readonly ageMilliseconds: number};

/** The lock file of `file`. */
export function lockPath(file: string): string {
	return `${file}.lock`;
}

/**
Runs `work` while holding the lock of `file`, and releases it after, even when `work` throws.
Waits while another live process holds it; throws an Error saying who holds it when that takes
longer than waitMilliseconds, and the file system's error when the lock cannot be made (ENOENT
when the folder does not exist: the caller creates it when it means to write there).
*/
export function withFileLock<T>(file: string, work: () => T, options: LockOptions = {}): T {
	const lock = lockPath(file);
	const token = randomBytes(8).toString('hex');
	acquire(lock, token, options);
	try {
		return work();
	} finally {
		release(lock, token);
	}
}

/** Removes the lock of `file` when it is stale (see above); true when one was removed. Never throws. */
export function removeStaleLock(file: string, options: LockOptions = {}): boolean {
	const lock = lockPath(file);
	try {
		const holder = readHolder(lock);
		return holder !== undefined && isStale(holder, options) && breakLock(lock, holder);
	} catch {
		return false;
	}
}

function acquire(lock: string, token: string, options: LockOptions): void {
	const giveUpAt = Date.now() + (options.waitMilliseconds ?? 10_000);
	const content = `${JSON.stringify({pid: process.pid, host: hostname(), token})}\n`;
	for (;;) {
		if (tryCreate(lock, content)) {
			return;
		}

		const holder = readHolder(lock);
		if (holder === undefined) {
			// Released between our attempt and the look: try again at once.
			continue;
		}

		if (isStale(holder, options)) {
			breakLock(lock, holder);
			continue;
		}

		if (Date.now() > giveUpAt) {
			const who = holder.pid === undefined ? 'another process' : `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host ?? 'another host'}`}`;
			throw new Error(`it is locked by ${who} (${lock}); if no netpol-dojo is running, delete that file`);
		}

		// Locks are held for the milliseconds of one save; a random pause keeps waiters from moving in step.
		sleep(1 + Math.floor(Math.random() * 5));
	}
}

// File systems without hard links (some network and FUSE mounts) say so with one of these.
const noHardLinks = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

// Writes the lock whole in a temp file, then links it into place: the link fails when a lock
// exists. Without hard links the lock is created in place with O_EXCL, which is as exclusive but
// may be seen empty for an instant: an unreadable lock counts as stale only once it is a few
// seconds old (isStale).
function tryCreate(lock: string, content: string): boolean {
	const temporary = temporaryPath(lock);
	try {
		writeFileSync(temporary, content, {flag: 'wx'});
		try {
			linkSync(temporary, lock);
		} catch (error) {
			if (!noHardLinks.has((error as {code?: unknown}).code as string)) {
				throw error;
			}

			writeFileSync(lock, content, {flag: 'wx'});
		}

		return true;
	} catch (error) {
		if ((error as {code?: unknown}).code === 'EEXIST') {
			return false;
		}

		throw error;
	} finally {
		rmSync(temporary, {force: true});
	}
}

// Who holds the lock, or undefined when there is none; without pid and token when it cannot be
// read as one of ours (not JSON, not a regular file).
function readHolder(lock: string): Holder | undefined {
	let ageMilliseconds: number;
	try {
		ageMilliseconds = Date.now() - lstatSync(lock).mtimeMs;
	} catch (error) {
		if ((error as {code?: unknown}).code === 'ENOENT') {
			return undefined;
		}

		throw error;
	}

	const reading = readRegularFile(lock, 4096);
	if (reading.kind === 'missing') {
		return undefined;
	}

	if (reading.kind !== 'read') {
		return {ageMilliseconds};
	}

	try {
		const value = JSON.parse(reading.bytes.toString('utf8')) as {pid?: unknown; host?: unknown; token?: unknown};
		return {
			ageMilliseconds,
			...(typeof value.pid === 'number' ? {pid: value.pid} : {}),
			...(typeof value.host === 'string' ? {host: value.host} : {}),
			...(typeof value.token === 'string' ? {token: value.token} : {}),
		};
	} catch {
		return {ageMilliseconds};
	}
}

// A lock is written in microseconds: one still unreadable after this was not made by a writer of ours.
const unreadableAfterMilliseconds = 2000;

function isStale(holder: Holder, options: LockOptions): boolean {
	if (holder.ageMilliseconds > (options.staleAfterMilliseconds ?? 10_000)) {
		return true;
	}

	if (holder.token === undefined || holder.pid === undefined) {
		return holder.ageMilliseconds > unreadableAfterMilliseconds;
	}

	// A process on another host (a shared home folder) cannot be checked: only its age tells.
	return holder.host === hostname() && !isProcessAlive(holder.pid);
}

/**
Breaks a stale lock without breaking a live one: the lock is first renamed aside (one rename
wins when two processes break it at once), then its token is checked. When another process had
meanwhile broken the stale lock and taken a new one, it was that live lock that was moved: it is
linked back in place unless a third process has taken the lock since.
*/
function breakLock(lock: string, stale: Holder): boolean {
	const aside = temporaryPath(lock);
	try {
		renameSync(lock, aside);
	} catch {
		return false;
	}

	try {
		const moved = readHolder(aside);
		if (moved?.token !== stale.token) {
			try {
				linkSync(aside, lock);
			} catch {
				// A lock exists again: the process that made it holds it.
			}

			return false;
		}

		return true;
	} finally {
		rmSync(aside, {force: true});
	}
}

// Releases only our own lock: one broken as stale (held past staleAfterMilliseconds) may be another's now.
function release(lock: string, token: string): void {
	try {
		if (readHolder(lock)?.token === token) {
			rmSync(lock, {force: true});
		}
	} catch {
		// The work is done and saved; a lock left behind is broken as stale by the next process.
	}
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

// The saves are synchronous (the app saves from an effect and exits right after), so the wait is too.
function sleep(milliseconds: number): void {
	Atomics.wait(sleeper, 0, 0, milliseconds);
}
