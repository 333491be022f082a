// `netpol-dojo completion bash|zsh`: the script the built CLI prints, run in bash as bash runs a
// completion function (COMP_WORDS and COMP_CWORD set, then the function), checking COMPREPLY.
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, existsSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');

type Outcome = {code: number | undefined; stdout: string; stderr: string};

async function execute(file: string, args: readonly string[], cwd = root): Promise<Outcome> {
	const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	delete environment['NETPOL_DOJO_DEBUG'];
	return new Promise(resolve => {
		execFile(file, [...args], {cwd, env: environment, encoding: 'utf8'}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : undefined) : 0, stdout, stderr});
		});
	});
}

async function run(args: readonly string[]): Promise<Outcome> {
	return execute(process.execPath, [cli, ...args]);
}

// A folder to complete in: the script, two files, a folder with a space in its name, and a pack.
const folder = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-completion-'));
const scriptFile = path.join(folder, 'netpol-dojo.bash');
writeFileSync(path.join(folder, 'cluster.yaml'), '');
writeFileSync(path.join(folder, 'policy.yaml'), '');
mkdirSync(path.join(folder, 'my notes'));
for (const id of ['web-only', 'db-only']) {
	mkdirSync(path.join(folder, 'class-pack', id), {recursive: true});
	writeFileSync(path.join(folder, 'class-pack', id, 'challenge.yaml'), '');
}

mkdirSync(path.join(folder, 'class-pack', 'not-a-challenge'));

const scriptReady = (async () => {
	const outcome = await run(['completion', 'bash']);
	writeFileSync(scriptFile, outcome.stdout);
	return outcome;
})();

/** COMPREPLY, one word a line, after completing the last of `words` (the word under the cursor). */
async function complete(words: readonly string[]): Promise<string[]> {
	await scriptReady;
	const program = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _netpol_dojo; printf \'%s\\n\' "${#COMPREPLY[@]}" "${COMPREPLY[@]}"';
	const outcome = await execute('bash', ['-c', program, 'bash', scriptFile, ...words], folder);
	if (outcome.code !== 0 || outcome.stderr !== '') {
		throw new Error(`bash exited ${outcome.code ?? 'by a signal'}: ${outcome.stderr}`);
	}

	const [count, ...replies] = outcome.stdout.split('\n').slice(0, -1);
	if (Number(count) !== replies.length) {
		throw new Error(`COMPREPLY has ${count} words, printed as ${JSON.stringify(replies)}`);
	}

	return replies;
}

const builtInIds = readdirSync(path.join(root, 'challenges')).filter(name => existsSync(path.join(root, 'challenges', name, 'challenge.yaml'))).sort();

test('completion bash prints a script that bash reads, and registers it for netpol-dojo', async t => {
	const outcome = await scriptReady;
	t.is(outcome.code, 0);
	t.is(outcome.stderr, '');
	t.true(outcome.stdout.startsWith('# bash completion for netpol-dojo: commands, each command\'s options, challenge ids\n# for grade, and files elsewhere. Load it with: source <(netpol-dojo completion bash)\n'));
	const registered = await execute('bash', ['-c', 'source "$1" && complete -p netpol-dojo', 'bash', scriptFile]);
	t.is(registered.stdout, 'complete -o filenames -F _netpol_dojo netpol-dojo\n');
	t.is(registered.stderr, '');
});

const completes = test.macro({
	async exec(t, words: readonly string[], expected: readonly string[]) {
		// bash sorts the words it shows; compgen -f gives them in the folder's order.
		t.deepEqual((await complete(['netpol-dojo', ...words])).sort(), [...expected].sort());
	},
	title: (providedTitle, words: readonly string[]) => `${providedTitle ?? 'completes'}: netpol-dojo ${words.map(word => word === '' ? '_' : word).join(' ')}`,
});

test('the commands', completes, [''], ['eval', 'challenges', 'grade', 'pack', 'lessons', 'progress', 'explain', 'matrix', 'diff', 'lint', 'completion', 'shell']);
test('a command begun', completes, ['ma'], ['matrix']);
test('the app\'s options before any command', completes, ['--'], ['--pack', '--help', '--version']);
test('eval\'s options', completes, ['eval', '--'], ['--json', '--flows', '--max-size', '--help']);
test('explain\'s options, narrowed', completes, ['explain', '--f'], ['--flows', '--from']);
test('grade\'s options', completes, ['grade', '--'], ['--json', '--pack', '--submissions', '--class', '--junit', '--max-size', '--help']);
test('diff\'s options', completes, ['diff', '--json', '--'], ['--json', '--before', '--after', '--port', '--protocol', '--max-size', '--help']);
test('pack\'s actions', completes, ['pack', ''], ['validate', 'init', 'add']);
test('pack validate\'s options', completes, ['pack', 'validate', '--'], ['--strict', '--help']);
test('pack add\'s options', completes, ['pack', 'add', '--'], ['--force', '--help']);
test('pack init\'s folder', completes, ['pack', 'init', 'my'], ['my notes']);
test('pack validate takes one folder only', completes, ['pack', 'validate', 'class-pack', ''], []);
test('the shells', completes, ['completion', ''], ['bash', 'zsh']);
test('a protocol', completes, ['matrix', '--protocol', ''], ['TCP', 'UDP', 'SCTP']);
test('a port is not guessed', completes, ['matrix', '--port', ''], []);
test('--flows takes a file', completes, ['eval', '--flows', 'po'], ['policy.yaml']);
test('cluster files', completes, ['lint', 'policy.yaml', 'c'], ['class-pack', 'cluster.yaml']);
test('diff\'s files after --before', completes, ['diff', '--before', 'c'], ['class-pack', 'cluster.yaml']);
test('lessons takes no argument', completes, ['lessons', ''], []);
test('--pack takes a folder', completes, ['challenges', '--pack', ''], ['class-pack', 'my notes']);
test('--pack=DIR as bash splits it at "="', completes, ['challenges', '--pack', '=', 'cl'], ['class-pack']);
test('grade: the built-in challenge ids', completes, ['grade', ''], builtInIds);
test('grade: the built-in challenge ids, begun', completes, ['grade', 'default-deny-'], ['default-deny-egress', 'default-deny-ingress']);
test('shell: the built-in challenge ids, and nothing after the one it takes', completes, ['shell', 'default-deny-'], ['default-deny-egress', 'default-deny-ingress']);
test('shell takes one challenge only', completes, ['shell', 'db-policy', ''], []);
test('grade --pack DIR: that pack\'s challenge ids', completes, ['grade', '--pack', 'class-pack', ''], ['db-only', 'web-only']);
test('grade --pack=DIR: that pack\'s challenge ids', completes, ['grade', '--pack=class-pack', 'w'], ['web-only']);
test('grade --pack = DIR (split at "="): that pack\'s challenge ids', completes, ['grade', '--pack', '=', 'class-pack', ''], ['db-only', 'web-only']);
test('grade: the policy file after the challenge', completes, ['grade', 'db-policy', 'p'], ['policy.yaml']);
test('grade: nothing after the policy file', completes, ['grade', 'db-policy', 'policy.yaml', ''], []);
test('grade --submissions: a folder, then no challenge', completes, ['grade', '--submissions', 'my'], ['my notes']);
test('grade --submissions DIR takes no operand', completes, ['grade', '--submissions', 'class-pack', ''], []);
test('grade --class DIR takes no operand', completes, ['grade', '--class', 'class-pack', ''], []);

test('the built-in ids are this version\'s challenges', t => {
	t.true(builtInIds.length >= 20);
	t.true(builtInIds.includes('db-policy'));
});

test('completion zsh prints the same function under zsh\'s bash completion support', async t => {
	const [zsh, bash] = await Promise.all([run(['completion', 'zsh']), scriptReady]);
	t.is(zsh.code, 0);
	t.is(zsh.stderr, '');
	t.is(zsh.stdout, `#compdef netpol-dojo
# zsh completion for netpol-dojo: commands, each command's options, challenge ids
# for grade, and files elsewhere. Load it with: source <(netpol-dojo completion zsh)
# It runs the bash completion function below through zsh's bashcompinit.
(( $+functions[compdef] )) || { autoload -U +X compinit && compinit; }
autoload -U +X bashcompinit && bashcompinit

${bash.stdout}`);
});

// zsh runs the function through bashcompinit's compatibility layer, under sh emulation; zsh's own
// matching then narrows the words to the prefix typed, so the cases here complete an empty word.
const hasZsh = ['/usr/bin/zsh', '/bin/zsh'].some(file => existsSync(file));
(hasZsh ? test : test.skip)('in zsh the script registers the function, which completes as in bash', async t => {
	const zshScript = path.join(folder, 'netpol-dojo.zsh');
	writeFileSync(zshScript, (await run(['completion', 'zsh'])).stdout);
	const program = [
		'source "$1" || exit 1',
		'print -r -- "${_comps[netpol-dojo]}"',
		'emulate -L sh; setopt kshglob noshglob braceexpand',
		'for line in "matrix --protocol" "pack" "completion" "grade --pack class-pack"; do',
		'  COMP_WORDS=(netpol-dojo $=line ""); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _netpol_dojo',
		'  print -r -- "$line: ${COMPREPLY[*]}"',
		'done',
	].join('\n');
	const outcome = await execute('zsh', ['-f', '-c', program, 'zsh', zshScript], folder);
	t.is(outcome.stderr, '');
	t.is(outcome.code, 0);
	t.is(outcome.stdout, [
		'_bash_complete -o filenames -F _netpol_dojo',
		'matrix --protocol: TCP UDP SCTP',
		'pack: validate init add',
		'completion: bash zsh',
		'grade --pack class-pack: db-only web-only',
		'',
	].join('\n'));
});

test('completion needs one shell it knows: exit 2 with the usage', async t => {
	const cases: Array<[string[], string]> = [
		[['completion'], 'error: completion needs a shell, bash or zsh'],
		[['completion', 'fish'], 'error: completion knows bash and zsh, not "fish"'],
		[['completion', 'bash', 'zsh'], 'error: completion takes one shell, got also "zsh"'],
	];
	for (const [args, message] of cases) {
		const outcome = await run(args);
		t.is(outcome.code, 2, args.join(' '));
		t.is(outcome.stdout, '');
		t.is(outcome.stderr, `${message}\nusage: netpol-dojo completion bash|zsh\n(netpol-dojo --help lists the commands and options)\n`);
	}
});
