// The exam terminal: how the shell is launched (shims, PATH, prompt), the cluster state it
// keeps, grading that state whole (a deleted policy counts, labels count), and `netpol-dojo
// shell` end to end with a real sh reading the learner's commands.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {gradeClusterState} from '../source/commands/shell.js';
import {challengeServices} from '../source/commands/challenge-services.js';
import {stateFile, writeState} from '../source/kubectl/state-file.js';
import {loadPack} from '../source/commands/load-content.js';
import {describeLabelDifference, labelDifferences, relabelled, selectorKeys} from '../source/grading/labels.js';
import {shellLaunch, shellQuote} from '../source/kubectl/launch.js';
import {findObject, newClusterState, withObject, withoutObject} from '../source/kubectl/state.js';
import {challengeObjects} from '../source/commands/shell.js';
import {cluster, pod, policy, rule, selector} from './helpers/builders.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/bin/cli.js');
const {challenges} = loadPack(path.join(root, 'challenges'));
const challenge = (id: string) => challenges.find(candidate => candidate.id === id)!;

const launchInput = {env: {PATH: '/usr/bin:/bin', HOME: '/home/learner'}, shellDirectory: '/data/work/built-in/.dojo/db-policy.shell', stateFile: '/data/work/built-in/.dojo/db-policy.json', nodePath: '/usr/bin/node', kubectlScript: '/app/dist/bin/kubectl/main.js', label: 'db-policy'};

test('the shims run the dojo\'s kubectl on the challenge\'s state, first on the shell\'s PATH', t => {
	const launch = shellLaunch({...launchInput, shell: '/bin/sh'});
	const shims = launch.files.filter(file => file.isProgram);
	t.deepEqual(shims.map(file => path.basename(file.file)), ['kubectl', 'k']);
	t.is(shims[0]!.text, '#!/bin/sh\n# The dojo\'s kubectl on one challenge\'s cluster (netpol-dojo shell). Never a real cluster.\nNETPOL_DOJO_STATE=\'/data/work/built-in/.dojo/db-policy.json\' exec \'/usr/bin/node\' \'/app/dist/bin/kubectl/main.js\' "$@"\n');
	t.is(launch.env['PATH'], '/data/work/built-in/.dojo/db-policy.shell/bin:/usr/bin:/bin');
	t.is(launch.env['HOME'], '/home/learner', 'the rest of the environment is the learner\'s');
	t.is(launch.env['PS1'], '(dojo db-policy) $ ');
	t.deepEqual([launch.command, ...launch.args], ['/bin/sh', '-i']);
});

test('bash keeps the learner\'s .bashrc, then puts the dojo first on PATH and in the prompt; zsh through ZDOTDIR', t => {
	const bash = shellLaunch({...launchInput, shell: '/usr/bin/bash'});
	t.deepEqual(bash.args, ['--rcfile', '/data/work/built-in/.dojo/db-policy.shell/bashrc', '-i']);
	t.is(bash.files.at(-1)!.text, '[ -f ~/.bashrc ] && . ~/.bashrc\nPATH=\'/data/work/built-in/.dojo/db-policy.shell/bin\':"$PATH"\nPS1=\'(dojo db-policy) \'"$PS1"\n');
	const zsh = shellLaunch({...launchInput, shell: '/bin/zsh'});
	t.is(zsh.env['ZDOTDIR'], '/data/work/built-in/.dojo/db-policy.shell/zsh');
	t.true(zsh.files.at(-1)!.text.startsWith('[ -f \'/home/learner/.zshrc\' ] && . \'/home/learner/.zshrc\'\n'));
	t.is(shellLaunch({...launchInput, shell: undefined}).command, 'sh', 'no $SHELL: sh');
	t.is(shellQuote('it\'s'), '\'it\'\\\'\'s\'');
});

test('a new cluster state holds the challenge\'s objects, namespaces made and name-labelled as the API server has them', t => {
	const state = newClusterState('built-in/db-policy', challengeObjects(challenge('db-policy')), 1000);
	t.is(state.createdAt, 1000);
	const monitoring = findObject(state, 'Namespace', undefined, 'monitoring')!;
	t.deepEqual((monitoring['metadata'] as {labels: unknown}).labels, {purpose: 'monitoring', 'kubernetes.io/metadata.name': 'monitoring'});
	t.truthy(findObject(state, 'Pod', 'default', 'db'));
	const relabelled = withObject(state, {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'db', namespace: 'default', labels: {role: 'database'}}});
	t.is(relabelled.objects.length, state.objects.length, 'the same object is replaced, not added');
	t.is(withoutObject(state, findObject(state, 'Pod', 'default', 'db')!).objects.length, state.objects.length - 1);
});

test('a whole cluster is graded as it is: deleting a cluster policy the task does not name fails, with the policy named', t => {
	const dns = challenge('dns-after-deny');
	const state = newClusterState('built-in/dns-after-deny', challengeObjects(dns), 0);
	const solution = readFileSync(path.join(root, 'challenges/dns-after-deny/solution.yaml'), 'utf8');
	t.true(solution.includes('name: allow-dns'));
	const withAnswer = dns.solution.reduce((current, answer) => withObject(current, {
		apiVersion: 'networking.k8s.io/v1',
		kind: 'NetworkPolicy',
		metadata: {name: answer.name, namespace: answer.namespace},
		spec: {podSelector: {}, policyTypes: ['Egress'], egress: [{to: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'kube-system'}}, podSelector: {matchLabels: {'k8s-app': 'kube-dns'}}}], ports: [{port: 53, protocol: 'UDP'}, {port: 53, protocol: 'TCP'}]}]},
	}), state);
	t.true(gradeClusterState(dns, withAnswer).passed);
	const deny = findObject(withAnswer, 'NetworkPolicy', 'apps', 'default-deny-egress')!;
	const report = gradeClusterState(dns, withoutObject(withAnswer, deny));
	t.false(report.passed);
	t.deepEqual(report.deletedPolicies, [{name: 'default-deny-egress', namespace: 'apps'}]);
});

test('labels are compared on the keys a selector names: other labels never change a verdict', t => {
	const base = cluster({pods: [pod('shop/web', {app: 'web'}), pod('shop/db', {app: 'db'})], policies: []});
	const policies = [policy('shop/db-policy', {app: 'db'}, {ingress: [rule([{podSelector: selector({access: 'db'})}])]})];
	const keys = selectorKeys(policies);
	t.deepEqual([...keys].sort(), ['access', 'app']);
	const expected = relabelled(base, {namespaces: [], pods: [pod('shop/web', {app: 'web', access: 'db'})]});
	const extraLabel = relabelled(base, {namespaces: [], pods: [pod('shop/web', {app: 'web', access: 'db', owner: 'me'})]});
	t.deepEqual(labelDifferences(extraLabel, expected, keys), [], 'a label no selector names is free');
	const [difference] = labelDifferences(base, expected, keys);
	t.deepEqual(difference, {kind: 'Pod', name: 'shop/web', yours: {}, expected: {access: 'db'}});
	t.is(describeLabelDifference(difference!), 'pod shop/web has labels none; the task needs access=db');
});

test('netpol-dojo shell: the learner\'s sh with kubectl and k on the challenge\'s cluster, graded when it ends', t => {
	const home = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-shell-'));
	const result = spawnSync(process.execPath, [cli, 'shell', 'db-policy'], {
		input: 'kubectl get pods --show-labels\nk get ns\nk version\nexit\n',
		encoding: 'utf8',
		env: {PATH: process.env['PATH'], HOME: home, NETPOL_DOJO_HOME: home, SHELL: '/bin/sh'},
	});
	t.is(result.status, 1, result.stderr);
	t.regex(result.stdout, /^NAME +READY +STATUS +RESTARTS +AGE +LABELS\napi +1\/1 +Running +0 +\d+s +name=api-pod\ndb +1\/1 +Running +0 +\d+s +role=db\nweb +1\/1 +Running +0 +\d+s +name=web-pod\n/);
	t.regex(result.stdout, /\nNAME +STATUS +AGE\ndefault +Active +\d+s\nkube-system +Active +\d+s\nmonitoring +Active +\d+s\n/);
	t.true(readFileSync(path.join(home, 'work/built-in/db-policy.yaml'), 'utf8').startsWith('# '), 'the file to write the policy in is there, the task as comments');
	t.true(result.stdout.includes('db-policy: not passed, the task asks for NetworkPolicy default/db-policy, and your cluster has no such policy'), result.stdout);
	t.true(result.stderr.includes('The dojo\'s terminal for db-policy'), result.stderr);
	t.true(result.stderr.includes('error: kubectl version is not in the dojo\'s kubectl.'), result.stderr);
	t.true(result.stderr.includes('(dojo db-policy) $ '), 'the prompt names the challenge');
	const state = path.join(home, 'work/built-in/.dojo/db-policy.json');
	t.true(existsSync(state));
	t.deepEqual(readFileSync(`${state}.commands`, 'utf8').trim().split('\n').map(line => (JSON.parse(line) as {command: string}).command), ['get pods --show-labels', 'get ns'], 'the commands it ran, for the exam\'s review');
});

test('a whole cluster that lost one of the task\'s pods or namespaces fails, naming it, whatever its labels said', t => {
	const labelTask = challenge('label-the-pod');
	const state = newClusterState('built-in/label-the-pod', challengeObjects(labelTask), 0);
	const report = findObject(state, 'Pod', 'batch', 'report')!;
	const metadata = report['metadata'] as {labels: Record<string, string>};
	const labelled = withObject(state, {...report, metadata: {...metadata, labels: {...metadata.labels, 'db-access': 'true'}}});
	t.true(gradeClusterState(labelTask, labelled).passed, 'the label alone passes');
	const debug = findObject(labelled, 'Pod', 'batch', 'report-debug')!;
	const debugMetadata = debug['metadata'] as {labels: Record<string, string>};
	// Labelling both by `-l app=report`, then deleting the one that should not have it.
	const both = withObject(labelled, {...debug, metadata: {...debugMetadata, labels: {...debugMetadata.labels, 'db-access': 'true'}}});
	const graded = gradeClusterState(labelTask, withoutObject(both, findObject(both, 'Pod', 'batch', 'report-debug')!));
	t.false(graded.passed);
	t.deepEqual(graded.deletedObjects, ['pod batch/report-debug']);
});

test('a Deployment named like the task\'s pod does not relabel the pod: grade label-the-pod fails', t => {
	const home = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-workload-label-'));
	const file = path.join(home, 'answer.yaml');
	writeFileSync(file, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: report, namespace: batch}\nspec:\n  selector: {matchLabels: {app: report}}\n  template:\n    metadata: {labels: {app: report, db-access: "true"}}\n    spec: {containers: [{name: report, image: report:1}]}\n');
	const result = spawnSync(process.execPath, [cli, 'grade', 'label-the-pod', file], {encoding: 'utf8', env: {PATH: process.env['PATH'], HOME: home, NETPOL_DOJO_HOME: home}});
	t.is(result.status, 1, result.stdout + result.stderr);
	t.true(result.stdout.includes('pod batch/report has labels'), result.stdout);
});

test('an exam task is graded by the answer last worked on: the terminal\'s cluster after an apply, the file after an edit', t => {
	const data = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-task-'));
	const db = challenge('db-policy');
	const file = path.join(data, 'exams/now/built-in/db-policy.yaml');
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, readFileSync(path.join(root, 'challenges/db-policy/solution.yaml'), 'utf8'));
	const services = challengeServices(data, {}, {});
	writeState(stateFile(file), newClusterState('built-in/db-policy', challengeObjects(db), 0));
	utimesSync(file, new Date(1000), new Date(1000));
	t.like(services.gradeTask(db, file, ''), {kind: 'graded', isCluster: true, report: {passed: false}}, 'the cluster, written after the file, has no policy');
	utimesSync(file, new Date(), new Date(Date.now() + 60_000));
	t.like(services.gradeTask(db, file, ''), {kind: 'graded', report: {passed: true}}, 'the file, edited after the terminal, is the answer');
});
