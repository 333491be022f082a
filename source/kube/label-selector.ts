// metav1.LabelSelector: its schema, ValidateLabelSelector's checks and wording, and the typed form.
import type {Issue, PathSegment} from './issue.js';
import {forbidden, invalid, required} from './issue.js';
import {labelValueErrors, qualifiedNameErrors} from './names.js';
import {asLabels, labelIssues} from './object-meta.js';
import {asRecord, asStringValue} from './values.js';
import type {Schema} from './schema.js';
import type {LabelSelector, Requirement, SelectorOperator} from '../model/kubernetes.js';

export const labelSelectorSchema: Schema = {
	type: 'object',
	fields: {
		matchLabels: {type: 'map', values: {type: 'string'}},
		matchExpressions: {
			type: 'list',
			items: {
				type: 'object',
				fields: {
					key: {type: 'string'},
					operator: {type: 'string'},
					values: {type: 'list', items: {type: 'string'}},
				},
			},
		},
	},
};

const operators: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function isOperator(value: unknown): value is SelectorOperator {
	return operators.includes(value as SelectorOperator);
}

/** ValidateLabelSelector, every problem at once. */
export function labelSelectorIssues(value: unknown, path: readonly PathSegment[]): Issue[] {
	const selector = asRecord(value);
	if (!selector) {
		return [];
	}

	const issues = labelIssues(selector['matchLabels'], [...path, 'matchLabels']);
	const expressions = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] as unknown[] : [];
	for (const [index, entry] of expressions.entries()) {
		issues.push(...requirementIssues(asRecord(entry) ?? {}, [...path, 'matchExpressions', index]));
	}

	return issues;
}

function requirementIssues(requirement: Readonly<Record<string, unknown>>, path: readonly PathSegment[]): Issue[] {
	const issues: Issue[] = [];
	const {operator} = requirement;
	const values = Array.isArray(requirement['values']) ? requirement['values'] as unknown[] : [];
	if (operator === 'In' || operator === 'NotIn') {
		if (values.length === 0) {
			issues.push(required([...path, 'values'], 'must be specified when `operator` is \'In\' or \'NotIn\''));
		}
	} else if (operator === 'Exists' || operator === 'DoesNotExist') {
		if (values.length > 0) {
			issues.push(forbidden([...path, 'values'], 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
		}
	} else if (operator === undefined || operator === null) {
		issues.push(invalid([...path, 'operator'], '', 'not a valid selector operator'));
	} else {
		issues.push(invalid([...path, 'operator'], operator, 'not a valid selector operator'));
	}

	const key = typeof requirement['key'] === 'string' ? requirement['key'] : '';
	issues.push(...qualifiedNameErrors(key).map(message => invalid([...path, 'key'], key, message)));
	for (const [index, entry] of values.entries()) {
		const value = asStringValue(entry);
		if (value !== undefined) {
			issues.push(...labelValueErrors(value).map(message => invalid([...path, 'values', index], value, message)));
		}
	}

	return issues;
}

/** The typed selector of a validated value; absent or null is the empty selector. */
export function toLabelSelector(value: unknown): LabelSelector {
	const selector = asRecord(value) ?? {};
	const expressions = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] as unknown[] : [];
	return {
		matchLabels: asLabels(selector['matchLabels']),
		matchExpressions: expressions.map(entry => {
			const requirement = asRecord(entry) ?? {};
			const values = Array.isArray(requirement['values']) ? requirement['values'] as unknown[] : [];
			const {operator} = requirement;
			return {
				key: String(requirement['key']),
				operator: isOperator(operator) ? operator : 'In',
				values: values.map(item => asStringValue(item)).filter(item => item !== undefined),
			} satisfies Requirement;
		}),
	};
}

/** Whether the selector is `{}`: no labels and no expressions, so it selects everything. */
export function isEmptySelector(selector: LabelSelector): boolean {
	return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}
