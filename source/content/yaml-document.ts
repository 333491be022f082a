// YAML documents as kubectl reads them, with positions kept so that any problem found later
// in a value can be reported at its line and column.
import {createRequire} from 'node:module';
import type * as YamlModule from 'yaml';
import type {Document, DocumentOptions, Node, ParseOptions, Scalar, SchemaOptions, Tags} from 'yaml';
import {formatFieldPath, type PathSegment} from '../kube/issue.js';
import {InputError} from '../model/input-error.js';
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

/** A value with no place in a text (built in code, or a file that held no document): every problem is at line 1. */
export function unplaced(value: unknown): SourceDocument {
	return {value, locate: () => ({line: 1, column: 1}), plainSourceAt: () => undefined};
}

let yamlModule: typeof YamlModule | undefined;

// The YAML parser is loaded on first use: texts are read by js-yaml (yaml-kubectl.ts), and this
// parser only words and places problems; start-up time matters for the headless commands.
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

/**
The characters go-yaml refuses anywhere in a stream ("control characters are not allowed"): it
accepts tab, line feed, carriage return, printable ASCII, NEL, and Unicode from U+00A0 but
U+FFFE and U+FFFF. The yaml package reads them into values, where they could hide in a label.
*/
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/** The line and column (1-based, in characters) of an offset in a text. */
export function positionOfOffset(text: string, offset: number): Position {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	let line = 1;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
		line++;
	}

	return {line, column: offset - lineStart + 1};
}

/** Throws InputError at the first character go-yaml would refuse in a YAML text. */
export function refuseControlCharacters(text: string, file: string): void {
	const control = controlCharacter.exec(text);
	if (control) {
		const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
		throw new InputError([{file, ...positionOfOffset(text, control.index), message: `invalid YAML: control characters are not allowed (U+${code} here); write it as an escape in a double-quoted string if it is meant`}]);
	}
}

/**
Every document of a YAML (or JSON) text, with positions; throws InputError on the first problem.
Control characters are documents.ts's to refuse first: a JSON text that JSON.parse read may hold
them in strings, as kubectl's JSON reader allows, and is parsed here again only for positions.
*/
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

	if (problem?.kind === 'refused') {
		throw new InputError([{file, ...position(problem.node.range?.[0] ?? 0), message: problem.message}]);
	}

	let value: unknown;
	try {
		value = document.toJS({maxAliasCount});
	} catch (error) {
		throw new InputError([{file, ...position(document.range[0]), message: aliasMessage(error)}]);
	}

	return {value, ...positionsIn(document, position)};
}

function positionsIn(document: Document.Parsed, position: (offset: number) => Position): Omit<SourceDocument, 'value'> {
	return {
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

/** Where the paths of one document were written, as read from the start of a text. */
export type DocumentPositions = Omit<SourceDocument, 'value'> & {
	/** Whether what locate and plainSourceAt say of a path holds for the whole text, and not only for the start read. */
	isSettled(path: readonly PathSegment[]): boolean;
};

/**
The positions in each document of a text's first `length` characters (a whole number of lines),
for a text js-yaml has already read: nothing is checked, the YAML parser only finds lines.
*/
export function documentPositions(text: string, length: number): DocumentPositions[] {
	const prefix = text.slice(0, length);
	const lineCounter = new (yaml().LineCounter)();
	const documents = yaml().parseAllDocuments(prefix, {...options, lineCounter});
	const all = Array.isArray(documents) ? documents : [documents];
	const position = (offset: number): Position => {
		const {line, col} = lineCounter.linePos(offset);
		return {line, column: col};
	};

	return all.map(document => ({
		...positionsIn(document as Document.Parsed, position),
		isSettled(path) {
			if (length >= text.length) {
				return true;
			}

			// A collection found starts where it starts whatever follows the cut, and so does its key.
			// A scalar (which may run on over lines), or the nearest ancestor of a path not found
			// (which may be written after the cut), is settled only when something follows it.
			const found = nodeAt(document.contents, path);
			const end = found.node?.range?.[2];
			return (found.isExact && yaml().isCollection(found.node)) || (end !== undefined && hasContentAfter(prefix, end));
		},
	}));
}

// Whether anything but white space and comments follows an offset.
function hasContentAfter(text: string, offset: number): boolean {
	return text.slice(offset).split('\n').some(line => /\S/.test(line.replace(/(?:^|\s)#.*$/, '')));
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

type ScalarOrNestingProblem =
	| {kind: 'ambiguous'; node: Scalar; field: string}
	| {kind: 'too-deep'; node: Node}
	| {kind: 'refused'; node: Node; message: string};

function findScalarOrNestingProblem(document: Document.Parsed): ScalarOrNestingProblem | undefined {
	let found: ScalarOrNestingProblem | undefined;
	let aliases = 0;
	const {visit, isAlias, isCollection} = yaml();
	visit(document, {
		Collection(_key, node, path) {
			if (path.length > maxNesting && path.filter(ancestor => isCollection(ancestor)).length >= maxNesting) {
				found = {kind: 'too-deep', node};
				return visit.BREAK;
			}

			return undefined;
		},
		Pair(_key, pair) {
			// A key that is a list or a mapping: go-yaml refuses it ("invalid map key"); the yaml
			// package would turn it into a string key, with a warning printed by Node.
			const key = isAlias(pair.key) ? pair.key.resolve(document) : pair.key;
			if (isCollection(key)) {
				found = {kind: 'refused', node: pair.key as Node, message: 'invalid YAML: a mapping key is a list or a mapping; kubectl accepts only a string, number or boolean as a key'};
				return visit.BREAK;
			}

			return undefined;
		},
		Alias(_key, node, path) {
			// An alias inside the value of its own anchor makes a value that contains itself: go-yaml
			// refuses it. Past maxAliasCount, toJS refuses the document anyway.
			if (++aliases <= maxAliasCount && path.some(ancestor => (ancestor as {anchor?: string}).anchor === node.source) && path.includes(node.resolve(document) as Node)) {
				found = {kind: 'refused', node, message: `invalid YAML: anchor "${node.source}" value contains itself (an alias to it is written inside it)`};
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
