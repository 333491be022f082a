// The label selector string of `kubectl get -l` (`app=web,tier!=db,env in (a,b),!legacy`), read
// as apimachinery's labels.Parse reads it: its lexer (special symbols, white space, the words in
// and notin), its grammar, its checks of keys and values, and its wording of errors. Pure.
import type {Labels} from '../model/kubernetes.js';
import {labelValueErrors, qualifiedNameErrors} from './names.js';

/** selection.Operator, as labels.Parse makes them. */
export type StringOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export type StringRequirement = {
	readonly key: string;
	readonly operator: StringOperator;
	/** In written order, duplicates removed; one for `=`, `==`, `!=`, `gt`, `lt`; none for exists and `!`. */
	readonly values: readonly string[];
};

export type ParsedSelector = {readonly requirements: readonly StringRequirement[]} | {readonly error: string};

type TokenKind = 'identifier' | 'in' | 'notin' | '!' | '!=' | '=' | '==' | '>' | '<' | '(' | ')' | ',' | 'end';
type Token = {readonly kind: TokenKind; readonly text: string};

// The lexer's special symbols; a run of them is read as the longest one that is a token.
const symbols = new Set(['!', '!=', '(', ')', ',', '=', '==', '>', '<']);
const isSymbolCharacter = (character: string) => '=!(),><'.includes(character);
const isWhiteSpace = (character: string) => character === ' ' || character === '\t' || character === '\r' || character === '\n';

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < text.length) {
		const character = text[index]!;
		if (isWhiteSpace(character)) {
			index++;
		} else if (isSymbolCharacter(character)) {
			let symbol = character;
			index++;
			while (index < text.length && symbols.has(symbol + text[index]!)) {
				symbol += text[index]!;
				index++;
			}

			tokens.push({kind: symbol as TokenKind, text: symbol});
		} else {
			let word = '';
			while (index < text.length && !isWhiteSpace(text[index]!) && !isSymbolCharacter(text[index]!)) {
				word += text[index]!;
				index++;
			}

			tokens.push({kind: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'identifier', text: word});
		}
	}

	tokens.push({kind: 'end', text: ''});
	return tokens;
}

class SelectorSyntaxError extends Error {}

const fail = (message: string): never => {
	throw new SelectorSyntaxError(message);
};

/** labels.Parse: the requirements of a selector string, or kubectl's error for it. */
export function parseSelectorString(text: string): ParsedSelector {
	try {
		return {requirements: parseTokens(tokenize(text))};
	} catch (error) {
		if (error instanceof SelectorSyntaxError) {
			return {error: error.message};
		}

		throw error;
	}
}

// labels.Parse reads `in` and `notin` as words of the language only where an operator is
// expected: as a key or a value they are identifiers (`in=notin` is a requirement).
type Context = 'keyAndOperator' | 'values';
const kindIn = (token: Token, context: Context): TokenKind => (context === 'values' && (token.kind === 'in' || token.kind === 'notin') ? 'identifier' : token.kind);

function parseTokens(tokens: readonly Token[]): StringRequirement[] {
	let position = 0;
	const peek = (context: Context = 'values') => ({...tokens[position]!, kind: kindIn(tokens[position]!, context)});
	const take = (context: Context = 'values') => ({...tokens[position]!, kind: kindIn(tokens[position++]!, context)});
	const requirements: StringRequirement[] = [];
	for (;;) {
		const next = peek();
		if (next.kind === 'end') {
			return requirements;
		}

		if (next.kind !== 'identifier' && next.kind !== '!') {
			fail(`found '${next.text}', expected: !, identifier, or 'end of string'`);
		}

		try {
			requirements.push(parseRequirement());
		} catch (error) {
			throw error instanceof SelectorSyntaxError ? new SelectorSyntaxError(`unable to parse requirement: ${error.message}`) : error;
		}

		const after = take();
		if (after.kind === 'end') {
			return requirements;
		}

		if (after.kind !== ',') {
			fail(`found '${after.text}', expected: ',' or 'end of string'`);
		}

		const following = peek();
		if (following.kind !== 'identifier' && following.kind !== '!') {
			fail(`found '${following.text}', expected: identifier after ','`);
		}
	}

	function parseRequirement(): StringRequirement {
		let keyToken = take();
		const isNegated = keyToken.kind === '!';
		if (isNegated) {
			keyToken = take();
		}

		if (keyToken.kind !== 'identifier') {
			fail(`found '${keyToken.text}', expected: identifier`);
		}

		const key = keyToken.text;
		checkKey(key);
		if (isNegated) {
			return {key, operator: '!', values: []};
		}

		if (peek().kind === 'end' || peek().kind === ',') {
			return {key, operator: 'exists', values: []};
		}

		const operator = binaryOperator(take('keyAndOperator'));
		const values = operator === 'in' || operator === 'notin' ? parseSet() : [parseExactValue()];
		return requirement(key, operator, values);
	}

	function parseSet(): string[] {
		const open = take();
		if (open.kind !== '(') {
			fail(`found '${open.text}' expected: '('`);
		}

		const first = peek();
		if (first.kind === ')') {
			// `()` is one empty value, as labels.Parse reads it.
			take();
			return [''];
		}

		if (first.kind !== 'identifier' && first.kind !== ',') {
			fail(`found '${first.text}', expected: ',', ')' or identifier`);
		}

		const values = parseIdentifiers();
		if (take().kind !== ')') {
			fail(`found '${first.text}', expected: ')'`);
		}

		return values;
	}

	// parseIdentifiersList: values between commas, an empty one wherever a value is left out.
	function parseIdentifiers(): string[] {
		const values: string[] = [];
		for (;;) {
			const token = take();
			if (token.kind === 'identifier') {
				values.push(token.text);
				const next = peek();
				if (next.kind === ')') {
					return values;
				}

				if (next.kind !== ',') {
					fail(`found '${next.text}', expected: ',' or ')'`);
				}
			} else if (token.kind === ',') {
				if (values.length === 0) {
					values.push('');
				}

				const next = peek();
				if (next.kind === ')') {
					values.push('');
					return values;
				}

				if (next.kind === ',') {
					take();
					values.push('');
				}
			} else {
				fail(`found '${token.text}', expected: ',', or identifier`);
			}
		}
	}

	function parseExactValue(): string {
		const token = peek();
		if (token.kind === 'end' || token.kind === ',') {
			return '';
		}

		take();
		if (token.kind !== 'identifier') {
			fail(`found '${token.text}', expected: identifier`);
		}

		return token.text;
	}
}

function binaryOperator(token: Token): Exclude<StringOperator, 'exists' | '!'> {
	switch (token.kind) {
		case 'in':
		case 'notin':
		case '=':
		case '==':
		case '!=': {
			return token.kind;
		}

		case '>': {
			return 'gt';
		}

		case '<': {
			return 'lt';
		}

		default: {
			// The closing quote missing before notin is apimachinery's own.
			return fail(`found '${token.text}', expected: '=', '!=', '==', 'in', notin'`);
		}
	}
}

function checkKey(key: string): void {
	const errors = qualifiedNameErrors(key);
	if (errors.length > 0) {
		fail(`Invalid value: "${key}": ${errors.join('; ')}`);
	}
}

const int64 = {min: -(2n ** 63n), max: (2n ** 63n) - 1n};

// strconv.ParseInt(value, 10, 64): an optional sign, decimal digits, within 64 bits.
function parseInt64(value: string): bigint | undefined {
	if (!/^[+-]?\d+$/.test(value)) {
		return undefined;
	}

	const number = BigInt(value);
	return number < int64.min || number > int64.max ? undefined : number;
}

// NewRequirement's checks: gt and lt take an integer, the others label values.
function requirement(key: string, operator: Exclude<StringOperator, 'exists' | '!'>, written: readonly string[]): StringRequirement {
	const values = [...new Set(written)];
	if (operator === 'gt' || operator === 'lt') {
		if (parseInt64(values[0]!) === undefined) {
			fail(`values[0]: Invalid value: "${values[0]!}": for 'Gt', 'Lt' operators, the value must be an integer`);
		}

		return {key, operator, values};
	}

	for (const [index, value] of values.entries()) {
		const errors = labelValueErrors(value);
		if (errors.length > 0) {
			fail(`values[${index}][${key}]: Invalid value: "${value}": ${errors.join('; ')}`);
		}
	}

	return {key, operator, values};
}

/** Whether labels meet one requirement, as selection.Requirement.Matches decides. */
export function stringRequirementMatches(requirement: StringRequirement, labels: Labels): boolean {
	const has = Object.hasOwn(labels, requirement.key);
	const value = has ? labels[requirement.key]! : undefined;
	switch (requirement.operator) {
		case '=':
		case '==':
		case 'in': {
			return has && requirement.values.includes(value!);
		}

		case '!=':
		case 'notin': {
			return !has || !requirement.values.includes(value!);
		}

		case 'exists': {
			return has;
		}

		case '!': {
			return !has;
		}

		case 'gt':
		case 'lt': {
			const label = has ? parseInt64(value!) : undefined;
			const bound = parseInt64(requirement.values[0]!)!;
			return label !== undefined && (requirement.operator === 'gt' ? label > bound : label < bound);
		}
	}
}

/** Whether labels meet every requirement: an empty selector string selects everything. */
export function selectorStringMatches(requirements: readonly StringRequirement[], labels: Labels): boolean {
	return requirements.every(requirement => stringRequirementMatches(requirement, labels));
}
