// Workloads and Services end to end: the built CLI as a child process on the fixtures in
// test/fixtures/workloads (a Helm chart's rendered output, a kubectl dump with ownerReferences,
// and a Pod, a Deployment and a StatefulSet sharing a name), through eval, explain, matrix,
// lint and diff: exit codes, stdout and stderr.
import {execFile} from 'node:child_process';
import path from 'node:path';
import test from 'ava';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/source/cli.js');

type Outcome = {code: number | undefined; stdout: string; stderr: string};

async function run(args: readonly string[], cwd = path.join(root, 'test/fixtures/workloads')): Promise<Outcome> {
	const environment: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
	delete environment['FORCE_COLOR'];
	delete environment['NETPOL_DOJO_DEBUG'];
	return new Promise(resolve => {
		execFile(process.execPath, [cli, ...args], {cwd, env: environment, encoding: 'utf8'}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : undefined) : 0, stdout, stderr});
		});
	});
}

// The chart as two files, in the order a folder gives them.
const helm = ['helm/namespaces.yaml', 'helm/templates/networkpolicy.yaml', 'helm/templates/shop.yaml'];

const skippedNote = 'note: skipped 6 objects of kinds netpol-dojo does not read (it reads Namespaces, Pods, workloads, Services and NetworkPolicies): '
	+ 'ServiceAccount (v1) x1, first: helm/templates/shop.yaml:4 ServiceAccount "shop/shop"; ConfigMap (v1) x1, first: helm/templates/shop.yaml:14 ConfigMap "shop/shop-config"; '
	+ 'Secret (v1) x1, first: helm/templates/shop.yaml:24 Secret "shop/shop-db"; HorizontalPodAutoscaler (autoscaling/v2) x1, first: helm/templates/shop.yaml:138 HorizontalPodAutoscaler "shop/web"; '
	+ 'PodDisruptionBudget (policy/v1) x1, first: helm/templates/shop.yaml:152 PodDisruptionBudget "shop/web"; Ingress (networking.k8s.io/v1) x1, first: helm/templates/shop.yaml:163 Ingress "shop/shop"\n';

test('eval: a chart of Deployments, Services and other kinds decides flows to workloads and through Services', async t => {
	const outcome = await run(['eval', '--flows', 'helm-flows.yaml', ...helm]);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stderr, skippedNote, 'ConfigMaps, Secrets, Ingresses, HPAs... are skipped, and none is taken for a mistake');
	t.is(outcome.stdout, [
		'FROM                   TO            PORT      VERDICT  EXPECT  WHY',
		'shop/web               svc/shop/api  80/TCP    allow    ok      1 of 1 backends allowed; shop/api[Deployment] on 8080: no policy selects shop/web[Deployment] for egress; ingress allowed by shop/api ingress rule #1',
		'shop/web               svc/shop/api  9090/TCP  deny     ok      0 of 1 backends allowed; shop/api[Deployment] on 9090: NetworkPolicy \'shop/api\' selects shop/api[Deployment] for ingress, and no rule allows from shop/web[Deployment] on 9090/TCP',
		'monitoring/prometheus  svc/shop/api  9090/TCP  allow    ok      1 of 1 backends allowed; shop/api[Deployment] on 9090: no policy selects monitoring/prometheus[StatefulSet] for egress; ingress allowed by shop/api ingress rule #2',
		'monitoring/prometheus  shop/api      8080/TCP  deny     ok      NetworkPolicy \'shop/api\' selects shop/api[Deployment] for ingress, and no rule allows from monitoring/prometheus[StatefulSet] on 8080/TCP',
		'203.0.113.9            svc/shop/web  80/TCP    allow    ok      1 of 1 backends allowed; shop/web[Deployment] on 8080: no policy selects shop/web[Deployment] for ingress',
		'',
		'5 flows: 3 allowed, 2 denied; 5 expectations held, 0 failed',
		'',
	].join('\n'));
});

test('eval reads the chart from its folder too, recursively', async t => {
	const fromFolder = await run(['eval', '--flows', 'helm-flows.yaml', 'helm']);
	const fromFiles = await run(['eval', '--flows', 'helm-flows.yaml', ...helm]);
	t.is(fromFolder.code, 0, fromFolder.stderr);
	t.is(fromFolder.stdout, fromFiles.stdout);
});

test('eval: pods owned by a workload (Pod -> ReplicaSet -> Deployment, Pod -> Job -> CronJob) are its replicas, each decided', async t => {
	const outcome = await run(['eval', '--flows', 'dump-flows.yaml', 'dump.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stderr, '', 'the workloads, Services and the List are read: nothing skipped');
	t.is(outcome.stdout, [
		'FROM                   TO            PORT      VERDICT  EXPECT  WHY',
		'shop/web               shop/db       5432/TCP  mixed            1 of 2 replicas allowed; shop/web-7d4f9c-q9w3z -> shop/db[Deployment]: NetworkPolicy \'shop/db\' selects shop/db[Deployment] for ingress, and no rule allows from shop/web-7d4f9c-q9w3z on 5432/TCP',
		'shop/backup            shop/db       5432/TCP  allow    ok      1 of 1 replicas allowed; shop/backup-28912345-7hx2l -> shop/db[Deployment]: no policy selects shop/backup-28912345-7hx2l for egress; ingress allowed by shop/db ingress rule #1',
		'shop/web-7d4f9c-x2k8p  shop/db       5432/TCP  allow    ok      no policy selects shop/web-7d4f9c-x2k8p for egress; ingress allowed by shop/db ingress rule #1',
		'203.0.113.9            svc/shop/web  80/TCP    allow    ok      2 of 2 backends allowed; shop/web-7d4f9c-x2k8p on 8080: no policy selects shop/web-7d4f9c-x2k8p for ingress',
		'',
		'4 flows: 3 allowed, 0 denied, 1 mixed; 3 expectations held, 0 failed',
		'',
	].join('\n'));
});

test('eval --json: a flow that stands for several has its members, and `mixed` meets no expectation', async t => {
	const outcome = await run(['eval', '--json', '--flows', 'dump-flows.yaml', 'dump.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	type Result = {verdict: string; pass?: boolean; members?: {kind: string; allowed: number; total: number; flows: Array<{from: string; to: string; port?: number; verdict: string}>}};
	const document = JSON.parse(outcome.stdout) as {results: Result[]; passed: number; failed: number};
	t.deepEqual(document.results[0]!.members, {
		kind: 'replicas',
		allowed: 1,
		total: 2,
		flows: [
			{from: 'shop/web-7d4f9c-x2k8p', to: 'shop/db[Deployment]', port: 5432, verdict: 'allow'},
			{from: 'shop/web-7d4f9c-q9w3z', to: 'shop/db[Deployment]', port: 5432, verdict: 'deny'},
		],
	});
	t.is(document.results[0]!.verdict, 'mixed');
	t.is(document.results[2]!.members, undefined, 'a flow between two pods has no members');
	t.deepEqual(document.results[3]!.members?.flows.map(flow => [flow.to, flow.port]), [['shop/web-7d4f9c-x2k8p', 8080], ['shop/web-7d4f9c-q9w3z', 8080]], 'targetPort http resolved on each backend');
	t.deepEqual([document.passed, document.failed], [3, 0]);
});

test('eval: expect allow and expect deny both fail on a mixed flow', async t => {
	const outcome = await run(['eval', '--flows', 'mixed-expectations.yaml', 'dump.yaml']);
	t.is(outcome.code, 1);
	t.true(outcome.stdout.endsWith('2 flows: 0 allowed, 0 denied, 2 mixed; 0 expectations held, 2 failed\n'), outcome.stdout);
	t.true(outcome.stdout.includes('mixed    FAIL (expected allow)'), outcome.stdout);
	t.true(outcome.stdout.includes('mixed    FAIL (expected deny) '), outcome.stdout);
});

test('eval: a name shared by a Pod, a Deployment and a StatefulSet is an error that lists the choices; namespace/kind/name says which', async t => {
	const ambiguous = await run(['eval', '--flows', 'ambiguous-flows.yaml', 'ambiguous.yaml']);
	t.is(ambiguous.code, 2);
	t.is(ambiguous.stdout, '');
	t.is(ambiguous.stderr, 'error: ambiguous-flows.yaml:2:12: flows[0].from: "shop/web" names Pod shop/web, Deployment shop/web and StatefulSet shop/web; write shop/pod/web, shop/deployment/web or shop/statefulset/web\n');
	const named = await run(['eval', '--flows', 'ambiguous-named.yaml', 'ambiguous.yaml']);
	t.is(named.code, 0, named.stderr);
	t.is(named.stdout, [
		'FROM                 TO       PORT      VERDICT  EXPECT  WHY',
		'shop/deployment/web  shop/db  5432/TCP  allow    ok      no policy selects shop/web[Deployment] for egress; ingress allowed by shop/db ingress rule #1',
		'shop/sts/web         shop/db  5432/TCP  deny     ok      NetworkPolicy \'shop/db\' selects shop/db[Deployment] for ingress, and no rule allows from shop/web[StatefulSet] on 5432/TCP',
		'shop/pod/web         shop/db  5432/TCP  deny     ok      NetworkPolicy \'shop/db\' selects shop/db[Deployment] for ingress, and no rule allows from shop/web on 5432/TCP',
		'',
		'3 flows: 1 allowed, 2 denied; 3 expectations held, 0 failed',
		'',
	].join('\n'));
});

test('eval: ends that name no workload or Service, a Service as the source, a port the Service lacks: one message each, exit 2', async t => {
	const outcome = await run(['eval', '--flows', 'bad-flows.yaml', ...helm]);
	t.is(outcome.code, 2);
	t.is(outcome.stdout, '');
	t.is(outcome.stderr, skippedNote + [
		'error: bad-flows.yaml:2:12: flows[0].from: "shop/deploymnet/web": "deploymnet" is not a kind a flow can name; use pod, deployment, statefulset, daemonset, replicaset, replicationcontroller, job or cronjob (or svc/namespace/name for a Service) (did you mean deployment?)',
		'error: bad-flows.yaml:3:12: flows[1].from: "svc/shop/web" is a Service, which opens no connections (its pods do); name a pod or workload as from',
		'error: bad-flows.yaml:4:46: flows[2].port: Service "shop/web" has no port 8080/TCP (its ports: 80/TCP)',
		'error: bad-flows.yaml:5:26: flows[3].to: Service "shop/nope" is not in the cluster files',
		'error: bad-flows.yaml:6:26: flows[4].to: StatefulSet "shop/api" is not in the cluster files (did you mean shop/deployment/api?)',
		'error: bad-flows.yaml:7:26: flows[5].to: pod or workload "shop/apii" is not in the cluster files (did you mean shop/api?)',
		'',
	].join('\n'));
});

test('eval: a Service without a selector, one that selects nothing, and a ReplicaSet its Deployment stands for', async t => {
	const outcome = await run(['eval', '--flows', 'service-problems-flows.yaml', 'dump.yaml', 'service-problems.yaml']);
	t.is(outcome.code, 2);
	t.is(outcome.stderr, [
		'error: service-problems-flows.yaml:2:26: flows[0].to: Service "shop/external-db" has no selector: its endpoints are kept by hand (EndpointSlices), which netpol-dojo does not read; name the pods instead',
		'error: service-problems-flows.yaml:3:26: flows[1].to: Service "shop/search" selects no pod of the cluster files (selector app=search in namespace shop)',
		'error: service-problems-flows.yaml:4:26: flows[2].to: Service "shop/docs" is of type ExternalName: it names a host outside the cluster and sends nothing to pods',
		'error: service-problems-flows.yaml:5:12: flows[3].from: shop/web-5c8b21[ReplicaSet] has no pods in the cluster files, and shop/web[Deployment] owns it: name shop/web instead',
		'',
	].join('\n'));
});

test('explain: the Service is not what policies see; each backend is traced on its targetPort', async t => {
	const outcome = await run(['explain', '--from', 'shop/web', '--to', 'svc/shop/api', '--port', '80', ...helm]);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, [
		'shop/web -> svc/shop/api on 80/TCP: allow (1 of 1 backends allowed)',
		'  policies do not see the Service svc/shop/api: they see each pod it selects, on its targetPort (80 -> 8080); each is decided on its own',
		'  shop/web[Deployment] -> shop/api[Deployment] on 8080/TCP: allow',
		'    egress from shop/web[Deployment]: allowed; no NetworkPolicy selects it for egress',
		'    ingress to shop/api[Deployment]: allowed; selected for ingress by shop/api (podSelector app.kubernetes.io/name=api)',
		'      shop/api ingress rule #1 admits it: peer 1: podSelector tier=frontend matches shop/web[Deployment] (labels app.kubernetes.io/instance=shop,app.kubernetes.io/name=web,tier=frontend); port 1 (http/TCP, a named port) is 8080 on shop/api[Deployment]: matches',
		'',
		'1 flow: 1 allowed, 0 denied',
		'',
	].join('\n'));
});

test('explain: replicas each traced; a backend without the named targetPort is said so; --json has members', async t => {
	const text = await run(['explain', '--flows', 'dump-flows.yaml', 'dump.yaml']);
	t.is(text.code, 0, text.stderr);
	t.true(text.stdout.startsWith([
		'shop/web -> shop/db on 5432/TCP: mixed (1 of 2 replicas allowed)',
		'  shop/web[Deployment] stands for its pods in the files (they name it in their ownerReferences); each is decided on its own',
		'  shop/web-7d4f9c-x2k8p -> shop/db[Deployment] on 5432/TCP: allow',
	].join('\n')), text.stdout);
	t.true(text.stdout.includes('        peer 2: ipBlock 10.244.0.0/16 contains none of shop/web-7d4f9c-q9w3z\'s IPs (10.250.2.9)\n'), text.stdout);
	const missing = await run(['explain', '--json', '--flows', 'flows.yaml', 'manifests'], path.join(root, 'docs/examples/shop'));
	t.is(missing.code, 1, missing.stderr);
	type Member = {to: string; verdict: string; targetPort?: string; explanation: string[]};
	const document = JSON.parse(missing.stdout) as {results: Array<{verdict: string; pass: boolean; note?: string; members?: {kind: string; allowed: number; total: number; flows: Member[]}}>};
	const [first] = document.results;
	t.is(first!.verdict, 'mixed');
	t.false(first!.pass);
	t.is(first!.note, 'policies do not see the Service svc/shop/api: they see each pod it selects, on its targetPort (80 -> http, a name resolved on each pod); each is decided on its own');
	t.deepEqual(first!.members!.flows.map(member => [member.to, member.verdict, member.targetPort]), [['shop/api-canary[Deployment]', 'deny', 'http'], ['shop/api[Deployment]', 'allow', undefined]]);
	t.deepEqual(first!.members!.flows[0]!.explanation, ['shop/api-canary[Deployment] has no container port named http, so the Service cannot send it this flow']);
});

test('matrix: a chart of Deployments and a StatefulSet has a grid, workloads shown as namespace/name[Kind]', async t => {
	const outcome = await run(['matrix', ...helm]);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, [
		'Who may open a connection to whom on 80/TCP (rows: from, columns: to)',
		'3 pods in 2 namespaces; 7 of 9 pairs allowed (78%)',
		'',
		'                                        1 2 3',
		'  1 monitoring/prometheus[StatefulSet]  ✓ ✓ ·',
		'  2 shop/web[Deployment]                ✓ ✓ ·',
		'  3 shop/api[Deployment]                ✓ ✓ ✓',
		'',
		'✓ allowed  · denied  (a pod can always reach itself)',
		'',
	].join('\n'));
	const json = await run(['matrix', '--json', '--port', '8080', ...helm]);
	const document = JSON.parse(json.stdout) as {pods: string[]; allowed: string[]};
	t.deepEqual(document.pods, ['monitoring/prometheus[StatefulSet]', 'shop/web[Deployment]', 'shop/api[Deployment]']);
	t.deepEqual(document.allowed, ['110', '111', '111']);
});

test('matrix: a Deployment whose pods are in the files is its pods, not a row of its own; old ReplicaSets are not rows', async t => {
	const outcome = await run(['matrix', '--json', '--port', '5432', 'dump.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	const document = JSON.parse(outcome.stdout) as {pods: string[]; allowed: string[]};
	t.deepEqual(document.pods, ['shop/web-7d4f9c-x2k8p', 'shop/web-7d4f9c-q9w3z', 'shop/backup-28912345-7hx2l', 'shop/db[Deployment]']);
	t.deepEqual(document.allowed, ['1111', '1110', '1111', '1111']);
});

test('lint: the checks that need pods run on workloads; a policy that selects none of them is warned about', async t => {
	const outcome = await run(['lint', '--json', ...helm, 'changes/cache-policy.yaml']);
	t.is(outcome.code, 1, outcome.stderr);
	const document = JSON.parse(outcome.stdout) as {warnings: Array<{file: string; line: number; code: string; policy: string; message: string}>; policies: number; podChecks: boolean};
	t.true(document.podChecks);
	t.is(document.policies, 2);
	t.deepEqual(document.warnings.map(warning => [warning.file, warning.line, warning.code, warning.policy]), [['changes/cache-policy.yaml', 8, 'selects-no-pod', 'shop/cache']]);
	const clean = await run(['lint', ...helm]);
	t.is(clean.code, 0, clean.stderr);
	t.is(clean.stdout, 'No warnings: 1 NetworkPolicy checked.\n');
	t.false(clean.stderr.includes('the files have no Pods'));
});

test('lint: DNS pods that are a Deployment are named as namespace/name[Kind]', async t => {
	const outcome = await run(['lint', 'dns-deployment.yaml']);
	t.is(outcome.code, 1, outcome.stderr);
	t.true(outcome.stdout.includes('kube-system/coredns[Deployment]'), outcome.stdout);
});

test('diff: workloads are matched by namespace, name and kind, and shown so', async t => {
	const outcome = await run(['diff', '--before', ...helm, '--after', ...helm, 'changes/api-open-metrics.yaml']);
	t.is(outcome.code, 0, outcome.stderr);
	t.is(outcome.stdout, [
		'Flows whose verdict changes from before to after, on every port of TCP, UDP and SCTP:',
		'',
		'Opened (denied before, allowed after):',
		'  shop/web[Deployment] -> shop/api[Deployment]  9090/TCP',
		'',
		'Closed (allowed before, denied after):',
		'  shop/web[Deployment] -> shop/api[Deployment]  8080/TCP',
		'',
		'1 pod pair changes: 1 opened, 1 closed',
		'',
	].join('\n'));
	const renamed = await run(['diff', '--json', '--before', 'ambiguous.yaml', '--after', 'ambiguous-renamed.yaml']);
	t.is(renamed.code, 0, renamed.stderr);
	const document = JSON.parse(renamed.stdout) as {podsOnlyBefore: string[]; podsOnlyAfter: string[]};
	t.deepEqual([document.podsOnlyBefore, document.podsOnlyAfter], [['shop/web[StatefulSet]'], ['shop/web-cache[StatefulSet]']], 'a workload and a pod of one name stay apart');
});

test('a workload with a bad template is refused at its line, with the field path and the API server\'s words', async t => {
	const outcome = await run(['matrix', 'bad-workloads.yaml']);
	t.is(outcome.code, 2);
	t.is(outcome.stdout, '');
	t.is(outcome.stderr, [
		'error: bad-workloads.yaml:12:15: Deployment "shop/web": spec.template.metadata.labels: Invalid value: map[string]string{"app":"wbe"}: `selector` does not match template `labels`',
		'error: bad-workloads.yaml:20:30: Deployment "shop/web": spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 80800: must be between 1 and 65535, inclusive',
		'error: bad-workloads.yaml:28:3: StatefulSet "shop/db": spec.selector: Required value',
		'error: bad-workloads.yaml:46:25: CronJob "shop/backup": spec.jobTemplate.spec.template.metadata.labels: Invalid value: "-bad": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')',
		// IsValidPortName says both: HTTP has capitals, and so no lower-case letter.
		'error: bad-workloads.yaml:59:19: Service "shop/api": spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
		'error: bad-workloads.yaml:59:19: Service "shop/api": spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)',
		'error: bad-workloads.yaml:60:17: Service "shop/api": spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
		'',
	].join('\n'));
});
