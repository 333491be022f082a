// A class folder holds one folder per learner, each with that learner's `<challenge-id>.yaml`
// files: which folders are learners', and telling a class folder from a learner's folder when
// one is given where the other was meant.
import {Buffer} from 'node:buffer';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Challenge} from '../model/challenge.js';
import {InputError} from '../model/input-error.js';

/**
The learners' folder names, in byte order of their names: the class folder's sub-folders (a
symbolic link to one included), leaving out hidden ones (`.git` of a class kept in Git) and
`reports`, the folder the JUnit reports go to when it is inside the class folder.
Throws InputError for a missing class folder, one with no learner folder, and a learner's
folder given as a class.
*/
export function learnerFolders(classDirectory: string, challenges: readonly Challenge[], reports?: string): string[] {
	let names: string[];
	try {
		names = readdirSync(classDirectory);
	} catch (error) {
		const problem = (error as {code?: string}).code === 'ENOTDIR' ? 'is not a folder' : 'no such folder';
		throw new InputError([{file: classDirectory, message: `${problem}; --class names a folder with one folder per learner, each with <challenge-id>.yaml files`}]);
	}

	const isReports = (name: string) => reports !== undefined && path.resolve(classDirectory, name) === path.resolve(reports);
	const learners = names.filter(name => !name.startsWith('.') && !isReports(name) && isFolder(path.join(classDirectory, name)))
		.sort((left, right) => Buffer.compare(Buffer.from(left), Buffer.from(right)));
	if (learners.length > 0) {
		return learners;
	}

	if (holdsSubmission(classDirectory, challenges)) {
		throw new InputError([{file: classDirectory, message: 'holds <challenge-id>.yaml files and no learner folder: it looks like one learner\'s folder; grade it with --submissions'}]);
	}

	throw new InputError([{file: classDirectory, message: 'has no learner folder; --class names a folder with one folder per learner, each with <challenge-id>.yaml files'}]);
}

/**
Refuses a class folder given as one learner's (`--submissions`): it holds no `<challenge-id>.yaml`
itself, and folders that do. Graded as a learner's, it would fail every challenge as "no submission".
*/
export function refuseClassFolder(directory: string, challenges: readonly Challenge[]): void {
	let names: string[];
	try {
		names = readdirSync(directory);
	} catch {
		// Reported as the learner's folder is listed, in its words.
		return;
	}

	if (holdsSubmission(directory, challenges)) {
		return;
	}

	const learners = names.filter(name => !name.startsWith('.') && isFolder(path.join(directory, name)) && holdsSubmission(path.join(directory, name), challenges)).sort();
	if (learners.length === 0) {
		return;
	}

	const shown = learners.length > 3 ? `${learners.slice(0, 3).join(', ')} and ${learners.length - 3} more` : learners.join(', ');
	throw new InputError([{file: directory, message: `holds no <challenge-id>.yaml, but ${learners.length === 1 ? 'a folder that does' : 'folders that do'} (${shown}): it looks like a class folder, one folder per learner; grade it with --class ${directory}`}]);
}

/** Whether a folder holds a `<challenge-id>.yaml` (or `.yml`) of one of the challenges. */
export function holdsSubmission(directory: string, challenges: readonly Challenge[]): boolean {
	let names: Set<string>;
	try {
		names = new Set(readdirSync(directory));
	} catch {
		return false;
	}

	return challenges.some(challenge => names.has(`${challenge.id}.yaml`) || names.has(`${challenge.id}.yml`));
}

function isFolder(file: string): boolean {
	try {
		return statSync(file).isDirectory();
	} catch {
		return false;
	}
}
