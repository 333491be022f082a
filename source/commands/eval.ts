// `netpol-dojo eval [--json] --flows FLOWS FILE...`: decide each flow against the cluster.
import {readFlowsFile} from '../content/flows-file.js';
import {decide, isAllowed, isGrouped, summarizeDecision} from '../evaluator/index.js';
import {ansiColors, noColors} from '../format/color.js';
import {type EvalResults, type FlowVerdict, type MemberResults, evalJsonChunks, evalTable, expectationCounts} from '../format/eval-output.js';
import {resolveFlowEnds} from './flow-ends.js';
import {decideMembers} from './flow-members.js';
import type {CommandIo} from './io.js';
import {loadClusterAndFlows} from './load-cluster.js';

export type EvalOptions = {
	readonly flowsFile: string;
	readonly clusterFiles: readonly string[];
	readonly format: 'text' | 'json';
	readonly maxBytes?: number;
};

/** Runs `eval`; resolves to the exit code (0 all expectations held, 1 some failed). Rejects with InputError for bad input. */
export async function runEval(options: EvalOptions, io: CommandIo): Promise<number> {
	const {cluster, flowsFile} = await loadClusterAndFlows(options.clusterFiles, options.maxBytes, () => readFlowsFile(options.flowsFile, options.maxBytes), io);
	const flows = resolveFlowEnds(cluster, flowsFile.flows, flowsFile.locate);
	// JSON carries verdicts only, so it takes the evaluator's allocation-free path.
	const verdicts: FlowVerdict[] = [];
	const reasons: string[] = [];
	const members: Array<MemberResults | undefined> = [];
	for (let index = 0; index < flows.length; index++) {
		const resolved = flows[index]!;
		if (!isGrouped(resolved)) {
			if (options.format === 'json') {
				verdicts.push(isAllowed(cluster, resolved) ? 'allow' : 'deny');
			} else {
				const decision = decide(cluster, resolved);
				verdicts.push(decision.verdict);
				reasons.push(summarizeDecision(cluster, decision));
			}

			continue;
		}

		const decided = decideMembers(cluster, resolved);
		verdicts.push(decided.verdict);
		if (options.format !== 'json') {
			reasons.push(decided.reason);
		}

		members[index] = decided.results;
	}

	const results: EvalResults = {flows: flowsFile.flows, verdicts, reasons, ...(members.length > 0 ? {members} : {})};
	if (options.format === 'json') {
		for (const chunk of evalJsonChunks(results)) {
			io.stdout(chunk);
		}
	} else {
		io.stdout(evalTable(results, io.isColor ? ansiColors : noColors, io.columns));
	}

	return expectationCounts(results).failed > 0 ? 1 : 0;
}
