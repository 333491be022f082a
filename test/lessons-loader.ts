// Lessons are data checked when loaded: a bad lesson is reported by file and line, and the rest load.
import path from 'node:path';
import test from 'ava';
import {loadLessons} from '../source/commands/load-content.js';
import {checkpointPages} from '../source/model/lesson.js';

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures/lessons');

test('a good lesson loads with every page kind, its text cleaned of control sequences', t => {
	const {lessons} = loadLessons(fixtures);
	const [good] = lessons;
	t.is(lessons.length, 1);
	t.is(good?.id, 'good');
	t.is(good?.title, 'A good lesson with colour');
	t.deepEqual(good?.pages.map(page => page.kind), ['text', 'example', 'diagram', 'choice', 'predict']);
	t.deepEqual(checkpointPages(good!), [3, 4]);
	const predict = good!.pages[4]!;
	t.is(predict.kind, 'predict');
	if (predict.kind === 'predict') {
		t.is(predict.cluster.pods.length, 2);
		t.deepEqual(predict.flow, {from: 'default/web', to: 'default/db', port: 3306, protocol: 'TCP'});
	}
});

test('a bad lesson and a missing one are reported by file and line; the others still load', t => {
	const {problems} = loadLessons(fixtures);
	t.deepEqual(problems.map(problem => `${path.basename(problem.file)}:${problem.line ?? ''}: ${problem.message}`), [
		'bad-answer.yaml:8: pages[0].answer: 2 is not the index of one of the 2 choices (at least 2; the first is 0)',
		'missing-file.yaml:: no such file',
	]);
});
