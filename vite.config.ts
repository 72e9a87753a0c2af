import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// zh-CN unless the person chose otherwise; the choice lives in a cookie.
			strategy: ['cookie', 'baseLocale']
		})
	],
	test: {
		projects: [
			'./packages/core',
			{
				extends: true,
				test: {
					name: 'server',
					include: ['src/**/*.test.ts'],
					environment: 'node',
					testTimeout: 20_000
				}
			}
		]
	}
});
