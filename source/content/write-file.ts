// Writing a report file (JUnit XML) so that a reader, such as a CI step that runs next, finds
// either the previous file or the whole new one, never half of it.
import {writeFileAtomic} from './atomic-file.js';
import {describeError} from './file-errors.js';
import {InputError} from '../model/input-error.js';

/** Writes `text` to `file` atomically; throws InputError naming the file when it cannot. */
export function writeFileAtomically(file: string, text: string): void {
	try {
		writeFileAtomic(file, text);
	} catch (error) {
		throw new InputError([{file, message: `cannot be written (${describeError(error)})`}]);
	}
}
