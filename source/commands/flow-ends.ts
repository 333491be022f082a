// Written flows resolved against the cluster for a command: the evaluator's resolveFlow on each,
// its problems placed in the file (or on the command line) and raised together as InputError.
import {type FieldName, type FlowSpec, flowsFileField, placedFlowProblem} from '../model/flow-spec.js';
import {InputError, type Problem} from '../model/input-error.js';
import {type Cluster, type Flow, type FlowProblems, type ResolvedFlow, hasProblems, isGrouped, resolveFlow} from '../evaluator/index.js';

type Locate = (index: number, field: keyof FlowSpec) => Problem;

/**
Resolves every flow to the one pod-to-pod flow it is, in order, for callers that decide flows
one by one (the conformance cases, the benchmark); throws InputError naming each bad end, and
for a flow that stands for several (use resolveFlowEnds for those).
*/
export function resolveFlows(cluster: Cluster, specs: readonly FlowSpec[], locate: Locate, fieldName: FieldName = flowsFileField): Flow[] {
	return resolvedOrThrown(specs.map((spec): Flow | FlowProblems => {
		const resolved = resolveFlow(cluster, spec);
		return !hasProblems(resolved) && isGrouped(resolved)
			? {problems: [{field: 'to', isAboutFlow: true, message: 'stands for several pod-to-pod flows (a Service or a workload\'s replicas)'}]}
			: resolved;
	}), locate, fieldName);
}

/** Resolves every flow's ends against the cluster, in order; throws InputError naming each bad one. */
export function resolveFlowEnds(cluster: Cluster, specs: readonly FlowSpec[], locate: Locate, fieldName: FieldName = flowsFileField): ResolvedFlow[] {
	return resolvedOrThrown(specs.map(spec => resolveFlow(cluster, spec)), locate, fieldName);
}

function resolvedOrThrown<T extends ResolvedFlow>(results: ReadonlyArray<T | FlowProblems>, locate: Locate, fieldName: FieldName): T[] {
	const problems: Problem[] = [];
	const flows: T[] = [];
	for (const [index, result] of results.entries()) {
		if (hasProblems(result)) {
			problems.push(...result.problems.map(problem => placedFlowProblem(problem, index, locate, fieldName)));
		} else {
			flows.push(result);
		}
	}

	if (problems.length > 0) {
		throw new InputError(problems);
	}

	return flows;
}
