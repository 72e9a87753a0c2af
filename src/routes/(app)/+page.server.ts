import { ctxOf } from '$lib/server/http.ts';
import { homeSummary } from '$lib/server/services/home/summary.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ home: await homeSummary(ctxOf(event)) });
