// How much JavaScript a page makes a phone download: the client entry, the route's layouts and page
// node, and every chunk they import statically, each gzipped as a server would send it. Read from
// the last build (the Vite manifest and the server's route manifest), so run it after `vite build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.svelte-kit/output/client';

/**
 * The node indices (layouts, then the page) of a route id, from the server's manifest: the client
 * holds no route dictionary, because the server resolves routes (`router.resolution`).
 */
function nodesOf(routeId) {
	const manifest = readFileSync('.svelte-kit/output/server/manifest.js', 'utf8');
	const esc = routeId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const m = new RegExp(
		`id: "${esc}",(?:(?!id: ")[^])*?page: \\{ layouts: \\[([\\d,]*)\\][^}]*leaf: (\\d+)`
	).exec(manifest);
	if (!m) throw new Error(`no route ${routeId} in the build`);
	return [...m[1].split(',').filter(Boolean).map(Number), Number(m[2])];
}

/**
 * The gzipped bytes of JavaScript the page at `routeId` loads before it runs, with the biggest
 * chunks, so that a budget overrun says where to look.
 */
export function pageJs(routeId) {
	const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8'));
	const byKey = new Map(Object.entries(manifest));
	const roots = [
		...Object.keys(manifest).filter((k) => /client\/entry\.js$|client-optimized\/app\.js$/.test(k)),
		...nodesOf(routeId).map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`)
	];
	const seen = new Set();
	const visit = (key) => {
		if (seen.has(key) || !byKey.has(key)) return;
		seen.add(key);
		for (const i of byKey.get(key).imports ?? []) visit(i);
	};
	roots.forEach(visit);
	const files = [...seen].map((key) => {
		const file = byKey.get(key).file;
		return { key, bytes: gzipSync(readFileSync(join(OUT, file))).length };
	});
	files.sort((a, b) => b.bytes - a.bytes);
	return { total: files.reduce((s, f) => s + f.bytes, 0), files };
}
