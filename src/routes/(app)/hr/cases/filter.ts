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
