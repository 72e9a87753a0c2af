import type { PageServerLoad } from './$types';
import { dashboardPage } from './page-data.server.ts';

export const load: PageServerLoad = (event) => dashboardPage(event);
