import type {Verdict} from '../model/flow-spec.js';
import type {PolicyType, Protocol} from '../model/kubernetes.js';
import type {Address} from '../kube/ip.js';

/** One end of a flow: a pod of the cluster (by index), or an address outside it. */
export type Endpoint =
	| {readonly kind: 'pod'; readonly pod: number}
	| {readonly kind: 'outside'; readonly address: Address};

/** A connection attempt: who opens it, to whom, on which port. Responses are not flows. */
export type Flow = {
	readonly source: Endpoint;
	readonly destination: Endpoint;
	readonly port: number;
	readonly protocol: Protocol;
};

export type Direction = 'ingress' | 'egress';

/** The field of a rule that lists its peers, per direction: `from` for ingress, `to` for egress. */
export const peersField: Readonly<Record<Direction, 'from' | 'to'>> = {ingress: 'from', egress: 'to'};

/** The policyTypes entry that makes a policy isolate the pods it selects in a direction. */
export const policyTypeOf: Readonly<Record<Direction, PolicyType>> = {ingress: 'Ingress', egress: 'Egress'};

/** Which rule admitted a flow: 0-based indexes into the policy as written. */
export type RuleMatch = {
	/** `namespace/name` of the NetworkPolicy. */
	readonly policy: string;
	readonly direction: Direction;
	readonly rule: number;
	/** The peer that matched; absent when the rule has no `from`/`to` and so admits every peer. */
	readonly peer?: number;
	/** The port entry that matched; absent when the rule has no `ports` and so admits every port. */
	readonly port?: number;
};

/** What one side (the source's egress or the destination's ingress) says about a flow. */
export type DirectionDecision =
	/** This end is an address outside the cluster: no policy applies to it. */
	| {readonly kind: 'outside'}
	/** No policy selects this pod for this direction, so everything is allowed. */
	| {readonly kind: 'not-isolated'}
	| {readonly kind: 'allowed'; readonly isolatedBy: readonly string[]; readonly allowedBy: readonly RuleMatch[]}
	/** Selected by these policies, and no rule of theirs admits the peer on this port. */
	| {readonly kind: 'denied'; readonly isolatedBy: readonly string[]};

export type {Verdict};

/** A flow's verdict with the reasons for it on both sides. */
export type Decision = {
	readonly flow: Flow;
	readonly verdict: Verdict;
	/** A pod talking to itself: always allowed, whatever the policies say. */
	readonly isSelf: boolean;
	readonly egress: DirectionDecision;
	readonly ingress: DirectionDecision;
};
