// A module resolution hook (node:module register) for the tests that check what a command loads:
// it appends each package it resolves (a bare specifier, such as ink or react) to the file that
// MODULE_LOG names. Only the unbundled build (dist/source/) resolves packages by name.
import {appendFileSync} from 'node:fs';

type NextResolve = (specifier: string, context: unknown) => Promise<unknown>;

/** Notes a bare specifier, then resolves it as Node would. */
export async function resolve(specifier: string, context: unknown, nextResolve: NextResolve): Promise<unknown> {
	const log = process.env['MODULE_LOG'];
	if (log !== undefined && /^[@a-z]/.test(specifier) && !specifier.startsWith('node:') && !specifier.startsWith('file:') && !specifier.startsWith('data:')) {
		appendFileSync(log, `${specifier}\n`);
	}

	return nextResolve(specifier, context);
}
