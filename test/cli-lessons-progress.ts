// The headless lessons and progress commands, run as a child process.
import {execFile, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');

async function run(args: string[], home: string): Promise<{code: number; stdout: string; stderr: string}> {
	try {
		const {stdout, stderr} = await promisify(execFile)('node', [cli, ...args], {env: {...process.env, NETPOL_DOJO_HOME: home, NO_COLOR: '1'}, timeout: 30_000});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as {code: number; stdout: string; stderr: string};
		return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
	}
}

const home = () => mkdtempSync(path.join(tmpdir(), 'netpol-dojo-home-'));

test('lessons --json lists every built-in lesson in order, with no problem on stderr', async t => {
	const outcome = await run(['lessons', '--json'], home());
	t.is(outcome.code, 0);
	t.is(outcome.stderr, '');
	const {lessons} = JSON.parse(outcome.stdout) as {lessons: Array<{id: string; title: string; topics: string[]; pages: number}>};
	t.true(lessons.length >= 12, `${lessons.length} lessons`);
	t.is(lessons[0]!.id, 'traffic-direction');
	t.true(lessons.every(lesson => lesson.title.length > 0 && lesson.pages >= 3));
});

test('lessons prints one line a lesson, numbered', async t => {
	const outcome = await run(['lessons'], home());
	t.is(outcome.code, 0);
	t.regex(outcome.stdout.split('\n')[0]!, /^ 1 {2}traffic-direction {2}/);
});

test('progress starts empty, and --reset reports what it deleted', async t => {
	const directory = home();
	const fresh = await run(['progress', '--json'], directory);
	t.is(fresh.code, 0);
	const progress = JSON.parse(fresh.stdout) as {lessonsCompleted: number; lessonCount: number};
	t.is(progress.lessonsCompleted, 0);
	t.true(progress.lessonCount >= 12);
	const reset = await run(['progress', '--reset'], directory);
	t.is(reset.code, 0);
	t.regex(reset.stdout, /^Progress reset \(there was none to delete\)/);
});

test('a corrupted progress file is set aside with a warning, and progress starts fresh', async t => {
	const directory = home();
	writeFileSync(path.join(directory, 'progress.json'), '{not json');
	const outcome = await run(['progress'], directory);
	t.is(outcome.code, 0);
	t.regex(outcome.stderr, /^Warning: Progress file .*progress\.json is not valid JSON, so it was moved to .*progress\.json\.corrupt-/);
	t.regex(outcome.stdout, /^0 of \d+ lessons done/);
});

// A named pipe would block a plain open until some writer came: the command must not hang.
test('a named pipe as progress.json is set aside with a warning at once, and progress starts fresh', async t => {
	const directory = home();
	const pipe = path.join(directory, 'progress.json');
	if (spawnSync('mkfifo', [pipe]).status !== 0) {
		t.pass('mkfifo is not available here');
		return;
	}

	const outcome = await run(['progress'], directory);
	t.is(outcome.code, 0);
	t.is(outcome.stderr, `Warning: Progress file ${pipe} is not a regular file (it is a named pipe), so it was moved to ${pipe}.corrupt-${/corrupt-(\S+) and/.exec(outcome.stderr)?.[1] ?? '?'} and progress starts afresh.\n`);
	t.regex(outcome.stdout, /^0 of \d+ lessons done/);
	t.deepEqual(readdirSync(directory).map(name => name.replace(/corrupt-.*/, 'corrupt-<time>')), ['progress.json.corrupt-<time>']);
});

test('usage errors of lessons and progress exit 2', async t => {
	for (const args of [['lessons', 'extra'], ['progress', '--bogus']]) {
		const outcome = await run(args, home());
		t.is(outcome.code, 2, args.join(' '));
		t.regex(outcome.stderr, /^error: /);
	}
});

test('the bundled command (the package\'s bin) runs eval and lists lessons like the unbundled one', async t => {
	const bin = path.join(root, 'dist/bin/cli.js');
	const seed = path.join(root, 'test/fixtures/seed');
	const {stdout} = await promisify(execFile)('node', [bin, 'eval', '--json', '--flows', path.join(seed, 'flows.yaml'), path.join(seed, 'cluster.yaml')]);
	t.like(JSON.parse(stdout), {passed: 8, failed: 0});
	const lessons = await promisify(execFile)('node', [bin, 'lessons', '--json'], {env: {...process.env, NETPOL_DOJO_HOME: home()}});
	t.is((JSON.parse(lessons.stdout) as {lessons: unknown[]}).lessons.length, 13);
});

test('the app with --pack: an unreadable pack is exit 2 before anything starts; bad usage is exit 2', async t => {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-app-pack-'));
	const missing = await run(['--pack', path.join(directory, 'nowhere')], directory);
	t.is(missing.code, 2);
	t.is(missing.stderr, `error: ${path.join(directory, 'nowhere')}: no such folder; a pack is a folder with pack.yaml and one folder per challenge\n`);
	const noValue = await run(['--pack'], directory);
	t.is(noValue.code, 2);
	t.regex(noValue.stderr, /^error: Option '--pack <value>' argument missing\nusage: netpol-dojo \[--pack DIR\]\n/);
	const extra = await run(['--pack', 'x', 'y'], directory);
	t.is(extra.code, 2);
	t.regex(extra.stderr, /^error: netpol-dojo takes no arguments, got "y"\n/);
});

test('the app refuses a --pack whose id is built-in: its files and progress would be the built-in pack\'s', async t => {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-app-builtin-'));
	const pack = path.join(directory, 'pack');
	mkdirSync(pack);
	writeFileSync(path.join(pack, 'pack.yaml'), 'id: built-in\ntitle: T\nversion: 1.0.0\nauthor: A\ndescription: D\n');
	const outcome = await run(['--pack', pack], directory);
	t.is(outcome.code, 2);
	t.is(outcome.stderr, `error: ${pack}: has the pack id "built-in", which is the built-in pack's; give the pack another id in pack.yaml\n`);
});

test('progress lists the challenges of added packs beside the built-in ones', async t => {
	const directory = home();
	const added = await run(['pack', 'add', path.join(root, 'test/fixtures/packs/clean')], directory);
	t.is(added.code, 0, added.stderr);
	const outcome = await run(['progress', '--json'], directory);
	t.is(outcome.code, 0, outcome.stderr);
	const challenges = (JSON.parse(outcome.stdout) as {challenges: Array<{challenge: string; attempts: number}>}).challenges;
	t.is(challenges[0]?.challenge, 'built-in/db-policy');
	t.is(challenges.at(-1)?.challenge, 'clean/db-policy');
	t.true(challenges.every(challenge => challenge.attempts === 0));
	const text = await run(['progress'], directory);
	t.regex(text.stdout, new RegExp(`\\n0 of ${challenges.length} challenges solved\\.\\n`));
});
