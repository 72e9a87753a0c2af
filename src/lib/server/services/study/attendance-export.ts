import type { Ctx } from '../../context.ts';
import { ForbiddenError } from '../../errors.ts';
import { type ListExport, inPages } from '../../spreadsheet/index.ts';
import { cellTime, zh, zhColumn } from '../../spreadsheet/zh.ts';
import { loadVisibleSession } from './access.ts';
import { sessionRoster } from './sessions.ts';

/**
 * A session's roster with each person's attendance and reason, for those who read the unit's
 * study (a member sees the session, not the others' attendance as a file). A team is tens of
 * people, so the roster is read whole, as the page reads it.
 */
export async function exportAttendance(ctx: Ctx, sessionId: number): Promise<ListExport> {
	const { session, member } = await loadVisibleSession(ctx, sessionId);
	if (member) throw new ForbiddenError();
	const roster = await sessionRoster(ctx, session);
	return {
		sheet: zh('study_attendance'),
		columns: [
			zhColumn('person_unit', 24),
			zhColumn('person_name', 12),
			zhColumn('person_employee_no', 12, true),
			zhColumn('study_attendance', 10),
			zhColumn('study_reason', 30),
			zhColumn('study_checked_in', 18)
		],
		rows: roster.length,
		pages: inPages(
			roster.map((r) => [
				r.unitName,
				r.name,
				r.employeeNo,
				zh(r.status ? `study_attendance_${r.status}` : 'study_unmarked'),
				r.reason ?? '',
				cellTime(r.checkedInAt)
			])
		)
	};
}
