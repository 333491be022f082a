// The dojo cluster survives kubectl processes killed in the middle of their work: many applies
// at once, some killed with SIGKILL at moments spread over their run (before, while and after
// they hold the lock and write), and after each round the state file still parses and holds
// every apply that completed, each once. updateState's lock serialises the writers; the write
// is a rename of a whole temp file, so a kill never leaves half a state; a lock left by a killed
// holder is broken by the next command.
import {existsSync, readFileSync} from 'node:fs';
import test from 'ava';
import {lockPath} from '../source/content/file-lock.js';
import {readState} from '../source/kubectl/state-file.js';
import {type ClusterState, findObject, kindOf} from '../source/kubectl/state.js';
import {dbPolicy, kubectl, kubectlProcess, stateFolder, writeIn} from './helpers/kubectl-cluster.js';

const processes = 12;
const rounds = 2;

const policies = (state: ClusterState) => state.objects.filter(object => kindOf(object) === 'NetworkPolicy');

test('applies killed at random moments lose no completed apply and never damage the state', async t => {
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

test('an apply killed while it holds the lock (reading, deciding or writing) leaves the state whole, and the next command goes on', async t => {
	const {folder, file} = stateFolder();
	const count = 10;
	for (let index = 0; index < count; index++) {
		writeIn(folder, `q${index}.json`, JSON.stringify(dbPolicy(`q${index}`)));
	}

	const runs = Array.from({length: count}, (_, index) => ({name: `q${index}`, run: kubectlProcess(file, ['apply', '-f', `q${index}.json`], folder)}));
	const byPid = new Map(runs.map(entry => [entry.run.child.pid, entry]));
	const lock = lockPath(file);
	const killedHolders = new Set<string>();
	let isRunning = true;
	void Promise.all(runs.map(async entry => entry.run.ended)).then(() => {
		isRunning = false;
	});
	// The lock names its holder: kill it the moment one of ours is seen holding it, at most 3.
	while (isRunning && killedHolders.size < 3) {
		if (existsSync(lock)) {
			try {
				const holder = byPid.get((JSON.parse(readFileSync(lock, 'utf8')) as {pid: number}).pid);
				if (holder && !killedHolders.has(holder.name)) {
					holder.run.child.kill('SIGKILL');
					killedHolders.add(holder.name);
				}
			} catch {}
		}

		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}

	const ends = await Promise.all(runs.map(async ({name, run}) => ({name, ...(await run.ended)})));
	const state = readState(file)!;
	for (const {name, code, signal} of ends) {
		if (code === 0) {
			t.truthy(findObject(state, 'NetworkPolicy', 'default', name), `${name} completed, and is kept`);
		} else {
			t.is(signal, 'SIGKILL', `${name} ended with ${String(code)} without being killed`);
		}
	}

	t.true(killedHolders.size > 0, 'a lock holder was caught and killed');
	t.is(kubectl(file, ['apply', '-f', 'q0.json']).exitCode, 0);
	t.log(`${killedHolders.size} killed while holding the lock, ${ends.filter(end => end.code === 0).length} completed`);
});
