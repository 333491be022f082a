// diff: the pod-to-pod flows whose verdict changes between two clusters, exact over every port.
import test from 'ava';
import type {ClusterObjects, NetworkPolicy} from '../source/kube/types.js';
import {compileCluster} from '../source/evaluator/index.js';
import {portRanges, verdictChanges} from '../source/evaluator/diff.js';
import {diffJson, diffText} from '../source/format/diff-output.js';
import {noColors} from '../source/format/color.js';
import {cluster, pod, policy, port, rule, selector} from './helpers/builders.js';

const pods = [
	pod('prod/web', {app: 'web'}),
	pod('prod/api', {app: 'api'}, {ports: [{name: 'http', port: 5000}]}),
	pod('prod/db', {app: 'db'}),
];
const shop = (...policies: NetworkPolicy[]): ClusterObjects => cluster({pods, policies});
const dbFromApi = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}], [port(3306)])]});

test('portRanges splits the ports where some policy\'s entry starts or ends, and at each number a named port resolves to', t => {
	const apiPolicy = policy('prod/api', {app: 'api'}, {ingress: [rule([], [port(8000, 'TCP', 8080), port('http'), port(53, 'UDP')])]});
	const ranges = portRanges([compileCluster(shop(dbFromApi)), compileCluster(shop(apiPolicy))]);
	t.deepEqual(ranges.map(range => `${range.first}-${range.last}/${range.protocol}`), [
		'1-3305/TCP', '3306-3306/TCP', '3307-4999/TCP', '5000-5000/TCP', '5001-7999/TCP', '8000-8080/TCP', '8081-65535/TCP',
		'1-52/UDP', '53-53/UDP', '54-65535/UDP',
		'1-65535/SCTP',
	]);
	t.deepEqual(portRanges([], {port: 443}), [{protocol: 'TCP', first: 443, last: 443}]);
	t.deepEqual(portRanges([], {port: 53, protocol: 'UDP'}), [{protocol: 'UDP', first: 53, last: 53}]);
	t.deepEqual(portRanges([compileCluster(shop(dbFromApi))], {protocol: 'SCTP'}), [{protocol: 'SCTP', first: 1, last: 65_535}]);
});

test('adding a policy closes every flow into the pods it selects but what its rules admit', t => {
	const diff = verdictChanges(compileCluster(shop()), compileCluster(shop(dbFromApi)));
	t.deepEqual(diff.changes.map(change => `${change.from} -> ${change.to} ${change.ports.first}-${change.ports.last}/${change.ports.protocol} ${change.before}->${change.after}`), [
		'prod/web -> prod/db 1-65535/TCP allow->deny',
		'prod/web -> prod/db 1-65535/UDP allow->deny',
		'prod/web -> prod/db 1-65535/SCTP allow->deny',
		'prod/api -> prod/db 1-3305/TCP allow->deny',
		'prod/api -> prod/db 3307-65535/TCP allow->deny',
		'prod/api -> prod/db 1-65535/UDP allow->deny',
		'prod/api -> prod/db 1-65535/SCTP allow->deny',
	]);
	t.is(diffText(diff, {}, noColors), [
		'Pod-to-pod flows whose verdict changes from before to after, on every port of TCP, UDP and SCTP:',
		'',
		'Closed (allowed before, denied after):',
		'  prod/web -> prod/db  every port',
		'  prod/api -> prod/db  every port except 3306/TCP',
		'',
		'2 pod pairs change: 0 opened, 2 closed',
		'',
	].join('\n'));
});

test('splitting a peer into two (AND into OR) opens flows, and diff names them with their ports', t => {
	const before = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}], [port(3306), port(9100, 'TCP', 9200)])]});
	const after = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}, {podSelector: selector({app: 'web'})}], [port(3306), port(9100, 'TCP', 9200)])]});
	const diff = verdictChanges(compileCluster(shop(before)), compileCluster(shop(after)));
	t.is(diffText(diff, {}, noColors), [
		'Pod-to-pod flows whose verdict changes from before to after, on every port of TCP, UDP and SCTP:',
		'',
		'Opened (denied before, allowed after):',
		'  prod/web -> prod/db  3306/TCP, 9100-9200/TCP',
		'',
		'1 pod pair changes: 1 opened, 0 closed',
		'',
	].join('\n'));
	t.deepEqual(JSON.parse(diffJson(diff)), {
		changes: [
			{from: 'prod/web', to: 'prod/db', protocol: 'TCP', port: 3306, before: 'deny', after: 'allow'},
			{from: 'prod/web', to: 'prod/db', protocol: 'TCP', port: 9100, endPort: 9200, before: 'deny', after: 'allow'},
		],
		opened: 2,
		closed: 0,
		podsOnlyBefore: [],
		podsOnlyAfter: [],
	});
});

test('one port only (--port), and no change at all', t => {
	const diff = verdictChanges(compileCluster(shop()), compileCluster(shop(dbFromApi)), {port: 3306});
	t.deepEqual(diff.changes.map(change => `${change.from} -> ${change.to}`), ['prod/web -> prod/db']);
	t.is(diffText(verdictChanges(compileCluster(shop(dbFromApi)), compileCluster(shop(dbFromApi))), {port: 80}, noColors), [
		'Pod-to-pod flows whose verdict changes from before to after, on 80/TCP:',
		'',
		'none: before and after decide every pod pair alike.',
		'',
	].join('\n'));
});

test('pods in one cluster only are listed, not compared', t => {
	const after = cluster({pods: [...pods.slice(0, 2), pod('prod/cache')], policies: []});
	const diff = verdictChanges(compileCluster(shop()), compileCluster(after));
	t.deepEqual(diff.onlyBefore, ['prod/db']);
	t.deepEqual(diff.onlyAfter, ['prod/cache']);
	t.deepEqual(diff.changes, []);
});

test('a pod whose labels change is compared under its new labels', t => {
	const relabelled = cluster({pods: [pod('prod/web', {app: 'api'}), ...pods.slice(1)], policies: [dbFromApi]});
	const diff = verdictChanges(compileCluster(shop(dbFromApi)), compileCluster(relabelled), {port: 3306});
	t.deepEqual(diff.changes.map(change => `${change.from} -> ${change.to} ${change.after}`), ['prod/web -> prod/db allow']);
});
