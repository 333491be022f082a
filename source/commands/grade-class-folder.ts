// `netpol-dojo grade --pack DIR --class DIR [--junit DIR] [--json]`: grade a whole class in one
// run, one folder per learner, each graded as `--submissions` grades a folder, against the pack
// loaded once; a learner's submission equal to one graded before shares its grade. Prints a
// summary table (or one JSON document) and writes one JUnit file per learner. Exit 0 when every
// learner passed every challenge, 1 when some did not, 2 bad usage or an unreadable pack or
// class folder.
import path from 'node:path';
import type {Challenge} from '../model/challenge.js';
import {stripControlSequences} from '../model/sanitize.js';
import {writeFileAtomically} from '../content/write-file.js';
import {classTable, type LearnerRow} from '../format/class-table.js';
import {learnerFolders} from './class-folder.js';
import {type ClassResult, gradeLearner, isPassed, learnerJunit, loadGradingPack, resultDocument} from './grade-class.js';
import type {CommandIo} from './io.js';
import {sharedGrader} from './shared-grades.js';

export type GradeClassFolderOptions = {
	readonly packDirectory: string;
	readonly classDirectory: string;
	/** A folder for the JUnit reports, one `<learner>.xml` each. */
	readonly junitDirectory?: string;
	readonly format: 'text' | 'json';
	readonly maxBytes?: number;
};

type Learner = {readonly name: string; readonly results: readonly ClassResult[]; readonly submitted: number};

export function runGradeClassFolder(options: GradeClassFolderOptions, io: CommandIo): number {
	const {pack, challenges} = loadGradingPack(options.packDirectory, io);
	const names = learnerFolders(options.classDirectory, challenges, options.junitDirectory);
	const grader = sharedGrader();
	const learners: Learner[] = names.map(name => ({name, ...gradeLearner(challenges, path.join(options.classDirectory, name), {...options, grader}, io)}));
	if (options.junitDirectory !== undefined) {
		for (const learner of learners) {
			writeFileAtomically(path.join(options.junitDirectory, `${learner.name}.xml`), learnerJunit(pack.id, learner.results));
		}
	}

	const isAllPassed = (learner: Learner) => learner.results.every(result => isPassed(result));
	if (options.format === 'json') {
		const passed = learners.filter(learner => isAllPassed(learner)).length;
		io.stdout(`${JSON.stringify({pack: pack.id, passed, failed: learners.length - passed, total: learners.length, learners: learners.map(learner => learnerDocument(learner, options.classDirectory))}, undefined, 2)}\n`);
	} else {
		io.stdout(classTable(learners.map(learner => learnerRow(learner, challenges))));
	}

	return learners.every(learner => isAllPassed(learner)) ? 0 : 1;
}

function learnerRow(learner: Learner, challenges: readonly Challenge[]): LearnerRow {
	const notPassed = learner.results.filter(result => result.kind !== 'missing' && !isPassed(result)).map(result => result.challenge.id);
	const passed = learner.results.filter(result => isPassed(result)).length;
	return {learner: stripControlSequences(learner.name), passed, total: challenges.length, notPassed, missing: challenges.length - learner.submitted};
}

function learnerDocument(learner: Learner, classDirectory: string): Record<string, unknown> {
	const passed = learner.results.filter(result => isPassed(result)).length;
	return {
		learner: learner.name,
		submitted: learner.submitted,
		passed,
		failed: learner.results.length - passed,
		total: learner.results.length,
		...(learner.submitted === 0 ? {error: `no submission at all: ${path.join(classDirectory, learner.name)} holds no <challenge-id>.yaml`} : {}),
		results: learner.results.map(result => resultDocument(result)),
	};
}
