// Text from files never drives the terminal: every class of control sequence and invisible
// character, fed through every command that prints what a file holds, as the built CLI run as a
// child process. Values are shown escaped where they are quoted (as the API server quotes them),
// and removed from prose; nothing else of the output changes.
import {execFile} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');
const seed = path.join(root, 'test/fixtures/seed');
const cleanPack = path.join(root, 'test/fixtures/packs/clean');

type Outcome = {code: number | undefined; stdout: string; stderr: string};

// ava runs the tests of a file concurrently: a few CLI processes at a time keep them from timing out.
const maxRunning = 6;
let running = 0;
const waiting: Array<() => void> = [];

async function run(args: readonly string[], cwd: string): Promise<Outcome> {
	if (running < maxRunning) {
		running++;
	} else {
		await new Promise<void>(resolve => {
			waiting.push(resolve);
		});
	}

	const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	delete environment['FORCE_COLOR'];
	delete environment['NETPOL_DOJO_DEBUG'];
	try {
		return await new Promise(resolve => {
			execFile(process.execPath, [cli, ...args], {cwd, env: environment, encoding: 'utf8'}, (error, stdout, stderr) => {
				resolve({code: error ? (typeof error.code === 'number' ? error.code : undefined) : 0, stdout, stderr});
			});
		});
	} finally {
		const next = waiting.shift();
		if (next) {
			next();
		} else {
			running--;
		}
	}
}

// One sample of each class; each is wholly removed from prose, so a title around it reads as if it were not there.
const classes: ReadonlyArray<readonly [string, string]> = [
	['C0 controls (NUL, ESC, BEL, backspace, DEL)', '\u0000\u001B\u0007\u0008\u007F'],
	['C1 controls', '\u0080\u0084\u0099'],
	['CSI sequences (7-bit and 8-bit)', '\u001B[2J\u001B[1;1H\u009B31m'],
	['OSC window title', '\u001B]0;pwned\u0007'],
	['OSC 52 clipboard write', '\u001B]52;c;cm0gLXJmIH4=\u001B\\'],
	['bidi embeddings and overrides (U+202E)', '\u202A\u202B\u202C\u202D\u202E'],
	['bidi isolates', '\u2066\u2067\u2068\u2069'],
	['zero-width characters', '\u200B\u200C\u200D\u2060'],
	['U+FEFF', '\uFEFF'],
	['RLM, LRM and ALM', '\u200F\u200E\u061C'],
	['line and paragraph separators U+2028, U+2029', '\u2028\u2029'],
	['carriage return and NEL', '\r\u0085'],
];

// Any character a terminal acts on or hides, bar tab and newline.
const unsafe = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The sample as a quoted value shows it: JSON's escapes, every other invisible character as \uXXXX. */
function escaped(text: string): string {
	return JSON.stringify(text).slice(1, -1).replaceAll(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, character => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** A YAML double-quoted scalar holding the text, every character outside printable ASCII as an escape. */
function yamlQuoted(text: string): string {
	return `"${[...text].map(character => (/[ -~]/.test(character) && character !== '"' && character !== '\\' ? character : `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`)).join('')}"`;
}

function scratch(t: {teardown: (fn: () => void) => void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-escapes-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	cpSync(path.join(seed, 'cluster.yaml'), path.join(directory, 'cluster.yaml'));
	cpSync(path.join(seed, 'flows.yaml'), path.join(directory, 'flows.yaml'));
	return directory;
}

// An object of a kind netpol-dojo does not read, its kind, apiVersion and name carrying the sample.
const widget = (sample: string) => `apiVersion: ${yamlQuoted(`v1${sample}`)}\nkind: ${yamlQuoted(`Widget${sample}`)}\nmetadata: {name: ${yamlQuoted(`w${sample}`)}}\n`;
// A NetworkPolicy with a look-alike kind: skipped with a warning (an error in a learner's file).
const lookAlike = (sample: string) => `apiVersion: networking.k8s.io/v1\nkind: ${yamlQuoted(`NetworkPolicy${sample}`)}\nmetadata: {name: x}\n`;

function assertNothingUnsafe(t: {false: (actual: boolean, message?: string) => void}, outcome: Outcome, command: string): void {
	t.false(unsafe.test(outcome.stdout), `${command} stdout: ${JSON.stringify(outcome.stdout)}`);
	t.false(unsafe.test(outcome.stderr), `${command} stderr: ${JSON.stringify(outcome.stderr)}`);
}

// The cluster commands, each with its output on the seed cluster alone, which the skipped objects must not change.
const clusterCommands: ReadonlyArray<readonly [string, (extra: readonly string[]) => string[]]> = [
	['eval', extra => ['eval', '--flows', 'flows.yaml', 'cluster.yaml', ...extra]],
	['explain', extra => ['explain', '--flows', 'flows.yaml', 'cluster.yaml', ...extra]],
	['matrix', extra => ['matrix', '--port', '3306', 'cluster.yaml', ...extra]],
	['diff', extra => ['diff', '--before', 'cluster.yaml', '--after', 'cluster.yaml', ...extra]],
	['lint', extra => ['lint', 'cluster.yaml', ...extra]],
];

// At most ten problems are reported per error: the classes go in groups that fit.
const groups = [classes.slice(0, 6), classes.slice(6)];

function yamlDocuments(texts: readonly string[]): string {
	return texts.join('---\n');
}

// For each sample, a skipped object and a look-alike NetworkPolicy, 4 lines each with the `---`.
const skippedFile = yamlDocuments(classes.flatMap(([, sample]) => [widget(sample), lookAlike(sample)]));

function skippedStderr(): string {
	const shownOf = (index: number) => escaped(classes[index]![1]);
	const widgetEntry = (index: number) => `"Widget${shownOf(index)}" ("v1${shownOf(index)}") x1, first: extra.yaml:${(8 * index) + 2} "Widget${shownOf(index)}" "default/w${shownOf(index)}"`;
	const lookAlikeFirst = (index: number) => `extra.yaml:${(8 * index) + 6} "NetworkPolicy${shownOf(index)}" "default/x"`;
	return [
		...classes.map((_, index) => `Warning: ${lookAlikeFirst(index)} was skipped: did you mean kind: NetworkPolicy?`),
		`note: skipped ${classes.length * 2} objects of kinds netpol-dojo does not read (it reads Namespaces, Pods, workloads, Services and NetworkPolicies): ${classes.map((_, index) => `${widgetEntry(index)}; "NetworkPolicy${shownOf(index)}" (networking.k8s.io/v1) x1, first: ${lookAlikeFirst(index)}`).join('; ')}`,
		'',
	].join('\n');
}

for (const [command, args] of clusterCommands) {
	test(`${command}: skipped kinds, apiVersions and names of every class are shown escaped, and change nothing else`, async t => {
		const directory = scratch(t);
		writeFileSync(path.join(directory, 'extra.yaml'), skippedFile);
		const [alone, withExtra] = await Promise.all([run(args([]), directory), run(args(['extra.yaml']), directory)]);
		assertNothingUnsafe(t, withExtra, command);
		// lint counts an object skipped for a misspelt kind as a warning: exit 1.
		t.deepEqual(withExtra, {...alone, code: command === 'lint' ? 1 : alone.code, stderr: skippedStderr()});
	});

	test(`${command}: an invalid label value of every class is quoted with its escapes, exit 2`, async t => {
		const directory = scratch(t);
		for (const group of groups) {
			writeFileSync(path.join(directory, 'extra.yaml'), yamlDocuments(group.map(([, sample], index) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${index}\n  labels: {app: ${yamlQuoted(`a${sample}b`)}}\n`)));
			const outcome = await run(args(['extra.yaml']), directory);
			assertNothingUnsafe(t, outcome, command);
			t.is(outcome.code, 2);
			t.is(outcome.stdout, '');
			const lines = outcome.stderr.split('\n');
			for (const [index, [name, sample]] of group.entries()) {
				const line = lines.find(candidate => candidate.startsWith(`error: extra.yaml:${(6 * index) + 5}:17: Pod "default/p${index}": metadata.labels: Invalid value: `));
				t.true(line?.includes(`Invalid value: "a${escaped(sample)}b": a valid label must be `), `${name}: ${outcome.stderr}`);
			}
		}
	});
}

test('grade: skipped kinds of every class are noted escaped, and a look-alike kind in the learner\'s file is refused escaped', async t => {
	const directory = scratch(t);
	const solution = readFileSync(path.join(cleanPack, 'db-policy/solution.yaml'), 'utf8');
	// The solution's lines, then `---`: the first added document starts below them.
	const start = solution.split('\n').length + 1;
	writeFileSync(path.join(directory, 'mine.yaml'), `${solution}---\n${yamlDocuments(classes.map(([, sample]) => widget(sample)))}`);
	const graded = await run(['grade', 'db-policy', 'mine.yaml', '--pack', cleanPack], directory);
	assertNothingUnsafe(t, graded, 'grade');
	t.is(graded.code, 0, graded.stderr);
	const entries = classes.map(([, sample], index) => {
		const shown = escaped(sample);
		return `"Widget${shown}" ("v1${shown}") x1, first: mine.yaml:${start + (4 * index) + 1} "Widget${shown}" "default/w${shown}"`;
	});
	t.is(graded.stderr, `note: skipped ${classes.length} objects of kinds netpol-dojo does not read (it reads Namespaces, Pods, workloads, Services and NetworkPolicies): ${entries.join('; ')}\n`);

	for (const group of groups) {
		writeFileSync(path.join(directory, 'mine.yaml'), `${solution}---\n${yamlDocuments(group.map(([, sample]) => lookAlike(sample)))}`);
		const refused = await run(['grade', 'db-policy', 'mine.yaml', '--pack', cleanPack], directory);
		assertNothingUnsafe(t, refused, 'grade');
		t.is(refused.code, 2);
		t.is(refused.stderr, group.map(([, sample], index) => {
			const shown = escaped(sample);
			return `error: mine.yaml:${start + (4 * index) + 1}:7: "NetworkPolicy${shown}" "default/x": kind: Invalid value: "NetworkPolicy${shown}": did you mean NetworkPolicy?\n`;
		}).join(''));
	}
});

// A pack with, for each class, a challenge whose text carries the sample and one whose policy name does.
const lineBreaks = /[\r\u0085\u2028\u2029]/;
const id = (kind: string, index: number) => `${kind}-${String(index).padStart(2, '0')}`;
const messageSafe = classes.map(([, sample]) => sample).filter(sample => !lineBreaks.test(sample)).join('');

function hostilePack(t: {teardown: (fn: () => void) => void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-escapes-pack-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	writeFileSync(path.join(directory, 'pack.yaml'), `id: escapes\ntitle: ${yamlQuoted(`A pack${messageSafe}`)}\nversion: 1.0.0\nauthor: ${yamlQuoted(`netpol-dojo${messageSafe}`)}\ndescription: ${yamlQuoted(`Every class${classes.map(([, sample]) => sample).join('')}.`)}\n`);
	const original = readFileSync(path.join(cleanPack, 'db-policy/challenge.yaml'), 'utf8');
	for (const [index, [, sample]] of classes.entries()) {
		for (const kind of ['text', 'name']) {
			const folder = path.join(directory, id(kind, index));
			cpSync(path.join(cleanPack, 'db-policy'), folder, {recursive: true});
			const challenge = kind === 'text'
				? original
					.replace('title: Only the API may reach the database', `title: ${yamlQuoted(`Only the API${sample} may reach the database`)}`)
					.replace('topics: [ingress]', `topics: [${yamlQuoted(`ingress${sample}`)}]`)
					.replace('task: |\n', `task: |\n  Carries ${yamlQuoted(sample).slice(1, -1)} as written.\n`)
					.replace('  - "Select the db pods;', `  - "Select the db pods${yamlQuoted(sample).slice(1, -1)};`)
				: original.replace('{name: db-policy, namespace: default}', `{name: ${yamlQuoted(`db-policy${sample}`)}, namespace: default}`);
			writeFileSync(path.join(folder, 'challenge.yaml'), challenge);
		}
	}

	return directory;
}

const nameProblem = (directory: string, index: number) => `${directory}/${id('name', index)}/challenge.yaml:10:12: policies[0].name: Invalid value: "db-policy${escaped(classes[index]![1])}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
const singleLineProblems = (directory: string, index: number) => {
	const shown = escaped(classes[index]![1]);
	return [
		`${directory}/${id('text', index)}/challenge.yaml:1:8: title: Invalid value: "Only the API${shown} may reach the database": must be a single line, with no line breaks`,
		`${directory}/${id('text', index)}/challenge.yaml:3:10: topics[0]: Invalid value: "ingress${shown}": must be a single line, with no line breaks`,
	];
};

test('challenges: pack text of every class is listed cleaned; refused values are quoted with their escapes', async t => {
	const directory = hostilePack(t);
	const outcome = await run(['challenges', '--pack', directory], directory);
	assertNothingUnsafe(t, outcome, 'challenges');
	t.is(outcome.code, 0);
	const listed = classes.flatMap(([, sample], index) => (lineBreaks.test(sample) ? [] : [`  ${id('text', index)}  easy    Only the API may reach the database`]));
	t.is(outcome.stdout, ['A pack (escapes 1.0.0)', ...listed, ''].join('\n'));
	const expected = classes.flatMap(([, sample], index) => [nameProblem(directory, index), ...(lineBreaks.test(sample) ? singleLineProblems(directory, index) : [])]);
	t.deepEqual(outcome.stderr.split('\n').filter(line => line !== '').sort(), expected.map(line => `Warning: ${line}`).sort());
});

test('pack validate: pack text of every class is reported cleaned; refused values are quoted with their escapes', async t => {
	const directory = hostilePack(t);
	const outcome = await run(['pack', 'validate', directory], directory);
	assertNothingUnsafe(t, outcome, 'pack validate');
	t.is(outcome.code, 1);
	t.is(outcome.stderr, '');
	const reported = outcome.stdout.split('\n').filter(line => line.startsWith('error: ')).sort();
	const expected = classes.flatMap(([, sample], index) => [nameProblem(directory, index), ...(lineBreaks.test(sample) ? singleLineProblems(directory, index) : [])]);
	t.deepEqual(reported, expected.map(line => `error: ${line}`).sort());
	// The challenges whose title and topics are single lines load, each with the clean pack's 7 cases.
	const loaded = classes.filter(([, sample]) => !lineBreaks.test(sample)).length;
	t.true(outcome.stdout.endsWith(`\nPack escapes: ${loaded} challenges, ${loaded * 7} cases; ${expected.length} errors.\n`), outcome.stdout);
});

test('lint: a file name of every class (from a shell glob) is printed cleaned, and in --json escaped, the same name to a JSON reader', async t => {
	const directory = scratch(t);
	// A file name cannot hold NUL or a slash: the C0 sample loses its NUL.
	const names = classes.map(([, sample], index) => `p${index}${sample.replaceAll('\u0000', '')}.yaml`);
	for (const [index, name] of names.entries()) {
		writeFileSync(path.join(directory, name), `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p${index}, namespace: nowhere}\nspec: {podSelector: {}}\n`);
	}

	// With the seed cluster's pods, so that lint checks the namespaces.
	const text = await run(['lint', 'cluster.yaml', ...names], directory);
	assertNothingUnsafe(t, text, 'lint');
	t.is(text.code, 1);
	t.is(text.stdout, [
		// The column of the namespace moves with the length of the name before it.
		...classes.map((_, index) => `p${index}.yaml:3:${21 + String(index).length}: warning: NetworkPolicy "nowhere/p${index}": metadata.namespace: namespace "nowhere" has no pods in the files, so this policy selects nothing; a policy applies only to pods of its own namespace [namespace-without-pods]`),
		'',
		`${classes.length} warnings in ${classes.length} of ${classes.length + 1} NetworkPolicies.`,
		'',
	].join('\n'));
	const json = await run(['lint', '--json', 'cluster.yaml', ...names], directory);
	assertNothingUnsafe(t, json, 'lint --json');
	t.deepEqual((JSON.parse(json.stdout) as {warnings: Array<{file: string}>}).warnings.map(warning => warning.file), names);
});

test('eval and explain: a flow naming a look-alike pod quotes it with its escapes', async t => {
	const directory = scratch(t);
	for (const command of ['eval', 'explain']) {
		for (const group of groups) {
			writeFileSync(path.join(directory, 'hostile-flows.yaml'), `flows:\n${group.map(([, sample]) => `  - {from: ${yamlQuoted(`default/api${sample}`)}, to: default/db, port: 3306}\n`).join('')}`);
			const outcome = await run([command, '--flows', 'hostile-flows.yaml', 'cluster.yaml'], directory);
			assertNothingUnsafe(t, outcome, command);
			t.is(outcome.code, 2);
			t.is(outcome.stdout, '');
			const lines = outcome.stderr.trimEnd().split('\n');
			t.is(lines.length, group.length, outcome.stderr);
			for (const [index, [name, sample]] of group.entries()) {
				// A trailing U+FEFF is white space to the reference parser: not a name of the namespace/pod form.
				const prefix = `error: hostile-flows.yaml:${index + 2}:12: flows[${index}].from: `;
				const quoted = `"default/api${escaped(sample)}"`;
				t.true([`${prefix}pod ${quoted} is not in the cluster files`, `${prefix}${quoted} is neither namespace/pod nor an IP address`].some(start => lines[index]!.startsWith(start)), `${command}, ${name}: ${lines[index]!}`);
			}
		}
	}
});
