// The linter `npm test` runs: typescript-eslint's type-aware recommended rules, so CI
// catches floating promises, unsafe `any` and dead code that review would otherwise have to.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'eslint.config.js']},
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: {projectService: {allowDefaultProject: ['bundle.js']}, tsconfigRootDir: import.meta.dirname},
		},
		rules: {
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
			'no-console': 'off',
			eqeqeq: ['error', 'always'],
			'prefer-const': 'error',
		},
	},
);
