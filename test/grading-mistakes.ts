// Each classic mistake with a submission that shows it and one that does not.
import test from 'ava';
import {recognizeMistakes} from '../source/grading/mistakes.js';
import type {NetworkPolicy, Peer} from '../source/model/kubernetes.js';
import {cluster, pod, policy, port, rule, selector} from './helpers/builders.js';

const objects = cluster({pods: [pod('shop/web', {app: 'web'}), pod('shop/db', {app: 'db'}), pod('backend/api', {app: 'api'})]});
const required = [{name: 'db-policy', namespace: 'shop'}];
const notes = (submission: NetworkPolicy[], denied: Array<{port: number; protocol: string; from?: string}> = []) => recognizeMistakes(submission, objects, required, denied);
const ingressFrom = (...peers: Peer[]) => policy('shop/db-policy', {app: 'db'}, {ingress: [rule(peers, [port(5432)])]});

test('namespaceSelector: {} matches every namespace', t => {
	t.deepEqual(notes([ingressFrom({namespaceSelector: selector()})]), ['shop/db-policy: namespaceSelector: {} matches every namespace, so that peer admits every pod in the cluster.']);
	t.deepEqual(notes([ingressFrom({namespaceSelector: selector({team: 'a'})})]), []);
});

test('a namespaceSelector and a podSelector in separate peers is an OR', t => {
	t.deepEqual(notes([ingressFrom({namespaceSelector: selector({team: 'a'})}, {podSelector: selector({app: 'web'})})]), [
		'shop/db-policy: spec.ingress[0].from[1]: peers 1 and 2 are separate, so either admits (OR): every pod in namespaces team=a, and pods app=web in shop. For pods app=web in namespaces team=a (AND), write both selectors in one peer: remove the dash before the second selector',
	]);
	t.deepEqual(notes([ingressFrom({namespaceSelector: selector({team: 'a'}), podSelector: selector({app: 'web'})})]), []);
});

test('a podSelector peer looks only in the policy\'s namespace', t => {
	t.deepEqual(notes([ingressFrom({podSelector: selector({app: 'api'})})]), [
		'shop/db-policy: a podSelector peer only looks in the policy\'s own namespace (shop); the pods it names are in backend: add a namespaceSelector to the same peer.',
	]);
	t.deepEqual(notes([ingressFrom({podSelector: selector({app: 'web'})})]), []);
});

test('egress rules without Egress in policyTypes are ignored', t => {
	const withEgress = policy('shop/db-policy', {app: 'db'}, {policyTypes: ['Ingress'], egress: [rule([], [port(53, 'UDP')])]});
	t.deepEqual(notes([withEgress]), ['shop/db-policy: spec.egress: 1 egress rule is ignored: policyTypes does not list Egress; add Egress to policyTypes']);
	t.deepEqual(notes([policy('shop/db-policy', {app: 'db'}, {egress: [rule([], [port(53, 'UDP')])]})]), []);
});

test('an egress lockdown without port 53 cuts DNS, said only when a DNS case from a pod it selects was denied', t => {
	const lockdown = policy('shop/db-policy', {app: 'db'}, {policyTypes: ['Egress']});
	const [note] = notes([lockdown], [{port: 53, protocol: 'UDP', from: 'shop/db'}]);
	t.regex(note ?? '', /^shop\/db-policy: spec\.policyTypes\[0\]: .*DNS/);
	t.deepEqual(notes([lockdown], [{port: 443, protocol: 'TCP', from: 'shop/db'}]), []);
	t.deepEqual(notes([lockdown], [{port: 53, protocol: 'UDP', from: 'shop/web'}]), [], 'web is not selected');
});

test('DNS allowed by another policy that selects the same pods is not called cut (the lint reads every policy)', t => {
	const lockdown = policy('shop/db-policy', {app: 'db'}, {policyTypes: ['Egress']});
	const dns = policy('shop/allow-dns', {}, {policyTypes: ['Egress'], egress: [rule([], [port(53, 'UDP'), port(53)])]});
	t.deepEqual(recognizeMistakes([lockdown, dns], objects, [...required, {name: 'allow-dns', namespace: 'shop'}], [{port: 8080, protocol: 'TCP', from: 'shop/db', to: 'backend/api'}]), []);
});

test('a port entry of TCP (written or defaulted) is said when a UDP case on that port was denied', t => {
	const tcpOnly = policy('shop/db-policy', {app: 'db'}, {egress: [rule([], [port(53)])]});
	t.deepEqual(notes([tcpOnly], [{port: 53, protocol: 'UDP', from: 'shop/db'}]), [
		'shop/db-policy: spec.egress: isolates egress, and allows port 53 over TCP only: DNS queries are mostly UDP (a port without protocol is TCP); add port 53 with protocol: UDP',
		'shop/db-policy: a port entry admits TCP only (TCP is the default when no protocol is written); UDP traffic needs its own entry with protocol: UDP.',
	]);
	t.deepEqual(notes([tcpOnly], [{port: 5000, protocol: 'UDP', from: 'shop/db'}]), [], 'a UDP case on a port the policy does not name says nothing about protocols');
	const both = policy('shop/db-policy', {app: 'db'}, {egress: [rule([], [port(53), port(53, 'UDP')])]});
	t.deepEqual(notes([both], [{port: 53, protocol: 'UDP', from: 'shop/db'}]), []);
});

test('the asked-for policy in another namespace', t => {
	t.deepEqual(notes([policy('default/db-policy', {app: 'db'})]), [
		'default/db-policy is in namespace default; the task asks for it in shop (metadata.namespace, or kubectl -n).',
		'default/db-policy: metadata.namespace: namespace "default" has no pods in the files, so this policy selects nothing; a policy applies only to pods of its own namespace',
	]);
	t.deepEqual(notes([policy('shop/db-policy', {app: 'db'})]), []);
});

test('Egress in policyTypes with no egress rule cuts what the selected pods send, said when a case from one was denied', t => {
	const ingressOnlyTask = policy('shop/db-policy', {app: 'db'}, {policyTypes: ['Ingress', 'Egress'], ingress: [rule([{podSelector: selector({app: 'web'})}], [port(5432)])]});
	const expected = 'shop/db-policy: spec.policyTypes[1]: lists Egress but the policy has no egress rules, so it denies all egress of the pods it selects (their DNS lookups too). Intended? If not, remove Egress from policyTypes or add egress rules';
	t.deepEqual(recognizeMistakes([ingressOnlyTask], objects, required, [{port: 8080, protocol: 'TCP', from: 'shop/db'}]), [expected]);
	t.deepEqual(recognizeMistakes([ingressOnlyTask], objects, required, [{port: 8080, protocol: 'TCP', from: 'shop/web'}]), [], 'web is not selected by the policy');
	const withRule = policy('shop/db-policy', {app: 'db'}, {policyTypes: ['Ingress', 'Egress'], egress: [rule([], [port(443)])]});
	t.deepEqual(recognizeMistakes([withRule], objects, required, [{port: 8080, protocol: 'TCP', from: 'shop/db'}]), []);
});

test('the lints that read a policy on its own are part of the feedback: a selector that selects no pod', t => {
	t.deepEqual(notes([policy('shop/db-policy', {app: 'database'})]).map(note => note.split(': ').slice(0, 2).join(': ')), ['shop/db-policy: spec.podSelector']);
	t.deepEqual(notes([policy('shop/db-policy', {app: 'db'})]), []);
});
