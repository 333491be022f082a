// `kubectl run NAME --image=IMG [--labels=k=v,...] [--port=P] [--env=K=V] [--restart=Never]
// [--command] [-n NS] [--rm] [-it] [--dry-run=client -o yaml] [-- CMD...]`: the test pod of a
// NetworkPolicy check. Made as kubectl makes it (podOf is the object it would send), admitted
// as any object (its IP the next free one of the cluster's pod range, see admission.ts); with
// -i and a command, the command runs in it through exec, and --rm deletes it after. Pure.
import {type FlagSpec, booleanFlag, parseKubectlArguments, stringFlag} from './arguments.js';
import {writeObjects} from './apply.js';
import {runExecCommand} from './exec-why.js';
import type {KubectlResult} from './result.js';
import type {ClusterState, RawObject} from './state.js';

const runFlags: readonly FlagSpec[] = [
	{long: 'image', takesValue: true},
	{long: 'labels', short: 'l', takesValue: true},
	{long: 'port', takesValue: true},
	{long: 'env', takesValue: true},
	{long: 'restart', takesValue: true},
	{long: 'command', takesValue: false},
	{long: 'rm', takesValue: false},
	{long: 'stdin', short: 'i', takesValue: false},
	{long: 'tty', short: 't', takesValue: false},
	{long: 'dry-run', takesValue: true},
	{long: 'output', short: 'o', takesValue: true},
	{long: 'image-pull-policy', takesValue: true},
	{long: 'quiet', short: 'q', takesValue: false},
];

export type RunOptions = {
	readonly name: string;
	readonly image: string;
	readonly namespace?: string;
	/** `--labels`: replaces the `run=NAME` label. */
	readonly labels?: Readonly<Record<string, string>>;
	readonly port?: number;
	readonly env?: ReadonlyArray<readonly [string, string]>;
	readonly restart: 'Always' | 'OnFailure' | 'Never';
	/** What follows `--`: the container's args, or its command with --command. */
	readonly command: readonly string[];
	readonly isCommand: boolean;
	readonly isInteractive: boolean;
	readonly isTerminal: boolean;
	readonly imagePullPolicy?: string;
};

/** The Pod kubectl run sends, its keys in the order kubectl prints them. */
export function podOf(options: RunOptions): RawObject {
	const container: Record<string, unknown> = {
		...(options.command.length > 0 && !options.isCommand ? {args: options.command} : {}),
		...(options.command.length > 0 && options.isCommand ? {command: options.command} : {}),
		...(options.env && options.env.length > 0 ? {env: options.env.map(([name, value]) => ({name, value}))} : {}),
		image: options.image,
		...(options.imagePullPolicy === undefined ? {} : {imagePullPolicy: options.imagePullPolicy}),
		name: options.name,
		...(options.port === undefined ? {} : {ports: [{containerPort: options.port}]}),
		resources: {},
		...(options.isInteractive ? {stdin: true, stdinOnce: true} : {}),
		...(options.isTerminal ? {tty: true} : {}),
	};
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			creationTimestamp: null,
			labels: options.labels ?? {run: options.name},
			name: options.name,
			...(options.namespace === undefined ? {} : {namespace: options.namespace}),
		},
		spec: {containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: options.restart},
		status: {},
	};
}

/** `kubectl run`, as the dojo's kubectl registers it. */
export function runRun(state: ClusterState, argv: readonly string[], _now: number, yamlText: (value: unknown) => string): KubectlResult {
	const parsed = parseKubectlArguments(argv, runFlags, 'run');
	const options = runOptionsOf(parsed.positionals, parsed.afterDashes, (name: string) => stringFlag(parsed, name), (name: string) => booleanFlag(parsed, name));
	if ('error' in options) {
		return failure(options.error);
	}

	const pod = podOf(options);
	const dryRun = stringFlag(parsed, 'dry-run');
	const output = stringFlag(parsed, 'output');
	if (output !== undefined && !['yaml', 'json', 'name'].includes(output)) {
		return failure(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
	}

	if (dryRun !== undefined && dryRun !== 'none') {
		if (dryRun !== 'client' && dryRun !== 'server') {
			return failure(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
		}

		if (output === 'yaml' || output === 'json') {
			return {stdout: output === 'yaml' ? yamlText(pod) : `${JSON.stringify(pod, undefined, 4)}\n`, stderr: '', exitCode: 0};
		}

		return {stdout: output === 'name' ? 'pod/' + options.name + '\n' : `pod/${options.name} created (${dryRun === 'client' ? 'dry run' : 'server dry run'})\n`, stderr: '', exitCode: 0};
	}

	if (options.isInteractive && options.command.length === 0) {
		return failure(`error: the dojo's kubectl cannot attach to a pod's own shell; give the command after --, as in:\n  kubectl run ${options.name} --image=${options.image} --rm -it --restart=Never -- nc -zv -w 2 HOST PORT`);
	}

	if (booleanFlag(parsed, 'rm') && !options.isInteractive) {
		return failure('error: --rm should only be used for attached containers');
	}

	const stored = withoutPrintedOnlyFields(pod);
	const created = writeObjects(state, [{source: '', value: stored}], {verb: 'create', ...(options.namespace === undefined ? {} : {namespace: options.namespace})});
	if (created.exitCode !== 0 || !created.state) {
		return created;
	}

	if (!options.isInteractive || options.command.length === 0) {
		return created;
	}

	return attached(created.state, options, booleanFlag(parsed, 'rm'));
}

// `-i` with a command: kubectl attaches, so the command's output is all that shows; with --rm
// the pod is gone after, and a failed command is told as the pod's end.
function attached(after: ClusterState, options: RunOptions, isRemoved: boolean): KubectlResult {
	const namespace = options.namespace ?? 'default';
	const ran = runExecCommand(after, [options.name, '-n', namespace, ...(options.isTerminal ? ['-t'] : []), '--', ...options.command]);
	const toolStderr = ran.stderr.replace(/command terminated with exit code \d+\n$/, '');
	const deleted = isRemoved ? `pod "${options.name}" deleted\n` : '';
	const ended = ran.exitCode === 0 ? '' : `pod ${namespace}/${options.name} terminated (Error)\n`;
	// With a terminal (-t) the container has one output stream, the terminal's: kubectl prints
	// what the command wrote to either on its standard output.
	return {
		stdout: options.isTerminal ? ran.stdout + toolStderr + deleted : ran.stdout + deleted,
		stderr: options.isTerminal ? ended : toolStderr + ended,
		exitCode: ran.exitCode === 0 ? 0 : 1,
		...(isRemoved ? {} : {state: after}),
	};
}

// Printed by --dry-run -o yaml, as kubectl prints them, but not kept: the server sets both.
function withoutPrintedOnlyFields(pod: RawObject): RawObject {
	const metadata = Object.fromEntries(Object.entries(pod['metadata'] as Record<string, unknown>).filter(([key]) => key !== 'creationTimestamp'));
	return Object.fromEntries(Object.entries({...pod, metadata}).filter(([key]) => key !== 'status'));
}

type Read = (name: string) => string | undefined;
type Has = (name: string) => boolean;

function runOptionsOf(positionals: readonly string[], afterDashes: readonly string[], flag: Read, has: Has): RunOptions | {readonly error: string} {
	const [name, ...extra] = positionals;
	if (name === undefined) {
		return {error: 'error: NAME is required for run\nSee \'kubectl run -h\' for help and examples'};
	}

	const image = flag('image');
	if (image === undefined || image === '') {
		return {error: 'error: --image is required'};
	}

	const restart = flag('restart') ?? 'Always';
	if (restart !== 'Always' && restart !== 'OnFailure' && restart !== 'Never') {
		return {error: `error: invalid restart policy: ${restart}`};
	}

	const labels = labelsOf(flag('labels'));
	if ('error' in labels) {
		return labels;
	}

	const portText = flag('port');
	const port = portText === undefined ? undefined : Number(portText);
	if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65_536)) {
		return {error: `error: --port must be a valid port number, got ${portText ?? ''}`};
	}

	const envText = flag('env');
	const env = envText === undefined ? undefined : envText.split(',').map(pair => [pair.split('=')[0]!, pair.split('=').slice(1).join('=')] as const);
	const namespace = flag('namespace');
	const pullPolicy = flag('image-pull-policy');
	return {
		name,
		image,
		...(namespace === undefined ? {} : {namespace}),
		...(labels.labels === undefined ? {} : {labels: labels.labels}),
		...(port === undefined ? {} : {port}),
		...(env === undefined ? {} : {env}),
		...(pullPolicy === undefined ? {} : {imagePullPolicy: pullPolicy}),
		restart,
		// kubectl run NAME --image=IMG CMD ARGS (without --) is taken as the args too.
		command: [...extra, ...afterDashes],
		isCommand: has('command'),
		isInteractive: has('stdin'),
		isTerminal: has('tty'),
	};
}

function labelsOf(text: string | undefined): {readonly labels?: Readonly<Record<string, string>>} | {readonly error: string} {
	if (text === undefined) {
		return {};
	}

	const labels: Record<string, string> = {};
	for (const pair of text.split(',')) {
		const parts = pair.split('=');
		if (parts.length !== 2) {
			return {error: `error: invalid label spec: ${pair}`};
		}

		labels[parts[0]!] = parts[1]!;
	}

	return {labels};
}

const failure = (message: string): KubectlResult => ({stdout: '', stderr: `${message}\n`, exitCode: 1});
