import {InputError} from '../model/input-error.js';

/** A wrong command line (unknown command or option, a missing argument): exit code 2, with the usage. */
export class UsageError extends InputError {
	override name = 'UsageError';
}
