// Failures of the file system, simulated by replacing node:fs functions for the length of a
// call (syncBuiltinESMExports makes modules' named imports see the replacement), so the tests
// that use it run serially.
import fs from 'node:fs';
import {syncBuiltinESMExports} from 'node:module';

type Replaceable = 'renameSync' | 'writeFileSync';

export function withReplaced<Name extends Replaceable>(name: Name, replacement: typeof fs[Name], run: () => void): void {
	const original = fs[name];
	Object.assign(fs, {[name]: replacement});
	syncBuiltinESMExports();
	try {
		run();
	} finally {
		Object.assign(fs, {[name]: original});
		syncBuiltinESMExports();
	}
}

/** An error as node:fs throws it, with its code. */
export function systemError(code: string): Error {
	return Object.assign(new Error(`${code}: simulated`), {code});
}
