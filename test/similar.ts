import test from 'ava';
import fc from 'fast-check';
import {editDistance, similarTo} from '../source/model/similar.js';

test('edit distance counts inserts, deletes, replaces and a swap of neighbours as one edit each', t => {
	t.is(editDistance('pack', 'pack'), 0);
	t.is(editDistance('pakc', 'pack'), 1);
	t.is(editDistance('evl', 'eval'), 1);
	t.is(editDistance('kitten', 'sitting'), 3);
	t.is(editDistance('', 'abc'), 3);
	t.is(editDistance('ab', 'ba'), 1);
});

test('edit distance is symmetric, zero only for equal texts, and never more than the longer length', t => {
	t.notThrows(() => {
		fc.assert(fc.property(fc.string({maxLength: 8}), fc.string({maxLength: 8}), (left, right) => {
			const distance = editDistance(left, right);
			return distance === editDistance(right, left) && (distance === 0) === (left === right) && distance <= Math.max(left.length, right.length);
		}));
	});
});

test('suggestions: a swapped pair of letters is found, a far word is not', t => {
	t.deepEqual(similarTo('pakc', ['pack', 'help', 'version']), ['pack']);
	t.deepEqual(similarTo('matrx', ['matrix', 'lint']), ['matrix']);
	t.deepEqual(similarTo('frobnicate', ['eval', 'grade']), []);
});
