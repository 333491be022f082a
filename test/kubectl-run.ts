// kubectl run on the dojo cluster: the Pod as kubectl makes it (--dry-run=client -o yaml, word
// for word), created with the next free pod address, and with --rm -it -- CMD run through exec
// and deleted after.
import test from 'ava';
import {podOf, runRun} from '../source/kubectl/run.js';
import {findObject} from '../source/kubectl/state.js';
import {kubectl, smallCluster, stateFolder} from './helpers/kubectl-cluster.js';

const noYaml = () => '';

test('kubectl run --dry-run=client -o yaml prints the Pod kubectl would send, and changes nothing', t => {
	const {file} = stateFolder();
	t.deepEqual(kubectl(file, ['run', 'probe', '--image=busybox', '--restart=Never', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '3600']), {exitCode: 0, stderr: '', stdout: `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: probe
  name: probe
spec:
  containers:
  - args:
    - sleep
    - "3600"
    image: busybox
    name: probe
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`});
	t.is(kubectl(file, ['get', 'pod', 'probe']).exitCode, 1);
});

test('--labels replace run=NAME; --port, --command, -it and -n are written as kubectl writes them', t => {
	t.deepEqual(podOf({name: 'p', image: 'nginx', namespace: 'dev', labels: {app: 'p', tier: 'x'}, port: 80, restart: 'Always', command: ['sh', '-c', 'x'], isCommand: true, isInteractive: true, isTerminal: true}), {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {creationTimestamp: null, labels: {app: 'p', tier: 'x'}, name: 'p', namespace: 'dev'},
		spec: {containers: [{command: ['sh', '-c', 'x'], image: 'nginx', name: 'p', ports: [{containerPort: 80}], resources: {}, stdin: true, stdinOnce: true, tty: true}], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always'},
		status: {},
	});
});

test('run creates the pod with the next free address of the pod range', t => {
	const result = runRun(smallCluster(), ['probe', '--image=busybox', '-l', 'app=probe', '-n', 'dev'], 0, noYaml);
	t.deepEqual([result.exitCode, result.stdout, result.stderr], [0, 'pod/probe created\n', '']);
	const pod = findObject(result.state!, 'Pod', 'dev', 'probe')!;
	t.deepEqual(pod['status'], {phase: 'Running', podIP: '10.244.1.2'});
	t.deepEqual(pod['metadata'], {labels: {app: 'probe'}, name: 'probe', namespace: 'dev'});
	t.deepEqual(runRun(result.state!, ['probe', '--image=busybox', '-n', 'dev'], 0, noYaml), {stdout: '', stderr: 'Error from server (AlreadyExists): pods "probe" already exists\n', exitCode: 1});
});

test('kubectl\'s usage errors', t => {
	t.is(runRun(smallCluster(), ['--image=busybox'], 0, noYaml).stderr, 'error: NAME is required for run\nSee \'kubectl run -h\' for help and examples\n');
	t.is(runRun(smallCluster(), ['x'], 0, noYaml).stderr, 'error: --image is required\n');
	t.is(runRun(smallCluster(), ['x', '--image=b', '--restart=Sometimes'], 0, noYaml).stderr, 'error: invalid restart policy: Sometimes\n');
	t.is(runRun(smallCluster(), ['x', '--image=b', '--rm', '--', 'true'], 0, noYaml).stderr, 'error: --rm should only be used for attached containers\n');
	t.is(runRun(smallCluster(), ['x', '--image=busybox', '--rm', '-it'], 0, noYaml).stderr, 'error: the dojo\'s kubectl cannot attach to a pod\'s own shell; give the command after --, as in:\n  kubectl run x --image=busybox --rm -it --restart=Never -- nc -zv -w 2 HOST PORT\n');
	t.is(runRun(smallCluster(), ['x', '--image=b', '-n', 'nowhere'], 0, noYaml).stderr, 'Error from server (NotFound): namespaces "nowhere" not found\n');
});

test('run --rm -it -- nc: the command runs in the new pod, which is deleted after; with -t its output is the terminal\'s one stream', t => {
	const open = runRun(smallCluster(), ['probe', '--image=busybox', '--rm', '-it', '--restart=Never', '--', 'nc', '-zv', '-w', '2', '10.244.1.7', '3306'], 0, noYaml);
	t.deepEqual(open, {stdout: '10.244.1.7 (10.244.1.7:3306) open\npod "probe" deleted\n', stderr: '', exitCode: 0});
	const withoutTerminal = runRun(smallCluster(), ['probe', '--image=busybox', '--rm', '-i', '--restart=Never', '--', 'nc', '-zv', '-w', '2', '10.244.1.7', '3306'], 0, noYaml);
	t.deepEqual(withoutTerminal, {stdout: 'pod "probe" deleted\n', stderr: '10.244.1.7 (10.244.1.7:3306) open\n', exitCode: 0});
});

test('run --rm -it: a command that fails ends the pod in Error, exit 1', t => {
	const {file} = stateFolder();
	const policy = JSON.stringify({apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'deny'}, spec: {podSelector: {}, policyTypes: ['Ingress']}});
	t.is(kubectl(file, ['apply', '-f', '-'], {input: policy}).exitCode, 0);
	const result = kubectl(file, ['run', 'probe', '--image=busybox', '--rm', '-it', '--restart=Never', '--', 'nc', '-zv', '-w', '2', '10.244.1.7', '3306']);
	t.deepEqual(result, {exitCode: 1, stdout: 'nc: 10.244.1.7 (10.244.1.7:3306): Connection timed out\npod "probe" deleted\n', stderr: 'pod default/probe terminated (Error)\n'});
	t.is(kubectl(file, ['get', 'pod', 'probe']).exitCode, 1);
});
