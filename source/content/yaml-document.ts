// YAML documents as kubectl reads them, with positions kept so that any problem found later
// in a value can be reported at its line and column.
import {createRequire} from 'node:module';
import type * as YamlModule from 'yaml';
import type {Document, DocumentOptions, Node, ParseOptions, Scalar, SchemaOptions, Tags} from 'yaml';
import {formatFieldPath, type PathSegment} from '../kube/issue.js';
import {InputError} from './input-error.js';
import {ambiguityMessage, isUnambiguous} from './yaml-scalars.js';

export type Position = {readonly line: number; readonly column: number};

/** A parsed document: its plain value, and where each path of it was written. */
export type SourceDocument = {
	readonly value: unknown;
	/** The line and column of the value (or key) at a path; the nearest written ancestor otherwise. */
	locate(path: readonly PathSegment[], isAtKey?: boolean): Position;
	/** The source text of a plain (unquoted) scalar at a path, if that is what is there. */
	plainSourceAt(path: readonly PathSegment[]): string | undefined;
};

let yamlModule: typeof YamlModule | undefined;

// The YAML parser is loaded on first use: most inputs take the fast readers, and start-up time
// matters for the headless commands.
function yaml(): typeof YamlModule {
	yamlModule ??= createRequire(import.meta.url)('yaml') as typeof YamlModule;
	return yamlModule;
}

/** More aliases than this in one document is an alias bomb, not a Kubernetes object. */
const maxAliasCount = 100;

/** Kubernetes objects nest about 15 levels at most (managedFields); far deeper is an attack or a mistake. */
export const maxNesting = 100;

const options: ParseOptions & DocumentOptions & SchemaOptions = {
	version: '1.1',
	merge: true,
	uniqueKeys: true,
	// Timestamps stay strings, as they do when kubectl turns YAML into JSON.
	customTags: (tags: Tags) => tags.filter(tag => typeof tag === 'string' ? tag !== 'timestamp' : tag.tag !== 'tag:yaml.org,2002:timestamp'),
};

/** Every document of a YAML (or JSON) text, with positions; throws InputError on the first problem. */
export function parseYamlDocuments(text: string, file: string): SourceDocument[] {
	const lineCounter = new (yaml().LineCounter)();
	const documents = yaml().parseAllDocuments(text, {...options, lineCounter});
	const all = Array.isArray(documents) ? documents : [documents];
	const position = (offset: number): Position => {
		const {line, col} = lineCounter.linePos(offset);
		return {line, column: col};
	};

	return all.map(document => toSourceDocument(document as Document.Parsed, file, position));
}

function toSourceDocument(document: Document.Parsed, file: string, position: (offset: number) => Position): SourceDocument {
	const [syntaxError] = [...document.errors, ...document.warnings];
	if (syntaxError) {
		const at = position(syntaxError.pos[0]);
		throw new InputError([{file, ...at, message: syntaxMessage(syntaxError.code, syntaxError.message)}]);
	}

	const problem = findScalarOrNestingProblem(document);
	if (problem?.kind === 'ambiguous') {
		const {node} = problem;
		const field = problem.field === '' ? '' : `${problem.field}: `;
		throw new InputError([{file, ...position(node.range?.[0] ?? 0), message: `${field}${ambiguityMessage(node.value, node.source ?? '')}`}]);
	}

	if (problem?.kind === 'too-deep') {
		throw new InputError([{file, ...position(problem.node.range?.[0] ?? 0), message: syntaxMessage('RESOURCE_EXHAUSTION', '')}]);
	}

	let value: unknown;
	try {
		value = document.toJS({maxAliasCount});
	} catch (error) {
		throw new InputError([{file, ...position(document.range[0]), message: aliasMessage(error)}]);
	}

	return {
		value,
		locate(path, isAtKey = false) {
			const found = nodeAt(document.contents, path);
			const range = (isAtKey && found.key ? found.key.range : found.node?.range) ?? document.range;
			return position(range[0]);
		},
		plainSourceAt(path) {
			const found = nodeAt(document.contents, path);
			return found.isExact && yaml().isScalar(found.node) && found.node.type === 'PLAIN' ? found.node.source : undefined;
		},
	};
}

function syntaxMessage(code: string, message: string): string {
	const firstLine = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
	switch (code) {
		case 'DUPLICATE_KEY': {
			return 'duplicate key: a key may appear only once in a mapping (kubectl refuses duplicate fields)';
		}

		case 'TAG_RESOLVE_FAILED': {
			return `${firstLine}: netpol-dojo reads plain YAML without custom tags`;
		}

		case 'BLOCK_AS_IMPLICIT_KEY': {
			return `invalid YAML: ${firstLine}; a value with ": " in it needs quotes`;
		}

		case 'RESOURCE_EXHAUSTION': {
			return 'too deeply nested to be a Kubernetes object';
		}

		default: {
			const hint = indentationCodes.has(code) ? '; check this line\'s indentation against the lines above it (spaces only, the same depth for siblings)' : '';
			return `invalid YAML: ${firstLine}${hint}`;
		}
	}
}

// Problems that, in hand-written YAML, almost always come from indentation.
const indentationCodes = new Set(['BAD_INDENT', 'MISSING_CHAR', 'TAB_AS_INDENT']);

function aliasMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (message.includes('Excessive alias count')) {
		return `more than ${maxAliasCount} aliases: refused as a possible alias bomb`;
	}

	return `invalid YAML: ${message}`;
}

type ScalarOrNestingProblem = {kind: 'ambiguous'; node: Scalar; field: string} | {kind: 'too-deep'; node: Node};

function findScalarOrNestingProblem(document: Document.Parsed): ScalarOrNestingProblem | undefined {
	let found: ScalarOrNestingProblem | undefined;
	const {visit, isCollection} = yaml();
	visit(document, {
		Collection(_key, node, path) {
			if (path.length > maxNesting && path.filter(ancestor => isCollection(ancestor)).length >= maxNesting) {
				found = {kind: 'too-deep', node};
				return visit.BREAK;
			}

			return undefined;
		},
		Scalar(_key, node, path) {
			// The yaml package's YAML 1.1 float pattern takes a word like `e0` for a number (NaN);
			// Go's YAML reader, like every other, reads it as a string.
			if (node.type === 'PLAIN' && typeof node.value === 'number' && Number.isNaN(node.value) && !/^\.(?:nan|NaN|NAN)$/.test(node.source ?? '')) {
				node.value = node.source;
			}

			// An explicit tag (`!!str 010`) says what the scalar is.
			if (node.type === 'PLAIN' && node.tag === undefined && typeof node.source === 'string' && !isUnambiguous(node.value, node.source)) {
				found = {kind: 'ambiguous', node, field: fieldPathOf(path, node)};
				return visit.BREAK;
			}

			return undefined;
		},
	});
	return found;
}

// `spec.ingress[0].ports[0].port`, from the ancestors yaml's visit() passes.
function fieldPathOf(ancestors: ReadonlyArray<unknown>, node: Node): string {
	const {isPair, isScalar, isSeq} = yaml();
	const chain = [...ancestors, node];
	const segments: PathSegment[] = [];
	for (const [index, ancestor] of chain.entries()) {
		const child = chain[index + 1];
		if (isSeq(ancestor) && child !== undefined) {
			segments.push(ancestor.items.indexOf(child));
		} else if (isPair(ancestor) && isScalar(ancestor.key) && child === ancestor.value) {
			segments.push(String(ancestor.key.value));
		}
	}

	return formatFieldPath(segments);
}

type Found = {node: Node | undefined; key?: Node; isExact: boolean};

function nodeAt(root: unknown, path: readonly PathSegment[]): Found {
	const {isMap, isPair, isScalar, isSeq} = yaml();
	let current: Found = {node: root as Node | undefined, isExact: true};
	for (const segment of path) {
		const {node} = current;
		let next: Found | undefined;
		if (isMap(node)) {
			const pair = node.items.find(item => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
			next = pair ? {node: pair.value as Node | undefined ?? pair.key as Node, key: pair.key as Node, isExact: true} : undefined;
		} else if (isSeq(node) && typeof segment === 'number') {
			const item = node.items[segment] as Node | undefined;
			next = item ? {node: item, isExact: true} : undefined;
		}

		if (!next) {
			return {...current, isExact: false};
		}

		current = next;
	}

	return current;
}
