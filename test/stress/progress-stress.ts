// The long version of test/progress-concurrency.ts, run by hand (ava does not: package.json
// leaves test/stress out): `npx tsc -p . && node dist/test/stress/progress-stress.js [WRITERS
// SAVES ROUNDS]`. Part one: WRITERS processes save SAVES records each at once; every record must
// be found. Part two: ROUNDS times, a writer is killed with SIGKILL mid-save; the temp files and
// locks left behind are counted, then the next start (loadProgress) must leave none.
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {loadProgress} from '../../source/progress/store.js';

const writer = path.join(import.meta.dirname, '..', 'helpers', 'progress-writer.js');
const [writers = 3, saves = 400, rounds = 200] = process.argv.slice(2).map(Number);

function start(directory: string, name: string, count: number): {child: ChildProcess; saved: () => number; hasExited: () => boolean; exit: Promise<number | null>} {
	const child = spawn(process.execPath, [writer, directory, name, String(count)], {stdio: ['ignore', 'pipe', 'inherit']});
	let lines = 0;
	let hasExited = false;
	child.stdout.on('data', (chunk: Buffer) => {
		lines += chunk.toString().split('\n').length - 1;
	});
	const exit = new Promise<number | null>(resolve => {
		child.on('close', code => {
			hasExited = true;
			resolve(code);
		});
	});
	return {child, saved: () => lines, hasExited: () => hasExited, exit};
}

const pause = async (milliseconds: number) => new Promise(resolve => {
	setTimeout(resolve, milliseconds);
});

const concurrent = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-stress-'));
const startedAt = Date.now();
const runs = Array.from({length: writers}, (_, index) => start(concurrent, `w${index}`, saves));
const codes = await Promise.all(runs.map(async run => run.exit));
const saved = runs.reduce((sum, run) => sum + run.saved(), 0);
const found = Object.keys(loadProgress(concurrent).progress.lessons).length;
console.log(`concurrent saves: ${writers} writers x ${saves} saves: ${saved} records saved, ${found} found, ${saved - found} lost; exit codes ${codes.join(',')}; ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
rmSync(concurrent, {recursive: true, force: true});

const killed = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-stress-kill-'));
let roundsLeavingFiles = 0;
let temporaryFiles = 0;
let locks = 0;
let savedBeforeKills = 0;
for (let round = 0; round < rounds; round++) {
	const already = new Set(readdirSync(killed));
	const run = start(killed, `r${round}`, 0);
	while (run.saved() < 1) {
		if (run.hasExited()) {
			throw new Error(`round ${round}: the writer exited before its first save`);
		}

		await pause(1);
	}

	// Anywhere in the next few saves.
	await pause(Math.random() * 15);
	run.child.kill('SIGKILL');
	await run.exit;
	savedBeforeKills += run.saved();
	// What this kill left: files that were not there before this round's writer started.
	const left = readdirSync(killed).filter(name => name !== 'progress.json' && !already.has(name));
	roundsLeavingFiles += left.length > 0 ? 1 : 0;
	temporaryFiles += left.filter(name => name.includes('.tmp-')).length;
	locks += left.filter(name => name === 'progress.json.lock').length;
	// Cleaned by a start only every tenth round (not the last: the final start below is measured):
	// the writers between must cope with a stale lock themselves.
	const notice = round % 10 === 9 && round < rounds - 1 ? loadProgress(killed).notice : undefined;
	if (notice) {
		console.log(`round ${round}: ${notice}`);
	}
}

const before = readdirSync(killed).filter(name => name !== 'progress.json').length;
const {progress, notice} = loadProgress(killed);
const after = readdirSync(killed).filter(name => name !== 'progress.json');
// A kill between a save's rename and its `saved` line leaves a record saved but not reported, so found >= reported.
console.log(`kill -9 mid-save: ${rounds} rounds, ${roundsLeavingFiles} left files behind (${temporaryFiles} temp files, ${locks} locks); ${before} left before the final start, ${after.length} after it${after.length > 0 ? `: ${after.join(', ')}` : ''}; progress.json ${notice ? `damaged: ${notice}` : `whole, ${Object.keys(progress.lessons).length} records found, ${savedBeforeKills} reported saved`}`);
rmSync(killed, {recursive: true, force: true});
process.exitCode = saved === found && after.length === 0 && !notice ? 0 : 1;
