// `explain` results for people (indented traces, wrapped to the terminal) and for scripts (JSON).
import {type Direction, type FlowTrace, type PolicyTrace, type RuleTrace, type SideTrace, type Verdict, peersField} from '../evaluator/index.js';
import type {Palette} from './color.js';
import type {Protocol} from '../model/kubernetes.js';
import {type FlowVerdict, summaryLine} from './eval-output.js';
import {flowHeading, peerReasonText, portCheckText, traceLines} from './explain-text.js';
import {wrapText} from './wrap.js';

/** One pod-to-pod flow of a group: traced, or a backend that lacks the Service's named targetPort. */
export type ExplainedMember = {readonly trace: FlowTrace} | {readonly from: string; readonly to: string; readonly missingPort: string};

/** A flow to a Service, or naming a workload with replicas: every pod-to-pod flow it stands for. */
export type ExplainedGroup = {
	readonly from: string;
	readonly to: string;
	readonly port: number;
	readonly protocol: Protocol;
	readonly noun: 'backends' | 'replicas' | 'pod pairs';
	readonly workloads: readonly string[];
	readonly service?: {readonly name: string; readonly port: number; readonly targetPort: number | string};
	readonly members: readonly ExplainedMember[];
};

/** A traced flow (or group of flows) with the verdict its flows file expected, if any. */
export type ExplainedFlow = ({readonly trace: FlowTrace} | {readonly group: ExplainedGroup}) & {readonly expect?: Verdict};

function memberVerdict(member: ExplainedMember): Verdict {
	return 'trace' in member ? member.trace.verdict : 'deny';
}

/** A flow's verdict; a group's is `allow` when every member is allowed, `deny` when none is, and `mixed` otherwise. */
export function verdictOf(flow: ExplainedFlow): FlowVerdict {
	if ('trace' in flow) {
		return flow.trace.verdict;
	}

	const allowed = flow.group.members.filter(member => memberVerdict(member) === 'allow').length;
	return allowed === flow.group.members.length ? 'allow' : (allowed === 0 ? 'deny' : 'mixed');
}

/** Why a group is decided per member: policies see pods, never a Service or a workload. */
export function groupNote(group: ExplainedGroup): string {
	const replicas = group.workloads.map(workload => `${workload} stands for its pods in the files (they name it in their ownerReferences)`);
	const service = group.service
		? [`policies do not see the Service ${group.service.name}: they see each pod it selects, on its targetPort (${group.service.port} -> ${group.service.targetPort}${typeof group.service.targetPort === 'string' ? ', a name resolved on each pod' : ''})`]
		: [];
	return `${[...service, ...replicas].join('; ')}; each is decided on its own`;
}

function groupHeading(group: ExplainedGroup, verdict: FlowVerdict, style: (verdict: string) => string): string {
	const allowed = group.members.filter(member => memberVerdict(member) === 'allow').length;
	return `${group.from} -> ${group.to} on ${group.port}/${group.protocol}: ${style(verdict)} (${allowed} of ${group.members.length} ${group.noun} allowed)`;
}

function missingPortLine(member: {readonly to: string; readonly missingPort: string}): string {
	return `${member.to} has no container port named ${member.missingPort}, so the Service cannot send it this flow`;
}

/** A trace as plain indented lines: what the JSON's `explanation` holds and the text shows. */
export function explanationLines(trace: FlowTrace): string[] {
	return traceLines(trace).map(line => `${'  '.repeat(line.depth)}${line.text}`);
}

/**
Each flow: its heading with the verdict (and whether the expectation held), then its trace,
wrapped to the terminal's width when there is one; a blank line between flows; a summary.
*/
export function explainText(flows: readonly ExplainedFlow[], palette: Palette, width?: number): string {
	const style = (verdict: FlowVerdict) => (verdict === 'allow' ? palette.allow : (verdict === 'deny' ? palette.deny : palette.fail));
	const blocks = flows.map(flow => {
		const verdict = verdictOf(flow);
		const {expect} = flow;
		const expectation = expect === undefined ? '' : (expect === verdict ? ` (expected ${expect}: ok)` : palette.fail(` (expected ${expect}: FAIL)`));
		if ('trace' in flow) {
			const body = traceLines(flow.trace).flatMap(line => wrapped(line.text, 2 * line.depth, width));
			return [flowHeading(flow.trace, style(verdict)) + expectation, ...body].join('\n');
		}

		const body = [
			...wrapped(groupNote(flow.group), 2, width),
			...flow.group.members.flatMap(member => ('trace' in member
				? [...wrapped(flowHeading(member.trace, style(member.trace.verdict)), 2, width), ...traceLines(member.trace).flatMap(line => wrapped(line.text, 2 + (2 * line.depth), width))]
				: wrapped(`${member.from} -> ${member.to}: ${style('deny')('deny')}; ${missingPortLine(member)}`, 2, width))),
		];
		return [groupHeading(flow.group, verdict, style(verdict)) + expectation, ...body].join('\n');
	});
	const results = {flows: flows.map(({expect}) => ({expect})), verdicts: flows.map(flow => verdictOf(flow))};
	return `${blocks.join('\n\n')}\n\n${summaryLine(results, palette)}\n`;
}

// A long line wraps with its continuation indented four more spaces than the line itself, past
// where the next level's lines start, so that it never reads as one of them.
function wrapped(text: string, indent: number, width: number | undefined): string[] {
	if (width === undefined || indent + text.length <= width) {
		return [' '.repeat(indent) + text];
	}

	const [first = '', ...rest] = wrapText(text, Math.max(20, width - indent));
	return [' '.repeat(indent) + first, ...wrapText(rest.join(' '), Math.max(20, width - indent - 4)).map(line => ' '.repeat(indent + 4) + line)];
}

/** The `explain --json` document (README.md, `explain`). */
export function explainJson(flows: readonly ExplainedFlow[]): string {
	let passed = 0;
	let failed = 0;
	const results = flows.map(flow => {
		const verdict = verdictOf(flow);
		const {expect} = flow;
		if (expect !== undefined) {
			passed += expect === verdict ? 1 : 0;
			failed += expect === verdict ? 0 : 1;
		}

		const expectation = expect === undefined ? {} : {expect, pass: expect === verdict};
		if ('trace' in flow) {
			return traceJson(flow.trace, expectation);
		}

		const {group} = flow;
		const members = group.members.map(member => ('trace' in member
			? traceJson(member.trace, {})
			: {from: member.from, to: member.to, targetPort: member.missingPort, verdict: 'deny', explanation: [missingPortLine(member)]}));
		const allowed = group.members.filter(member => memberVerdict(member) === 'allow').length;
		return {
			from: group.from,
			to: group.to,
			port: group.port,
			protocol: group.protocol,
			verdict,
			...expectation,
			note: groupNote(group),
			members: {kind: group.noun, allowed, total: group.members.length, flows: members},
		};
	});
	return `${JSON.stringify({results, passed, failed}, undefined, 2)}\n`;
}

function traceJson(trace: FlowTrace, expectation: Record<string, unknown>): Record<string, unknown> {
	return {
		from: trace.from,
		to: trace.to,
		port: trace.port,
		protocol: trace.protocol,
		verdict: trace.verdict,
		...expectation,
		self: trace.isSelf,
		egress: sideJson(trace, 'egress'),
		ingress: sideJson(trace, 'ingress'),
		explanation: explanationLines(trace),
	};
}

function sideJson(trace: FlowTrace, direction: Direction): Record<string, unknown> {
	const side: SideTrace = trace[direction];
	switch (side.kind) {
		case 'outside': {
			return {endpoint: side.endpoint, isolated: false, allowed: true, outside: true};
		}

		case 'not-isolated': {
			return {endpoint: side.endpoint, isolated: false, allowed: true, policies: [], bypassing: side.bypassing};
		}

		case 'isolated': {
			return {endpoint: side.endpoint, isolated: true, allowed: side.isAllowed, policies: side.policies.map(policy => policyJson(trace, policy, direction)), bypassing: side.bypassing};
		}
	}
}

function policyJson(trace: FlowTrace, policy: PolicyTrace, direction: Direction): Record<string, unknown> {
	return {policy: policy.policy, rules: policy.rules.map(rule => ruleJson(trace, rule, direction))};
}

// Fields are named by their path in the policy (`spec.ingress[0].from[1]`), 0-based as written.
function ruleJson(trace: FlowTrace, rule: RuleTrace, direction: Direction): Record<string, unknown> {
	const field = `spec.${direction}[${rule.index}]`;
	return {
		field,
		admits: rule.admits,
		peers: rule.peers === 'every' ? 'every' : rule.peers.map(check => ({field: `${field}.${peersField[direction]}[${check.index}]`, matches: check.isMatch, reason: peerReasonText(check.reason, check.isMatch)})),
		ports: rule.ports === 'every' ? 'every' : rule.ports.map(check => ({field: `${field}.ports[${check.index}]`, matches: check.isMatch, reason: portCheckText(check, trace.port, trace.protocol)})),
	};
}
