import test from 'ava';
import {compileCluster, decide, isAllowed, referenceVerdict} from '../source/evaluator/index.js';
import {cluster, flow, pod, policy, port, rule, selector, verdictOf} from './helpers/builders.js';

const threeTier = (policies = [policy('default/db-policy', {role: 'db'}, {ingress: [rule([{podSelector: selector({name: 'api-pod'})}], [port(3306)])]})]) => cluster({
	pods: [
		pod('default/web', {name: 'web-pod'}, {ip: '10.0.0.10'}),
		pod('default/api', {name: 'api-pod'}, {ip: '10.0.0.20'}),
		pod('default/db', {role: 'db'}, {ip: '10.0.0.30'}),
	],
	policies,
});

test('a pod no policy selects accepts everything (default allow-all)', t => {
	const {verdict, reference} = verdictOf(threeTier([]), 'default/web', 'default/db', 3306);
	t.is(verdict, 'allow');
	t.is(reference, 'allow');
});

test('the db-policy admits the api on TCP 3306', t => {
	const {verdict, decision} = verdictOf(threeTier(), 'default/api', 'default/db', 3306);
	t.is(verdict, 'allow');
	t.deepEqual(decision.ingress, {kind: 'allowed', isolatedBy: ['default/db-policy'], allowedBy: [{policy: 'default/db-policy', direction: 'ingress', rule: 0, peer: 0, port: 0}]});
	t.deepEqual(decision.egress, {kind: 'not-isolated'});
});

test('the db-policy denies the web pod', t => {
	const {verdict, reference, decision} = verdictOf(threeTier(), 'default/web', 'default/db', 3306);
	t.is(verdict, 'deny');
	t.is(reference, 'deny');
	t.deepEqual(decision.ingress, {kind: 'denied', isolatedBy: ['default/db-policy']});
});

test('a port name two containers give different numbers admits both numbers (each container port counts)', t => {
	const objects = cluster({
		pods: [
			pod('default/client', {app: 'client'}),
			pod('default/server', {app: 'server'}, {ports: [{name: 'http', port: 80}, {name: 'http', port: 8080}]}),
		],
		policies: [policy('default/server-policy', {app: 'server'}, {ingress: [rule([], [port('http')])]})],
	});
	const compiled = compileCluster(objects);
	for (const [portNumber, expected] of [[80, 'allow'], [8080, 'allow'], [81, 'deny']] as const) {
		const tested = flow(compiled, 'default/client', 'default/server', portNumber);
		t.is(decide(compiled, tested).verdict, expected, `decide, port ${portNumber}`);
		t.is(isAllowed(compiled, tested) ? 'allow' : 'deny', expected, `isAllowed, port ${portNumber}`);
		t.is(referenceVerdict(objects, tested), expected, `reference, port ${portNumber}`);
	}
});
