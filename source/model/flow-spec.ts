// A flow as written in a flows file, a hidden case or a lesson, before its ends are resolved.
import type {Protocol} from './kubernetes.js';

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
