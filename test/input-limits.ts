// Limits that hold, and YAML read as strictly as kubectl reads it, run as child processes: each
// bad input exits 2 with one clear message naming the file, line and field, never a stack trace
// or an internal error (exit 70), never a hang, and never a million lines.
import {execFile, execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {documentsOf} from '../source/content/documents.js';
import {maxChallengePods} from '../source/content/pack.js';
import {maxPackObjects} from '../source/content/pack-files.js';
import {parseYamlDocuments} from '../source/content/yaml-document.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');
const packs = path.join(root, 'test/fixtures/packs');
const seed = path.join(root, 'test/fixtures/seed');

type Outcome = {code: number | null; stdout: string; stderr: string};

/** Runs the built CLI in `cwd`, so that messages name files relative to it. */
async function run(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Outcome> {
	return new Promise(resolve => {
		execFile(process.execPath, [cli, ...args], {cwd, env: {...process.env, NO_COLOR: '1', ...env}, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr});
		});
	});
}

function scratch(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-limits-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

/** A copy of the clean pack, as `pack/` in a scratch folder. */
function scratchPack(t: ExecutionContext): string {
	const directory = scratch(t);
	cpSync(path.join(packs, 'clean'), path.join(directory, 'pack'), {recursive: true});
	return directory;
}

/** Exit 2, nothing on stdout, exactly these lines on stderr. */
function assertRefused(t: ExecutionContext, outcome: Outcome, stderr: readonly string[]): void {
	t.is(outcome.code, 2, outcome.stderr);
	t.is(outcome.stdout, '');
	t.is(outcome.stderr, `${stderr.join('\n')}\n`);
}

const longId = 'a'.repeat(300);

test('a 300-character pack id is refused by pack validate and pack add (exit 2, never ENAMETOOLONG and exit 70)', async t => {
	const directory = scratchPack(t);
	writeFileSync(path.join(directory, 'pack/pack.yaml'), `id: ${longId}\ntitle: t\nversion: 1.0.0\nauthor: a\ndescription: d\n`);
	const message = `error: pack/pack.yaml:1:5: id: Invalid value: "${longId}": must be no more than 63 characters (it names the pack's folder once added)`;
	assertRefused(t, await run(['pack', 'validate', 'pack'], directory), [message]);
	const home = path.join(directory, 'home');
	assertRefused(t, await run(['pack', 'add', 'pack'], directory, {NETPOL_DOJO_HOME: home}), [message]);
	t.false(existsSync(path.join(home, 'packs')));
});

test('a pack id of 63 characters is accepted, and one ending in a hyphen is not (DNS-1123 label)', async t => {
	const directory = scratchPack(t);
	const id = 'a'.repeat(63);
	writeFileSync(path.join(directory, 'pack/pack.yaml'), `id: ${id}\ntitle: t\nversion: 1.0.0\nauthor: a\ndescription: d\n`);
	const added = await run(['pack', 'add', 'pack'], directory, {NETPOL_DOJO_HOME: path.join(directory, 'home')});
	t.is(added.code, 0, added.stderr);
	t.true(existsSync(path.join(directory, 'home/packs', id, 'db-policy/cases.yaml')));
	writeFileSync(path.join(directory, 'pack/pack.yaml'), 'id: cks-\ntitle: t\nversion: 1.0.0\nauthor: a\ndescription: d\n');
	assertRefused(t, await run(['pack', 'validate', 'pack'], directory), ['error: pack/pack.yaml:1:5: id: Invalid value: "cks-": a pack id is lowercase letters, digits and hyphens, starting and ending with a letter or digit, such as cks-basics (it names the pack\'s folder once added)']);
});

test('a challenge folder named with 64 characters is reported and left out', async t => {
	const directory = scratchPack(t);
	const id = 'b'.repeat(64);
	cpSync(path.join(directory, 'pack/db-policy'), path.join(directory, 'pack', id), {recursive: true});
	const outcome = await run(['pack', 'validate', 'pack'], directory);
	t.is(outcome.code, 1);
	t.true(outcome.stdout.startsWith(`error: pack/${id}: "${id}" is not a challenge id; must be no more than 63 characters\n`), outcome.stdout);
	assertRefused(t, await run(['grade', id, 'pack/db-policy/solution.yaml', '--pack', 'pack'], directory), [`error: pack/${id}: "${id}" is not a challenge id; must be no more than 63 characters`]);
});

// A List one object over the cap, in the fast reader's flow style: built and refused in well under a second.
function listOfPods(count: number): string {
	const items = Array.from({length: count}, (_, index) => `- {apiVersion: v1, kind: Pod, metadata: {name: p${index}, namespace: default}}\n`);
	return `apiVersion: v1\nkind: List\nitems:\n${items.join('')}`;
}

test('a kind: List does not get round the object cap of a pack file: its items are counted', async t => {
	const directory = scratchPack(t);
	writeFileSync(path.join(directory, 'pack/db-policy/cluster.yaml'), listOfPods(maxPackObjects + 1));
	assertRefused(t, await run(['grade', 'db-policy', 'pack/db-policy/solution.yaml', '--pack', 'pack'], directory), [
		'error: pack/db-policy/cluster.yaml: has 10,001 objects (List items and flows counted one by one), more than the 10,000 a pack file may hold (refused as a possible resource attack)',
	]);
	const validate = await run(['pack', 'validate', 'pack'], directory);
	t.is(validate.code, 1);
	t.is(validate.stdout, 'error: pack/db-policy/cluster.yaml: has 10,001 objects (List items and flows counted one by one), more than the 10,000 a pack file may hold (refused as a possible resource attack)\nPack clean: 0 challenges, 0 cases; 1 error.\n');
});

test('a challenge\'s cluster of more than 100 pods is refused: grading proves every pair', async t => {
	const directory = scratchPack(t);
	writeFileSync(path.join(directory, 'pack/db-policy/cluster.yaml'), listOfPods(maxChallengePods + 1));
	assertRefused(t, await run(['grade', 'db-policy', 'pack/db-policy/solution.yaml', '--pack', 'pack'], directory), [
		'error: pack/db-policy/cluster.yaml: has 101 pods, more than the 100 a challenge\'s cluster may hold (grading proves every pair of pods and probe pods; a teaching cluster needs a handful)',
	]);
});

test('documents and List items count together against the cap; a cases file counts its flows', async t => {
	const directory = scratchPack(t);
	const cluster = path.join(directory, 'pack/db-policy/cluster.yaml');
	writeFileSync(cluster, `${'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n'}${listOfPods(maxPackObjects)}`);
	assertRefused(t, await run(['grade', 'db-policy', 'pack/db-policy/solution.yaml', '--pack', 'pack'], directory), [
		'error: pack/db-policy/cluster.yaml: has 10,001 objects (List items and flows counted one by one), more than the 10,000 a pack file may hold (refused as a possible resource attack)',
	]);
	cpSync(path.join(packs, 'clean/db-policy/cluster.yaml'), cluster);
	const flows = Array.from({length: maxPackObjects + 1}, () => '  - {from: default/api, to: default/db, port: 5432, expect: allow}\n');
	writeFileSync(path.join(directory, 'pack/db-policy/cases.yaml'), `flows:\n${flows.join('')}`);
	assertRefused(t, await run(['grade', 'db-policy', 'pack/db-policy/solution.yaml', '--pack', 'pack'], directory), [
		'error: pack/db-policy/cases.yaml: has 10,001 objects (List items and flows counted one by one), more than the 10,000 a pack file may hold (refused as a possible resource attack)',
	]);
});

test('many bad list items print ten messages and a count of the rest', async t => {
	const directory = scratch(t);
	writeFileSync(path.join(directory, 'empty.yaml'), `apiVersion: v1\nkind: List\nitems:\n${'- {}\n'.repeat(20_000)}`);
	const expected = Array.from({length: 10}, (_, index) => `error: empty.yaml:${index + 4}:3: object: Object 'Kind' is missing`);
	assertRefused(t, await run(['matrix', 'empty.yaml'], directory), [...expected, 'error: ... and 19,990 more']);
});

test('a problem far into a large file is found at its line (the parser reads the start first, then more)', async t => {
	const directory = scratch(t);
	const pods = Array.from({length: 5000}, (_, index) => `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p${index}\n`);
	writeFileSync(path.join(directory, 'late.yaml'), `apiVersion: v1\nkind: List\nitems:\n${pods.join('')}- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: Bad_Name\n`);
	const outcome = await run(['matrix', 'late.yaml'], directory);
	t.is(outcome.code, 2);
	t.true(outcome.stderr.startsWith('error: late.yaml:20007:11: Pod "default/Bad_Name": metadata.name: Invalid value: "Bad_Name": '), outcome.stderr);
});

test('positions read from the start of a large text are those of the whole text', t => {
	const block = (index: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${index}\n  labels:\n    app: web\n    note: "a\n      b"\nspec:\n  containers:\n  - name: c\n    ports: [{containerPort: 80}]\n`;
	const text = Array.from({length: 3000}, (_, index) => block(index)).join('---\n');
	const fast = documentsOf(text, 'x.yaml');
	const slow = parseYamlDocuments(text, 'x.yaml');
	const paths: Array<Array<string | number>> = [[], ['metadata'], ['metadata', 'name'], ['metadata', 'labels', 'note'], ['metadata', 'namespace'], ['spec', 'containers', 0, 'ports', 0, 'containerPort'], ['spec', 'containers', 3], ['status']];
	for (const index of fast.keys()) {
		for (const fieldPath of paths) {
			for (const isAtKey of [false, true]) {
				t.deepEqual(fast[index]!.locate(fieldPath, isAtKey), slow[index]!.locate(fieldPath, isAtKey), `document ${index}, ${fieldPath.join('.')}`);
			}

			t.is(fast[index]!.plainSourceAt(fieldPath), slow[index]!.plainSourceAt(fieldPath));
		}
	}
});

test('a flows file of many bad flows prints ten messages and a count of the rest', async t => {
	const directory = scratch(t);
	writeFileSync(path.join(directory, 'flows.yaml'), `flows:\n${'  - {port: 80}\n'.repeat(1000)}`);
	const expected = Array.from({length: 5}, (_, index) => [
		`error: flows.yaml:${index + 2}:5: flows[${index}].from: Required value: a pod as namespace/name, or an IP address`,
		`error: flows.yaml:${index + 2}:5: flows[${index}].to: Required value: a pod as namespace/name, or an IP address`,
	]).flat();
	assertRefused(t, await run(['eval', '--flows', 'flows.yaml', path.join(seed, 'cluster.yaml')], directory), [...expected, 'error: ... and 1,990 more']);
});

// Each file exits 2 with exactly this message, as kubectl (go-yaml, or Go's JSON reader) refuses it.
const strictCases: Array<[string, string, string]> = [
	['self-anchor.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: &meta\n  name: web\n  labels: {copy: *meta}\n', 'self-anchor.yaml:5:18: invalid YAML: anchor "meta" value contains itself (an alias to it is written inside it)'],
	['nul.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\u0000\n', 'nul.yaml:4:12: invalid YAML: control characters are not allowed (U+0000 here); write it as an escape in a double-quoted string if it is meant'],
	['escape.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: "w\u001Bb"}\n', 'escape.yaml:5:19: invalid YAML: control characters are not allowed (U+001B here); write it as an escape in a double-quoted string if it is meant'],
	['delete.yaml', '# a comment\u007F\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\n', 'delete.yaml:1:12: invalid YAML: control characters are not allowed (U+007F here); write it as an escape in a double-quoted string if it is meant'],
	['list-key.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    ? [app, tier]\n    : web\n', 'list-key.yaml:6:7: invalid YAML: a mapping key is a list or a mapping; kubectl accepts only a string, number or boolean as a key'],
	['map-key.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {{app: web}: x}}\n', 'map-key.yaml:3:32: invalid YAML: a mapping key is a list or a mapping; kubectl accepts only a string, number or boolean as a key'],
	['comma.json', '{"apiVersion": "v1",\n "kind": "Pod",\n "metadata": {"name": "web",}\n}\n', 'comma.json:3:28: invalid JSON: a comma before \'}\'; JSON has no comma after the last entry (kubectl refuses it)'],
	['list-comma.json', '[{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}},\n]\n', 'list-comma.json:1:66: invalid JSON: a comma before \']\'; JSON has no comma after the last entry (kubectl refuses it)'],
	['list-items.yaml', 'apiVersion: v1\nkind: List\nitems:\n  kind: Pod\n', 'list-items.yaml:4:3: List: items: Invalid value: object: must be a list'],
	['pod-list-items.yaml', 'apiVersion: v1\nkind: PodList\nitems: 3\n', 'pod-list-items.yaml:3:8: PodList: items: Invalid value: 3: must be a list'],
];

for (const [name, text, message] of strictCases) {
	test(`kubectl's YAML, strictly: ${name} is refused at its line`, async t => {
		const directory = scratch(t);
		writeFileSync(path.join(directory, name), text);
		assertRefused(t, await run(['matrix', name], directory), [`error: ${message}`]);
	});
}

test('what kubectl accepts still reads: escapes in double quotes, a comma inside a JSON string, an anchor used beside itself', async t => {
	const directory = scratch(t);
	const files: Record<string, string> = {
		'escaped.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations: {note: "bell \\a, escape \\e"}\n',
		'comma.json': '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "annotations": {"note": "a, }"}}}\n',
		'anchors.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: &labels {app: web}\n  annotations: *labels\n',
	};
	for (const [name, text] of Object.entries(files)) {
		writeFileSync(path.join(directory, name), text);
		const outcome = await run(['matrix', name], directory);
		t.is(outcome.code, 0, `${name}: ${outcome.stderr}`);
		t.is(outcome.stderr, '');
	}
});

test('grade --submissions: a folder or a FIFO named <id>.yaml is "not a regular file", and the run goes on', async t => {
	const directory = scratch(t);
	cpSync(path.join(packs, 'classroom'), path.join(directory, 'pack'), {recursive: true});
	mkdirSync(path.join(directory, 'work/db-policy.yaml'), {recursive: true});
	cpSync(path.join(packs, 'classroom/api-policy/solution.yaml'), path.join(directory, 'work/api-policy.yaml'));
	let hasFifo = true;
	try {
		execFileSync('mkfifo', [path.join(directory, 'work/db-egress.yaml')]);
	} catch {
		hasFifo = false;
	}

	const outcome = await run(['grade', '--pack', 'pack', '--submissions', 'work'], directory);
	t.is(outcome.code, 1, outcome.stderr);
	t.is(outcome.stderr, '');
	t.is(outcome.stdout, [
		'api-policy: passed, 7 of 7 cases.',
		'db-policy: not passed, the submission cannot be read: work/db-policy.yaml: is not a regular file (a folder, a FIFO or a device).',
		hasFifo ? 'db-egress: not passed, the submission cannot be read: work/db-egress.yaml: is not a regular file (a folder, a FIFO or a device).' : 'db-egress: not passed, no submission (work/db-egress.yaml does not exist).',
		'Total: 1 of 3 challenges passed; 7 of 19 cases.',
		'',
	].join('\n'));
});
