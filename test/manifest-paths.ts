// expandManifestPaths: what FILE arguments stand for, as kubectl apply -R -f walks a folder.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {InputError} from '../source/model/input-error.js';
import {expandManifestPaths, fileArgument} from '../source/content/manifest-paths.js';
import {standardInputName} from '../source/content/read-text.js';

function folderWith(t: {teardown: (fn: () => void) => void}, files: readonly string[]): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-manifest-paths-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	for (const file of files) {
		mkdirSync(path.dirname(path.join(directory, file)), {recursive: true});
		writeFileSync(path.join(directory, file), '');
	}

	return directory;
}

test('names are compared as UTF-8 bytes, as Go sorts them, not as UTF-16 code units', t => {
	// U+E000 is EE 80 80 in UTF-8, before F0 9F 98 80 (U+1F600); in UTF-16, D83D comes first.
	const directory = folderWith(t, ['\u{1F600}.yaml', '\uE000.yaml', 'Z.yaml', 'a.yaml']);
	t.deepEqual(expandManifestPaths([directory]).files.map(file => path.basename(file)), ['Z.yaml', 'a.yaml', '\uE000.yaml', '\u{1F600}.yaml']);
});

test('each folder\'s entries are sorted, then walked: a/ comes before a-b.yaml, whose name sorts after "a"', t => {
	const directory = folderWith(t, ['a-b.yaml', 'a/z.yaml', 'a.json', '.yaml', 'b.yml']);
	t.deepEqual(expandManifestPaths([directory]).files.map(file => path.relative(directory, file)), ['.yaml', path.join('a', 'z.yaml'), 'a-b.yaml', 'a.json', 'b.yml']);
});

test('files, folders and - keep the order given; a file named twice is read once, where first named', t => {
	const directory = folderWith(t, ['one.yaml', 'two.yaml']);
	const {files} = expandManifestPaths([path.join(directory, 'two.yaml'), '-', directory, 'missing.yaml']);
	t.deepEqual(files, [path.join(directory, 'two.yaml'), standardInputName, path.join(directory, 'one.yaml'), 'missing.yaml']);
});

test('a folder with no manifest file is an InputError naming it', t => {
	const directory = folderWith(t, ['README.md', 'deep/er/notes.txt', 'x.YAML']);
	const error = t.throws(() => expandManifestPaths([directory]), {instanceOf: InputError});
	t.is(error?.message, `${directory}: is a folder with no .yaml, .yml or .json file in it or in its sub-folders; nothing to read`);
});

test('fileArgument: - is standard input; a file really named <stdin> stays a file', t => {
	t.is(fileArgument('-'), standardInputName);
	t.is(fileArgument('<stdin>'), `.${path.sep}<stdin>`);
	t.is(fileArgument('cluster.yaml'), 'cluster.yaml');
});
