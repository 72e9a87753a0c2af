import { employeeNoParam } from '$lib/schemas/api.ts';
import { apiOperation } from '$lib/server/api-operation.ts';
import { apiPersonRecord } from '$lib/server/services/api/person.ts';
import type { RequestHandler } from './$types';

/** A person by employee number, with their pass records and certificates (operation `getPerson`). */
export const GET: RequestHandler = apiOperation('getPerson', employeeNoParam, apiPersonRecord);
