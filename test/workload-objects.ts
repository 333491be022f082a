// Workloads and Services read from their API form: what is checked (the pod template's labels,
// its container ports, the selector against the template; a Service's ports), with the API
// server's words, and what is not (every other field a real manifest has); and the kinds that
// are skipped without being taken for a misspelt one.
import path from 'node:path';
import test from 'ava';
import {startLoadingCluster} from '../source/commands/load-cluster.js';
import {loadClusterFiles} from '../source/content/cluster-files.js';
import {likelyMistake} from '../source/content/skipped-kinds.js';
import {serviceIssues, toService} from '../source/kube/service.js';
import {toWorkloadPod, workloadIssues} from '../source/kube/workload.js';

const messages = (issues: ReadonlyArray<{message: string}>) => issues.map(issue => issue.message);

const deployment = (spec: Record<string, unknown>) => ({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'shop'}, spec});
const template = (labels: Record<string, unknown>, ports: unknown[] = []) => ({metadata: {labels}, spec: {containers: [{name: 'web', image: 'nginx', ports}]}});

test('fields outside the pod template\'s labels and container ports are not checked: real manifests carry many', t => {
	const object = {
		...deployment({
			replicas: 3,
			strategy: {type: 'RollingUpdate', someFutureField: true},
			selector: {matchLabels: {app: 'web'}},
			template: {metadata: {labels: {app: 'web'}, annotations: {a: 'b'}}, spec: {containers: [{name: 'web', image: 'nginx', env: [{name: 'X', value: '1'}], ports: [{containerPort: 80, name: 'http', hostPort: 8080}]}], volumes: []}},
		}),
		status: {availableReplicas: 3},
	};
	t.deepEqual(messages(workloadIssues('Deployment', object)), []);
	t.deepEqual(toWorkloadPod('Deployment', object), {namespace: 'shop', name: 'web', workloadKind: 'Deployment', labels: {app: 'web'}, ips: [], ports: [{name: 'http', port: 80, protocol: 'TCP'}]});
});

test('a selector that does not match the template, or an empty one, is refused as the API server refuses it', t => {
	t.deepEqual(messages(workloadIssues('Deployment', deployment({selector: {matchLabels: {app: 'web'}}, template: template({app: 'web2', tier: 'x'})}))), [
		'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web2", "tier":"x"}: `selector` does not match template `labels`',
	]);
	t.deepEqual(messages(workloadIssues('Deployment', deployment({selector: {matchExpressions: [{key: 'app', operator: 'In', values: ['web', 'web2']}]}, template: template({app: 'web2'})}))), []);
	t.deepEqual(messages(workloadIssues('DaemonSet', {...deployment({selector: {}, template: template({app: 'web'})}), kind: 'DaemonSet'})), ['spec.selector: Invalid value: {}: empty selector is invalid for daemonset']);
	t.deepEqual(messages(workloadIssues('ReplicaSet', {...deployment({selector: {}, template: template({app: 'web'})}), kind: 'ReplicaSet'})), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']);
});

test('a Job and a ReplicationController may leave their selector out (it defaults to the template\'s labels); a CronJob\'s template is under jobTemplate', t => {
	t.deepEqual(messages(workloadIssues('Job', {apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'once'}, spec: {template: template({app: 'once'})}})), []);
	t.deepEqual(messages(workloadIssues('ReplicationController', {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'old'}, spec: {template: template({app: 'old'})}})), []);
	t.deepEqual(messages(workloadIssues('ReplicationController', {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'old'}, spec: {selector: {app: 'new'}, template: template({app: 'old'})}})), [
		'spec.template.metadata.labels: Invalid value: map[string]string{"app":"old"}: `selector` does not match template `labels`',
	]);
	const cronJob = {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name: 'nightly', namespace: 'ops'}, spec: {schedule: '@daily', jobTemplate: {spec: {template: template({app: 'nightly'}, [{containerPort: 9102, name: 'metrics'}])}}}};
	t.deepEqual(messages(workloadIssues('CronJob', cronJob)), []);
	t.deepEqual(toWorkloadPod('CronJob', cronJob).labels, {app: 'nightly'});
	t.deepEqual(messages(workloadIssues('CronJob', {...cronJob, spec: {schedule: '@daily'}})), ['spec.jobTemplate.spec.template: Required value']);
});

test('a template\'s container ports and labels are checked as a Pod\'s, at their path in the workload', t => {
	t.deepEqual(messages(workloadIssues('Deployment', deployment({selector: {matchLabels: {app: 'web'}}, template: template({app: 'web'}, [{containerPort: 0, name: 'HTTP', protocol: 'ICMP'}])}))), [
		'spec.template.spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
		'spec.template.spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
		'spec.template.spec.containers[0].ports[0].containerPort: Required value',
		'spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
	]);
	t.deepEqual(messages(workloadIssues('Deployment', deployment({selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: 'app=web'}}}))), ['spec.template.metadata.labels: Invalid value: "app=web": must be an object']);
});

test('a Service: its name a DNS-1035 label, a name on each of several ports, targetPort a number or a port name; defaults as the API server\'s', t => {
	const service = (spec: Record<string, unknown>, name = 'api') => ({apiVersion: 'v1', kind: 'Service', metadata: {name, namespace: 'shop'}, spec});
	t.deepEqual(messages(serviceIssues(service({selector: {app: 'api'}, ports: [{port: 80}, {port: 443, targetPort: 70_000}]}, '1api'))), [
		'metadata.name: Invalid value: "1api": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')',
		'spec.ports[0].name: Required value',
		'spec.ports[1].name: Required value',
		'spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
	]);
	t.deepEqual(toService(service({selector: {app: 'api'}, ports: [{name: 'http', port: 80}, {name: 'dns', port: 53, protocol: 'UDP', targetPort: 'dns'}]})), {
		namespace: 'shop',
		name: 'api',
		selector: {app: 'api'},
		ports: [{name: 'http', port: 80, protocol: 'TCP', targetPort: 80}, {name: 'dns', port: 53, protocol: 'UDP', targetPort: 'dns'}],
	});
	t.is(toService(service({selector: {}, ports: []})).selector, undefined, 'an empty selector is no selector');
});

test('the kinds of a Helm chart are skipped as other kinds, never taken for a misspelt one; an old apiVersion of a workload is', t => {
	const chartKinds = ['ConfigMap', 'Secret', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'Ingress', 'IngressClass', 'HorizontalPodAutoscaler', 'PodDisruptionBudget',
		'PersistentVolumeClaim', 'StorageClass', 'Endpoints', 'EndpointSlice', 'ControllerRevision', 'Event', 'Node', 'LimitRange', 'ResourceQuota', 'PodTemplate', 'ServiceMonitor', 'PriorityClass',
		'CustomResourceDefinition', 'APIService', 'Lease', 'CSIDriver', 'Certificate', 'Issuer'];
	for (const kind of chartKinds) {
		t.is(likelyMistake({kind, apiVersion: kind === 'Ingress' ? 'networking.k8s.io/v1' : 'v1'}), undefined, kind);
	}

	t.is(likelyMistake({kind: 'Deployment', apiVersion: 'extensions/v1beta1'})?.hint, 'netpol-dojo reads Deployment as apps/v1, not extensions/v1beta1');
	t.is(likelyMistake({kind: 'CronJob', apiVersion: 'batch/v1beta1'})?.hint, 'netpol-dojo reads CronJob as batch/v1, not batch/v1beta1');
	t.is(likelyMistake({kind: 'Deployments', apiVersion: 'apps/v1'})?.hint, 'did you mean kind: Deployment?');
	t.is(likelyMistake({kind: 'Services', apiVersion: 'v1'})?.hint, 'did you mean kind: Service?');
});

test('workloads and Services loaded in a worker thread (a large cluster) are those loaded in place', async t => {
	const files = [path.resolve(import.meta.dirname, '../../test/fixtures/workloads/dump.yaml')];
	const inWorker = await startLoadingCluster(files, undefined, 0);
	const inPlace = loadClusterFiles(files);
	t.deepEqual(JSON.parse(JSON.stringify(inWorker.objects)), JSON.parse(JSON.stringify(inPlace.objects)));
	t.deepEqual(inWorker.objects.workloads?.map(workload => [workload.name, workload.pods]), [['web', [0, 1]], ['web-7d4f9c', [0, 1]], ['web-5c8b21', []], ['backup', [2]], ['backup-28912345', [2]], ['db', [3]]]);
	t.deepEqual(inWorker.objects.services?.map(service => service.name), ['web']);
});
