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
		// Code that reaches the browser names each message statically (labels/labeller.ts): one lookup
		// by a computed key (`t(key)`) makes the bundler ship all two thousand messages to every page;
		// and it takes no zod (a quarter of the practice page's JavaScript was zod).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: [
			'src/lib/server/**',
			'src/**/*.server.ts',
			'src/**/+server.ts',
			'src/**/*.test.ts',
			'src/lib/i18n.ts',
			'src/lib/audit.ts',
			// the one place zod is built (the rule keeps the browser from importing these modules)
			'src/lib/schemas/**'
		],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$lib/i18n.ts',
							importNames: ['t', 'tIfAny'],
							message:
								'In the browser use m.key() or a label from $lib/labels (t(key) ships every message).'
						},
						{
							name: '$lib/audit.ts',
							allowTypeImports: true,
							message: 'The audit words are made on the server (they look messages up by code).'
						},
						{
							name: 'zod',
							allowTypeImports: true,
							message: 'Forms are checked on the server; the browser loads no zod.'
						}
					],
					patterns: [
						{
							// a schema module builds zod schemas when it loads: its constants would bring all of zod
							group: ['$lib/schemas/*', '!$lib/schemas/*enums.ts', '!$lib/schemas/limits.ts'],
							allowTypeImports: true,
							message:
								'The browser takes constants from $lib/schemas/*-enums.ts or limits.ts (no zod there).'
						}
					]
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
