// Random labels and label selectors for property tests, over a small domain of keys and values
// so that selectors match often enough to say something.
import fc from 'fast-check';
import type {Labels, LabelSelector, Requirement} from '../../source/model/kubernetes.js';
import {selector} from './builders.js';

/** Label keys and the values each may take. */
export type Domain = Readonly<Record<string, readonly string[]>>;

/** Labels of the domain, each key present with probability about 1 in `freq`. */
export function labelsArbitrary(domain: Domain, freq: number): fc.Arbitrary<Labels> {
	const model = Object.fromEntries(Object.entries(domain).map(([key, values]) => [key, fc.option(fc.constantFrom(...values), {freq})]));
	return fc.record(model).map(entries => Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== null)));
}

function requirementArbitrary(domain: Domain): fc.Arbitrary<Requirement> {
	return fc.constantFrom(...Object.keys(domain), 'absent').chain(key => fc.oneof(
		fc.record({operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.subarray([...domain[key] ?? ['x']], {minLength: 1})}),
		fc.record({operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const), values: fc.constant([])}),
	).map(requirement => ({key, ...requirement})));
}

// Mostly empty or one pair: a selector with many labels rarely matches anything.
function matchLabelsArbitrary(domain: Domain): fc.Arbitrary<Labels> {
	const onePair = fc.constantFrom(...Object.keys(domain)).chain(key => fc.constantFrom(...domain[key]!).map(value => ({[key]: value})));
	return fc.oneof({weight: 3, arbitrary: fc.constant({})}, {weight: 2, arbitrary: onePair}, {weight: 1, arbitrary: labelsArbitrary(domain, 2)});
}

/** A selector of the domain: matchLabels mostly empty or one pair, and up to two expressions. */
export function selectorArbitrary(domain: Domain): fc.Arbitrary<LabelSelector> {
	return fc.record({
		matchLabels: matchLabelsArbitrary(domain),
		matchExpressions: fc.array(requirementArbitrary(domain), {maxLength: 2}),
	}).map(({matchLabels, matchExpressions}) => selector(matchLabels, matchExpressions));
}

