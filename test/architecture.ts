// The evaluator and the Kubernetes object layer are pure libraries (STYLE.md, example 1): no
// I/O, no YAML, no React. This test keeps that from depending on code review.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';

const root = path.resolve(import.meta.dirname, '../..');
const pureFolders = ['source/evaluator', 'source/kube', 'source/format', 'source/grading'];
const forbidden = /^(?:node:|fs$|path$|yaml$|react|ink)/;

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(match => match[1] ?? match[2]!);
}

for (const folder of pureFolders) {
	test(`${folder} imports nothing with side effects (node:, yaml, react, ink)`, t => {
		const files = readdirSync(path.join(root, folder)).filter(name => name.endsWith('.ts'));
		t.true(files.length > 0);
		const offending = files.flatMap(name => importsOf(path.join(root, folder, name))
			.filter(specifier => forbidden.test(specifier))
			.map(specifier => `${name} imports ${specifier}`));
		t.deepEqual(offending, []);
	});
}

test('the app\'s state, keys and predictions are pure: no node:, yaml, React or ink', t => {
	const files = [
		'source/tui/state.ts',
		'source/tui/challenge-state.ts',
		'source/tui/drill-state.ts',
		'source/tui/exam-state.ts',
		'source/tui/drill.ts',
		'source/tui/exam.ts',
		'source/tui/keys.ts',
		'source/tui/predictions.ts',
		'source/progress/model.ts',
		'source/progress/challenge-model.ts',
		'source/progress/saved-exam.ts',
	];
	const offending = files.flatMap(file => importsOf(path.join(root, file)).filter(specifier => forbidden.test(specifier)).map(specifier => `${file} imports ${specifier}`));
	t.deepEqual(offending, []);
});

test('headless commands never import ink or React', t => {
	const folders = ['source/commands', 'source/content'];
	// commands/tui.tsx is the app itself; every other command is headless.
	const offending = folders.flatMap(folder => readdirSync(path.join(root, folder))
		.filter(name => name.endsWith('.ts'))
		.flatMap(name => importsOf(path.join(root, folder, name))
			.filter(specifier => /^(?:react|ink)/.test(specifier))
			.map(specifier => `${folder}/${name} imports ${specifier}`)));
	t.deepEqual(offending, []);
});
