// kubectl label on the dojo cluster: k=v, k-, --overwrite, --all and -l, kubectl's lines
// (labeled, unlabeled, not labeled) and errors, and label keys and values checked as the API
// server checks them.
import test from 'ava';
import {parseLabelChange, runLabel} from '../source/kubectl/label.js';
import {findObject, metadataOf} from '../source/kubectl/state.js';
import {kubectl, smallCluster, stateFolder} from './helpers/kubectl-cluster.js';

const labelsOf = (result: ReturnType<typeof runLabel>, kind: string, namespace: string | undefined, name: string) => metadataOf(findObject(result.state!, kind, namespace, name)!).labels;

test('label pod and namespace: kubectl\'s line, the labels in the state', t => {
	const pod = runLabel(smallCluster(), ['pod', 'web', 'tier=front']);
	t.deepEqual([pod.exitCode, pod.stdout, pod.stderr], [0, 'pod/web labeled\n', '']);
	t.deepEqual(labelsOf(pod, 'Pod', 'default', 'web'), {app: 'web', tier: 'front'});
	const namespace = runLabel(smallCluster(), ['ns', 'dev', 'env=dev', 'purpose=test']);
	t.is(namespace.stdout, 'namespace/dev labeled\n');
	t.deepEqual(labelsOf(namespace, 'Namespace', undefined, 'dev'), {team: 'a', 'kubernetes.io/metadata.name': 'dev', env: 'dev', purpose: 'test'});
});

test('changing a value needs --overwrite; the same value is "not labeled"', t => {
	t.deepEqual(runLabel(smallCluster(), ['pod', 'web', 'app=other']), {stdout: '', stderr: 'error: \'app\' already has a value (web), and --overwrite is false\n', exitCode: 1});
	const overwritten = runLabel(smallCluster(), ['pod', 'web', 'app=other', '--overwrite']);
	t.is(overwritten.stdout, 'pod/web labeled\n');
	t.deepEqual(labelsOf(overwritten, 'Pod', 'default', 'web'), {app: 'other'});
	const same = runLabel(smallCluster(), ['pod', 'web', 'app=web']);
	t.deepEqual([same.stdout, same.state], ['pod/web not labeled\n', undefined]);
});

test('k- removes a label ("unlabeled"); one that is not there is said so', t => {
	const removed = runLabel(smallCluster(), ['pod', 'web', 'app-']);
	t.is(removed.stdout, 'pod/web unlabeled\n');
	t.deepEqual(labelsOf(removed, 'Pod', 'default', 'web'), {});
	t.is(runLabel(smallCluster(), ['pod', 'web', 'nope-']).stdout, 'label "nope" not found.\npod/web not labeled\n');
});

test('the namespace name label stays, whatever is asked (the API server sets it)', t => {
	const result = runLabel(smallCluster(), ['ns', 'dev', 'kubernetes.io/metadata.name-']);
	t.is(result.state, undefined);
	t.is(result.stdout, 'namespace/dev not labeled\n');
});

test('--all, -l, -n and TYPE/NAME', t => {
	t.is(runLabel(smallCluster(), ['pods', '--all', 'checked=yes']).stdout, 'pod/web labeled\npod/api labeled\npod/db labeled\n');
	t.is(runLabel(smallCluster(), ['pods', '-l', 'app!=web', 'checked=yes']).stdout, 'pod/api labeled\npod/db labeled\n');
	t.is(runLabel(smallCluster(), ['pod/tool', '-n', 'dev', 'checked=yes']).stdout, 'pod/tool labeled\n');
});

test('a bad key is refused by the API server, a bad value by kubectl, in their words', t => {
	t.deepEqual(runLabel(smallCluster(), ['pod', 'web', 'bad_=x']), {stdout: '', stderr: 'The Pod "web" is invalid: metadata.labels: Invalid value: "bad_": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')\n', exitCode: 1});
	t.deepEqual(parseLabelChange(['a=b c'], false), {error: 'invalid label value: "a=b c": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')'});
	t.deepEqual(parseLabelChange(['a=b=c'], false), {error: 'invalid label spec: a=b=c'});
	t.deepEqual(parseLabelChange(['a=b', 'a-'], false), {error: 'can not both modify and remove a label in the same command'});
});

test('kubectl\'s usage errors and NotFound', t => {
	t.is(runLabel(smallCluster(), ['pod', 'web']).stderr, 'error: at least one label update is required\n');
	t.is(runLabel(smallCluster(), ['a=b']).stderr, 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
	t.is(runLabel(smallCluster(), ['pod', 'a=b', 'web']).stderr, 'error: all resources must be specified before label changes: web\n');
	t.is(runLabel(smallCluster(), ['pod', 'nope', 'a=b']).stderr, 'Error from server (NotFound): pods "nope" not found\n');
});

test('kubectl label ns, end to end: the label is in the state, and get shows it', t => {
	const {file} = stateFolder();
	t.deepEqual(kubectl(file, ['label', 'ns', 'dev', 'access=db']), {exitCode: 0, stdout: 'namespace/dev labeled\n', stderr: ''});
	t.deepEqual(kubectl(file, ['label', 'ns', 'dev', 'access=web']), {exitCode: 1, stdout: '', stderr: 'error: \'access\' already has a value (db), and --overwrite is false\n'});
	t.regex(kubectl(file, ['get', 'ns', 'dev', '--show-labels']).stdout, /access=db,kubernetes\.io\/metadata\.name=dev,team=a/);
});
