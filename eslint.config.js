// The linter `npm test` runs: typescript-eslint's type-aware recommended rules, so CI
// catches floating promises, unsafe `any` and dead code that review would otherwise have to.
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';

// npm test runs eslint with --cache, which reuses a file's result while that file's text and the
// config are unchanged. The type-aware rules read other files too: when a function's return type
// turns to any in one file, its callers elsewhere break no-unsafe-* without changing. So the
// config carries a hash of everything the type checker reads (every script in the repository,
// the tsconfig, the installed packages' lock): any change relints every file, and the cache only
// saves the run in which nothing changed, never hiding a failure.
function typeCheckerInputsHash() {
	const hash = createHash('sha256');
	const skipped = new Set(['node_modules', 'dist', '.git', '.cache']);
	const files = [];
	const walk = folder => {
		for (const entry of readdirSync(folder, {withFileTypes: true})) {
			const file = path.join(folder, entry.name);
			if (entry.isDirectory() && !skipped.has(entry.name)) {
				walk(file);
			} else if (entry.isFile() && /\.(?:[cm]?[jt]sx?|json)$/.test(entry.name)) {
				files.push(file);
			}
		}
	};

	walk(import.meta.dirname);
	const installed = path.join(import.meta.dirname, 'node_modules/.package-lock.json');
	if (existsSync(installed)) {
		files.push(installed);
	}

	for (const file of files.sort()) {
		hash.update(`${path.relative(import.meta.dirname, file)}\0`).update(readFileSync(file)).update('\0');
	}

	return hash.digest('hex');
}

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', '.cache/', 'eslint.config.js']},
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: {projectService: {allowDefaultProject: ['bundle.js']}, tsconfigRootDir: import.meta.dirname},
		},
		settings: {typeCheckerInputs: typeCheckerInputsHash()},
		rules: {
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
			'no-console': 'off',
			eqeqeq: ['error', 'always'],
			'prefer-const': 'error',
		},
	},
);
