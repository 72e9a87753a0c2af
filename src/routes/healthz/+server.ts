import { json } from '@sveltejs/kit';
import { readConfig } from '$lib/server/config.ts';
import { checkHealth } from '$lib/server/health.ts';
import type { RequestHandler } from './$types';

/** For a supervisor or a load balancer: 200 when the app can serve, 503 when it cannot. No login. */
export const GET: RequestHandler = async ({ locals }) => {
	const health = await checkHealth(locals.db, readConfig().migrationsFolder);
	return json(health, {
		status: health.status === 'ok' ? 200 : 503,
		headers: { 'Cache-Control': 'no-store' }
	});
};
