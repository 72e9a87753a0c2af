import type { NewLock } from '../../auth/rate-limit.ts';
import type { Tx } from '../../db/index.ts';
import { appendAudit } from '../audit/append.ts';

/** Who a sign-in event is about: an account, or only the name someone typed. */
export interface LoginSubject {
	userId: number | null;
	/** The name as typed (bounded), for names that are no account. */
	name: string;
	unitId: number | null;
	address: string;
}

// a typed name is stored as typed, but never more of it than a login name can hold
const NAME_LIMIT = 64;

function subjectOf(s: LoginSubject) {
	return s.userId === null
		? { entityType: 'login', entityId: s.name.slice(0, NAME_LIMIT) }
		: { entityType: 'user', entityId: s.userId };
}

/**
 * Appends a sign-in event to the audit log (OWASP: log every failure and every lockout): the
 * account, or the name as typed, and the address. Never the password.
 */
export async function auditSignIn(
	tx: { db: Tx; now: Date },
	action: 'auth.login' | 'auth.login_failed',
	subject: LoginSubject
): Promise<void> {
	await appendAudit(
		{ ...tx, user: action === 'auth.login' && subject.userId ? { id: subject.userId } : null },
		{
			action,
			...subjectOf(subject),
			unitId: subject.unitId,
			after: { address: subject.address }
		}
	);
}

/** Appends one `auth.locked` entry per lock a failure started. */
export async function auditLocks(
	tx: { db: Tx; now: Date },
	locks: NewLock[],
	subject: LoginSubject
): Promise<void> {
	for (const lock of locks) {
		await appendAudit(
			{ ...tx, user: null },
			{
				action: 'auth.locked',
				...subjectOf(subject),
				unitId: subject.unitId,
				after: {
					scope: lock.scope,
					minutes: Math.ceil(lock.ms / 60_000),
					address: subject.address
				}
			}
		);
	}
}
