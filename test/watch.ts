// watchForChanges against real files in a temp folder: file events and polling together must
// report each save once, however the editor saves. The machine may be slow and shared, so
// reports are awaited by polling with generous timeouts; only "nothing more came" needs a fixed
// wait, a few poll intervals long. Serial: the tests measure time, and one replaces fs.watch.
import fs, {appendFileSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {syncBuiltinESMExports} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import test, {type ExecutionContext} from 'ava';
import {watchForChanges, type WatchOptions} from '../source/commands/watch.js';

const options: WatchOptions = {debounceMilliseconds: 50, pollMilliseconds: 100};
// Long enough for any late event and several polls to have come and gone.
const settle = 800;

async function until(condition: () => boolean, timeoutMilliseconds = 10_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMilliseconds;
	while (!condition()) {
		if (Date.now() > deadline) {
			return false;
		}

		await sleep(20);
	}

	return true;
}

type Watched = {readonly file: string; readonly directory: string; count: () => number; stop: () => void};

// A file with a first text, watched; stopped and removed when the test ends.
async function watched(t: ExecutionContext, watchOptions: WatchOptions = options): Promise<Watched> {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-watch-'));
	const file = path.join(directory, 'db-policy.yaml');
	writeFileSync(file, 'first text\n');
	// The file's time must differ from any save that follows, whatever the clock's granularity.
	await sleep(30);
	let reports = 0;
	const stop = watchForChanges(file, () => {
		reports++;
	}, watchOptions);
	t.teardown(() => {
		stop();
		rmSync(directory, {recursive: true, force: true});
	});
	// Let the poller take its first look before anything changes.
	await sleep(150);
	return {file, directory, count: () => reports, stop};
}

test.serial('nothing is reported while the file is left alone', async t => {
	const {count} = await watched(t);
	await sleep(settle);
	t.is(count(), 0);
});

test.serial('a save written in place is reported once, not once for the event and again for the poll', async t => {
	const {file, count} = await watched(t);
	writeFileSync(file, 'second text, longer\n');
	t.true(await until(() => count() >= 1));
	await sleep(settle);
	t.is(count(), 1);
});

test.serial('a save written to a temp file then renamed over the file (as vim and many editors do) is reported once', async t => {
	const {file, directory, count} = await watched(t);
	const temporary = path.join(directory, '.db-policy.yaml.swp');
	writeFileSync(temporary, 'saved by rename\n');
	renameSync(temporary, file);
	t.true(await until(() => count() >= 1));
	await sleep(settle);
	t.is(count(), 1);
});

test.serial('a save in several steps (truncate, then append) is reported once', async t => {
	const {file, count} = await watched(t, {debounceMilliseconds: 300, pollMilliseconds: 100});
	writeFileSync(file, '');
	appendFileSync(file, 'apiVersion: networking.k8s.io/v1\n');
	appendFileSync(file, 'kind: NetworkPolicy\n');
	t.true(await until(() => count() >= 1));
	await sleep(settle);
	t.is(count(), 1);
});

test.serial('two saves a while apart are reported twice', async t => {
	const {file, count} = await watched(t);
	writeFileSync(file, 'second\n');
	t.true(await until(() => count() >= 1));
	await sleep(300);
	writeFileSync(file, 'third text\n');
	t.true(await until(() => count() >= 2));
	await sleep(settle);
	t.is(count(), 2);
});

// The signature is inode, size and modification time, not the content: an editor's save of the
// same text changes the time, so it counts as a save (and the file is graded again).
test.serial('a save of the very same text is reported, as its modification time changed', async t => {
	const {file, count} = await watched(t);
	writeFileSync(file, 'first text\n');
	t.true(await until(() => count() >= 1));
	await sleep(settle);
	t.is(count(), 1);
});

test.serial('changes to other files in the folder (vim\'s 4913 probe, its swap file) are not reported', async t => {
	const {directory, count} = await watched(t);
	writeFileSync(path.join(directory, '4913'), '');
	unlinkSync(path.join(directory, '4913'));
	writeFileSync(path.join(directory, '.db-policy.yaml.swp'), 'swap');
	writeFileSync(path.join(directory, 'other.yaml'), 'other');
	await sleep(settle);
	t.is(count(), 0);
});

test.serial('a deleted file is not reported; the file written again is, once', async t => {
	const {file, count} = await watched(t);
	unlinkSync(file);
	await sleep(settle);
	t.is(count(), 0);
	writeFileSync(file, 'written again\n');
	t.true(await until(() => count() >= 1));
	await sleep(settle);
	t.is(count(), 1);
});

test.serial('after stop, saves are no longer reported', async t => {
	const {file, count, stop} = await watched(t);
	writeFileSync(file, 'second text\n');
	t.true(await until(() => count() >= 1));
	await sleep(300);
	stop();
	writeFileSync(file, 'third, after stop\n');
	const temporary = `${file}.tmp`;
	writeFileSync(temporary, 'fourth, renamed after stop\n');
	renameSync(temporary, file);
	await sleep(settle);
	t.is(count(), 1);
});

test.serial('stop right after a save, before the quiet time ends, reports nothing', async t => {
	const {file, count, stop} = await watched(t, {debounceMilliseconds: 400, pollMilliseconds: 100});
	writeFileSync(file, 'second text\n');
	await sleep(100);
	stop();
	await sleep(settle);
	t.is(count(), 0);
});

test.serial('without file events (fs.watch throws), polling alone reports a save once', async t => {
	const original = fs.watch;
	Object.assign(fs, {
		watch() {
			throw Object.assign(new Error('ENOSYS: simulated'), {code: 'ENOSYS'});
		},
	});
	syncBuiltinESMExports();
	let result: Watched;
	try {
		result = await watched(t);
	} finally {
		Object.assign(fs, {watch: original});
		syncBuiltinESMExports();
	}

	const {file, count} = result;
	writeFileSync(file, 'saved where no events come\n');
	t.true(await until(() => count() >= 1));
	await sleep(settle);
	t.is(count(), 1);
});
