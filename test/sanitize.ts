// One control sequence kind per test, as ink's test/sanitize-ansi.ts does.
import test from 'ava';
import {bareOrQuoted, quoteValue, stripControlSequences, terminalSafeJson} from '../source/model/sanitize.js';

const cases: Array<[string, string, string]> = [
	['SGR colour', 'a\u001B[31mred\u001B[0mb', 'aredb'],
	['cursor movement (CSI)', 'x\u001B[2J\u001B[1;1Hy', 'xy'],
	['window title (OSC ended by BEL)', 'a\u001B]0;pwned\u0007b', 'ab'],
	['hyperlink (OSC ended by ST)', '\u001B]8;;https://example.com\u001B\\link\u001B]8;;\u001B\\', 'link'],
	['device control string (DCS)', 'a\u001BPq#0;2;0;0;0\u001B\\b', 'ab'],
	['two-character escape (RIS)', 'a\u001Bcb', 'ab'],
	['8-bit CSI', 'a\u009B31mb', 'ab'],
	['8-bit OSC', 'a\u009D0;title\u009Cb', 'ab'],
	['bell, backspace, carriage return and DEL', 'a\u0007b\u0008c\rd\u007Fe', 'abcde'],
	['a lone ESC at the end', 'text\u001B', 'text'],
	['NUL', 'a\u0000b', 'ab'],
	['clipboard write (OSC 52)', 'a\u001B]52;c;cm0gLXJmIH4=\u0007b', 'ab'],
	['bidi embeddings and overrides', 'a\u202A\u202B\u202C\u202D\u202Eb', 'ab'],
	['bidi isolates', 'a\u2066\u2067\u2068\u2069b', 'ab'],
	['zero-width space, joiners and word joiner', 'a\u200B\u200C\u200D\u2060b', 'ab'],
	['U+FEFF', 'a\uFEFFb', 'ab'],
	['LRM, RLM and ALM', 'a\u200E\u200F\u061Cb', 'ab'],
	['line and paragraph separators', 'a\u2028\u2029b', 'ab'],
	['a tag character outside the BMP', 'a\u{E0041}b', 'ab'],
];

for (const [kind, input, expected] of cases) {
	test(`strips ${kind}`, t => {
		t.is(stripControlSequences(input), expected);
	});
}

test('keeps tabs, newlines and non-ASCII text', t => {
	t.is(stripControlSequences('a\tb\nc é ü 日本'), 'a\tb\nc é ü 日本');
});

test('quotes a value as the API server does: JSON escapes, and every invisible character as \\uXXXX', t => {
	t.is(quoteValue('a\u0000\u001B[2J\u009B\u202E\u2066\u200B\uFEFF\u200F\u061C\u2028\n"b'), String.raw`"a\u0000\u001b[2J\u009b\u202e\u2066\u200b\ufeff\u200f\u061c\u2028\n\"b"`);
	t.is(quoteValue('a\u{E0041}b'), String.raw`"a\udb40\udc41b"`);
	t.is(quoteValue('web é 日本'), '"web é 日本"');
});

test('shows a kind bare when it is plain, quoted when it hides something', t => {
	t.is(bareOrQuoted('NetworkPolicy'), 'NetworkPolicy');
	t.is(bareOrQuoted('NetworkPolicy\u200B'), String.raw`"NetworkPolicy\u200b"`);
	t.is(bareOrQuoted('Network Policy'), '"Network Policy"');
	t.is(bareOrQuoted(''), '""');
});

test('JSON to print escapes the invisible characters of its strings, and reads back the same', t => {
	const value = {file: 'a\u009B\u202E\u200B\uFEFF\u2028\u{E0041}.yaml', list: ['\u0007\n']};
	const json = JSON.stringify(value, undefined, 2);
	const safe = terminalSafeJson(json);
	t.is(safe, '{\n  "file": "a\\u009b\\u202e\\u200b\\ufeff\\u2028\\udb40\\udc41.yaml",\n  "list": [\n    "\\u0007\\n"\n  ]\n}');
	t.deepEqual(JSON.parse(safe), value);
});
