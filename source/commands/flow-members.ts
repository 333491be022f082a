// A flow that stands for several pod-to-pod flows (to a Service's backends, from or to a
// workload's replicas), decided member by member and told in one line: `2 of 3 backends
// allowed`, then why for the ones that matter (the denied ones, or one allowed when all are).
import {type Cluster, type FlowMember, type GroupedFlow, type Verdict, decide, endpointName, summarizeDecision} from '../evaluator/index.js';
import type {FlowVerdict, MemberResults} from '../format/eval-output.js';

/** The members of a resolved flow, decided: the flow's verdict, its reason line, and each member for JSON. */
export function decideMembers(cluster: Cluster, resolved: GroupedFlow): {verdict: FlowVerdict; reason: string; results: MemberResults} {
	const {noun} = resolved.group;
	const decided = resolved.members.map(member => decideMember(cluster, member));
	const allowed = decided.filter(member => member.verdict === 'allow').length;
	const verdict: FlowVerdict = allowed === decided.length ? 'allow' : (allowed === 0 ? 'deny' : 'mixed');
	const shownLimit = 2;
	const telling = verdict === 'allow' ? decided.slice(0, 1) : decided.filter(member => member.verdict === 'deny');
	const more = telling.length - shownLimit;
	const reason = [
		`${allowed} of ${decided.length} ${noun} allowed`,
		...telling.slice(0, shownLimit).map(member => `${memberLabel(member, noun)}: ${member.reason}`),
		...(more > 0 ? [`and ${more} more denied`] : []),
	].join('; ');
	const results: MemberResults = {
		noun,
		allowed,
		flows: decided.map(({from, to, port, targetPort, verdict}) => ({from, to, ...(port === undefined ? {} : {port}), ...(targetPort === undefined ? {} : {targetPort}), verdict})),
	};
	return {verdict, reason, results};
}

type DecidedMember = {from: string; to: string; port?: number; targetPort?: string; verdict: Verdict; reason: string};

function decideMember(cluster: Cluster, member: FlowMember): DecidedMember {
	const from = endpointName(cluster, 'flow' in member ? member.flow.source : member.source);
	const to = endpointName(cluster, 'flow' in member ? member.flow.destination : member.destination);
	if (!('flow' in member)) {
		return {from, to, targetPort: member.missingPort, verdict: 'deny', reason: `${to} has no container port named ${member.missingPort}, so the Service cannot send it this flow`};
	}

	const decision = decide(cluster, member.flow);
	return {from, to, port: member.flow.port, verdict: decision.verdict, reason: summarizeDecision(cluster, decision)};
}

// Backends differ by pod and port, replicas by pod: say only what varies.
function memberLabel(member: DecidedMember, noun: MemberResults['noun']): string {
	const port = member.port === undefined ? `port ${member.targetPort ?? ''}` : String(member.port);
	switch (noun) {
		case 'backends': {
			return `${member.to} on ${port}`;
		}

		case 'replicas': {
			return `${member.from} -> ${member.to}`;
		}

		case 'pod pairs': {
			return `${member.from} -> ${member.to} on ${port}`;
		}
	}
}
