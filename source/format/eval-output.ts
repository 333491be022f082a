// `eval` results as the contract's JSON and as a table for people.
import type {FlowSpec} from '../content/flow-spec.js';
import type {Verdict} from '../evaluator/types.js';
import type {Palette} from './color.js';

/** One decided flow, as `eval` reports it. */
export type EvalResult = {
	readonly flow: FlowSpec;
	readonly verdict: Verdict;
	/** One line on why; the table shows it. */
	readonly reason: string;
};

/** Counts of the flows that had an `expect`. */
export function expectationCounts(results: readonly EvalResult[]): {passed: number; failed: number} {
	let passed = 0;
	let failed = 0;
	for (const {flow, verdict} of results) {
		if (flow.expect !== undefined) {
			if (flow.expect === verdict) {
				passed++;
			} else {
				failed++;
			}
		}
	}

	return {passed, failed};
}

/** The contract's `eval --json` document, built as text: a large run has hundreds of thousands of results. */
export function evalJson(results: readonly EvalResult[]): string {
	const lines = results.map(({flow, verdict}) => {
		const expectation = flow.expect === undefined ? '' : `, "expect": "${flow.expect}", "pass": ${flow.expect === verdict}`;
		return `    {"from": ${JSON.stringify(flow.from)}, "to": ${JSON.stringify(flow.to)}, "port": ${flow.port}, "protocol": "${flow.protocol}", "verdict": "${verdict}"${expectation}}`;
	});
	const {passed, failed} = expectationCounts(results);
	return `{\n  "results": [\n${lines.join(',\n')}\n  ],\n  "passed": ${passed},\n  "failed": ${failed}\n}\n`;
}

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - text.length));
}

/** A table with one line a flow and a summary line. */
export function evalTable(results: readonly EvalResult[], palette: Palette): string {
	const rows = results.map(({flow, verdict, reason}) => {
		const expectation = flow.expect === undefined ? '' : flow.expect === verdict ? 'ok' : `FAIL (expected ${flow.expect})`;
		return {from: flow.from, to: flow.to, port: `${flow.port}/${flow.protocol}`, verdict, expectation, reason};
	});
	const width = (pick: (row: typeof rows[number]) => string, title: string) => Math.max(title.length, ...rows.map(row => pick(row).length));
	const fromWidth = width(row => row.from, 'FROM');
	const toWidth = width(row => row.to, 'TO');
	const portWidth = width(row => row.port, 'PORT');
	const hasExpectations = rows.some(row => row.expectation !== '');
	const expectationWidth = width(row => row.expectation, 'EXPECT');
	const header = [pad('FROM', fromWidth), pad('TO', toWidth), pad('PORT', portWidth), 'VERDICT', ...(hasExpectations ? [pad('EXPECT', expectationWidth)] : []), 'WHY'];
	const lines = [palette.dim(header.join('  '))];
	for (const row of rows) {
		const verdict = row.verdict === 'allow' ? palette.allow(pad('allow', 7)) : palette.deny(pad('deny', 7));
		const expectation = row.expectation.startsWith('FAIL') ? palette.fail(pad(row.expectation, expectationWidth)) : pad(row.expectation, expectationWidth);
		lines.push([pad(row.from, fromWidth), pad(row.to, toWidth), pad(row.port, portWidth), verdict, ...(hasExpectations ? [expectation] : []), palette.dim(row.reason)].join('  '));
	}

	lines.push('', summaryLine(results, palette));
	return `${lines.join('\n')}\n`;
}

function summaryLine(results: readonly EvalResult[], palette: Palette): string {
	const allowed = results.filter(result => result.verdict === 'allow').length;
	const flows = `${results.length} ${results.length === 1 ? 'flow' : 'flows'}: ${allowed} allowed, ${results.length - allowed} denied`;
	const {passed, failed} = expectationCounts(results);
	if (passed + failed === 0) {
		return flows;
	}

	const expectations = `${passed} ${passed === 1 ? 'expectation' : 'expectations'} held, ${failed} failed`;
	return `${flows}; ${failed > 0 ? palette.fail(expectations) : expectations}`;
}
