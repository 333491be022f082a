// Loading a pack and grading submissions against its hidden cases.
import path from 'node:path';
import test from 'ava';
import {loadClusterFiles} from '../source/content/cluster-files.js';
import {loadPack} from '../source/commands/load-content.js';
import {appliedPolicies, describeFailure, grade} from '../source/grading/grade.js';

const packs = path.resolve(import.meta.dirname, '../../test/fixtures/packs');
const {challenges, problems} = loadPack(path.join(packs, 'good'));
const dbPolicy = challenges.find(challenge => challenge.id === 'db-policy')!;
const answer = (name: string) => loadClusterFiles([path.join(packs, 'answers', name)]).objects.policies;

test('the fixture pack loads with its challenge checked and cleaned', t => {
	t.deepEqual(problems, []);
	t.is(dbPolicy.title, 'Only the API may reach the database');
	t.deepEqual(dbPolicy.policies, [{name: 'db-policy', namespace: 'default'}]);
	t.is(dbPolicy.cases.length, 6);
	t.is(dbPolicy.hints.length, 2);
});

test('the reference solution passes every case', t => {
	const report = grade(dbPolicy, dbPolicy.solution);
	t.like(report, {passed: true, score: 1, cases: {total: 6, passed: 6}, missingPolicies: [], failures: []});
});

test('the empty submission fails: nothing isolates the database', t => {
	const report = grade(dbPolicy, []);
	t.false(report.passed);
	t.deepEqual(report.missingPolicies, [{name: 'db-policy', namespace: 'default'}]);
	t.true(report.failures.length > 0);
});

test('a policy that lets any pod in fails the case that tells it apart, named in words with the reason', t => {
	const report = grade(dbPolicy, answer('db-policy-any-pod.yaml'));
	t.like(report, {passed: false, cases: {total: 6, passed: 5}});
	t.is(describeFailure(report.failures[0]!), 'default/web -> default/db TCP 3306 should be denied; your policies allow it');
	t.is(report.failures[0]!.reason, 'no policy selects default/web for egress; ingress allowed by default/db-policy ingress rule #1');
});

test('the right rules under the wrong name do not pass: the task asks for db-policy', t => {
	const report = grade(dbPolicy, answer('db-policy-wrong-name.yaml'));
	t.like(report, {passed: false, cases: {total: 6, passed: 6}});
	t.deepEqual(report.missingPolicies, [{name: 'db-policy', namespace: 'default'}]);
});

test('a submitted policy replaces a cluster policy of the same namespace and name, as kubectl apply does', t => {
	const broken = {...dbPolicy.solution[0]!, ingress: []};
	const withBroken = {...dbPolicy, cluster: {...dbPolicy.cluster, policies: [broken]}};
	t.deepEqual(appliedPolicies(withBroken, dbPolicy.solution), dbPolicy.solution);
	t.true(grade(withBroken, dbPolicy.solution).passed);
	t.false(grade(withBroken, []).passed);
});

test('a broken challenge is reported by file and line, and the rest of the pack still loads', t => {
	const loaded = loadPack(path.join(packs, 'broken'));
	t.deepEqual(loaded.challenges.map(challenge => challenge.id), ['db-policy']);
	t.deepEqual(loaded.problems.map(problem => `${path.relative(path.join(packs, 'broken'), problem.file)}:${problem.line ?? ''}: ${problem.message}`), [
		'bad-difficulty/challenge.yaml:2: difficulty: Unsupported value: "impossible": supported values: "easy", "medium", "hard"',
		'no-expect/cases.yaml:2: flows[0]: Required value: expect (allow or deny); every hidden case needs one',
	]);
});
