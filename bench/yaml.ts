// `npm run bench`, the YAML reader's part (issue 12): a realistic `kubectl get -A -o yaml` dump,
// written as go-yaml writes it (sorted keys, lists at their key's indent, strings folded at 80
// columns, last-applied JSON in literal blocks, managedFields with `.: {}`, `f:` and `k:{...}`
// keys, IPv6 among them), against the same objects as JSON; 200,000 flows in three styles; and
// an error at the end of a 30 MB file against the valid file. Seeded, as bench/generate.ts.
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {Random} from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cli = path.join(root, 'dist', 'bin', 'cli.js');

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

// ---------------------------------------------------------------------------------------------
// Writing YAML as go-yaml v2 (kubectl) writes it.

const width = 80;

function needsQuotes(text: string): boolean {
	return text === ''
		|| /^[\s\-?:,[\]{}#&*!|>'"%@`]|[\s]$|: |:$| #|[\n\t]/.test(text)
		|| /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(text)
		|| /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0x[\dA-Fa-f]+$|^\d+:\d/.test(text);
}

// A long plain or single-quoted string breaks at spaces past 80 columns, its next lines one level in.
function folded(text: string, column: number, indent: string): string {
	if (column + text.length <= width || !text.includes(' ')) {
		return text;
	}

	const words = text.split(' ');
	let line = words.shift()!;
	const lines: string[] = [];
	let start = column;
	for (const word of words) {
		if (start + line.length + 1 + word.length > width && line !== '') {
			lines.push(line);
			line = word;
			start = indent.length;
		} else {
			line += ` ${word}`;
		}
	}

	lines.push(line);
	return lines.join(`\n${indent}`);
}

function scalar(value: Json, column: number, indent: string): string {
	if (typeof value !== 'string') {
		return JSON.stringify(value);
	}

	if (value.includes('\n')) {
		const body = value.endsWith('\n') ? value.slice(0, -1) : value;
		return `${value.endsWith('\n') ? '|' : '|-'}\n${body.split('\n').map(line => `${indent}${line}`).join('\n')}`;
	}

	if (!needsQuotes(value)) {
		return folded(value, column, indent);
	}

	return `'${folded(value.replaceAll('\'', '\'\''), column + 1, indent)}'`;
}

function isEmptyCollection(value: Json): boolean {
	return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function emptyCollection(value: Json): string {
	return Array.isArray(value) ? '[]' : '{}';
}

function writeYaml(value: Json, indent: string, lines: string[]): void {
	if (Array.isArray(value)) {
		for (const item of value) {
			if (typeof item === 'object' && item !== null && !isEmptyCollection(item)) {
				const inner: string[] = [];
				writeYaml(item, `${indent}  `, inner);
				lines.push(`${indent}- ${inner[0]!.slice(indent.length + 2)}`, ...inner.slice(1));
			} else {
				lines.push(`${indent}- ${isEmptyCollection(item) ? emptyCollection(item) : scalar(item, indent.length + 2, `${indent}  `)}`);
			}
		}

		return;
	}

	for (const key of Object.keys(value as object).sort()) {
		const item = (value as {[key: string]: Json})[key]!;
		const written = needsQuotes(key) ? `'${key.replaceAll('\'', '\'\'')}'` : key;
		if (typeof item === 'object' && item !== null && !isEmptyCollection(item)) {
			lines.push(`${indent}${written}:`);
			writeYaml(item, Array.isArray(item) ? indent : `${indent}  `, lines);
		} else {
			lines.push(`${indent}${written}: ${isEmptyCollection(item) ? emptyCollection(item) : scalar(item, indent.length + written.length + 2, `${indent}  `)}`);
		}
	}
}

function toYaml(value: Json): string {
	const lines: string[] = [];
	writeYaml(value, '', lines);
	return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// A cluster as kubectl dumps it.

const apps = ['web', 'api', 'cart', 'checkout', 'search', 'worker', 'cache', 'auth', 'billing', 'mailer'];

function hash(random: Random, length: number): string {
	return Array.from({length}, () => 'bcdfghjklmnpqrstvwxz2456789'[random.int(0, 26)]).join('');
}

function uid(random: Random): string {
	const hex = () => random.int(0, 0xFF_FF).toString(16).padStart(4, '0');
	return `${hex()}${hex()}-${hex()}-${hex()}-${hex()}-${hex()}${hex()}${hex()}`;
}

const time = (random: Random) => `2025-0${random.int(1, 9)}-1${random.int(0, 9)}T0${random.int(0, 9)}:${random.int(10, 59)}:${random.int(10, 59)}Z`;

function fieldsOf(value: Json): Json {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {};
	}

	const fields: {[key: string]: Json} = {'.': {}};
	for (const [key, item] of Object.entries(value)) {
		fields[`f:${key}`] = Array.isArray(item) ? {} : fieldsOf(item);
	}

	return fields;
}

function managedFields(random: Random, spec: Json, status: Json, podIPs: readonly string[] = []): Json {
	const statusFields = fieldsOf(status) as {[key: string]: Json};
	if (podIPs.length > 0) {
		statusFields['f:podIPs'] = {'.': {}, ...Object.fromEntries(podIPs.map(ip => [`k:{"ip":"${ip}"}`, {'.': {}, 'f:ip': {}}]))};
	}

	return [
		{apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {'f:metadata': {'f:annotations': {'.': {}, 'f:kubectl.kubernetes.io/last-applied-configuration': {}}, 'f:labels': {'.': {}, 'f:app': {}}}, 'f:spec': fieldsOf(spec)}, manager: 'kubectl-client-side-apply', operation: 'Update', time: time(random)},
		{apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {'f:status': statusFields}, manager: 'kubelet', operation: 'Update', subresource: 'status', time: time(random)},
	];
}

function container(random: Random, app: string): Json {
	const port = random.pick([80, 443, 3000, 8080, 9090]);
	return {
		env: [{name: 'LOG_LEVEL', value: 'info'}, {name: 'FEATURE_FLAGS', value: 'checkout-v2,search-ranking,new-cart'}],
		image: `registry.example.com/shop/${app}:1.${random.int(0, 30)}.${random.int(0, 9)}`,
		imagePullPolicy: 'IfNotPresent',
		name: app,
		ports: [{containerPort: port, name: 'http', protocol: 'TCP'}, {containerPort: 9100, name: 'metrics', protocol: 'TCP'}],
		resources: {limits: {cpu: '500m', memory: '256Mi'}, requests: {cpu: '100m', memory: '128Mi'}},
		terminationMessagePath: '/dev/termination-log',
		terminationMessagePolicy: 'File',
	};
}

function lastApplied(kind: string, name: string, namespace: string, labels: Json, spec: Json): string {
	return `${JSON.stringify({apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1', kind, metadata: {annotations: {}, labels, name, namespace}, spec})}\n`;
}

function metadata(random: Random, kind: string, name: string, namespace: string, labels: Json, spec: Json, status: Json, owner?: {kind: string; name: string; uid: string}, podIPs?: string[]): {[key: string]: Json} {
	return {
		annotations: {'kubectl.kubernetes.io/last-applied-configuration': lastApplied(kind, name, namespace, labels, spec), 'description': `The ${name} workload of the ${namespace} namespace, owned by the shop team; page the on-call engineer before you change its network policies or its ports.`},
		creationTimestamp: time(random),
		generation: random.int(1, 9),
		labels,
		managedFields: managedFields(random, spec, status, podIPs),
		name,
		namespace,
		...(owner ? {ownerReferences: [{apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: owner.kind, name: owner.name, uid: owner.uid}]} : {}),
		resourceVersion: String(random.int(100_000, 9_999_999)),
		uid: uid(random),
	};
}

function condition(random: Random, type: string, message: string): Json {
	return {lastTransitionTime: time(random), lastUpdateTime: time(random), message, reason: 'NewReplicaSetAvailable', status: 'True', type};
}

/** The items of a dump: per namespace, Deployments with their ReplicaSet and Pods, and policies. */
function clusterItems(random: Random, namespaces: number, deploymentsPerNamespace: number, podsPerDeployment: number): Json[] {
	const items: Json[] = [];
	let podIndex = 0;
	for (let n = 0; n < namespaces; n++) {
		const namespace = `shop-${n}`;
		items.push({apiVersion: 'v1', kind: 'Namespace', metadata: {creationTimestamp: time(random), labels: {'kubernetes.io/metadata.name': namespace, team: 'shop'}, name: namespace, resourceVersion: String(random.int(1000, 99_999)), uid: uid(random)}, spec: {finalizers: ['kubernetes']}, status: {phase: 'Active'}});
		for (let d = 0; d < deploymentsPerNamespace; d++) {
			const app = `${apps[d % apps.length]!}${d >= apps.length ? `-${d}` : ''}`;
			const labels = {app, 'app.kubernetes.io/part-of': 'shop', tier: random.pick(['frontend', 'backend', 'data'])};
			const template = {metadata: {labels}, spec: {containers: [container(random, app)], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30}};
			const deploymentSpec = {progressDeadlineSeconds: 600, replicas: podsPerDeployment, revisionHistoryLimit: 10, selector: {matchLabels: {app}}, strategy: {rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}, type: 'RollingUpdate'}, template};
			const deploymentStatus = {availableReplicas: podsPerDeployment, conditions: [condition(random, 'Available', 'Deployment has minimum availability.'), condition(random, 'Progressing', `ReplicaSet "${app}-${hash(random, 10)}" has successfully progressed, after waiting for every replica to become ready and available to serve traffic.`)], observedGeneration: 3, readyReplicas: podsPerDeployment, replicas: podsPerDeployment, updatedReplicas: podsPerDeployment};
			const deployment = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata(random, 'Deployment', app, namespace, labels, deploymentSpec, deploymentStatus), spec: deploymentSpec, status: deploymentStatus};
			items.push(deployment);
			const replicaSetName = `${app}-${hash(random, 10)}`;
			const templateHash = replicaSetName.slice(-10);
			const replicaSetSpec = {replicas: podsPerDeployment, selector: {matchLabels: {app, 'pod-template-hash': templateHash}}, template: {...template, metadata: {labels: {...labels, 'pod-template-hash': templateHash}}}};
			const replicaSet = {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: metadata(random, 'ReplicaSet', replicaSetName, namespace, labels, replicaSetSpec, {replicas: podsPerDeployment}, {kind: 'Deployment', name: app, uid: deployment.metadata['uid'] as string}), spec: replicaSetSpec, status: {availableReplicas: podsPerDeployment, fullyLabeledReplicas: podsPerDeployment, observedGeneration: 3, readyReplicas: podsPerDeployment, replicas: podsPerDeployment}};
			items.push(replicaSet);
			for (let p = 0; p < podsPerDeployment; p++) {
				const index = podIndex++;
				const ipv4 = `10.${Math.floor(index / 65_536) + 1}.${Math.floor(index / 256) % 256}.${index % 256}`;
				const ipv6 = `fd00:10:244:${(index >> 8).toString(16)}::${(index & 0xFF).toString(16)}`;
				const podSpec = {...template.spec, nodeName: `node-${random.int(1, 40)}`, serviceAccountName: 'default'};
				const podStatus = {
					conditions: [{lastProbeTime: null, lastTransitionTime: time(random), status: 'True', type: 'Ready'}, {lastProbeTime: null, lastTransitionTime: time(random), status: 'True', type: 'PodScheduled'}],
					containerStatuses: [{containerID: `containerd://${hash(random, 64)}`, image: `registry.example.com/shop/${app}:1.2.3`, imageID: `registry.example.com/shop/${app}@sha256:${hash(random, 64)}`, lastState: {}, name: app, ready: true, restartCount: 0, started: true, state: {running: {startedAt: time(random)}}}],
					hostIP: `192.168.${random.int(0, 3)}.${random.int(1, 250)}`,
					phase: 'Running',
					podIP: ipv4,
					podIPs: [{ip: ipv4}, {ip: ipv6}],
					qosClass: 'Burstable',
					startTime: time(random),
				};
				const name = `${replicaSetName}-${hash(random, 5)}`;
				items.push({apiVersion: 'v1', kind: 'Pod', metadata: metadata(random, 'Pod', name, namespace, {...labels, 'pod-template-hash': replicaSetName.slice(-10)}, podSpec, podStatus, {kind: 'ReplicaSet', name: replicaSetName, uid: replicaSet.metadata['uid'] as string}, [ipv4, ipv6]), spec: podSpec, status: podStatus});
			}
		}

		items.push({apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {creationTimestamp: time(random), generation: 1, name: 'api-ingress', namespace, resourceVersion: String(random.int(1000, 99_999)), uid: uid(random)}, spec: {ingress: [{from: [{podSelector: {matchLabels: {app: 'web'}}}, {namespaceSelector: {matchLabels: {team: 'shop'}}, podSelector: {matchLabels: {tier: 'frontend'}}}], ports: [{port: 'http', protocol: 'TCP'}]}], podSelector: {matchLabels: {app: 'api'}}, policyTypes: ['Ingress']}});
	}

	return items;
}

function dump(items: Json[]): Json {
	return {apiVersion: 'v1', items, kind: 'List', metadata: {resourceVersion: ''}};
}

// ---------------------------------------------------------------------------------------------
// Measuring.

type Run = {readonly ms: number; readonly rssMb: number; readonly status: number | null; readonly stderr: string};

/** `node cli.js ARGS` under /usr/bin/time for its peak memory (when there is one). */
function runCli(args: readonly string[]): Run {
	const started = performance.now();
	// Standard output is thrown away, as a shell's `> /dev/null` would.
	const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024});
	const ms = performance.now() - started;
	const lines = result.stderr.trimEnd().split('\n');
	const rssKb = Number(lines.at(-1));
	return {ms, rssMb: Number.isFinite(rssKb) ? rssKb / 1024 : Number.NaN, status: result.status, stderr: lines.slice(0, -1).join('\n')};
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((left, right) => left - right);
	return sorted[Math.floor(sorted.length / 2)]!;
}

function medianRun(count: number, args: readonly string[]): Run {
	const runs = Array.from({length: count}, () => runCli(args));
	const ms = median(runs.map(run => run.ms));
	return {...runs.find(run => run.ms === ms)!, rssMb: Math.max(...runs.map(run => run.rssMb))};
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const count = (value: number) => value.toLocaleString('en-US');

function row(label: string, value: string, detail = ''): void {
	console.log(`  ${label.padEnd(50)} ${value.padStart(10)}  ${detail}`.trimEnd());
}

function flowsBetween(items: readonly Json[], count: number, random: Random): Array<{from: string; to: string; port: number}> {
	const pods = items.filter(item => (item as {kind: string}).kind === 'Pod').map(item => {
		const {metadata: {name, namespace}} = item as {metadata: {name: string; namespace: string}};
		return `${namespace}/${name}`;
	});
	return Array.from({length: count}, () => ({from: random.pick(pods), to: random.pick(pods), port: random.pick([80, 443, 3000, 8080, 9090])}));
}

/** Prints the section and its targets; returns how many of them hold. */
export function measureYamlReading(dataDirectory: string): {holds: number; total: number} {
	const directory = path.join(dataDirectory, 'yaml');
	mkdirSync(directory, {recursive: true});
	const random = new Random(0x0A_11_D0_12);
	console.log('\n== YAML as kubectl writes it (bench/yaml.ts): a `kubectl get -A -o yaml` dump, flows in three styles, an error at the end');

	// The dump, ~20 MB, and the same objects as JSON.
	const items = clusterItems(random, 40, 10, 8);
	const dumpYaml = path.join(directory, 'dump.yaml');
	const dumpJson = path.join(directory, 'dump.json');
	writeFileSync(dumpYaml, toYaml(dump(items)));
	writeFileSync(dumpJson, `${JSON.stringify(dump(items), null, 4)}\n`);
	const flows = path.join(directory, 'dump-flows.json');
	writeFileSync(flows, JSON.stringify({flows: flowsBetween(items, 2000, random)}));
	const counts = new Map<string, number>();
	for (const item of items) {
		const {kind} = item as {kind: string};
		counts.set(kind, (counts.get(kind) ?? 0) + 1);
	}

	console.log(`  dump.yaml ${megabytes(toYaml(dump(items)).length)}, dump.json ${megabytes(JSON.stringify(dump(items), null, 4).length)}: ${[...counts].map(([kind, count]) => `${count} ${kind}s`).join(', ')}`);
	const [yamlEval, jsonEval] = [medianRun(3, ['eval', '--json', '--max-size', '64', '--flows', flows, dumpYaml]), medianRun(3, ['eval', '--json', '--max-size', '64', '--flows', flows, dumpJson])];
	for (const [label, run] of [['eval, dump.yaml (2,000 flows)', yamlEval], ['eval, dump.json (2,000 flows)', jsonEval]] as const) {
		if (run.status !== 0 && run.status !== 1) {
			throw new Error(`${label} exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
		}

		row(label, ms(run.ms), `median of 3; peak ${run.rssMb.toFixed(0)} MB`);
	}

	const dumpRatio = yamlEval.ms / jsonEval.ms;
	row('YAML dump / JSON dump', `${dumpRatio.toFixed(2)}x`);

	// 200,000 flows in three styles, `eval` end to end on the main benchmark's cluster.
	const {flows: flowSpecs} = JSON.parse(readFileSync(path.join(dataDirectory, 'flows.json'), 'utf8')) as {flows: Array<Record<string, Json>>};
	const entries = (flow: Record<string, Json>) => Object.entries(flow);
	const styles = {
		'quoted flow style': `flows:\n${flowSpecs.map(flow => `  - {${entries(flow).map(([key, value]) => `"${key}": ${JSON.stringify(value)}`).join(', ')}}\n`).join('')}`,
		'block style': `flows:\n${flowSpecs.map(flow => entries(flow).map(([key, value], index) => `${index === 0 ? '-' : ' '} ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}\n`).join('')).join('')}`,
		JSON: `${JSON.stringify({flows: flowSpecs}, null, 2)}\n`,
	};
	const cluster = path.join(dataDirectory, 'cluster.json');
	const styleMs: number[] = [];
	for (const [style, text] of Object.entries(styles)) {
		const file = path.join(directory, `flows-${style.replaceAll(' ', '-')}.${style === 'JSON' ? 'json' : 'yaml'}`);
		writeFileSync(file, text);
		const run = medianRun(3, ['eval', '--flows', file, cluster]);
		if (run.status !== 0 && run.status !== 1) {
			throw new Error(`eval of ${file} exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
		}

		styleMs.push(run.ms);
		row(`eval, ${count(flowSpecs.length)} flows, ${style} (${megabytes(text.length)})`, ms(run.ms), `median of 3; peak ${run.rssMb.toFixed(0)} MB`);
	}

	const styleRatio = Math.max(...styleMs) / Math.min(...styleMs);
	row('slowest style / fastest', `${styleRatio.toFixed(2)}x`);

	// 30 MB: valid, a syntax error at the end, a value refused at the end.
	const big = toYaml(dump(clusterItems(new Random(0x30_30), 60, 10, 8)));
	const valid = path.join(directory, 'big.yaml');
	const syntax = path.join(directory, 'big-syntax-error.yaml');
	const invalid = path.join(directory, 'big-invalid-label.yaml');
	writeFileSync(valid, big);
	// The last item of the List: its keys are sorted, so `kind:` and `metadata:` follow `items:`.
	const end = big.lastIndexOf('kind: List\n');
	const withLastItem = (item: string) => `${big.slice(0, end)}${item}${big.slice(end)}`;
	writeFileSync(syntax, withLastItem('- apiVersion: v1\n  kind: Pod\n   metadata: {name: late}\n'));
	writeFileSync(invalid, withLastItem('- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: late\n    namespace: shop-0\n    labels: {app: "not a label value"}\n'));
	const bigFlows = path.join(directory, 'big-flows.json');
	writeFileSync(bigFlows, JSON.stringify({flows: flowsBetween(clusterItems(new Random(0x30_30), 60, 10, 8), 100, random)}));
	const validRun = medianRun(3, ['eval', '--flows', bigFlows, valid]);
	const syntaxRun = medianRun(3, ['eval', '--flows', bigFlows, syntax]);
	const invalidRun = medianRun(3, ['eval', '--flows', bigFlows, invalid]);
	row(`eval, valid ${megabytes(big.length)} dump`, ms(validRun.ms), `exit ${validRun.status}; peak ${validRun.rssMb.toFixed(0)} MB`);
	row('  the same, a syntax error at its end', ms(syntaxRun.ms), `exit ${syntaxRun.status}; peak ${syntaxRun.rssMb.toFixed(0)} MB; ${syntaxRun.stderr.split('\n')[0]!.slice(0, 90)}`);
	row('  the same, an invalid label at its end', ms(invalidRun.ms), `exit ${invalidRun.status}; peak ${invalidRun.rssMb.toFixed(0)} MB; ${invalidRun.stderr.split('\n')[0]!.slice(0, 90)}`);
	const errorRatio = Math.max(syntaxRun.ms, invalidRun.ms) / validRun.ms;
	const errorRss = Math.max(syntaxRun.rssMb, invalidRun.rssMb);

	const targets: Array<[string, string, boolean]> = [
		['eval on a kubectl YAML dump <= 1.5x the same as JSON', `${dumpRatio.toFixed(2)}x (${ms(yamlEval.ms)} / ${ms(jsonEval.ms)})`, dumpRatio <= 1.5],
		['eval of 200,000 flows: quoted flow, block, JSON within 1.5x', `${styleRatio.toFixed(2)}x (${styleMs.map(value => ms(value)).join(' / ')})`, styleRatio <= 1.5],
		['an error at the end of a 30 MB file <= 2x a valid one', `${errorRatio.toFixed(2)}x (${ms(Math.max(syntaxRun.ms, invalidRun.ms))} / ${ms(validRun.ms)})`, errorRatio <= 2 && syntaxRun.status === 2 && invalidRun.status === 2],
		['... and under 500 MB', `${errorRss.toFixed(0)} MB peak`, errorRss < 500],
	];
	for (const [target, measured, holds] of targets) {
		console.log(`  ${holds ? 'PASS' : 'FAIL'}  ${target.padEnd(55)} ${measured}`);
	}

	return {holds: targets.filter(([, , holds]) => holds).length, total: targets.length};
}
