// `netpol-dojo pack init DIR`: a new pack with one complete example challenge, ready for
// `pack validate`. Refuses (exit 2) a DIR that exists and is not an empty folder, so an
// author's work is never overwritten.
import {mkdirSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../model/input-error.js';
import {packIdPattern} from '../content/pack-files.js';
import {packTemplate, templateChallengeId} from '../content/pack-template.js';
import type {CommandIo} from './io.js';

export type PackInitOptions = {readonly directory: string};

export function runPackInit(options: PackInitOptions, io: CommandIo): number {
	const {directory} = options;
	refuseUnlessEmpty(directory);
	const packId = packIdFor(directory);
	try {
		for (const [file, text] of packTemplate(packId)) {
			const target = path.join(directory, file);
			mkdirSync(path.dirname(target), {recursive: true});
			writeFileSync(target, text, {flag: 'wx'});
		}
	} catch (error) {
		throw new InputError([{file: directory, message: `cannot be written (${(error as {code?: string}).code ?? String(error)})`}]);
	}

	io.stdout([
		`Created pack ${packId} in ${directory}: pack.yaml and one example challenge, ${templateChallengeId}/.`,
		`Edit them (or copy ${templateChallengeId}/ to start another challenge), then check the pack:`,
		`  netpol-dojo pack validate ${directory}`,
		'',
	].join('\n'));
	return 0;
}

function refuseUnlessEmpty(directory: string): void {
	let isFolder: boolean;
	try {
		isFolder = statSync(directory).isDirectory();
	} catch {
		return;
	}

	if (!isFolder) {
		throw new InputError([{file: directory, message: 'exists and is not a folder; pack init creates a new pack folder'}]);
	}

	if (readdirSync(directory).length > 0) {
		throw new InputError([{file: directory, message: 'is not empty; pack init writes only into a new or empty folder, so nothing of yours is overwritten'}]);
	}
}

// The folder's name when it is a valid pack id ("cks-basics"), made into one when it is close
// ("CKS Basics" → "cks-basics"), else a placeholder the author can change.
function packIdFor(directory: string): string {
	const candidate = path.basename(path.resolve(directory)).toLowerCase().replaceAll(/[^a-z\d]+/g, '-').replaceAll(/^-+|-+$/g, '');
	return packIdPattern.test(candidate) ? candidate : 'my-pack';
}
