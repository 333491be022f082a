// Packs added with `pack add`, kept in the data directory under `packs/<pack-id>/`. Adding copies
// only the files a pack is read from (pack.yaml and each challenge's five files) into a staging
// folder beside the target, then renames it into place: the app never sees half a pack, and a
// failed copy leaves the installed packs as they were.
import {randomBytes} from 'node:crypto';
import {copyFileSync, constants, lstatSync, mkdirSync, readdirSync, renameSync, rmSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import type {Challenge, PackInfo} from '../model/challenge.js';
import {InputError} from '../model/input-error.js';
import {packIdPattern} from './pack-files.js';

/** The files of a challenge folder that a pack is read from. */
const challengeFiles = ['challenge.yaml', 'cluster.yaml', 'cases.yaml', 'solution.yaml', 'starter.yaml'];

/** The folder under the data directory that holds the added packs. */
export function packsDirectory(dataDirectory: string): string {
	return path.join(dataDirectory, 'packs');
}

/**
The folders of the added packs, sorted by pack id: real folders named like a pack id (staging
folders, leftovers and symbolic links are skipped). Empty when none were added. Load each with
loadPack, which reports what is wrong with it.
*/
export function installedPackDirectories(dataDirectory: string): string[] {
	const packs = packsDirectory(dataDirectory);
	let entries;
	try {
		entries = readdirSync(packs, {withFileTypes: true});
	} catch {
		return [];
	}

	return entries
		.filter(entry => entry.isDirectory() && !entry.isSymbolicLink() && packIdPattern.test(entry.name))
		.map(entry => entry.name)
		.sort()
		.map(name => path.join(packs, name));
}

/** What adding a pack did: added it, or replaced a pack of the same id. */
export type InstallOutcome = {readonly directory: string; readonly isReplaced: boolean};

/**
Copies a loaded pack into the data directory as `packs/<pack-id>/`. A pack of the same id is
replaced only when `isForce`; otherwise InputError names it. Throws InputError when the data
directory cannot be written; what was installed before is then unchanged.
*/
export function installPack(sourceDirectory: string, loaded: {readonly pack: PackInfo; readonly challenges: readonly Challenge[]}, dataDirectory: string, isForce: boolean): InstallOutcome {
	const packs = packsDirectory(dataDirectory);
	const {id} = loaded.pack;
	const target = path.join(packs, id);
	// pack.ts refuses ids that are not plain names; this keeps the target inside packs/ regardless.
	if (!packIdPattern.test(id) || path.dirname(target) !== packs) {
		throw new InputError([{file: path.join(sourceDirectory, 'pack.yaml'), message: `id: ${JSON.stringify(id)} cannot name a folder`}]);
	}

	const isInstalled = exists(target);
	if (isInstalled && !isForce) {
		throw new InputError([{file: target, message: `a pack with id "${id}" is already added; add --force to replace it with ${sourceDirectory}`}]);
	}

	const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
	const staging = path.join(packs, `.${id}.adding-${suffix}`);
	const previous = path.join(packs, `.${id}.replaced-${suffix}`);
	try {
		mkdirSync(staging, {recursive: true});
		copyPackFiles(sourceDirectory, loaded.challenges, staging);
		if (isInstalled) {
			// Two renames: the old pack steps aside, the new one takes its place, and the old
			// one comes back if that fails. It is deleted only once the new one is in place.
			renameSync(target, previous);
			try {
				renameSync(staging, target);
			} catch (error) {
				renameSync(previous, target);
				throw error;
			}

			removeQuietly(previous);
		} else {
			renameSync(staging, target);
		}
	} catch (error) {
		throw new InputError([{file: target, message: `cannot be written (${(error as {code?: string}).code ?? String(error)}); the packs added before are unchanged`}]);
	} finally {
		// Quietly: a failure here (the staging folder never made) must not hide the error above.
		removeQuietly(staging);
	}

	return {directory: target, isReplaced: isInstalled};
}

// Only plain files are copied (never a symbolic link), and never over an existing file.
function copyPackFiles(sourceDirectory: string, challenges: readonly Challenge[], staging: string): void {
	copyFileSync(path.join(sourceDirectory, 'pack.yaml'), path.join(staging, 'pack.yaml'), constants.COPYFILE_EXCL);
	for (const challenge of challenges) {
		const from = path.join(sourceDirectory, challenge.id);
		const to = path.join(staging, challenge.id);
		mkdirSync(to);
		for (const name of challengeFiles) {
			const file = path.join(from, name);
			if (exists(file) && lstatSync(file).isFile()) {
				copyFileSync(file, path.join(to, name), constants.COPYFILE_EXCL);
			}
		}
	}
}

// A leftover of the old pack is skipped by installedPackDirectories; failing to delete it must
// not turn a successful add into an error.
function removeQuietly(folder: string): void {
	try {
		rmSync(folder, {recursive: true, force: true});
	} catch {
		// Left for the next add to overwrite under another name, harmlessly.
	}
}

function exists(file: string): boolean {
	try {
		lstatSync(file);
		return true;
	} catch {
		return false;
	}
}
