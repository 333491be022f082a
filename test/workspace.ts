// The learner's own files (workspace.ts) and the atomic writes under them (atomic-file.ts),
// against a real file system, each test in its own temp folder. Failures mid-write are
// simulated by replacing node:fs functions (syncBuiltinESMExports makes the modules' named
// imports see the replacement), as in progress-store.ts; those tests run serially. The
// progress store's own atomic writes are covered by progress-store.ts.
import fs, {closeSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {challengeServices} from '../source/commands/challenge-services.js';
import {createFileExclusive, writeFileAtomic} from '../source/content/atomic-file.js';
import {examDirectory, prepareWorkFile, readWorkFile, resetWorkFile, workFile, examTaskFile} from '../source/progress/workspace.js';
import {systemError, withReplaced} from './helpers/fake-fs.js';

const now = new Date('2024-05-01T10:00:00.000Z');
const keptName = 'db-policy.yaml.before-reset-2024-05-01T10-00-00.000Z';

function temporaryDirectory(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-workspace-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

// A write that gets 5 bytes out, then finds the disk full.
const halfWrite = ((descriptor: number, text: string) => {
	writeSync(descriptor, text.slice(0, 5));
	throw systemError('ENOSPC');
}) as typeof fs.writeFileSync;

// --- workFile and examDirectory

test('workFile is <data>/work/<pack id>/<challenge id>.yaml', t => {
	t.is(workFile('/srv/dojo', 'cks-basics', 'db-policy'), '/srv/dojo/work/cks-basics/db-policy.yaml');
});

const hostile: Array<[string, string]> = [
	['..', '_..'],
	['.', '_.'],
	['...', '_...'],
	['', '_'],
	['a/b', 'a_b'],
	['../../etc', '_.._.._etc'],
	['/etc/passwd', '_etc_passwd'],
	['a\\b', 'a_b'],
	['.hidden', '_.hidden'],
	['nul\u0000byte', 'nul_byte'],
	['ünïcode pack', '_n_code_pack'],
	['ok-id_1.2', 'ok-id_1.2'],
];

for (const [id, segment] of hostile) {
	test(`workFile turns the pack id ${JSON.stringify(id)} into the one safe segment ${JSON.stringify(segment)}`, t => {
		const data = '/srv/dojo';
		const file = workFile(data, id, 'db-policy');
		t.is(file, `/srv/dojo/work/${segment}/db-policy.yaml`);
		const relative = path.relative(path.join(data, 'work'), file);
		t.deepEqual(relative.split(path.sep), [segment, 'db-policy.yaml']);
		t.false(relative.startsWith('..'));
	});
}

test('workFile makes hostile challenge ids one safe file name too', t => {
	t.is(workFile('/srv/dojo', 'p', '..'), '/srv/dojo/work/p/_...yaml');
	t.is(workFile('/srv/dojo', 'p', ''), '/srv/dojo/work/p/_.yaml');
	t.is(workFile('/srv/dojo', 'p', '../../x'), '/srv/dojo/work/p/_.._.._x.yaml');
	t.is(workFile('/srv/dojo', 'p', '.bashrc'), '/srv/dojo/work/p/_.bashrc.yaml');
});

test('workFile stays inside <data>/work for random pack and challenge ids', t => {
	const samples = ['..', '.', '/', '//', 'a/../..', '..\\..', '~', '$HOME', '.git', ' ', '\n', 'CON', 'x'.repeat(10)];
	for (const pack of samples) {
		for (const challenge of samples) {
			const relative = path.relative('/srv/dojo/work', workFile('/srv/dojo', pack, challenge));
			const parts = relative.split(path.sep);
			t.is(parts.length, 2, relative);
			t.false(parts.some(part => part === '..' || part === '.' || part.startsWith('.')), relative);
		}
	}
});

test('examDirectory is <data>/exams/<start time with colons replaced>', t => {
	t.is(examDirectory('/srv/dojo', now), '/srv/dojo/exams/2024-05-01T10-00-00.000Z');
});

// --- prepareWorkFile

test('prepareWorkFile creates the file and its folders with the first text, and says so', t => {
	const file = path.join(temporaryDirectory(t), 'work', 'cks-basics', 'db-policy.yaml');
	t.true(prepareWorkFile(file, '# task\n'));
	t.is(readFileSync(file, 'utf8'), '# task\n');
	t.deepEqual(readdirSync(path.dirname(file)), ['db-policy.yaml']);
});

test('prepareWorkFile never overwrites: a second call returns false and the learner\'s text stays', t => {
	const file = path.join(temporaryDirectory(t), 'db-policy.yaml');
	t.true(prepareWorkFile(file, '# task\n'));
	writeFileSync(file, 'my policy\n');
	const before = statSync(file);
	t.false(prepareWorkFile(file, '# task\n'));
	t.false(prepareWorkFile(file, ''));
	t.is(readFileSync(file, 'utf8'), 'my policy\n');
	const after = statSync(file);
	t.is(after.ino, before.ino);
	t.is(after.mtimeMs, before.mtimeMs);
	t.deepEqual(readdirSync(path.dirname(file)), ['db-policy.yaml']);
});

// --- resetWorkFile

test('resetWorkFile keeps the old text as <file>.before-reset-<time> and writes the fresh text', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'db-policy.yaml');
	writeFileSync(file, 'my attempt\n');
	t.is(resetWorkFile(file, '# fresh\n', now), path.join(directory, keptName));
	t.is(readFileSync(file, 'utf8'), '# fresh\n');
	t.is(readFileSync(path.join(directory, keptName), 'utf8'), 'my attempt\n');
	t.deepEqual(readdirSync(directory).sort(), ['db-policy.yaml', keptName]);
});

test('resetWorkFile without a file writes the fresh text, creating folders, and keeps nothing', t => {
	const file = path.join(temporaryDirectory(t), 'work', 'p', 'db-policy.yaml');
	t.is(resetWorkFile(file, '# fresh\n', now), undefined);
	t.is(readFileSync(file, 'utf8'), '# fresh\n');
	t.deepEqual(readdirSync(path.dirname(file)), ['db-policy.yaml']);
});

test('two resets at different times keep both old texts', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'db-policy.yaml');
	writeFileSync(file, 'first\n');
	resetWorkFile(file, '# fresh\n', now);
	writeFileSync(file, 'second\n');
	resetWorkFile(file, '# fresh\n', new Date('2024-05-01T10:00:00.001Z'));
	t.deepEqual(readdirSync(directory).sort(), ['db-policy.yaml', keptName, 'db-policy.yaml.before-reset-2024-05-01T10-00-00.001Z']);
	t.is(readFileSync(path.join(directory, keptName), 'utf8'), 'first\n');
	t.is(readFileSync(path.join(directory, 'db-policy.yaml.before-reset-2024-05-01T10-00-00.001Z'), 'utf8'), 'second\n');
});

// BUG source/progress/workspace.ts resetWorkFile: the kept name is made from the time alone and
// renameSync replaces an existing file, so a second reset within the same millisecond (or after
// the clock was set back) overwrites the text the first reset kept: "first" is lost. The store
// avoids this for damaged progress files with unusedPath (`-2`, `-3`...).
test('two resets in the same millisecond keep both old texts', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'db-policy.yaml');
	writeFileSync(file, 'first\n');
	resetWorkFile(file, '# fresh\n', now);
	writeFileSync(file, 'second\n');
	const kept = resetWorkFile(file, '# fresh\n', now);
	t.not(kept, path.join(directory, keptName));
	t.is(readFileSync(path.join(directory, keptName), 'utf8'), 'first\n');
	t.is(readFileSync(kept!, 'utf8'), 'second\n');
});

// BUG source/progress/workspace.ts resetWorkFile moves the learner's file aside (renameSync)
// before the fresh text is written; when that write fails (disk full) the file is gone from its
// place, and source/commands/challenge-services.ts resetFile then says "your file is unchanged".
test.serial('a reset whose fresh write fails leaves the learner\'s file where it was, as the message says', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'db-policy.yaml');
	writeFileSync(file, 'my attempt\n');
	let message = '';
	withReplaced('writeFileSync', halfWrite, () => {
		message = challengeServices(directory, {}, {}).resetFile(file, '# fresh\n');
	});
	t.is(message, 'Could not start afresh (no space left on the device, ENOSPC); your file is unchanged.');
	t.is(readWorkFile(file), 'my attempt\n');
});

test('challengeServices resetFile says where the previous file is kept', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'db-policy.yaml');
	const services = challengeServices(directory, {}, {});
	t.is(services.resetFile(file, '# fresh\n'), `Started afresh: ${file}`);
	writeFileSync(file, 'my attempt\n');
	const message = services.resetFile(file, '# fresh\n');
	const kept = readdirSync(directory).filter(name => name.startsWith('db-policy.yaml.before-reset-'));
	t.is(kept.length, 1);
	t.regex(kept[0]!, /^db-policy\.yaml\.before-reset-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
	t.is(message, `Started afresh. Your previous file is kept as ${path.join(directory, kept[0]!)}`);
	t.is(readFileSync(path.join(directory, kept[0]!), 'utf8'), 'my attempt\n');
});

// --- readWorkFile

test('readWorkFile gives the text, or undefined for a missing file', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'x.yaml');
	t.is(readWorkFile(file), undefined);
	t.is(readWorkFile(path.join(directory, 'no', 'such', 'x.yaml')), undefined);
	writeFileSync(file, 'text é\n');
	t.is(readWorkFile(file), 'text é\n');
});

test('readWorkFile throws what is not a missing file: a folder in its place', t => {
	const file = path.join(temporaryDirectory(t), 'x.yaml');
	mkdirSync(file);
	t.throws(() => readWorkFile(file), {code: 'EISDIR'});
});

// --- writeFileAtomic

test('writeFileAtomic creates the folders and the file, and leaves no temp file', t => {
	const directory = path.join(temporaryDirectory(t), 'a', 'b');
	const file = path.join(directory, 'x.yaml');
	writeFileAtomic(file, 'one\n');
	t.is(readFileSync(file, 'utf8'), 'one\n');
	t.deepEqual(readdirSync(directory), ['x.yaml']);
});

test('writeFileAtomic replaces the file by a new one: a reader of the old file still has the old text whole', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'x.yaml');
	writeFileSync(file, 'a longer old text\n');
	// Held open, the old file keeps its inode, so the new file cannot reuse it.
	const reader = openSync(file, 'r');
	t.teardown(() => {
		closeSync(reader);
	});
	writeFileAtomic(file, 'new\n');
	writeFileAtomic(file, 'newer\n');
	t.is(readFileSync(file, 'utf8'), 'newer\n');
	t.not(statSync(file).ino, fstatSync(reader).ino);
	t.is(readFileSync(reader, 'utf8'), 'a longer old text\n');
	t.deepEqual(readdirSync(directory), ['x.yaml']);
});

test('writeFileAtomic writes an empty text', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'x.yaml');
	writeFileSync(file, 'old\n');
	writeFileAtomic(file, '');
	t.is(readFileSync(file, 'utf8'), '');
	t.deepEqual(readdirSync(directory), ['x.yaml']);
});

test.serial('writeFileAtomic that fails halfway (disk full) throws, keeps the old file whole and no temp file', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'x.yaml');
	writeFileSync(file, 'old text\n');
	withReplaced('writeFileSync', halfWrite, () => {
		t.throws(() => {
			writeFileAtomic(file, 'new text that will not fit\n');
		}, {code: 'ENOSPC'});
	});
	t.is(readFileSync(file, 'utf8'), 'old text\n');
	t.deepEqual(readdirSync(directory), ['x.yaml']);
});

test.serial('writeFileAtomic whose rename fails throws, keeps the old file whole and no temp file', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'x.yaml');
	writeFileSync(file, 'old text\n');
	withReplaced('renameSync', () => {
		throw systemError('EIO');
	}, () => {
		t.throws(() => {
			writeFileAtomic(file, 'new text\n');
		}, {code: 'EIO'});
	});
	t.is(readFileSync(file, 'utf8'), 'old text\n');
	t.deepEqual(readdirSync(directory), ['x.yaml']);
});

// --- createFileExclusive

test('createFileExclusive creates a new file and its folders: true', t => {
	const directory = path.join(temporaryDirectory(t), 'new', 'folder');
	const file = path.join(directory, 'x.yaml');
	t.true(createFileExclusive(file, 'first\n'));
	t.is(readFileSync(file, 'utf8'), 'first\n');
	t.deepEqual(readdirSync(directory), ['x.yaml']);
});

test('createFileExclusive leaves an existing file untouched: false', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'x.yaml');
	writeFileSync(file, 'mine\n');
	const before = statSync(file);
	t.false(createFileExclusive(file, 'other\n'));
	const after = statSync(file);
	t.is(readFileSync(file, 'utf8'), 'mine\n');
	t.is(after.ino, before.ino);
	t.is(after.size, before.size);
	t.is(after.mtimeMs, before.mtimeMs);
	t.deepEqual(readdirSync(directory), ['x.yaml']);
});

test('createFileExclusive does not follow a symbolic link in the file\'s place: false, the target not created', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'x.yaml');
	fs.symlinkSync(path.join(directory, 'target.yaml'), file);
	t.false(createFileExclusive(file, 'text\n'));
	t.deepEqual(readdirSync(directory), ['x.yaml']);
});

test.serial('createFileExclusive whose write fails halfway throws and removes the half-written file', t => {
	const directory = temporaryDirectory(t);
	const file = path.join(directory, 'x.yaml');
	withReplaced('writeFileSync', halfWrite, () => {
		t.throws(() => createFileExclusive(file, 'first text\n'), {code: 'ENOSPC'});
	});
	t.deepEqual(readdirSync(directory), []);
});

test('exam task files are named by pack and challenge, so two packs\' challenges of one id never share a file', t => {
	const folder = path.join('/data', 'exams', 'x');
	t.is(examTaskFile(folder, 'built-in/db-policy'), path.join(folder, 'built-in', 'db-policy.yaml'));
	t.is(examTaskFile(folder, 'my-pack/db-policy'), path.join(folder, 'my-pack', 'db-policy.yaml'));
	t.is(path.dirname(path.dirname(examTaskFile(folder, '../x/..'))), folder, 'a hostile key stays inside the exam folder');
});
