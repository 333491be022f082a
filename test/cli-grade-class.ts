// grade --class: a whole class, one folder per learner, graded in one run against the pack loaded
// once; the built CLI as a child process (exit code, stdout, stderr, the JUnit files written).
import {execFile} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {classTable} from '../source/format/class-table.js';
import {parseXml} from './helpers/xml.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');
const packs = path.join(root, 'test/fixtures/packs');
const pack = path.join(packs, 'classroom');

type Outcome = {code: number | null; stdout: string; stderr: string};

/** Runs the CLI in `cwd`, so that messages name files relative to it. */
async function run(args: readonly string[], cwd: string): Promise<Outcome> {
	const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	delete environment['NETPOL_DOJO_DEBUG'];
	return new Promise(resolve => {
		execFile(process.execPath, [cli, ...args], {cwd, env: environment, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr});
		});
	});
}

function scratch(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-class-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

/**
A class in `<directory>/class`: alice and bob as in the classroom fixtures (alice has a misnamed
file), bob-again with bob's very files, carol with no submission at all, and what is not a
learner: a hidden .git folder and a README.
*/
function makeClass(directory: string): string {
	const folder = path.join(directory, 'class');
	for (const learner of ['alice', 'bob']) {
		cpSync(path.join(packs, 'classroom-submissions', learner), path.join(folder, learner), {recursive: true});
	}

	cpSync(path.join(packs, 'classroom-submissions', 'bob'), path.join(folder, 'bob-again'), {recursive: true});
	mkdirSync(path.join(folder, 'carol'));
	writeFileSync(path.join(folder, 'carol', 'notes.txt'), 'I will do it tomorrow\n');
	mkdirSync(path.join(folder, '.git'));
	writeFileSync(path.join(folder, '.git', 'db-policy.yaml'), 'not a learner\n');
	writeFileSync(path.join(folder, 'README.md'), '# CKS class\n');
	return folder;
}

test('grade --class prints one line per learner, in name order, and a total; exit 1 when some did not pass', async t => {
	const directory = scratch(t);
	makeClass(directory);
	const outcome = await run(['grade', '--pack', pack, '--class', 'class'], directory);
	t.is(outcome.code, 1);
	t.is(outcome.stdout, [
		'LEARNER    PASSED  NOT PASSED',
		'alice         1/3  api-policy; 1 not handed in',
		'bob           2/3  db-egress',
		'bob-again     2/3  db-egress',
		'carol         0/3  no submission at all',
		'Total: 0 of 4 learners passed every challenge; 5 of 12 grades passed.',
		'',
	].join('\n'));
	t.is(outcome.stderr, 'note: class/alice/db-egres.yaml is named after no challenge of the pack (did you mean db-egress.yaml?); it is not graded\n');
});

test('grade --class --junit DIR writes one report per learner, the very report --submissions writes for that learner', async t => {
	const directory = scratch(t);
	makeClass(directory);
	const outcome = await run(['grade', '--pack', pack, '--class', 'class', '--junit', 'reports'], directory);
	t.is(outcome.code, 1, outcome.stderr);
	t.deepEqual(readdirSync(path.join(directory, 'reports')).sort(), ['alice.xml', 'bob-again.xml', 'bob.xml', 'carol.xml']);
	// Reports kept inside the class folder are not a learner's folder the next time.
	for (let round = 0; round < 2; round++) {
		const inside = await run(['grade', '--pack', pack, '--class', 'class', '--junit', 'class/reports'], directory);
		t.is(inside.code, 1, inside.stderr);
		t.deepEqual(readdirSync(path.join(directory, 'class', 'reports')).sort(), ['alice.xml', 'bob-again.xml', 'bob.xml', 'carol.xml']);
	}

	for (const learner of ['alice', 'bob', 'carol']) {
		const alone = await run(['grade', '--pack', pack, '--submissions', path.join('class', learner), '--junit', `${learner}-alone.xml`], directory);
		t.is(alone.code, 1, alone.stderr);
		t.is(readFileSync(path.join(directory, 'reports', `${learner}.xml`), 'utf8'), readFileSync(path.join(directory, `${learner}-alone.xml`), 'utf8'), learner);
	}

	const carol = parseXml(readFileSync(path.join(directory, 'reports', 'carol.xml'), 'utf8'));
	t.like(carol.attributes, {name: 'netpol-dojo classroom', tests: '3', failures: '3'});
	t.deepEqual(carol.children.map(testCase => testCase.children[0]?.attributes['type']), ['no-submission', 'no-submission', 'no-submission']);
});

test('grade --class --json: the class, then each learner with the results --submissions --json gives', async t => {
	const directory = scratch(t);
	makeClass(directory);
	const outcome = await run(['grade', '--pack', pack, '--class', 'class', '--json'], directory);
	t.is(outcome.code, 1, outcome.stderr);
	type Learner = {learner: string; submitted: number; passed: number; failed: number; total: number; error?: string; results: unknown[]};
	const report = JSON.parse(outcome.stdout) as {pack: string; passed: number; failed: number; total: number; learners: Learner[]};
	t.like(report, {pack: 'classroom', passed: 0, failed: 4, total: 4});
	t.deepEqual(report.learners.map(({learner, submitted, passed, failed, total, error}) => ({learner, submitted, passed, failed, total, error})), [
		{learner: 'alice', submitted: 2, passed: 1, failed: 2, total: 3, error: undefined},
		{learner: 'bob', submitted: 3, passed: 2, failed: 1, total: 3, error: undefined},
		{learner: 'bob-again', submitted: 3, passed: 2, failed: 1, total: 3, error: undefined},
		{learner: 'carol', submitted: 0, passed: 0, failed: 3, total: 3, error: `no submission at all: ${path.join('class', 'carol')} holds no <challenge-id>.yaml`},
	]);
	// Graded once for both, bob's and bob-again's grades are what each gets alone.
	for (const learner of ['alice', 'bob', 'bob-again']) {
		const alone = await run(['grade', '--pack', pack, '--submissions', path.join('class', learner), '--json'], directory);
		const results = (JSON.parse(alone.stdout) as {results: Array<Record<string, unknown>>}).results;
		const withoutPaths = (value: unknown) => JSON.stringify(value).replaceAll(`class/${learner}/`, 'LEARNER/');
		t.is(withoutPaths(report.learners.find(entry => entry.learner === learner)!.results), withoutPaths(results), learner);
	}
});

test('grade --class exits 0 when every learner passed every challenge', async t => {
	const directory = scratch(t);
	for (const learner of ['dana', 'eve']) {
		mkdirSync(path.join(directory, 'class', learner), {recursive: true});
		for (const id of ['api-policy', 'db-policy', 'db-egress']) {
			cpSync(path.join(pack, id, 'solution.yaml'), path.join(directory, 'class', learner, `${id}.yaml`));
		}
	}

	const outcome = await run(['grade', '--pack', pack, '--class', 'class'], directory);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, 'LEARNER  PASSED  NOT PASSED\ndana        3/3\neve         3/3\nTotal: 2 of 2 learners passed every challenge; 6 of 6 grades passed.\n');
});

test('grade --submissions given a class folder says it looks like one and suggests --class (exit 2)', async t => {
	const directory = scratch(t);
	makeClass(directory);
	const outcome = await run(['grade', '--pack', pack, '--submissions', 'class'], directory);
	t.is(outcome.code, 2);
	t.is(outcome.stdout, '');
	t.is(outcome.stderr, 'error: class: holds no <challenge-id>.yaml, but folders that do (alice, bob, bob-again): it looks like a class folder, one folder per learner; grade it with --class class\n');
});

test('grade --submissions of a folder with no submission at all says so once, beside the results', async t => {
	const directory = scratch(t);
	mkdirSync(path.join(directory, 'nobody'));
	const outcome = await run(['grade', '--pack', pack, '--submissions', 'nobody'], directory);
	t.is(outcome.code, 1);
	t.is(outcome.stderr, 'note: nobody holds no submission at all (no <challenge-id>.yaml of the pack\'s challenges)\n');
});

test('grade --class: a learner\'s folder given as a class, and a class with no learner, are refused (exit 2)', async t => {
	const directory = scratch(t);
	makeClass(directory);
	const learner = await run(['grade', '--pack', pack, '--class', path.join('class', 'bob')], directory);
	t.is(learner.code, 2);
	t.is(learner.stderr, 'error: class/bob: holds <challenge-id>.yaml files and no learner folder: it looks like one learner\'s folder; grade it with --submissions\n');
	mkdirSync(path.join(directory, 'empty'));
	const empty = await run(['grade', '--pack', pack, '--class', 'empty'], directory);
	t.is(empty.code, 2);
	t.is(empty.stderr, 'error: empty: has no learner folder; --class names a folder with one folder per learner, each with <challenge-id>.yaml files\n');
	const missing = await run(['grade', '--pack', pack, '--class', 'nowhere'], directory);
	t.is(missing.code, 2);
	t.is(missing.stderr, 'error: nowhere: no such folder; --class names a folder with one folder per learner, each with <challenge-id>.yaml files\n');
});

test('grade --class: usage errors exit 2 with the usage lines', async t => {
	const directory = scratch(t);
	makeClass(directory);
	const both = await run(['grade', '--pack', pack, '--class', 'class', '--submissions', 'class/bob'], directory);
	t.is(both.code, 2);
	t.true(both.stderr.startsWith('error: grade takes --submissions DIR (one learner\'s files) or --class DIR (one folder per learner), not both\nusage: netpol-dojo grade '), both.stderr);
	t.true(both.stderr.includes('\n       netpol-dojo grade --pack DIR --class DIR [--junit DIR] [--json]\n'), both.stderr);
	const noPack = await run(['grade', '--class', 'class'], directory);
	t.is(noPack.code, 2);
	t.true(noPack.stderr.startsWith(`error: grade --class needs --pack DIR, the pack the class worked on (the built-in challenges are --pack ${path.join(root, 'challenges')})\n`), noPack.stderr);
	const withChallenge = await run(['grade', 'db-policy', '--pack', pack, '--class', 'class'], directory);
	t.is(withChallenge.code, 2);
	t.regex(withChallenge.stderr, /^error: grade --class grades every challenge of the pack and takes no CHALLENGE, got "db-policy"/);
	const unreadablePack = await run(['grade', '--pack', 'no-pack', '--class', 'class'], directory);
	t.is(unreadablePack.code, 2);
	t.is(unreadablePack.stdout, '');
});

test('the class table fits 80 columns: long names are cut, long lists of ids end in +N more', t => {
	const ids = Array.from({length: 24}, (_, index) => `challenge-number-${index}`);
	const table = classTable([
		{learner: 'a-learner-with-a-very-long-folder-name', passed: 0, total: 24, notPassed: ids, missing: 0},
		{learner: 'bo', passed: 20, total: 24, notPassed: ids.slice(0, 2), missing: 2},
	]);
	t.deepEqual(table.split('\n').filter(line => line.length > 80), []);
	t.is(table, [
		'LEARNER                   PASSED  NOT PASSED',
		'a-learner-with-a-very-l…    0/24  challenge-number-0, +23 more',
		'bo                         20/24  challenge-number-0, +1 more; 2 not handed in',
		'Total: 0 of 2 learners passed every challenge; 20 of 48 grades passed.',
		'',
	].join('\n'));
});
