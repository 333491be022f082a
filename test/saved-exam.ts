// The exam in progress as read back from disk: exactly the shape the app writes, or nothing.
import test from 'ava';
import {parseSavedExam, type SavedExam} from '../source/progress/saved-exam.js';

const saved: SavedExam = {
	formatVersion: 1,
	startedAt: '2026-03-01T09:00:00.000Z',
	deadline: '2026-03-01T09:36:00.000Z',
	tasks: [{key: 'built-in/db-policy', weight: 6, file: '/data/exams/2026-03-01T09-00-00.000Z/built-in/db-policy.yaml'}],
};

test('the shape the app writes is read back as it was', t => {
	t.deepEqual(parseSavedExam(JSON.parse(JSON.stringify(saved))), saved);
});

test('anything else is not an exam in progress', t => {
	const task = saved.tasks[0]!;
	for (const value of [
		undefined,
		[],
		{...saved, formatVersion: 2},
		{...saved, extra: true},
		{...saved, startedAt: 'yesterday'},
		{...saved, deadline: '2026-03-01T08:00:00.000Z'},
		{...saved, tasks: []},
		{...saved, tasks: [{...task, weight: 0}]},
		{...saved, tasks: [{...task, key: ''}]},
		{...saved, tasks: [{...task, key: 'built-in/\u001B[2J'}]},
		{...saved, tasks: [{key: task.key, weight: task.weight}]},
	]) {
		t.is(parseSavedExam(value), undefined, JSON.stringify(value));
	}
});
