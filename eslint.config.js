import prettier from 'eslint-config-prettier';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'drizzle/',
			'data/',
			'test-results/',
			'playwright-report/',
			'packages/core/dist/',
			'packages/core/docs/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: {
					allowDefaultProject: ['drizzle.config.ts', 'playwright.config.ts', 'scripts/*.ts']
				},
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			// typed rules: a forgotten await on a write is a half-done mutation
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': [
				'error',
				{ checksVoidReturn: { attributes: false } }
			],
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }
			],
			'no-undef': 'off',
			// the app is served at the root, without paths.base: plain hrefs are the right links
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Components are checked by svelte-check; type-aware lint on every .svelte file costs minutes
		// (one program per component). The typed rules guard the server code, where writes happen.
		files: ['**/*.svelte'],
		...ts.configs.disableTypeChecked,
		languageOptions: {
			parserOptions: {
				projectService: false,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		...ts.configs.disableTypeChecked
	},
	{
		// every setting of the app is read in one place, so each has one name, default and meaning
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/server/config.ts'],
		rules: {
			'no-restricted-properties': [
				'error',
				{
					object: 'process',
					property: 'env',
					message: 'Read settings through readConfig() in src/lib/server/config.ts.'
				}
			]
		}
	},
	{
		// every spec's pages are checked with axe-core: that needs the extended `test` of tests/helpers.ts
		files: ['tests/**/*.ts'],
		ignores: ['tests/a11y/fixture.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '@playwright/test',
							importNames: ['test', 'expect'],
							message:
								"Import test and expect from './helpers.ts': its test checks every page with axe-core."
						}
					]
				}
			]
		}
	}
);
