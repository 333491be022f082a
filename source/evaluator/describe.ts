// A decision in short sentences (np-guard's style): one per side and a one-line summary, which
// the eval table, grading feedback and the app print. The rule-by-rule trace of `explain` is told
// in format/explain-text.ts, the one home of its words. Rule numbers are 1-based here.
import type {Cluster} from './compile.js';
import {formatAddress} from '../kube/ip.js';
import {endpointDisplayName} from '../kube/replicas.js';
import type {Decision, DirectionDecision, Endpoint, RuleMatch} from './types.js';

/** `namespace/name` of a pod (`namespace/name[Kind]` of a workload), or the address of an outside end. */
export function endpointName(cluster: Cluster, endpoint: Endpoint): string {
	return endpoint.kind === 'outside' ? formatAddress(endpoint.address) : endpointDisplayName(cluster.pods[endpoint.pod]!);
}

function ruleName(match: RuleMatch): string {
	return `${match.policy} ${match.direction} rule #${match.rule + 1}`;
}

function policyList(keys: readonly string[]): string {
	const quoted = keys.map(key => `'${key}'`);
	return quoted.length === 1 ? `NetworkPolicy ${quoted[0]!}` : `NetworkPolicies ${quoted.join(', ')}`;
}

/** The sentence for one side of a decision; undefined for an end outside the cluster. */
export function sideSentence(cluster: Cluster, decision: Decision, side: 'egress' | 'ingress'): string | undefined {
	const direction: DirectionDecision = decision[side];
	const self = side === 'egress' ? decision.flow.source : decision.flow.destination;
	const peer = side === 'egress' ? decision.flow.destination : decision.flow.source;
	const selfName = endpointName(cluster, self);
	switch (direction.kind) {
		case 'outside': {
			return undefined;
		}

		case 'not-isolated': {
			return `no policy selects ${selfName} for ${side}`;
		}

		case 'allowed': {
			return `${side} allowed by ${direction.allowedBy.map(match => ruleName(match)).join(', ')}`;
		}

		case 'denied': {
			const {port, protocol} = decision.flow;
			const relation = side === 'egress' ? `to ${endpointName(cluster, peer)}` : `from ${endpointName(cluster, peer)}`;
			return `${policyList(direction.isolatedBy)} ${direction.isolatedBy.length === 1 ? 'selects' : 'select'} ${selfName} for ${side}, and no rule allows ${relation} on ${port}/${protocol}`;
		}
	}
}

/** One line on why the verdict is what it is: the deciding side first. */
export function summarizeDecision(cluster: Cluster, decision: Decision): string {
	if (decision.isSelf) {
		return 'a pod can always reach itself';
	}

	const sides = (['egress', 'ingress'] as const)
		.filter(side => decision.verdict === 'allow' || decision[side].kind === 'denied')
		.map(side => sideSentence(cluster, decision, side))
		.filter(sentence => sentence !== undefined);
	return sides.join('; ');
}
