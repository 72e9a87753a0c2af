import { json } from '@sveltejs/kit';
import { appDb } from '$lib/server/app.ts';
import { readConfig } from '$lib/server/config.ts';
import { checkHealth } from '$lib/server/health.ts';
import type { RequestHandler } from './$types';

/** For a supervisor or a load balancer: 200 when the app can serve, 503 when it cannot. No login. */
export const GET: RequestHandler = async () => {
	// a raw statement on the connection itself, which `locals.db` (reads only) does not offer
	const health = await checkHealth(await appDb(), readConfig().migrationsFolder);
	return json(health, {
		status: health.status === 'ok' ? 200 : 503,
		headers: { 'Cache-Control': 'no-store' }
	});
};
