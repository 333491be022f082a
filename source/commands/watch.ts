// Noticing that the learner saved their file while editing it in another pane. Editors save in
// different ways (write in place, or write a new file and rename it over the old), and file
// events are unreliable on some systems (WSL, network drives), so the folder is watched for
// events and the file is also polled; a change counts only when the file's size, time or inode
// changed, so the two never report one save twice. The app also has a key to re-grade by hand.
import {type Stats, statSync, unwatchFile, watch, type FSWatcher, watchFile} from 'node:fs';
import path from 'node:path';

export type WatchOptions = {
	/** Quiet time after the last event before reporting, as editors write in several steps. */
	readonly debounceMilliseconds?: number;
	readonly pollMilliseconds?: number;
};

function signature(file: string): string {
	let stats: Stats;
	try {
		stats = statSync(file);
	} catch {
		return 'missing';
	}

	return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/** Calls `onChange` after each save of `file`; returns the function that stops watching. */
export function watchForChanges(file: string, onChange: () => void, options: WatchOptions = {}): () => void {
	const {debounceMilliseconds = 150, pollMilliseconds = 1000} = options;
	let last = signature(file);
	let timer: NodeJS.Timeout | undefined;
	const check = () => {
		timer = undefined;
		const current = signature(file);
		// A file being replaced is briefly missing; the next event reports the new one.
		if (current !== last && current !== 'missing') {
			last = current;
			onChange();
		}
	};

	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(check, debounceMilliseconds);
	};

	let watcher: FSWatcher | undefined;
	try {
		watcher = watch(path.dirname(file), (_event, name) => {
			if (name === null || name === path.basename(file)) {
				schedule();
			}
		});
		// An error (the folder removed) leaves the polling to carry on.
		watcher.on('error', () => {
			watcher?.close();
		});
	} catch {
		// No file events here: polling alone.
	}

	const poll = () => {
		schedule();
	};

	watchFile(file, {interval: pollMilliseconds, persistent: false}, poll);
	return () => {
		clearTimeout(timer);
		watcher?.close();
		unwatchFile(file, poll);
	};
}
