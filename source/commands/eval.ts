// `netpol-dojo eval [--json] --flows FLOWS FILE...`: decide each flow against the cluster.
import {readFlowsFile} from '../content/flows-file.js';
import type {FlowSpec} from '../content/flow-spec.js';
import {InputError, type Problem} from '../content/input-error.js';
import {quoteValue} from '../content/sanitize.js';
import {type Cluster, type EndpointProblem, decide, isAllowed, parseAddress, resolveEndpoint} from '../evaluator/index.js';
import {addressKey} from '../kube/ip.js';
import {summarizeDecision} from '../evaluator/describe.js';
import type {Endpoint, Flow, Verdict} from '../evaluator/types.js';
import {ansiColors, noColors} from '../format/color.js';
import {type EvalResults, evalJsonChunks, evalTable, expectationCounts} from '../format/eval-output.js';
import {similarTo} from '../format/similar.js';
import type {CommandIo} from './io.js';
import {loadClusterAndFlows} from './load-cluster.js';

export type EvalOptions = {
	readonly flowsFile: string;
	readonly clusterFiles: readonly string[];
	readonly isJson: boolean;
	readonly maxBytes?: number;
};

/** Runs `eval`; resolves to the exit code (0 all expectations held, 1 some failed). Rejects with InputError for bad input. */
export async function runEval(options: EvalOptions, io: CommandIo): Promise<number> {
	const {cluster, flowsFile} = await loadClusterAndFlows(options.clusterFiles, options.maxBytes, () => readFlowsFile(options.flowsFile, options.maxBytes), io);
	const flows = resolveFlows(cluster, flowsFile.flows, flowsFile.locate);
	// JSON carries verdicts only, so it takes the evaluator's allocation-free path.
	const verdicts: Verdict[] = [];
	const reasons: string[] = [];
	for (const flow of flows) {
		if (options.isJson) {
			verdicts.push(isAllowed(cluster, flow) ? 'allow' : 'deny');
		} else {
			const decision = decide(cluster, flow);
			verdicts.push(decision.verdict);
			reasons.push(summarizeDecision(cluster, decision));
		}
	}

	const results: EvalResults = {flows: flowsFile.flows, verdicts, reasons};
	if (options.isJson) {
		for (const chunk of evalJsonChunks(results)) {
			io.stdout(chunk);
		}
	} else {
		io.stdout(evalTable(results, io.isColor ? ansiColors : noColors, io.columns));
	}

	return expectationCounts(results).failed > 0 ? 1 : 0;
}

/** How a flow's field is named in messages: `flows[3].from` for a flows file. */
export type FieldName = (index: number, field?: 'from' | 'to') => string;

const flowsFileField: FieldName = (index, field) => `flows[${index}]${field === undefined ? '' : `.${field}`}`;

/** Resolves every flow's ends against the cluster, in order; throws InputError naming each bad one. */
export function resolveFlows(
	cluster: Cluster,
	specs: readonly FlowSpec[],
	locate: (index: number, field: keyof FlowSpec) => Problem,
	fieldName: FieldName = flowsFileField,
): Flow[] {
	const problems: Problem[] = [];
	const flows: Flow[] = [];
	for (const [index, spec] of specs.entries()) {
		const source = resolveEnd(cluster, spec, fieldName, 'from', index, locate, problems);
		const destination = resolveEnd(cluster, spec, fieldName, 'to', index, locate, problems);
		if (!source || !destination) {
			continue;
		}

		if (source.kind === 'outside' && destination.kind === 'outside') {
			problems.push({...locate(index, 'from'), message: `${fieldName(index)}: neither ${spec.from} nor ${spec.to} is a pod of the cluster; at least one end of a flow must be a pod`});
			continue;
		}

		flows.push({source, destination, port: spec.port, protocol: spec.protocol});
	}

	if (problems.length > 0) {
		throw new InputError(problems);
	}

	return flows;
}

function resolveEnd(
	cluster: Cluster,
	spec: FlowSpec,
	fieldName: FieldName,
	field: 'from' | 'to',
	index: number,
	locate: (index: number, field: keyof FlowSpec) => Problem,
	problems: Problem[],
): Endpoint | undefined {
	const endpoint = resolveEndpoint(cluster, spec[field]);
	if (typeof endpoint !== 'string') {
		return endpoint;
	}

	const message = problemMessage(cluster, endpoint, spec[field], fieldName(index, field));
	problems.push({...locate(index, field), message});
	return undefined;
}

function problemMessage(cluster: Cluster, problem: EndpointProblem, reference: string, field: string): string {
	switch (problem) {
		case 'unknown-pod': {
			return `${field}: pod ${quoteValue(reference)} is not in the cluster files${suggestion(cluster, reference)}`;
		}

		case 'shared-address': {
			const address = parseAddress(reference);
			const pods = (address ? cluster.podsByAddress.get(addressKey(address)) ?? [] : []).map(pod => `${cluster.pods[pod]!.namespace}/${cluster.pods[pod]!.name}`);
			return `${field}: ${reference} is the IP of several pods: ${pods.join(', ')} (host-network pods share their node's IP); name the pod as namespace/name instead`;
		}

		case 'not-a-reference': {
			return `${field}: ${quoteValue(reference)} is neither namespace/pod nor an IP address`;
		}
	}
}

// The same name in another namespace, or a near spelling: `shop/fronted` -> `shop/frontend`.
function suggestion(cluster: Cluster, reference: string): string {
	const name = reference.split('/')[1];
	const sameName = cluster.pods.filter(pod => pod.name === name).map(pod => `${pod.namespace}/${pod.name}`);
	const candidates = sameName.length > 0 ? sameName : similarTo(reference, cluster.podIndexByKey.keys());
	return candidates.length > 0 ? ` (did you mean ${candidates.slice(0, 3).join(' or ')}?)` : '';
}
