#!/usr/bin/env node
// The dojo's kubectl, as `kubectl` and `k` inside `netpol-dojo shell`: the subset of kubectl a
// NetworkPolicy task needs, on the challenge's cluster kept in the data folder
// (NETPOL_DOJO_STATE). It never calls a real kubectl nor reads a kubeconfig. It loads only what
// a command needs, so that `kubectl get pods` starts about as fast as node itself.
import {KubectlUsageError} from './arguments.js';
import type {KubectlResult} from './result.js';
import {StateFileError, appendHistory, updateState} from './state-file.js';
import type {ClusterState} from './state.js';

type Command = (state: ClusterState, argv: readonly string[], now: number, yamlText: (value: unknown) => string) => KubectlResult;

// Each command's module loads only when that command runs (a chunk of its own in the bundle):
// `kubectl get pods` parses neither the evaluator nor the YAML reader that exec and apply need.
const commands: Readonly<Record<string, () => Promise<Command>>> = {
	get: async () => (await import('./get.js')).runGet,
	exec: async () => (await import('./exec-why.js')).runExecCommand,
	why: async () => (await import('./exec-why.js')).runWhyCommand,
	describe: async () => (await import('./describe.js')).runDescribe,
	explain: async () => (await import('./explain.js')).runExplain,
	apply: async () => (await import('./apply.js')).runApply,
	create: async () => (await import('./apply.js')).runCreate,
	replace: async () => (await import('./apply.js')).runReplace,
	delete: async () => (await import('./delete.js')).runDelete,
	label: async () => (await import('./label.js')).runLabel,
	edit: async () => (await import('./edit-session.js')).runEdit,
	run: async () => (await import('./run.js')).runRun,
};

/** The commands kubectl has beyond the dojo's: "not here" rather than "unknown command". */
const realCommands = new Set(['expose', 'set', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'logs', 'attach', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'patch', 'wait', 'kustomize', 'annotate', 'completion', 'alpha', 'api-resources', 'api-versions', 'config', 'plugin', 'version']);

const coveredLine = () => `The dojo's kubectl covers only what NetworkPolicy tasks need: ${Object.keys(commands).join(', ')}.`;

function notCovered(name: string): string {
	return realCommands.has(name)
		? `error: kubectl ${name} is not in the dojo's kubectl.\n${coveredLine()}\n`
		: `error: unknown command "${name}" for "kubectl"\nRun 'kubectl --help' for usage.\n${coveredLine()}\n`;
}

// -o yaml is the one output that needs a YAML writer: it is loaded only for it.
function wantsYaml(argv: readonly string[]): boolean {
	return argv.some((argument, index) => /^(-o=?|--output=)yaml$/.test(argument) || (argument === 'yaml' && ['-o', '--output'].includes(argv[index - 1] ?? '')));
}

async function main(argv: readonly string[]): Promise<number> {
	const file = process.env['NETPOL_DOJO_STATE'];
	if (file === undefined || file === '') {
		process.stderr.write('error: this kubectl is the dojo\'s: it works inside `netpol-dojo shell CHALLENGE`, on that challenge\'s cluster.\n');
		return 1;
	}

	const [name, ...rest] = argv;
	if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
		process.stdout.write(`kubectl controls the dojo's cluster of this challenge.\n\n${coveredLine()}\n\nUsage:\n  kubectl [flags] [options]\n`);
		return 0;
	}

	const load = commands[name];
	if (!load) {
		process.stderr.write(notCovered(name));
		return 1;
	}

	const command = await load();

	const yaml = wantsYaml(rest) ? await import('yaml') : undefined;
	// YAML 1.1, as kubectl writes it: a label value `yes` or `on` comes out quoted, and reads back as a string.
	const yamlText = (value: unknown) => yaml?.stringify(value, {indentSeq: false, lineWidth: 0, version: '1.1'}) ?? '';
	const now = Date.now();
	let result: KubectlResult;
	try {
		// edit waits on the learner's editor, so it takes the lock only to write (edit-session.ts).
		const unlocked = name === 'edit' ? (await import('./edit-session.js')).editOnFile : undefined;
		result = unlocked ? unlocked(file, rest) : updateState(file, state => {
			if (!state) {
				throw new StateFileError(`the dojo cluster ${file} is missing; open the challenge's shell again (netpol-dojo shell CHALLENGE)`);
			}

			return command(state, rest, now, yamlText);
		});
	} catch (error) {
		if (error instanceof KubectlUsageError || error instanceof StateFileError) {
			result = {stdout: '', stderr: `error: ${error.message}\n`, exitCode: 1};
		} else {
			throw error;
		}
	}

	appendHistory(file, {command: argv.join(' '), at: now, exitCode: result.exitCode});
	process.stdout.write(result.stdout);
	process.stderr.write(result.stderr);
	return result.exitCode;
}

process.exitCode = await main(process.argv.slice(2));
