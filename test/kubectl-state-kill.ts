// The dojo cluster survives kubectl processes killed in the middle of their work: many applies
// at once, some killed with SIGKILL at moments spread over their run (before, while and after
// they hold the lock and write), and after each round the state file still parses and holds
// every apply that completed, each once. updateState's lock serialises the writers; the write
// is a rename of a whole temp file, so a kill never leaves half a state; a lock left by a killed
// holder is broken by the next command.
import {spawn} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import test from 'ava';
import {lockPath} from '../source/content/file-lock.js';
import {readState} from '../source/kubectl/state-file.js';
import {type ClusterState, findObject, kindOf} from '../source/kubectl/state.js';
import {dbPolicy, kubectl, kubectlProcess, stateFolder, writeIn} from './helpers/kubectl-cluster.js';

const processes = 12;
const rounds = 2;

const policies = (state: ClusterState) => state.objects.filter(object => kindOf(object) === 'NetworkPolicy');

test.serial('applies killed at random moments lose no completed apply and never damage the state', async t => {
	const {folder, file} = stateFolder();
	for (let index = 0; index < processes * rounds; index++) {
		writeIn(folder, `p${index}.json`, JSON.stringify(dbPolicy(`p${index}`)));
	}

	// How long one apply takes here, to spread the kills over a run.
	const started = Date.now();
	t.is(kubectl(file, ['apply', '-f', 'p0.json']).exitCode, 0);
	const runMilliseconds = Date.now() - started;
	const completed = new Set(['p0']);
	let killed = 0;
	for (let round = 0; round < rounds; round++) {
		const runs = Array.from({length: processes}, (_, index) => {
			const name = `p${(round * processes) + index}`;
			const run = kubectlProcess(file, ['apply', '-f', `${name}.json`], folder);
			// Every third is killed, at a moment from its start to a little past a lone run's end.
			if (index % 3 === 1) {
				setTimeout(() => run.child.kill('SIGKILL'), Math.floor(Math.random() * runMilliseconds * 1.5));
			}

			return {name, run};
		});
		for (const {name, run} of runs) {
			const {code, signal} = await run.ended;
			if (code === 0) {
				completed.add(name);
			} else {
				t.is(signal, 'SIGKILL', `${name} ended with ${String(code)} without being killed`);
				killed++;
			}
		}

		const state = readState(file)!;
		t.truthy(state, 'the state file parses');
		for (const name of completed) {
			t.truthy(findObject(state, 'NetworkPolicy', 'default', name), `${name} completed, and is kept`);
		}

		const names = policies(state).map(object => (object['metadata'] as {name: string}).name);
		t.is(new Set(names).size, names.length, 'no policy is kept twice');
	}

	// A lock left by a killed holder does not stop the next command.
	t.deepEqual(kubectl(file, ['apply', '-f', 'p0.json']), {exitCode: 0, stdout: 'networkpolicy.networking.k8s.io/p0 unchanged\n', stderr: ''});
	t.true(JSON.parse(readFileSync(file, 'utf8')) !== undefined);
	t.log(`${completed.size} applies completed, ${killed} killed, one apply alone ${runMilliseconds} ms`);
});

type Batch = {readonly killed: number; readonly completed: readonly string[]; readonly others: readonly string[]};

// Starts applies of the named policies at once and kills those seen holding the lock, at most 3.
async function killHolders(file: string, folder: string, names: readonly string[]): Promise<Batch> {
	const runs = names.map(name => ({name, run: kubectlProcess(file, ['apply', '-f', `${name}.json`], folder)}));
	const byPid = new Map(runs.map(entry => [entry.run.child.pid, entry]));
	const lock = lockPath(file);
	const killed = new Set<string>();
	let isRunning = true;
	void Promise.all(runs.map(async entry => entry.run.ended)).then(() => {
		isRunning = false;
	});
	// The lock names its holder: kill it the moment one of ours is seen holding it.
	while (isRunning && killed.size < 3) {
		if (existsSync(lock)) {
			try {
				const holder = byPid.get((JSON.parse(readFileSync(lock, 'utf8')) as {pid: number}).pid);
				if (holder && !killed.has(holder.name)) {
					holder.run.child.kill('SIGKILL');
					killed.add(holder.name);
				}
			} catch {}
		}

		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}

	const ends = await Promise.all(runs.map(async ({name, run}) => ({name, ...(await run.ended)})));
	return {
		killed: killed.size,
		completed: ends.filter(end => end.code === 0).map(end => end.name),
		// Neither completed nor killed: there should be none.
		others: ends.filter(end => end.code !== 0 && end.signal !== 'SIGKILL').map(end => `${end.name}: ${String(end.code)}`),
	};
}

test.serial('applies killed while they hold the lock (reading, deciding or writing) leave the state whole, and the next command goes on', async t => {
	const {folder, file} = stateFolder();
	const completed: string[] = [];
	let killed = 0;
	// Batches until a holder has been caught (a busy machine may let one batch slip by).
	for (let batch = 0; batch < 4 && killed === 0; batch++) {
		const names = Array.from({length: 12}, (_, index) => `q${batch}-${index}`);
		for (const name of names) {
			writeIn(folder, `${name}.json`, JSON.stringify(dbPolicy(name)));
		}

		const result = await killHolders(file, folder, names);
		t.deepEqual(result.others, []);
		killed += result.killed;
		completed.push(...result.completed);
		const state = readState(file)!;
		for (const name of completed) {
			t.truthy(findObject(state, 'NetworkPolicy', 'default', name), `${name} completed, and is kept`);
		}
	}

	t.true(killed > 0, 'a lock holder was caught and killed');
	t.is(kubectl(file, ['apply', '-f', `${completed[0]!}.json`]).exitCode, 0);
	t.log(`${killed} killed while holding the lock, ${completed.length} completed`);
});

test.serial('a lock a live process keeps past the wait is an error in words, exit 1, not a crash', t => {
	const {file} = stateFolder();
	const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {stdio: 'ignore'});
	try {
		writeFileSync(lockPath(file), `${JSON.stringify({pid: holder.pid, host: hostname(), token: 'test'})}\n`);
		const result = kubectl(file, ['get', 'pods']);
		t.is(result.stderr, `error: cannot lock the dojo cluster: it is locked by process ${holder.pid!} (${lockPath(file)}); if no netpol-dojo is running, delete that file\n`);
		t.deepEqual([result.exitCode, result.stdout], [1, '']);
	} finally {
		holder.kill();
	}
});
