// A flow as written in a flows file, a hidden case or a lesson, before its ends are resolved.
import type {Problem} from './input-error.js';
import type {ClusterObjects, Protocol} from './kubernetes.js';

/** What a flow's traffic should meet: allowed through, or refused. */
export type Verdict = 'allow' | 'deny';

/**
One flow as written, its ends resolved against a cluster later: `namespace/name` (a pod or a
workload), `namespace/kind/name`, `svc/namespace/name` (a Service, as `to`) or an IP address.
*/
export type FlowSpec = {
	readonly from: string;
	readonly to: string;
	readonly port: number;
	readonly protocol: Protocol;
	readonly expect?: Verdict;
};

/** A field of a written flow. */
export type FlowField = 'from' | 'to' | 'port';

/**
What is wrong with one written flow, at its field: `flows[3].to: ...`, or, when `isAboutFlow`,
about the flow as a whole (`flows[3]: ...`, placed at the field).
*/
export type FlowProblem = {readonly field: FlowField; readonly message: string; readonly isAboutFlow?: boolean};

/** Where a cluster came from, as messages name it: eval's files, a pack's cluster.yaml, a lesson page's cluster. */
export type ClusterPlace = 'cluster files' | 'cluster.yaml' | 'lesson';

/**
Checks written flows against a cluster's objects as the evaluator resolves them: for each flow,
its problems (none when it is one pod-to-pod flow). Reading a pack or lessons is handed this
check, so the folder that reads files never depends on the evaluator.
*/
export type FlowsCheck = (cluster: ClusterObjects, flows: readonly FlowSpec[], place: ClusterPlace) => ReadonlyArray<readonly FlowProblem[]>;

/** How a flows file names a flow's field (`flows[3].from`), or a command line names it (`--from`). */
export type FieldName = (index: number, field?: FlowField) => string;

/** A flow's problem at its place in the file, worded at its field: `flows[3].to: ...`, or `flows[3]: ...` about the whole flow. */
export function placedFlowProblem(problem: FlowProblem, index: number, locate: (index: number, field: FlowField) => Problem, fieldName: FieldName = flowsFileField): Problem {
	return {...locate(index, problem.field), message: `${fieldName(index, problem.isAboutFlow ? undefined : problem.field)}: ${problem.message}`};
}

/** How a flows file names a flow's field: `flows[3].from`. */
export function flowsFileField(index: number, field?: FlowField): string {
	return `flows[${index}]${field === undefined ? '' : `.${field}`}`;
}
