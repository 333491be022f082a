// The eval table: one line a flow for pipes, the WHY column wrapped to a terminal.
import test from 'ava';
import {noColors} from '../source/format/color.js';
import {evalTable} from '../source/format/eval-output.js';
import {wrapText} from '../source/format/wrap.js';

const results = {
	flows: [{from: 'default/web', to: 'default/db', port: 3306, protocol: 'TCP' as const, expect: 'deny' as const}],
	verdicts: ['deny' as const],
	reasons: ['NetworkPolicy \'default/db-policy\' selects default/db for ingress, and no rule allows from default/web on 3306/TCP'],
};

test('wrapText breaks at spaces within the width, and cuts a word longer than the width', t => {
	t.deepEqual(wrapText('no rule allows from default/web', 12), ['no rule', 'allows from', 'default/web']);
	t.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
});

test('without a terminal width each flow stays on one line', t => {
	const lines = evalTable(results, noColors).split('\n');
	t.is(lines[1], `default/web  default/db  3306/TCP  deny     ok      ${results.reasons[0]!}`);
	t.is(lines[3], '1 flow: 0 allowed, 1 denied; 1 expectation held, 0 failed');
});

test('on a wide terminal the WHY column wraps under itself', t => {
	const lines = evalTable(results, noColors, 100).split('\n');
	t.true(lines.every(line => line.length <= 100), lines.join('\n'));
	t.is(lines[1], 'default/web  default/db  3306/TCP  deny     ok      NetworkPolicy \'default/db-policy\' selects');
	t.is(lines[2], `${' '.repeat(52)}default/db for ingress, and no rule allows from`);
});

test('on a narrow terminal the WHY text goes below its row, indented', t => {
	const lines = evalTable(results, noColors, 60).split('\n');
	t.is(lines[1], 'default/web  default/db  3306/TCP  deny     ok');
	t.true(lines[2]!.startsWith('    NetworkPolicy \'default/db-policy\''));
	t.true(lines.every(line => line.length <= 60), lines.join('\n'));
});
