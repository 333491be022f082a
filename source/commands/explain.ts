// `netpol-dojo explain --flows FLOWS FILE...` and `explain --from A --to B --port P FILE...`: each
// flow's decision traced in words. Exit 0 done (every expectation held), 1 one failed, 2 bad input.
import type {FlowSpec} from '../model/flow-spec.js';
import {type FlowsFile, readFlowsFile} from '../content/flows-file.js';
import type {Problem} from '../model/input-error.js';
import {type Cluster, type ResolvedFlow, endpointName, isGrouped, traceFlow} from '../evaluator/index.js';
import {ansiColors, noColors} from '../format/color.js';
import {type ExplainedFlow, type ExplainedMember, explainJson, explainText, verdictOf} from '../format/explain-output.js';
import {resolveFlowEnds} from './flow-ends.js';
import type {CommandIo} from './io.js';
import {loadClusterAndFlows} from './load-cluster.js';

/** Where the flows come from: a flows file, or one flow given on the command line. */
export type ExplainFlows = {readonly flowsFile: string} | {readonly flow: FlowSpec};

export type ExplainOptions = {
	readonly flows: ExplainFlows;
	readonly clusterFiles: readonly string[];
	readonly format: 'text' | 'json';
	readonly maxBytes?: number;
};

/** Runs `explain`; resolves to the exit code. Rejects with InputError for bad input. */
export async function runExplain(options: ExplainOptions, io: CommandIo): Promise<number> {
	const {cluster, flowsFile} = await loadClusterAndFlows(options.clusterFiles, options.maxBytes, () => ('flowsFile' in options.flows ? readFlowsFile(options.flows.flowsFile, options.maxBytes) : commandLineFlow(options.flows.flow)), io);
	const isCommandLine = 'flow' in options.flows;
	// A flow from the command line is named by its option (`--from: pod "x" is not ...`).
	const flows = resolveFlowEnds(cluster, flowsFile.flows, flowsFile.locate, isCommandLine ? (_index, field) => `--${field ?? 'from/--to'}` : undefined);
	const explained: ExplainedFlow[] = flows.map((resolved, index) => {
		const spec = flowsFile.flows[index]!;
		const expectation = spec.expect === undefined ? {} : {expect: spec.expect};
		return {...explainResolved(cluster, resolved, spec), ...expectation};
	});
	io.stdout(options.format === 'json' ? explainJson(explained) : explainText(explained, io.isColor ? ansiColors : noColors, io.columns));
	return explained.some(flow => flow.expect !== undefined && flow.expect !== verdictOf(flow)) ? 1 : 0;
}

// A flow between two ends is one trace; a flow to a Service or naming a workload's replicas is a trace per member.
function explainResolved(cluster: Cluster, resolved: ResolvedFlow, spec: FlowSpec): ExplainedFlow {
	if (!isGrouped(resolved)) {
		return {trace: traceFlow(cluster, resolved)};
	}

	const members = resolved.members.map((member): ExplainedMember => ('flow' in member
		? {trace: traceFlow(cluster, member.flow)}
		: {from: endpointName(cluster, member.source), to: endpointName(cluster, member.destination), missingPort: member.missingPort}));
	return {group: {from: spec.from, to: spec.to, port: spec.port, protocol: spec.protocol, ...resolved.group, members}};
}

// One flow from the options, in the shape of a flows file, so that it is resolved the same way.
function commandLineFlow(flow: FlowSpec): FlowsFile {
	return {file: 'netpol-dojo explain', flows: [flow], locate: (): Problem => ({file: 'netpol-dojo explain', message: ''})};
}
