// `eval` results as the contract's JSON and as a table for people.
import type {FlowSpec} from '../model/flow-spec.js';
import type {Verdict} from '../evaluator/index.js';
import type {Palette} from './color.js';
import {wrapText} from './wrap.js';

/**
A written flow's verdict. A flow to a Service, or naming a workload whose pods are in the files,
stands for one flow per backend or replica: `allow` when every one of them is allowed, `deny`
when none is, and `mixed` otherwise. An `expect` holds only for all alike: a Service that lets
a client reach two of its three backends meets neither `expect: allow` nor `expect: deny`.
*/
export type FlowVerdict = Verdict | 'mixed';

/** The pod-to-pod flows one written flow stood for, for JSON. */
export type MemberResults = {
	readonly noun: 'backends' | 'replicas' | 'pod pairs';
	readonly allowed: number;
	readonly flows: ReadonlyArray<{readonly from: string; readonly to: string; readonly port?: number; readonly targetPort?: string; readonly verdict: Verdict}>;
};

/** The decided flows of one `eval` run, as parallel lists (a run may have hundreds of thousands). */
export type EvalResults = {
	readonly flows: readonly FlowSpec[];
	readonly verdicts: readonly FlowVerdict[];
	/** One line on why each verdict is what it is; the table shows them. */
	readonly reasons?: readonly string[];
	/** Per flow, the flows it stood for when it named a Service or a workload with replicas. */
	readonly members?: ReadonlyArray<MemberResults | undefined>;
};

/** Flows with their verdicts, all that counting expectations needs (eval's and explain's results alike). */
export type VerdictsWithExpectations = {
	readonly flows: ReadonlyArray<{readonly expect?: Verdict | undefined}>;
	readonly verdicts: readonly FlowVerdict[];
};

/** Counts of the flows that had an `expect`. */
export function expectationCounts({flows, verdicts}: VerdictsWithExpectations): {passed: number; failed: number} {
	let passed = 0;
	let failed = 0;
	for (const [index, flow] of flows.entries()) {
		if (flow.expect !== undefined) {
			if (flow.expect === verdicts[index]) {
				passed++;
			} else {
				failed++;
			}
		}
	}

	return {passed, failed};
}

// A run names the same pods again and again: escape each text once.
function jsonStringCache(): (text: string) => string {
	const cache = new Map<string, string>();
	return text => {
		let quoted = cache.get(text);
		if (quoted === undefined) {
			quoted = JSON.stringify(text);
			cache.set(text, quoted);
		}

		return quoted;
	};
}

/**
The contract's `eval --json` document, as text in pieces: written piece by piece, a run of
hundreds of thousands of flows never holds its whole output in memory.
*/
export function * evalJsonChunks(results: EvalResults, flowsPerChunk = 512): Generator<string> {
	const quote = jsonStringCache();
	yield '{\n  "results": [\n';
	const {flows, verdicts} = results;
	// Small pieces, each joined at once: the lines die young, which keeps garbage collection cheap.
	for (let start = 0; start < flows.length; start += flowsPerChunk) {
		const lines: string[] = [];
		const end = Math.min(start + flowsPerChunk, flows.length);
		for (let index = start; index < end; index++) {
			const flow = flows[index]!;
			const verdict = verdicts[index]!;
			const expectation = flow.expect === undefined ? '' : `, "expect": "${flow.expect}", "pass": ${flow.expect === verdict}`;
			const separator = index === flows.length - 1 ? '\n' : ',\n';
			const members = results.members?.[index];
			lines.push(`    {"from": ${quote(flow.from)}, "to": ${quote(flow.to)}, "port": ${flow.port}, "protocol": "${flow.protocol}", "verdict": "${verdict}"${expectation}${members ? `, "members": ${membersJson(members)}` : ''}}${separator}`);
		}

		yield lines.join('');
	}

	const {passed, failed} = expectationCounts(results);
	yield `  ],\n  "passed": ${passed},\n  "failed": ${failed}\n}\n`;
}

function membersJson(members: MemberResults): string {
	return JSON.stringify({kind: members.noun, allowed: members.allowed, total: members.flows.length, flows: members.flows});
}

/** The whole `eval --json` document as one string. */
export function evalJson(results: EvalResults): string {
	return [...evalJsonChunks(results)].join('');
}

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - text.length));
}

/**
A table with one line a flow and a summary line. Given a terminal width, the WHY column wraps
within it (or goes below its row when little room is left); without one (a pipe), each flow
stays on one line for grep.
*/
export function evalTable(results: EvalResults, palette: Palette, terminalWidth?: number): string {
	const rows = results.flows.map((flow, index) => {
		const verdict = results.verdicts[index]!;
		const expectation = flow.expect === undefined ? '' : flow.expect === verdict ? 'ok' : `FAIL (expected ${flow.expect})`;
		return {from: flow.from, to: flow.to, port: `${flow.port}/${flow.protocol}`, verdict, expectation, reason: results.reasons?.[index] ?? ''};
	});
	const widthOf = (pick: (row: typeof rows[number]) => string, title: string) => rows.reduce((widest, row) => Math.max(widest, pick(row).length), title.length);
	const fromWidth = widthOf(row => row.from, 'FROM');
	const toWidth = widthOf(row => row.to, 'TO');
	const portWidth = widthOf(row => row.port, 'PORT');
	const hasExpectations = rows.some(row => row.expectation !== '');
	const expectationWidth = widthOf(row => row.expectation, 'EXPECT');
	const header = [pad('FROM', fromWidth), pad('TO', toWidth), pad('PORT', portWidth), 'VERDICT', ...(hasExpectations ? [pad('EXPECT', expectationWidth)] : []), 'WHY'];
	const lines = [palette.dim(header.join('  '))];
	const whyColumn = fromWidth + toWidth + portWidth + 7 + (hasExpectations ? expectationWidth + 2 : 0) + 8;
	for (const row of rows) {
		const verdict = row.verdict === 'allow' ? palette.allow(pad('allow', 7)) : (row.verdict === 'deny' ? palette.deny(pad('deny', 7)) : palette.fail(pad(row.verdict, 7)));
		const expectation = row.expectation.startsWith('FAIL') ? palette.fail(pad(row.expectation, expectationWidth)) : pad(row.expectation, expectationWidth);
		const cells = [pad(row.from, fromWidth), pad(row.to, toWidth), pad(row.port, portWidth), verdict, ...(hasExpectations ? [expectation] : [])];
		const why = layOutWhy(row.reason, whyColumn, terminalWidth);
		lines.push([...cells, palette.dim(why.first)].join('  ').trimEnd(), ...why.rest.map(line => palette.dim(line)));
	}

	lines.push('', summaryLine(results, palette));
	return `${lines.join('\n')}\n`;
}

// The reason beside its row, wrapped to the terminal; below the row when the column is narrow.
function layOutWhy(reason: string, column: number, width: number | undefined): {first: string; rest: string[]} {
	if (width === undefined || column + reason.length <= width) {
		return {first: reason, rest: []};
	}

	if (width - column >= 30) {
		const [first = '', ...rest] = wrapText(reason, width - column);
		return {first, rest: rest.map(line => ' '.repeat(column) + line)};
	}

	return {first: '', rest: wrapText(reason, Math.max(20, width - 4)).map(line => `    ${line}`)};
}

/** `8 flows: 4 allowed, 4 denied; 8 expectations held, 0 failed`. */
export function summaryLine(results: VerdictsWithExpectations, palette: Palette): string {
	const total = results.flows.length;
	const allowed = results.verdicts.filter(verdict => verdict === 'allow').length;
	const mixed = results.verdicts.filter(verdict => verdict === 'mixed').length;
	const flows = `${total} ${total === 1 ? 'flow' : 'flows'}: ${allowed} allowed, ${total - allowed - mixed} denied${mixed > 0 ? `, ${mixed} mixed` : ''}`;
	const {passed, failed} = expectationCounts(results);
	if (passed + failed === 0) {
		return flows;
	}

	const expectations = `${passed} ${passed === 1 ? 'expectation' : 'expectations'} held, ${failed} failed`;
	return `${flows}; ${failed > 0 ? palette.fail(expectations) : expectations}`;
}
