import type { PageServerLoad } from './$types';
import { dashboardPage } from './page-data.ts';

export const load: PageServerLoad = (event) => dashboardPage(event);
