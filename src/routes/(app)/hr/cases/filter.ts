import { CASE_STATES, type CaseState } from '$lib/schemas/hr-enums.ts';
import type { CaseFilter } from '$lib/server/services/hr/cases.ts';

/** The list's filter from the address (`?unit=&state=`); open cases by default. */
export function caseFilter(url: URL): CaseFilter {
	const unitId = Number(url.searchParams.get('unit'));
	const state = url.searchParams.get('state') ?? 'open';
	return {
		...(Number.isSafeInteger(unitId) && unitId > 0 ? { unitId } : {}),
		state:
			state === 'all' || CASE_STATES.includes(state as CaseState) ? (state as CaseState) : 'open'
	};
}

/** The list's page from the address (`?page=`): 1 unless a whole number of 1 or more is given. */
export function pageOf(url: URL): number {
	const page = Number(url.searchParams.get('page'));
	return Number.isSafeInteger(page) && page > 0 ? page : 1;
}
