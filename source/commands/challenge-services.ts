// What the app's challenge screens need from the outside world, in one place: the learner's
// files, the editor, file watching and grading. Written without ink, so the editor flow and
// watching are tested with a fake $EDITOR and real files.
import type {Challenge} from '../model/challenge.js';
import {readSubmission} from '../content/submission.js';
import {grade} from '../grading/grade.js';
import {describeError} from '../content/file-errors.js';
import {clearExamInProgress, saveExamInProgress} from '../progress/exam-store.js';
import {examDirectory, examTaskFile, prepareWorkFile, readWorkFile, resetWorkFile} from '../progress/workspace.js';
import type {GradeResult} from '../tui/state/types.js';
import type {ChallengeServices} from '../tui/services.js';
import {openInEditor, type Terminal} from './editor.js';
import {gradeClusterObjects, openShellSession, resetShellCluster, shellCluster, shellCommands} from './shell.js';
import {loadedClusterOf} from '../kubectl/cluster-of-state.js';
import {stateFile} from '../kubectl/state-file.js';
import {statSync} from 'node:fs';
import {policyYaml} from '../format/policy-yaml.js';
import {watchForChanges, type WatchOptions} from './watch.js';

/**
Reads and grades a learner's file; a file that cannot be read is reported, not thrown. A file
still as it started is not graded: the skeleton alone would pass a default-deny task, and an
untouched "fix this policy" starter is not an answer.
*/
export function gradeWorkFile(challenge: Challenge, file: string, initialText: string): GradeResult {
	let text: string | undefined;
	try {
		text = readWorkFile(file);
	} catch (error) {
		return {kind: 'invalid', problems: [`${file}: could not be read (${describeError(error)})`]};
	}

	if (text === undefined) {
		return {kind: 'empty'};
	}

	if (text === initialText) {
		return {kind: 'unchanged'};
	}

	const submission = readSubmission(file, undefined, {takesLabels: challenge.solutionRelabelling !== undefined});
	if (submission.kind !== 'policies') {
		return submission;
	}

	// The same text as the first one once comments and blank lines are set aside: a file made by an
	// older version, whose task comments were laid out differently, is still untouched; any
	// written line (even `egress: []`, which changes no policy) is an attempt to grade.
	if (writtenLines(text) === writtenLines(initialText)) {
		return {kind: 'unchanged'};
	}

	return {kind: 'graded', report: grade(challenge, submission.policies, submission.relabelling ? {relabelling: submission.relabelling} : {}), notes: submission.notes, text, policies: submission.policies};
}

/** Grades the cluster a work file's terminal left, if the learner opened it. */
export function gradeShellCluster(challenge: Challenge, file: string): GradeResult | undefined {
	const state = shellCluster(file);
	if (!state) {
		return undefined;
	}

	const {objects} = loadedClusterOf(state);
	const report = gradeClusterObjects(challenge, objects);
	const {policies} = objects;
	const commands = shellCommands(file);
	return {
		kind: 'graded',
		report,
		notes: [`Graded the cluster your terminal left (${commands.length === 1 ? '1 kubectl command' : `${commands.length} kubectl commands`}): its policies and labels, not your file.`],
		text: policies.map(policy => policyYaml(policy)).join('---\n'),
		policies,
		isCluster: true,
		commands,
	};
}

// Whether a work file's terminal cluster was written after the file itself (or the file is gone).
function isClusterNewer(file: string): boolean {
	const modified = (target: string) => {
		try {
			return statSync(target).mtimeMs;
		} catch {
			return undefined;
		}
	};

	const cluster = modified(stateFile(file));
	const text = modified(file);
	return cluster !== undefined && (text === undefined || cluster >= text);
}

// The lines that are not comments or blank, without trailing spaces.
function writtenLines(text: string): string {
	return text.split('\n').map(line => line.trimEnd()).filter(line => line.trim() !== '' && !line.trimStart().startsWith('#')).join('\n');
}

/** The app's challenge services (tui/services.ts) on the learner's data directory, editor and terminal. */
export function challengeServices(dataDirectory: string, env: Readonly<Record<string, string | undefined>>, terminal: Terminal, watchOptions?: WatchOptions): ChallengeServices {
	return {
		editFile(file, initialText) {
			try {
				prepareWorkFile(file, initialText);
			} catch (error) {
				return `your file ${file} could not be created (${describeError(error)})`;
			}

			return openInEditor(file, env, terminal);
		},
		gradeFile: gradeWorkFile,
		openShell(challenge, key, file, initialText) {
			const failure = openShellSession({challenge, key, workFile: file, env, terminal, initialText});
			return failure === undefined ? gradeShellCluster(challenge, file)! : {kind: 'editorFailed', message: `the terminal ${failure}`};
		},
		gradeTask(challenge, file, initialText) {
			// The answer last worked on: the terminal's cluster when it changed after the file (an
			// apply), else the file (edited after leaving the terminal).
			return isClusterNewer(file) ? gradeShellCluster(challenge, file) ?? gradeWorkFile(challenge, file, initialText) : gradeWorkFile(challenge, file, initialText);
		},
		resetFile(file, initialText) {
			try {
				resetShellCluster(file);
				const kept = resetWorkFile(file, initialText);
				return kept === undefined ? `Started afresh: ${file}` : `Started afresh. Your previous file is kept as ${kept}`;
			} catch (error) {
				return `Could not start afresh (${describeError(error)}); your file is unchanged.`;
			}
		},
		startExam(tasks) {
			const directory = examDirectory(dataDirectory, new Date());
			return tasks.map(task => {
				const file = examTaskFile(directory, task.key);
				prepareWorkFile(file, task.initialText);
				return file;
			});
		},
		watchFile(file, initialText, onChange) {
			prepareWorkFile(file, initialText);
			return watchForChanges(file, onChange, watchOptions);
		},
		keepExam(exam) {
			saveExamInProgress(dataDirectory, exam);
		},
		dropExam() {
			clearExamInProgress(dataDirectory);
		},
	};
}
