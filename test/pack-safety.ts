// A pack is untrusted data: it is read only from inside its folder, only from plain files, within
// limits of size, documents and aliases, and its text reaches the terminal cleaned. A broken
// challenge is reported and skipped; the rest of the pack still loads.
import {execFileSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {InputError} from '../source/model/input-error.js';
import {loadPack} from '../source/commands/load-content.js';
import {maxPackDocuments} from '../source/content/pack-files.js';

const packs = path.resolve(import.meta.dirname, '../../test/fixtures/packs');

// A copy of the clean pack in a temp folder, with a second challenge to break.
function scratchPack(t: {teardown: (fn: () => void) => void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-pack-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	cpSync(path.join(packs, 'clean'), directory, {recursive: true});
	cpSync(path.join(directory, 'db-policy'), path.join(directory, 'second'), {recursive: true});
	return directory;
}

// Problems as `path-in-pack: message`, and the challenges that loaded.
function loaded(directory: string): {ids: string[]; problems: string[]} {
	const {challenges, problems} = loadPack(directory);
	return {ids: challenges.map(challenge => challenge.id), problems: problems.map(problem => `${path.relative(directory, problem.file)}: ${problem.message}`)};
}

function refusal(directory: string): string {
	try {
		loadPack(directory);
	} catch (error) {
		if (error instanceof InputError) {
			return error.problems.map(problem => `${path.relative(directory, problem.file) || '.'}: ${problem.message}`).join('\n');
		}

		throw error;
	}

	return 'loaded';
}

test('a symbolic link to a challenge folder is refused; the other challenges load', t => {
	const directory = scratchPack(t);
	symlinkSync(path.join(directory, 'second'), path.join(directory, 'linked'));
	t.deepEqual(loaded(directory), {ids: ['db-policy', 'second'], problems: ['linked: is a symbolic link; a pack is read only from its own folder']});
});

test('a file that is a symbolic link out of the pack is never read', t => {
	const directory = scratchPack(t);
	const outside = path.join(directory, '..', `${path.basename(directory)}-secret.yaml`);
	writeFileSync(outside, 'flows: []\n');
	t.teardown(() => {
		rmSync(outside, {force: true});
	});
	rmSync(path.join(directory, 'second', 'cases.yaml'));
	symlinkSync(path.join('..', '..', path.basename(outside)), path.join(directory, 'second', 'cases.yaml'));
	t.deepEqual(loaded(directory), {ids: ['db-policy'], problems: ['second/cases.yaml: is not a plain file (a symbolic link, a folder or a device); a pack is read only from its own folder']});
});

test('pack.yaml that is a symbolic link, and a pack folder that is one, are refused', t => {
	const directory = scratchPack(t);
	const linkedFolder = `${directory}-link`;
	symlinkSync(directory, linkedFolder);
	t.teardown(() => {
		rmSync(linkedFolder, {force: true});
	});
	t.is(refusal(linkedFolder), '.: is a symbolic link; a pack is read only from a real folder (give the folder it points to)');
	rmSync(path.join(directory, 'pack.yaml'));
	symlinkSync(path.join(packs, 'clean', 'pack.yaml'), path.join(directory, 'pack.yaml'));
	t.is(refusal(directory), 'pack.yaml: is not a plain file (a symbolic link, a folder or a device); a pack is read only from its own folder');
});

test('a pack id with `..` or a slash is refused: it would name a folder outside packs/ once added', t => {
	const directory = scratchPack(t);
	writeFileSync(path.join(directory, 'pack.yaml'), 'id: ../../evil\ntitle: t\nversion: 1.0.0\nauthor: a\ndescription: d\n');
	t.is(refusal(directory), 'pack.yaml: id: Invalid value: "../../evil": a pack id is lowercase letters, digits and hyphens, starting and ending with a letter or digit, such as cks-basics (it names the pack\'s folder once added)');
});

test('a challenge folder whose name is not an id (dots included) is reported and skipped', t => {
	const directory = scratchPack(t);
	cpSync(path.join(directory, 'second'), path.join(directory, 'a..b'), {recursive: true});
	t.deepEqual(loaded(directory).problems, ['a..b: "a..b" is not a challenge id; name the folder with lowercase letters, digits and hyphens, starting and ending with a letter or digit']);
});

test('a missing pack folder and a missing pack.yaml are refused', t => {
	const directory = scratchPack(t);
	t.is(refusal(path.join(directory, 'nothing')), '.: no such folder; a pack is a folder with pack.yaml and one folder per challenge');
	rmSync(path.join(directory, 'pack.yaml'));
	t.is(refusal(directory), 'pack.yaml: no such file; a pack has pack.yaml (id, title, version, author, description) and one folder per challenge');
});

test('a file with more YAML documents than the limit is refused before it is parsed', t => {
	const directory = scratchPack(t);
	writeFileSync(path.join(directory, 'second', 'cluster.yaml'), '---\n'.repeat(maxPackDocuments));
	t.deepEqual(loaded(directory).problems, [`second/cluster.yaml: has more than ${maxPackDocuments} YAML documents; a pack file holds far fewer (refused as a possible resource attack)`]);
});

test('challenge.yaml and pack.yaml hold exactly one document', t => {
	const directory = scratchPack(t);
	writeFileSync(path.join(directory, 'second', 'challenge.yaml'), 'title: a\n---\ntitle: b\n');
	t.deepEqual(loaded(directory).problems, ['second/challenge.yaml: has 2 YAML documents; it holds exactly one']);
});

test('an alias bomb in a pack file is refused; the rest of the pack loads', t => {
	const directory = scratchPack(t);
	const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
	for (let level = 1; level < 9; level++) {
		const previous = String.fromCodePoint(96 + level);
		levels.push(`${String.fromCodePoint(97 + level)}: &${String.fromCodePoint(97 + level)} [${Array.from({length: 10}, () => `*${previous}`).join(', ')}]`);
	}

	writeFileSync(path.join(directory, 'second', 'cluster.yaml'), `${levels.join('\n')}\n`);
	const {ids, problems} = loaded(directory);
	t.deepEqual(ids, ['db-policy']);
	t.regex(problems[0]!, /^second\/cluster\.yaml: more than 100 aliases: refused as a possible alias bomb$/);
});

test('a file over 32 MiB is refused without being read', t => {
	const directory = scratchPack(t);
	truncateSync(path.join(directory, 'second', 'solution.yaml'), (32 * 1024 * 1024) + 1);
	t.deepEqual(loaded(directory).problems, ['second/solution.yaml: is 32.0 MiB, over the 32.0 MiB limit (raise it with --max-size)']);
});

test('a FIFO in place of pack.yaml is refused rather than read (it would block)', t => {
	const directory = scratchPack(t);
	rmSync(path.join(directory, 'pack.yaml'));
	try {
		execFileSync('mkfifo', [path.join(directory, 'pack.yaml')]);
	} catch {
		t.pass('no mkfifo on this system');
		return;
	}

	t.is(refusal(directory), 'pack.yaml: is not a plain file (a symbolic link, a folder or a device); a pack is read only from its own folder');
});

test('pack text is cleaned of terminal control sequences when loaded', t => {
	const {pack, challenges} = loadPack(path.join(packs, 'escapes'));
	t.like(pack, {title: 'A pack with escapes', version: '1.0.0', description: 'Cursor moves, a window title, hidden text and colours.'});
	t.like(challenges[0], {title: 'Only the API may reach the database', topics: ['ingress'], hints: ['Select the db pods; let the api pods in on TCP 5432.']});
});

test('a case between two outside addresses is refused, as eval refuses it; the other challenges load', t => {
	const directory = scratchPack(t);
	writeFileSync(path.join(directory, 'second/cases.yaml'), 'flows:\n  - {from: default/api, to: default/db, port: 5432, expect: allow}\n  - {from: 203.0.113.7, to: 198.51.100.1, port: 443, expect: deny}\n');
	t.deepEqual(loaded(directory), {
		ids: ['db-policy'],
		problems: ['second/cases.yaml: flows[1]: neither 203.0.113.7 nor 198.51.100.1 is a pod of cluster.yaml; at least one end of a flow must be a pod'],
	});
	t.is(loadPack(directory).problems[0]!.line, 3);
});

test('a hidden case names pods: a pod shares its name with a Deployment and is still the pod; a workload\'s name is not a pod', t => {
	const directory = scratchPack(t);
	const deployment = (name: string) => `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: default\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: c, image: nginx}]\n`;
	for (const challenge of ['db-policy', 'second']) {
		writeFileSync(path.join(directory, `${challenge}/cluster.yaml`), `${readFileSync(path.join(directory, `${challenge}/cluster.yaml`), 'utf8')}${deployment('api')}${deployment('solo')}`);
	}

	writeFileSync(path.join(directory, 'second/cases.yaml'), 'flows:\n  - {from: default/api, to: default/db, port: 5432, expect: allow}\n  - {from: default/solo, to: default/db, port: 5432, expect: deny}\n');
	t.deepEqual(loaded(directory), {
		ids: ['db-policy'],
		problems: ['second/cases.yaml: flows[1].from: pod "default/solo" is not in cluster.yaml'],
	});
});
