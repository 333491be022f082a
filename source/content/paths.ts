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

/**
A module of the build this code runs from, such as a worker thread's script, by its path under
dist/source/: the bundle (dist/bin/, the installed package's only build, see bundle.js) or tsc's
output (dist/source/, which the tests run).
*/
export function builtModule(relativePath: string): string {
	const here = path.relative(packageRoot(), path.dirname(fileURLToPath(import.meta.url)));
	// dist/bin for the bundle's chunks, dist/source/content for this file as tsc built it.
	const build = here.split(path.sep).slice(0, 2);
	return path.join(packageRoot(), ...build, relativePath);
}

/** The challenges that ship with netpol-dojo, a pack in `challenges/`. */
export function builtInChallengesDirectory(): string {
	return path.join(packageRoot(), 'challenges');
}
