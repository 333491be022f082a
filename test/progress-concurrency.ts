// Saves from several processes at once, and processes killed mid-save, against a real file
// system: the records of every writer add up, and what a killed writer left (its temp files,
// its lock) is gone after the next start. The longer version is test/stress/progress-stress.ts.
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {loadProgress, saveProgressMerged} from '../source/progress/store.js';
import {emptyProgress} from '../source/progress/model.js';

const writer = path.join(import.meta.dirname, 'helpers', 'progress-writer.js');

function temporaryDirectory(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-concurrency-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

type Run = {readonly child: ChildProcess; readonly exit: Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>; readonly saved: () => number};

function startWriter(directory: string, name: string, count: number): Run {
	const child = spawn(process.execPath, [writer, directory, name, String(count)], {stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exit = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>(resolve => {
		child.on('close', (code, signal) => {
			resolve({code, signal, stderr});
		});
	});
	return {child, exit, saved: () => stdout.split('\n').filter(line => line.startsWith('saved ')).length};
}

test('three processes saving at once: every record of each is in the file', async t => {
	const directory = temporaryDirectory(t);
	const perWriter = 60;
	const runs = ['a', 'b', 'c'].map(name => startWriter(directory, name, perWriter));
	const exits = await Promise.all(runs.map(async run => run.exit));
	t.deepEqual(exits, exits.map(() => ({code: 0, signal: null, stderr: ''})));
	const {progress, notice} = loadProgress(directory);
	t.is(notice, undefined);
	t.is(Object.keys(progress.lessons).length, 3 * perWriter);
	t.deepEqual(readdirSync(directory), ['progress.json']);
});

test('kill -9 mid-save: the file stays whole, and the next start removes the temp files and the lock left behind', async t => {
	const directory = temporaryDirectory(t);
	let leftBehind: string[] = [];
	// A save is mostly spent writing and flushing its temp file, so most kills land mid-save;
	// rounds go on until one has left something behind, which is what this test is about.
	for (let round = 0; round < 40 && leftBehind.length === 0; round++) {
		const run = startWriter(directory, `round${round}`, 0);
		while (run.saved() < 3) {
			 
			await new Promise(resolve => {
				setTimeout(resolve, 2);
			});
		}

		run.child.kill('SIGKILL');
		 
		const exit = await run.exit;
		t.is(exit.signal, 'SIGKILL');
		leftBehind = readdirSync(directory).filter(name => name !== 'progress.json');
	}

	t.true(leftBehind.length > 0, 'some kill landed mid-save');
	t.true(leftBehind.every(name => /^\.progress\.json(?:\.lock)?\.tmp-\d+-[\da-f]{12}$|^progress\.json\.lock$/.test(name)), leftBehind.join(', '));
	const {progress, notice} = loadProgress(directory);
	t.is(notice, undefined, 'the file was never left half-written');
	t.true(Object.keys(progress.lessons).length >= 3);
	t.deepEqual(readdirSync(directory), ['progress.json']);
	// And saving works at once: no lock to wait for.
	const started = Date.now();
	saveProgressMerged(directory, emptyProgress());
	t.true(Date.now() - started < 1000);
	t.deepEqual(readdirSync(directory), ['progress.json']);
});
