// `progress [--json] [--reset]` through runProgress, with a fake CommandIo that keeps what is
// written; the progress lives in a temp folder per test.
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import type {CommandIo} from '../source/commands/io.js';
import {type ProgressLesson, runProgress} from '../source/commands/progress.js';
import {emptyProgress, markPageSeen, recordAnswer} from '../source/progress/model.js';
import {progressFile, saveProgress} from '../source/progress/store.js';

type Captured = {io: CommandIo; stdout: () => string; stderr: () => string};

function capture(): Captured {
	let stdout = '';
	let stderr = '';
	return {
		io: {
			stdout(text) {
				stdout += text;
			},
			stderr(text) {
				stderr += text;
			},
			isColor: false,
		},
		stdout: () => stdout,
		stderr: () => stderr,
	};
}

function temporaryDirectory(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-progress-command-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

const lessons: ProgressLesson[] = [
	{id: 'traffic-direction', title: 'Traffic has a direction', pageCount: 3, checkpointPages: [1, 2]},
	{id: 'default-allow', title: 'Default allow', pageCount: 4, checkpointPages: [3]},
	{id: 'selectors', title: 'Selectors', pageCount: 2, checkpointPages: []},
];

// The first lesson done (one checkpoint right, one wrong), the second started.
function savePartOfTheCourse(directory: string): void {
	const [first, second] = lessons as [ProgressLesson, ProgressLesson];
	let progress = markPageSeen(emptyProgress(), first.id, 0, first.pageCount, first.checkpointPages);
	progress = recordAnswer(progress, first.id, 1, true, first.pageCount, first.checkpointPages);
	progress = recordAnswer(progress, first.id, 2, false, first.pageCount, first.checkpointPages);
	progress = markPageSeen(progress, second.id, 0, second.pageCount, second.checkpointPages);
	progress = markPageSeen(progress, second.id, 1, second.pageCount, second.checkpointPages);
	saveProgress(directory, progress, new Date('2024-05-01T10:00:00.000Z'));
}

test('text: an overall line, then a line per lesson with its state', t => {
	const directory = temporaryDirectory(t);
	savePartOfTheCourse(directory);
	const output = capture();
	t.is(runProgress({format: 'text', isReset: false, dataDirectory: directory, lessons}, output.io), 0);
	t.is(output.stdout(), [
		'1 of 3 lessons done, 1 of 3 checkpoints correct.',
		'  done         Traffic has a direction  3/3 pages seen, 1/2 checkpoints correct',
		'  partial      Default allow            2/4 pages seen, 0/1 checkpoints correct',
		'  not started  Selectors                0/2 pages seen, no checkpoints',
		'',
	].join('\n'));
	t.is(output.stderr(), '');
});

test('text: no progress yet', t => {
	const output = capture();
	t.is(runProgress({format: 'text', isReset: false, dataDirectory: temporaryDirectory(t), lessons: lessons.slice(2)}, output.io), 0);
	t.is(output.stdout(), '0 of 1 lesson done, 0 of 0 checkpoints correct.\n  not started  Selectors  0/2 pages seen, no checkpoints\n');
});

test('--json: the lessons and the totals', t => {
	const directory = temporaryDirectory(t);
	savePartOfTheCourse(directory);
	const output = capture();
	t.is(runProgress({format: 'json', isReset: false, dataDirectory: directory, lessons}, output.io), 0);
	t.deepEqual(JSON.parse(output.stdout()), {
		lessons: [
			{id: 'traffic-direction', title: 'Traffic has a direction', pagesSeen: 3, pageCount: 3, checkpointsCorrect: 1, checkpointCount: 2, isCompleted: true},
			{id: 'default-allow', title: 'Default allow', pagesSeen: 2, pageCount: 4, checkpointsCorrect: 0, checkpointCount: 1, isCompleted: false},
			{id: 'selectors', title: 'Selectors', pagesSeen: 0, pageCount: 2, checkpointsCorrect: 0, checkpointCount: 0, isCompleted: false},
		],
		lessonsCompleted: 1,
		lessonCount: 3,
	});
	t.true(output.stdout().endsWith('}\n'));
	t.is(output.stderr(), '');
});

test('--reset: deletes the progress and says so in one line', t => {
	const directory = temporaryDirectory(t);
	savePartOfTheCourse(directory);
	const output = capture();
	t.is(runProgress({format: 'text', isReset: true, dataDirectory: directory, lessons}, output.io), 0);
	t.is(output.stdout(), `Progress reset (deleted ${progressFile(directory)}): 3 lessons not started.\n`);
	t.deepEqual(readdirSync(directory), []);

	const after = capture();
	runProgress({format: 'text', isReset: false, dataDirectory: directory, lessons}, after.io);
	t.true(after.stdout().startsWith('0 of 3 lessons done, 0 of 3 checkpoints correct.\n'));
});

test('--reset with nothing saved', t => {
	const output = capture();
	t.is(runProgress({format: 'text', isReset: true, dataDirectory: temporaryDirectory(t), lessons}, output.io), 0);
	t.is(output.stdout(), 'Progress reset (there was none to delete): 3 lessons not started.\n');
});

test('--reset --json: prints the fresh progress', t => {
	const directory = temporaryDirectory(t);
	savePartOfTheCourse(directory);
	const output = capture();
	t.is(runProgress({format: 'json', isReset: true, dataDirectory: directory, lessons: lessons.slice(0, 1)}, output.io), 0);
	t.deepEqual(JSON.parse(output.stdout()), {
		lessons: [{id: 'traffic-direction', title: 'Traffic has a direction', pagesSeen: 0, pageCount: 3, checkpointsCorrect: 0, checkpointCount: 2, isCompleted: false}],
		lessonsCompleted: 0,
		lessonCount: 1,
	});
});

test('a corrupted file: the notice goes to stderr, stdout shows fresh progress, exit 0', t => {
	const directory = temporaryDirectory(t);
	writeFileSync(progressFile(directory), '{not json');
	const output = capture();
	t.is(runProgress({format: 'json', isReset: false, dataDirectory: directory, lessons: lessons.slice(2)}, output.io), 0);
	const [aside] = readdirSync(directory);
	t.regex(aside!, /^progress\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
	t.is(output.stderr(), `Warning: Progress file ${progressFile(directory)} is not valid JSON, so it was moved to ${path.join(directory, aside!)} and progress starts afresh.\n`);
	t.deepEqual(JSON.parse(output.stdout()), {
		lessons: [{id: 'selectors', title: 'Selectors', pagesSeen: 0, pageCount: 2, checkpointsCorrect: 0, checkpointCount: 0, isCompleted: false}],
		lessonsCompleted: 0,
		lessonCount: 1,
	});
});
