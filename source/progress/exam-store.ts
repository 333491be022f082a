// The exam in progress on disk: `exam-in-progress.json` in the data directory, written when an
// exam starts and removed when it is graded, so that quitting (Ctrl-C included) or a crash does
// not lose it. Written atomically; a damaged file is set aside, as progress.json is.
import {isUtf8} from 'node:buffer';
import {renameSync, rmSync} from 'node:fs';
import path from 'node:path';
import {writeFileAtomic} from '../content/atomic-file.js';
import {describeError} from '../content/file-errors.js';
import {readRegularFile} from '../content/regular-file.js';
import {parseSavedExam, type SavedExam} from './saved-exam.js';

export const examInProgressFileName = 'exam-in-progress.json';

export function examInProgressFile(directory: string): string {
	return path.join(directory, examInProgressFileName);
}

/** Writes the exam in progress. Throws the file system's error. */
export function saveExamInProgress(directory: string, exam: SavedExam): void {
	writeFileAtomic(examInProgressFile(directory), `${JSON.stringify(exam, undefined, 2)}\n`);
}

/** Removes the exam in progress, once it is graded; none is fine. Throws the file system's other errors. */
export function clearExamInProgress(directory: string): void {
	rmSync(examInProgressFile(directory), {force: true});
}

/**
Reads the exam in progress, if there is one. A file that is not one (damaged, not a regular
file, unreadable) is renamed to `exam-in-progress.json.corrupt-<time>` with a notice: that exam
cannot be resumed, but its files stay in their folder. Never throws.
*/
export function loadExamInProgress(directory: string, now = new Date()): {readonly exam?: SavedExam; readonly notice?: string} {
	const file = examInProgressFile(directory);
	let problem: string;
	try {
		const reading = readRegularFile(file, 1024 * 1024);
		if (reading.kind === 'missing') {
			return {};
		}

		if (reading.kind === 'read' && isUtf8(reading.bytes)) {
			const exam = parseSavedExam(parseJson(reading.bytes.toString('utf8')));
			if (exam) {
				return {exam};
			}
		}

		problem = reading.kind === 'notRegular' ? `is not a regular file (it is ${reading.what})` : 'is not an exam in progress';
	} catch (error) {
		problem = `could not be read (${describeError(error)})`;
	}

	const aside = `${file}.corrupt-${now.toISOString().replaceAll(':', '-')}`;
	try {
		renameSync(file, aside);
	} catch (error) {
		return {notice: `The exam in progress (${file}) ${problem} and could not be moved aside (${describeError(error)}).`};
	}

	return {notice: `The exam in progress (${file}) ${problem}, so it was moved to ${aside}; its files are still in ${path.join(directory, 'exams')}.`};
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
