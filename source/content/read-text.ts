import {Buffer, isUtf8} from 'node:buffer';
import {closeSync, fstatSync, openSync, readFileSync, readSync} from 'node:fs';
import {InputError} from '../model/input-error.js';
import {firstInvalidUtf8Byte} from './utf8.js';

/** What standard input (`-` on the command line) is called in messages, and the name readText reads it by. */
export const standardInputName = '<stdin>';

/** The default `--max-size`: larger files are refused before they are read. */
export const defaultMaxBytes = 32 * 1024 * 1024;

/**
Reads a file as UTF-8 text: refuses a missing file, a folder, a file over `maxBytes` and
invalid UTF-8 (naming the line); drops a byte order mark. CRLF is left to the parsers, which
accept it.
*/
export function readText(file: string, maxBytes = defaultMaxBytes): string {
	const bytes = readBytes(file, maxBytes);
	if (!isUtf8(bytes)) {
		throw new InputError([{file, ...positionOfByte(bytes, firstInvalidUtf8Byte(bytes)), message: 'is not valid UTF-8 text'}]);
	}

	const text = bytes.toString('utf8');
	return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

// A regular file is measured before it is read; a pipe or device (`/dev/stdin`, `<(...)`) has
// no size to measure, so it is read in pieces and refused as soon as it passes the limit.
function readBytes(file: string, maxBytes: number): Buffer {
	let descriptor: number | undefined;
	try {
		// Descriptor 0 rather than /dev/stdin, which cannot be opened when it is a socket (as Node gives a child).
		descriptor = file === standardInputName ? 0 : openSync(file, 'r');
		const stats = fstatSync(descriptor);
		if (stats.isDirectory()) {
			throw new InputError([{file, message: 'is a folder, not a file'}]);
		}

		if (stats.isFile()) {
			refuseOverLimit(file, stats.size, maxBytes);
			return readFileSync(descriptor);
		}

		const pieces: Buffer[] = [];
		let total = 0;
		const piece = Buffer.alloc(1024 * 1024);
		for (let read = readSync(descriptor, piece); read > 0; read = readSync(descriptor, piece)) {
			total += read;
			if (total > maxBytes) {
				throw new InputError([{file, message: `holds more than the ${formatMegabytes(maxBytes)} limit (raise it with --max-size)`}]);
			}

			pieces.push(Buffer.from(piece.subarray(0, read)));
		}

		return Buffer.concat(pieces);
	} catch (error) {
		if (error instanceof InputError) {
			throw error;
		}

		throw new InputError([{file, message: describeFileError(error)}]);
	} finally {
		if (descriptor !== undefined && file !== standardInputName) {
			closeSync(descriptor);
		}
	}
}

function refuseOverLimit(file: string, size: number, maxBytes: number): void {
	if (size > maxBytes) {
		throw new InputError([{file, message: `is ${formatMegabytes(size)}, over the ${formatMegabytes(maxBytes)} limit (raise it with --max-size)`}]);
	}
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

// Line and column (in characters) of a byte offset, counting only the valid text before it.
function positionOfByte(bytes: Uint8Array, offset: number): {line: number; column: number} {
	const before = bytes.subarray(0, Math.max(offset, 0));
	const lineStart = before.lastIndexOf(0x0A) + 1;
	let line = 1;
	for (const byte of before) {
		line += byte === 0x0A ? 1 : 0;
	}

	const column = new TextDecoder().decode(before.subarray(lineStart)).length + 1;
	return {line, column};
}
