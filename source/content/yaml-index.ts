// Where each node of a YAML text was written, from a second reading by js-yaml that follows its
// nodes as they open and close. It is made only when needed: to place a problem in a large text
// (the yaml package takes minutes and gigabytes on megabytes of list items), and to check the
// few places where go-yaml reads a text otherwise than js-yaml (see yaml-kubectl-checks.ts).
import {loadAll, type LoadOptions, type State} from 'js-yaml';
import type {PathSegment} from '../kube/issue.js';
import type {Position, SourceDocument} from './yaml-document.js';
import {kubectlSchema} from './yaml-kubectl.js';
import {yaml11PlainValue} from './yaml-scalars.js';

const noNode = -1;
const kindCodes: Readonly<Record<string, number>> = {scalar: 1, sequence: 2, mapping: 3};
const isEmpty = 0;
const isScalar = 1;
const isSequence = 2;
const isMapping = 3;

/** A pair of a mapping, as node numbers; value is noNode when nothing is written after the colon. */
export type IndexedPair = {readonly key: number; readonly value: number; readonly colon: number};

/** The nodes of a text that js-yaml reads without error. */
export class YamlIndex {
	readonly text: string;
	/** The first node of each document. */
	readonly roots: number[] = [];
	count = 0;
	private start = new Int32Array(1024);
	private end = new Int32Array(1024);
	private parent = new Int32Array(1024);
	private firstChild = new Int32Array(1024);
	private lastChild = new Int32Array(1024);
	private nextSibling = new Int32Array(1024);
	private kind = new Int8Array(1024);
	private lineStarts: number[] | undefined;

	constructor(text: string) {
		this.text = text;
		const stack: number[] = [];
		const listener = (event: 'open' | 'close', state: State): void => {
			if (event === 'open') {
				stack.push(this.open(state.position, stack.at(-1) ?? noNode));
			} else {
				const node = stack.pop()!;
				this.end[node] = state.position;
				this.kind[node] = kindCodes[state.kind] ?? isEmpty;
			}
		};

		loadAll(text, null, {schema: kubectlSchema, maxDepth: 1000, listener} as LoadOptions);
	}

	/** Where a node's content starts: past the white space, comments, document marker and anchor or tag before it, as the yaml package has it. */
	startOf(node: number): number {
		const {text} = this;
		let offset = this.start[node]!;
		for (;;) {
			const code = text.charCodeAt(offset);
			if (code === 0x20 || code === 0x09 || code === 0x0A || code === 0x0D) {
				offset++;
			} else if (code === 0x26 || code === 0x21) {
				const propertyEnd = text.slice(offset).search(/[ \t\r\n]/);
				offset = propertyEnd === -1 ? text.length : offset + propertyEnd;
			} else if (code === 0x23) {
				const lineEnd = text.indexOf('\n', offset);
				offset = lineEnd === -1 ? text.length : lineEnd;
			} else if (this.parent[node] === noNode && text.startsWith('---', offset) && /^---(?:[ \t\r\n]|$)/.test(text.slice(offset, offset + 4))) {
				offset += 3;
			} else {
				return offset;
			}
		}
	}

	endOf(node: number): number {
		return this.end[node]!;
	}

	isScalar(node: number): boolean {
		return this.kind[node] === isScalar;
	}

	isSequence(node: number): boolean {
		return this.kind[node] === isSequence;
	}

	isCollection(node: number): boolean {
		return this.kind[node] === isSequence || this.kind[node] === isMapping;
	}

	/** Whether a scalar is written plain (not quoted, not a block scalar). */
	isPlain(node: number): boolean {
		return this.isScalar(node) && !'|>"\''.includes(this.text[this.startOf(node)] ?? '|');
	}

	/** Whether a collection is written in flow style (`[...]`, `{...}`). */
	isFlow(node: number): boolean {
		const first = this.text[this.startOf(node)];
		return this.isCollection(node) && (first === '[' || first === '{');
	}

	children(node: number): number[] {
		const children: number[] = [];
		for (let child = this.firstChild[this.unwrapped(node)]!; child !== noNode; child = this.nextSibling[child]!) {
			children.push(child);
		}

		return children;
	}

	/** The pairs of a node that is a mapping; none for any other. */
	pairsIfMapping(node: number): IndexedPair[] {
		return this.kind[node] === isMapping && !this.isWrapper(node) ? this.pairs(node) : [];
	}

	/** The single pairs of a flow sequence (`[a: b]`), which js-yaml reads as mappings of their own. */
	pairsInFlowSequence(node: number): IndexedPair[] {
		if (this.kind[node] !== isSequence || this.text[this.startOf(node)] !== '[') {
			return [];
		}

		const pairs: IndexedPair[] = [];
		const children = this.children(node);
		for (const [index, key] of children.entries()) {
			const colon = this.colonAfter(key);
			if (colon !== -1 || this.text[this.start[key]! - 1] === '?' || /\?[ \t]*$/.test(this.text.slice(Math.max(0, this.start[key]! - 8), this.start[key]))) {
				pairs.push({key, value: children[index + 1] ?? noNode, colon});
			}
		}

		return pairs;
	}

	/**
	Whether a node only wraps its one child: js-yaml reads a node that may be a block mapping by
	reading what may be its first key, and keeps that as the node when no colon follows.
	*/
	isWrapper(node: number): boolean {
		const child = this.firstChild[node]!;
		return child !== noNode && this.nextSibling[child] === noNode && this.end[child] === this.end[node] && this.startOf(child) === this.startOf(node);
	}

	private unwrapped(node: number): number {
		let inner = node;
		while (this.isWrapper(inner)) {
			inner = this.firstChild[inner]!;
		}

		return inner;
	}

	/** Where a node was opened, before the white space and properties that startOf passes. */
	openedAt(node: number): number {
		return this.start[node]!;
	}

	/** Whether nothing is written where a node could be: js-yaml leaves its kind unset, as for an alias. */
	isNothing(node: number): boolean {
		return this.kind[node] === isEmpty && this.text[this.startOf(node)] !== '*';
	}

	/** Whether a node is an alias (`*name`). */
	isAlias(node: number): boolean {
		return this.kind[node] === isEmpty && this.text[this.startOf(node)] === '*';
	}

	/** The key and value nodes of a mapping: a key is a node followed by a colon. */
	pairs(node: number): IndexedPair[] {
		const pairs: IndexedPair[] = [];
		const children = this.children(node);
		for (let index = 0; index < children.length; index++) {
			const key = children[index]!;
			const colon = this.colonAfter(key);
			// Nothing and no colon at the end of a block mapping: js-yaml looked for a next key and
			// found the mapping's end. In a flow mapping, or after `?`, it is an empty key.
			if (colon === -1 && this.isNothing(key) && index === children.length - 1 && this.text[this.startOf(node)] !== '{' && this.text[this.start[key]! - 1] !== '?') {
				continue;
			}

			if (colon === -1) {
				pairs.push({key, value: noNode, colon});
				continue;
			}

			const value = children[index + 1];
			index++;
			pairs.push({key, value: value === undefined || this.isNothing(value) ? noNode : value, colon});
		}

		return pairs;
	}

	/** The line and column (1-based) of an offset. */
	position(offset: number): Position {
		this.lineStarts ??= lineStartsOf(this.text);
		let low = 0;
		let high = this.lineStarts.length - 1;
		while (low < high) {
			const middle = Math.ceil((low + high) / 2);
			if (this.lineStarts[middle]! <= offset) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}

		return {line: low + 1, column: offset - this.lineStarts[low]! + 1};
	}

	/** locate and plainSourceAt for one document, with the yaml package's meaning (yaml-document.ts). */
	positionsOf(document: number): Omit<SourceDocument, 'value'> {
		return {
			locate: (path, isAtKey = false) => {
				const found = this.nodeAt(document, path);
				const node = isAtKey && found.key !== noNode ? found.key : found.node;
				return this.position(this.startOf(node));
			},
			plainSourceAt: path => {
				const found = this.nodeAt(document, path);
				if (!found.isExact || !this.isScalar(found.node)) {
					return undefined;
				}

				const source = this.text.slice(this.startOf(found.node), this.end[found.node]).trimEnd();
				return /^["'|>&!*]/.test(source) ? undefined : source;
			},
		};
	}

	private nodeAt(document: number, path: readonly PathSegment[]): {node: number; key: number; isExact: boolean} {
		let current = {node: this.roots[document] ?? 0, key: noNode, isExact: true};
		for (const segment of path) {
			let next: typeof current | undefined;
			const node = this.unwrapped(current.node);
			if (this.kind[node] === isMapping) {
				const pair = this.pairs(current.node).find(candidate => this.keyText(candidate.key) === String(segment));
				next = pair ? {node: pair.value === noNode ? pair.key : pair.value, key: pair.key, isExact: true} : undefined;
			} else if (this.kind[node] === isSequence && typeof segment === 'number') {
				const item = this.children(current.node)[segment];
				next = item === undefined ? undefined : {node: item, key: noNode, isExact: true};
			}

			if (!next) {
				return {...current, isExact: false};
			}

			current = next;
		}

		return current;
	}

	/** A scalar key as the value read makes it a string. */
	private keyText(node: number): string | undefined {
		if (!this.isScalar(node)) {
			return undefined;
		}

		const source = this.text.slice(this.startOf(node), this.end[node]).replace(/^(?:[&!]\S*[ \t]+)+/, '').trimEnd();
		if (source.startsWith('\'')) {
			return source.slice(1, -1).replaceAll('\'\'', '\'');
		}

		if (source.startsWith('"')) {
			try {
				return JSON.parse(source) as string;
			} catch {
				return source.slice(1, -1);
			}
		}

		// The yaml package keeps a merge key apart from the pairs.
		return source === '<<' ? undefined : String(yaml11PlainValue(source));
	}

	private colonAfter(node: number): number {
		let offset = this.end[node]!;
		while (this.text[offset] === ' ' || this.text[offset] === '\t') {
			offset++;
		}

		return this.text[offset] === ':' ? offset : -1;
	}

	private open(position: number, parent: number): number {
		const node = this.count++;
		if (node === this.start.length) {
			this.grow();
		}

		this.start[node] = position;
		this.parent[node] = parent;
		this.firstChild[node] = noNode;
		this.lastChild[node] = noNode;
		this.nextSibling[node] = noNode;
		if (parent === noNode) {
			this.roots.push(node);
		} else if (this.lastChild[parent] === noNode) {
			this.firstChild[parent] = node;
			this.lastChild[parent] = node;
		} else {
			this.nextSibling[this.lastChild[parent]!] = node;
			this.lastChild[parent] = node;
		}

		return node;
	}

	private grow(): void {
		const size = this.start.length * 2;
		const grown = <T extends Int32Array | Int8Array>(array: T): T => {
			const larger = new (array.constructor as new (length: number) => T)(size);
			larger.set(array);
			return larger;
		};

		this.start = grown(this.start);
		this.end = grown(this.end);
		this.parent = grown(this.parent);
		this.firstChild = grown(this.firstChild);
		this.lastChild = grown(this.lastChild);
		this.nextSibling = grown(this.nextSibling);
		this.kind = grown(this.kind);
	}
}

function lineStartsOf(text: string): number[] {
	const starts = [0];
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
		starts.push(index + 1);
	}

	return starts;
}
