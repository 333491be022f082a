// Where go-yaml (kubectl's YAML reader) and js-yaml part ways, and what is done about it:
// - NEL, U+2028 and U+2029 are line breaks to go-yaml, and so is a lone carriage return. Written
//   as line feeds, a text reads in js-yaml (and the yaml package) as in go-yaml: a comment ends
//   there, and the next line is a peer. Inside a scalar, go-yaml folds NEL and CR as line breaks
//   (so do the readers, given a line feed) but keeps U+2028 and U+2029 in the value: such a
//   scalar is refused, as no other reader gives it the same value.
// - go-yaml refuses a tab, in block context, at the start of a line or after `- `, `? ` or a
//   complex key's `: ` ("found character that cannot start any token"); js-yaml takes it for a
//   space.
// - go-yaml looks no further than 1024 characters past the start of an implicit key for its
//   colon; js-yaml has no such limit.
// - go-yaml refuses a list or a mapping as a key, and kubectl a null one ("unsupported map key");
//   js-yaml turns them into strings.
// - go-yaml refuses an alias inside its own anchor's value; js-yaml makes a value that contains
//   itself, or merges what the anchor held so far.
// The checks are made on the nodes js-yaml read (yaml-index.ts), and only when the text has a
// place that may need them.
import {YamlIndex} from './yaml-index.js';

/** A U+2028 or U+2029 of a text, where it was. */
export type Separator = {readonly offset: number; readonly name: string};

/** The text with every line break go-yaml knows written as a line feed (a CRLF stays), and where U+2028 and U+2029 were. */
export function withLineFeeds(text: string): {readonly text: string; readonly separators: readonly Separator[]} {
	if (!/[\r\u0085\u2028\u2029]/.test(text)) {
		return {text, separators: []};
	}

	const separators: Separator[] = [];
	const replaced = text.replaceAll(/\r(?!\n)|[\u0085\u2028\u2029]/g, (character, offset: number) => {
		if (character === '\u2028' || character === '\u2029') {
			separators.push({offset, name: character === '\u2028' ? 'U+2028' : 'U+2029'});
		}

		return '\n';
	});
	return {text: replaced, separators};
}

/**
js-yaml reads an empty item of a list nested in a list (a line `-` with nothing after it, the
next line indented no further) as taking in the items after it, where go-yaml and the yaml
package go by the indentation. Written as `~`, the empty item reads alike in all three. Lines
inside a scalar (a block scalar, a value over lines) are left as they are.
*/
export function withEmptyNestedItemsWritten(text: string): string {
	const dashes: number[] = [];
	for (const match of text.matchAll(/^[ ]*(?:-[ ]+)*-(?=[ \t]*(?:#.*)?\r?$)/gm)) {
		const end = match.index + match[0].length;
		const next = /\n(?:[ \t]*(?:#.*)?\r?\n)*([ ]*)\S/.exec(text.slice(end));
		const dashColumn = end - 1 - (text.lastIndexOf('\n', end - 1) + 1);
		if (!next || next[1]!.length <= dashColumn) {
			dashes.push(end - 1);
		}
	}

	if (dashes.length === 0) {
		return text;
	}

	let index: YamlIndex;
	try {
		index = new YamlIndex(text);
	} catch {
		return text;
	}

	const places = classify(index, dashes);
	let written = text;
	for (const dash of dashes.reverse()) {
		if (places.get(dash) === undefined || places.get(dash) === 'flow') {
			written = `${written.slice(0, dash + 1)} ~${written.slice(dash + 1)}`;
		}
	}

	return written;
}

/** What the checks need a node index for: offsets of tabs and line separators to place, and whether long or collection keys may be written. */
export type Suspects = {
	readonly tabs: readonly number[];
	readonly separators: readonly Separator[];
	readonly hasLongLines: boolean;
	readonly hasOddKeys: boolean;
	readonly hasAliases: boolean;
	readonly comments: readonly number[];
	readonly hasMerges: boolean;
	readonly escapedBreaks: readonly number[];
};

// A comment line between a line with a value and a line indented past its key: it may fall
// inside a plain value written over lines, which js-yaml carries on through and go-yaml ends.
function commentsThatMayCutValues(text: string): number[] {
	const found: number[] = [];
	const lineStarts = text.includes('#') ? [...text.matchAll(/^[ \t]*#/gm)].map(match => match.index) : [];
	for (const start of lineStarts) {
		const before = text.lastIndexOf('\n', start - 2);
		const previous = start === 0 ? undefined : /^([ ]*(?:- +)*)(.*)$/.exec(text.slice(before + 1, start - 1));
		const content = previous?.[2]!.replace(/(?:^|[ \t])#.*$/, '').trimEnd() ?? '';
		if (!previous || content === '' || /[:|>[{,]$/.test(content)) {
			continue;
		}

		// Looked at only after a line with a value: run over every comment line of a long run of
		// them, this scan made reading such a file take seconds.
		const afterComments = /^(?:[ \t]*(?:#.*)?\r?\n)*([ ]*)\S/.exec(text.slice(start));
		if (afterComments && afterComments[1]!.length > previous[1]!.length) {
			found.push(start + text.slice(start).indexOf('#'));
		}
	}

	return found;
}

/** Suspects in a text (with line feeds); undefined when there is nothing to check. */
export function suspectsIn(text: string, separators: readonly Separator[], hasAnchors: boolean, hasKeyNamedNull: boolean): Suspects | undefined {
	const tabs: number[] = [];
	if (text.includes('\t')) {
		for (const match of text.matchAll(/^(?:[ ]*[-?:](?=[ \t]))*[ ]*\t/gm)) {
			tabs.push(match.index + match[0].length - 1);
		}
	}

	const hasLongLines = hasLongKeyCandidate(text);
	// A null key, or a collection before a colon or after an explicit key's `?`.
	// (A plain key may hold brackets, as managedFields' `k:{"ip":"10.0.0.1"}:`; a collection key
	// starts with one, where a key starts.)
	const hasOddKeys = hasKeyNamedNull
		|| /(?:^[ ]*(?:- +)*|[{,[][ \t]*)[[{][^\n]*[\]}][ \t]*:(?:[ \t\r\n]|$)/m.test(text)
		|| (text.includes('?') && /(?:^|[ \t{,[])\?(?:[ \t\r\n]|$)/m.test(text));
	const comments = commentsThatMayCutValues(text);
	const hasMerges = text.includes('<<') && /(?:^|[ \t{,[?-])<<[ \t]*:/m.test(text);
	const escapedBreaks = [...text.matchAll(/\\\r?\n[ \t]*\r?\n/g)].map(match => match.index);
	const hasAliases = hasAnchors && /(?:^|[ \t[{,:-])\*[^ \t\r\n]/m.test(text);
	return tabs.length > 0 || separators.length > 0 || hasLongLines || hasOddKeys || hasAliases || comments.length > 0 || hasMerges || escapedBreaks.length > 0
		? {tabs, separators, hasLongLines, hasOddKeys, hasAliases, comments, hasMerges, escapedBreaks}
		: undefined;
}

/** The longest span go-yaml allows between the start of an implicit key and its colon. */
const maxImplicitKeySpan = 1024;

// A line where a colon followed by a blank lies over 1024 characters past the line's content.
function hasLongKeyCandidate(text: string): boolean {
	for (let start = 0; start < text.length;) {
		const newline = text.indexOf('\n', start);
		const end = newline === -1 ? text.length : newline;
		if (end - start > maxImplicitKeySpan && /:(?:[ \t]|$)/.test(text.slice(start, end).replace(/^[ \t-]*/, '').slice(maxImplicitKeySpan))) {
			return true;
		}

		start = end + 1;
	}

	return false;
}

/** The first place go-yaml would read otherwise than the index's reading, with what to say. */
export function kubectlDifference(index: YamlIndex, suspects: Suspects): {readonly offset: number; readonly message: string} | undefined {
	const found: Array<{offset: number; message: string}> = [];
	const places = classify(index, [...suspects.tabs, ...suspects.separators.map(separator => separator.offset), ...suspects.comments, ...suspects.escapedBreaks]);
	for (const escape of suspects.escapedBreaks) {
		if (places.get(escape) === 'double-quoted') {
			found.push({offset: escape, message: 'invalid YAML: an escaped line break (\\ at the end of a line) followed by an empty line, in a double-quoted value: YAML readers disagree on it (kubectl keeps a line break); write \\n instead'});
		}
	}

	for (const comment of suspects.comments) {
		if (places.get(comment) === 'plain') {
			found.push({offset: comment, message: 'invalid YAML: a comment line inside a value written over several lines: kubectl\'s YAML reader ends the value there, where other readers read on; move the comment or quote the value'});
		}
	}

	for (const tab of suspects.tabs) {
		if (places.get(tab) === undefined) {
			found.push({offset: tab, message: 'invalid YAML: a tab at the start of a line or after \'- \': kubectl\'s YAML reader refuses it there ("found character that cannot start any token"); indent with spaces'});
		}
	}

	for (const {offset, name} of suspects.separators) {
		if (places.get(offset) !== undefined && places.get(offset) !== 'flow') {
			found.push({offset, message: `invalid YAML: ${name} inside a value: kubectl's YAML reader takes it for a line break and keeps it in the value, unlike other readers; write it as an escape in a double-quoted string, or use a plain line break`});
		}
	}

	if (suspects.hasLongLines || suspects.hasOddKeys) {
		found.push(...keyProblems(index));
	}

	// An explicit key (`? `) inside a flow collection makes a mapping the index does not see as
	// one, so its key escapes the checks above (a null key read as "null"): no manifest writes
	// one, and it is refused rather than read unchecked.
	if (suspects.hasOddKeys && index.text.includes('?')) {
		const marks = [...index.text.matchAll(/(?<=^|[ \t{,[])\?(?=[ \t\r\n])/gm)].map(match => match.index);
		const inFlow = classify(index, marks);
		for (const offset of marks.filter(mark => inFlow.get(mark) === 'flow')) {
			found.push({offset, message: 'invalid YAML: an explicit key (? ) inside a flow collection; write the mapping as {key: value}'});
		}
	}

	if (suspects.hasAliases || suspects.hasMerges) {
		found.push(...aliasProblems(index, suspects.hasMerges));
	}

	return found.sort((left, right) => left.offset - right.offset)[0];
}

type Place = 'plain' | 'double-quoted' | 'scalar' | 'flow';

// For each offset, whether it lies inside a plain scalar, another scalar, a flow collection (but no scalar), or none.
function classify(index: YamlIndex, offsets: readonly number[]): Map<number, Place> {
	const places = new Map<number, Place>();
	if (offsets.length === 0) {
		return places;
	}

	const sorted = [...offsets].sort((left, right) => left - right);
	for (let node = 0; node < index.count; node++) {
		const isScalar = index.isScalar(node);
		if (!isScalar && !index.isFlow(node)) {
			continue;
		}

		const start = index.startOf(node);
		const end = index.endOf(node);
		for (let at = firstAtOrAfter(sorted, start); at < sorted.length && sorted[at]! < end; at++) {
			if (isScalar || places.get(sorted[at]!) === undefined) {
				places.set(sorted[at]!, isScalar ? scalarPlace(index, node) : 'flow');
			}
		}
	}

	return places;
}

function scalarPlace(index: YamlIndex, node: number): Place {
	if (index.isPlain(node)) {
		return 'plain';
	}

	return index.text[index.startOf(node)] === '"' ? 'double-quoted' : 'scalar';
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (sorted[middle]! < value) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}

function keyProblems(index: YamlIndex): Array<{offset: number; message: string}> {
	const found: Array<{offset: number; message: string}> = [];
	for (let node = 0; node < index.count; node++) {
		for (const pair of [...index.pairsIfMapping(node), ...index.pairsInFlowSequence(node)]) {
			const start = index.startOf(pair.key);
			if (index.isCollection(pair.key)) {
				found.push({offset: start, message: 'invalid YAML: a mapping key is a list or a mapping; kubectl accepts only a string, number or boolean as a key'});
			} else if (isNullKey(index, pair.key)) {
				found.push({offset: start, message: 'invalid YAML: a key is null (written empty, ~ or null); kubectl accepts only a string, number or boolean as a key ("unsupported map key")'});
			} else if (pair.colon - start > maxImplicitKeySpan && !isExplicitKey(index.text, start)) {
				found.push({offset: start, message: `invalid YAML: a key of over ${maxImplicitKeySpan} characters: kubectl's YAML reader looks no further for the ':' after a key ("could not find expected ':'"); shorten it`});
			}
		}
	}

	return found;
}

// A key written after `? `, which has no length limit.
function isExplicitKey(text: string, start: number): boolean {
	let offset = start - 1;
	while (text[offset] === ' ' || text[offset] === '\t') {
		offset--;
	}

	return text[offset] === '?';
}

function isNullKey(index: YamlIndex, key: number): boolean {
	if (index.isNothing(key)) {
		return true;
	}

	const source = index.text.slice(index.startOf(key), index.endOf(key)).trimEnd();
	return index.isScalar(key) && /^(?:~|null|Null|NULL)?$/.test(source);
}

// An alias names the last anchor of that name written before it; inside that anchor's node, the
// value would contain itself. A merge key takes a mapping, or a list of mappings (go-yaml: "map
// merge requires map or sequence of maps as the value"); js-yaml merges a list's items too.
function aliasProblems(index: YamlIndex, hasMerges: boolean): Array<{offset: number; message: string}> {
	const found: Array<{offset: number; message: string}> = [];
	const anchors = new Map<string, number>();
	const aliased = (node: number): number => {
		if (!index.isAlias(node)) {
			return node;
		}

		const start = index.startOf(node);
		return anchors.get(/^\*([^ \t\r\n,\]}]+)/.exec(index.text.slice(start, start + 1024))?.[1] ?? '') ?? node;
	};

	const isMapping = (node: number) => index.isCollection(aliased(node)) && !index.isSequence(aliased(node));
	const isMergeKey = (key: number) => index.isScalar(key) && index.text.startsWith('<<', index.startOf(key)) && index.endOf(key) - index.startOf(key) === 2;
	const keyText = (key: number) => index.text.slice(index.startOf(key), index.endOf(key)).trim().replace(/^(["'])(.*)\1$/s, '$2');
	// The keys a merge source sets, its own merges' included.
	const mergedKeys = (source: number, depth = 0): string[] => index.pairsIfMapping(aliased(source)).flatMap(pair => {
		if (!isMergeKey(pair.key)) {
			return [keyText(pair.key)];
		}

		const value = aliased(pair.value);
		return depth > 8 || pair.value === -1 ? [] : (index.isSequence(value) ? index.children(value) : [value]).flatMap(inner => mergedKeys(inner, depth + 1));
	});
	for (let node = 0; node < index.count; node++) {
		if (hasMerges) {
			// go-yaml sets a mapping's keys in order, a merge's too, so a merged key overrides one
			// written (or merged) before it; js-yaml and the YAML spec keep the earlier one.
			const seen = new Set<string>();
			for (const pair of index.pairsIfMapping(node)) {
				if (isMergeKey(pair.key) && pair.value !== -1) {
					const value = aliased(pair.value);
					const sources = index.isSequence(value) ? index.children(value) : [value];
					if (!sources.every(source => isMapping(source))) {
						found.push({offset: index.startOf(pair.value), message: 'invalid YAML: a merge key (<<) takes a mapping or a list of mappings; kubectl\'s YAML reader refuses anything else here'});
						continue;
					}

					const keys = sources.flatMap(source => mergedKeys(source));
					const overridden = keys.find(key => seen.has(key));
					if (overridden !== undefined) {
						found.push({offset: index.startOf(pair.key), message: `invalid YAML: this merge key (<<) sets ${JSON.stringify(overridden)}, which the mapping sets before it; kubectl's YAML reader takes the merged value and other readers the one written first: set each key once`});
					}

					for (const key of keys) {
						seen.add(key);
					}
				} else {
					seen.add(keyText(pair.key));
				}
			}
		}

		// Nodes are numbered as they open, in text order.
		const properties = index.text.slice(index.openedAt(node), index.startOf(node));
		for (const match of properties.matchAll(/&([^ \t\r\n]+)/g)) {
			anchors.set(match[1]!, node);
		}

		if (index.isAlias(node)) {
			const start = index.startOf(node);
			const name = /^\*([^ \t\r\n,\]}]+)/.exec(index.text.slice(start, start + 1024))?.[1] ?? '';
			const anchor = anchors.get(name);
			if (anchor !== undefined && start < index.endOf(anchor)) {
				found.push({offset: start, message: `invalid YAML: anchor "${name}" value contains itself (an alias to it is written inside it)`});
			}
		}
	}

	return found;
}
