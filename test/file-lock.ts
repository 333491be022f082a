// The lock file that makes concurrent saves add up, and the clean-up of what a killed writer
// left: a stale lock is broken, a live one is waited for, temp files of live writers are kept.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {removeStaleTemporaryFiles} from '../source/content/atomic-file.js';
import {lockPath, removeStaleLock, withFileLock} from '../source/content/file-lock.js';

function temporaryDirectory(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-lock-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

// The id of a process that has exited (ids are reused only after the system wraps around).
function deadPid(): number {
	return spawnSync(process.execPath, ['-e', '']).pid;
}

function writeLock(file: string, pid: number, token = 'abcdef0123456789'): void {
	writeFileSync(lockPath(file), `${JSON.stringify({pid, host: hostname(), token})}\n`);
}

test('the work runs under the lock, and the lock is gone after', t => {
	const file = path.join(temporaryDirectory(t), 'progress.json');
	const seen = withFileLock(file, () => JSON.parse(readFileSync(lockPath(file), 'utf8')) as {pid: number});
	t.is(seen.pid, process.pid);
	t.deepEqual(readdirSync(path.dirname(file)), []);
});

test('the lock is released when the work throws', t => {
	const file = path.join(temporaryDirectory(t), 'progress.json');
	t.throws(() => withFileLock(file, () => {
		throw new Error('failed');
	}), {message: 'failed'});
	t.deepEqual(readdirSync(path.dirname(file)), []);
});

test('a lock left by a process that no longer runs is broken and taken', t => {
	const file = path.join(temporaryDirectory(t), 'progress.json');
	writeLock(file, deadPid());
	t.is(withFileLock(file, () => 'done'), 'done');
	t.deepEqual(readdirSync(path.dirname(file)), []);
});

test('a lock that is not JSON is waited for while it could be one being written, then taken', t => {
	const file = path.join(temporaryDirectory(t), 'progress.json');
	writeFileSync(lockPath(file), '');
	t.throws(() => withFileLock(file, () => 'never', {waitMilliseconds: 100}), {message: /^it is locked by another process/});
	writeFileSync(lockPath(file), 'garbage');
	const aMinuteAgo = new Date(Date.now() - 60_000);
	utimesSync(lockPath(file), aMinuteAgo, aMinuteAgo);
	t.is(withFileLock(file, () => 'done', {waitMilliseconds: 100}), 'done');
});

test('a live process\'s lock is waited for, then the wait gives up saying who holds it', t => {
	const file = path.join(temporaryDirectory(t), 'progress.json');
	writeLock(file, process.pid);
	const started = Date.now();
	t.throws(() => withFileLock(file, () => 'never', {waitMilliseconds: 200}), {
		message: `it is locked by process ${process.pid} (${lockPath(file)}); if no netpol-dojo is running, delete that file`,
	});
	t.true(Date.now() - started >= 200);
	t.deepEqual(readdirSync(path.dirname(file)), ['progress.json.lock'], 'the live lock is left alone');
});

test('a live process\'s lock older than the stale limit is taken over (its holder is stuck)', t => {
	const file = path.join(temporaryDirectory(t), 'progress.json');
	writeLock(file, process.pid);
	const anHourAgo = new Date(Date.now() - 3_600_000);
	utimesSync(lockPath(file), anHourAgo, anHourAgo);
	t.is(withFileLock(file, () => 'done', {waitMilliseconds: 100}), 'done');
});

test('removeStaleLock removes a dead process\'s lock and keeps a live one\'s', t => {
	const file = path.join(temporaryDirectory(t), 'progress.json');
	writeLock(file, process.pid);
	t.false(removeStaleLock(file));
	t.deepEqual(readdirSync(path.dirname(file)), ['progress.json.lock']);
	writeLock(file, deadPid());
	t.true(removeStaleLock(file));
	t.deepEqual(readdirSync(path.dirname(file)), []);
	t.false(removeStaleLock(file), 'no lock, nothing removed');
});

test('removeStaleTemporaryFiles removes the temp files of writers that are gone, and only those', t => {
	const directory = temporaryDirectory(t);
	const dead = `.progress.json.tmp-${deadPid()}-0123456789ab`;
	const deadLock = `.progress.json.lock.tmp-${deadPid()}-0123456789ab`;
	const live = `.progress.json.tmp-${process.pid}-0123456789ab`;
	const oldLive = `.exam.json.tmp-${process.pid}-ba9876543210`;
	const others = ['progress.json', 'notes.tmp-1-0123456789ab', '.progress.json.tmp-x'];
	for (const name of [dead, deadLock, live, oldLive, ...others]) {
		writeFileSync(path.join(directory, name), '{');
	}

	const twoDaysAgo = new Date(Date.now() - (2 * 24 * 3_600_000));
	utimesSync(path.join(directory, oldLive), twoDaysAgo, twoDaysAgo);
	t.deepEqual(removeStaleTemporaryFiles(directory).sort(), [deadLock, dead, oldLive].sort());
	t.deepEqual(readdirSync(directory).sort(), [live, ...others].sort());
});

test('removeStaleTemporaryFiles of a folder that does not exist removes nothing', t => {
	t.deepEqual(removeStaleTemporaryFiles(path.join(temporaryDirectory(t), 'missing')), []);
});
