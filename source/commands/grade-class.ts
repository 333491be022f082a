// `netpol-dojo grade --pack DIR --submissions DIR [--junit FILE] [--json]`: grade a learner's
// work, one file per challenge named `<challenge-id>.yaml`. A missing file, or one that does
// not parse, fails that challenge with the reason; it never stops the run. Exit 0 all passed,
// 1 some failed, 2 bad usage or a pack or submissions folder that cannot be read. The grading of
// one learner's folder is here too, for `--class` (grade-class-folder.ts), which runs it per learner.
import {type Dirent, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Challenge, PackInfo} from '../model/challenge.js';
import {readSubmission} from '../content/submission.js';
import {formatProblem, InputError} from '../model/input-error.js';
import {loadPack} from './load-content.js';
import {stripControlSequences} from '../model/sanitize.js';
import {writeFileAtomically} from '../content/write-file.js';
import {similarTo} from '../model/similar.js';
import {type JunitCase, junitXml} from '../format/junit.js';
import {type Answer, grade, type GradeReport} from '../grading/grade.js';
import type {NetworkPolicy} from '../model/kubernetes.js';
import {refuseClassFolder} from './class-folder.js';
import {gradeDocument, gradeText} from './grade.js';
import type {CommandIo} from './io.js';

export type GradeClassOptions = {
	readonly packDirectory: string;
	readonly submissionsDirectory: string;
	readonly junitFile?: string;
	readonly format: 'text' | 'json';
	readonly maxBytes?: number;
};

/** One challenge's outcome: graded, or failed before grading for want of a readable submission. */
export type ClassResult =
	| {readonly kind: 'graded'; readonly challenge: Challenge; readonly report: GradeReport}
	| {readonly kind: 'missing' | 'unreadable'; readonly challenge: Challenge; readonly reason: string};

export function runGradeClass(options: GradeClassOptions, io: CommandIo): number {
	const {pack, challenges} = loadGradingPack(options.packDirectory, io);
	refuseClassFolder(options.submissionsDirectory, challenges);
	const {results, submitted} = gradeLearner(challenges, options.submissionsDirectory, options, io);
	if (submitted === 0) {
		io.stderr(`note: ${stripControlSequences(options.submissionsDirectory)} holds no submission at all (no <challenge-id>.yaml of the pack's challenges)\n`);
	}

	const passed = results.filter(result => isPassed(result)).length;
	if (options.junitFile !== undefined) {
		writeFileAtomically(options.junitFile, learnerJunit(pack.id, results));
	}

	if (options.format === 'json') {
		io.stdout(`${JSON.stringify({pack: pack.id, passed, failed: results.length - passed, total: results.length, results: results.map(result => resultDocument(result))}, undefined, 2)}\n`);
	} else {
		const cases = results.reduce((sum, result) => sum + (result.kind === 'graded' ? result.report.cases.passed : 0), 0);
		const total = challenges.reduce((sum, challenge) => sum + challenge.cases.length, 0);
		const lines = results.map(result => summaryLine(result));
		io.stdout(`${[...lines, `Total: ${passed} of ${results.length} challenges passed; ${cases} of ${total} cases.`].join('\n')}\n`);
	}

	return passed === results.length ? 0 : 1;
}

/** The pack to grade against, its broken challenges reported as not graded; InputError when none loads. */
export function loadGradingPack(packDirectory: string, io: CommandIo): {readonly pack: PackInfo; readonly challenges: readonly Challenge[]} {
	const {pack, challenges, problems} = loadPack(packDirectory);
	for (const problem of problems) {
		io.stderr(`Warning: ${stripControlSequences(formatProblem(problem))} (this challenge is not graded)\n`);
	}

	if (challenges.length === 0) {
		throw new InputError([{file: packDirectory, message: 'has no challenge that loads; nothing to grade'}]);
	}

	return {pack, challenges};
}

/** Grades a submission: `grade`, or a grader that shares the grades of identical submissions. */
export type Grader = (challenge: Challenge, policies: readonly NetworkPolicy[], answer?: Answer) => GradeReport;

/** One learner's results, in the pack's order, and how many challenges had a file (read or not). */
export type LearnerGrades = {readonly results: readonly ClassResult[]; readonly submitted: number};

/**
Grades one learner's folder, one `<challenge-id>.yaml` per challenge, and notes on stderr the
files named after no challenge. Throws InputError when the folder cannot be listed.
*/
export function gradeLearner(challenges: readonly Challenge[], directory: string, options: {readonly maxBytes?: number; readonly grader?: Grader}, io: CommandIo): LearnerGrades {
	// Listed once: a class of a hundred learners would otherwise ask the file system thousands of times.
	const entries = listFolder(directory);
	noteStrayFiles(directory, [...entries.keys()], challenges, io);
	const results = challenges.map(challenge => gradeOne(challenge, directory, entries, options));
	return {results, submitted: results.filter(result => result.kind !== 'missing').length};
}

/** Whether a challenge passed. */
export function isPassed(result: ClassResult): boolean {
	return result.kind === 'graded' && result.report.passed;
}

/** A learner's JUnit report: one suite, one test case per challenge. */
export function learnerJunit(packId: string, results: readonly ClassResult[]): string {
	return junitXml({name: `netpol-dojo ${packId}`, cases: results.map(result => junitCase(packId, result))});
}

function gradeOne(challenge: Challenge, directory: string, entries: ReadonlyMap<string, Dirent>, options: {readonly maxBytes?: number; readonly grader?: Grader}): ClassResult {
	const found = submissionFile(directory, entries, challenge.id);
	if (!found) {
		return {kind: 'missing', challenge, reason: `no submission (${path.join(directory, `${challenge.id}.yaml`)} does not exist)`};
	}

	const {file} = found;
	// A folder or a FIFO of that name is there but cannot be graded (and a FIFO would block the reader).
	if (!found.isRegular) {
		return {kind: 'unreadable', challenge, reason: `the submission cannot be read: ${file}: is not a regular file (a folder, a FIFO or a device)`};
	}

	const submission = readSubmission(file, options.maxBytes, {takesLabels: challenge.solutionRelabelling !== undefined});
	switch (submission.kind) {
		case 'policies': {
			return {kind: 'graded', challenge, report: (options.grader ?? grade)(challenge, submission.policies, submission.relabelling ? {relabelling: submission.relabelling} : {})};
		}

		case 'empty': {
			return {kind: 'unreadable', challenge, reason: `the submission cannot be read: ${file}: has no NetworkPolicy in it`};
		}

		case 'invalid': {
			return {kind: 'unreadable', challenge, reason: `the submission cannot be read: ${submission.problems.join('; ')}`};
		}
	}
}

// `<id>.yaml`, or `<id>.yml` as some editors name YAML files (the first when both exist; the
// stray-file note names the other), whatever it is: a folder of that name is reported as such.
// A symbolic link counts as what it points to; a dangling one as no file.
function submissionFile(directory: string, entries: ReadonlyMap<string, Dirent>, challengeId: string): {readonly file: string; readonly isRegular: boolean} | undefined {
	for (const extension of ['.yaml', '.yml']) {
		const entry = entries.get(`${challengeId}${extension}`);
		const file = path.join(directory, `${challengeId}${extension}`);
		if (entry && !entry.isSymbolicLink()) {
			return {file, isRegular: entry.isFile()};
		}

		const target = entry ? statOrUndefined(file) : undefined;
		if (target) {
			return {file, isRegular: target.isFile()};
		}
	}

	return undefined;
}

/** The feedback a learner gets: gradeText for a graded submission, else why it was not graded. */
function feedback(result: ClassResult): string {
	return result.kind === 'graded' ? gradeText(result.report) : `${result.challenge.id}: not passed, ${result.reason}.\n`;
}

function summaryLine(result: ClassResult): string {
	return feedback(result).split('\n')[0]!;
}

function junitCase(packId: string, result: ClassResult): JunitCase {
	const testCase = {name: result.challenge.id, className: packId};
	if (result.kind === 'graded' && result.report.passed) {
		return testCase;
	}

	const type = result.kind === 'graded' ? 'not-passed' : result.kind === 'missing' ? 'no-submission' : 'unreadable-submission';
	return {...testCase, failure: {type, message: feedback(result).trimEnd()}};
}

/** A result as `grade --json` has it, or why there was nothing to grade. */
export function resultDocument(result: ClassResult): Record<string, unknown> {
	if (result.kind === 'graded') {
		return gradeDocument(result.report);
	}

	return {challenge: result.challenge.id, passed: false, score: 0, cases: {total: result.challenge.cases.length, passed: 0}, error: result.reason};
}

// A file named after no challenge is most often a typo in the name; say so rather than let the
// learner's work go ungraded in silence.
function noteStrayFiles(directory: string, names: readonly string[], challenges: readonly Challenge[], io: CommandIo): void {
	const ids = challenges.map(challenge => challenge.id);
	const idOf = (name: string) => name.replace(/\.ya?ml$/, '');
	for (const name of names.filter(name => name.endsWith('.yml') && names.includes(`${idOf(name)}.yaml`)).sort()) {
		io.stderr(`note: ${stripControlSequences(path.join(directory, name))} is not graded: ${idOf(name)}.yaml is\n`);
	}

	for (const name of names.filter(name => /\.ya?ml$/.test(name) && !ids.includes(idOf(name))).sort()) {
		const [guess] = similarTo(idOf(name), ids);
		io.stderr(`note: ${stripControlSequences(path.join(directory, name))} is named after no challenge of the pack${guess ? ` (did you mean ${guess}.yaml?)` : ''}; it is not graded\n`);
	}
}

function listFolder(directory: string): Map<string, Dirent> {
	try {
		return new Map(readdirSync(directory, {withFileTypes: true}).map(entry => [entry.name, entry]));
	} catch (error) {
		const problem = (error as {code?: string}).code === 'ENOTDIR' ? 'is not a folder' : 'no such folder';
		throw new InputError([{file: directory, message: `${problem}; --submissions names a folder with one <challenge-id>.yaml per challenge`}]);
	}
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
	try {
		return statSync(file);
	} catch {
		return undefined;
	}
}
