import { employeeNoParam } from '$lib/schemas/api.ts';
import { apiOperation } from '$lib/server/api-operation.ts';
import { apiPersonOath } from '$lib/server/services/api/hr.ts';
import type { RequestHandler } from './$types';

/** A person's appointments with their oath state (operation `getPersonOath`). */
export const GET: RequestHandler = apiOperation('getPersonOath', employeeNoParam, apiPersonOath);
