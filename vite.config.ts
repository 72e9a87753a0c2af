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
	// the workspace library ships TypeScript sources: let Vite transform it for the server too
	ssr: { noExternal: ['@xuefa/core'] },
	test: {
		projects: [
			'./packages/core',
			{
				extends: true,
				// the workspace library ships TypeScript sources: let Vite transform it for the server too
				ssr: { noExternal: ['@xuefa/core'] },
				test: {
					name: 'server',
					include: ['src/**/*.test.ts'],
					environment: 'node',
					// the JSON log lines of the code under test would drown vitest's report
					env: { LOG_LEVEL: 'silent' },
					testTimeout: 20_000
				}
			}
		]
	}
});
