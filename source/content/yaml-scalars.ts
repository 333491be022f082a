// kubectl reads YAML 1.1 (an unquoted `yes` is a boolean, `010` is octal); most editors and
// people read YAML 1.2. A plain scalar whose value differs between the two is refused, so a
// policy never means one thing to its author and another to the grader. Booleans are the
// exception the contract names: YAML 1.1 wins, and the schema then reports the type.
import {yamlFalseWords, yamlNullWords, yamlTrueWords} from '../model/yaml-words.js';

/** What a plain scalar means under the YAML 1.2 core schema. */
export function coreSchemaValue(source: string): unknown {
	if (/^(?:~|null|Null|NULL)?$/.test(source)) {
		return null;
	}

	if (/^(?:true|True|TRUE)$/.test(source)) {
		return true;
	}

	if (/^(?:false|False|FALSE)$/.test(source)) {
		return false;
	}

	if (/^[-+]?\d+$/.test(source)) {
		return Number(source);
	}

	if (/^0o[0-7]+$/.test(source)) {
		return Number.parseInt(source.slice(2), 8);
	}

	if (/^0x[\dA-Fa-f]+$/.test(source)) {
		return Number.parseInt(source.slice(2), 16);
	}

	if (/^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/.test(source)) {
		return Number.parseFloat(source);
	}

	if (/^[-+]?\.(?:inf|Inf|INF)$/.test(source)) {
		return source.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
	}

	if (/^\.(?:nan|NaN|NAN)$/.test(source)) {
		return Number.NaN;
	}

	return source;
}

/** Whether the YAML 1.1 reading of a plain scalar may stand (see the note above). */
export function isUnambiguous(yaml11Value: unknown, source: string): boolean {
	// `<<` is a merge key, read as kubectl reads it.
	if (typeof yaml11Value === 'symbol') {
		return true;
	}

	const yaml12Value = coreSchemaValue(source);
	if (typeof yaml11Value === 'boolean' && typeof yaml12Value === 'string') {
		return true;
	}

	if (typeof yaml11Value === 'number' && typeof yaml12Value === 'number') {
		 
		return yaml11Value === yaml12Value || (yaml11Value !== yaml11Value && yaml12Value !== yaml12Value);
	}

	return yaml11Value === yaml12Value;
}

/** The message for a scalar isUnambiguous refused. */
export function ambiguityMessage(yaml11Value: unknown, source: string): string {
	const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));
	return `${source} is ambiguous: kubectl (YAML 1.1) reads it as ${show(yaml11Value)}, YAML 1.2 as ${show(coreSchemaValue(source))}; write the value plainly or quote it`;
}

/** A hint for a type error on a boolean that YAML 1.1 made out of a word. */
export function booleanWordHint(source: string): string {
	return `; kubectl reads an unquoted ${source} as a boolean, so quote it: "${source}"`;
}

// The plain scalars of the yaml package's YAML 1.1 schema, in its order of trial, without
// timestamps (they stay strings, as kubectl leaves them when it turns YAML into JSON).
const yaml11Patterns: ReadonlyArray<readonly [RegExp, (source: string) => unknown]> = [
	[yamlNullWords, () => null],
	[yamlTrueWords, () => true],
	[yamlFalseWords, () => false],
	[/^[-+]?0b[0-1_]+$/, source => signed(source, 2, 2)],
	[/^[-+]?0[0-7_]+$/, source => signed(source, 1, 8)],
	[/^[-+]?\d[\d_]*$/, source => signed(source, 0, 10)],
	[/^[-+]?0x[\dA-Fa-f_]+$/, source => signed(source, 2, 16)],
	[/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, source => (source.endsWith('nan') || source.endsWith('NaN') || source.endsWith('NAN') ? Number.NaN : (source.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY))],
	[/^[-+]?(?:\d[\d_]*)?(?:\.[\d_]*)?[eE][-+]?\d+$/, source => Number.parseFloat(source.replaceAll('_', ''))],
	[/^[-+]?(?:\d[\d_]*)?\.[\d_]*$/, source => Number.parseFloat(source.replaceAll('_', ''))],
	[/^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?$/, source => sexagesimal(source)],
];

function signed(source: string, prefixLength: number, radix: number): number {
	const sign = source[0];
	const digits = source.slice(prefixLength + (sign === '-' || sign === '+' ? 1 : 0)).replaceAll('_', '');
	const value = Number.parseInt(digits, radix);
	return sign === '-' ? -value : value;
}

function sexagesimal(source: string): number {
	const sign = source[0];
	const parts = (sign === '-' || sign === '+' ? source.slice(1) : source).replaceAll('_', '').split(':');
	const value = parts.reduce((total, part) => (total * 60) + Number(part), 0);
	return sign === '-' ? -value : value;
}

/**
What a plain scalar means in the YAML 1.1 that netpol-dojo reads, as the yaml package's YAML 1.1
schema reads it, but for a word that only looks like a number (`e0`, `.`): a string, as every
YAML reader (go-yaml included) has it. The merge key `<<` is not a value and is not handled here.
*/
export function yaml11PlainValue(source: string): unknown {
	// Most plain scalars are words such as `web`, `TCP` or managedFields' `f:labels`: the only
	// patterns above that start with a letter are the boolean and null words (`yes`, `Off`,
	// `null`...), five letters at most and nothing but letters.
	const first = source.codePointAt(0);
	if (first !== undefined && ((first >= 0x61 && first <= 0x7A) || (first >= 0x41 && first <= 0x5A)) && (!/^[yYnNtTfFoO]/.test(source) || source.length > 5 || !/^[A-Za-z]+$/.test(source))) {
		return source;
	}

	for (const [pattern, value] of yaml11Patterns) {
		if (pattern.test(source)) {
			const read = value(source);
			return typeof read === 'number' && Number.isNaN(read) && !/^\.(?:nan|NaN|NAN)$/.test(source) ? source : read;
		}
	}

	return source;
}
