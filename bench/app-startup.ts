// Start-up of the app to its first frame, measured in a pseudo-terminal (`script`), against a
// bare `node -e 0` run the same way, so both pay the same terminal overhead.
import {spawn} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

/** Milliseconds from spawning the command until its output contains `marker` (or it exits, without one). */
function timeUntil(command: string, marker: string | undefined, env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		// A new pseudo-terminal has no size; ink would draw one column wide. Both commands get one.
		const child = spawn('script', ['-qfec', `stty cols 100 rows 30; ${command}`, '/dev/null'], {env, stdio: ['pipe', 'pipe', 'ignore']});
		let output = '';
		let isDone = false;
		const finish = () => {
			if (!isDone) {
				isDone = true;
				resolve(performance.now() - started);
				child.kill('SIGKILL');
			}
		};

		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (marker !== undefined && output.includes(marker)) {
				finish();
			}
		});
		child.on('exit', () => {
			if (marker === undefined) {
				finish();
			} else if (!isDone) {
				reject(new Error(`${command} exited before showing ${JSON.stringify(marker)}: ${output.slice(0, 300)}`));
			}
		});
	});
}

/** Median start-up to the first frame of the app, and of `node -e 0`, over `runs` interleaved runs. */
export async function measureAppStartup(cli: string, runs: number): Promise<{appRuns: number[]; nodeRuns: number[]}> {
	const env = {...process.env, NETPOL_DOJO_HOME: mkdtempSync(path.join(tmpdir(), 'netpol-dojo-bench-')), TERM: 'xterm-256color'};
	const appRuns: number[] = [];
	const nodeRuns: number[] = [];
	for (let run = 0; run < runs; run++) {
		nodeRuns.push(await timeUntil('node -e 0', undefined, env));
		appRuns.push(await timeUntil(`node ${cli}`, 'Lessons done', env));
	}

	return {appRuns, nodeRuns};
}
