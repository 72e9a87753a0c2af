import { ctxOf, guard } from '$lib/server/http.ts';
import type { PageServerLoad } from './$types';
import { creditsPage } from './page-data.server.ts';

export const load: PageServerLoad = (event) => guard(() => creditsPage(ctxOf(event), event.url));
