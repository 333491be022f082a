// The proof rule by rule: the probe objects each family adds, the mistakes each one exposes,
// each direction judged on its own, and the counterexample's words.
import test from 'ava';
import {probeFamilies, withProbes} from '../source/grading/probes.js';
import {type Proof, familiesExcept, proveEquivalent} from '../source/grading/proof.js';
import {describeCounterexample, policyMeaning} from '../source/grading/grade.js';
import type {NetworkPolicy} from '../source/model/kubernetes.js';
import {cluster, namespace, parsedPolicy, pod} from './helpers/builders.js';

const shop = cluster({
	namespaces: [namespace('shop', {team: 'shop'}), namespace('monitoring', {purpose: 'monitoring'})],
	pods: [
		pod('shop/web', {app: 'web'}, {ip: '10.0.0.10', ports: [{name: 'http', port: 80}]}),
		pod('shop/api', {app: 'api', tier: 'backend'}, {ip: '10.0.0.20', ports: [{name: 'http', port: 8080}]}),
		pod('shop/db', {app: 'db'}, {ip: '10.0.0.30', ports: [{name: 'mysql', port: 3306}]}),
		pod('monitoring/prometheus', {app: 'prometheus'}, {ip: '10.0.5.10'}),
	],
});
const every = familiesExcept([]);

function dbPolicy(spec: Record<string, unknown>): NetworkPolicy {
	return parsedPolicy('shop/db-policy', {podSelector: {matchLabels: {app: 'db'}}, policyTypes: ['Ingress'], ...spec});
}

const reference = dbPolicy({ingress: [{from: [{podSelector: {matchLabels: {app: 'api'}}}], ports: [{port: 3306}]}]});

function counterexampleOf(proof: Proof): string[] {
	if (proof.isEquivalent) {
		throw new Error('expected a counterexample');
	}

	return describeCounterexample(proof.counterexample);
}

// A second policy that names the tier and team labels, so that probes change them too.
const tierAndTeam = dbPolicy({ingress: [{from: [{namespaceSelector: {matchLabels: {team: 'shop'}}, podSelector: {matchLabels: {tier: 'backend'}}}]}]});

test('each family adds its probe pods, with fresh IPs next to their pod\'s, and says what each stands for', t => {
	const {objects, probes} = withProbes(shop, [reference, tierAndTeam], every);
	const described = objects.pods.slice(shop.pods.length).map(entry => `${entry.namespace}/${entry.name} ${entry.ips.join(',')}: ${probes.get(`${entry.namespace}/${entry.name}`)!.description}`);
	t.deepEqual(described.slice(0, 6), [
		'shop/web-replica 10.0.0.11: a second replica of shop/web (same labels, another IP: 10.0.0.11)',
		'shop/api-replica 10.0.0.21: a second replica of shop/api (same labels, another IP: 10.0.0.21)',
		'shop/db-replica 10.0.0.31: a second replica of shop/db (same labels, another IP: 10.0.0.31)',
		'monitoring/prometheus-replica 10.0.5.11: a second replica of monitoring/prometheus (same labels, another IP: 10.0.5.11)',
		'shop/web-next 10.0.0.12: the next version of shop/web, with its named port http on 40000 instead of 80',
		'shop/api-next 10.0.0.22: the next version of shop/api, with its named port http on 40001 instead of 8080',
	]);
	t.true(described.includes('shop/api-tier-other 10.0.0.27: a pod like shop/api with tier=other instead of tier=backend'), described.join('\n'));
	t.true(described.includes('shop/api-without-tier 10.0.0.25: a pod like shop/api without its label tier=backend'), described.join('\n'));
	t.true(described.includes('shop-copy/api 10.0.0.29: a pod like shop/api in a new namespace shop-copy with the labels of shop'), described.join('\n'));
	t.true(described.includes('shop/web-app-api 10.0.0.16: a pod like shop/web with app=api instead of app=web'), 'a value a selector names is given to the pods without it');
	t.true(described.some(line => line.startsWith('new-namespace/monitoring-prometheus ')));
	t.deepEqual(objects.namespaces.map(entry => entry.name), ['shop', 'monitoring', 'shop-copy', 'monitoring-copy', 'shop-team-other', 'monitoring-team-shop', 'new-namespace']);
	// A pod that a label change would make like another is not probed twice.
	t.is(new Set(objects.pods.map(entry => JSON.stringify([entry.namespace, entry.labels, entry.ports]))).size, objects.pods.length - shop.pods.length);
});

test('a label no selector names changes no verdict, so no probe changes it', t => {
	const {objects} = withProbes(shop, [reference], every);
	t.false(objects.pods.some(entry => entry.name.includes('tier') || entry.namespace.includes('team')), objects.pods.map(entry => `${entry.namespace}/${entry.name}`).join(' '));
});

test('a namespace with policies but no pods gets a copy of each pod, so that its policies are judged', t => {
	const staging = parsedPolicy('staging/deny', {podSelector: {}, policyTypes: ['Ingress']});
	const {objects, probes} = withProbes(shop, [reference, staging], familiesExcept(probeFamilies.filter(family => family !== 'pods-in-empty-namespaces')));
	t.deepEqual(objects.pods.slice(shop.pods.length).map(entry => `${entry.namespace}/${entry.name}`), ['staging/shop-web', 'staging/shop-api', 'staging/shop-db', 'staging/monitoring-prometheus']);
	t.is(probes.get('staging/shop-web')?.description, 'a pod like shop/web in namespace staging, which has no pods today');
});

test('no family, no probe: the real objects alone', t => {
	const {objects, probes} = withProbes(shop, [reference], new Set());
	t.deepEqual(objects.pods, shop.pods);
	t.is(probes.size, 0);
	t.deepEqual([...familiesExcept(['replica', 'named-ports-moved'])], probeFamilies.filter(family => family !== 'replica' && family !== 'named-ports-moved'));
});

test('the reference and a rewrite of it with matchExpressions, a written protocol and its rules reordered are equivalent', t => {
	const rewrite = dbPolicy({ingress: [
		{from: [{podSelector: {matchExpressions: [{key: 'app', operator: 'In', values: ['api']}]}}], ports: [{protocol: 'TCP', port: 3306}]},
		{from: [{podSelector: {matchLabels: {app: 'api'}}}], ports: [{port: 3306}]},
	]});
	t.deepEqual(proveEquivalent(shop, [reference], [rewrite], every), {isEquivalent: true});
});

test('a port range around the port is refused with the first port it wrongly admits, and the range', t => {
	const range = dbPolicy({ingress: [{from: [{podSelector: {matchLabels: {app: 'api'}}}], ports: [{port: 3000, endPort: 4000}]}]});
	t.deepEqual(counterexampleOf(proveEquivalent(shop, [reference], [range], every)), [
		'shop/api -> shop/db TCP 3000: your policies allow it at the ingress of shop/db; the task denies it.',
		'This difference spans TCP ports 3000-3305, 3307-4000.',
		'yours: ingress allowed by shop/db-policy ingress rule #1',
		'the task\'s: NetworkPolicy \'shop/db-policy\' selects shop/db for ingress, and no rule allows from shop/api on 3000/TCP',
	]);
});

test('a port the learner knows is chosen from the range: a case\'s port first, then a familiar one', t => {
	const anyPort = dbPolicy({ingress: [{from: [{podSelector: {matchLabels: {app: 'api'}}}]}]});
	const [sentence] = counterexampleOf(proveEquivalent(shop, [reference], [anyPort], every, {ports: [{port: 33_060, protocol: 'TCP'}]}));
	t.is(sentence, 'shop/api -> shop/db TCP 33060: your policies allow it at the ingress of shop/db; the task denies it.');
	const [familiar] = counterexampleOf(proveEquivalent(shop, [reference], [anyPort], every));
	t.is(familiar, 'shop/api -> shop/db TCP 80: your policies allow it at the ingress of shop/db; the task denies it.');
});

test('a mistake in ingress is found although the source\'s egress policy denies the flow anyway', t => {
	// web may send nothing: the full flow web -> db is denied either way, but db's ingress differs.
	const webLockdown = parsedPolicy('shop/web-lockdown', {podSelector: {matchLabels: {app: 'web'}}, policyTypes: ['Egress']});
	const orTrap = dbPolicy({ingress: [{from: [{namespaceSelector: {matchLabels: {team: 'shop'}}}, {podSelector: {matchLabels: {app: 'api'}}}], ports: [{port: 3306}]}]});
	const [sentence] = counterexampleOf(proveEquivalent(shop, [webLockdown, reference], [webLockdown, orTrap], every));
	t.is(sentence, 'shop/web -> shop/db TCP 3306: your policies allow it at the ingress of shop/db; the task denies it.');
});

test('a pod pinned by its IP is refused on its second replica', t => {
	const pinned = dbPolicy({ingress: [{from: [{ipBlock: {cidr: '10.0.0.20/32'}}], ports: [{port: 3306}]}]});
	t.deepEqual(counterexampleOf(proveEquivalent(shop, [reference], [pinned], every)).slice(0, 2), [
		'shop/api-replica -> shop/db TCP 3306: your policies deny it at the ingress of shop/db; the task allows it.',
		'shop/api-replica is not in the cluster yet: it stands for a second replica of shop/api (same labels, another IP: 10.0.0.21), and a policy must hold for the pods to come.',
	]);
});

test('a number where the task names the port is refused on the next version, whose named port moved', t => {
	const named = dbPolicy({ingress: [{from: [{podSelector: {matchLabels: {app: 'api'}}}], ports: [{port: 'mysql'}]}]});
	const lines = counterexampleOf(proveEquivalent(shop, [named], [reference], every));
	t.is(lines[0], 'shop/api -> shop/db-next TCP 3306: your policies allow it at the ingress of shop/db-next; the task denies it.');
	t.is(lines[1], 'shop/db-next is not in the cluster yet: it stands for the next version of shop/db, with its named port mysql on 40002 instead of 3306, and a policy must hold for the pods to come.');
});

test('Exists where the task names a value is refused on a pod whose value changed', t => {
	const exists = dbPolicy({ingress: [{from: [{podSelector: {matchExpressions: [{key: 'tier', operator: 'Exists'}]}}], ports: [{port: 3306}]}]});
	const backend = dbPolicy({ingress: [{from: [{podSelector: {matchLabels: {tier: 'backend'}}}], ports: [{port: 3306}]}]});
	t.is(counterexampleOf(proveEquivalent(shop, [backend], [exists], every))[0], 'shop/api-tier-other -> shop/db TCP 3306: your policies allow it at the ingress of shop/db; the task denies it.');
	t.deepEqual(proveEquivalent(shop, [backend], [exists], familiesExcept(['label-value-changed'])), {isEquivalent: true}, 'the family turned off leaves the task open');
});

test('a namespace chosen by its name where the task chooses it by label is refused on a look-alike namespace', t => {
	const byLabel = dbPolicy({ingress: [{from: [{namespaceSelector: {matchLabels: {purpose: 'monitoring'}}}], ports: [{port: 3306}]}]});
	const byName = dbPolicy({ingress: [{from: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'monitoring'}}}], ports: [{port: 3306}]}]});
	t.is(counterexampleOf(proveEquivalent(shop, [byLabel], [byName], every))[0], 'monitoring-copy/prometheus -> shop/db TCP 3306: your policies deny it at the ingress of shop/db; the task allows it.');
});

test('a selector that matches any namespace is refused on a pod of another namespace that looks like the one named', t => {
	const anywhere = dbPolicy({ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: 'api'}}}], ports: [{port: 3306}]}]});
	t.is(counterexampleOf(proveEquivalent(shop, [reference], [anywhere], every))[0], 'monitoring/prometheus-app-api -> shop/db TCP 3306: your policies allow it at the ingress of shop/db; the task denies it.');
	t.is(counterexampleOf(proveEquivalent(shop, [reference], [anywhere], familiesExcept(['label-added'])))[0], 'shop-copy/api -> shop/db TCP 3306: your policies allow it at the ingress of shop/db; the task denies it.');
});

test('NotIn of a value no pod has today is refused on a pod that gets it', t => {
	const denyAll = parsedPolicy('shop/deny', {podSelector: {}, policyTypes: ['Egress']});
	const notApi = parsedPolicy('shop/deny', {podSelector: {matchExpressions: [{key: 'app', operator: 'NotIn', values: ['registry']}]}, policyTypes: ['Egress']});
	t.deepEqual(counterexampleOf(proveEquivalent(shop, [denyAll], [notApi], every)).slice(0, 2), [
		'shop/web-app-registry -> shop/api TCP 8080: your policies allow it at the egress of shop/web-app-registry; the task denies it.',
		'shop/web-app-registry is not in the cluster yet: it stands for a pod like shop/web with app=registry instead of app=web, and a policy must hold for the pods to come.',
	]);
});

test('a mistake the other side masks today says so', t => {
	const webLockdown = parsedPolicy('shop/web-lockdown', {podSelector: {matchLabels: {app: 'web'}}, policyTypes: ['Egress']});
	const everyone = dbPolicy({ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 3306}]}]});
	const lines = counterexampleOf(proveEquivalent(shop, [webLockdown, reference], [webLockdown, everyone], every));
	t.is(lines[0], 'monitoring/prometheus -> shop/db TCP 3306: your policies allow it at the ingress of shop/db; the task denies it.', 'a flow that differs end to end comes first');
	const onlyWeb = cluster({namespaces: shop.namespaces, pods: shop.pods.filter(entry => entry.name !== 'prometheus')});
	const masked = counterexampleOf(proveEquivalent(onlyWeb, [webLockdown, reference], [webLockdown, everyone], familiesExcept(probeFamilies)));
	t.deepEqual(masked.slice(0, 2), [
		'shop/web -> shop/db TCP 3306: your policies allow it at the ingress of shop/db; the task denies it.',
		'Today the whole flow gets the same verdict either way, because of the egress of shop/web; each side must still be right on its own, as the other may change.',
	]);
});

test('an outside address is named with the range of addresses the difference covers', t => {
	const egress = (except: string[]) => parsedPolicy('shop/web-egress', {podSelector: {matchLabels: {app: 'web'}}, policyTypes: ['Egress'], egress: [{to: [{ipBlock: {cidr: '0.0.0.0/0', except}}]}]});
	t.deepEqual(counterexampleOf(proveEquivalent(shop, [egress(['169.254.169.254/32'])], [egress([])], every)), [
		'shop/web -> 169.254.169.254 TCP 80: your policies allow it at the egress of shop/web; the task denies it.',
		'This difference spans TCP ports 1-65535.',
		'yours: egress allowed by shop/web-egress egress rule #1',
		'the task\'s: NetworkPolicy \'shop/web-egress\' selects shop/web for egress, and no rule allows to 169.254.169.254 on 80/TCP',
	]);
});

test('probe pods never take the address an ipBlock names next to a pod: an answer without that ipBlock fails', t => {
	const vmCluster = cluster({pods: [pod('shop/client', {app: 'client'}, {ip: '10.0.0.5'}), pod('shop/db', {app: 'db'}, {ip: '10.0.0.30'})]});
	const withVm = dbPolicy({ingress: [{from: [{podSelector: {matchLabels: {app: 'client'}}}, {ipBlock: {cidr: '10.0.0.6/32'}}], ports: [{port: 5432}]}]});
	const withoutVm = dbPolicy({ingress: [{from: [{podSelector: {matchLabels: {app: 'client'}}}], ports: [{port: 5432}]}]});
	t.is(counterexampleOf(proveEquivalent(vmCluster, [withVm], [withoutVm], every))[0], '10.0.0.6 -> shop/db TCP 5432: your policies deny it at the ingress of shop/db; the task allows it.');
	const {objects} = withProbes(vmCluster, [withVm, withoutVm], every);
	t.false(objects.pods.some(entry => entry.ips.includes('10.0.0.6')));
});

test('a policy means the same whatever the order of its labels, values and policyTypes', t => {
	const one = parsedPolicy('shop/p', {podSelector: {matchLabels: {tier: 'web', app: 'client'}, matchExpressions: [{key: 'env', operator: 'In', values: ['b', 'a']}]}, policyTypes: ['Egress', 'Ingress']});
	const other = parsedPolicy('shop/p', {podSelector: {matchLabels: {app: 'client', tier: 'web'}, matchExpressions: [{key: 'env', operator: 'In', values: ['a', 'b']}]}, policyTypes: ['Ingress', 'Egress']});
	t.is(policyMeaning(one), policyMeaning(other));
	t.not(policyMeaning(one), policyMeaning(parsedPolicy('shop/p', {podSelector: {matchLabels: {app: 'client'}}, policyTypes: ['Ingress', 'Egress']})));
});
