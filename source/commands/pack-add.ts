// `netpol-dojo pack add [--force] DIR`: validate a pack, then copy it into the data directory
// (`packs/<pack-id>/`) so the app lists it beside the built-in challenges. Headless: it asks
// nothing. Exit 0 added, 1 the pack has problems (nothing is copied), 2 unreadable pack, bad
// usage, or a pack of that id already added without --force.
import {stripControlSequences} from '../model/sanitize.js';
import {installPack} from '../content/installed-packs.js';
import {packReport} from '../format/pack-report.js';
import type {CommandIo} from './io.js';
import {isRefused, validatePack} from './pack-validate.js';

export type PackAddOptions = {
	readonly directory: string;
	readonly dataDirectory: string;
	readonly isForce: boolean;
};

/** The built-in pack's id: an added pack may not take it, or the app could not tell them apart. */
const builtInPackId = 'built-in';

export function runPackAdd(options: PackAddOptions, io: CommandIo): number {
	const validation = validatePack(options.directory);
	io.stdout(stripControlSequences(packReport(validation)));
	if (isRefused(validation, false)) {
		io.stderr(`error: ${options.directory}: not added: fix the errors above, then run pack add again\n`);
		return 1;
	}

	if (validation.pack.id === builtInPackId) {
		io.stderr(`error: ${options.directory}/pack.yaml: id "${builtInPackId}" is the built-in pack's; give your pack another id\n`);
		return 1;
	}

	const outcome = installPack(options.directory, validation, options.dataDirectory, options.isForce);
	const {id, version} = validation.pack;
	const count = validation.challenges.length;
	io.stdout(`${outcome.isReplaced ? 'Replaced' : 'Added'} pack ${id} ${version} (${count} ${count === 1 ? 'challenge' : 'challenges'}) in ${outcome.directory}; the app lists it beside the built-in challenges.\n`);
	return 0;
}
