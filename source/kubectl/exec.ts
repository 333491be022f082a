// `kubectl exec POD [-n NS] [-c C] [-it] -- CMD ARGS...` in the dojo: CMD is one of the network
// tools a NetworkPolicy check uses (curl, wget, nc, nslookup, ping), run as the pod would run it
// with the evaluator deciding every flow it opens. Pure: the state and arguments in, kubectl's
// output out, with the steps the command took on the network told for `kubectl why`.
import {type FlagSpec, booleanFlag, parseKubectlArguments, stringFlag} from './arguments.js';
import {loadedClusterOf} from './cluster-of-state.js';
import type {KubectlResult} from './result.js';
import {type ClusterState, type RawObject, findObject, text} from './state.js';
import {type Cluster, type Endpoint, compileCluster, referenceKinds, resolveReference, traceFlow} from '../evaluator/index.js';
import {flowHeading, traceLines} from '../format/explain-text.js';
import {stripControlSequences} from '../model/sanitize.js';
import {InputError} from '../model/input-error.js';
import {type Network, type Step, networkOf} from './tools/network.js';
import type {ToolResult} from './tools/options.js';
import {runCurl} from './tools/curl.js';
import {runWget} from './tools/wget.js';
import {runNc} from './tools/nc.js';
import {runNslookup} from './tools/nslookup.js';
import {runPing} from './tools/ping.js';

const execFlags: readonly FlagSpec[] = [
	{long: 'container', short: 'c', takesValue: true},
	{long: 'stdin', short: 'i', takesValue: false},
	{long: 'tty', short: 't', takesValue: false},
	{long: 'quiet', short: 'q', takesValue: false},
];

const tools: Readonly<Record<string, (network: Network, argv: readonly string[], isTerminal: boolean) => ToolResult>> = {
	curl: runCurl,
	wget: (network, argv) => runWget(network, argv),
	nc: (network, argv) => runNc(network, argv),
	nslookup: (network, argv) => runNslookup(network, argv),
	ping: (network, argv) => runPing(network, argv),
};

const shells = new Set(['sh', 'bash', 'ash']);
const toolList = 'curl, wget, nc, nslookup and ping';

const execHelp = `Execute a command in a container.

In the dojo, the command is one of ${toolList} (or sh -c with one of them), run as the pod
would run it; the cluster's NetworkPolicies decide every connection. kubectl why tells why the
last exec got its answer.

Examples:
  # Check that web reaches the Service db on 3306, waiting at most 2 seconds
  kubectl exec web -- nc -zv -w 2 db 3306

  # Fetch a page from a Service in another namespace
  kubectl exec web -n shop -- curl -s -m 2 http://api.backend:5000/

  # Resolve a Service's name through the cluster DNS
  kubectl exec web -- nslookup api.backend

Options:
    -c, --container='':
	Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for
	selecting the container to be attached or the first container in the pod will be chosen

    -q, --quiet=false:
	Only print output from the remote session

    -i, --stdin=false:
	Pass stdin to the container

    -t, --tty=false:
	Stdin is a TTY

Usage:
  kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]
`;

/** What an exec printed, and what `kubectl why` will tell about it. */
export type ExecOutcome = {readonly result: KubectlResult; readonly why: string};

const failure = (message: string): ExecOutcome => ({result: {stdout: '', stderr: `${message}\n`, exitCode: 1}, why: `nothing was sent on the network: ${message.split('\n')[0]!}\n`});

/** `kubectl exec` on the state. */
export function runExec(state: ClusterState, argv: readonly string[]): ExecOutcome {
	const parsed = parseKubectlArguments(argv, execFlags, 'exec');
	if (booleanFlag(parsed, 'help')) {
		return {result: {stdout: execHelp, stderr: '', exitCode: 0}, why: 'nothing was sent on the network: kubectl exec --help\n'};
	}

	const [target, ...extra] = parsed.positionals;
	if (target === undefined) {
		return failure('error: pod, type/name or --filename must be specified');
	}

	if (parsed.afterDashes.length === 0) {
		return failure(extra.length > 0
			? 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples'
			: 'error: you must specify at least one command for the container');
	}

	const namespace = stringFlag(parsed, 'namespace') ?? 'default';
	const pod = podOf(state, namespace, target);
	if ('error' in pod) {
		return failure(pod.error);
	}

	const containers = containerNames(pod.object);
	const wanted = stringFlag(parsed, 'container');
	if (wanted !== undefined && !containers.includes(wanted)) {
		return failure(`Error from server (BadRequest): container ${wanted} is not valid for pod ${pod.name}`);
	}

	const defaulted = wanted === undefined && containers.length > 1 && !booleanFlag(parsed, 'quiet') ? `Defaulted container "${defaultContainer(pod.object, containers)}" out of: ${containers.join(', ')}\n` : '';
	let cluster: Cluster;
	try {
		cluster = compiledClusterOf(state);
	} catch (error) {
		if (error instanceof InputError) {
			return failure(`error: the dojo cluster does not load: ${error.problems[0]?.message ?? ''}`);
		}

		throw error;
	}

	const client = clientEndpoint(cluster, pod);
	if (!client) {
		return failure(`error: unable to upgrade connection: pod ${pod.name} has no running container`);
	}

	const network = networkOf(cluster, state.objects, client, pod.namespace);
	const command = commandOf(parsed.afterDashes);
	const commandLine = parsed.afterDashes.map(word => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll('\'', '\'\\\'\'')}'`)).join(' ');
	let ran: ToolResult;
	if ('message' in command) {
		ran = {stdout: '', stderr: command.message, exitCode: command.exitCode};
	} else {
		const tool = tools[command.name];
		ran = tool ? tool(network, command.args, booleanFlag(parsed, 'tty')) : notFound(command.name);
	}

	const notices = [...network.notices].map(notice => `${notice}\n`).join('');
	const stderr = stripControlSequences(defaulted + ran.stderr + notices) + (ran.exitCode === 0 ? '' : `command terminated with exit code ${ran.exitCode}\n`);
	const why = whyText(cluster, `${pod.namespace}/${pod.name}`, commandLine, network.steps);
	return {result: {stdout: safeText(ran.stdout), stderr, exitCode: ran.exitCode}, why};
}

// A state is compiled once, however many commands run on it (a test's thousands of them).
const compiled = new WeakMap<ClusterState, Cluster>();

function compiledClusterOf(state: ClusterState): Cluster {
	let cluster = compiled.get(state);
	if (!cluster) {
		cluster = compileCluster(loadedClusterOf(state).objects);
		compiled.set(state, cluster);
	}

	return cluster;
}

// An HTTP head's CRLF line ends stay, as curl prints them; every other control character goes.
const safeText = (text: string) => text.split('\r\n').map(part => stripControlSequences(part)).join('\r\n');

type PodTarget = {readonly object: RawObject; readonly namespace: string; readonly name: string; readonly reference: string};

const workloadResources: Readonly<Record<string, string>> = {
	Deployment: 'deployments.apps', StatefulSet: 'statefulsets.apps', DaemonSet: 'daemonsets.apps', ReplicaSet: 'replicasets.apps',
	ReplicationController: 'replicationcontrollers', Job: 'jobs.batch', CronJob: 'cronjobs.batch',
};

// POD, pod/POD, or TYPE/NAME of a workload (kubectl execs into its first pod).
function podOf(state: ClusterState, namespace: string, target: string): PodTarget | {readonly error: string} {
	const slash = target.indexOf('/');
	const typeName = slash === -1 ? 'pod' : target.slice(0, slash).toLowerCase().replace(/\.(apps|batch)$/, '');
	const name = slash === -1 ? target : target.slice(slash + 1);
	const kind = Object.hasOwn(referenceKinds, typeName) ? referenceKinds[typeName] : undefined;
	if (!kind) {
		return {error: `error: the server doesn't have a resource type "${typeName}"`};
	}

	if (kind === 'Pod') {
		const object = findObject(state, 'Pod', namespace, name);
		return object ? {object, namespace, name, reference: `${namespace}/${name}`} : {error: `Error from server (NotFound): pods "${name}" not found`};
	}

	const object = findObject(state, kind, namespace, name);
	if (!object) {
		return {error: `Error from server (NotFound): ${workloadResources[kind]!} "${name}" not found`};
	}

	// A workload with pods in the state: the first of them; else the workload stands for its pods.
	const pods = state.objects.filter(candidate => candidate['kind'] === 'Pod' && ownerNames(candidate).includes(name));
	const first = pods[0];
	const podName = first ? text((first['metadata'] as Record<string, unknown>)['name'], name) : name;
	return {object: first ?? object, namespace, name: podName, reference: first ? `${namespace}/${podName}` : `${namespace}/${kind.toLowerCase()}/${name}`};
}

function ownerNames(object: RawObject): string[] {
	const owners = ((object['metadata'] as Record<string, unknown> | undefined)?.['ownerReferences'] ?? []) as unknown[];
	return Array.isArray(owners) ? owners.map(owner => text((owner as Record<string, unknown>)['name'], '')) : [];
}

function clientEndpoint(cluster: Cluster, pod: PodTarget): (Endpoint & {readonly kind: 'pod'}) | undefined {
	const resolved = resolveReference(cluster, pod.reference);
	if (resolved.kind === 'endpoint' && resolved.endpoint.kind === 'pod') {
		return resolved.endpoint;
	}

	return resolved.kind === 'replicas' ? resolved.endpoints.find((endpoint): endpoint is Endpoint & {kind: 'pod'} => endpoint.kind === 'pod') : undefined;
}

function containerNames(object: RawObject): string[] {
	const spec = (object['spec'] ?? {}) as Record<string, unknown>;
	const template = (spec['template'] ?? spec['jobTemplate']) as Record<string, unknown> | undefined;
	const podSpec = (template ? (template['spec'] ?? {}) : spec) as Record<string, unknown>;
	const containers = Array.isArray(podSpec['containers']) ? podSpec['containers'] as unknown[] : [];
	return containers.map(container => text((container as Record<string, unknown>)['name'], '')).filter(name => name !== '');
}

function defaultContainer(object: RawObject, containers: readonly string[]): string {
	const annotations = ((object['metadata'] as Record<string, unknown> | undefined)?.['annotations'] ?? {}) as Record<string, unknown>;
	const named = text(annotations['kubectl.kubernetes.io/default-container'], '');
	return containers.includes(named) ? named : containers[0]!;
}

// The tool to run: the command's own name (or path), or the one command of `sh -c "..."`.
function commandOf(words: readonly string[]): {readonly name: string; readonly args: readonly string[]} | {readonly message: string; readonly exitCode: number} {
	const [first, ...args] = words as [string, ...string[]];
	const name = first.split('/').at(-1)!;
	if (!shells.has(name)) {
		return {name: Object.hasOwn(tools, name) ? name : first, args};
	}

	const shellOnly = `${name}: the dojo's pods run only ${toolList}, one command at a time: kubectl exec POD -- nc -zv -w 2 HOST PORT\n`;
	if (args[0] !== '-c' || args[1] === undefined) {
		return {message: shellOnly, exitCode: 1};
	}

	const split = shellWords(args[1]);
	if (!split || split.length === 0) {
		return {message: `${name}: sh -c runs one of ${toolList}, without pipes, redirections, ; or &&\n`, exitCode: 2};
	}

	const tool = split[0]!.split('/').at(-1)!;
	return Object.hasOwn(tools, tool) ? {name: tool, args: split.slice(1)} : {message: `${name}: ${split[0]!}: not found\n`, exitCode: 127};
}

/** The words of a simple command, with quotes and backslashes as sh reads them; undefined when it uses more of the shell. */
export function shellWords(line: string): string[] | undefined {
	const words: string[] = [];
	let word: string | undefined;
	for (let index = 0; index < line.length; index++) {
		const character = line[index]!;
		if (character === '\'') {
			const end = line.indexOf('\'', index + 1);
			if (end === -1) {
				return undefined;
			}

			word = (word ?? '') + line.slice(index + 1, end);
			index = end;
		} else if (character === '"') {
			let end = index + 1;
			let value = '';
			for (; end < line.length && line[end] !== '"'; end++) {
				if (line[end] === '$' || line[end] === '`') {
					return undefined;
				}

				value += line[end] === '\\' && '"\\$`'.includes(line[end + 1] ?? '') ? line[++end]! : line[end]!;
			}

			if (end >= line.length) {
				return undefined;
			}

			word = (word ?? '') + value;
			index = end;
		} else if (character === '\\' && index + 1 < line.length) {
			word = (word ?? '') + line[++index]!;
		} else if (/\s/.test(character)) {
			if (word !== undefined) {
				words.push(word);
				word = undefined;
			}
		} else if ('|;&<>()$`'.includes(character)) {
			return undefined;
		} else {
			word = (word ?? '') + character;
		}
	}

	if (word !== undefined) {
		words.push(word);
	}

	return words;
}

// What containerd's runc says for a command the image does not have.
function notFound(name: string): ToolResult {
	return {stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`, exitCode: 127};
}

/** The steps as `kubectl why` tells them: each flow with the evaluator's trace. */
function whyText(cluster: Cluster, pod: string, commandLine: string, steps: readonly Step[]): string {
	const lines = [`kubectl exec ${pod} -- ${commandLine}`];
	if (steps.length === 0) {
		lines.push('  nothing was sent on the network');
	}

	for (const [index, step] of steps.entries()) {
		lines.push('', `${index + 1}. ${step.title}`, ...step.notes.map(note => `   ${note}`));
		if (step.flow) {
			const trace = traceFlow(cluster, step.flow);
			lines.push(`   ${flowHeading(trace)}`, ...traceLines(trace).map(line => `   ${'  '.repeat(line.depth)}${line.text}`));
		}
	}

	return stripControlSequences(`${lines.join('\n')}\n`);
}
