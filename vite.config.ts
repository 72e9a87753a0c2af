import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { WORKERS, bundleWorker, workerFile } from './scripts/workers.mjs';

/**
 * Writes the worker threads' entries (separate bundles: see scripts/workers.mjs) beside the built
 * server, after the adapter has written build/.
 */
function workers(): Plugin {
	let ssr = false;
	return {
		name: 'xuefa-workers',
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
		},
		closeBundle: {
			order: 'post',
			sequential: true,
			async handler() {
				if (!ssr) return;
				for (const name of Object.keys(WORKERS) as (keyof typeof WORKERS)[])
					await bundleWorker(name, `build/${workerFile(name)}`, process.cwd());
			}
		}
	};
}

/**
 * The workspace's @xuefa/core is read from its TypeScript sources (its package.json maps this
 * export condition to src/), so dev, tests and the app's build never wait for, or run against a
 * stale, dist/. Published, the package exports the built dist/ (packages/core/README.md).
 */
const CORE_SOURCE = '@xuefa/source';

export default defineConfig({
	plugins: [
		sveltekit(),
		// `npm test` compiles the messages once, then builds the app while the unit tests run: a compile
		// in each would clear and rewrite src/lib/paraglide while the other reads it
		...(process.env.XUEFA_MESSAGES_COMPILED
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						// zh-CN unless the person chose otherwise; the choice lives in a cookie.
						strategy: ['cookie', 'baseLocale']
					})
				]),
		workers()
	],
	resolve: { conditions: [CORE_SOURCE, ...defaultClientConditions] },
	// terser, not esbuild: a phone downloads 5 % less JavaScript (the exam page 59 KB gzipped instead of
	// 62, within issue 12's 60), for some seconds more of build. Vite would minify the server's build
	// too (the setting wins over its default there): it stays as written, for readable stack traces
	// and error names in the log
	build: { minify: 'terser' },
	environments: { ssr: { build: { minify: false } } },
	// the workspace library is read as TypeScript sources: let Vite transform it for the server too
	ssr: {
		noExternal: ['@xuefa/core'],
		resolve: { conditions: [CORE_SOURCE, ...defaultServerConditions] }
	},
	test: {
		projects: [
			'./packages/core',
			{
				extends: true,
				test: {
					name: 'server',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					benchmark: { include: ['src/**/*.bench.ts'] },
					environment: 'node',
					// the JSON log lines of the code under test would drown vitest's report
					env: { LOG_LEVEL: 'silent' },
					// each file makes its own database; sharing the loaded modules between the files of a
					// worker saves most of the run's time (importing SvelteKit and drizzle again per file)
					isolate: false,
					testTimeout: 20_000
				}
			}
		]
	}
});
