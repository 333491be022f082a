// An exam survives quitting: started, the app unmounted (as Ctrl-C does), rendered again on the
// same data directory, and resumed from the Exam entry with its clock, which kept running while
// the app was closed. Real services and files; the clock is the test's.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {render} from 'ink-testing-library';
import {challengeServices} from '../source/commands/challenge-services.js';
import {examInProgressFile, loadExamInProgress} from '../source/progress/exam-store.js';
import {emptyProgress, type Progress} from '../source/progress/model.js';
import {App} from '../source/tui/app.js';
import {initialState} from '../source/tui/state/state.js';
import {challengeEntries, root} from './helpers/challenge-entries.js';
import {delay, driveApp, keys} from './helpers/drive-app.js';

const fakeEditor = path.join(root, 'test/fixtures/editor/fake-editor.sh');
const {arrowDown, enter, escape} = keys;
const minute = 60_000;

// The exam file is removed in an effect just after the review is drawn.
async function isGone(file: string): Promise<boolean> {
	for (let waited = 0; waited < 2000 && existsSync(file); waited += 20) {
		 
		await delay(20);
	}

	return !existsSync(file);
}

// One run of the app on `data`, as `netpol-dojo` starts it: the exam in progress read from disk.
async function startApp(t: ExecutionContext, data: string, clock: {now: number}) {
	const entries = challengeEntries(data);
	const env: Record<string, string> = {EDITOR: fakeEditor};
	const saved: Progress[] = [];
	const state = initialState([], emptyProgress(), new Map(), {challenges: entries, drillQuestions: [], seed: 11, editorName: 'vi'});
	const app = render(<App
		initialState={{...state, examInProgress: loadExamInProgress(data).exam, now: clock.now}}
		services={{
			now: () => clock.now,
			saveProgress(progress) {
				saved.push(progress);
				return undefined;
			},
			challenges: challengeServices(data, env, {}),
		}}
	/>);
	return {app, entries, env, saved, ...await driveApp(t, app)};
}

async function startExam(t: ExecutionContext, data: string, clock: {now: number}) {
	const first = await startApp(t, data, clock);
	await first.press(arrowDown, arrowDown, arrowDown, enter);
	t.true(first.frame().includes('Quitting does not stop the clock: the exam resumes from Exam with the time left.'), first.frame());
	await first.press(enter);
	await first.waitFor('(not started)');
	const minutes = Number(/Exam (\d+):00 left/.exec(first.frame())?.[1]);
	t.true(minutes > 0, first.frame());
	return {first, minutes};
}

test.serial('an exam quit mid-way resumes from Exam with the time that is left, and with its answers', async t => {
	const data = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-resume-'));
	const clock = {now: Date.parse('2026-03-01T09:00:00.000Z')};
	const {first, minutes} = await startExam(t, data, clock);
	const task = /❯ 1\. +\d+% {2}(.*) {2}\(not started\)/.exec(first.frame())?.[1];
	const entry = first.entries.find(candidate => candidate.challenge.title === task)!;
	t.truthy(entry, first.frame());
	first.env['FAKE_EDITOR_ANSWER'] = path.join(root, 'challenges', entry.challenge.id, 'solution.yaml');
	await first.press(enter, 'e');
	await first.waitFor('kubectl would accept your file (it is graded when the exam ends).');
	await first.press(escape);
	t.deepEqual(loadExamInProgress(data).exam?.deadline, new Date(clock.now + (minutes * minute)).toISOString());
	// Ctrl-C: ink unmounts the app; nothing is said to the exam.
	first.app.stdin.write('\u0003');
	first.app.unmount();

	clock.now += 7 * minute;
	const second = await startApp(t, data, clock);
	await second.waitFor(`Exam in progress: ${minutes - 7}:00 left (its clock runs while the app is closed). Open Exam to resume.`);
	await second.press(arrowDown, arrowDown, arrowDown, enter);
	await second.waitFor('(accepted by kubectl)');
	t.true(second.frame().startsWith(` Exam ${minutes - 7}:00 left\n Resumed: the clock kept running while the app was closed, as in a real exam.`), second.frame());
	t.true(second.frame().includes(`❯ 1.`) && second.frame().includes(`${task!}  (accepted by kubectl)`), second.frame());
	t.regex(second.frame(), / 2\. .*\(not started\)/);
	await second.press('f', 'y');
	await second.waitFor('Exam result');
	t.true(second.frame().includes(`Time used: 7:00 of ${minutes}:00.`), second.frame());
	t.true(await isGone(examInProgressFile(data)), 'a graded exam is not offered again');
});

test.serial('an exam whose clock ran out while the app was closed is finished and graded when resumed', async t => {
	const data = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-resume-'));
	const clock = {now: Date.parse('2026-03-01T09:00:00.000Z')};
	const {first, minutes} = await startExam(t, data, clock);
	first.app.unmount();

	clock.now += (minutes + 30) * minute;
	const second = await startApp(t, data, clock);
	await second.waitFor('Your exam\'s time ran out while the app was closed. Open Exam to have it graded.');
	await second.press(arrowDown, arrowDown, arrowDown, enter);
	await second.waitFor('Exam result');
	t.true(second.frame().includes('0%: not passed (the pass mark is 67%).'), second.frame());
	t.true(second.frame().includes(`Time used: ${minutes}:00 of ${minutes}:00.`), second.frame());
	t.true(await isGone(examInProgressFile(data)));
	t.like(second.saved.at(-1)?.exams?.[0], {startedAt: '2026-03-01T09:00:00.000Z', score: 0, isPassed: false, minutes});
	// Back home, no exam is offered any more, and Exam draws a new one.
	await second.press(escape);
	t.false(second.frame().includes('Exam in progress'), second.frame());
	await second.press(enter);
	t.true(second.frame().includes('tasks in'), second.frame());
});

test('a damaged exam-in-progress file is set aside with a notice, and a named pipe is never waited on', t => {
	const data = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-resume-'));
	const file = examInProgressFile(data);
	const aside = `${file}.corrupt-2026-03-01T09-00-00.000Z`;
	const now = new Date('2026-03-01T09:00:00.000Z');
	writeFileSync(file, '{"formatVersion": 1, "startedAt": "2026-03-01T09:00:00.000Z", "deadline": "2026-03-01T09:36:00.000Z", "tasks": []}');
	t.deepEqual(loadExamInProgress(data, now), {notice: `The exam in progress (${file}) is not an exam in progress, so it was moved to ${aside}; its files are still in ${path.join(data, 'exams')}.`});
	t.deepEqual(readdirSync(data), [path.basename(aside)]);
	rmSync(aside);
	if (spawnSync('mkfifo', [file]).status === 0) {
		t.deepEqual(loadExamInProgress(data, now), {notice: `The exam in progress (${file}) is not a regular file (it is a named pipe), so it was moved to ${aside}; its files are still in ${path.join(data, 'exams')}.`});
	}

	t.deepEqual(loadExamInProgress(data, now), {}, 'none left: nothing to resume');
});
