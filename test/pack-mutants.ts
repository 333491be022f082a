// Near-miss mutants of a reference solution, whether they behave like it on the cluster, and how
// many of them a challenge's cases catch.
import path from 'node:path';
import test from 'ava';
import {loadPack} from '../source/commands/load-content.js';
import {caseStrength} from '../source/grading/case-strength.js';
import type {Challenge} from '../source/model/challenge.js';
import {appliedPolicies} from '../source/grading/grade.js';
import {proveEquivalent} from '../source/grading/proof.js';
import type {NetworkPolicy} from '../source/model/kubernetes.js';
import {nearMissMutants} from '../source/grading/mutants.js';
import {parsedPolicy} from './helpers/builders.js';

const packs = path.resolve(import.meta.dirname, '../../test/fixtures/packs');
const [clean] = loadPack(path.join(packs, 'clean')).challenges;
const [weak] = loadPack(path.join(packs, 'weak')).challenges;

// Whether two answers decide alike on the challenge's own pods (no probe objects), each side on its own.
function decidesAlike(challenge: Challenge, left: readonly NetworkPolicy[], right: readonly NetworkPolicy[]): boolean {
	return proveEquivalent(challenge.cluster, appliedPolicies(challenge, left), appliedPolicies(challenge, right), new Set()).isEquivalent;
}

test('each mutant changes one thing of the solution, said in words with its field path', t => {
	t.deepEqual(nearMissMutants(clean!.solution).map(mutant => mutant.description), [
		'db-policy: podSelector widened to {}',
		'db-policy: podSelector app=db broadened to app Exists',
		'db-policy: podSelector app=db broadened to app NotIn [db-old]',
		'db-policy: policyTypes: Egress added',
		'db-policy: ingress[0] dropped',
		'db-policy: ingress[0].from[0] dropped (the rule now admits every source)',
		'db-policy: ingress[0].from[0] podSelector widened to {}',
		'db-policy: ingress[0].from[0] podSelector app=api broadened to app Exists',
		'db-policy: ingress[0].from[0] podSelector app=api broadened to app NotIn [api-old]',
		'db-policy: ingress[0].ports[0] dropped (the rule now admits every port)',
		'db-policy: ingress[0].ports[0] protocol TCP changed to UDP',
		'db-policy: ingress[0].ports[0] port 5432 changed to 5433',
		'db-policy: ingress[0].ports[0] widened to every TCP port',
		'db-policy: ingress[0].ports[0] port 5432 widened to the range 5432-5532',
		'db-policy: ingress[0].ports: 8080 added beside 5432',
	]);
});

test('a peer\'s namespaceSelector can be dropped, and an except added to an ipBlock', t => {
	const solution = [parsedPolicy('prod/db', {
		podSelector: {matchLabels: {app: 'db'}},
		ingress: [{from: [{namespaceSelector: {matchLabels: {team: 'a'}}, podSelector: {matchLabels: {app: 'api'}}}, {ipBlock: {cidr: '10.1.0.0/16'}}]}],
	})];
	const descriptions = nearMissMutants(solution).map(mutant => mutant.description);
	t.true(descriptions.includes('db: ingress[0].from[0] namespaceSelector dropped (the podSelector now looks only in the policy\'s namespace)'));
	t.true(descriptions.includes('db: ingress[0].from[1] ipBlock except 10.1.128.0/17 added'));
	t.true(descriptions.includes('db: ingress[0].from[0] namespaceSelector team=a broadened to team Exists'));
});

test('a mutant is the whole submission: the other policies stay as they are', t => {
	const other = parsedPolicy('default/other', {podSelector: {}, policyTypes: ['Ingress']});
	const solution = [...clean!.solution, other];
	for (const mutant of nearMissMutants(solution).filter(mutant => mutant.description.startsWith('db-policy:'))) {
		t.is(mutant.policies.length, 2);
		t.is(mutant.policies[1], other);
	}
});

test('one peer with both selectors is split into two peers, and two such peers are merged into one', t => {
	const both = parsedPolicy('prod/db', {
		podSelector: {matchLabels: {app: 'db'}},
		ingress: [{from: [{namespaceSelector: {matchLabels: {team: 'a'}}, podSelector: {matchLabels: {app: 'api'}}}]}],
	});
	const split = nearMissMutants([both]).find(mutant => mutant.description === 'db: ingress[0].from[0] split into two peers, namespaceSelector and podSelector (either now admits)');
	t.deepEqual(split?.policies[0]?.ingress[0]?.peers, [{namespaceSelector: {matchLabels: {team: 'a'}, matchExpressions: []}}, {podSelector: {matchLabels: {app: 'api'}, matchExpressions: []}}]);
	const two = parsedPolicy('prod/db', {
		podSelector: {matchLabels: {app: 'db'}},
		ingress: [{from: [{namespaceSelector: {matchLabels: {team: 'a'}}}, {podSelector: {matchLabels: {app: 'api'}}}]}],
	});
	const merged = nearMissMutants([two]).find(mutant => mutant.description === 'db: ingress[0].from[0] and from[1] merged into one peer with both selectors (both must now match)');
	t.deepEqual(merged?.policies[0]?.ingress[0]?.peers, [{namespaceSelector: {matchLabels: {team: 'a'}, matchExpressions: []}, podSelector: {matchLabels: {app: 'api'}, matchExpressions: []}}]);
});

test('an except, an endPort and the Egress policy type can each be dropped', t => {
	const solution = [parsedPolicy('ci/egress', {
		podSelector: {matchLabels: {app: 'runner'}},
		policyTypes: ['Egress'],
		egress: [{to: [{ipBlock: {cidr: '0.0.0.0/0', except: ['169.254.169.254/32']}}], ports: [{protocol: 'UDP', port: 10_000, endPort: 20_000}]}],
	})];
	const descriptions = nearMissMutants(solution).map(mutant => mutant.description);
	t.true(descriptions.includes('egress: egress[0].to[0] ipBlock except 169.254.169.254/32 dropped'));
	t.true(descriptions.includes('egress: egress[0].ports[0] endPort 20000 dropped (only port 10000 is left)'));
	t.true(descriptions.includes('egress: egress[0].ports[0] protocol UDP changed to TCP'));
	const dropped = nearMissMutants(solution).find(mutant => mutant.description === 'egress: policyTypes removed (the API server defaults them to Ingress, Egress)');
	// policyTypes left empty default as the API server defaults them: Egress, since there are egress rules.
	t.deepEqual(dropped?.policies[0]?.policyTypes, ['Ingress', 'Egress']);
	t.false(descriptions.includes('egress: policyTypes: Ingress added'), 'the same policy as the one above, counted once');
});

test('dropping the last egress rule of a policy with defaulted policyTypes stops isolating egress', t => {
	const solution = [parsedPolicy('prod/p', {podSelector: {}, egress: [{to: [{podSelector: {}}]}]})];
	const dropped = nearMissMutants(solution).find(mutant => mutant.description === 'p: egress[0] dropped');
	t.deepEqual(dropped?.policies[0]?.policyTypes, ['Ingress']);
});

test('a change that means the same policy is no mutant: policyTypes [Ingress] written or defaulted', t => {
	const descriptions = nearMissMutants(clean!.solution).map(mutant => mutant.description);
	t.false(descriptions.includes('db-policy: policyTypes: Ingress dropped'));
});

test('a submission decides alike to itself, and unlike a mutant that lets another pod in', t => {
	t.true(decidesAlike(clean!, clean!.solution, clean!.solution));
	const widened = nearMissMutants(clean!.solution).find(mutant => mutant.description === 'db-policy: ingress[0].from[0] podSelector widened to {}')!;
	t.false(decidesAlike(clean!, clean!.solution, widened.policies));
});

test('a mutant that differs only towards an address no case names is still told apart (probe addresses)', t => {
	// from: [{namespaceSelector: {}}] admits every pod; from: [] admits outside addresses too.
	const everyPod = parsedPolicy('default/db-policy', {podSelector: {matchLabels: {app: 'db'}}, ingress: [{from: [{namespaceSelector: {}}]}]});
	const everyone = parsedPolicy('default/db-policy', {podSelector: {matchLabels: {app: 'db'}}, ingress: [{}]});
	t.false(decidesAlike(clean!, [everyPod], [everyone]));
});

test('answers that differ only just above a named port are told apart (the port after each named port is probed)', t => {
	// db's container port pg is 9000. Both admit every TCP port up to 9000; above it only the second.
	const withPg = {...clean!, cluster: {...clean!.cluster, pods: clean!.cluster.pods.map(pod => (pod.name === 'db' ? {...pod, ports: [{name: 'pg', port: 9000, protocol: 'TCP' as const}]} : pod))}};
	const upToPg = parsedPolicy('default/db-policy', {podSelector: {matchLabels: {app: 'db'}}, ingress: [{ports: [{port: 1, endPort: 8999}, {port: 'pg'}]}]});
	const everyTcpPort = parsedPolicy('default/db-policy', {podSelector: {matchLabels: {app: 'db'}}, ingress: [{ports: [{protocol: 'TCP'}]}]});
	t.false(decidesAlike(withPg, [upToPg], [everyTcpPort]));
	t.true(decidesAlike(withPg, [upToPg], [parsedPolicy('default/db-policy', {podSelector: {matchLabels: {app: 'db'}}, ingress: [{ports: [{port: 1, endPort: 9000}]}]})]));
});

test('a namespaceSelector widened in a cluster whose every pod it already matched is equivalent', t => {
	const solution = [parsedPolicy('default/db-policy', {
		podSelector: {matchLabels: {app: 'db'}},
		policyTypes: ['Ingress'],
		ingress: [{from: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'default'}}, podSelector: {matchLabels: {app: 'api'}}}]}],
	})];
	const widened = nearMissMutants(solution).find(mutant => mutant.description === 'db-policy: ingress[0].from[0] namespaceSelector widened to {}')!;
	t.true(decidesAlike(clean!, solution, widened.policies));
});

test('the proof refuses the near misses; one it accepts only because a probe family is off is a survivor', t => {
	t.deepEqual(caseStrength(weak!), {
		counted: 14,
		caught: 7,
		survivors: ['db-policy: podSelector tier=data broadened to tier Exists'],
		equivalent: [],
	});
	t.like(caseStrength(clean!), {counted: 15, caught: 14, survivors: [], equivalent: []});
	// With every probe family on, the same mutant is refused.
	const {probesOff, ...allProbes} = weak!;
	t.deepEqual(Object.keys(probesOff ?? {}), ['label-value-changed']);
	t.like(caseStrength(allProbes), {counted: 15, survivors: []});
});
