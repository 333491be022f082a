import {readFileSync, statSync} from 'node:fs';
import {InputError} from './input-error.js';

/** The default `--max-size`: larger files are refused before they are read. */
export const defaultMaxBytes = 32 * 1024 * 1024;

/**
Reads a file as UTF-8 text: refuses a missing file, a folder, a file over `maxBytes` and
invalid UTF-8 (naming the line); drops a byte order mark. CRLF is left to the parsers, which
accept it.
*/
export function readText(file: string, maxBytes = defaultMaxBytes): string {
	let size: number;
	try {
		const stats = statSync(file);
		if (stats.isDirectory()) {
			throw new InputError([{file, message: 'is a folder, not a file'}]);
		}

		size = stats.size;
	} catch (error) {
		if (error instanceof InputError) {
			throw error;
		}

		throw new InputError([{file, message: describeFileError(error)}]);
	}

	if (size > maxBytes) {
		throw new InputError([{file, message: `is ${formatMegabytes(size)}, over the ${formatMegabytes(maxBytes)} limit (raise it with --max-size)`}]);
	}

	const bytes = readFileSync(file);
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		const line = lineOfFirstInvalidByte(bytes);
		throw new InputError([{file, line, message: 'is not valid UTF-8 text'}]);
	}

	return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function describeFileError(error: unknown): string {
	const code = (error as {code?: string}).code;
	if (code === 'ENOENT') {
		return 'no such file';
	}

	if (code === 'EACCES') {
		return 'permission denied';
	}

	return `cannot be read (${code ?? String(error)})`;
}

function formatMegabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', {fatal: true});
	let line = 1;
	let start = 0;
	for (let index = 0; index <= bytes.length; index++) {
		if (index === bytes.length || bytes[index] === 0x0A) {
			try {
				decoder.decode(bytes.subarray(start, index));
			} catch {
				return line;
			}

			line++;
			start = index + 1;
		}
	}

	return line;
}
