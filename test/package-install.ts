// The published package, installed the way a user installs it: `npm pack`, then the tarball
// installed into an empty folder and globally under a temporary prefix, and the app and every
// kind of command run from both installs through the bin that npm linked. Where the output does
// not depend on the install, it must equal the checkout's own bundle, so only packaging faults
// (a file left out of "files", a bundled package missing, a path found from the wrong folder)
// fail here. `npm test` has just built dist/, so the pack skips the prepare script; the installs
// prefer npm's cache to the registry. One pack and two installs serve every test.
import {execFile, spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {stripVTControlCharacters} from 'node:util';
import test, {type ExecutionContext} from 'ava';

// This file runs as dist/test/package-install.js; the fixtures stay in test/fixtures.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string; dependencies: Record<string, string>};
const seed = path.join(root, 'test/fixtures/seed');
const work = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-package-'));
const home = path.join(work, 'home');

type Outcome = {readonly code: number | null; readonly stdout: string; readonly stderr: string};
type Install = {
	/** The command on PATH: node_modules/.bin/netpol-dojo, or PREFIX/bin/netpol-dojo. */
	readonly bin: string;
	/** The installed package's folder. */
	readonly directory: string;
	/** The folder holding the packages installed beside it for it. */
	readonly dependencies: string;
};

async function run(file: string, args: readonly string[], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): Promise<Outcome> {
	return new Promise(resolve => {
		execFile(file, args, {cwd: options.cwd ?? work, env: options.env ?? appEnvironment(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
			resolve({code, stdout, stderr});
		});
	});
}

/**
npm's environment: the test's, less what an enclosing `npm test` passes down about its own
project (prefix, log level, package fields). Where the cache and the config files are stays.
*/
function npmEnvironment(): NodeJS.ProcessEnv {
	const result: NodeJS.ProcessEnv = {...process.env};
	for (const key of Object.keys(result)) {
		if (/^npm_/i.test(key) && !/^npm_config_(?:cache|userconfig|globalconfig|registry|cafile)$/i.test(key)) {
			delete result[key];
		}
	}

	return result;
}

/** The app's environment: no colours, progress in a fresh folder, this node first on PATH for the bin's `#!/usr/bin/env node`. */
function appEnvironment(): NodeJS.ProcessEnv {
	const result: NodeJS.ProcessEnv = {
		...npmEnvironment(),
		NO_COLOR: '1',
		NETPOL_DOJO_HOME: home,
		PATH: [path.dirname(process.execPath), process.env['PATH'] ?? ''].join(path.delimiter),
	};
	delete result['FORCE_COLOR'];
	delete result['NETPOL_DOJO_DEBUG'];
	// In CI (CI=true) ink draws only the last frame, on exit: the app would never show its menu.
	delete result['CI'];
	delete result['CONTINUOUS_INTEGRATION'];
	return result;
}

function succeeded(what: string, outcome: Outcome): Outcome {
	if (outcome.code !== 0) {
		throw new Error(`${what} exited ${outcome.code}:\n${outcome.stderr}`);
	}

	return outcome;
}

const checkoutRuns = new Map<string, Promise<Outcome>>();

/** The checkout's own bundle, for the output an install must reproduce (run once for both installs). */
async function checkout(args: readonly string[]): Promise<Outcome> {
	const key = JSON.stringify(args);
	if (!checkoutRuns.has(key)) {
		checkoutRuns.set(key, run(process.execPath, [path.join(root, 'dist/bin/cli.js'), ...args]));
	}

	return checkoutRuns.get(key)!;
}

let packedFiles: string[] = [];
const installs = new Map<string, Install>();

test.before(async t => {
	t.timeout(5 * 60_000);
	mkdirSync(home);
	const packed = succeeded('npm pack', await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {cwd: root, env: npmEnvironment()}));
	const [summary] = JSON.parse(packed.stdout) as Array<{filename: string; files: Array<{path: string}>}>;
	packedFiles = summary!.files.map(file => file.path);
	const tarball = path.join(work, summary!.filename);

	const local = path.join(work, 'local');
	const global = path.join(work, 'global');
	mkdirSync(local);
	const flags = ['--prefer-offline', '--no-audit', '--no-fund'];
	const [localInstall, globalInstall] = await Promise.all([
		run('npm', ['install', tarball, '--prefix', local, ...flags], {cwd: local, env: npmEnvironment()}),
		run('npm', ['install', '--global', '--prefix', global, tarball, ...flags], {cwd: work, env: npmEnvironment()}),
	]);
	succeeded('npm install', localInstall);
	succeeded('npm install --global', globalInstall);
	installs.set('installed in a folder', {
		bin: path.join(local, 'node_modules/.bin/netpol-dojo'),
		directory: path.join(local, 'node_modules/netpol-dojo'),
		dependencies: path.join(local, 'node_modules'),
	});
	installs.set('installed globally', {
		bin: path.join(global, 'bin/netpol-dojo'),
		directory: path.join(global, 'lib/node_modules/netpol-dojo'),
		dependencies: path.join(global, 'lib/node_modules/netpol-dojo/node_modules'),
	});
});

test.after.always(() => {
	rmSync(work, {recursive: true, force: true});
});

test.serial('the tarball holds the bundle, the lessons, the challenges, the pack guide, the schemas and the licence, and no tsc output', t => {
	const outside = packedFiles.filter(file => !/^(?:dist\/bin|lessons|challenges|docs|schemas)\//.test(file) && !['package.json', 'README.md', 'LICENSE'].includes(file));
	t.deepEqual(outside, []);
	for (const file of ['dist/bin/cli.js', 'dist/bin/commands/cluster-worker.js', 'lessons/index.yaml', 'challenges/pack.yaml', 'docs/packs.md', 'schemas/pack.schema.json', 'schemas/challenge.schema.json', 'schemas/cases.schema.json', 'schemas/flows.schema.json', 'LICENSE']) {
		t.true(packedFiles.includes(file), file);
	}

	t.true(packedFiles.some(file => /^dist\/bin\/chunk-\w+\.js$/.test(file)), 'the bundle\'s chunks');
});

test.serial('a folder install brings only the runtime dependencies: the rest is bundled into dist/bin', t => {
	const install = installs.get('installed in a folder')!;
	const packages = readdirSync(install.dependencies).filter(name => !name.startsWith('.')).sort();
	t.deepEqual(packages, ['netpol-dojo', ...Object.keys(manifest.dependencies)].sort());
});

test.serial('npx runs the command of a folder install', async t => {
	const outcome = await run('npx', ['--offline', 'netpol-dojo', '--version'], {cwd: path.join(work, 'local')});
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, `${manifest.version}\n`);
});

for (const name of ['installed in a folder', 'installed globally']) {
	const install = () => installs.get(name)!;

	test.serial(`${name}: --version and --help`, async t => {
		const version = await run(install().bin, ['--version']);
		t.deepEqual(version, {code: 0, stdout: `${manifest.version}\n`, stderr: ''});
		const help = await run(install().bin, ['--help']);
		t.deepEqual(help, await checkout(['--help']));
		t.is(help.code, 0);
		t.regex(help.stdout, /^netpol-dojo: learn and check Kubernetes NetworkPolicy\n/);
		const gradeHelp = await run(install().bin, ['grade', '-h']);
		t.deepEqual(gradeHelp, await checkout(['grade', '-h']));
		t.regex(gradeHelp.stdout, /^usage: netpol-dojo grade /);
	});

	test.serial(`${name}: completion bash offers the built-in challenge ids, as from the checkout`, async t => {
		const completion = await run(install().bin, ['completion', 'bash']);
		t.deepEqual(completion, await checkout(['completion', 'bash']));
		t.true(completion.stdout.includes(' db-policy '), 'the built-in ids');
	});

	test.serial(`${name}: lessons and challenges list the built-in lessons and pack`, async t => {
		const [lessons, challenges, expectedLessons, expectedChallenges] = await Promise.all([
			run(install().bin, ['lessons']),
			run(install().bin, ['challenges']),
			checkout(['lessons']),
			checkout(['challenges']),
		]);
		t.is(lessons.code, 0, lessons.stderr);
		t.regex(lessons.stdout, /^ 1 {2}traffic-direction /);
		t.deepEqual(lessons, expectedLessons);
		t.is(challenges.code, 0, challenges.stderr);
		t.regex(challenges.stdout, /^netpol-dojo built-in challenges \(built-in /);
		t.deepEqual(challenges, expectedChallenges);
	});

	test.serial(`${name}: eval decides the seed example's flows, and a large cluster loads in the worker thread`, async t => {
		const args = ['eval', '--json', '--flows', path.join(seed, 'flows.yaml'), path.join(seed, 'cluster.yaml')];
		const installed = await run(install().bin, args);
		t.is(installed.code, 0, installed.stderr);
		t.like(JSON.parse(installed.stdout), {passed: 8, failed: 0});
		t.deepEqual(installed, await checkout(args));

		// Over 2 MiB of cluster files load in a worker thread, a module of its own in the bundle.
		const large = path.join(work, 'large-cluster.yaml');
		if (!existsSync(large)) {
			writeFileSync(large, readFileSync(path.join(seed, 'cluster.yaml'), 'utf8') + `# ${'x'.repeat(97)}\n`.repeat(22_000));
		}

		const inWorker = await run(install().bin, ['eval', '--json', '--flows', path.join(seed, 'flows.yaml'), large]);
		t.deepEqual(inWorker, installed);
	});

	test.serial(`${name}: grade passes the built-in challenge's reference solution`, async t => {
		const outcome = await run(install().bin, ['grade', 'db-policy', path.join(install().directory, 'challenges/db-policy/solution.yaml')]);
		t.is(outcome.code, 0, outcome.stderr);
		t.regex(outcome.stdout, /^db-policy: passed, (\d+) of \1 cases\.\n$/);
		t.is(outcome.stderr, '');
	});

	test.serial(`${name}: the app without a terminal says which commands to use instead, exit 1`, async t => {
		const outcome = await run(install().bin, []);
		t.is(outcome.code, 1);
		t.is(outcome.stdout, '');
		t.regex(outcome.stderr, /^netpol-dojo: the app needs an interactive terminal\. Without one, use the headless commands:\n/);
	});

	// util-linux's `script` gives the app a terminal; elsewhere (macOS's script differs) this is skipped.
	const hasScript = process.platform === 'linux' && existsSync('/usr/bin/script');
	(hasScript ? test.serial : test.serial.skip)(`${name}: the app starts in a terminal, shows its menu and quits on q`, async t => {
		const outcome = await runAppInTerminal(t, install().bin);
		t.is(outcome.code, 0, outcome.screen);
	});
}

/** Runs the app in a terminal of 100x30, presses q once its menu is up, and resolves with its exit code and what it drew. */
async function runAppInTerminal(t: ExecutionContext, bin: string): Promise<{code: number | null; screen: string}> {
	const child = spawn('script', ['--quiet', '--return', '--command', `stty cols 100 rows 30; exec '${bin.replaceAll('\'', '\'\\\'\'')}'`, '/dev/null'], {
		cwd: work,
		env: {...appEnvironment(), SHELL: '/bin/sh', TERM: 'xterm-256color'},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let output = '';
	let quitSent = false;
	const screen = () => stripVTControlCharacters(output);
	const giveUp = setTimeout(() => {
		t.log(`the menu did not appear in 30 s; the screen:\n${screen()}`);
		child.kill();
	}, 30_000);
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	const collect = (chunk: string) => {
		output += chunk;
		if (!quitSent && /Challenges solved: \d+ of \d+/.test(screen()) && screen().includes('q quit')) {
			quitSent = true;
			child.stdin.write('q');
		}
	};

	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	return new Promise(resolve => {
		child.once('close', code => {
			clearTimeout(giveUp);
			child.stdin.destroy();
			resolve({code: quitSent ? code : null, screen: screen()});
		});
	});
}
