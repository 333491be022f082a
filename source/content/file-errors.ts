// File system errors in words a learner or an instructor understands, shared by every module
// that writes files.

/** The file system's error code (ENOENT...), if the error has one. */
export function errorCode(error: unknown): string | undefined {
	const code = (error as {code?: unknown} | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
}

const errorWords: Readonly<Record<string, string>> = {
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EROFS: 'read-only file system',
	ENOSPC: 'no space left on the device',
	EISDIR: 'it is a folder',
	ENOTDIR: 'a parent of it is not a folder',
	EEXIST: 'a parent of it is not a folder',
};

/** A file system error in words, with its code: `permission denied, EACCES`. */
export function describeError(error: unknown): string {
	const code = errorCode(error);
	if (code === undefined) {
		return error instanceof Error ? error.message : String(error);
	}

	return Object.hasOwn(errorWords, code) ? `${errorWords[code]!}, ${code}` : code;
}
