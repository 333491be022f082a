// The built-in pack proves itself on every npm test: each reference solution passes, the empty
// submission and each starter fail, every plausible wrong answer written from the task text fails
// with a counterexample (mistakes invisible in today's cluster included), and right answers
// written otherwise than the reference pass (so the task text pins what the reference pins).
import {readdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {loadClusterFiles} from '../source/content/cluster-files.js';
import {documentsOf} from '../source/content/documents.js';
import {decodeDocument} from '../source/kube/objects.js';
import type {NetworkPolicy} from '../source/model/kubernetes.js';
import type {Challenge} from '../source/model/challenge.js';
import {loadPack} from '../source/commands/load-content.js';
import {type Answer, describeCounterexample, grade, referenceAnswer} from '../source/grading/grade.js';
import {describeLabelDifference} from '../source/grading/labels.js';

const root = path.resolve(import.meta.dirname, '../..');
const answers = path.join(root, 'test/fixtures/challenge-answers');
const {pack, challenges, problems} = loadPack(path.join(root, 'challenges'));

// An answer file as `grade CHALLENGE FILE` reads it: its policies, and where the task asks for
// labels, its Namespaces and Pods as the labels it sets.
function answerIn(challenge: Challenge, file: string): {policies: NetworkPolicy[]; answer: Answer} {
	const {policies, namespaces, pods} = loadClusterFiles([file]).objects;
	return {policies: [...policies], answer: challenge.solutionRelabelling ? {relabelling: {namespaces, pods}} : {}};
}

const gradeFile = (challenge: Challenge, file: string) => {
	const {policies, answer} = answerIn(challenge, file);
	return grade(challenge, policies, answer);
};

function policiesOf(text: string): NetworkPolicy[] {
	return documentsOf(text, 'starter.yaml').flatMap(document => decodeDocument(document.value)).flatMap(result => (result.object?.kind === 'NetworkPolicy' ? [result.object.policy] : []));
}

test('the built-in pack loads whole, every challenge checked, db-policy first', t => {
	t.deepEqual(problems, []);
	t.is(pack.id, 'built-in');
	t.is(challenges[0]?.id, 'db-policy');
	t.true(challenges.length >= 28, `${challenges.length} challenges`);
	for (const challenge of challenges) {
		t.true(challenge.hints.length >= 2, `${challenge.id} has progressive hints`);
		t.true(challenge.cases.length >= 5, `${challenge.id} has enough cases`);
	}
});

for (const challenge of challenges) {
	test(`${challenge.id}: the reference solution passes and the empty submission fails`, t => {
		t.like(grade(challenge, challenge.solution, referenceAnswer(challenge)), {passed: true, failures: []});
		t.false(grade(challenge, []).passed);
		if (challenge.starter !== undefined) {
			t.false(grade(challenge, policiesOf(challenge.starter)).passed, 'the starter must not pass');
		}
	});
}

// A failed grade names a counterexample flow, in these words.
const counterexampleSentence = /^\S+ -> \S+ (TCP|UDP|SCTP) \d+: your policies (allow|deny) it at the (ingress|egress) of \S+; the task (allows|denies) it\.$/;

const labelDifferenceSentence = /^(namespace|pod) \S+ has labels \S+; the task needs \S+$/;

const answerFiles = (kind: 'right' | 'wrong', id: string) => readdirSync(path.join(answers, kind, id)).filter(name => name.endsWith('.yaml')).map(name => path.join(answers, kind, id, name));

for (const challenge of challenges) {
	const files = answerFiles('wrong', challenge.id);
	test(`${challenge.id}: every plausible wrong answer fails, with a counterexample (${files.length} answers)`, t => {
		t.true(files.length >= 6, 'at least six wrong answers');
		for (const file of files) {
			const report = gradeFile(challenge, file);
			t.false(report.passed, `${path.basename(file)} should not pass`);
			// Labels set otherwise than the task asks are named, key by key, whatever the flows do today.
			for (const difference of report.labelDifferences ?? []) {
				t.regex(describeLabelDifference(difference), labelDifferenceSentence, path.basename(file));
			}

			if (report.missingPolicies.length + report.changedPolicies.length + report.extraPolicies.length + (report.labelDifferences?.length ?? 0) === 0) {
				t.false(report.proof.isEquivalent, `${path.basename(file)}: the proof finds the difference`);
				const [sentence] = report.proof.isEquivalent ? [] : describeCounterexample(report.proof.counterexample);
				t.regex(sentence ?? '', counterexampleSentence, path.basename(file));
			}
		}
	});
}

for (const challenge of challenges) {
	const files = answerFiles('right', challenge.id);
	test(`${challenge.id}: right answers written otherwise than the reference pass (${files.length} answers)`, t => {
		t.true(files.length >= 3, 'at least three right answers');
		for (const file of files) {
			const report = gradeFile(challenge, file);
			t.true(report.passed, `${path.basename(file)} should pass: ${report.proof.isEquivalent ? '' : describeCounterexample(report.proof.counterexample).join(' ')}`);
		}
	});
}

// A second corpus, written from the task texts alone by someone who never read the references or
// the cases: the texts must pin what the references pin, so it grades as its names say.
const blind = path.join(root, 'test/fixtures/blind-answers');
for (const challenge of challenges) {
	test(`${challenge.id}: answers written from the task text alone grade as written (right pass, wrong fail)`, t => {
		const files = readdirSync(path.join(blind, challenge.id)).filter(name => name.endsWith('.yaml'));
		t.true(files.filter(name => name.startsWith('right-')).length >= 3 && files.filter(name => name.startsWith('wrong-')).length >= 4, files.join(' '));
		for (const file of files) {
			const report = gradeFile(challenge, path.join(blind, challenge.id, file));
			t.is(report.passed, file.startsWith('right-'), file);
		}
	});
}
