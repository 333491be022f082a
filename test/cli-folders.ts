// Cluster files from folders and from standard input, end to end: the built CLI as a child
// process (exit code, stdout, stderr). A folder is read as `kubectl apply -R -f DIR` reads it:
// recursively, each folder's entries in byte order of their names, `.yaml`, `.yml` and `.json`
// files only, hidden ones included; `-` is standard input, once.
import {spawn, execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');
const traffic = path.join(root, 'test/fixtures/traffic');
const seed = path.join(root, 'test/fixtures/seed');

type Outcome = {code: number | null; stdout: string; stderr: string};

/** Runs the CLI in `cwd` with `input` on its standard input (a pipe, as a shell's `|` gives). */
async function run(args: readonly string[], cwd: string, input = ''): Promise<Outcome> {
	const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	delete environment['FORCE_COLOR'];
	delete environment['NETPOL_DOJO_DEBUG'];
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], {cwd, env: environment});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', code => {
			resolve({code, stdout, stderr});
		});
		// The CLI may exit before reading its input (a usage error): a closed pipe is no failure here.
		child.stdin.on('error', () => undefined);
		child.stdin.end(input);
	});
}

function scratch(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-folders-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

const pod = (name: string, labels: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: default\n  labels: {${labels}}\n`;

/** A folder whose files name pods in kubectl's order: .hidden.yaml, a/x.yml, a-b.json, b.yaml; other files must not be read. */
function podsFolder(directory: string): string {
	const folder = path.join(directory, 'cluster');
	mkdirSync(path.join(folder, 'a'), {recursive: true});
	writeFileSync(path.join(folder, 'b.yaml'), pod('db', 'role: db'));
	writeFileSync(path.join(folder, 'a', 'x.yml'), pod('web', 'app: web'));
	writeFileSync(path.join(folder, 'a-b.json'), JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'api', namespace: 'default', labels: {app: 'api'}}}));
	writeFileSync(path.join(folder, '.hidden.yaml'), pod('dot', 'app: dot'));
	// Not manifests to kubectl (the extension is compared as written): never read.
	for (const name of ['notes.md', 'broken.txt', 'upper.YAML', 'policy.yaml.bak']) {
		writeFileSync(path.join(folder, name), 'kind: [this is not a manifest\n');
	}

	return folder;
}

test('matrix reads a folder recursively, in kubectl\'s order (each folder\'s names in byte order), hidden files included, other extensions left out', async t => {
	const directory = scratch(t);
	podsFolder(directory);
	const outcome = await run(['matrix', '--json', 'cluster'], directory);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stderr, '');
	// a/ before a-b.json: the walk sorts "a" < "a-b.json" within the folder; a sort of whole paths would put "a-b.json" first ('-' < '/').
	t.deepEqual((JSON.parse(outcome.stdout) as {pods: string[]}).pods, ['default/dot', 'default/web', 'default/api', 'default/db']);
});

test('a folder reads as its files given one by one, in every command that reads cluster files', async t => {
	const directory = scratch(t);
	const folder = path.join(directory, 'shop');
	mkdirSync(path.join(folder, '2-policies'), {recursive: true});
	cpSync(path.join(traffic, 'cluster.yaml'), path.join(folder, '1-cluster.yaml'));
	cpSync(path.join(traffic, 'policies.yaml'), path.join(folder, '2-policies', 'policies.yaml'));
	const files = [path.join(folder, '1-cluster.yaml'), path.join(folder, '2-policies', 'policies.yaml')];
	const flows = path.join(traffic, 'flows.yaml');
	const commands: Array<[string, string[]]> = [
		['eval', ['eval', '--flows', flows]],
		['explain', ['explain', '--flows', flows]],
		['matrix', ['matrix', '--namespace', 'prod']],
		['lint', ['lint', '--json']],
	];
	for (const [name, args] of commands) {
		const [fromFolder, fromFiles] = await Promise.all([run([...args, folder], directory), run([...args, ...files], directory)]);
		t.is(fromFolder.code, fromFiles.code, `${name}: ${fromFolder.stderr}`);
		t.not(fromFolder.code, 2, `${name}: ${fromFolder.stderr}`);
		t.is(fromFolder.stdout, fromFiles.stdout, name);
		t.is(fromFolder.stderr, fromFiles.stderr, name);
	}

	const after = path.join(directory, 'after');
	cpSync(folder, after, {recursive: true});
	cpSync(path.join(traffic, 'policies-after.yaml'), path.join(after, '2-policies', 'policies.yaml'));
	const [fromFolders, fromFiles] = await Promise.all([
		run(['diff', '--before', folder, '--after', after], directory),
		run(['diff', '--before', ...files, '--after', path.join(after, '1-cluster.yaml'), path.join(after, '2-policies', 'policies.yaml')], directory),
	]);
	t.is(fromFolders.code, 0, fromFolders.stderr);
	t.is(fromFolders.stdout, fromFiles.stdout);
	t.true(fromFolders.stdout.includes('Opened (denied before, allowed after):'), fromFolders.stdout);
});

test('a problem in a folder\'s file names that file, inside the folder, at its line and column', async t => {
	const directory = scratch(t);
	mkdirSync(path.join(directory, 'cluster', 'policies'), {recursive: true});
	cpSync(path.join(seed, 'cluster.yaml'), path.join(directory, 'cluster', 'cluster.yaml'));
	cpSync(path.join(root, 'test/fixtures/cli/bad/port-70000.yaml'), path.join(directory, 'cluster', 'policies', 'db.yaml'));
	const outcome = await run(['lint', 'cluster'], directory);
	t.is(outcome.code, 2);
	t.is(outcome.stdout, '');
	t.regex(outcome.stderr, /^error: cluster\/policies\/db\.yaml:20:17: NetworkPolicy "default\/db-policy": spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: 70000/);
});

test('a folder with no .yaml, .yml or .json file is an error that says so (exit 2)', async t => {
	const directory = scratch(t);
	mkdirSync(path.join(directory, 'empty', 'sub'), {recursive: true});
	writeFileSync(path.join(directory, 'empty', 'README.md'), '# nothing here\n');
	for (const args of [['matrix', 'empty'], ['eval', '--flows', path.join(seed, 'flows.yaml'), 'empty'], ['diff', '--before', 'empty', '--after', path.join(seed, 'cluster.yaml')]]) {
		const outcome = await run(args, directory);
		t.is(outcome.code, 2, args.join(' '));
		t.is(outcome.stdout, '');
		t.is(outcome.stderr, 'error: empty: is a folder with no .yaml, .yml or .json file in it or in its sub-folders; nothing to read\n');
	}
});

test('a symbolic link to a folder inside a folder is not followed, with a note; a link to a file is read', async t => {
	const directory = scratch(t);
	const folder = path.join(directory, 'cluster');
	mkdirSync(folder);
	mkdirSync(path.join(directory, 'elsewhere'));
	writeFileSync(path.join(directory, 'elsewhere', 'web.yaml'), pod('web', 'app: web'));
	writeFileSync(path.join(directory, 'db.yaml'), pod('db', 'role: db'));
	symlinkSync(path.join(directory, 'elsewhere'), path.join(folder, 'linked.yaml'));
	symlinkSync(path.join(directory, 'db.yaml'), path.join(folder, 'db.yaml'));
	const outcome = await run(['matrix', '--json', 'cluster'], directory);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stderr, 'note: cluster/linked.yaml is a symbolic link to a folder, which is not followed (kubectl apply -R does not follow it either); give the folder itself to read it\n');
	t.deepEqual((JSON.parse(outcome.stdout) as {pods: string[]}).pods, ['default/db']);
});

test('a named pipe inside a folder is refused in the safety code\'s words, never read (it would block)', async t => {
	const directory = scratch(t);
	mkdirSync(path.join(directory, 'cluster'));
	cpSync(path.join(seed, 'cluster.yaml'), path.join(directory, 'cluster', 'cluster.yaml'));
	try {
		execFileSync('mkfifo', [path.join(directory, 'cluster', 'pipe.yaml')]);
	} catch {
		t.pass('no mkfifo here');
		return;
	}

	const outcome = await run(['matrix', 'cluster'], directory);
	t.is(outcome.code, 2);
	t.is(outcome.stderr, 'error: cluster/pipe.yaml: is not a regular file (it is a named pipe); a folder\'s files are read only when they are regular files\n');
});

test('- reads the cluster from standard input, and --flows - the flows', async t => {
	const cluster = readFileSync(path.join(seed, 'cluster.yaml'), 'utf8');
	const flows = readFileSync(path.join(seed, 'flows.yaml'), 'utf8');
	const fromFiles = await run(['eval', '--flows', 'flows.yaml', 'cluster.yaml'], seed);
	t.is(fromFiles.code, 0, fromFiles.stderr);
	const clusterFromStdin = await run(['eval', '--flows', 'flows.yaml', '-'], seed, cluster);
	t.is(clusterFromStdin.code, 0, clusterFromStdin.stderr);
	t.is(clusterFromStdin.stdout, fromFiles.stdout);
	const flowsFromStdin = await run(['eval', '--flows', '-', 'cluster.yaml'], seed, flows);
	t.is(flowsFromStdin.code, 0, flowsFromStdin.stderr);
	t.is(flowsFromStdin.stdout, fromFiles.stdout);
	// Standard input among files and folders, in its place: a policy piped after the cluster replaces the file's.
	const replaced = await run(['matrix', 'cluster.yaml', '-'], seed, readFileSync(path.join(root, 'test/fixtures/packs/answers/db-policy-any-pod.yaml'), 'utf8'));
	t.is(replaced.code, 0, replaced.stderr);
	t.regex(replaced.stderr, /^Warning: <stdin>:\d+:\d+: NetworkPolicy "default\/db-policy" replaces the one at cluster\.yaml:\d+, as kubectl apply would\n$/);
});

test('a problem in standard input is reported at <stdin>:line:column', async t => {
	const outcome = await run(['lint', '-'], seed, readFileSync(path.join(root, 'test/fixtures/cli/bad/port-70000.yaml'), 'utf8'));
	t.is(outcome.code, 2);
	t.regex(outcome.stderr, /^error: <stdin>:20:17: NetworkPolicy "default\/db-policy": spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: 70000/);
	const empty = await run(['matrix', '-'], seed, '');
	t.is(empty.code, 2);
	t.is(empty.stderr, 'error: <stdin>: has no Kubernetes objects in it\n');
});

test('grade reads the policy from standard input', async t => {
	const outcome = await run(['grade', 'db-policy', '-'], seed, readFileSync(path.join(root, 'challenges/db-policy/solution.yaml'), 'utf8'));
	t.is(outcome.code, 0, outcome.stderr);
	t.regex(outcome.stdout, /^db-policy: passed, /);
});

test('grade reads the policies of a folder', async t => {
	const directory = scratch(t);
	mkdirSync(path.join(directory, 'answer', 'policies'), {recursive: true});
	cpSync(path.join(root, 'challenges/db-policy/solution.yaml'), path.join(directory, 'answer', 'policies', 'db-policy.yaml'));
	writeFileSync(path.join(directory, 'answer', 'NOTES.md'), 'why I did it this way\n');
	const outcome = await run(['grade', 'db-policy', 'answer'], directory);
	t.is(outcome.code, 0, outcome.stderr);
	t.regex(outcome.stdout, /^db-policy: passed, /);
});

test('standard input can be read once: a second - is a usage error (exit 2)', async t => {
	for (const args of [['eval', '--flows', '-', '-'], ['matrix', '-', '-'], ['diff', '--before', '-', '--after', '-'], ['lint', 'cluster.yaml', '-', '-']]) {
		const outcome = await run(args, seed, 'kind: List\n');
		t.is(outcome.code, 2, args.join(' '));
		t.is(outcome.stdout, '');
		t.true(outcome.stderr.startsWith('error: - (standard input) is given twice; standard input can be read only once\nusage: netpol-dojo '), outcome.stderr);
	}
});

test('a file really named <stdin> is a file, and a file named twice (alone and in its folder) is read once', async t => {
	const directory = scratch(t);
	podsFolder(directory);
	writeFileSync(path.join(directory, '<stdin>'), pod('named', 'app: named'));
	const outcome = await run(['matrix', '--json', '<stdin>', 'cluster/b.yaml', 'cluster'], directory, pod('piped', 'app: piped'));
	t.is(outcome.code, 0, outcome.stderr);
	t.deepEqual((JSON.parse(outcome.stdout) as {pods: string[]}).pods, ['default/named', 'default/db', 'default/dot', 'default/web', 'default/api']);
});
