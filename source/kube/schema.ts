// Strict decoding, as kubectl's `--validate=strict` and the API server's strict field
// validation do it: an unknown field or a value of the wrong type is an error, never ignored.
// `null` stands for an absent field, as in Kubernetes' JSON decoding.
import {quoteValue} from '../model/sanitize.js';
import type {Issue, PathSegment} from './issue.js';
import {formatFieldPath, formatFieldValue} from './issue.js';

/** The shape of a field. */
export type Schema =
	| {readonly type: 'string'}
	| {readonly type: 'integer'}
	| {readonly type: 'boolean'}
	/** intstr.IntOrString */
	| {readonly type: 'int-or-string'}
	/** Known fields; unknown ones are errors unless the object is open (kinds we only read from). */
	| {readonly type: 'object'; readonly fields: Readonly<Record<string, Schema>>; readonly isOpen?: boolean}
	/** An object whose keys are data (labels, annotations). */
	| {readonly type: 'map'; readonly values: Schema}
	| {readonly type: 'list'; readonly items: Schema}
	/** Anything: fields netpol-dojo does not read. */
	| {readonly type: 'any'};

function typeName(value: unknown): string {
	if (Array.isArray(value)) {
		return 'list';
	}

	if (typeof value === 'number') {
		return Number.isInteger(value) ? 'integer' : 'number';
	}

	return typeof value === 'object' ? 'object' : typeof value;
}

function typeError(path: readonly PathSegment[], value: unknown, expected: string): Issue {
	const shown = typeof value === 'object' && value !== null ? typeName(value) : formatFieldValue(value);
	return {
		path,
		message: `${formatFieldPath(path)}: Invalid value: ${shown}: must be ${expected}`,
		severity: 'error',
		isTypeError: true,
	};
}

const expectedText: Record<Schema['type'], string> = {
	string: 'a string',
	integer: 'an integer',
	boolean: 'true or false',
	'int-or-string': 'an integer or a string',
	object: 'an object',
	map: 'an object',
	list: 'a list',
	any: 'anything',
};

/** Every unknown field and wrong type under `value`, in document order. */
export function checkSchema(value: unknown, schema: Schema, path: readonly PathSegment[] = []): Issue[] {
	if (value === null || value === undefined || schema.type === 'any') {
		return [];
	}

	switch (schema.type) {
		case 'string': {
			return typeof value === 'string' ? [] : [typeError(path, value, expectedText.string)];
		}

		case 'integer': {
			return Number.isSafeInteger(value) ? [] : [typeError(path, value, expectedText.integer)];
		}

		case 'boolean': {
			return typeof value === 'boolean' ? [] : [typeError(path, value, expectedText.boolean)];
		}

		case 'int-or-string': {
			return typeof value === 'string' || Number.isSafeInteger(value) ? [] : [typeError(path, value, expectedText['int-or-string'])];
		}

		case 'list': {
			if (!Array.isArray(value)) {
				return [typeError(path, value, expectedText.list)];
			}

			return value.flatMap((item, index) => checkSchema(item, schema.items, [...path, index]));
		}

		case 'map':
		case 'object': {
			if (typeof value !== 'object' || Array.isArray(value)) {
				return [typeError(path, value, expectedText.object)];
			}

			const issues: Issue[] = [];
			for (const key in value) {
				if (!Object.hasOwn(value, key)) {
					continue;
				}

				const child = (value as Record<string, unknown>)[key];
				if (schema.type === 'map') {
					issues.push(...checkSchema(child, schema.values, [...path, key]));
					continue;
				}

				const childSchema = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
				if (childSchema) {
					issues.push(...checkSchema(child, childSchema, [...path, key]));
				} else if (!schema.isOpen) {
					const childPath = [...path, key];
					issues.push({path: childPath, message: `unknown field ${quoteValue(formatFieldPath(childPath))}`, severity: 'error', isAtKey: true});
				}
			}

			return issues;
		}
	}
}
