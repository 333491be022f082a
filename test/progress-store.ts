// The progress store against a real file system, each test in its own temp folder (the folder
// NETPOL_DOJO_HOME would name). Failures mid-write are simulated by replacing node:fs functions
// (syncBuiltinESMExports makes the store's named imports see the replacement), so these tests
// run serially.
import {Buffer} from 'node:buffer';
import type fs from 'node:fs';
import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, writeSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import envPaths from 'env-paths';
import {InputError} from '../source/model/input-error.js';
import {type Progress, emptyProgress, markPageSeen, recordAnswer} from '../source/progress/model.js';
import {dataDirectory, loadProgress, progressFile, resetProgress, saveProgress, saveProgressMerged} from '../source/progress/store.js';
import {systemError, withReplaced} from './helpers/fake-fs.js';

const now = new Date('2024-05-01T10:00:00.000Z');
const later = new Date('2024-05-02T11:30:00.000Z');
const asideName = 'progress.json.corrupt-2024-05-01T10-00-00.000Z';

const someProgress: Progress = recordAnswer(markPageSeen(emptyProgress(), 'traffic-direction', 0, 3, [1]), 'traffic-direction', 1, true, 3, [1]);

function temporaryDirectory(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-progress-'));
	t.teardown(() => {
		chmodSync(directory, 0o700);
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

test.serial('save then load gives back the progress, stamped with updatedAt', t => {
	const directory = temporaryDirectory(t);
	saveProgress(directory, someProgress, now);
	t.deepEqual(loadProgress(directory), {progress: {...someProgress, updatedAt: '2024-05-01T10:00:00.000Z'}});
});

test.serial('the file is pretty JSON', t => {
	const directory = temporaryDirectory(t);
	saveProgress(directory, someProgress, now);
	t.is(readFileSync(path.join(directory, 'progress.json'), 'utf8'), `{
  "formatVersion": 1,
  "lessons": {
    "traffic-direction": {
      "pagesSeen": [
        0,
        1
      ],
      "checkpoints": {
        "1": {
          "isCorrect": true,
          "attempts": 1
        }
      },
      "isCompleted": false
    }
  },
  "updatedAt": "2024-05-01T10:00:00.000Z"
}
`);
});

test.serial('save creates the directory and its parents', t => {
	const directory = path.join(temporaryDirectory(t), 'a', 'b');
	saveProgress(directory, emptyProgress(), now);
	t.deepEqual(readdirSync(directory), ['progress.json']);
});

test.serial('saving twice leaves only progress.json, holding the second save', t => {
	const directory = temporaryDirectory(t);
	saveProgress(directory, emptyProgress(), now);
	saveProgress(directory, someProgress, later);
	t.deepEqual(readdirSync(directory), ['progress.json']);
	t.deepEqual(loadProgress(directory).progress, {...someProgress, updatedAt: '2024-05-02T11:30:00.000Z'});
});

test.serial('a failed rename leaves the old file whole and no temp file', t => {
	const directory = temporaryDirectory(t);
	saveProgress(directory, someProgress, now);
	const before = readFileSync(progressFile(directory), 'utf8');
	withReplaced('renameSync', () => {
		throw systemError('EIO');
	}, () => {
		const error = t.throws(() => {
			saveProgress(directory, emptyProgress(), later);
		}, {instanceOf: InputError});
		t.is(error.message, `${progressFile(directory)}: could not be saved (EIO); the progress saved before is unchanged`);
	});
	t.is(readFileSync(progressFile(directory), 'utf8'), before);
	t.deepEqual(readdirSync(directory), ['progress.json']);
});

test.serial('a write that fails halfway (disk full) never touches progress.json', t => {
	const directory = temporaryDirectory(t);
	saveProgress(directory, someProgress, now);
	const before = readFileSync(progressFile(directory), 'utf8');
	let writtenTo: number | undefined;
	withReplaced('writeFileSync', ((descriptor: number, text: string) => {
		writtenTo = descriptor;
		writeSync(descriptor, text.slice(0, 10));
		throw systemError('ENOSPC');
	}) as typeof fs.writeFileSync, () => {
		const error = t.throws(() => {
			saveProgress(directory, emptyProgress(), later);
		}, {instanceOf: InputError});
		t.is(error.message, `${progressFile(directory)}: could not be saved (no space left on the device, ENOSPC); the progress saved before is unchanged`);
	});
	t.is(typeof writtenTo, 'number');
	t.is(readFileSync(progressFile(directory), 'utf8'), before);
	t.deepEqual(readdirSync(directory), ['progress.json']);
});

test.serial('saving where the directory is a file fails with InputError and keeps the file', t => {
	const directory = path.join(temporaryDirectory(t), 'not-a-folder');
	writeFileSync(directory, 'mine');
	const error = t.throws(() => {
		saveProgress(directory, emptyProgress(), now);
	}, {instanceOf: InputError});
	t.is(error.message, `${progressFile(directory)}: could not be saved (a parent of it is not a folder, EEXIST); the progress saved before is unchanged`);
	t.is(readFileSync(directory, 'utf8'), 'mine');
});

// Root writes into read-only folders, so this check needs an ordinary user.
const isRoot = process.getuid?.() === 0;
(isRoot ? test.skip : test.serial)('saving into a read-only directory fails and keeps the old file', t => {
	const directory = temporaryDirectory(t);
	saveProgress(directory, someProgress, now);
	const before = readFileSync(progressFile(directory), 'utf8');
	chmodSync(directory, 0o500);
	const error = t.throws(() => {
		saveProgress(directory, emptyProgress(), later);
	}, {instanceOf: InputError});
	t.is(error.message, `${progressFile(directory)}: could not be saved (permission denied, EACCES); the progress saved before is unchanged`);
	t.is(readFileSync(progressFile(directory), 'utf8'), before);
	t.deepEqual(readdirSync(directory), ['progress.json']);
});

test.serial('a missing file is empty progress, and loading creates nothing', t => {
	const directory = path.join(temporaryDirectory(t), 'never-saved');
	t.deepEqual(loadProgress(directory), {progress: {formatVersion: 1, lessons: {}}});
	t.throws(() => readdirSync(directory), {code: 'ENOENT'});
});

test.serial('a byte order mark does not make the file damaged', t => {
	const directory = temporaryDirectory(t);
	writeFileSync(progressFile(directory), '\uFEFF{"formatVersion": 1, "lessons": {}}');
	t.deepEqual(loadProgress(directory, now), {progress: {formatVersion: 1, lessons: {}}});
});

function assertSetAside(t: ExecutionContext, contents: string | Uint8Array, problem: string): void {
	const directory = temporaryDirectory(t);
	writeFileSync(progressFile(directory), contents);
	const aside = path.join(directory, asideName);
	t.deepEqual(loadProgress(directory, now), {
		progress: {formatVersion: 1, lessons: {}},
		notice: `Progress file ${progressFile(directory)} ${problem}, so it was moved to ${aside} and progress starts afresh.`,
	});
	t.deepEqual(readdirSync(directory), [asideName]);
	t.deepEqual(readFileSync(aside), Buffer.from(contents));
}

test.serial('a file that is not JSON is moved aside and loading starts afresh', t => {
	assertSetAside(t, '{"formatVersion": 1, "lessons": {', 'is not valid JSON');
});

test.serial('a file with an unknown formatVersion is treated as corrupted', t => {
	assertSetAside(t, '{"formatVersion": 2, "lessons": {}}', 'has formatVersion 2, which this version of netpol-dojo does not read');
});

test.serial('a file of the wrong shape is treated as corrupted', t => {
	assertSetAside(t, '{"formatVersion": 1, "done": ["traffic-direction"]}', 'is not in the progress format');
});

test.serial('a file that is not UTF-8 is treated as corrupted', t => {
	assertSetAside(t, new Uint8Array([0x7B, 0xFF, 0x7D]), 'is not UTF-8 text');
});

test.serial('an empty file is treated as corrupted', t => {
	assertSetAside(t, '', 'is not valid JSON');
});

test.serial('an unreadable progress.json (a folder) is moved aside too', t => {
	const directory = temporaryDirectory(t);
	mkdirSync(progressFile(directory));
	const result = loadProgress(directory, now);
	t.deepEqual(result, {
		progress: {formatVersion: 1, lessons: {}},
		notice: `Progress file ${progressFile(directory)} could not be read (it is a folder, EISDIR), so it was moved to ${path.join(directory, asideName)} and progress starts afresh.`,
	});
	t.deepEqual(readdirSync(directory), [asideName]);
});

test.serial('a second damaged file in the same millisecond does not overwrite the first one set aside', t => {
	const directory = temporaryDirectory(t);
	writeFileSync(progressFile(directory), 'first');
	loadProgress(directory, now);
	writeFileSync(progressFile(directory), 'second');
	t.is(loadProgress(directory, now).notice, `Progress file ${progressFile(directory)} is not valid JSON, so it was moved to ${path.join(directory, `${asideName}-2`)} and progress starts afresh.`);
	t.is(readFileSync(path.join(directory, asideName), 'utf8'), 'first');
	t.is(readFileSync(path.join(directory, `${asideName}-2`), 'utf8'), 'second');
});

test.serial('after a damaged file is set aside, saving and loading work again', t => {
	const directory = temporaryDirectory(t);
	writeFileSync(progressFile(directory), 'garbage');
	loadProgress(directory, now);
	saveProgress(directory, someProgress, later);
	t.deepEqual(loadProgress(directory), {progress: {...someProgress, updatedAt: '2024-05-02T11:30:00.000Z'}});
});

test.serial('resetProgress deletes the file and says whether there was one', t => {
	const directory = temporaryDirectory(t);
	saveProgress(directory, someProgress, now);
	t.true(resetProgress(directory));
	t.deepEqual(readdirSync(directory), []);
	t.false(resetProgress(directory));
	t.deepEqual(loadProgress(directory), {progress: {formatVersion: 1, lessons: {}}});
});

test.serial('resetProgress leaves files set aside alone', t => {
	const directory = temporaryDirectory(t);
	writeFileSync(progressFile(directory), 'garbage');
	loadProgress(directory, now);
	t.false(resetProgress(directory));
	t.deepEqual(readdirSync(directory), [asideName]);
});

test.serial('dataDirectory is NETPOL_DOJO_HOME when set, made absolute', t => {
	t.is(dataDirectory({NETPOL_DOJO_HOME: '/srv/dojo'}), '/srv/dojo');
	t.is(dataDirectory({NETPOL_DOJO_HOME: 'dojo'}), path.resolve('dojo'));
});

test.serial('dataDirectory is the platform data folder when NETPOL_DOJO_HOME is unset or empty', t => {
	const expected = envPaths('netpol-dojo', {suffix: ''}).data;
	t.is(dataDirectory({}), expected);
	t.is(dataDirectory({NETPOL_DOJO_HOME: ''}), expected);
});

test.serial('progressFile is progress.json in the directory', t => {
	t.is(progressFile('/srv/dojo'), path.join('/srv/dojo', 'progress.json'));
});

test.serial('saveProgressMerged keeps what another run saved meanwhile', t => {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-merge-'));
	saveProgress(directory, {formatVersion: 1, lessons: {other: {pagesSeen: [0, 1], checkpoints: {}, isCompleted: false}}});
	saveProgressMerged(directory, {formatVersion: 1, lessons: {mine: {pagesSeen: [0], checkpoints: {}, isCompleted: false}}});
	const {progress} = loadProgress(directory);
	t.deepEqual(Object.keys(progress.lessons).sort(), ['mine', 'other']);
});

// A named pipe would block the open until a writer came; /dev/zero would never end.
test.serial('a named pipe as progress.json is moved aside at once, never waited on', t => {
	const directory = temporaryDirectory(t);
	const made = spawnSync('mkfifo', [progressFile(directory)]);
	if (made.status !== 0) {
		t.pass('mkfifo is not available here');
		return;
	}

	t.deepEqual(loadProgress(directory, now), {
		progress: {formatVersion: 1, lessons: {}},
		notice: `Progress file ${progressFile(directory)} is not a regular file (it is a named pipe), so it was moved to ${path.join(directory, asideName)} and progress starts afresh.`,
	});
	t.deepEqual(readdirSync(directory), [asideName]);
});

test.serial('progress.json linked to /dev/zero is moved aside, and saving replaces a pipe without reading it', t => {
	const directory = temporaryDirectory(t);
	if (!existsSync('/dev/zero')) {
		t.pass('no /dev/zero here');
		return;
	}

	symlinkSync('/dev/zero', progressFile(directory));
	t.is(loadProgress(directory, now).notice, `Progress file ${progressFile(directory)} is not a regular file (it is a character device), so it was moved to ${path.join(directory, asideName)} and progress starts afresh.`);
	t.is(readlinkSync(path.join(directory, asideName)), '/dev/zero');
	symlinkSync('/dev/zero', progressFile(directory));
	saveProgressMerged(directory, someProgress, later);
	t.deepEqual(loadProgress(directory).progress, {...someProgress, updatedAt: '2024-05-02T11:30:00.000Z'});
});

test.serial('loading removes a dead writer\'s temp files and lock, and keeps a live one\'s temp file', t => {
	const directory = temporaryDirectory(t);
	saveProgress(directory, someProgress, now);
	const dead = spawnSync(process.execPath, ['-e', '']).pid;
	const deadTemporary = `.progress.json.tmp-${dead}-0123456789ab`;
	const liveTemporary = `.progress.json.tmp-${process.pid}-0123456789ab`;
	writeFileSync(path.join(directory, deadTemporary), '{"formatVersion"');
	writeFileSync(path.join(directory, liveTemporary), '{"formatVersion"');
	writeFileSync(path.join(directory, 'progress.json.lock'), JSON.stringify({pid: dead, host: hostname(), token: 'feedfeedfeedfeed'}));
	t.deepEqual(loadProgress(directory).progress, {...someProgress, updatedAt: '2024-05-01T10:00:00.000Z'});
	t.deepEqual(readdirSync(directory).sort(), [liveTemporary, 'progress.json'].sort());
});
