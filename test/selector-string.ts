// The `kubectl get -l` selector string, held to apimachinery's labels.Parse: the documented
// examples, its errors word for word, and a property test that any requirement list, written
// with any spacing and either spelling of equals, reads back as itself and selects exactly the
// pods a LabelSelector with the same requirements selects.
import test from 'ava';
import fc from 'fast-check';
import {requirementMatches} from '../source/evaluator/index.js';
import {type ParsedSelector, parseSelectorString, selectorStringMatches, type StringRequirement} from '../source/kube/selector-string.js';
import type {Labels, Requirement} from '../source/model/kubernetes.js';

const requirementsOf = (parsed: ParsedSelector) => ('requirements' in parsed ? parsed.requirements : parsed.error);

test('the examples of the Kubernetes documentation on labels', t => {
	t.deepEqual(requirementsOf(parseSelectorString('environment=production,tier!=frontend')), [
		{key: 'environment', operator: '=', values: ['production']},
		{key: 'tier', operator: '!=', values: ['frontend']},
	]);
	t.deepEqual(requirementsOf(parseSelectorString('environment in (production, qa)')), [{key: 'environment', operator: 'in', values: ['production', 'qa']}]);
	t.deepEqual(requirementsOf(parseSelectorString('tier notin (frontend,backend)')), [{key: 'tier', operator: 'notin', values: ['frontend', 'backend']}]);
	t.deepEqual(requirementsOf(parseSelectorString('partition')), [{key: 'partition', operator: 'exists', values: []}]);
	t.deepEqual(requirementsOf(parseSelectorString('!partition')), [{key: 'partition', operator: '!', values: []}]);
	t.deepEqual(requirementsOf(parseSelectorString('app.kubernetes.io/name==web')), [{key: 'app.kubernetes.io/name', operator: '==', values: ['web']}]);
});

test('labels.Parse\'s own example: empty values between commas and in an empty set', t => {
	t.deepEqual(requirementsOf(parseSelectorString('x in (foo,,baz),y,z notin ()')), [
		{key: 'x', operator: 'in', values: ['foo', '', 'baz']},
		{key: 'y', operator: 'exists', values: []},
		{key: 'z', operator: 'notin', values: ['']},
	]);
	t.deepEqual(requirementsOf(parseSelectorString('a=')), [{key: 'a', operator: '=', values: ['']}], 'a value may be empty');
	t.deepEqual(requirementsOf(parseSelectorString('')), [], 'an empty string selects everything');
	t.deepEqual(requirementsOf(parseSelectorString('in=notin,notin in (in)')), [
		{key: 'in', operator: '=', values: ['notin']},
		{key: 'notin', operator: 'in', values: ['in']},
	], 'in and notin are words only where an operator is expected');
	t.deepEqual(requirementsOf(parseSelectorString('replicas>2,generation < 10')), [
		{key: 'replicas', operator: 'gt', values: ['2']},
		{key: 'generation', operator: 'lt', values: ['10']},
	]);
});

test('errors are worded as kubectl prints them after "error: "', t => {
	t.is(requirementsOf(parseSelectorString('a in b')), 'unable to parse requirement: found \'b\' expected: \'(\'');
	t.is(requirementsOf(parseSelectorString('a b')), 'unable to parse requirement: found \'b\', expected: \'=\', \'!=\', \'==\', \'in\', notin\'');
	t.is(requirementsOf(parseSelectorString('a,,b')), 'found \',\', expected: identifier after \',\'');
	t.is(requirementsOf(parseSelectorString(',a')), 'found \',\', expected: !, identifier, or \'end of string\'');
	t.is(requirementsOf(parseSelectorString('a=b c')), 'found \'c\', expected: \',\' or \'end of string\'');
	t.is(requirementsOf(parseSelectorString('a in (b c)')), 'unable to parse requirement: found \'c\', expected: \',\' or \')\'');
	t.is(requirementsOf(parseSelectorString('a in (=)')), 'unable to parse requirement: found \'=\', expected: \',\', \')\' or identifier');
	t.is(requirementsOf(parseSelectorString('!=a')), 'found \'!=\', expected: !, identifier, or \'end of string\'', '!= is one token');
	t.is(requirementsOf(parseSelectorString('! =a')), 'unable to parse requirement: found \'=\', expected: identifier');
	t.is(requirementsOf(parseSelectorString('a>x')), 'unable to parse requirement: values[0]: Invalid value: "x": for \'Gt\', \'Lt\' operators, the value must be an integer');
	t.regex(requirementsOf(parseSelectorString('-a=b')) as string, /^unable to parse requirement: Invalid value: "-a": name part must consist of alphanumeric characters/);
	t.regex(requirementsOf(parseSelectorString('app=-web')) as string, /^unable to parse requirement: values\[0\]\[app\]: Invalid value: "-web": a valid label must be an empty string or consist of/);
});

test('matching: != and notin also select pods without the key; gt and lt need an integer label', t => {
	const select = (selector: string, labels: Labels) => {
		const parsed = parseSelectorString(selector);
		return 'requirements' in parsed && selectorStringMatches(parsed.requirements, labels);
	};
	t.true(select('tier!=db', {}));
	t.false(select('tier!=db', {tier: 'db'}));
	t.true(select('tier notin (db)', {app: 'web'}));
	t.false(select('tier in (db)', {}));
	t.true(select('a,!b', {a: ''}));
	t.false(select('a,!b', {a: '', b: 'x'}));
	t.true(select('replicas>2', {replicas: '3'}));
	t.false(select('replicas>2', {replicas: 'three'}));
	t.false(select('replicas>2', {}));
	t.true(select('', {any: 'thing'}));
});

// The requirements a LabelSelector's matchExpressions can say, to check matching against the evaluator's.
const asExpression = (requirement: StringRequirement): Requirement => {
	switch (requirement.operator) {
		case '=':
		case '==':
		case 'in': {
			return {key: requirement.key, operator: 'In', values: requirement.values};
		}

		case '!=':
		case 'notin': {
			return {key: requirement.key, operator: 'NotIn', values: requirement.values};
		}

		case 'exists': {
			return {key: requirement.key, operator: 'Exists', values: []};
		}

		default: {
			return {key: requirement.key, operator: 'DoesNotExist', values: []};
		}
	}
};

const keys = fc.constantFrom('app', 'tier', 'in', 'notin', 'example.com/team', 'a.b_c-d');
const values = fc.constantFrom('', 'web', 'db', 'in', 'notin', 'v1.2_3-x');
const space = fc.constantFrom('', ' ', '  ', '\t');
const requirementArbitrary: fc.Arbitrary<StringRequirement> = fc.oneof(
	fc.record({key: keys, operator: fc.constantFrom('=' as const, '==' as const, '!=' as const), values: values.map(value => [value])}),
	fc.record({key: keys, operator: fc.constantFrom('in' as const, 'notin' as const), values: fc.uniqueArray(values.filter(value => value !== ''), {minLength: 1, maxLength: 3})}),
	fc.record({key: keys, operator: fc.constantFrom('exists' as const, '!' as const), values: fc.constant([])}),
);

function written(requirement: StringRequirement, gaps: readonly string[]): string {
	const [a = '', b = '', c = ''] = gaps;
	switch (requirement.operator) {
		case 'exists': {
			return `${a}${requirement.key}${b}`;
		}

		case '!': {
			return `${a}!${b}${requirement.key}${c}`;
		}

		case 'in':
		case 'notin': {
			return `${a}${requirement.key} ${requirement.operator}${b}(${requirement.values.join(`${c},${b}`)})${c}`;
		}

		default: {
			return `${a}${requirement.key}${b}${requirement.operator}${c}${requirement.values[0]!}${requirement.values[0] === '' ? '' : a}`;
		}
	}
}

test('property: any requirements, however spaced, read back as themselves and select as a LabelSelector does', t => {
	fc.assert(fc.property(
		fc.array(fc.tuple(requirementArbitrary, fc.array(space, {minLength: 3, maxLength: 3})), {maxLength: 4}),
		fc.dictionary(keys, values),
		(pairs, labels) => {
			const text = pairs.map(([requirement, gaps]) => written(requirement, gaps)).join(',');
			const parsed = parseSelectorString(text);
			t.deepEqual(requirementsOf(parsed), pairs.map(([requirement]) => requirement), text);
			const expected = pairs.every(([requirement]) => requirementMatches(asExpression(requirement), labels));
			return selectorStringMatches(pairs.map(([requirement]) => requirement), labels) === expected;
		},
	), {numRuns: 2000});
});
