import type { Ctx } from '../../context.ts';
import { loadSession } from './access.ts';
import { currentCode } from './checkin.ts';
import { sessionRoster } from './sessions.ts';

/**
 * What the room screen shows now: the current code and when it changes, and how many of the
 * roster have checked in. Computed from the database on every request (any app process answers).
 */
export async function roomScreen(ctx: Ctx, sessionId: number) {
	const session = await loadSession(ctx, sessionId, 'study.manage');
	const roster = await sessionRoster(ctx, session);
	return {
		session,
		code: currentCode(session, ctx.now),
		present: roster.filter((r) => r.status === 'present' || r.status === 'late').length,
		expected: roster.length
	};
}
