// Each lint with a case that fires and one that does not; messages asserted exactly.
import test from 'ava';
import type {ClusterObjects, NetworkPolicy, Pod} from '../source/model/kubernetes.js';
import {type LintCode, lintPolicies} from '../source/grading/lint.js';
import {cluster, namespace, parsedPolicy, pod, policy, port, rule, selector} from './helpers/builders.js';

const pods: Pod[] = [
	pod('prod/web', {app: 'web'}, {ip: '10.0.1.10'}),
	pod('prod/db', {app: 'db'}, {ip: '10.0.1.30'}),
	pod('kube-system/coredns', {'k8s-app': 'kube-dns'}, {ip: '10.0.9.10', ports: [{name: 'dns', port: 53, protocol: 'UDP'}, {name: 'dns-tcp', port: 53}]}),
];
const world = (...policies: NetworkPolicy[]): ClusterObjects => cluster({namespaces: [namespace('prod'), namespace('monitoring', {purpose: 'monitoring'})], pods, policies});

/** The warnings of one code, as `field: message`. */
function warnings(objects: ClusterObjects, code: LintCode, written: readonly unknown[] = []): string[] {
	return lintPolicies(objects, written).warnings
		.filter(warning => warning.code === code)
		.map(warning => `${objects.policies[warning.policy]!.name} ${warning.path.join('.')}: ${warning.message}`);
}

const dbFromWeb = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'web'})}], [port(3306)])]});

test('a policy that selects no pod of its namespace, with a near miss among the labels', t => {
	const typo = policy('prod/db', {app: 'dbb'}, {ingress: [rule()]});
	t.deepEqual(warnings(world(typo), 'selects-no-pod'), [
		'db spec.podSelector: app=dbb selects none of the 2 pods in namespace prod (did you mean app=db?), so this policy has no effect (kubectl get pods -n prod --show-labels)',
	]);
	t.deepEqual(warnings(world(dbFromWeb), 'selects-no-pod'), []);
});

test('a policy in a namespace that has no pods', t => {
	const misspelt = policy('prd/db', {app: 'db'}, {ingress: [rule()]});
	t.deepEqual(warnings(world(misspelt), 'namespace-without-pods'), [
		'db metadata.namespace: namespace "prd" has no pods in the files (did you mean prod?), so this policy selects nothing; a policy applies only to pods of its own namespace',
	]);
	t.deepEqual(warnings(world(misspelt), 'selects-no-pod'), [], 'said once, as the namespace');
	t.deepEqual(warnings(world(dbFromWeb), 'namespace-without-pods'), []);
});

test('a namespaceSelector peer next to a podSelector peer: OR where AND was likely meant', t => {
	const split = policy('prod/db', {app: 'db'}, {ingress: [rule([{namespaceSelector: selector({purpose: 'monitoring'})}, {podSelector: selector({app: 'prometheus'})}], [port(9100)])]});
	t.deepEqual(warnings(world(split), 'or-instead-of-and'), [
		'db spec.ingress.0.from.1: peers 1 and 2 are separate, so either admits (OR): every pod in namespaces purpose=monitoring, and pods app=prometheus in prod. For pods app=prometheus in namespaces purpose=monitoring (AND), write both selectors in one peer: remove the dash before the second selector',
	]);
	const joined = policy('prod/db', {app: 'db'}, {ingress: [rule([{namespaceSelector: selector({purpose: 'monitoring'}), podSelector: selector({app: 'prometheus'})}], [port(9100)])]});
	t.deepEqual(warnings(world(joined), 'or-instead-of-and'), []);
	const twoPods = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'web'})}, {podSelector: selector({app: 'api'})}])]});
	t.deepEqual(warnings(world(twoPods), 'or-instead-of-and'), []);
});

test('an egress-isolating policy without DNS to port 53, UDP and TCP', t => {
	const denyEgress = policy('prod/deny-egress', {}, {policyTypes: ['Egress']});
	t.deepEqual(warnings(world(denyEgress), 'no-dns-egress'), [
		'deny-egress spec.policyTypes.0: isolates egress, and no egress rule allows DNS (port 53, UDP and TCP), so the pods it selects cannot resolve names: add an egress rule to port 53 over UDP and TCP (kube-dns, in kube-system)',
	]);
	const udpOnly = policy('prod/web-out', {app: 'web'}, {egress: [rule([{namespaceSelector: selector()}], [port(53, 'UDP')])]});
	t.deepEqual(warnings(world(udpOnly), 'no-dns-egress'), [
		'web-out spec.egress: isolates egress, and allows DNS over UDP but not over TCP port 53: answers too large for UDP are retried over TCP and fail; add port 53 with protocol: TCP',
	]);
	const allowDns = policy('prod/allow-dns', {}, {policyTypes: ['Egress'], egress: [rule([{namespaceSelector: selector()}], [port(53, 'UDP'), port(53)])]});
	t.deepEqual(warnings(world(denyEgress, allowDns), 'no-dns-egress'), [], 'another policy selecting the same pods allows DNS');
	const named = policy('prod/web-out', {app: 'web'}, {egress: [rule([], [port('dns', 'UDP'), port('dns-tcp')])]});
	t.deepEqual(warnings(world(named), 'no-dns-egress'), [], 'named ports that resolve to 53');
	t.deepEqual(warnings(world(dbFromWeb), 'no-dns-egress'), [], 'an ingress-only policy');
});

test('DNS to a podSelector alone in another namespace than kube-system reaches no DNS pod, with or without ports', t => {
	const dnsPeer = {podSelector: selector({'k8s-app': 'kube-dns'})};
	const local = policy('prod/web-out', {app: 'web'}, {policyTypes: ['Egress'], egress: [rule([dnsPeer], [port(53, 'UDP'), port(53)])]});
	t.deepEqual(warnings(world(local), 'no-dns-egress'), [
		'web-out spec.policyTypes.0: isolates egress, and the egress rules to port 53 do not reach the DNS pods (kube-system/coredns): a podSelector alone looks only in the policy\'s own namespace, prod, so the pods it selects cannot resolve names. Add a namespaceSelector for kube-system to that peer, beside its podSelector',
	]);
	t.deepEqual(warnings({...world(local), pods: []}, 'no-dns-egress'), [
		'web-out spec.policyTypes.0: isolates egress, and the egress rules to port 53 do not reach the cluster\'s DNS (kube-dns, in kube-system): a podSelector alone looks only in the policy\'s own namespace, prod, so the pods it selects cannot resolve names. Add a namespaceSelector for kube-system to that peer, beside its podSelector',
	], 'without pods, by the peer alone');
	const kubeSystem = {namespaceSelector: selector({'kubernetes.io/metadata.name': 'kube-system'}), podSelector: selector({'k8s-app': 'kube-dns'})};
	const fixed = policy('prod/web-out', {app: 'web'}, {policyTypes: ['Egress'], egress: [rule([kubeSystem], [port(53, 'UDP'), port(53)])]});
	t.deepEqual(warnings(world(fixed), 'no-dns-egress'), []);
	t.deepEqual(warnings({...world(fixed), pods: []}, 'no-dns-egress'), []);
	const inKubeSystem = policy('kube-system/coredns-out', {'k8s-app': 'kube-dns'}, {policyTypes: ['Egress'], egress: [rule([dnsPeer], [port(53, 'UDP'), port(53)]), rule([], [port(443)])]});
	t.deepEqual(warnings(world(inKubeSystem), 'no-dns-egress'), [], 'in kube-system the podSelector finds the DNS pods');
	t.deepEqual(warnings({...world(inKubeSystem), pods: []}, 'no-dns-egress'), []);
});

test('with pods, a namespaceSelector peer to port 53 must match the DNS pods\' namespace', t => {
	const monitoring = policy('prod/web-out', {app: 'web'}, {policyTypes: ['Egress'], egress: [rule([{namespaceSelector: selector({purpose: 'monitoring'})}], [port(53, 'UDP'), port(53)])]});
	t.deepEqual(warnings(world(monitoring), 'no-dns-egress'), [
		'web-out spec.policyTypes.0: isolates egress, and the egress rules to port 53 do not reach the DNS pods (kube-system/coredns), so the pods it selects cannot resolve names: select them in the peer (namespaceSelector for kube-system and podSelector k8s-app=kube-dns, in one peer)',
	]);
	t.deepEqual(warnings({...world(monitoring), pods: []}, 'no-dns-egress'), [], 'without pods, a namespaceSelector may be the DNS\'s');
	const toAddress = policy('prod/web-out', {app: 'web'}, {policyTypes: ['Egress'], egress: [rule([{ipBlock: {cidr: '169.254.20.10/32', except: []}}], [port(53, 'UDP'), port(53)])]});
	t.deepEqual(warnings(world(toAddress), 'no-dns-egress'), [], 'an address may be a node-local DNS cache');
});

test('without pods, the DNS check counts the policies that surely select the same pods', t => {
	const objects = {...world(policy('prod/deny-egress', {}, {policyTypes: ['Egress']}), policy('prod/allow-dns', {}, {policyTypes: ['Egress'], egress: [rule([], [port(53, 'UDP'), port(53)])]})), pods: []};
	t.deepEqual(warnings(objects, 'no-dns-egress'), []);
	t.false(lintPolicies(objects).hasCheckedPods);
});

test('a port without protocol on a UDP service: it means TCP', t => {
	const spec = {podSelector: {}, policyTypes: ['Egress'], egress: [{ports: [{port: 53}, {port: 123}, {port: 53, protocol: 'TCP'}]}]};
	const written = [{spec}];
	t.deepEqual(warnings(world(parsedPolicy('prod/egress', spec)), 'port-without-protocol', written), [
		'egress spec.egress.0.ports.0.port: port 53 has no protocol, so it means TCP only; 53 is DNS, which is UDP: add protocol: UDP (and keep a TCP entry: DNS uses both)',
		'egress spec.egress.0.ports.1.port: port 123 has no protocol, so it means TCP only; 123 is NTP, which is UDP: add protocol: UDP',
	]);
	const withUdp = {podSelector: {}, policyTypes: ['Egress'], egress: [{ports: [{port: 53}, {port: 53, protocol: 'UDP'}, {port: 443}]}]};
	t.deepEqual(warnings(world(parsedPolicy('prod/egress', withUdp)), 'port-without-protocol', [{spec: withUdp}]), []);
});

test('an ipBlock that covers pod IPs', t => {
	const wide = policy('prod/db', {app: 'db'}, {ingress: [rule([{ipBlock: {cidr: '10.0.0.0/16', except: []}}])]});
	t.deepEqual(warnings(world(wide), 'ip-block-covers-pods'), [
		'db spec.ingress.0.from.0.ipBlock.cidr: ipBlock 10.0.0.0/16 covers the IPs of 3 pods (prod/web, prod/db, kube-system/coredns). Pod IPs change as pods come and go, and network plugins differ on ipBlock for pod traffic: select pods with podSelector or namespaceSelector, and leave the pod network out with except',
	]);
	const outsideOnly = policy('prod/db', {app: 'db'}, {ingress: [rule([{ipBlock: {cidr: '0.0.0.0/0', except: ['10.0.0.0/8']}}])]});
	t.deepEqual(warnings(world(outsideOnly), 'ip-block-covers-pods'), []);
});

test('policyTypes listing a direction with no rules, beside rules for the other: deny all, intended?', t => {
	const both = policy('prod/db', {app: 'db'}, {policyTypes: ['Ingress', 'Egress'], ingress: [rule([{podSelector: selector({app: 'web'})}])]});
	t.deepEqual(warnings(world(both), 'direction-without-rules'), [
		'db spec.policyTypes.1: lists Egress but the policy has no egress rules, so it denies all egress of the pods it selects (their DNS lookups too). Intended? If not, remove Egress from policyTypes or add egress rules',
	]);
	const denyAll = policy('prod/deny-all', {}, {policyTypes: ['Ingress', 'Egress']});
	t.deepEqual(warnings(world(denyAll), 'direction-without-rules'), [], 'a policy with no rules at all is a deliberate deny-all');
	t.deepEqual(warnings(world(dbFromWeb), 'direction-without-rules'), []);
});

test('rules for a direction that policyTypes leaves out are ignored', t => {
	const ignored = policy('prod/web', {app: 'web'}, {policyTypes: ['Ingress'], ingress: [rule()], egress: [rule([], [port(443)])]});
	t.deepEqual(warnings(world(ignored), 'ignored-rules'), [
		'web spec.egress: 1 egress rule is ignored: policyTypes does not list Egress; add Egress to policyTypes',
	]);
	t.deepEqual(warnings(world(dbFromWeb), 'ignored-rules'), []);
});

test('a clean cluster has no warnings; without pods the pod checks are skipped, not failed', t => {
	const allowDns = policy('prod/allow-dns', {}, {policyTypes: ['Egress'], egress: [rule([{namespaceSelector: selector()}], [port(53, 'UDP'), port(53)])]});
	t.deepEqual(lintPolicies(world(dbFromWeb, allowDns)).warnings, []);
	const typo = policy('prod/db', {app: 'dbb'}, {ingress: [rule()]});
	t.deepEqual(lintPolicies({...world(typo), pods: []}), {warnings: [], hasCheckedPods: false});
});
