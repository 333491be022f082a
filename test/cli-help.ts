// `netpol-dojo COMMAND -h`: every command prints its own usage, options and exit codes (exit 0,
// nothing on stderr), within 80 columns, naming every option its parser accepts; and colour
// follows NO_COLOR and FORCE_COLOR as the app's does. The built CLI runs as a child process.
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {commandHelp} from '../source/cli/help.js';
import {commandNames, commandOptions} from '../source/cli/options.js';
import {shouldUseColor} from '../source/format/color.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');

type Outcome = {code: number | undefined; stdout: string; stderr: string};

async function run(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<Outcome> {
	const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	delete environment['FORCE_COLOR'];
	delete environment['NETPOL_DOJO_DEBUG'];
	for (const [key, value] of Object.entries(env)) {
		if (value === undefined) {
			delete environment[key];
		} else {
			environment[key] = value;
		}
	}

	return new Promise(resolve => {
		execFile(process.execPath, [cli, ...args], {cwd: root, env: environment, encoding: 'utf8'}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : undefined) : 0, stdout, stderr});
		});
	});
}

const helpTopics = [...commandNames, 'pack'] as const;

for (const topic of helpTopics) {
	for (const flag of ['-h', '--help']) {
		test(`${topic} ${flag} prints ${topic}'s help and exits 0`, async t => {
			const outcome = await run([...topic.split(' '), flag]);
			t.is(outcome.code, 0, outcome.stderr);
			t.is(outcome.stderr, '');
			t.is(outcome.stdout, commandHelp[topic]);
		});
	}
}

// The first line each command's -h prints, written out: the usage its errors print too.
const firstUsageLines: Readonly<Record<typeof helpTopics[number], string>> = {
	eval: 'usage: netpol-dojo eval [--json] [--max-size MIB] --flows FLOWS FILE...',
	challenges: 'usage: netpol-dojo challenges [--pack DIR] [--json]',
	grade: 'usage: netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]',
	shell: 'usage: netpol-dojo shell CHALLENGE [--pack DIR]',
	pack: 'usage: netpol-dojo pack validate [--strict] DIR',
	'pack validate': 'usage: netpol-dojo pack validate [--strict] DIR',
	'pack init': 'usage: netpol-dojo pack init DIR',
	'pack add': 'usage: netpol-dojo pack add [--force] DIR',
	lessons: 'usage: netpol-dojo lessons [--json]',
	progress: 'usage: netpol-dojo progress [--json] [--reset]',
	explain: 'usage: netpol-dojo explain [--json] --flows FLOWS FILE...',
	matrix: 'usage: netpol-dojo matrix [--json] [--port P] [--protocol T] [--namespace N]',
	diff: 'usage: netpol-dojo diff [--json] [--port P] [--protocol T]',
	lint: 'usage: netpol-dojo lint [--json] FILE...',
	completion: 'usage: netpol-dojo completion bash|zsh',
};

for (const topic of helpTopics) {
	test(`${topic} -h: exit 0, nothing on stderr, and its usage on the first line`, async t => {
		const outcome = await run([...topic.split(' '), '-h']);
		t.is(outcome.code, 0, outcome.stderr);
		t.is(outcome.stderr, '');
		t.is(outcome.stdout.split('\n')[0], firstUsageLines[topic]);
	});
}

for (const topic of helpTopics) {
	test(`${topic}'s help starts with its usage, fits 80 columns and ends with one newline`, t => {
		const help = commandHelp[topic];
		t.true(help.startsWith(`usage: netpol-dojo ${topic} `), help);
		t.deepEqual(help.split('\n').filter(line => line.length > 80), []);
		t.true(help.endsWith('.\n') && !help.endsWith('\n\n'), help);
	});
}

for (const command of commandNames) {
	test(`${command}'s help lists every option its parser accepts, and -h, --help`, t => {
		const options = commandHelp[command].split('\nOptions:\n')[1]?.split('\n\n')[0] ?? '';
		for (const name of [...Object.keys(commandOptions[command].options), 'help']) {
			t.regex(options, new RegExp(`^  .*--${name}\\b`, 'm'), `--${name}`);
		}

		t.regex(options, /^ {2}-h, --help +this help$/m);
	});
}

test('lint -h, word for word', async t => {
	const outcome = await run(['lint', '-h']);
	t.is(outcome.stdout, `usage: netpol-dojo lint [--json] FILE...

Warn about likely mistakes in policies, each at its file and line: a policy
that selects no pod, OR written for AND, egress without DNS, a port without its
protocol, and more. Give the cluster's files with your policies: without Pods,
the checks that need them are skipped, with a note.

Options:
  --json            the warnings as data, with their codes
  --max-size MIB    refuse input files larger than this (default 32)
  -h, --help        this help

Exit codes: 0 no warnings; 1 warnings; 2 bad input or usage.
`);
});

test('pack -h is the overview of the actions; pack ACTION -h is that action\'s help, wherever -h is', async t => {
	const overview = await run(['pack', '-h']);
	t.is(overview.code, 0);
	t.is(overview.stdout, `usage: netpol-dojo pack validate [--strict] DIR
       netpol-dojo pack init DIR
       netpol-dojo pack add [--force] DIR

Write, check and share challenge packs:
  pack validate DIR  check a pack before sharing it
  pack init DIR      start a pack with one complete example challenge
  pack add DIR       check a pack and add it to the app's challenges

netpol-dojo pack ACTION -h says more about each.

A pack is a folder: pack.yaml and one folder per challenge (challenge.yaml,
cluster.yaml, cases.yaml, solution.yaml, starter.yaml). The format, and the
JSON Schemas editors check it with: docs/packs.md.
`);
	for (const args of [['pack', '--strict', 'validate', 'my-pack', '-h'], ['pack', '-h', 'validate']]) {
		const outcome = await run(args);
		t.is(outcome.code, 0, args.join(' '));
		t.is(outcome.stdout, commandHelp['pack validate'], args.join(' '));
	}

	const misspelt = await run(['pack', 'valdate', '-h']);
	t.is(misspelt.code, 0);
	t.is(misspelt.stdout, commandHelp.pack);
});

test('--help fits 80 columns and points to each command\'s own help and to completion', async t => {
	const outcome = await run(['--help']);
	t.is(outcome.code, 0);
	t.is(outcome.stderr, '');
	t.deepEqual(outcome.stdout.split('\n').filter(line => line.length > 80), []);
	t.true(outcome.stdout.includes('\n  netpol-dojo completion bash|zsh\n      a shell completion script: source <(netpol-dojo completion bash)\n'));
	t.true(outcome.stdout.includes('\n  netpol-dojo COMMAND -h\n      a command\'s own usage, options and exit codes\n'));
});

test('a usage error still prints the command\'s usage lines, not its whole help', async t => {
	const outcome = await run(['matrix']);
	t.is(outcome.code, 2);
	t.is(outcome.stdout, '');
	t.is(outcome.stderr, 'error: matrix needs at least one cluster FILE\nusage: netpol-dojo matrix [--json] [--port P] [--protocol T] [--namespace N]\n                          FILE...\n(netpol-dojo --help lists the commands and options)\n');
});

// Colour: ink's colours (chalk) are off with FORCE_COLOR=0 or false, and on with any other
// value; NO_COLOR turns everything off. The command line decides alike.

test('shouldUseColor: NO_COLOR wins, FORCE_COLOR=0 or false turns colour off even on a terminal, another FORCE_COLOR turns it on', t => {
	t.true(shouldUseColor({}, true));
	t.false(shouldUseColor({}, false));
	t.false(shouldUseColor({TERM: 'dumb'}, true));
	t.false(shouldUseColor({FORCE_COLOR: '0'}, true));
	t.false(shouldUseColor({FORCE_COLOR: 'false'}, true));
	t.true(shouldUseColor({FORCE_COLOR: '1'}, false));
	t.true(shouldUseColor({FORCE_COLOR: 'true'}, false));
	t.false(shouldUseColor({FORCE_COLOR: '1', NO_COLOR: '1'}, true));
	t.true(shouldUseColor({NO_COLOR: ''}, true));
	t.true(shouldUseColor({FORCE_COLOR: ''}, true));
});

// A real terminal for the child: util-linux `script` runs the command on a pseudo-terminal.
const script = '/usr/bin/script';
const onTerminal = process.platform === 'linux' && existsSync(script) ? test : test.skip;

async function runOnTerminal(args: readonly string[], env: Record<string, string>): Promise<Outcome> {
	const environment: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', ...env};
	delete environment['NO_COLOR'];
	if (env['FORCE_COLOR'] === undefined) {
		delete environment['FORCE_COLOR'];
	}

	const command = [process.execPath, cli, ...args].map(word => `'${word}'`).join(' ');
	return new Promise(resolve => {
		execFile(script, ['-qec', command, '/dev/null'], {cwd: path.join(root, 'test/fixtures/traffic'), env: environment, encoding: 'utf8'}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : undefined) : 0, stdout, stderr});
		});
	});
}

onTerminal('on a terminal the matrix is coloured, and FORCE_COLOR=0 turns the colour off as it does in the app', async t => {
	const args = ['matrix', '--namespace', 'dev', 'cluster.yaml', 'policies.yaml'];
	const coloured = await runOnTerminal(args, {});
	t.is(coloured.code, 0, coloured.stderr);
	t.true(coloured.stdout.includes('\u001B[32m✓\u001B[39m'), coloured.stdout);
	for (const force of ['0', 'false']) {
		const plain = await runOnTerminal(args, {FORCE_COLOR: force});
		t.is(plain.code, 0, plain.stderr);
		t.true(plain.stdout.includes('✓'), plain.stdout);
		t.false(plain.stdout.includes('\u001B['), plain.stdout);
	}
});
