// A reader for the YAML that kubectl and people write most: block mappings and sequences,
// single-line scalars, `|` block scalars and one-line flow collections. Large dumps read many
// times faster than with a general YAML parser, and start-up does not load one. It reads only
// what it can read exactly as the YAML parser (YAML 1.1, as kubectl) would, and gives up
// (undefined) on anything else: anchors, tags, multi-line plain or quoted scalars, duplicate
// keys, scalars that YAML 1.1 and 1.2 read differently, white space other than spaces and tabs.
// The YAML parser then reads the text and reports any problem at its line. test/yaml-fast.ts
// holds the two readers to each other with property tests.

type Value = null | boolean | number | string | Value[] | {[key: string]: Value};

class GiveUp extends Error {
	override name = 'GiveUp';
}

const giveUp = (): never => {
	throw new GiveUp();
};

type Line = {readonly indent: number; readonly text: string; readonly raw: string};

/** Every document of the text, or undefined when the text is outside the subset read here. */
export function readYamlFast(text: string): Value[] | undefined {
	// YAML's white space is the space and the tab; JavaScript's trims and \s know many more
	// (no-break space, NEL, which YAML 1.1 takes for a line break...). Texts with those, lone
	// carriage returns, or tabs in indentation go to the parser.
	// Control characters, which go-yaml refuses, go to the parser too, which refuses them at their line.
	if (/[\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF\f\v\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\r(?!\n)|^ *\t/m.test(text)) {
		return undefined;
	}

	try {
		return splitDocuments(text).map(lines => readDocument(lines));
	} catch (error) {
		// Nesting deep enough to exhaust the stack is left to the parser, which refuses it cleanly.
		if (error instanceof GiveUp || error instanceof RangeError) {
			return undefined;
		}

		throw error;
	}
}

function splitDocuments(text: string): string[][] {
	const documents: string[][] = [[]];
	for (const rawLine of text.split('\n')) {
		const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
		if (/^---[ \t]*(?:#.*)?$/.test(line)) {
			documents.push([]);
		} else if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) {
			giveUp();
		} else {
			documents.at(-1)!.push(line);
		}
	}

	// A leading `---` opens the first document rather than closing an empty one; a text of only
	// blank lines and comments has no document at all.
	if (documents[0]!.every(line => isBlank(line))) {
		documents.shift();
		if (documents.length === 0) {
			return [];
		}
	}

	return documents;
}

function isBlank(line: string): boolean {
	let index = 0;
	while (line.charCodeAt(index) === 0x20 || line.charCodeAt(index) === 0x09) {
		index++;
	}

	return index === line.length || line.charCodeAt(index) === 0x23;
}

const maxDepth = 100;

class Reader {
	index = 0;
	depth = 0;
	readonly lines: readonly string[];

	constructor(lines: readonly string[]) {
		this.lines = lines;
	}

	/** The next line with content, skipping blanks and comments; undefined at the end. */
	peek(): Line | undefined {
		while (this.index < this.lines.length && isBlank(this.lines[this.index]!)) {
			this.index++;
		}

		const raw = this.lines[this.index];
		if (raw === undefined) {
			return undefined;
		}

		const indent = raw.length - raw.trimStart().length;
		if (raw.slice(0, indent).includes('\t')) {
			giveUp();
		}

		return {indent, text: stripComment(raw.slice(indent)), raw};
	}
}

function readDocument(lines: readonly string[]): Value {
	const reader = new Reader(lines);
	const first = reader.peek();
	if (!first) {
		return null;
	}

	const value = readBlock(reader, first.indent);
	if (reader.peek()) {
		giveUp();
	}

	return value;
}

/** A block node whose lines start at `indent`: a sequence or a mapping. */
function readBlock(reader: Reader, indent: number): Value {
	const line = reader.peek()!;
	if (line.indent !== indent) {
		giveUp();
	}

	if (line.text === '-' || line.text.startsWith('- ')) {
		return readSequence(reader, indent);
	}

	return readMapping(reader, indent, undefined);
}

// Kubernetes objects nest about 15 levels; deeper input goes to the parser, which refuses it.
function nested<T>(reader: Reader, read: () => T): T {
	if (++reader.depth > maxDepth) {
		giveUp();
	}

	const value = read();
	reader.depth--;
	return value;
}

function readSequence(reader: Reader, indent: number): Value[] {
	return nested(reader, () => readSequenceItems(reader, indent));
}

function readSequenceItems(reader: Reader, indent: number): Value[] {
	const items: Value[] = [];
	for (let line = reader.peek(); line && line.indent === indent && (line.text === '-' || line.text.startsWith('- ')); line = reader.peek()) {
		reader.index++;
		const rest = line.text.slice(1).trimStart();
		if (rest === '') {
			const next = reader.peek();
			items.push(next && next.indent > indent ? readBlock(reader, next.indent) : null);
		} else if (rest.startsWith('- ') || rest === '-') {
			giveUp();
		} else if (splitKey(rest)) {
			// `- key: value` opens a mapping whose keys line up with this first one.
			const column = indent + (line.text.length - rest.length);
			items.push(readMapping(reader, column, rest));
		} else {
			items.push(readInlineValue(reader, rest, indent));
		}
	}

	return items;
}

function readMapping(reader: Reader, indent: number, firstEntry: string | undefined): {[key: string]: Value} {
	return nested(reader, () => readMappingEntries(reader, indent, firstEntry));
}

function readMappingEntries(reader: Reader, indent: number, firstEntry: string | undefined): {[key: string]: Value} {
	const mapping: {[key: string]: Value} = {};
	let pending = firstEntry;
	for (;;) {
		let text: string;
		if (pending === undefined) {
			const line = reader.peek();
			if (!line || line.indent < indent) {
				break;
			}

			if (line.indent > indent) {
				giveUp();
			}

			if (line.text === '-' || line.text.startsWith('- ')) {
				break;
			}

			reader.index++;
			text = line.text;
		} else {
			text = pending;
			pending = undefined;
		}

		const split = splitKey(text) ?? giveUp();
		const [key, rest] = split;
		if (Object.hasOwn(mapping, key) || key === '<<' || key === '__proto__') {
			giveUp();
		}

		mapping[key] = rest === '' ? readNestedValue(reader, indent) : readInlineValue(reader, rest, indent);
	}

	return mapping;
}

// `key:` with nothing after it: a more indented block, a sequence at the key's own indent (as
// kubectl writes lists), or null.
function readNestedValue(reader: Reader, indent: number): Value {
	const next = reader.peek();
	if (!next) {
		return null;
	}

	if (next.indent > indent) {
		return readBlock(reader, next.indent);
	}

	if (next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) {
		return readSequence(reader, indent);
	}

	return null;
}

function readInlineValue(reader: Reader, text: string, indent: number): Value {
	let value: Value;
	if (/^[|][-]?$/.test(text)) {
		return readLiteralBlock(reader, indent, text === '|-');
	}

	if (text.startsWith('[') || text.startsWith('{')) {
		value = readFlowCollection(text);
	} else {
		value = readScalar(text);
	}

	// A more indented line after a one-line value would continue it (multi-line scalar).
	const next = reader.peek();
	if (next && next.indent > indent) {
		giveUp();
	}

	return value;
}

function readLiteralBlock(reader: Reader, indent: number, isStripped: boolean): string {
	const content: string[] = [];
	let blockIndent: number | undefined;
	while (reader.index < reader.lines.length) {
		const raw = reader.lines[reader.index]!;
		if (raw.trim() === '') {
			// A blank line keeps spaces beyond the block's indent; leave such lines to the parser.
			if (raw.length > 0 && (blockIndent === undefined || raw.length > blockIndent || /[^ ]/.test(raw))) {
				giveUp();
			}

			content.push('');
			reader.index++;
			continue;
		}

		const lineIndent = raw.length - raw.trimStart().length;
		if (lineIndent <= indent) {
			break;
		}

		blockIndent ??= lineIndent;
		if (lineIndent < blockIndent || raw.slice(0, blockIndent).includes('\t')) {
			giveUp();
		}

		content.push(raw.slice(blockIndent));
		reader.index++;
	}

	// Clip (`|`) keeps one final line break, strip (`|-`) none; trailing blank lines go either way.
	while (content.length > 0 && content.at(-1) === '') {
		content.pop();
	}

	if (content.length === 0) {
		return '';
	}

	return content.join('\n') + (isStripped ? '' : '\n');
}

/** `key: rest` → [key, rest]; undefined when the text is not a simple mapping entry. */
function splitKey(text: string): [string, string] | undefined {
	let key: string;
	let after: string;
	if (text.startsWith('"') || text.startsWith('\'')) {
		const end = quotedEnd(text);
		if (end === -1 || text[end + 1] !== ':') {
			return undefined;
		}

		key = readQuoted(text.slice(0, end + 1));
		after = text.slice(end + 2);
	} else {
		const match = /^([^\s\-?:,[\]{}#&*!|>'"%@`][^\s:]*(?::[^\s:]+)*):(?=\s|$)(.*)$/.exec(text);
		if (!match) {
			return undefined;
		}

		key = match[1]!;
		if (typeof plainScalarValue(key) !== 'string') {
			giveUp();
		}

		after = match[2]!;
	}

	if (after !== '' && !after.startsWith(' ')) {
		return undefined;
	}

	return [key, after.trim()];
}

function quotedEnd(text: string): number {
	const quote = text[0]!;
	for (let index = 1; index < text.length; index++) {
		if (quote === '"' && text[index] === '\\') {
			index++;
		} else if (text[index] === quote) {
			if (quote === '\'' && text[index + 1] === '\'') {
				index++;
			} else {
				return index;
			}
		}
	}

	return -1;
}

const escapes: Readonly<Record<string, string>> = {'\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0'};

function readQuoted(text: string): string {
	if (text.startsWith('\'')) {
		return text.slice(1, -1).replaceAll('\'\'', '\'');
	}

	return text.slice(1, -1).replaceAll(/\\(u[\dA-Fa-f]{4}|.)/g, (_match, escape: string) => {
		if (escape.length === 5) {
			return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
		}

		return escapes[escape] ?? giveUp();
	});
}

function stripComment(text: string): string {
	if (text.startsWith('"') || text.startsWith('\'')) {
		return text.trimEnd();
	}

	// Only the scalar-after-key case needs care; quoted values are handled where they are read.
	const hash = text.includes('#') ? text.search(/\s#/) : -1;
	if (hash === -1) {
		return text.trimEnd();
	}

	const before = text.slice(0, hash);
	return before.includes('"') || before.includes('\'') ? giveUp() : before.trimEnd();
}

function readScalar(text: string): Value {
	if (text.startsWith('"') || text.startsWith('\'')) {
		if (quotedEnd(text) !== text.length - 1) {
			giveUp();
		}

		return readQuoted(text);
	}

	return plainScalarValue(text);
}

// A one-line flow collection, nested ones included (`{labels: {app: web}}`): plain words only,
// no quotes, anchors or comments inside, no empty entries.
function readFlowCollection(text: string): Value {
	if (/["'#&*!]/.test(text)) {
		giveUp();
	}

	const cursor = {text, index: 0};
	const value = readFlowNode(cursor, 0);
	skipSpaces(cursor);
	return cursor.index === text.length ? value : giveUp();
}

type Cursor = {readonly text: string; index: number};

function skipSpaces(cursor: Cursor): void {
	while (cursor.text[cursor.index] === ' ') {
		cursor.index++;
	}
}

function readFlowNode(cursor: Cursor, depth: number): Value {
	if (depth > maxDepth) {
		giveUp();
	}

	skipSpaces(cursor);
	const opener = cursor.text[cursor.index];
	if (opener !== '[' && opener !== '{') {
		// A plain word runs to the next `,`, `]` or `}`.
		const start = cursor.index;
		while (cursor.index < cursor.text.length && !',]}[{'.includes(cursor.text[cursor.index]!)) {
			cursor.index++;
		}

		const word = cursor.text.slice(start, cursor.index).trim();
		return word === '' ? giveUp() : plainScalarValue(word);
	}

	cursor.index++;
	const closer = opener === '[' ? ']' : '}';
	const items: Value[] = [];
	const mapping: {[key: string]: Value} = {};
	skipSpaces(cursor);
	if (cursor.text[cursor.index] === closer) {
		cursor.index++;
		return opener === '[' ? items : mapping;
	}

	for (;;) {
		if (opener === '[') {
			items.push(readFlowNode(cursor, depth + 1));
		} else {
			readFlowEntry(cursor, mapping, depth);
		}

		skipSpaces(cursor);
		const next = cursor.text[cursor.index];
		cursor.index++;
		if (next === closer) {
			return opener === '[' ? items : mapping;
		}

		if (next !== ',') {
			giveUp();
		}
	}
}

// `key: value` inside a flow mapping; the colon must be followed by a space.
function readFlowEntry(cursor: Cursor, mapping: {[key: string]: Value}, depth: number): void {
	skipSpaces(cursor);
	const match = /^([^\s:,[\]{}]+): +/.exec(cursor.text.slice(cursor.index)) ?? giveUp();
	const key = match[1]!;
	if (typeof plainScalarValue(key) !== 'string' || Object.hasOwn(mapping, key) || key === '__proto__') {
		giveUp();
	}

	cursor.index += match[0].length;
	mapping[key] = readFlowNode(cursor, depth + 1);
}

/**
A plain scalar's value when YAML 1.1 and 1.2 agree on it and it is simple: null, true/false,
decimal integers and floats, and words that no YAML version reads as anything but a string.
*/
// The number patterns of the yaml package's YAML 1.1 and 1.2 core schemas.
const numberPatterns = [
	/^[-+]?0b[01_]+$/,
	/^[-+]?0[0-7_]+$/,
	/^[-+]?\d[\d_]*$/,
	/^[-+]?0x[\dA-Fa-f_]+$/,
	/^0o[0-7]+$/,
	/^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?$/,
	/^[-+]?(?:\d[\d_]*)?(?:\.[\d_]*)?[eE][-+]?\d+$/,
	/^[-+]?(?:\d[\d_]*)?\.[\d_]*$/,
	/^[-+]?\.(?:inf|Inf|INF)$/,
	/^\.(?:nan|NaN|NAN)$/,
];

const reservedWords = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);
const commonWord = /^[A-Za-z][\w./-]*$/;

function plainScalarValue(text: string): Value {
	// The common case first: a word such as `default/api` or `TCP`.
	if (commonWord.test(text) && !reservedWords.has(text) && !/^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(text)) {
		return text;
	}

	if (/^(?:~|null|Null|NULL)$/.test(text)) {
		return null;
	}

	if (/^(?:true|True|TRUE)$/.test(text)) {
		return true;
	}

	if (/^(?:false|False|FALSE)$/.test(text)) {
		return false;
	}

	if (/^-?(?:0|[1-9]\d{0,14})$/.test(text)) {
		return Number(text);
	}

	if (/^-?(?:0|[1-9]\d{0,14})\.\d{1,15}$/.test(text)) {
		return Number(text);
	}

	if (/^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(text) || /^[,[\]{}#&*!|>'"%@`]|^[-?:](?:\s|$)/.test(text) || /:\s|:$|\s#|\t/.test(text)) {
		return giveUp();
	}

	// Anything a number pattern of either version matches (hex, octal, binary, underscores,
	// sexagesimal, exponents, .inf) is left to the parser; every other word is a string in both.
	if (numberPatterns.some(pattern => pattern.test(text))) {
		return giveUp();
	}

	return text;
}
