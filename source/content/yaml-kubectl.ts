// The YAML reader: js-yaml, with a schema that gives plain scalars the YAML 1.1 meaning kubectl
// gives them (go-yaml v2, through sigs.k8s.io/yaml), read fast whatever the style. A scalar
// whose meaning differs between YAML 1.1 and 1.2 is read as a marker and refused afterwards,
// with its place; so are what js-yaml reads but go-yaml refuses, found in the value read.
import {FAILSAFE_SCHEMA, loadAll, type LoadOptions, type Schema, Type, YAMLException} from 'js-yaml';
import {formatFieldPath, type PathSegment} from '../kube/issue.js';
import {maxNesting} from './yaml-document.js';
import {ambiguityMessage, coreSchemaValue, isUnambiguous, yaml11PlainValue} from './yaml-scalars.js';

/** A problem found while reading: at an offset of the text, or at a path of a document. */
export type YamlProblem =
	| {readonly kind: 'syntax'; readonly offset: number; readonly message: string}
	| {readonly kind: 'value'; readonly document: number; readonly path: readonly PathSegment[]; readonly isAtKey: boolean; readonly message: string};

// Scalars whose YAML 1.1 and 1.2 readings differ become this marker (control characters cannot
// reach a value: they are refused before reading), and the reading is kept aside.
const ambiguousMarker = '\u0000ambiguous:';
let ambiguous: Array<{readonly value: unknown; readonly source: string}> = [];

// Set by resolve, read by the construct js-yaml calls right after it on the same scalar.
let resolved: unknown;

const plainScalar = new Type('tag:yaml.org,2002:kubectl-plain', {
	kind: 'scalar',
	resolve(data: string) {
		const value = yaml11PlainValue(data);
		// A word YAML 1.1 leaves a string may be a number to YAML 1.2 (`0o7`).
		if (value === data && !(/^[-+.\d]/.test(data) && coreSchemaValue(data) !== data)) {
			return false;
		}

		if (isUnambiguous(value, data)) {
			resolved = value;
		} else {
			resolved = `${ambiguousMarker}${ambiguous.length}`;
			ambiguous.push({value, source: data});
		}

		return true;
	},
	construct: () => resolved,
});

const merge = new Type('tag:yaml.org,2002:merge', {kind: 'scalar', resolve: (data: string) => data === '<<'});

// An explicit tag (`!!int 010`) says what the scalar is, and the ambiguity check does not apply.
function explicitScalar(tag: string, accepts: (value: unknown) => boolean): Type {
	return new Type(`tag:yaml.org,2002:${tag}`, {
		kind: 'scalar',
		resolve: (data: string) => accepts(yaml11PlainValue(data)),
		construct: (data: string) => yaml11PlainValue(data),
	});
}

/** kubectl's YAML 1.1 scalars, merge keys, and no timestamps: they stay strings, as in kubectl's JSON. */
export const kubectlSchema: Schema = FAILSAFE_SCHEMA.extend({
	implicit: [merge, plainScalar],
	explicit: [
		explicitScalar('null', value => value === null),
		explicitScalar('bool', value => typeof value === 'boolean'),
		explicitScalar('int', value => Number.isInteger(value)),
		explicitScalar('float', value => typeof value === 'number'),
	],
});

// js-yaml counts every node on the way down, scalars and keys included; the exact limit on
// collections is checked in the value read, and this only keeps the reader off the stack's end.
const loadOptions = {schema: kubectlSchema, maxDepth: maxNesting + 3} as LoadOptions;

/**
Every document of a YAML text as kubectl reads it, or the first problem found; hasKeyNamedNull
says whether a key read is "null", as js-yaml writes a null key (which kubectl refuses).
*/
export function readKubectlYaml(text: string, hasAnchors: boolean): {readonly values: unknown[]; readonly hasKeyNamedNull: boolean} | {readonly problem: YamlProblem} {
	ambiguous = [];
	hasKeyNamedNull = false;
	let values: unknown[];
	try {
		values = loadAll(text, null, loadOptions);
	} catch (error) {
		if (error instanceof YAMLException) {
			return {problem: {kind: 'syntax', offset: error.mark?.position ?? 0, message: syntaxMessage(error.reason)}};
		}

		// A stack overflow in the reader: nesting beyond anything maxDepth let through.
		if (error instanceof RangeError) {
			return {problem: {kind: 'syntax', offset: 0, message: tooDeepMessage}};
		}

		throw error;
	}

	// A stream of only comments and blank lines holds no document (as the yaml package and go-yaml
	// have it); js-yaml reads an empty one.
	if (values.length === 1 && values[0] === null && isOnlyComments(text)) {
		return {values: [], hasKeyNamedNull};
	}

	for (const [document, value] of values.entries()) {
		// Most texts have no anchors and no ambiguous scalar: a lean walk finds whether the full one,
		// which keeps the path, is needed.
		const problem = ambiguous.length === 0 && !hasAnchors && isOrdinary(value, 1) ? undefined : valueProblem(value, hasAnchors);
		if (problem) {
			return {problem: {kind: 'value', document, ...problem}};
		}
	}

	return {values, hasKeyNamedNull};
}

let hasKeyNamedNull = false;

// Whether a value nests no deeper than maxNesting; notes a key named "null" on the way.
function isOrdinary(value: unknown, depth: number): boolean {
	if (typeof value !== 'object' || value === null) {
		return true;
	}

	if (depth > maxNesting) {
		return false;
	}

	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) {
			if (!isOrdinary(value[index], depth + 1)) {
				return false;
			}
		}

		return true;
	}

	for (const key in value) {
		if (key === 'null') {
			hasKeyNamedNull = true;
		}

		if (!isOrdinary((value as Record<string, unknown>)[key], depth + 1)) {
			return false;
		}
	}

	return true;
}

function isOnlyComments(text: string): boolean {
	return text.split('\n').every(line => /^[ \t]*(?:#.*)?\r?$/.test(line));
}

export const tooDeepMessage = 'too deeply nested to be a Kubernetes object';

/** The message for a problem js-yaml reports, in the words the yaml package's messages use here. */
function syntaxMessage(reason: string): string {
	if (reason === 'duplicated mapping key') {
		return 'duplicate key: a key may appear only once in a mapping (kubectl refuses duplicate fields)';
	}

	if (reason.startsWith('nesting exceeded maxDepth')) {
		return tooDeepMessage;
	}

	if (reason.startsWith('unknown tag')) {
		return `${reason.replace(/^unknown tag !<(.*)>$/, 'Unresolved tag: $1')}: netpol-dojo reads plain YAML without custom tags`;
	}

	return `invalid YAML: ${reason}`;
}

type ValueProblem = {readonly path: readonly PathSegment[]; readonly isAtKey: boolean; readonly message: string};

/** More alias uses than this in one document is an alias bomb, not a Kubernetes object. */
export const maxAliasCount = 100;

class Found extends Error {
	override name = 'Found';
	readonly problem: ValueProblem;

	constructor(problem: ValueProblem) {
		super(problem.message);
		this.problem = problem;
	}
}

/**
Walks a value read: collections nested deeper than maxNesting, ambiguous scalars, and, in a text
with anchors, an alias inside its own anchor's value (a value containing itself, which go-yaml
refuses) and alias bombs: js-yaml shares an aliased value, which a reader of the value would
expand, so the aliases met in the value expanded are counted.
*/
function valueProblem(root: unknown, hasAnchors: boolean): ValueProblem | undefined {
	const hasAmbiguous = ambiguous.length > 0;
	const onPath = new Set<object>();
	// For each shared value already walked, the aliases its expansion holds.
	const walked = new Map<object, number>();
	const path: PathSegment[] = [];
	const visit = (value: unknown, depth: number): number => {
		if (typeof value === 'string') {
			if (hasAmbiguous && value.startsWith(ambiguousMarker)) {
				throw new Found({path: [...path], isAtKey: false, message: ambiguousMessage(value, path)});
			}

			return 0;
		}

		if (typeof value !== 'object' || value === null) {
			return 0;
		}

		if (depth > maxNesting) {
			throw new Found({path: [...path], isAtKey: false, message: tooDeepMessage});
		}

		if (hasAnchors) {
			if (onPath.has(value)) {
				throw new Found({path: [...path], isAtKey: false, message: 'invalid YAML: an anchor\'s value contains itself (an alias to it is written inside it)'});
			}

			const inside = walked.get(value);
			if (inside !== undefined) {
				return 1 + inside;
			}

			onPath.add(value);
		}

		let aliases = 0;
		if (Array.isArray(value)) {
			for (const [index, item] of value.entries()) {
				path.push(index);
				aliases += visit(item, depth + 1);
				path.pop();
			}
		} else {
			for (const key in value) {
				if (Object.hasOwn(value, key)) {
					path.push(key);
					hasKeyNamedNull ||= key === 'null';
					if (hasAmbiguous && key.startsWith(ambiguousMarker)) {
						throw new Found({path: [...path], isAtKey: true, message: ambiguousMessage(key, path.slice(0, -1))});
					}

					aliases += visit((value as Record<string, unknown>)[key], depth + 1);
					path.pop();
				}
			}
		}

		if (aliases > maxAliasCount) {
			throw new Found({path: [], isAtKey: false, message: `more than ${maxAliasCount} aliases: refused as a possible alias bomb`});
		}

		if (hasAnchors) {
			onPath.delete(value);
			walked.set(value, aliases);
		}

		return aliases;
	};

	try {
		visit(root, 1);
		return undefined;
	} catch (error) {
		if (error instanceof Found) {
			return error.problem;
		}

		throw error;
	}
}

function ambiguousMessage(marker: string, path: readonly PathSegment[]): string {
	const {value, source} = ambiguous[Number(marker.slice(ambiguousMarker.length))]!;
	const field = path.length === 0 ? '' : `${formatFieldPath(path)}: `;
	return `${field}${ambiguityMessage(value, source)}`;
}
