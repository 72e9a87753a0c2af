import { z } from 'zod';
import { APPOINTMENT_ROUTES, PERSON_STATUSES, RANKS, ROLES, UNIT_KINDS } from './enums.ts';
import { id, optionalId, optionalText, required, searchQuery, text } from './common.ts';
import { SEARCH_MAX } from './limits.ts';

export const createUnitInput = z.object({
	parentId: id,
	name: text(60),
	kind: z.enum(UNIT_KINDS, required)
});
export type CreateUnitInput = z.infer<typeof createUnitInput>;

export const renameUnitInput = z.object({
	unitId: id,
	name: text(60),
	kind: z.enum(UNIT_KINDS, required)
});
export type RenameUnitInput = z.infer<typeof renameUnitInput>;

export const moveUnitInput = z.object({ unitId: id, parentId: id });
export type MoveUnitInput = z.infer<typeof moveUnitInput>;

export const setUnitActiveInput = z.object({
	unitId: id,
	active: z.enum(['true', 'false']).transform((v) => v === 'true')
});
export type SetUnitActiveInput = z.infer<typeof setUnitActiveInput>;

export const personInput = z.object({
	unitId: id,
	name: text(40),
	employeeNo: text(32).regex(/^[A-Za-z0-9_-]+$/, { error: 'err_employee_no' }),
	position: optionalText(60),
	rank: z.enum(RANKS, required),
	appointmentRoute: z.enum(APPOINTMENT_ROUTES, required),
	status: z.enum(PERSON_STATUSES).default('active')
});
export type PersonInput = z.infer<typeof personInput>;

export const updatePersonInput = personInput.extend({ personId: id });
export type UpdatePersonInput = z.infer<typeof updatePersonInput>;

// from the address bar: anything malformed falls back to "no filter" rather than an error page
export const listPeopleInput = z.object({
	q: searchQuery(SEARCH_MAX.people),
	unitId: optionalId.catch(undefined),
	page: z.coerce.number().int().min(1).catch(1).default(1)
});
export type ListPeopleInput = z.infer<typeof listPeopleInput>;

export const grantRoleInput = z.object({ userId: id, role: z.enum(ROLES, required), unitId: id });
export type GrantRoleInput = z.infer<typeof grantRoleInput>;
export const revokeRoleInput = grantRoleInput;
export type RevokeRoleInput = GrantRoleInput;
