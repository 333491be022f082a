// kubectl apply, create and replace on the dojo cluster: kubectl's output lines, the API
// server's refusals in its words (strict decoding, Invalid, AlreadyExists, NotFound, a missing
// namespace, an unknown kind), namespaces defaulted as kubectl does, and files read as kubectl
// reads them (a folder, -R, stdin).
import {mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {nextFreeAddress} from '../source/kubectl/admission.js';
import {writeObjects} from '../source/kubectl/apply.js';
import type {ManifestObject} from '../source/kubectl/manifest-input.js';
import {type ClusterState, findObject} from '../source/kubectl/state.js';
import {dbPolicy, kubectl, smallCluster, stateFolder, writeIn} from './helpers/kubectl-cluster.js';

const from = (value: unknown, source = 'db.yaml'): ManifestObject => ({source, value});

test('apply creates, then says unchanged, then configured, as kubectl apply does', t => {
	const first = writeObjects(smallCluster(), [from(dbPolicy())], {verb: 'apply'});
	t.deepEqual([first.exitCode, first.stdout, first.stderr], [0, 'networkpolicy.networking.k8s.io/db-policy created\n', '']);
	const again = writeObjects(first.state!, [from(dbPolicy())], {verb: 'apply'});
	t.deepEqual([again.exitCode, again.stdout, again.stderr, again.state], [0, 'networkpolicy.networking.k8s.io/db-policy unchanged\n', '', undefined]);
	const changed = dbPolicy();
	(changed['spec'] as Record<string, unknown>)['policyTypes'] = ['Ingress'];
	const configured = writeObjects(first.state!, [from(changed)], {verb: 'apply'});
	t.is(configured.stdout, 'networkpolicy.networking.k8s.io/db-policy configured\n');
	t.deepEqual((findObject(configured.state!, 'NetworkPolicy', 'default', 'db-policy')!['spec'] as Record<string, unknown>)['policyTypes'], ['Ingress']);
});

test('an unknown field is refused with the API server\'s strict decoding error, naming the file', t => {
	const policy = dbPolicy();
	const spec = policy['spec'] as Record<string, unknown>;
	const written = {...policy, spec: {podSelector: spec['podSelector'], ingres: spec['ingress']}};
	const result = writeObjects(smallCluster(), [from(written)], {verb: 'apply'});
	t.is(result.exitCode, 1);
	t.is(result.stdout, '');
	t.is(result.stderr, 'Error from server (BadRequest): error when creating "db.yaml": NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.ingres"\n');
	t.is(result.state, undefined);
});

test('two unknown fields are listed in one strict decoding error', t => {
	const written = {...dbPolicy(), spec: {podSelector: {}, ingres: [], egres: []}};
	t.is(writeObjects(smallCluster(), [from(written)], {verb: 'create'}).stderr, 'Error from server (BadRequest): error when creating "db.yaml": NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.ingres", unknown field "spec.egres"\n');
});

test('an invalid value is refused as Invalid, in kubectl\'s words, without the file', t => {
	const written = dbPolicy();
	((written['spec'] as {ingress: Array<{ports: Array<{port: number}>}>}).ingress[0]!.ports[0]!).port = 70_000;
	const result = writeObjects(smallCluster(), [from(written)], {verb: 'apply'});
	t.is(result.exitCode, 1);
	t.is(result.stderr, 'The NetworkPolicy "db-policy" is invalid: spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n');
});

test('several invalid values are listed one per line, as kubectl\'s MultilineError', t => {
	const written = {...dbPolicy(), spec: {podSelector: {}, ingress: [{ports: [{port: 0}, {port: 70_000}]}]}};
	t.is(writeObjects(smallCluster(), [from(written)], {verb: 'apply'}).stderr, 'The NetworkPolicy "db-policy" is invalid: \n* spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ingress[0].ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n');
});

test('create refuses an object that exists (AlreadyExists); replace one that does not (NotFound)', t => {
	const {state} = writeObjects(smallCluster(), [from(dbPolicy())], {verb: 'create'});
	const again = writeObjects(state!, [from(dbPolicy(), 'f.yaml')], {verb: 'create'});
	t.deepEqual([again.exitCode, again.stdout, again.stderr], [1, '', 'Error from server (AlreadyExists): error when creating "f.yaml": networkpolicies.networking.k8s.io "db-policy" already exists\n']);
	const missing = writeObjects(smallCluster(), [from(dbPolicy(), 'f.yaml')], {verb: 'replace'});
	t.deepEqual([missing.exitCode, missing.stderr], [1, 'Error from server (NotFound): error when replacing "f.yaml": networkpolicies.networking.k8s.io "db-policy" not found\n']);
	const replaced = writeObjects(state!, [from(dbPolicy(), 'f.yaml')], {verb: 'replace'});
	t.deepEqual([replaced.exitCode, replaced.stdout], [0, 'networkpolicy.networking.k8s.io/db-policy replaced\n']);
});

test('the namespace is the -n flag\'s, else the object\'s, else default; one that does not exist is NotFound', t => {
	const inDev = writeObjects(smallCluster(), [from(dbPolicy())], {verb: 'apply', namespace: 'dev'});
	t.truthy(findObject(inDev.state!, 'NetworkPolicy', 'dev', 'db-policy'));
	const own = writeObjects(smallCluster(), [from(dbPolicy('db-policy', {namespace: 'dev'}))], {verb: 'apply'});
	t.truthy(findObject(own.state!, 'NetworkPolicy', 'dev', 'db-policy'));
	const missing = writeObjects(smallCluster(), [from(dbPolicy('db-policy', {namespace: 'x'}), 'f.yaml')], {verb: 'apply'});
	t.deepEqual([missing.exitCode, missing.stderr], [1, 'Error from server (NotFound): error when creating "f.yaml": namespaces "x" not found\n']);
	const clash = writeObjects(smallCluster(), [from(dbPolicy('db-policy', {namespace: 'dev'}))], {verb: 'apply', namespace: 'default'});
	t.is(clash.stderr, 'error: the namespace from the provided object "dev" does not match the namespace "default". You must pass \'--namespace=dev\' to perform this operation.\n');
});

test('a Namespace first in the file serves the objects after it', t => {
	const result = writeObjects(smallCluster(), [from({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'prod'}}), from(dbPolicy('db-policy', {namespace: 'prod'}))], {verb: 'apply'});
	t.is(result.stdout, 'namespace/prod created\nnetworkpolicy.networking.k8s.io/db-policy created\n');
	t.deepEqual(findObject(result.state!, 'Namespace', undefined, 'prod')!['metadata'], {name: 'prod', labels: {'kubernetes.io/metadata.name': 'prod'}});
});

test('a kind the dojo does not serve gets kubectl\'s resource mapping error; the other objects are still applied', t => {
	const result = writeObjects(smallCluster(), [from({apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyy', metadata: {name: 'x'}}), from(dbPolicy())], {verb: 'apply'});
	t.is(result.exitCode, 1);
	t.is(result.stdout, 'networkpolicy.networking.k8s.io/db-policy created\n');
	t.is(result.stderr, 'error: resource mapping not found for name: "x" namespace: "" from "db.yaml": no matches for kind "NetworkPolicyy" in version "networking.k8s.io/v1"\nensure CRDs are installed first\nhint: did you mean kind: NetworkPolicy?\n');
	t.truthy(result.state);
});

test('a kind the dojo does not keep, or an old apiVersion, is told after kubectl\'s words', t => {
	const configMap = writeObjects(smallCluster(), [from({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', namespace: 'dev'}})], {verb: 'apply'});
	t.is(configMap.stderr, 'error: resource mapping not found for name: "c" namespace: "dev" from "db.yaml": no matches for kind "ConfigMap" in version "v1"\nensure CRDs are installed first\nhint: the dojo\'s cluster keeps only Namespaces, Pods, Services, workloads and NetworkPolicies\n');
	const old = writeObjects(smallCluster(), [from({...dbPolicy(), apiVersion: 'extensions/v1beta1'})], {verb: 'apply'});
	t.is(old.stderr, 'error: resource mapping not found for name: "db-policy" namespace: "" from "db.yaml": no matches for kind "NetworkPolicy" in version "extensions/v1beta1"\nensure CRDs are installed first\nhint: netpol-dojo reads NetworkPolicy as networking.k8s.io/v1, not extensions/v1beta1\n');
});

test('a Pod, Service and Deployment are applied; a new Pod gets the next free address of the cluster\'s pod range', t => {
	const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'probe', labels: {app: 'probe'}}, spec: {containers: [{name: 'probe', image: 'busybox'}]}};
	const service = {apiVersion: 'v1', kind: 'Service', metadata: {name: 'db'}, spec: {selector: {app: 'db'}, ports: [{port: 3306}]}};
	const deployment = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'cache'}, spec: {selector: {matchLabels: {app: 'cache'}}, template: {metadata: {labels: {app: 'cache'}}, spec: {containers: [{name: 'c', image: 'redis'}]}}}};
	const result = writeObjects(smallCluster(), [from(pod), from(service), from(deployment)], {verb: 'apply'});
	t.is(result.stderr, '');
	t.is(result.stdout, 'pod/probe created\nservice/db created\ndeployment.apps/cache created\n');
	t.deepEqual(findObject(result.state!, 'Pod', 'default', 'probe')!['status'], {phase: 'Running', podIP: '10.244.1.2'});
	t.is((findObject(result.state!, 'Service', 'default', 'db')!['spec'] as Record<string, unknown>)['clusterIP'], '10.96.0.2');
});

test('a Pod\'s labels may change on apply, its spec may not (the API server\'s pod update rule)', t => {
	const state = smallCluster();
	const web = findObject(state, 'Pod', 'default', 'web')!;
	const relabelled = {...web, metadata: {...(web['metadata'] as object), labels: {app: 'web', tier: 'front'}}};
	t.is(writeObjects(state, [from(relabelled)], {verb: 'apply'}).stdout, 'pod/web configured\n');
	const respecced = {...web, spec: {containers: [{name: 'web', image: 'busybox', ports: [{containerPort: 8080}]}]}};
	t.regex(writeObjects(state, [from(respecced)], {verb: 'apply'}).stderr, /^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
});

test('--dry-run says what would be done and changes nothing; -o name prints only names', t => {
	const dry = writeObjects(smallCluster(), [from(dbPolicy())], {verb: 'apply', dryRun: 'client'});
	t.deepEqual([dry.stdout, dry.state], ['networkpolicy.networking.k8s.io/db-policy created (dry run)\n', undefined]);
	t.is(writeObjects(smallCluster(), [from(dbPolicy())], {verb: 'apply', isNameOutput: true}).stdout, 'networkpolicy.networking.k8s.io/db-policy\n');
});

test('the next free address skips every address in use, in the /24 of the first', t => {
	t.is(nextFreeAddress(['10.1.2.2', '10.1.2.3', '10.1.2.5'], '10.244.0.0/24'), '10.1.2.4');
	t.is(nextFreeAddress([], '10.244.0.0/24'), '10.244.0.2');
	t.is(nextFreeAddress(['fd00::1'], '10.244.0.0/24'), '10.244.0.2');
});

// End to end: the built kubectl on a state file.

const policyYaml = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
spec:
  podSelector:
    matchLabels:
      app: db
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: api
    ports:
    - port: 3306
`;

const stateOfFile = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ClusterState;

test('kubectl apply -f FILE, then again: created, unchanged; the state file holds the policy', t => {
	const {folder, file} = stateFolder();
	writeIn(folder, 'db.yaml', policyYaml);
	t.deepEqual(kubectl(file, ['apply', '-f', 'db.yaml']), {exitCode: 0, stdout: 'networkpolicy.networking.k8s.io/db-policy created\n', stderr: ''});
	t.deepEqual(kubectl(file, ['apply', '-f', 'db.yaml']), {exitCode: 0, stdout: 'networkpolicy.networking.k8s.io/db-policy unchanged\n', stderr: ''});
	t.truthy(findObject(stateOfFile(file), 'NetworkPolicy', 'default', 'db-policy'));
});

test('kubectl apply -f with a misspelt field: exit 1, the strict decoding error, nothing written', t => {
	const {folder, file} = stateFolder();
	writeIn(folder, 'db.yaml', policyYaml.replace('  ingress:', '  ingres:'));
	const before = readFileSync(file, 'utf8');
	t.deepEqual(kubectl(file, ['apply', '-f', 'db.yaml']), {exitCode: 1, stdout: '', stderr: 'Error from server (BadRequest): error when creating "db.yaml": NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.ingres"\n'});
	t.is(readFileSync(file, 'utf8'), before);
});

test('kubectl apply -f - reads standard input, named STDIN in errors', t => {
	const {file} = stateFolder();
	t.deepEqual(kubectl(file, ['apply', '-n', 'dev', '-f', '-'], {input: policyYaml}), {exitCode: 0, stdout: 'networkpolicy.networking.k8s.io/db-policy created\n', stderr: ''});
	t.is(kubectl(file, ['create', '-f', '-', '-n', 'dev'], {input: policyYaml}).stderr, 'Error from server (AlreadyExists): error when creating "STDIN": networkpolicies.networking.k8s.io "db-policy" already exists\n');
});

test('kubectl apply -f DIR reads the folder\'s own files in name order; -R its sub-folders too', t => {
	const {folder, file} = stateFolder();
	mkdirSync(path.join(folder, 'policies', 'more'), {recursive: true});
	writeIn(folder, 'policies/b.yaml', policyYaml.replace('db-policy', 'b'));
	writeIn(folder, 'policies/a.yml', policyYaml.replace('db-policy', 'a'));
	writeIn(folder, 'policies/notes.txt', 'not read');
	writeIn(folder, 'policies/more/c.json', JSON.stringify(dbPolicy('c')));
	t.is(kubectl(file, ['apply', '-f', 'policies']).stdout, 'networkpolicy.networking.k8s.io/a created\nnetworkpolicy.networking.k8s.io/b created\n');
	t.is(kubectl(file, ['apply', '-Rf', 'policies']).stdout, 'networkpolicy.networking.k8s.io/a unchanged\nnetworkpolicy.networking.k8s.io/b unchanged\nnetworkpolicy.networking.k8s.io/c created\n');
});

test('kubectl apply: a missing file, a file that does not parse, no -f', t => {
	const {folder, file} = stateFolder();
	t.deepEqual(kubectl(file, ['apply', '-f', 'nope.yaml']), {exitCode: 1, stdout: '', stderr: 'error: the path "nope.yaml" does not exist\n'});
	writeIn(folder, 'broken.yaml', 'kind: [\n');
	const broken = kubectl(file, ['apply', '-f', 'broken.yaml']);
	t.is(broken.exitCode, 1);
	t.regex(broken.stderr, /^error: error parsing broken\.yaml: broken\.yaml:\d+:\d+: /);
	t.deepEqual(kubectl(file, ['apply']), {exitCode: 1, stdout: '', stderr: 'error: must specify one of -f and -k\n'});
	t.deepEqual(kubectl(file, ['create', 'namespace', 'prod']), {exitCode: 0, stdout: 'namespace/prod created\n', stderr: ''});
	t.deepEqual(kubectl(file, ['create', 'ns', 'prod']), {exitCode: 1, stdout: '', stderr: 'Error from server (AlreadyExists): namespaces "prod" already exists\n'});
});
