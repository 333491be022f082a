// The headless commands load neither ink nor React: cli.ts imports each command's module in cli/
// when that command runs, and only the app imports the TUI. The unbundled CLI runs as a child
// process with a resolution hook that logs every package it loads.
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import test from 'ava';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');
const hooks = pathToFileURL(path.join(root, 'dist/test/helpers/module-log-hooks.js')).href;
const registerHooks = `data:text/javascript,import {register} from 'node:module'; register(${JSON.stringify(hooks)});`;
const traffic = path.join(root, 'test/fixtures/traffic');

type Outcome = {code: number | undefined; stdout: string; stderr: string; packages: string[]};

async function runLogged(args: readonly string[]): Promise<Outcome> {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-headless-'));
	const log = path.join(directory, 'packages.log');
	const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', MODULE_LOG: log, NETPOL_DOJO_HOME: directory};
	delete environment['FORCE_COLOR'];
	return new Promise(resolve => {
		execFile(process.execPath, ['--import', registerHooks, ...args], {cwd: traffic, env: environment, encoding: 'utf8'}, (error, stdout, stderr) => {
			let packages: string[] = [];
			try {
				packages = [...new Set(readFileSync(log, 'utf8').split('\n').filter(line => line !== ''))];
			} catch {}

			rmSync(directory, {recursive: true, force: true});
			resolve({code: error ? (typeof error.code === 'number' ? error.code : undefined) : 0, stdout, stderr, packages});
		});
	});
}

const uiPackage = /^(?:ink|react)(?:\/|$)/;

test('the hook logs ink and React when they load', async t => {
	const outcome = await runLogged(['--input-type=module', '-e', 'await import(\'ink\')']);
	t.is(outcome.code, 0, outcome.stderr);
	t.true(outcome.packages.includes('ink'), outcome.packages.join(' '));
	t.true(outcome.packages.some(name => name.startsWith('react')), outcome.packages.join(' '));
});

const headless: ReadonlyArray<readonly string[]> = [
	['--help'],
	['eval', '-h'],
	['eval', '--flows', 'flows.yaml', 'cluster.yaml', 'policies.yaml'],
	['explain', '--json', '--flows', 'flows.yaml', 'cluster.yaml', 'policies.yaml'],
	['matrix', 'cluster.yaml', 'policies.yaml'],
	['lint', 'lint-mistakes.yaml'],
	['grade', 'db-policy', path.join(root, 'challenges/db-policy/solution.yaml')],
	['challenges'],
	['lessons'],
	['progress'],
	['completion', 'bash'],
];

for (const args of headless) {
	test(`${args.join(' ')} loads neither ink nor React`, async t => {
		const outcome = await runLogged([cli, ...args]);
		t.true(outcome.code === 0 || outcome.code === 1, outcome.stderr);
		t.not(outcome.stdout, '');
		t.deepEqual(outcome.packages.filter(name => uiPackage.test(name)), []);
	});
}
