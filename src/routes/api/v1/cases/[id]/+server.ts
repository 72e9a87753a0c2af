import { caseIdParam } from '$lib/schemas/api.ts';
import { apiOperation } from '$lib/server/api-operation.ts';
import { apiCaseEligibility } from '$lib/server/services/api/hr.ts';
import type { RequestHandler } from './$types';

/** A promotion case with its eligibility under the exam gate (operation `getCase`). */
export const GET: RequestHandler = apiOperation('getCase', caseIdParam, apiCaseEligibility);
