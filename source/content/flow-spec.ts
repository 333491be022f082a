// The flows format of the contract, checked field by field. Pure: values in, flows or issues out.
import type {Issue} from '../kube/issue.js';
import {quoteValue, terminalSafeJson} from '../model/sanitize.js';
import {formatFieldPath} from '../kube/issue.js';
import type {Protocol} from '../model/kubernetes.js';
import {asRecord, protocols} from '../kube/values.js';
import type {FlowSpec, Verdict} from '../model/flow-spec.js';

const flowFields = new Set(['from', 'to', 'port', 'protocol', 'expect']);

function problem(path: ReadonlyArray<string | number>, message: string, isAtKey = false): Issue {
	return {path, message: `${formatFieldPath(path)}: ${message}`, severity: 'error', ...(isAtKey ? {isAtKey} : {})};
}


/** The flows of a flows document, or every problem with it. */
export function checkFlows(value: unknown): {flows: FlowSpec[]; issues: Issue[]} {
	const document = asRecord(value);
	if (!document || !Array.isArray(document['flows'])) {
		return {flows: [], issues: [{path: [], message: 'a flows file is a mapping with a list under `flows:` (see `netpol-dojo --help`)', severity: 'error'}]};
	}

	const issues: Issue[] = Object.keys(document)
		.filter(key => key !== 'flows')
		.map(key => problem([key], `unknown field ${quoteValue(key)}; a flows file has only \`flows\``, true));
	const flows: FlowSpec[] = [];
	for (const [index, item] of (document['flows'] as unknown[]).entries()) {
		const result = checkFlow(item, ['flows', index]);
		issues.push(...result.issues);
		if (result.flow) {
			flows.push(result.flow);
		}
	}

	if (flows.length === 0 && issues.length === 0) {
		issues.push(problem(['flows'], 'is empty; list at least one flow'));
	}

	return {flows, issues};
}

function checkFlow(item: unknown, path: ReadonlyArray<string | number>): {flow?: FlowSpec; issues: Issue[]} {
	const flow = asRecord(item);
	if (!flow) {
		return {issues: [problem(path, 'a flow is a mapping such as {from: prod/web, to: prod/db, port: 3306}')]};
	}

	const issues: Issue[] = [];
	for (const key of Object.keys(flow).filter(key => !flowFields.has(key))) {
		issues.push(problem([...path, key], `unknown field ${quoteValue(key)}; a flow has from, to, port, protocol and expect`, true));
	}

	for (const end of ['from', 'to'] as const) {
		const value = flow[end];
		if (value === undefined || value === null) {
			issues.push(problem([...path, end], 'Required value: a pod as namespace/name, or an IP address'));
		} else if (typeof value !== 'string') {
			issues.push(problem([...path, end], `${terminalSafeJson(JSON.stringify(value))} is not a pod reference; write namespace/name (a pod or workload), svc/namespace/name or an IP address`));
		}
	}

	const {port, protocol = 'TCP', expect} = flow;
	if (port === undefined || port === null) {
		issues.push(problem([...path, 'port'], 'Required value: a port number, 1..65535'));
	} else if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) {
		const hint = typeof port === 'string' && /^\d+$/.test(port) ? ' (a number, without quotes)' : '';
		issues.push(problem([...path, 'port'], `${terminalSafeJson(JSON.stringify(port))} is not a port; use 1..65535${hint}`));
	}

	if (typeof protocol !== 'string' || !protocols.includes(protocol as Protocol)) {
		issues.push(problem([...path, 'protocol'], `${terminalSafeJson(JSON.stringify(protocol))} is not a protocol; use TCP, UDP or SCTP`));
	}

	if (expect !== undefined && expect !== 'allow' && expect !== 'deny') {
		issues.push(problem([...path, 'expect'], `${terminalSafeJson(JSON.stringify(expect))} is not a verdict; use allow or deny`));
	}

	if (issues.length > 0) {
		return {issues};
	}

	const {from, to} = flow as {from: string; to: string};
	return {flow: {from, to, port: port as number, protocol: protocol as Protocol, ...(expect === undefined ? {} : {expect: expect as Verdict})}, issues};
}
