// `kubectl exec` with the network tools: each tool's exact output and exit code on a cluster
// with DNS (blocked, allowed, a Service with a named targetPort, a pod IP, an outside address),
// nc against the evaluator on every built-in challenge, and `kubectl why` end to end.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {parseAllDocuments} from 'yaml';
import {compileCluster, isAllowed, parseAddress} from '../source/evaluator/index.js';
import {loadedClusterOf} from '../source/kubectl/cluster-of-state.js';
import {runExec, shellWords} from '../source/kubectl/exec.js';
import {type ClusterState, type RawObject, newClusterState, withObject} from '../source/kubectl/state.js';
import {writeState} from '../source/kubectl/state-file.js';
import {addressKey} from '../source/kube/ip.js';
import {resolveFlowEnds} from '../source/commands/flow-ends.js';
import {isGrouped} from '../source/evaluator/index.js';
import {decideMembers} from '../source/commands/flow-members.js';
import type {Cluster} from '../source/evaluator/index.js';
import {builtInPack, root} from './helpers/challenge-entries.js';

const objectsOf = (file: string): RawObject[] => parseAllDocuments(readFileSync(file, 'utf8')).map(document => document.toJS() as RawObject).filter(Boolean);
const fixture = (name: string) => path.join(root, 'test/fixtures/kubectl-exec', name);
const baseObjects = objectsOf(fixture('dns-cluster.yaml'));
const policies = objectsOf(fixture('policies.yaml'));
const policy = (name: string) => policies.find(object => (object['metadata'] as {name: string}).name === name)!;

function stateWith(...policyNames: string[]): ClusterState {
	return newClusterState('built-in/exec-test', [...baseObjects, ...policyNames.map(name => policy(name))], 0);
}

const open = stateWith();
const dnsBlocked = stateWith('deny-egress');
const dnsOnly = stateWith('deny-egress', 'allow-dns');

function exec(state: ClusterState, ...argv: string[]) {
	return runExec(state, argv).result;
}

const failed = (code: number) => `command terminated with exit code ${code}\n`;

test('nc -zv through a Service whose targetPort is a name: open, with the Service address as busybox prints it', t => {
	for (const host of ['api.backend', 'api.backend.svc', 'api.backend.svc.cluster.local', 'api.backend.svc.cluster.local.']) {
		t.deepEqual(exec(open, 'web', '--', 'nc', '-zv', '-w', '2', host, '5000'), {stdout: '', stderr: `${host} (10.96.5.5:5000) open\n`, exitCode: 0}, host);
	}

	// A bare Service name resolves in the pod's own namespace.
	t.deepEqual(exec(open, 'api-1', '-n', 'backend', '--', 'nc', '-zvw2', 'db', '5432'), {stdout: '', stderr: 'db (10.96.5.6:5432) open\n', exitCode: 0});
	t.deepEqual(exec(open, 'web', '--', 'nc', '-zv', 'api', '5000'), {stdout: '', stderr: `nc: bad address 'api'\n${failed(1)}`, exitCode: 1});
	// Without -v busybox says nothing.
	t.deepEqual(exec(open, 'web', '--', 'nc', '-z', 'api.backend', '5000'), {stdout: '', stderr: '', exitCode: 0});
});

test('DNS blocked by the client\'s egress: each tool fails to resolve as busybox and curl do; an IP needs no DNS', t => {
	t.deepEqual(exec(dnsBlocked, 'web', '--', 'nslookup', 'api.backend'), {stdout: ';; connection timed out; no servers could be reached\n\n', stderr: failed(1), exitCode: 1});
	t.deepEqual(exec(dnsBlocked, 'web', '--', 'curl', '-sS', 'http://api.backend:5000/'), {stdout: '', stderr: `curl: (6) Could not resolve host: api.backend\n${failed(6)}`, exitCode: 6});
	t.deepEqual(exec(dnsBlocked, 'web', '--', 'curl', '-s', 'api.backend:5000'), {stdout: '', stderr: failed(6), exitCode: 6});
	// curl's own limit ends the lookup first.
	t.deepEqual(exec(dnsBlocked, 'web', '--', 'curl', '-sS', '-m', '2', 'api.backend:5000'), {stdout: '', stderr: `curl: (28) Resolving timed out after 2000 milliseconds\n${failed(28)}`, exitCode: 28});
	t.deepEqual(exec(dnsBlocked, 'web', '--', 'wget', '-qO-', 'api.backend:5000'), {stdout: '', stderr: `wget: bad address 'api.backend'\n${failed(1)}`, exitCode: 1});
	t.deepEqual(exec(dnsBlocked, 'web', '--', 'nc', '-zv', '-w', '2', 'api.backend', '5000'), {stdout: '', stderr: `nc: bad address 'api.backend'\n${failed(1)}`, exitCode: 1});
	t.deepEqual(exec(dnsBlocked, 'web', '--', 'ping', '-c', '1', 'api.backend'), {stdout: '', stderr: `ping: bad address 'api.backend'\n${failed(1)}`, exitCode: 1});
	// The address needs no DNS, and the egress policy decides the connection.
	t.deepEqual(exec(dnsBlocked, 'web', '--', 'nc', '-zv', '-w', '2', '10.1.1.10', '8080'), {stdout: '', stderr: `nc: 10.1.1.10 (10.1.1.10:8080): Connection timed out\n${failed(1)}`, exitCode: 1});
});

test('DNS blocked by the DNS pods\' ingress: names do not resolve either', t => {
	const state = stateWith('dns-ingress-only-a');
	t.deepEqual(exec(state, 'web', '--', 'nslookup', 'api.backend'), {stdout: ';; connection timed out; no servers could be reached\n\n', stderr: failed(1), exitCode: 1});
	t.regex(runExec(state, ['web', '--', 'nslookup', 'api.backend']).why, /ingress to kube-system\/coredns-a: denied/);
});

test('DNS allowed, the connection denied: timeouts as the tools report them, taking no time', t => {
	const started = Date.now();
	t.deepEqual(exec(dnsOnly, 'web', '--', 'nslookup', 'api.backend'), {stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tapi.backend.svc.cluster.local\nAddress: 10.96.5.5\n\n', stderr: '', exitCode: 0});
	t.deepEqual(exec(dnsOnly, 'web', '--', 'nc', '-zv', '-w', '2', 'api.backend', '5000'), {stdout: '', stderr: `nc: api.backend (10.96.5.5:5000): Connection timed out\n${failed(1)}`, exitCode: 1});
	t.deepEqual(exec(dnsOnly, 'web', '--', 'curl', '-sS', '-m', '2', 'api.backend:5000'), {stdout: '', stderr: `curl: (28) Connection timed out after 2000 milliseconds\n${failed(28)}`, exitCode: 28});
	t.deepEqual(exec(dnsOnly, 'web', '--', 'curl', '-sS', '--connect-timeout', '1.5', 'api.backend:5000'), {stdout: '', stderr: `curl: (28) Connection timed out after 1500 milliseconds\n${failed(28)}`, exitCode: 28});
	t.deepEqual(exec(dnsOnly, 'web', '--', 'curl', '-sS', 'api.backend:5000'), {stdout: '', stderr: `curl: (28) Failed to connect to api.backend port 5000 after 130000 ms: Couldn't connect to server\n${failed(28)}`, exitCode: 28});
	t.deepEqual(exec(dnsOnly, 'web', '--', 'curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', '-m', '2', 'api.backend:5000'), {stdout: '000\n', stderr: failed(28), exitCode: 28});
	t.deepEqual(exec(dnsOnly, 'web', '--', 'wget', '-q', '-T', '2', '-O', '-', 'api.backend:5000'), {stdout: '', stderr: `wget: download timed out\n${failed(1)}`, exitCode: 1});
	t.deepEqual(exec(dnsOnly, 'web', '--', 'wget', '-O-', 'api.backend:5000'), {stdout: '', stderr: `Connecting to api.backend:5000 (10.96.5.5:5000)\nwget: can't connect to remote host (10.96.5.5): Connection timed out\n${failed(1)}`, exitCode: 1});
	t.true(Date.now() - started < 2000);
});

test('curl\'s progress meter and timeout without -s, as curl writes them when its output is no terminal', t => {
	const {stderr} = exec(dnsOnly, 'web', '--', 'curl', '-m', '2', 'api.backend:5000');
	t.is(stderr, '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n  0     0    0     0    0     0      0      0 --:--:--  0:00:02 --:--:--     0\ncurl: (28) Connection timed out after 2000 milliseconds\ncommand terminated with exit code 28\n');
	// kubectl exec -t gives curl a terminal: no meter.
	t.is(exec(dnsOnly, 'web', '-it', '--', 'curl', '-m', '2', 'api.backend:5000').stderr, `curl: (28) Connection timed out after 2000 milliseconds\n${failed(28)}`);
});

test('allowed: curl and wget get the backend\'s page on its targetPort, curl -I its head, -w the code', t => {
	t.deepEqual(exec(open, 'web', '--', 'curl', '-s', 'http://api.backend:5000/healthz'), {stdout: 'ok: backend/api-0 on port 8080\n', stderr: '', exitCode: 0});
	t.deepEqual(exec(open, 'web', '--', 'wget', '-qO-', 'api.backend:5000'), {stdout: 'ok: backend/api-0 on port 8080\n', stderr: '', exitCode: 0});
	t.deepEqual(exec(open, 'web', '--', 'wget', '-O', '-', 'http://api.backend:5000'), {
		stdout: 'ok: backend/api-0 on port 8080\n',
		stderr: 'Connecting to api.backend:5000 (10.96.5.5:5000)\nwriting to stdout\n-                    100% |********************************|     31  0:00:00 ETA\nwritten to stdout\n',
		exitCode: 0,
	});
	t.deepEqual(exec(open, 'web', '--', 'wget', '--spider', '-q', 'api.backend:5000'), {stdout: '', stderr: '', exitCode: 0});
	t.deepEqual(exec(open, 'api-0', '-n', 'backend', '--', 'curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'web.default.svc.cluster.local'), {stdout: '000', stderr: failed(6), exitCode: 6});
	const nginx = exec(open, 'api-0', '-n', 'backend', '--', 'curl', '-s', '10.1.0.10');
	t.is(nginx.exitCode, 0);
	t.regex(nginx.stdout, /<title>Welcome to nginx!<\/title>/);
	const head = exec(open, 'web', '--', 'curl', '-sI', 'api.backend:5000');
	t.is(head.stdout, 'HTTP/1.1 200 OK\r\nServer: dojo-http\r\nDate: Mon, 01 Dec 2025 09:00:00 GMT\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 31\r\nConnection: keep-alive\r\n\r\n');
	t.deepEqual(exec(open, 'web', '--', 'curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'api.backend:5000'), {stdout: '200\n', stderr: '', exitCode: 0});
	// A database is no HTTP server.
	t.deepEqual(exec(open, 'web', '--', 'curl', '-sS', 'db.backend:5432'), {stdout: '', stderr: `curl: (52) Empty reply from server\n${failed(52)}`, exitCode: 52});
});

test('a Service that selects no pod refuses; one without the port times out', t => {
	t.deepEqual(exec(open, 'web', '--', 'nc', '-zv', '-w', '2', 'nobody', '80'), {stdout: '', stderr: `nc: nobody (10.96.5.7:80): Connection refused\n${failed(1)}`, exitCode: 1});
	t.deepEqual(exec(open, 'web', '--', 'curl', '-sS', 'nobody'), {stdout: '', stderr: `curl: (7) Failed to connect to nobody port 80 after 0 ms: Couldn't connect to server\n${failed(7)}`, exitCode: 7});
	t.deepEqual(exec(open, 'web', '--', 'nc', '-zv', '-w', '2', 'api.backend', '8080'), {stdout: '', stderr: `nc: api.backend (10.96.5.5:8080): Connection timed out\n${failed(1)}`, exitCode: 1});
});

test('several backends: the first by name answers, and why says the answer depends on the backend', t => {
	// api-0 refuses everything; api-1 is not isolated.
	const state = stateWith('api-0-closed');
	const {result, why} = runExec(state, ['web', '--', 'nc', '-zv', '-w', '2', 'api.backend', '5000']);
	t.is(result.stderr, `nc: api.backend (10.96.5.5:5000): Connection timed out\n${failed(1)}`);
	t.regex(why, /2 backends; kube-proxy picks one at random, the dojo the first by name: backend\/api-0/);
	t.regex(why, /the connection would be allowed to backend\/api-1 on 8080/);
	t.deepEqual(exec(state, 'web', '--', 'nc', '-zv', '-w', '2', '10.1.1.11', '8080'), {stdout: '', stderr: '10.1.1.11 (10.1.1.11:8080) open\n', exitCode: 0});
});

test('outside addresses: open unless the egress policy denies; names outside the cluster resolve upstream', t => {
	t.deepEqual(exec(open, 'web', '--', 'nc', '-zv', '-u', '-w', '1', '8.8.8.8', '53'), {stdout: '', stderr: '8.8.8.8 (8.8.8.8:53) open\n', exitCode: 0});
	t.deepEqual(exec(dnsOnly, 'web', '--', 'nc', '-zv', '-w', '1', '8.8.8.8', '443'), {stdout: '', stderr: `nc: 8.8.8.8 (8.8.8.8:443): Connection timed out\n${failed(1)}`, exitCode: 1});
	const lookup = exec(open, 'web', '--', 'nslookup', 'example.com');
	t.regex(lookup.stdout, /^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nNon-authoritative answer:\nName:\texample\.com\nAddress: 203\.0\.113\.\d+\n\n$/);
	t.is(exec(open, 'web', '--', 'curl', '-s', 'https://example.com').exitCode, 0);
});

test('nslookup: NXDOMAIN for a pod\'s name (pods have no Service name), pod records, reverse lookups, a server given', t => {
	t.deepEqual(exec(open, 'web', '--', 'nslookup', 'db'), {stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can\'t find db: NXDOMAIN\n\n', stderr: failed(1), exitCode: 1});
	t.is(exec(open, 'web', '--', 'nslookup', '10-1-1-30.backend.pod.cluster.local').stdout, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\t10-1-1-30.backend.pod.cluster.local\nAddress: 10.1.1.30\n\n');
	t.is(exec(open, 'web', '--', 'nslookup', '10.96.5.5').stdout, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n5.5.96.10.in-addr.arpa\tname = api.backend.svc.cluster.local\n\n');
	t.is(exec(open, 'web', '--', 'nslookup', 'api.backend', '10.1.9.3').stdout, 'Server:\t\t10.1.9.3\nAddress:\t10.1.9.3:53\n\nName:\tapi.backend.svc.cluster.local\nAddress: 10.96.5.5\n\n');
	// A resolver outside the cluster knows no cluster name.
	t.is(exec(open, 'web', '--', 'nslookup', 'api.backend', '8.8.8.8').exitCode, 1);
	t.is(exec(dnsOnly, 'web', '--', 'nslookup', 'api.backend', '8.8.8.8').stdout, ';; connection timed out; no servers could be reached\n\n');
});

test('a cluster without DNS: names never resolve, and the dojo says why', t => {
	const state = newClusterState('built-in/no-dns', baseObjects.filter(object => (object['metadata'] as {namespace?: string}).namespace !== 'kube-system'), 0);
	const result = exec(state, 'web', '--', 'nc', '-zv', '-w', '1', 'api.backend', '5000');
	t.is(result.stderr, `nc: bad address 'api.backend'\n(dojo) this challenge's cluster has no DNS (no CoreDNS in kube-system), so no name resolves: use pod IPs (kubectl get pods -o wide)\n${failed(1)}`);
	t.is(exec(state, 'web', '--', 'nc', '-zv', '-w', '1', '10.1.1.10', '8080').exitCode, 0);
});

test('ping: through where no policy isolates, or a rule without ports admits; dropped where only ported rules admit; a Service IP never answers', t => {
	t.deepEqual(exec(open, 'web', '--', 'ping', '-c', '2', '-W', '1', '10.1.1.30'), {
		stdout: 'PING 10.1.1.30 (10.1.1.30): 56 data bytes\n64 bytes from 10.1.1.30: seq=0 ttl=64 time=0.084 ms\n64 bytes from 10.1.1.30: seq=1 ttl=64 time=0.091 ms\n\n--- 10.1.1.30 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = 0.084/0.090/0.096 ms\n',
		stderr: '',
		exitCode: 0,
	});
	const ported = stateWith('api-stable-only');
	t.deepEqual(exec(ported, 'web', '--', 'ping', '-c', '3', '10.1.1.11'), {stdout: 'PING 10.1.1.11 (10.1.1.11): 56 data bytes\n\n--- 10.1.1.11 ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n', stderr: failed(1), exitCode: 1});
	t.is(exec(open, 'web', '--', 'ping', '-c', '1', 'api.backend').exitCode, 1);
});

test('kubectl\'s and the container\'s errors: unknown pod, no command, old syntax, a command the pod lacks, a wrong container', t => {
	t.deepEqual(exec(open, 'nosuch', '--', 'nc', '-zv', 'x', '1'), {stdout: '', stderr: 'Error from server (NotFound): pods "nosuch" not found\n', exitCode: 1});
	t.deepEqual(exec(open, 'web', '-n', 'backend', '--', 'nc'), {stdout: '', stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1});
	t.deepEqual(exec(open, 'web'), {stdout: '', stderr: 'error: you must specify at least one command for the container\n', exitCode: 1});
	t.deepEqual(exec(open), {stdout: '', stderr: 'error: pod, type/name or --filename must be specified\n', exitCode: 1});
	t.regex(exec(open, '--help').stdout, /^Execute a command in a container\.\n[\s\S]*Usage:\n {2}kubectl exec \(POD \| TYPE\/NAME\) \[-c CONTAINER\] \[flags\] -- COMMAND \[args\.\.\.\] \[options\]\n$/);
	t.is(exec(open, 'web', 'nc', 'x', '1').stderr, 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples\n');
	t.deepEqual(exec(open, 'web', '--', 'foo', '--bar'), {stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown\n${failed(127)}`, exitCode: 127});
	t.deepEqual(exec(open, 'web', '-c', 'nope', '--', 'nc', '-zv', 'x', '1'), {stdout: '', stderr: 'Error from server (BadRequest): container nope is not valid for pod web\n', exitCode: 1});
	t.is(exec(open, 'sidecars', '--', 'nc', '-zv', '10.1.0.10', '80').stderr, 'Defaulted container "app" out of: app, proxy\n10.1.0.10 (10.1.0.10:80) open\n');
	t.is(exec(open, 'sidecars', '-c', 'proxy', '--', 'nc', '-zv', '10.1.0.10', '80').stderr, '10.1.0.10 (10.1.0.10:80) open\n');
	t.deepEqual(exec(open, 'web', '--', 'nc', '-zq', 'x', '1').exitCode, 1);
	t.regex(exec(open, 'web', '--', 'curl', '--bogus', 'x').stderr, /^curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\ncommand terminated with exit code 2\n$/);
});

test('sh -c runs one tool; the shell\'s other powers are not there, and it says so', t => {
	t.deepEqual(exec(open, 'web', '--', 'sh', '-c', 'nc -zv -w 2 "api.backend" 5000'), {stdout: '', stderr: 'api.backend (10.96.5.5:5000) open\n', exitCode: 0});
	t.deepEqual(exec(open, 'web', '--', '/bin/sh', '-c', 'wget -qO- api.backend:5000 | head -1'), {stdout: '', stderr: `sh: sh -c runs one of curl, wget, nc, nslookup and ping, without pipes, redirections, ; or &&\n${failed(2)}`, exitCode: 2});
	t.is(exec(open, 'web', '-it', '--', 'sh').stderr, `sh: the dojo's pods run only curl, wget, nc, nslookup and ping, one command at a time: kubectl exec POD -- nc -zv -w 2 HOST PORT\n${failed(1)}`);
	t.deepEqual(exec(open, 'web', '--', 'sh', '-c', 'telnet db 5432'), {stdout: '', stderr: `sh: telnet: not found\n${failed(127)}`, exitCode: 127});
	t.deepEqual(shellWords('curl -s \'a b\' "c\\"d" e\\ f'), ['curl', '-s', 'a b', 'c"d', 'e f']);
	t.is(shellWords('nc -zv $HOST 80'), undefined);
});

test('output never carries control sequences from what the learner typed', t => {
	const result = exec(open, 'web', '--', 'nc', '-zv', 'evil\u001B[2Jname', '80');
	t.false(result.stderr.includes('\u001B'));
});

function builtInStates(): Array<{id: string; state: ClusterState; cluster: Cluster; folder: string}> {
	return builtInPack.challenges.map(challenge => {
		const folder = path.join(root, 'challenges', challenge.id);
		let solution: RawObject[] = [];
		try {
			solution = objectsOf(path.join(folder, 'solution.yaml'));
		} catch {}

		// The solution applied as kubectl apply would: an object of the same name replaced.
		const state = solution.reduce(withObject, newClusterState(`built-in/${challenge.id}`, objectsOf(path.join(folder, 'cluster.yaml')), 0));
		return {id: challenge.id, state, cluster: compileCluster(loadedClusterOf(state).objects), folder};
	});
}

// A flow to a Service as `eval` decides it (the Services helper's resolution), when every backend agrees.
function serviceVerdict(cluster: Cluster, from: string, to: string, port: number, protocol: 'TCP' | 'UDP'): 'allow' | 'deny' | 'mixed' | undefined {
	try {
		const [resolved] = resolveFlowEnds(cluster, [{from, to, port, protocol}], () => ({file: '', message: ''}));
		return resolved && isGrouped(resolved) ? decideMembers(cluster, resolved).verdict : undefined;
	} catch {
		return undefined;
	}
}

// For each built-in challenge with its solution, from every pod to every Service port by name:
// nc says open exactly when eval allows the DNS query to kube-dns and the flow to the Service.
test('nc -zv to a Service by name agrees with eval\'s Service flows on every built-in challenge', t => {
	let checked = 0;
	for (const {id, state, cluster} of builtInStates()) {
		const hasDns = cluster.services.some(service => service.namespace === 'kube-system' && service.name === 'kube-dns');
		// CoreDNS pods without the Service stand for it in the dojo; eval has no Service to name there.
		if (!hasDns && cluster.pods.some(pod => pod.namespace === 'kube-system' && pod.labels['k8s-app'] === 'kube-dns')) {
			continue;
		}

		for (const pod of cluster.pods) {
			if (pod.workloadKind !== undefined || pod.ips.length === 0) {
				continue;
			}

			const from = `${pod.namespace}/${pod.name}`;
			const dns = hasDns ? serviceVerdict(cluster, from, 'svc/kube-system/kube-dns', 53, 'UDP') : 'deny';
			for (const service of cluster.services) {
				for (const servicePort of service.ports.filter(entry => entry.protocol !== 'SCTP')) {
					const connection = serviceVerdict(cluster, from, `svc/${service.namespace}/${service.name}`, servicePort.port, servicePort.protocol as 'TCP' | 'UDP');
					if (dns === 'mixed' || connection === 'mixed' || connection === undefined) {
						continue;
					}

					const expected = dns === 'allow' && connection === 'allow';
					const result = exec(state, pod.name, '-n', pod.namespace, '--', 'nc', '-zv', ...(servicePort.protocol === 'UDP' ? ['-u'] : []), '-w', '1', `${service.name}.${service.namespace}`, String(servicePort.port));
					if ((result.exitCode === 0) !== expected) {
						t.fail(`${id}: ${from} -> ${service.namespace}/${service.name}:${servicePort.port}: nc ${result.stderr.trim()}, eval: DNS ${dns ?? '?'}, connection ${connection}`);
						return;
					}

					checked++;
				}
			}

		}
	}

	t.log(`${checked} nc runs to Services checked`);
	t.true(checked > 50, `${checked} checked`);
});

// For each built-in challenge with its reference solution applied: from every pod to every pod
// on every port its cases name, `nc -zv -w 1 IP PORT` says open exactly when the evaluator allows the flow.
test('nc -zv agrees with the evaluator on every built-in challenge, for every pod pair and the ports of its cases', t => {
	let checked = 0;
	for (const {id, state, cluster, folder} of builtInStates()) {
		const cases = (parseAllDocuments(readFileSync(path.join(folder, 'cases.yaml'), 'utf8'))[0]!.toJS() as {flows?: Array<{port: number; protocol?: string}>}).flows ?? [];
		const ports = [...new Set(cases.filter(flow => (flow.protocol ?? 'TCP') !== 'SCTP').map(flow => `${flow.port}/${flow.protocol ?? 'TCP'}`))];
		const pods = cluster.pods.flatMap((pod, index) => {
			const ip = pod.ips[0];
			const address = ip === undefined ? undefined : parseAddress(ip);
			// Host-network pods share an IP: nc cannot name one of them.
			return pod.workloadKind === undefined && address && cluster.podsByAddress.get(addressKey(address))?.length === 1 ? [{index, pod, ip: ip!}] : [];
		});
		for (const from of pods) {
			for (const to of pods) {
				for (const entry of ports) {
					const [port, protocol] = entry.split('/') as [string, 'TCP' | 'UDP'];
					const allowed = isAllowed(cluster, {source: cluster.podEndpoints[from.index]!, destination: cluster.podEndpoints[to.index]!, port: Number(port), protocol});
					const result = exec(state, from.pod.name, '-n', from.pod.namespace, '--', 'nc', '-zv', ...(protocol === 'UDP' ? ['-u'] : []), '-w', '1', to.ip, port);
					if ((result.exitCode === 0) !== allowed) {
						t.fail(`${id}: ${from.pod.namespace}/${from.pod.name} -> ${to.ip}:${port}/${protocol}: nc ${result.exitCode === 0 ? 'open' : 'closed'}, evaluator ${allowed ? 'allows' : 'denies'}`);
						return;
					}

					checked++;
				}
			}
		}
	}

	t.log(`${checked} nc runs checked`);
	t.true(checked > 500, `${checked} checked`);
});

test('end to end: kubectl exec prints and exits as kubectl does, and kubectl why tells the flows', t => {
	const folder = mkdtempSync(path.join(tmpdir(), 'kubectl-exec-'));
	t.teardown(() => rmSync(folder, {recursive: true, force: true}));
	const file = path.join(folder, 'cluster.json');
	writeState(file, dnsOnly);
	const kubectl = (...argv: string[]) => spawnSync(process.execPath, [path.join(root, 'dist/bin/kubectl/main.js'), ...argv], {encoding: 'utf8', env: {...process.env, NETPOL_DOJO_STATE: file}});
	const none = kubectl('why');
	t.is(none.status, 1);
	t.regex(none.stderr, /no kubectl exec has run on this cluster yet/);
	const denied = kubectl('exec', 'web', '--', 'nc', '-zv', '-w', '2', 'api.backend', '5000');
	t.is(denied.status, 1);
	t.is(denied.stdout, '');
	t.is(denied.stderr, `nc: api.backend (10.96.5.5:5000): Connection timed out\n${failed(1)}`);
	const why = kubectl('why');
	t.is(why.status, 0);
	t.is(why.stdout.split('\n').slice(0, 7).join('\n'), [
		'kubectl exec default/web -- nc -zv -w 2 api.backend 5000',
		'',
		'1. DNS query for api.backend (UDP 53) to the cluster DNS at 10.96.0.10, Service kube-system/kube-dns',
		'   2 backends; kube-proxy picks one at random, the dojo the first by name: kube-system/coredns-a',
		'   default/web -> kube-system/coredns-a on 53/UDP: allow',
		'     egress from default/web: allowed; selected for egress by default/deny-egress (podSelector {}), default/allow-dns (podSelector {})',
		'       default/allow-dns egress rule #1 admits it: peer 1: namespaceSelector kubernetes.io/metadata.name=kube-system matches namespace kube-system and podSelector k8s-app=kube-dns matches kube-system/coredns-a; port 1 (53/UDP) matches',
	].join('\n'));
	t.regex(why.stdout, /2\. connection to Service backend\/api at 10\.96\.5\.5:5000\/TCP, to a backend on targetPort http\n.*\n   default\/web -> backend\/api-0 on 8080\/TCP: deny\n     egress from default\/web: denied/);
	const open = kubectl('exec', 'web', '--', 'nslookup', 'api.backend');
	t.is(open.status, 0);
	t.is(open.stdout, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tapi.backend.svc.cluster.local\nAddress: 10.96.5.5\n\n');
	t.notRegex(kubectl('why').stdout, /connection to Service/);
});
