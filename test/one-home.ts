// Small helpers live in one place, and comments point at documentation that exists: both read
// the source files, so that neither depends on code review.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {isEmptySelector} from '../source/kube/label-selector.js';
import {peersField, policyTypeOf} from '../source/evaluator/index.js';
import {selector} from './helpers/builders.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Every .ts and .tsx file under source/, as a path relative to the repository. */
function sourceFiles(folder = 'source'): string[] {
	return readdirSync(path.join(root, folder), {withFileTypes: true}).flatMap(entry => {
		const relative = `${folder}/${entry.name}`;
		if (entry.isDirectory()) {
			return sourceFiles(relative);
		}

		return /\.tsx?$/.test(entry.name) ? [relative] : [];
	});
}

// Their owner is switching these to the shared helpers; drop each from the list once it has.
const pending = new Set<string>();

test('the direction maps and the empty-selector check are written once, where everything imports them from', t => {
	const copies = (pattern: RegExp) => sourceFiles().filter(file => !pending.has(file) && pattern.test(readFileSync(path.join(root, file), 'utf8')));
	t.deepEqual(copies(/\{ingress: 'from', egress: 'to'\}/), ['source/evaluator/types.ts']);
	t.deepEqual(copies(/\{ingress: 'Ingress', egress: 'Egress'\}/), ['source/evaluator/types.ts']);
	t.deepEqual(copies(/matchLabels\)\.length === 0 && \w+(?:\.\w+)*\.matchExpressions\.length === 0/), ['source/kube/label-selector.ts']);
	t.true(isEmptySelector(selector()));
	t.false(isEmptySelector(selector({}, [{key: 'app', operator: 'Exists', values: []}])));
	t.deepEqual([peersField.ingress, peersField.egress, policyTypeOf.ingress, policyTypeOf.egress], ['from', 'to', 'Ingress', 'Egress']);
});

test('comments cite only CONTRACT.md sections it has: the JSON of explain, matrix, diff and lint is in README.md', t => {
	// CONTRACT.md is fixed and documents `eval --json` alone; the other documents are the README's.
	const citations = sourceFiles().flatMap(file => [...readFileSync(path.join(root, file), 'utf8').matchAll(/CONTRACT\.md, "Output of (\S+) --json"/g)]
		.filter(match => match[1] !== 'eval')
		.map(match => `${file}: ${match[0]}`));
	t.deepEqual(citations, []);
});
