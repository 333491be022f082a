// The built-in lessons: every file passes the schema, and every "predict the verdict" page is
// answered by the evaluator as these pins say (a lesson edit that flips a verdict fails here,
// and so does an evaluator change that would make a lesson's explanation wrong).
import path from 'node:path';
import test from 'ava';
import {loadLessons} from '../source/commands/load-content.js';
import {predict} from '../source/grading/predictions.js';

const lessonsDirectory = path.resolve(import.meta.dirname, '../../lessons');
const {lessons, problems} = loadLessons(lessonsDirectory);

test('every built-in lesson loads through the schema, in the order of index.yaml', t => {
	t.deepEqual(problems, []);
	t.deepEqual(lessons.map(lesson => lesson.id), [
		'traffic-direction', 'default-allow', 'policy-anatomy', 'isolation', 'peers', 'and-or', 'ip-blocks',
		'ports', 'default-deny', 'dns-egress', 'cross-namespace', 'enforcement', 'cks-habits',
	]);
	for (const lesson of lessons) {
		t.true(lesson.pages.length >= 3 && lesson.pages.length <= 10, `${lesson.id} has ${lesson.pages.length} pages`);
		t.true(lesson.pages.some(page => page.kind === 'choice' || page.kind === 'predict'), `${lesson.id} has a checkpoint`);
	}
});

// Lesson id, page (1-based), flow, and the verdict the lesson's explanation is written for.
const pins: Array<[string, number, string, 'allow' | 'deny']> = [
	['traffic-direction', 5, 'default/web -> default/db 3306/TCP', 'deny'],
	['traffic-direction', 6, 'default/db -> default/api 5000/TCP', 'allow'],
	['default-allow', 4, 'default/web -> default/db 3306/TCP', 'allow'],
	['policy-anatomy', 6, 'default/web -> default/db 3306/TCP', 'allow'],
	['isolation', 5, 'default/web -> default/api 5000/TCP', 'allow'],
	['isolation', 6, 'default/api -> default/db 3306/TCP', 'allow'],
	['peers', 5, 'default/api -> prod/db 3306/TCP', 'deny'],
	['and-or', 5, 'ops/debug -> prod/db 3306/TCP', 'allow'],
	['and-or', 6, 'ops/debug -> prod/db 3306/TCP', 'deny'],
	['ip-blocks', 3, 'default/api -> 169.254.169.254 80/TCP', 'deny'],
	['ip-blocks', 4, 'default/api -> 169.254.169.254 80/TCP', 'allow'],
	['ports', 3, 'default/api -> default/statsd 8125/UDP', 'deny'],
	['ports', 5, 'default/web -> default/api 5000/TCP', 'allow'],
	['default-deny', 6, 'default/api -> default/db 3306/TCP', 'deny'],
	['dns-egress', 3, 'default/web -> kube-system/coredns-5d78c9869d-x7k2p 53/UDP', 'deny'],
	['dns-egress', 6, 'default/web -> kube-system/coredns-5d78c9869d-x7k2p 53/TCP', 'deny'],
	['cross-namespace', 5, 'web/frontend -> backend/api 5000/TCP', 'deny'],
	['cross-namespace', 6, 'web/frontend -> backend/api 5000/TCP', 'allow'],
	['enforcement', 6, 'default/tmp -> default/api 5000/TCP', 'deny'],
	['cks-habits', 6, 'prod/web -> prod/db 3306/TCP', 'allow'],
];

test('every predict page is pinned here, and the evaluator answers each as pinned', t => {
	const predictPages = lessons.flatMap(lesson => lesson.pages.flatMap((page, index) => (page.kind === 'predict' ? [{lesson, page, number: index + 1}] : [])));
	t.is(predictPages.length, pins.length, 'a new predict page needs a pin');
	for (const [lessonId, pageNumber, flowText, verdict] of pins) {
		const found = predictPages.find(entry => entry.lesson.id === lessonId && entry.number === pageNumber);
		if (!found || found.page.kind !== 'predict') {
			t.fail(`${lessonId} page ${pageNumber} is not a predict page`);
			continue;
		}

		const {flow} = found.page;
		t.is(`${flow.from} -> ${flow.to} ${flow.port}/${flow.protocol}`, flowText, `${lessonId} page ${pageNumber}`);
		t.is(predict(found.page).verdict, verdict, `${lessonId} page ${pageNumber}: ${flowText}`);
	}
});
