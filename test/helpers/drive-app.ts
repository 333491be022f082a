// Driving an app rendered by ink-testing-library as ink-select-input's tests do: raw key codes
// written to stdin, then the last frame read with its colours stripped. Each key waits for the
// frame to change (or a second to pass, for keys that change nothing), so the tests do not
// depend on how busy the machine is.
import {stripVTControlCharacters} from 'node:util';
import type {ExecutionContext} from 'ava';
import type {render} from 'ink-testing-library';

export const keys = {
	arrowDown: '\u001B[B',
	arrowUp: '\u001B[A',
	arrowRight: '\u001B[C',
	arrowLeft: '\u001B[D',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	enter: '\r',
	escape: '\u001B',
} as const;

export const delay = async (milliseconds: number) => new Promise(resolve => {
	setTimeout(resolve, milliseconds);
});

export type Size = {readonly columns: number; readonly rows: number};

/** Resizes, then returns press/frame/lines/waitFor for the rendered app; unmounts it after the test. */
export async function driveApp(t: ExecutionContext, app: ReturnType<typeof render>, size?: Size) {
	t.teardown(() => {
		app.unmount();
	});
	// ink-testing-library's stdout reports 100 columns and no rows (the app then assumes 24);
	// ink reads the width and the app the height on every render, so this is in time for the next key.
	const resize = (to: Size) => {
		Object.defineProperty(app.stdout, 'columns', {value: to.columns, configurable: true});
		Object.defineProperty(app.stdout, 'rows', {value: to.rows, configurable: true});
		app.stdout.emit('resize');
	};

	if (size) {
		resize(size);
	}

	const frame = () => stripVTControlCharacters(app.lastFrame() ?? '');
	const lines = () => frame().split('\n');
	const waitUntil = async (isDone: () => boolean, timeout: number) => {
		const started = Date.now();
		while (!isDone() && Date.now() - started < timeout) {
			 
			await delay(10);
		}

		return isDone();
	};

	/** Writes each key and waits for its frame; a lone Esc first waits for ink to tell it from a sequence. */
	const press = async (...pressed: readonly string[]) => {
		for (const key of pressed) {
			const before = app.lastFrame();
			app.stdin.write(key);
			 
			await delay(key === keys.escape ? 60 : 0);
			 
			await waitUntil(() => app.lastFrame() !== before, 1000);
			// Effects (saving, the next key's handler) run just after the frame.
			 
			await delay(20);
		}
	};

	/** Waits until the frame shows `text`; fails the test after `timeout` ms. */
	const waitFor = async (text: string, timeout = 5000) => {
		if (!await waitUntil(() => frame().includes(text), timeout)) {
			t.fail(`no ${JSON.stringify(text)} within ${timeout} ms in:\n${frame()}`);
		}
	};

	// Ink subscribes to input in effects that run after the first render.
	await delay(50);
	return {press, frame, lines, waitFor, resize};
}
