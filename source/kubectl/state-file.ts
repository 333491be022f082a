// Where an exam-terminal cluster is kept and how: one JSON file per challenge in the data
// folder, read whole, written atomically under a lock so that two kubectl commands at once
// (a script, a second pane) never lose each other's change, and a kill mid-write loses nothing.
import {appendFileSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {writeFileAtomic} from '../content/atomic-file.js';
import {withFileLock} from '../content/file-lock.js';
import type {ClusterState, HistoryEntry} from './state.js';

/**
The cluster of a learner's work file: `.dojo/<challenge id>.json` beside it, so that a challenge
and each exam task have their own, found from the file alone, and out of the way of `ls`.
*/
export function stateFile(workFile: string): string {
	return path.join(path.dirname(workFile), '.dojo', `${path.basename(workFile, '.yaml')}.json`);
}

export class StateFileError extends Error {}

/** The state in `file`, undefined when there is none yet; StateFileError when it cannot be read. */
export function readState(file: string): ClusterState | undefined {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}

		throw new StateFileError(`cannot read the dojo cluster ${file}: ${(error as Error).message}`);
	}

	try {
		const state = JSON.parse(text) as ClusterState;
		if (state.formatVersion !== 1 || !Array.isArray(state.objects)) {
			throw new Error('not a dojo cluster');
		}

		return state;
	} catch {
		throw new StateFileError(`the dojo cluster ${file} is damaged; start it afresh (x on the challenge screen, or delete the file)`);
	}
}

export function writeState(file: string, state: ClusterState): void {
	writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}

/** Reads the state, lets `change` make the next one, and writes it, all under the file's lock. */
export function updateState<T extends {readonly state?: ClusterState | undefined}>(file: string, change: (state: ClusterState | undefined) => T): T {
	let isLocked = false;
	try {
		return withFileLock(file, () => {
			isLocked = true;
			const result = change(readState(file));
			if (result.state) {
				writeState(file, result.state);
			}

			return result;
		}, {waitMilliseconds: 5000});
	} catch (error) {
		// A lock another live kubectl kept past the wait is the learner's to hear about, not a crash.
		if (!isLocked && error instanceof Error && !(error instanceof StateFileError)) {
			throw new StateFileError(`cannot lock the dojo cluster: ${error.message}`);
		}

		throw error;
	}
}

/** The log of the commands typed on a cluster, beside its state: `<state>.commands`, a JSON line each. */
export function historyFile(file: string): string {
	return `${file}.commands`;
}

/** Adds a command to the log; a line appended whole, so no lock is needed. */
export function appendHistory(file: string, entry: HistoryEntry): void {
	appendFileSync(historyFile(file), `${JSON.stringify(entry)}\n`);
}

/** The commands typed so far, oldest first; lines that do not read are skipped. */
export function readHistory(file: string): HistoryEntry[] {
	let text = '';
	try {
		text = readFileSync(historyFile(file), 'utf8');
	} catch {
		return [];
	}

	return text.split('\n').flatMap(line => {
		try {
			const entry = JSON.parse(line) as HistoryEntry;
			return typeof entry.command === 'string' ? [entry] : [];
		} catch {
			return [];
		}
	});
}
