import type { Role } from '$lib/schemas/enums.ts';
import type { AuditInput } from '../audit/append.ts';
import type { PlannedRow } from './plan.ts';

/** A new account's one-time password, shown once to the importer. */
export interface NewRosterAccount {
	line: number;
	name: string;
	unit: string;
	username: string;
	/** The one-time password, shown once and never stored readable. */
	password: string;
}

export interface RosterCounts {
	create: number;
	update: number;
	unchanged: number;
}

interface Grant {
	userId: number;
	role: Role;
	unitId: number;
}

/** Everything a roster import writes, as the rows its publish step inserts, updates and deletes. */
export interface RosterRows {
	personInsert: object[];
	/** `seen` is the row's updatedAt when planned: publish refuses if it changed since. */
	personUpdate: object[];
	userRename: { personId: number; name: string }[];
	userInsert: object[];
	grantDelete: Grant[];
	grantInsert: Grant[];
	/** Units that people join (new or moved): they must still be active when publishing. */
	joinedUnits: number[];
	audits: AuditInput[];
	accounts: NewRosterAccount[];
	counts: RosterCounts;
}

/**
 * Works out every row a planned roster writes — with new people and accounts numbered from ids
 * reserved for them — and the audit entries the people, account and role services would write
 * for the same changes.
 */
export function rosterRows(
	plan: readonly PlannedRow[],
	secrets: ReadonlyMap<string, { password: string; hash: string }>,
	ids: { person: number; user: number }
): RosterRows {
	const out: RosterRows = {
		personInsert: [],
		personUpdate: [],
		userRename: [],
		userInsert: [],
		grantDelete: [],
		grantInsert: [],
		joinedUnits: [],
		audits: [],
		accounts: [],
		counts: { create: 0, update: 0, unchanged: 0 }
	};
	let nextPerson = ids.person;
	let nextUser = ids.user;
	for (const row of plan) {
		out.counts[row.action]++;
		if (row.action === 'unchanged') continue;
		const { fields, before } = row;
		let personId: number;
		if (!before) {
			personId = nextPerson++;
			out.personInsert.push({ id: personId, ...fields });
			out.joinedUnits.push(fields.unitId);
			// a new cadre's account is opened with them: one entry tells both (its login and role),
			// which halves the entries — and the publishing transaction's work — of a large roster
			out.audits.push({
				action: 'person.created',
				entityType: 'person',
				entityId: personId,
				unitId: fields.unitId,
				after: row.needsAccount
					? { ...fields, username: fields.employeeNo, roles: ['cadre'] }
					: fields
			});
		} else {
			personId = before.id;
			if (row.changes.some((c) => c !== 'roles' && c !== 'account')) {
				out.personUpdate.push({ id: personId, ...fields, seen: before.updatedAt.getTime() });
				if (before.unitId !== fields.unitId) out.joinedUnits.push(fields.unitId);
				if (before.name !== fields.name) out.userRename.push({ personId, name: fields.name });
				out.audits.push({
					action: 'person.updated',
					entityType: 'person',
					entityId: personId,
					unitId: fields.unitId,
					before: Object.fromEntries(
						Object.keys(fields).map((k) => [k, before[k as keyof typeof before]])
					),
					after: fields
				});
			}
		}
		let userId = row.userId;
		if (row.needsAccount) {
			const secret = secrets.get(fields.employeeNo.toLowerCase());
			if (!secret) throw new Error(`no one-time password for row ${row.line}`);
			userId = nextUser++;
			out.userInsert.push({
				id: userId,
				username: fields.employeeNo,
				displayName: fields.name,
				personId,
				passwordHash: secret.hash
			});
			out.grantInsert.push({ userId, role: 'cadre', unitId: fields.unitId });
			if (before) {
				out.audits.push({
					action: 'account.created',
					entityType: 'user',
					entityId: userId,
					unitId: fields.unitId,
					after: { username: fields.employeeNo, personId, roles: ['cadre'] }
				});
			}
			out.accounts.push({
				line: row.line,
				name: fields.name,
				unit: row.unitLabel,
				username: fields.employeeNo,
				password: secret.password
			});
		}
		const revoke = (role: Role, from: number) => {
			out.grantDelete.push({ userId: userId!, role, unitId: from });
			out.audits.push({
				action: 'role.revoked',
				entityType: 'user',
				entityId: userId!,
				unitId: from,
				before: { role, unitId: from }
			});
		};
		if (row.cadreLeaves !== undefined) revoke('cadre', row.cadreLeaves);
		for (const role of row.revoke) revoke(role, fields.unitId);
		for (const role of row.grant) {
			out.grantInsert.push({ userId: userId!, role, unitId: fields.unitId });
			out.audits.push({
				action: 'role.granted',
				entityType: 'user',
				entityId: userId!,
				unitId: fields.unitId,
				after: { role, unitId: fields.unitId }
			});
		}
	}
	out.joinedUnits = [...new Set(out.joinedUnits)];
	return out;
}
