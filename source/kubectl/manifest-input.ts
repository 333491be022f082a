// Reading the objects of `-f FILE|DIR|-` as kubectl reads them: a file, a folder's .yaml, .yml
// and .json files (its sub-folders too with -R), or standard input; each object with the name
// kubectl gives its source in messages (the path as given, `STDIN`). The I/O edge of apply,
// create, replace and delete -f.
import {Buffer} from 'node:buffer';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {documentsOf} from '../content/documents.js';
import {InputError, formatProblem} from '../model/input-error.js';
import {expandManifestPaths, manifestExtensions} from '../content/manifest-paths.js';
import {readText, standardInputName} from '../content/read-text.js';
import {decodeDocument} from '../kube/objects.js';

/** One object of a file, in the file's order (the items of a List each on their own). */
export type ManifestObject = {
	/** How kubectl names the file in messages: the path as given, or `STDIN`. */
	readonly source: string;
	readonly value: unknown;
};

export type ManifestInput = {readonly objects: readonly ManifestObject[]} | {readonly error: string};

/** The -f and --filename values of a command line, and the rest of it: -f may be given more than once. */
export function takeFilenames(argv: readonly string[]): {readonly filenames: readonly string[]; readonly rest: readonly string[]} {
	const filenames: string[] = [];
	const rest: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--') {
			rest.push(...argv.slice(index));
			break;
		}

		// `-Rf DIR`: short flags grouped before f, whose value follows.
		const grouped = /^-([A-Za-z]+)f$/.exec(argument);
		const inline = /^(?:-f=?|--filename=)(.+)$/.exec(argument);
		if (grouped && index + 1 < argv.length) {
			rest.push(`-${grouped[1]!}`);
			filenames.push(argv[++index]!);
		} else if (inline) {
			filenames.push(inline[1]!);
		} else if ((argument === '-f' || argument === '--filename') && index + 1 < argv.length) {
			filenames.push(argv[++index]!);
		} else {
			rest.push(argument);
		}
	}

	return {filenames, rest};
}

/** The objects of every -f value in order, or kubectl's error for the first that cannot be read. */
export function readManifests(filenames: readonly string[], isRecursive: boolean, command: string): ManifestInput {
	const objects: ManifestObject[] = [];
	for (const filename of filenames) {
		let files: readonly string[];
		try {
			files = filesOf(filename, isRecursive);
		} catch (error) {
			return {error: errorText(error, filename, command)};
		}

		for (const file of files) {
			const source = file === standardInputName ? 'STDIN' : file;
			try {
				for (const document of documentsOf(readText(file), source)) {
					objects.push(...decodeDocument(document.value).map(result => ({source, value: valueAt(document.value, result.path)})));
				}
			} catch (error) {
				return {error: errorText(error, source, command)};
			}
		}
	}

	return objects.length === 0 ? {error: `error: no objects passed to ${command}`} : {objects};
}

function filesOf(filename: string, isRecursive: boolean): readonly string[] {
	if (filename === '-') {
		return [standardInputName];
	}

	let isFolder: boolean;
	try {
		isFolder = statSync(filename).isDirectory();
	} catch {
		throw new InputError([{file: filename, message: 'does not exist'}]);
	}

	if (!isFolder) {
		return [filename];
	}

	if (isRecursive) {
		return expandManifestPaths([filename]).files;
	}

	// Without -R kubectl reads only the folder's own files, in name order.
	return readdirSync(filename, {withFileTypes: true})
		.filter(entry => !entry.isDirectory() && manifestExtensions.some(extension => entry.name.endsWith(extension)))
		.map(entry => path.join(filename, entry.name))
		.sort((left, right) => Buffer.compare(Buffer.from(left), Buffer.from(right)));
}

function valueAt(value: unknown, objectPath: ReadonlyArray<string | number>): unknown {
	let current = value;
	for (const segment of objectPath) {
		current = (current as Record<string | number, unknown>)[segment];
	}

	return current;
}

// kubectl's words: a missing path, and a file it cannot parse (our reader's message, placed).
function errorText(error: unknown, source: string, command: string): string {
	if (!(error instanceof InputError)) {
		throw error;
	}

	const [problem] = error.problems;
	if (problem?.message === 'does not exist') {
		return `error: the path ${JSON.stringify(source)} does not exist`;
	}

	if (problem?.message.startsWith('is a folder with no')) {
		return `error: no objects passed to ${command}`;
	}

	return `error: error parsing ${source}: ${problem ? formatProblem(problem) : error.message}`;
}
