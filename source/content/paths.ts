import {fileURLToPath} from 'node:url';

/** The lessons that ship with netpol-dojo (`lessons/` at the package's root). */
export function builtInLessonsDirectory(): string {
	// This module runs from dist/source/content/.
	return fileURLToPath(new URL('../../../lessons', import.meta.url));
}
