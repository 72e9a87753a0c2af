import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The app's version, the same in every process that loads this file: the commit, or the package's
 * version outside a git checkout. SvelteKit's default (the time the config was loaded) differed
 * between the build and a test run that regenerated SvelteKit's files beside it, so the pages and
 * their scripts could come from two "versions" and never hydrate.
 */
function versionName() {
	try {
		return execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
			.toString()
			.trim();
	} catch {
		return JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;
	}
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		version: { name: versionName() },
		// The server resolves a route on the first client-side visit to it (one small request), so a
		// page does not ship the dictionary of all 80 routes and their chunks: about 6 KB gzipped on
		// every page, which the exam and practice pages' budgets (issues 10 and 12) need.
		router: { resolution: 'server' },
		// A second line of defence behind the Markdown sanitiser: no script that is not ours runs.
		// Inline styles stay allowed (Svelte's style: directives write style attributes).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
