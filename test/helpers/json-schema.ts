// A small JSON Schema (draft-07) validator for the keywords schemas/*.json use, so that the tests
// can check the schemas without a dependency. A keyword it does not know is an error, not
// ignored: a schema cannot start relying on a check this validator would silently skip.

export type JsonSchema = Readonly<Record<string, unknown>>;

/** Keywords that only describe (editors show them); they check nothing. */
const annotations = new Set(['$schema', '$id', 'title', 'description', 'examples', 'default']);
/** Keywords this validator checks. */
const assertions = new Set(['type', 'enum', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'minItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum']);

function typeOf(value: unknown): string {
	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'array';
	}

	if (typeof value === 'number') {
		return Number.isInteger(value) ? 'integer' : 'number';
	}

	return typeof value;
}

function hasType(value: unknown, type: string): boolean {
	const actual = typeOf(value);
	return actual === type || (type === 'number' && actual === 'integer');
}

function at(path: readonly string[]): string {
	return path.length === 0 ? '(the document)' : path.join('.');
}

/** The keywords of a schema this validator does not know, anywhere in it. */
export function unknownKeywords(schema: JsonSchema, path: readonly string[] = []): string[] {
	const unknown = Object.keys(schema).filter(key => !annotations.has(key) && !assertions.has(key)).map(key => `${at(path)}: ${key}`);
	const children: Array<[string, unknown]> = [
		...Object.entries((schema['properties'] ?? {}) as Record<string, unknown>).map(([key, child]): [string, unknown] => [`properties.${key}`, child]),
		['items', schema['items']],
		['additionalProperties', schema['additionalProperties']],
		['propertyNames', schema['propertyNames']],
	];
	for (const [key, child] of children) {
		if (typeof child === 'object' && child !== null) {
			unknown.push(...unknownKeywords(child as JsonSchema, [...path, key]));
		}
	}

	return unknown;
}

/** Every way `value` breaks `schema`, each as `path: problem`; none when it is valid. */
export function validate(schema: JsonSchema, value: unknown, path: readonly string[] = []): string[] {
	const unknown = Object.keys(schema).filter(key => !annotations.has(key) && !assertions.has(key));
	if (unknown.length > 0) {
		throw new Error(`the validator does not know the keyword ${unknown[0]!} (at ${at(path)})`);
	}

	const where = at(path);
	if (typeof schema['type'] === 'string' && !hasType(value, schema['type'])) {
		return [`${where}: is ${typeOf(value)}, not ${schema['type']}`];
	}

	const problems: string[] = [];
	if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) {
		problems.push(`${where}: ${JSON.stringify(value)} is not one of ${schema['enum'].map(item => JSON.stringify(item)).join(', ')}`);
	}

	if (typeof value === 'string') {
		if (typeof schema['minLength'] === 'number' && [...value].length < schema['minLength']) {
			problems.push(`${where}: is shorter than ${schema['minLength']}`);
		}

		if (typeof schema['maxLength'] === 'number' && [...value].length > schema['maxLength']) {
			problems.push(`${where}: is longer than ${schema['maxLength']}`);
		}

		if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) {
			problems.push(`${where}: ${JSON.stringify(value)} does not match ${schema['pattern']}`);
		}
	}

	if (typeof value === 'number') {
		if (typeof schema['minimum'] === 'number' && value < schema['minimum']) {
			problems.push(`${where}: ${value} is less than ${schema['minimum']}`);
		}

		if (typeof schema['maximum'] === 'number' && value > schema['maximum']) {
			problems.push(`${where}: ${value} is more than ${schema['maximum']}`);
		}
	}

	if (Array.isArray(value)) {
		if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) {
			problems.push(`${where}: has ${value.length} items, fewer than ${schema['minItems']}`);
		}

		if (typeof schema['items'] === 'object' && schema['items'] !== null) {
			for (const [index, item] of value.entries()) {
				problems.push(...validate(schema['items'] as JsonSchema, item, [...path, String(index)]));
			}
		}
	}

	if (typeOf(value) === 'object') {
		const object = value as Record<string, unknown>;
		const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
		for (const key of (schema['required'] ?? []) as string[]) {
			if (!Object.hasOwn(object, key)) {
				problems.push(`${where}: lacks the required key ${key}`);
			}
		}

		for (const [key, child] of Object.entries(object)) {
			if (typeof schema['propertyNames'] === 'object' && schema['propertyNames'] !== null) {
				problems.push(...validate(schema['propertyNames'] as JsonSchema, key, [...path, key]).map(problem => `${problem} (a key)`));
			}

			if (Object.hasOwn(properties, key)) {
				problems.push(...validate(properties[key]!, child, [...path, key]));
			} else if (schema['additionalProperties'] === false) {
				problems.push(`${at([...path, key])}: is not a known key`);
			} else if (typeof schema['additionalProperties'] === 'object' && schema['additionalProperties'] !== null) {
				problems.push(...validate(schema['additionalProperties'] as JsonSchema, child, [...path, key]));
			}
		}
	}

	return problems;
}
