// The JSON Schemas in schemas/ (for editors) agree with netpol-dojo's own loader: they accept the
// built-in pack, the fixture packs the loader accepts, the examples in docs/packs.md and README.md
// and what `pack init` writes; and they refuse what the loader refuses (an unknown key, a probe
// family that does not exist...), checked by a small validator of the keywords they use.
import {cpSync, mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {probeFamilies} from '../source/model/challenge.js';
import {documentsOf} from '../source/content/documents.js';
import {InputError} from '../source/model/input-error.js';
import {loadPack} from '../source/commands/load-content.js';
import {packTemplate} from '../source/content/pack-template.js';
import {type JsonSchema, unknownKeywords, validate} from './helpers/json-schema.js';

const root = path.resolve(import.meta.dirname, '../..');
const schemaNames = ['pack', 'challenge', 'cases', 'flows'] as const;
type SchemaName = typeof schemaNames[number];
const schemas = Object.fromEntries(schemaNames.map(name => [name, JSON.parse(readFileSync(path.join(root, 'schemas', `${name}.schema.json`), 'utf8')) as JsonSchema])) as Record<SchemaName, JsonSchema>;

/** A YAML file's one document, read as netpol-dojo reads it (YAML 1.1 scalars and all). */
function valueOf(text: string, file: string): unknown {
	const documents = documentsOf(text, file);
	if (documents.length !== 1) {
		throw new Error(`${file}: ${documents.length} documents`);
	}

	return documents[0]!.value;
}

function problemsOf(name: SchemaName, text: string, file = `${name}.yaml`): string[] {
	return validate(schemas[name], valueOf(text, file));
}

/** The files of a pack, each with the schemas it must meet. */
function packFiles(directory: string): Array<{file: string; schemas: SchemaName[]}> {
	const challenges = readdirSync(directory, {withFileTypes: true}).filter(entry => entry.isDirectory() && !entry.name.startsWith('.'));
	return [
		{file: path.join(directory, 'pack.yaml'), schemas: ['pack']},
		...challenges.flatMap(entry => [
			{file: path.join(directory, entry.name, 'challenge.yaml'), schemas: ['challenge'] as SchemaName[]},
			// Cases are flows with an expect each: both schemas hold.
			{file: path.join(directory, entry.name, 'cases.yaml'), schemas: ['cases', 'flows'] as SchemaName[]},
		]),
	];
}

test('the schemas are draft-07 JSON Schemas whose every keyword the validator checks', t => {
	for (const name of schemaNames) {
		t.is(schemas[name]['$schema'], 'http://json-schema.org/draft-07/schema#', name);
		t.deepEqual(unknownKeywords(schemas[name]), [], name);
	}
});

test('the validator refuses a keyword it does not know, rather than skipping its check', t => {
	t.throws(() => validate({type: 'string', format: 'email'}, 'x'), {message: 'the validator does not know the keyword format (at (the document))'});
});

test('the schemas accept every file of the built-in pack', t => {
	const files = packFiles(path.join(root, 'challenges'));
	t.true(files.length > 40);
	for (const {file, schemas: names} of files) {
		for (const name of names) {
			t.deepEqual(problemsOf(name, readFileSync(file, 'utf8'), file), [], `${path.relative(root, file)} against ${name}.schema.json`);
		}
	}
});

test('the built-in pack uses the optional keys (probesOff: see the docs\' example), so the schemas are checked on them too', t => {
	const challenges = packFiles(path.join(root, 'challenges')).filter(({schemas: names}) => names.includes('challenge'));
	const keys = new Set(challenges.flatMap(({file}) => Object.keys(valueOf(readFileSync(file, 'utf8'), file) as object)));
	for (const key of ['topics', 'minutes', 'helperPolicies']) {
		t.true(keys.has(key), key);
	}
});

test('the schemas accept the files of every fixture pack the loader reads without a problem', t => {
	const packs = path.join(root, 'test/fixtures/packs');
	let checked = 0;
	for (const name of readdirSync(packs)) {
		const directory = path.join(packs, name);
		if (!existsSync(path.join(directory, 'pack.yaml'))) {
			continue;
		}

		let problems;
		try {
			problems = loadPack(directory).problems;
		} catch (error) {
			if (error instanceof InputError) {
				continue;
			}

			throw error;
		}

		if (problems.length > 0) {
			continue;
		}

		checked++;
		for (const {file, schemas: names} of packFiles(directory)) {
			for (const schema of names) {
				t.deepEqual(problemsOf(schema, readFileSync(file, 'utf8'), file), [], `${path.relative(root, file)} against ${schema}.schema.json`);
			}
		}
	}

	t.true(checked >= 3, `${checked} fixture packs`);
});

test('the schemas accept what pack init writes', t => {
	const files = new Map(packTemplate('my-pack'));
	t.deepEqual(problemsOf('pack', files.get('pack.yaml')!), []);
	t.deepEqual(problemsOf('challenge', files.get('db-policy/challenge.yaml')!), []);
	t.deepEqual(problemsOf('cases', files.get('db-policy/cases.yaml')!), []);
});

/** The ```yaml blocks of a Markdown file. */
function yamlBlocks(file: string): string[] {
	return [...readFileSync(path.join(root, file), 'utf8').matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map(match => match[1]!);
}

test('the schemas accept the examples of docs/packs.md', t => {
	// The one-document blocks: cluster.yaml's example holds several objects.
	const blocks = yamlBlocks('docs/packs.md').map(text => documentsOf(text, 'docs/packs.md')).filter(documents => documents.length === 1).map(([document]) => ({value: document!.value as Record<string, unknown>}));
	const pack = blocks.filter(block => 'id' in block.value);
	const challenge = blocks.filter(block => 'difficulty' in block.value);
	const cases = blocks.filter(block => 'flows' in block.value);
	const probes = blocks.filter(block => 'probesOff' in block.value && !('title' in block.value));
	t.deepEqual([pack.length, challenge.length, cases.length, probes.length], [1, 1, 1, 1]);
	t.deepEqual(validate(schemas.pack, pack[0]!.value), []);
	t.deepEqual(validate(schemas.challenge, challenge[0]!.value), []);
	t.deepEqual(validate(schemas.cases, cases[0]!.value), []);
	// The probesOff example is a fragment of a challenge.yaml.
	t.deepEqual(validate(schemas.challenge, {...challenge[0]!.value, ...probes[0]!.value}), []);
});

test('the flows schema accepts the flows examples of README.md and the seed flows', t => {
	const flows = yamlBlocks('README.md').filter(text => text.startsWith('flows:'));
	t.is(flows.length, 1);
	t.deepEqual(problemsOf('flows', flows[0]!), []);
	t.deepEqual(problemsOf('flows', readFileSync(path.join(root, 'test/fixtures/seed/flows.yaml'), 'utf8')), []);
	// A flows file may be JSON.
	t.deepEqual(problemsOf('flows', '{"flows": [{"from": "default/api", "to": "203.0.113.7", "port": 443, "protocol": "UDP"}]}'), []);
});

test('the probe families of the challenge schema are the ones grading knows', t => {
	const probesOff = (schemas.challenge['properties'] as Record<string, JsonSchema>)['probesOff']!;
	t.deepEqual((probesOff['propertyNames'] as {enum: string[]}).enum, [...probeFamilies]);
});

test('the schemas name exactly the keys the loader reads', t => {
	const keys = (name: SchemaName) => Object.keys(schemas[name]['properties'] as object);
	t.deepEqual(keys('pack'), ['id', 'title', 'version', 'author', 'description']);
	t.deepEqual(keys('challenge'), ['title', 'difficulty', 'topics', 'task', 'hints', 'policies', 'minutes', 'probesOff', 'helperPolicies']);
	for (const name of ['cases', 'flows'] as const) {
		const flows = (schemas[name]['properties'] as Record<string, JsonSchema>)['flows']!;
		t.deepEqual(Object.keys((flows['items'] as JsonSchema)['properties'] as object), ['from', 'to', 'port', 'protocol', 'expect'], name);
	}
});

// Mistakes: the schema's words for each, and the loader refuses the same file.

const cleanPack = path.join(root, 'test/fixtures/packs/clean');
const cleanChallenge = readFileSync(path.join(cleanPack, 'db-policy/challenge.yaml'), 'utf8');
const cleanCases = readFileSync(path.join(cleanPack, 'db-policy/cases.yaml'), 'utf8');

/** The loader's problems with the clean pack after one file is replaced. */
function loaderProblems(file: string, text: string): string[] {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-schema-'));
	cpSync(cleanPack, directory, {recursive: true});
	writeFileSync(path.join(directory, file), text);
	try {
		return loadPack(directory).problems.map(problem => problem.message);
	} catch (error) {
		if (error instanceof InputError) {
			return error.problems.map(problem => problem.message);
		}

		throw error;
	}
}

const refused = test.macro({
	exec(t, file: string, schema: SchemaName, text: string, expected: readonly string[]) {
		t.deepEqual(problemsOf(schema, text), expected);
		t.not(loaderProblems(file, text).length, 0, 'the loader refuses it too');
	},
	title: providedTitle => `refused by the schema and by the loader: ${providedTitle ?? ''}`,
});

test('an unknown key in pack.yaml', refused, 'pack.yaml', 'pack', `${readFileSync(path.join(cleanPack, 'pack.yaml'), 'utf8')}licence: MIT\n`, ['licence: is not a known key']);
test('a pack id that is not one', refused, 'pack.yaml', 'pack', readFileSync(path.join(cleanPack, 'pack.yaml'), 'utf8').replace(/^id: .*$/m, 'id: My_Pack'), ['id: "My_Pack" does not match ^[a-z0-9][a-z0-9-]*$']);
test('an unknown key in challenge.yaml', refused, 'db-policy/challenge.yaml', 'challenge', `${cleanChallenge}minute: 6\n`, ['minute: is not a known key']);
test('a difficulty that does not exist', refused, 'db-policy/challenge.yaml', 'challenge', cleanChallenge.replace('difficulty: easy', 'difficulty: trivial'), ['difficulty: "trivial" is not one of "easy", "medium", "hard"']);
test('minutes below 1', refused, 'db-policy/challenge.yaml', 'challenge', `${cleanChallenge}minutes: 0\n`, ['minutes: 0 is less than 1']);
test('a probe family that does not exist', refused, 'db-policy/challenge.yaml', 'challenge', `${cleanChallenge}probesOff:\n  label-changed: the class has not met label values\n`, [
	`probesOff.label-changed: "label-changed" is not one of ${probeFamilies.map(family => `"${family}"`).join(', ')} (a key)`,
]);
test('a probe family off without a reason', refused, 'db-policy/challenge.yaml', 'challenge', `${cleanChallenge}probesOff:\n  replica: " "\n`, ['probesOff.replica: " " does not match \\S']);
test('helperPolicies that is not true or false', refused, 'db-policy/challenge.yaml', 'challenge', `${cleanChallenge}helperPolicies: "no"\n`, ['helperPolicies: is string, not boolean']);
test('an unknown key in a policies entry', refused, 'db-policy/challenge.yaml', 'challenge', cleanChallenge.replace('{name: db-policy, namespace: default}', '{name: db-policy, namespace: default, kind: NetworkPolicy}'), ['policies.0.kind: is not a known key']);
test('no hints', refused, 'db-policy/challenge.yaml', 'challenge', cleanChallenge.replace(/hints:\n(?: {2}- .*\n)+/, ''), ['(the document): lacks the required key hints']);
test('an unknown key in a case', refused, 'db-policy/cases.yaml', 'cases', cleanCases.replace('expect: allow', 'expected: allow'), ['flows.0: lacks the required key expect', 'flows.0.expected: is not a known key']);
test('a case without expect', refused, 'db-policy/cases.yaml', 'cases', cleanCases.replace(', expect: allow', ''), ['flows.0: lacks the required key expect']);

test('the flows schema takes a flow without expect, and refuses a quoted port and a protocol in lower case', t => {
	t.deepEqual(problemsOf('flows', 'flows:\n  - {from: default/web, to: default/db, port: 3306}\n'), []);
	t.deepEqual(problemsOf('flows', 'flows:\n  - {from: default/web, to: default/db, port: "3306", protocol: udp}\n'), [
		'flows.0.port: is string, not integer',
		'flows.0.protocol: "udp" is not one of "TCP", "UDP", "SCTP"',
	]);
	t.deepEqual(problemsOf('flows', 'flows: []\n'), ['flows: has 0 items, fewer than 1']);
});

test('docs/packs.md shows the line to put at the top of each file, naming a schema that ships', t => {
	const guide = readFileSync(path.join(root, 'docs/packs.md'), 'utf8');
	for (const [file, line] of [
		['pack.yaml', '# yaml-language-server: $schema=node_modules/netpol-dojo/schemas/pack.schema.json'],
		['challenge.yaml', '# yaml-language-server: $schema=../node_modules/netpol-dojo/schemas/challenge.schema.json'],
		['cases.yaml', '# yaml-language-server: $schema=../node_modules/netpol-dojo/schemas/cases.schema.json'],
		['a flows file', '# yaml-language-server: $schema=<path to>/netpol-dojo/schemas/flows.schema.json'],
	]) {
		t.true(guide.includes(`${file}\` | \`${line}\` |`) || guide.includes(`| ${file} | \`${line}\` |`), file);
	}

	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {files: string[]};
	t.true(manifest.files.includes('schemas'));
	t.deepEqual(readdirSync(path.join(root, 'schemas')).sort(), schemaNames.map(name => `${name}.schema.json`).sort());
});
