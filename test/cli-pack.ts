// pack validate, init and add, and grading a class, run as child processes: exit codes, stdout
// and stderr as an instructor or a CI job sees them.
import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {installedPackDirectories} from '../source/content/installed-packs.js';
import {parseXml} from './helpers/xml.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');
const packs = path.join(root, 'test/fixtures/packs');
const submissions = path.join(packs, 'classroom-submissions');

type Outcome = {code: number; stdout: string; stderr: string};

async function run(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
	try {
		const {stdout, stderr} = await promisify(execFile)('node', [cli, ...args], {cwd: packs, env: {...process.env, NO_COLOR: '1', ...env}});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as Outcome;
		return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
	}
}

function scratch(t: {teardown: (fn: () => void) => void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-cli-pack-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

test('pack validate: a clean pack exits 0 with one line per challenge and a closing line', async t => {
	const outcome = await run(['pack', 'validate', 'clean']);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, 'db-policy: 7 cases; the proof refuses 15 of 15 near-miss mutants; the cases alone catch 14\n  allows: ingress of default/db (+ 1 probe pod): TCP 5432 from default/api (+ 1 probe pod)\nPack OK: 1 challenge, 7 cases; every near-miss mutant refused.\n');
	t.is(outcome.stderr, '');
});

test('pack validate: problems exit 1, each on its own line with file and line', async t => {
	const outcome = await run(['pack', 'validate', 'problems']);
	t.is(outcome.code, 1);
	const lines = outcome.stdout.split('\n');
	t.true(lines.includes('error: problems/solution-fails/cases.yaml:3: flows[1]: the reference solution fails this case: default/web -> default/db TCP 5432 should be allowed, and solution.yaml denies it (NetworkPolicy \'default/db-policy\' selects default/db for ingress, and no rule allows from default/web on 5432/TCP)'));
	t.true(lines.includes('error: problems/missing-policy/challenge.yaml:11: policies[1]: solution.yaml has no NetworkPolicy default/api-policy, which the task asks for'));
	t.true(lines.includes('error: problems/no-hints/challenge.yaml:8:5: hints[0]: is empty. Give a hint, or remove the entry.'));
	t.is(lines.at(-2), 'Pack problems: 6 challenges, 38 cases; 6 errors, 2 warnings.');
});

test('pack validate: a pack that leaves probes open exits 0 naming its survivors, and 1 with --strict', async t => {
	const outcome = await run(['pack', 'validate', 'weak']);
	t.is(outcome.code, 0);
	t.true(outcome.stdout.includes('\n  survivor: db-policy: podSelector tier=data broadened to tier Exists (accepted only because probes label-value-changed are off)\n'));
	t.is((await run(['pack', 'validate', '--strict', 'weak'])).code, 1);
});

test('pack validate: an unreadable pack exits 2 with the reason on stderr', async t => {
	const missing = await run(['pack', 'validate', 'no-such-pack']);
	t.is(missing.code, 2);
	t.is(missing.stderr, 'error: no-such-pack: no such folder; a pack is a folder with pack.yaml and one folder per challenge\n');
	const directory = scratch(t);
	writeFileSync(path.join(directory, 'pack.yaml'), 'id: x\ntitel: typo\n');
	const broken = await run(['pack', 'validate', directory]);
	t.is(broken.code, 2);
	t.regex(broken.stderr, /^error: .*pack\.yaml:2:1: unknown field "titel"$/m);
	t.is((await run(['pack', 'validate'])).code, 2);
});

test('pack init writes a pack that validates clean, and refuses a folder that is not empty', async t => {
	const directory = path.join(scratch(t), 'CKS Basics');
	const init = await run(['pack', 'init', directory]);
	t.is(init.code, 0, init.stderr);
	t.true(init.stdout.startsWith(`Created pack cks-basics in ${directory}: pack.yaml and one example challenge, db-policy/.\n`));
	const validate = await run(['pack', 'validate', '--strict', directory]);
	t.is(validate.code, 0, validate.stdout);
	t.is(validate.stdout.split('\n').at(-2), 'Pack OK: 1 challenge, 7 cases; every near-miss mutant refused.');
	const again = await run(['pack', 'init', directory]);
	t.is(again.code, 2);
	t.is(again.stderr, `error: ${directory}: is not empty; pack init writes only into a new or empty folder, so nothing of yours is overwritten\n`);
});

test('pack add copies a valid pack into the data directory, refuses a second add without --force, replaces with it', async t => {
	const home = scratch(t);
	const env = {NETPOL_DOJO_HOME: home};
	const added = await run(['pack', 'add', 'clean'], env);
	t.is(added.code, 0, added.stderr);
	t.is(added.stdout.split('\n').at(-2), `Added pack clean 1.0.0 (1 challenge) in ${path.join(home, 'packs', 'clean')}; the app lists it beside the built-in challenges.`);
	t.deepEqual(readdirSync(path.join(home, 'packs', 'clean')).sort(), ['db-policy', 'pack.yaml']);
	t.deepEqual(readdirSync(path.join(home, 'packs', 'clean', 'db-policy')).sort(), ['cases.yaml', 'challenge.yaml', 'cluster.yaml', 'solution.yaml']);
	t.deepEqual(installedPackDirectories(home), [path.join(home, 'packs', 'clean')]);
	const twice = await run(['pack', 'add', 'clean'], env);
	t.is(twice.code, 2);
	t.is(twice.stderr, `error: ${path.join(home, 'packs', 'clean')}: a pack with id "clean" is already added; add --force to replace it with clean\n`);
	const forced = await run(['pack', 'add', '--force', 'clean'], env);
	t.is(forced.code, 0, forced.stderr);
	t.regex(forced.stdout, /^Replaced pack clean 1\.0\.0 /m);
	t.deepEqual(readdirSync(path.join(home, 'packs')), ['clean'], 'no staging or replaced folder is left behind');
});

test('pack add refuses a pack with problems (exit 1) and copies nothing; only pack files are copied', async t => {
	const home = scratch(t);
	const refused = await run(['pack', 'add', 'problems'], {NETPOL_DOJO_HOME: home});
	t.is(refused.code, 1);
	t.is(refused.stderr, 'error: problems: not added: fix the errors above, then run pack add again\n');
	t.false(existsSync(path.join(home, 'packs', 'problems')));
	const source = path.join(scratch(t), 'with-extras');
	cpSync(path.join(packs, 'clean'), source, {recursive: true});
	writeFileSync(path.join(source, 'README.md'), 'not pack data\n');
	mkdirSync(path.join(source, '.git'));
	t.is((await run(['pack', 'add', source], {NETPOL_DOJO_HOME: home})).code, 0);
	t.deepEqual(readdirSync(path.join(home, 'packs', 'clean')).sort(), ['db-policy', 'pack.yaml']);
});

test('pack add refuses the built-in pack\'s id', async t => {
	const outcome = await run(['pack', 'add', path.join(root, 'challenges')], {NETPOL_DOJO_HOME: scratch(t)});
	t.is(outcome.code, 1);
	t.regex(outcome.stderr, /pack\.yaml: id "built-in" is the built-in pack's; give your pack another id\n$/);
});

test('grade --submissions: one line per challenge and a total; missing and unreadable files fail, the run goes on', async t => {
	const junit = path.join(scratch(t), 'alice.xml');
	const alice = await run(['grade', '--pack', 'classroom', '--submissions', 'classroom-submissions/alice', '--junit', junit]);
	t.is(alice.code, 1);
	t.is(alice.stdout, [
		'api-policy: not passed, 5 of 7 hidden cases hold (71%).',
		'db-policy: passed, 7 of 7 cases.',
		'db-egress: not passed, no submission (classroom-submissions/alice/db-egress.yaml does not exist).',
		'Total: 1 of 3 challenges passed; 12 of 19 cases.',
		'',
	].join('\n'));
	t.is(alice.stderr, 'note: classroom-submissions/alice/db-egres.yaml is named after no challenge of the pack (did you mean db-egress.yaml?); it is not graded\n');
	const suite = parseXml(readFileSync(junit, 'utf8'));
	t.like(suite.attributes, {name: 'netpol-dojo classroom', tests: '3', failures: '2', errors: '0'});
	t.deepEqual(suite.children.map(testCase => [testCase.attributes['name'], testCase.children[0]?.attributes['type']]), [['api-policy', 'not-passed'], ['db-policy', undefined], ['db-egress', 'no-submission']]);
	t.is(suite.children[0]!.children[0]!.text, [
		'api-policy: not passed, 5 of 7 hidden cases hold (71%).',
		'  ✗ default/web -> default/api TCP 8081: your policies allow it at the ingress of default/api; the task denies it.',
		'      This difference spans TCP ports 1-8079, 8081-65535.',
		'      yours: ingress allowed by default/api-policy ingress rule #1',
		'      the task\'s: NetworkPolicy \'default/api-policy\' selects default/api for ingress, and no rule allows from default/web on 8081/TCP',
		'  ✗ default/web -> default/api UDP 8080 should be denied; your policies allow it',
		'      no policy selects default/web for egress; ingress allowed by default/api-policy ingress rule #1',
	].join('\n'));
	const bob = await run(['grade', '--pack', 'classroom', '--submissions', path.join(submissions, 'bob'), '--json']);
	t.is(bob.code, 1);
	const report = JSON.parse(bob.stdout) as {pack: string; passed: number; failed: number; total: number; results: Array<{challenge: string; passed: boolean; error?: string}>};
	t.like(report, {pack: 'classroom', passed: 2, failed: 1, total: 3});
	t.deepEqual(report.results.map(result => [result.challenge, result.passed]), [['api-policy', true], ['db-policy', true], ['db-egress', false]]);
	t.regex(report.results[2]!.error!, /^the submission cannot be read: .*bob\/db-egress\.yaml:14:17: NetworkPolicy "default\/db-egress": spec\.egress\[0\]\.ports\[0\]\.port: Invalid value: 70000/);
});

test('grade --submissions exits 0 when every challenge passed', async t => {
	const directory = scratch(t);
	for (const id of ['api-policy', 'db-policy', 'db-egress']) {
		cpSync(path.join(packs, 'classroom', id, 'solution.yaml'), path.join(directory, `${id}.yaml`));
	}

	const outcome = await run(['grade', '--pack', 'classroom', '--submissions', directory, '--junit', path.join(directory, 'report.xml')]);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout.split('\n').at(-2), 'Total: 3 of 3 challenges passed; 19 of 19 cases.');
	t.like(parseXml(readFileSync(path.join(directory, 'report.xml'), 'utf8')).attributes, {tests: '3', failures: '0'});
});

test('grade --submissions: bad usage and an unreadable folder exit 2', async t => {
	const noFolder = await run(['grade', '--pack', 'classroom', '--submissions', 'nowhere']);
	t.is(noFolder.code, 2);
	t.is(noFolder.stderr, 'error: nowhere: no such folder; --submissions names a folder with one <challenge-id>.yaml per challenge\n');
	const junitAlone = await run(['grade', '--pack', 'classroom', '--junit', 'x.xml']);
	t.is(junitAlone.code, 2);
	t.regex(junitAlone.stderr, /^error: grade --junit needs --submissions DIR/);
	const withChallenge = await run(['grade', 'db-policy', '--pack', 'classroom', '--submissions', 'classroom-submissions/bob']);
	t.is(withChallenge.code, 2);
	t.regex(withChallenge.stderr, /^error: grade --submissions grades every challenge of the pack and takes no CHALLENGE, got "db-policy"/);
	// A missing folder is created (CI writes to reports/junit.xml); a file in the way is not replaced.
	const badJunit = await run(['grade', '--pack', 'classroom', '--submissions', 'classroom-submissions/bob', '--junit', 'classroom/pack.yaml/report.xml']);
	t.is(badJunit.code, 2);
	t.is(badJunit.stderr, 'error: classroom/pack.yaml/report.xml: cannot be written (a parent of it is not a folder, EEXIST)\n');
});

test('a pack with escape sequences in its text lists without them', async t => {
	const outcome = await run(['challenges', '--pack', 'escapes']);
	t.is(outcome.code, 0);
	t.is(outcome.stdout, 'A pack with escapes (escapes 1.0.0)\n  db-policy  easy    Only the API may reach the database\n');
	const validate = await run(['pack', 'validate', 'escapes']);
	t.is(validate.code, 0);
	t.false(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(validate.stdout));
});

test('--help lists the pack commands and class grading', async t => {
	const outcome = await run(['--help']);
	for (const line of ['netpol-dojo pack validate [--strict] DIR', 'netpol-dojo pack init DIR', 'netpol-dojo pack add [--force] DIR', 'netpol-dojo grade --pack DIR --submissions DIR [--junit FILE] [--json]']) {
		t.true(outcome.stdout.includes(line), line);
	}

	const unknown = await run(['pack', 'valdate', 'clean']);
	t.is(unknown.code, 2);
	t.regex(unknown.stderr, /^error: unknown pack action "valdate" \(did you mean validate\?\)/);
});

test('a policy name with escape sequences is refused as the API server would, and no message carries them', async t => {
	const folder = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-hostile-'));
	cpSync(path.join(packs, 'clean'), folder, {recursive: true});
	const challengeFile = path.join(folder, 'db-policy/challenge.yaml');
	writeFileSync(challengeFile, readFileSync(challengeFile, 'utf8').replace(/policies:[^\n]*\n(?:\s+-[^\n]*\n)*/, 'policies:\n  - {name: "\\e[2Jx\\e]0;PWNED\\a", namespace: default}\n'));
	writeFileSync(path.join(folder, 'pack.yaml'), `${readFileSync(path.join(folder, 'pack.yaml'), 'utf8')}"\\x9b2Jbad": 1\n`);
	const hostile = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
	for (const args of [['challenges', '--pack', folder], ['pack', 'validate', folder], ['grade', 'db-policy', path.join(folder, 'db-policy/solution.yaml'), '--pack', folder]]) {
		 
		const outcome = await run(args);
		t.is(outcome.code, 2, args.join(' '));
		t.false(hostile.test(outcome.stderr), JSON.stringify(outcome.stderr));
		t.false(hostile.test(outcome.stdout), JSON.stringify(outcome.stdout));
		// The key is quoted as written, its 8-bit CSI spelt out.
		t.regex(outcome.stderr, /pack\.yaml:\d+:\d+: unknown field "\\u009b2Jbad"/);
	}

	writeFileSync(path.join(folder, 'pack.yaml'), readFileSync(path.join(packs, 'clean/pack.yaml'), 'utf8'));
	const listed = await run(['challenges', '--pack', folder]);
	t.is(listed.code, 0);
	// The value is shown as written, its escapes spelt out, as the API server quotes it.
	t.regex(listed.stderr, /challenge\.yaml:\d+:\d+: policies\[0\]\.name: Invalid value: "\\u001b\[2Jx\\u001b\]0;PWNED\\u0007": a lowercase RFC 1123 subdomain/);
	t.false(hostile.test(listed.stderr), JSON.stringify(listed.stderr));
});

test('class grading takes <id>.yml too, and says which file it did not grade when both exist', async t => {
	const folder = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-yml-'));
	const solution = readFileSync(path.join(packs, 'clean/db-policy/solution.yaml'), 'utf8');
	writeFileSync(path.join(folder, 'db-policy.yml'), solution);
	const yml = await run(['grade', '--pack', 'clean', '--submissions', folder]);
	t.is(yml.code, 0, yml.stderr);
	writeFileSync(path.join(folder, 'db-policy.yaml'), solution);
	const both = await run(['grade', '--pack', 'clean', '--submissions', folder]);
	t.is(both.code, 0);
	t.is(both.stderr, `note: ${path.join(folder, 'db-policy.yml')} is not graded: db-policy.yaml is\n`);
});
