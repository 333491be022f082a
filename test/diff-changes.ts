// diff: the pod-to-pod flows whose verdict changes between two clusters, exact over every port.
import test from 'ava';
import type {ClusterObjects, NetworkPolicy} from '../source/model/kubernetes.js';
import {compileCluster, portRanges, verdictChanges} from '../source/evaluator/index.js';
import {addressRangeText, diffJson, diffText} from '../source/format/diff-output.js';
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
	const ranges = portRanges([dbFromApi, apiPolicy], pods);
	t.deepEqual(ranges.map(range => `${range.first}-${range.last}/${range.protocol}`), [
		'1-3305/TCP', '3306-3306/TCP', '3307-4999/TCP', '5000-5000/TCP', '5001-7999/TCP', '8000-8080/TCP', '8081-65535/TCP',
		'1-52/UDP', '53-53/UDP', '54-65535/UDP',
		'1-65535/SCTP',
	]);
	t.deepEqual(portRanges([], [], {port: 443}), [{protocol: 'TCP', first: 443, last: 443}]);
	t.deepEqual(portRanges([], [], {port: 53, protocol: 'UDP'}), [{protocol: 'UDP', first: 53, last: 53}]);
	t.deepEqual(portRanges([dbFromApi], pods, {protocol: 'SCTP'}), [{protocol: 'SCTP', first: 1, last: 65_535}]);
});

test('adding a policy closes every flow into the pods it selects but what its rules admit, from pods and from outside addresses', t => {
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
		'Flows whose verdict changes from before to after, on every port of TCP, UDP and SCTP:',
		'',
		'Closed (allowed before, denied after):',
		'  prod/web -> prod/db   every port',
		'  prod/api -> prod/db   every port except 3306/TCP',
		'  0.0.0.0/0 -> prod/db  every port',
		'  ::/0 -> prod/db       every port',
		'',
		'2 pod pairs and 2 address ranges change: 0 opened, 4 closed',
		'',
	].join('\n'));
});

test('splitting a peer into two (AND into OR) opens flows, and diff names them with their ports', t => {
	const before = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}], [port(3306), port(9100, 'TCP', 9200)])]});
	const after = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}, {podSelector: selector({app: 'web'})}], [port(3306), port(9100, 'TCP', 9200)])]});
	const diff = verdictChanges(compileCluster(shop(before)), compileCluster(shop(after)));
	t.is(diffText(diff, {}, noColors), [
		'Flows whose verdict changes from before to after, on every port of TCP, UDP and SCTP:',
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
		'Flows whose verdict changes from before to after, on 80/TCP:',
		'',
		'none: before and after decide every flow alike.',
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

// A shop with IPs, and a policy letting an office network reach prod/web on 8080.
const withIps = [
	pod('prod/web', {app: 'web'}, {ip: '10.1.0.10', ports: [{name: 'http', port: 8080}]}),
	pod('prod/api', {app: 'api'}, {ip: '10.1.0.20'}),
	pod('prod/office-proxy', {app: 'proxy'}, {ip: '10.0.0.50'}),
];
const fromOffice = (except: string[]) => policy('prod/web', {app: 'web'}, {ingress: [rule([{ipBlock: {cidr: '10.0.0.0/24', except}}], [port('http')])]});
// Policies the change does not touch, with many ports between them.
const untouched = policy('prod/api', {app: 'api'}, {ingress: [rule([], [port(80), port(443), port(5000, 'TCP', 5100), port(53, 'UDP'), port(9000, 'SCTP')])]});
const office = (except: string[]) => compileCluster(cluster({pods: withIps, policies: [untouched, fromOffice(except)]}));

test('diff compares flows from outside addresses: an except added to an ipBlock closes that range', t => {
	const diff = verdictChanges(office([]), office(['10.0.0.99/32']));
	t.is(diffText(diff, {}, noColors), [
		'Flows whose verdict changes from before to after, on every port of TCP, UDP and SCTP:',
		'',
		'Closed (allowed before, denied after):',
		'  10.0.0.99/32 -> prod/web  8080/TCP',
		'',
		'1 address range changes: 0 opened, 1 closed',
		'',
	].join('\n'));
	t.deepEqual(JSON.parse(diffJson(diff)), {
		changes: [{from: '10.0.0.99/32', to: 'prod/web', outside: 'from', protocol: 'TCP', port: 8080, before: 'allow', after: 'deny'}],
		opened: 0,
		closed: 1,
		podsOnlyBefore: [],
		podsOnlyAfter: [],
	});
});

test('diff merges neighbouring addresses into a CIDR or a first-last range, and leaves pod IPs to the pod pairs', t => {
	// The wider except takes 10.0.0.96-127 out; 10.0.0.99 was out already.
	const widened = verdictChanges(office(['10.0.0.99/32']), office(['10.0.0.96/27']));
	t.deepEqual(widened.outsideChanges.map(change => `${addressRangeText(change.addresses)} -> ${change.pod} ${change.ports.first}/${change.ports.protocol} ${change.after}`), [
		'10.0.0.96-10.0.0.98 -> prod/web 8080/TCP deny',
		'10.0.0.100-10.0.0.127 -> prod/web 8080/TCP deny',
	]);
	// 10.0.0.50 is the proxy pod's IP: taking it out is a change of a pod pair, not of an address.
	const proxy = verdictChanges(office([]), office(['10.0.0.50/32']));
	t.deepEqual(proxy.outsideChanges, []);
	t.deepEqual(proxy.changes.map(change => `${change.from} -> ${change.to} ${change.ports.first}/${change.ports.protocol} ${change.after}`), ['prod/office-proxy -> prod/web 8080/TCP deny']);
	// The whole block, with the proxy's IP inside it, still reads as one CIDR.
	const dropped = verdictChanges(office([]), compileCluster(cluster({pods: withIps, policies: [untouched, policy('prod/web', {app: 'web'}, {policyTypes: ['Ingress']})]})));
	t.deepEqual(dropped.outsideChanges.map(change => `${addressRangeText(change.addresses)} -> ${change.pod} ${change.ports.first}/${change.ports.protocol} ${change.after}`), ['10.0.0.0/24 -> prod/web 8080/TCP deny']);
});

test('diff of an egress ipBlock names the pod first and the addresses second', t => {
	const egress = (except: string[]) => compileCluster(cluster({pods: withIps, policies: [policy('prod/api', {app: 'api'}, {policyTypes: ['Egress'], egress: [rule([{ipBlock: {cidr: '0.0.0.0/0', except}}], [port(443)])]})]}));
	const diff = verdictChanges(egress(['10.0.0.0/8']), egress([]));
	t.is(diffText(diff, {port: 443}, noColors), [
		'Flows whose verdict changes from before to after, on 443/TCP:',
		'',
		'Opened (denied before, allowed after):',
		'  prod/api -> prod/web           443/TCP',
		'  prod/api -> prod/office-proxy  443/TCP',
		'  prod/api -> 10.0.0.0/8         443/TCP',
		'',
		'2 pod pairs and 1 address range change: 3 opened, 0 closed',
		'',
	].join('\n'));
});

test('diff decides only the stretches of ports where a differing policy admits something else, and nothing when no policy or pod differs', t => {
	t.is(verdictChanges(office([]), office([])).comparedRanges, 0);
	// Only 8080/TCP, the one port the changed policy names (the untouched one names nine more).
	t.is(verdictChanges(office([]), office(['10.0.0.99/32'])).comparedRanges, 1);
});

test('within a stretch of the changed policy\'s ports, the shared policies still split the changes exactly', t => {
	// The shared policy admits 80 from prod/api; the added one admits every port from everyone.
	const shared = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}], [port(80)])]});
	const everyPort = policy('prod/db-open', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}])]});
	const diff = verdictChanges(compileCluster(shop(shared)), compileCluster(shop(shared, everyPort)));
	t.is(diffText(diff, {}, noColors), [
		'Flows whose verdict changes from before to after, on every port of TCP, UDP and SCTP:',
		'',
		'Opened (denied before, allowed after):',
		'  prod/api -> prod/db  every port except 80/TCP',
		'',
		'1 pod pair changes: 1 opened, 0 closed',
		'',
	].join('\n'));
});
