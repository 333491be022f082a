// One control sequence kind per test, as ink's test/sanitize-ansi.ts does.
import test from 'ava';
import {stripControlSequences} from '../source/content/sanitize.js';

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
];

for (const [kind, input, expected] of cases) {
	test(`strips ${kind}`, t => {
		t.is(stripControlSequences(input), expected);
	});
}

test('keeps tabs, newlines and non-ASCII text', t => {
	t.is(stripControlSequences('a\tb\nc é ü 日本'), 'a\tb\nc é ü 日本');
});
