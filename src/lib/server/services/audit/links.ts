/**
 * Where the record an audit entry concerns is shown, for a reader who may open that page: the
 * entry links there. Records with no page of their own (a login, an import batch) have none.
 */
import { type Permission, canAnywhere } from '../../authz/index.ts';
import type { SessionUser } from '../../auth/session-user.ts';

interface Target {
	/** The page, from the entry's id (and what it recorded). */
	href: (id: string, entry: { after: unknown; before: unknown }) => string | null;
	/** Shown only to readers with this permission somewhere (the page checks again). */
	permission?: Permission;
}

const field = (side: unknown, name: string): unknown =>
	side && typeof side === 'object' && !Array.isArray(side)
		? (side as Record<string, unknown>)[name]
		: undefined;

const TARGETS: Record<string, Target> = {
	unit: { href: (id) => `/admin/units/${id}`, permission: 'unit.manage' },
	person: { href: (id) => `/admin/people/${id}`, permission: 'person.read' },
	question_bank: { href: (id) => `/banks/${id}`, permission: 'bank.manage' },
	question: {
		href: (id, e) => {
			const bankId = field(e.after, 'bankId') ?? field(e.before, 'bankId');
			return Number.isInteger(bankId) ? `/banks/${String(bankId)}/questions/${id}` : null;
		},
		permission: 'bank.manage'
	},
	law: { href: (id) => `/laws/${id}` },
	exam: { href: (id) => `/exams/manage/${id}`, permission: 'exam.manage' },
	sitting: { href: (id) => `/exams/manage/sittings/${id}`, permission: 'exam.manage' },
	exam_attempt: { href: (id) => `/exams/manage/attempts/${id}/sheet`, permission: 'exam.manage' },
	study_plan: { href: (id) => `/study/plans/${id}`, permission: 'study.read' },
	study_schedule: { href: (id) => `/study/schedules/${id}`, permission: 'study.read' },
	study_session: { href: (id) => `/study/sessions/${id}`, permission: 'study.read' },
	study_team: { href: (id) => `/study/teams/${id}`, permission: 'study.read' },
	study_reading: { href: (id) => `/study/readings/${id}`, permission: 'study.read' },
	lesson: { href: (id) => `/study/lessons/${id}`, permission: 'study.read' },
	calendar_year: { href: () => '/admin/calendar', permission: 'calendar.manage' },
	api_token: { href: (id) => `/admin/api-tokens#token-${id}`, permission: 'api_token.manage' }
};

/**
 * The page of the record an entry concerns, or null. Accounts (`user`) link to their person,
 * whose id the caller looks up (`personOfUser`).
 */
export function auditRecordHref(
	reader: SessionUser,
	entry: { entityType: string; entityId: string; before: unknown; after: unknown },
	personOfUser: Record<string, number>
): string | null {
	if (entry.entityType === 'user') {
		const personId = personOfUser[entry.entityId];
		return personId && canAnywhere(reader, 'person.read') ? `/admin/people/${personId}` : null;
	}
	const target = TARGETS[entry.entityType];
	if (!target || (target.permission && !canAnywhere(reader, target.permission))) return null;
	if (!/^\d+$/.test(entry.entityId)) return null;
	return target.href(entry.entityId, entry);
}
