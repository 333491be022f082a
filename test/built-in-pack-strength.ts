// The built-in pack passes its own pack validate with nothing to report: every case can fail,
// and the proof refuses every near-miss mutant of every reference solution that behaves
// differently on the challenge's cluster or its probe objects (no probe family is off).
import path from 'node:path';
import test from 'ava';
import {isRefused, validatePack} from '../source/commands/pack-validate.js';

const root = path.resolve(import.meta.dirname, '../..');
const validation = validatePack(path.join(root, 'challenges'));

test('the built-in pack validates with no error and no warning, even with --strict', t => {
	t.deepEqual(validation.problems, []);
	t.false(isRefused(validation, true));
});

for (const challenge of validation.challenges) {
	test(`${challenge.id}: the proof refuses every near-miss mutant that is a mistake`, t => {
		const strength = validation.strengths.get(challenge.id);
		t.deepEqual(strength?.survivors, []);
		// A task that asks only for labels has no policy to mutate; every other reference has mutants.
		t.true((strength?.counted ?? 0) > 0 || challenge.solution.length === 0);
	});
}
