// The house's rules, read from the source files so they never depend on code review: imports
// only point down the layers (README, "Layout"), no file imports itself round a cycle (type
// imports included), and the pure layers import nothing with side effects (STYLE.md, example 1).
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {type SourceFile, importCycles, importsAgainstLayers, layers, sideEffectImports} from './helpers/import-graph.js';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): SourceFile[] {
	return readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
		.filter(name => /\.tsx?$/.test(name))
		.map(name => ({path: path.posix.join(folder, name.split(path.sep).join('/')), text: readFileSync(path.join(root, folder, name), 'utf8')}));
}

const files = sourceFiles('source');

test('every folder of source/ has its place in the layers', t => {
	const folders = new Set(files.map(file => file.path.split('/')[1]!).filter(name => !/\.tsx?$/.test(name)));
	t.deepEqual([...folders].filter(folder => !(folder in layers)), []);
});

test('imports only point down the layers: model, kube, evaluator, grading, format; content, progress; tui, kubectl; commands; cli', t => {
	t.deepEqual(importsAgainstLayers(files), []);
});

test('no file imports itself round a cycle, type imports included', t => {
	t.deepEqual(importCycles(files), []);
});

test('the pure layers import nothing with side effects (node:, yaml, react, ink)', t => {
	t.deepEqual(sideEffectImports(files), []);
});

test('the layer check fails on an import against the direction', t => {
	const planted = [...files, {path: 'source/evaluator/planted.ts', text: 'import {grade} from \'../grading/grade.js\';\n'}];
	t.deepEqual(importsAgainstLayers(planted), ['source/evaluator/planted.ts imports source/grading/grade.ts: evaluator/ may import model/, kube/']);
});

test('the layer check fails on an import that goes round the evaluator\'s index', t => {
	const planted = [...files, {path: 'source/grading/planted.ts', text: 'import {decide} from \'../evaluator/decide.js\';\n'}];
	t.deepEqual(importsAgainstLayers(planted), ['source/grading/planted.ts imports source/evaluator/decide.ts: other folders use evaluator/ through source/evaluator/index.ts']);
});

test('the cycle check fails on a cycle, even of type imports', t => {
	const planted = [
		...files,
		{path: 'source/grading/planted-a.ts', text: 'import type {B} from \'./planted-b.js\';\n'},
		{path: 'source/grading/planted-b.ts', text: 'export type {A} from \'./planted-a.js\';\n'},
	];
	t.deepEqual(importCycles(planted), ['source/grading/planted-a.ts -> source/grading/planted-b.ts -> source/grading/planted-a.ts']);
});

test('headless commands never import ink or React', t => {
	// commands/tui.tsx is the app itself; every other command is headless.
	const offending = files
		.filter(file => /^source\/(?:commands|content|cli|kubectl)\/.*\.ts$/.test(file.path))
		.flatMap(file => file.text.match(/from '(?:react|ink)[^']*'/g)?.map(specifier => `${file.path} ${specifier}`) ?? []);
	t.deepEqual(offending, []);
});
