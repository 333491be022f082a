// `kubectl get` in the dojo against kubectl's documented output: the tables of the Kubernetes
// docs' examples (three spaces between columns, kubectl's column sets from its printers,
// `kind/name` when several types are asked for, a blank line between tables), -o yaml as
// kubectl prints a list, names and TYPE/NAME, -l in labels.Parse's syntax, and kubectl's
// errors; then the built command end to end.
import {spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {stringify} from 'yaml';
import {runGet} from '../source/kubectl/get.js';
import {writeState} from '../source/kubectl/state-file.js';
import {type ClusterState, type RawObject, newClusterState} from '../source/kubectl/state.js';

const hour = 3_600_000;
const now = Date.parse('2026-12-02T10:00:00Z');
const yamlText = (value: unknown) => stringify(value, {indentSeq: false, lineWidth: 0});

const pod = (name: string, namespace: string, labels: Record<string, string>, ip: string): RawObject => ({
	apiVersion: 'v1',
	kind: 'Pod',
	metadata: {name, namespace, labels},
	spec: {containers: [{name: 'c', image: 'nginx:1.27'}]},
	status: {podIP: ip},
});

const objects: RawObject[] = [
	pod('web', 'default', {app: 'web', tier: 'frontend'}, '10.0.0.10'),
	pod('db', 'default', {app: 'db', tier: 'backend'}, '10.0.0.30'),
	pod('api', 'shop', {app: 'api'}, '10.0.1.20'),
	{apiVersion: 'v1', kind: 'Service', metadata: {name: 'db', namespace: 'default'}, spec: {selector: {app: 'db'}, clusterIP: '10.96.0.30', ports: [{port: 3306, protocol: 'TCP'}]}},
	{apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'db-policy', namespace: 'default'}, spec: {podSelector: {matchLabels: {app: 'db'}}}},
	{
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: {name: 'front', namespace: 'default'},
		spec: {replicas: 2, selector: {matchLabels: {app: 'front'}}, template: {metadata: {labels: {app: 'front'}}, spec: {containers: [{name: 'nginx', image: 'nginx:1.27'}]}}},
	},
];

const state: ClusterState = newClusterState('built-in/test', objects, now - hour);
const get = (...argv: string[]) => runGet(state, argv, now, yamlText);

test('kubectl get pods: NAME READY STATUS RESTARTS AGE, in name order (the docs\' "kubectl get pods" example)', t => {
	t.deepEqual(get('pods'), {stdout: `NAME   READY   STATUS    RESTARTS   AGE
db     1/1     Running   0          60m
web    1/1     Running   0          60m
`, stderr: '', exitCode: 0});
	t.is(get('po').stdout, get('pod').stdout);
});

test('-A -o wide --show-labels together: NAMESPACE first, the wide columns, LABELS last', t => {
	t.is(get('po', '-A', '-o', 'wide', '--show-labels').stdout, `NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE   IP          NODE        NOMINATED NODE   READINESS GATES   LABELS
default     db     1/1     Running   0          60m   10.0.0.30   dojo-node   <none>           <none>            app=db,tier=backend
default     web    1/1     Running   0          60m   10.0.0.10   dojo-node   <none>           <none>            app=web,tier=frontend
shop        api    1/1     Running   0          60m   10.0.1.20   dojo-node   <none>           <none>            app=api
`);
});

test('netpol, svc, deploy and ns tables with kubectl\'s columns', t => {
	t.is(get('netpol').stdout, 'NAME        POD-SELECTOR   AGE\ndb-policy   app=db         60m\n');
	t.is(get('svc', '-o', 'wide').stdout, 'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE   SELECTOR\ndb     ClusterIP   10.96.0.30   <none>        3306/TCP   60m   app=db\n');
	t.is(get('deploy', '-o', 'wide').stdout, 'NAME    READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\nfront   2/2     2            2           60m   nginx        nginx:1.27   app=front\n');
	t.is(get('ns').stdout, 'NAME      STATUS   AGE\ndefault   Active   60m\nshop      Active   60m\n');
});

test('get all and several types: kind/name, one table per kind, a blank line between', t => {
	t.is(get('all').stdout, `NAME      READY   STATUS    RESTARTS   AGE
pod/db    1/1     Running   0          60m
pod/web   1/1     Running   0          60m

NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE
service/db   ClusterIP   10.96.0.30   <none>        3306/TCP   60m

NAME                    READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/front   2/2     2            2           60m
`);
	t.regex(get('po,netpol').stdout, /^NAME {6}READY[^]*\n\nNAME {40}POD-SELECTOR {3}AGE\nnetworkpolicy\.networking\.k8s\.io\/db-policy {3}app=db {9}60m\n$/);
});

test('names: in the order given, TYPE/NAME, and NotFound for the missing with exit 1', t => {
	t.is(get('po', 'web', 'db').stdout, 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          60m\ndb     1/1     Running   0          60m\n');
	t.is(get('pod/web').stdout, 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          60m\n');
	const mixed = get('pod/web', 'netpol/nope');
	t.is(mixed.exitCode, 1);
	t.is(mixed.stdout, 'NAME      READY   STATUS    RESTARTS   AGE\npod/web   1/1     Running   0          60m\n');
	t.is(mixed.stderr, 'Error from server (NotFound): networkpolicies.networking.k8s.io "nope" not found\n');
	t.regex(get('po', 'pod/web').stderr, /^error: there is no need to specify a resource type as a separate argument/);
	t.is(get('pod/').stderr, 'error: arguments in resource/name form must have a single resource and name\n');
	t.is(get('po', 'web', '-l', 'app=web').stderr, 'error: name cannot be provided when a selector is specified\n');
	t.is(get('po', 'web', '-A').stderr, 'error: a resource cannot be retrieved by name across all namespaces\n');
});

test('-l with the whole selector syntax; a selector that does not parse is the API server\'s BadRequest', t => {
	t.is(get('po', '-A', '-l', 'tier in (frontend,backend),app!=db').stdout, 'NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE\ndefault     web    1/1     Running   0          60m\n');
	t.is(get('po', '-A', '-l', '!tier', '-o', 'name').stdout, 'pod/api\n');
	t.deepEqual(get('po', '-l', 'app=nothing'), {stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0});
	const bad = get('netpol', '-l', 'a in b');
	t.is(bad.exitCode, 1);
	t.regex(bad.stderr, /^Error from server \(BadRequest\): Unable to find "networking\.k8s\.io\/v1, Resource=networkpolicies" that match label selector "a in b", field selector "": unable to parse requirement: /);
});

test('-o yaml: one object as it is; a list as kubectl prints it (keys sorted, items at the same indent, kind List, resourceVersion "")', t => {
	t.is(get('netpol', 'db-policy', '-o', 'yaml').stdout, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: db
`);
	t.is(get('ns', '-o', 'yaml').stdout, `apiVersion: v1
items:
- apiVersion: v1
  kind: Namespace
  metadata:
    labels:
      kubernetes.io/metadata.name: default
    name: default
- apiVersion: v1
  kind: Namespace
  metadata:
    labels:
      kubernetes.io/metadata.name: shop
    name: shop
kind: List
metadata:
  resourceVersion: ""
`);
	t.is(get('netpol', '-n', 'shop', '-o', 'json').stdout, '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
});

test('--no-headers, a creationTimestamp\'s age, and kubectl\'s errors for types and outputs', t => {
	t.is(get('po', '--no-headers').stdout, 'db    1/1   Running   0     60m\nweb   1/1   Running   0     60m\n');
	const fresh = newClusterState('built-in/test', [{...objects[4]!, metadata: {name: 'new', namespace: 'default', creationTimestamp: '2026-12-02T09:59:55Z'}}], now - hour);
	t.is(runGet(fresh, ['netpol'], now, yamlText).stdout, 'NAME   POD-SELECTOR   AGE\nnew    app=db         5s\n');
	t.is(get('frobs').stderr, 'error: the server doesn\'t have a resource type "frobs"\n');
	t.is(get('po', '-o', 'table').stderr, 'error: unable to match a printer suitable for the output format "table", allowed formats are: json,name,wide,yaml\n');
	t.is(get().exitCode, 1);
});

test('labels with control sequences are printed without them', t => {
	const hostile = newClusterState('built-in/test', [pod('x', 'default', {app: 'a\u001B]52;c;Zm9v\u0007b'}, '10.0.0.1')], now);
	t.false(runGet(hostile, ['po', '--show-labels'], now, yamlText).stdout.includes('\u001B'));
});

const kubectl = path.resolve('dist/bin/kubectl/main.js');

test('end to end: the built kubectl reads NETPOL_DOJO_STATE, prints, logs the command', t => {
	const folder = mkdtempSync(path.join(tmpdir(), 'dojo-get-'));
	const file = path.join(folder, 'state.json');
	writeState(file, {...state, createdAt: Date.now() - hour});
	const run = (...argv: string[]) => spawnSync(process.execPath, [kubectl, ...argv], {env: {...process.env, NETPOL_DOJO_STATE: file}, encoding: 'utf8'});
	const pods = run('get', 'pods');
	t.is(pods.status, 0);
	t.is(pods.stdout, 'NAME   READY   STATUS    RESTARTS   AGE\ndb     1/1     Running   0          60m\nweb    1/1     Running   0          60m\n');
	t.is(pods.stderr, '');
	const yaml = run('get', 'netpol', '-o', 'yaml');
	t.regex(yaml.stdout, /^apiVersion: v1\nitems:\n- apiVersion: networking\.k8s\.io\/v1\n/);
	// pflag takes -o=yaml and -oyaml as -o yaml.
	t.is(run('get', 'netpol', '-o=yaml').stdout, yaml.stdout);
	t.is(run('get', 'netpol', '-oyaml').stdout, yaml.stdout);
	const missing = run('describe', 'netpol', 'x');
	t.is(missing.status, 1);
	t.is(missing.stderr, 'Error from server (NotFound): networkpolicies.networking.k8s.io "x" not found\n');
	const described = run('describe', 'netpol', 'db-policy');
	t.is(described.status, 0);
	t.regex(described.stdout, /^Name: {9}db-policy\nNamespace: {4}default\n[^]*Allowing ingress traffic:\n {4}<none> \(Selected pods are isolated for ingress connectivity\)\n/);
	const explained = run('explain', 'netpol.spec.podSelector');
	t.is(explained.status, 0);
	t.regex(explained.stdout, /^GROUP: {6}networking\.k8s\.io\n/);
	const unknown = run('explain', 'netpol.spec.nope');
	t.deepEqual([unknown.status, unknown.stdout, unknown.stderr], [1, '', 'error: field "nope" does not exist\n']);
});
