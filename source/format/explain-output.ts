// `explain` results for people (indented traces, wrapped to the terminal) and for scripts (JSON).
import type {FlowTrace, PolicyTrace, RuleTrace, SideTrace} from '../evaluator/explain.js';
import {type Direction, type Verdict, peersField} from '../evaluator/types.js';
import type {Palette} from './color.js';
import {summaryLine} from './eval-output.js';
import {flowHeading, peerReasonText, portCheckText, traceLines} from './explain-text.js';
import {wrapText} from './wrap.js';

/** A traced flow with the verdict its flows file expected, if any. */
export type ExplainedFlow = {readonly trace: FlowTrace; readonly expect?: Verdict};

/** A trace as plain indented lines: what the JSON's `explanation` holds and the text shows. */
export function explanationLines(trace: FlowTrace): string[] {
	return traceLines(trace).map(line => `${'  '.repeat(line.depth)}${line.text}`);
}

/**
Each flow: its heading with the verdict (and whether the expectation held), then its trace,
wrapped to the terminal's width when there is one; a blank line between flows; a summary.
*/
export function explainText(flows: readonly ExplainedFlow[], palette: Palette, width?: number): string {
	const blocks = flows.map(({trace, expect}) => {
		const heading = flowHeading(trace, trace.verdict === 'allow' ? palette.allow : palette.deny);
		const expectation = expect === undefined ? '' : (expect === trace.verdict ? ` (expected ${expect}: ok)` : palette.fail(` (expected ${expect}: FAIL)`));
		const body = traceLines(trace).flatMap(line => wrapped(line.text, 2 * line.depth, width));
		return [heading + expectation, ...body].join('\n');
	});
	const results = {flows: flows.map(({expect}) => ({expect})), verdicts: flows.map(({trace}) => trace.verdict)};
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
	const results = flows.map(({trace, expect}) => {
		if (expect !== undefined) {
			passed += expect === trace.verdict ? 1 : 0;
			failed += expect === trace.verdict ? 0 : 1;
		}

		return {
			from: trace.from,
			to: trace.to,
			port: trace.port,
			protocol: trace.protocol,
			verdict: trace.verdict,
			...(expect === undefined ? {} : {expect, pass: expect === trace.verdict}),
			self: trace.isSelf,
			egress: sideJson(trace, 'egress'),
			ingress: sideJson(trace, 'ingress'),
			explanation: explanationLines(trace),
		};
	});
	return `${JSON.stringify({results, passed, failed}, undefined, 2)}\n`;
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
