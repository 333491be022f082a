// Where netpol-dojo's own files are. The code runs from dist/source/ (tsc) or dist/bin/ (the
// bundle), so paths are found from the package root rather than from the running file.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

let root: string | undefined;

/** The folder holding netpol-dojo's package.json. */
export function packageRoot(): string {
	if (root === undefined) {
		let directory = path.dirname(fileURLToPath(import.meta.url));
		while (!existsSync(path.join(directory, 'package.json')) && path.dirname(directory) !== directory) {
			directory = path.dirname(directory);
		}

		root = directory;
	}

	return root;
}

/** The lessons that ship with netpol-dojo (`lessons/` at the package root). */
export function builtInLessonsDirectory(): string {
	return path.join(packageRoot(), 'lessons');
}

/** A module of the unbundled build (dist/source/...), such as a worker thread's script. */
export function builtModule(relativePath: string): string {
	return path.join(packageRoot(), 'dist', 'source', relativePath);
}

/** The challenges that ship with netpol-dojo, a pack in `challenges/`. */
export function builtInChallengesDirectory(): string {
	return path.join(packageRoot(), 'challenges');
}
