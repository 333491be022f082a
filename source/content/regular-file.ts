// Reading a file the app keeps (progress, an exam in progress) without trusting what is there:
// a named pipe would block the open until some writer came, and a device such as /dev/zero
// never ends, so only a regular file is read, and only up to a size.
import {type Buffer} from 'node:buffer';
import {closeSync, constants, fstatSync, openSync, readFileSync, type Stats} from 'node:fs';

export type RegularFileReading =
	| {readonly kind: 'missing'}
	| {readonly kind: 'read'; readonly bytes: Buffer}
	| {readonly kind: 'tooLarge'}
	/** Something other than a regular file (or a folder, which reading reports as EISDIR). */
	| {readonly kind: 'notRegular'; readonly what: string};

// O_NONBLOCK makes opening a named pipe return at once instead of waiting for a writer; on a
// regular file it changes nothing. Windows has no such flag (and no named pipes in the folder).
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads `file` if it is a regular file of at most `maxBytes`; throws the file system's other errors. */
export function readRegularFile(file: string, maxBytes: number): RegularFileReading {
	let descriptor: number;
	try {
		descriptor = openSync(file, openFlags);
	} catch (error) {
		if ((error as {code?: unknown}).code === 'ENOENT') {
			return {kind: 'missing'};
		}

		throw error;
	}

	try {
		const stats = fstatSync(descriptor);
		if (!stats.isFile() && !stats.isDirectory()) {
			return {kind: 'notRegular', what: describeNotRegular(stats)};
		}

		if (stats.size > maxBytes) {
			return {kind: 'tooLarge'};
		}

		return {kind: 'read', bytes: readFileSync(descriptor)};
	} finally {
		closeSync(descriptor);
	}
}

/** What a file that is not a regular file is, in words: `a named pipe`, `a character device`... */
export function describeNotRegular(stats: Stats): string {
	if (stats.isFIFO()) {
		return 'a named pipe';
	}

	if (stats.isCharacterDevice()) {
		return 'a character device';
	}

	if (stats.isBlockDevice()) {
		return 'a block device';
	}

	return stats.isSocket() ? 'a socket' : 'not a regular file';
}
