/**
 * One occurrence changed by hand: moved, cancelled, restored, or a session added outside any
 * schedule. A schedule's session remembers the change (`override`), so generating the schedule
 * again (a new holiday year, an edited rule) keeps it.
 */
import { eq } from 'drizzle-orm';
import type {
	AddSessionInput,
	CancelSessionInput,
	MoveSessionInput,
	RestoreSessionInput
} from '$lib/schemas/study.ts';
import { type Ctx, transact } from '../../context.ts';
import { studySchedule, studySession } from '../../db/schema/index.ts';
import type { Tx } from '../../db/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { workingDayCalendar } from '../calendar/load.ts';
import { type SessionRow, loadSession, loadTeam } from './access.ts';
import { syncSchedule } from './sync.ts';

/** A session that has not taken place yet: a held one is history. */
async function loadUnheld(ctx: Ctx, sessionId: number): Promise<SessionRow> {
	const s = await loadSession(ctx, sessionId, 'study.manage');
	if (s.status === 'held') throw new InvalidInputError({}, 'study_session_held');
	return s;
}

/** Generates the session's schedule again, so that its other sessions reflect the change. */
async function resync(tx: Ctx & { db: Tx }, s: SessionRow) {
	if (s.scheduleId === null) return;
	const [schedule] = await tx.db
		.select()
		.from(studySchedule)
		.where(eq(studySchedule.id, s.scheduleId));
	await syncSchedule(tx, schedule!, await workingDayCalendar(tx.db));
}

const when = (s: Pick<SessionRow, 'date' | 'startTime' | 'durationMinutes' | 'status'>) => ({
	date: s.date,
	startTime: s.startTime,
	durationMinutes: s.durationMinutes,
	status: s.status
});

async function change(
	ctx: Ctx,
	s: SessionRow,
	action: string,
	set: Partial<typeof studySession.$inferInsert>
) {
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studySession)
			.set({ ...set, sequence: s.sequence + 1, updatedAt: tx.now })
			.where(eq(studySession.id, s.id));
		await resync(tx, s);
		const [after] = await tx.db.select().from(studySession).where(eq(studySession.id, s.id));
		await appendAudit(tx, {
			action,
			entityType: 'study_session',
			entityId: s.id,
			unitId: s.unitId,
			before: when(s),
			after: { ...when(after!), note: after!.note }
		});
	});
}

export async function moveSession(ctx: Ctx, input: MoveSessionInput): Promise<void> {
	const s = await loadUnheld(ctx, input.sessionId);
	await change(ctx, s, 'study_session.moved', {
		date: input.date,
		startTime: input.startTime,
		durationMinutes: input.durationMinutes,
		note: input.note,
		status: 'planned',
		override: s.scheduleId === null ? null : 'move'
	});
}

export async function cancelSession(ctx: Ctx, input: CancelSessionInput): Promise<void> {
	const s = await loadUnheld(ctx, input.sessionId);
	if (s.status === 'cancelled') return;
	await change(ctx, s, 'study_session.cancelled', {
		status: 'cancelled',
		note: input.note,
		override: s.scheduleId === null ? null : 'cancel',
		checkinClosedAt: s.checkinOpenedAt ? ctx.now : null
	});
}

/** Undoes a move or a cancellation: the schedule's own date and time come back. */
export async function restoreSession(ctx: Ctx, input: RestoreSessionInput): Promise<void> {
	const s = await loadUnheld(ctx, input.sessionId);
	if (s.override === null && s.status !== 'cancelled') return;
	await change(ctx, s, 'study_session.restored', { override: null, status: 'planned', note: '' });
}

/** A session outside any schedule (an extra lecture, a trial observation). */
export async function addSession(ctx: Ctx, input: AddSessionInput): Promise<number> {
	const team = await loadTeam(ctx, input.teamId, 'study.manage');
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(studySession)
			.values({
				unitId: team.unitId,
				teamId: team.id,
				date: input.date,
				startTime: input.startTime,
				durationMinutes: input.durationMinutes,
				form: input.form,
				topic: input.topic,
				location: input.location,
				laws: [],
				createdAt: tx.now,
				createdBy: tx.user.id,
				updatedAt: tx.now
			})
			.returning({ id: studySession.id });
		await appendAudit(tx, {
			action: 'study_session.added',
			entityType: 'study_session',
			entityId: row!.id,
			unitId: team.unitId,
			after: { ...input }
		});
		return row!.id;
	});
}
