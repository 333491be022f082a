// The built-in pack proves itself on every npm test: each reference solution passes its cases,
// each usual wrong answer fails at least one, the empty submission and each starter fail, and
// other right answers pass too (so the cases do not insist on one way of writing it).
import {readdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {loadClusterFiles} from '../source/content/cluster-files.js';
import {documentsOf} from '../source/content/documents.js';
import {decodeDocument} from '../source/kube/objects.js';
import type {NetworkPolicy} from '../source/kube/types.js';
import {loadPack} from '../source/content/pack.js';
import {grade} from '../source/grading/grade.js';

const root = path.resolve(import.meta.dirname, '../..');
const answers = path.join(root, 'test/fixtures/challenge-answers');
const {pack, challenges, problems} = loadPack(path.join(root, 'challenges'));
const policiesIn = (file: string) => loadClusterFiles([file]).objects.policies;

function policiesOf(text: string): NetworkPolicy[] {
	return documentsOf(text, 'starter.yaml').flatMap(document => decodeDocument(document.value)).flatMap(result => (result.object?.kind === 'NetworkPolicy' ? [result.object.policy] : []));
}

test('the built-in pack loads whole, every challenge checked, db-policy first', t => {
	t.deepEqual(problems, []);
	t.is(pack.id, 'built-in');
	t.is(challenges[0]?.id, 'db-policy');
	t.true(challenges.length >= 24, `${challenges.length} challenges`);
	for (const challenge of challenges) {
		t.true(challenge.hints.length >= 2, `${challenge.id} has progressive hints`);
		t.true(challenge.cases.length >= 5, `${challenge.id} has enough cases`);
	}
});

for (const challenge of challenges) {
	test(`${challenge.id}: the reference solution passes and the empty submission fails`, t => {
		t.like(grade(challenge, challenge.solution), {passed: true, failures: []});
		t.false(grade(challenge, []).passed);
		if (challenge.starter !== undefined) {
			t.false(grade(challenge, policiesOf(challenge.starter)).passed, 'the starter must not pass');
		}
	});
}

for (const challenge of challenges) {
	const folder = path.join(answers, 'wrong', challenge.id);
	const files = readdirSync(folder).filter(name => name.endsWith('.yaml'));
	test(`${challenge.id}: every usual wrong answer fails a case (${files.length} answers)`, t => {
		t.true(files.length >= 3, 'at least three wrong answers');
		for (const file of files) {
			const report = grade(challenge, policiesIn(path.join(folder, file)));
			t.false(report.passed, `${file} should not pass`);
		}
	});
}

test('other right answers pass: omitted protocol, named ports, metadata-name selectors and the like', t => {
	for (const file of readdirSync(path.join(answers, 'right'))) {
		const challenge = challenges.find(candidate => `${candidate.id}.yaml` === file);
		t.truthy(challenge, file);
		t.true(grade(challenge!, policiesIn(path.join(answers, 'right', file))).passed, file);
	}
});
