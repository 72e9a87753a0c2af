import { eq } from 'drizzle-orm';
import { can, canAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { exam, sitting, unit } from '../../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { ExamRow } from './rules.ts';

/** Not found to someone who manages exams somewhere, forbidden to anyone else (ids cannot be probed). */
function missing(ctx: Ctx): never {
	if (canAnywhere(ctx.user, 'exam.manage')) throw new NotFoundError();
	throw new ForbiddenError();
}

/** The exam, if the user may manage it: `exam.manage` on its unit or above. */
export async function loadExam(ctx: Ctx, examId: number): Promise<ExamRow & { unitName: string }> {
	const [row] = await ctx.db
		.select({ exam, path: unit.path, unitName: unit.name })
		.from(exam)
		.innerJoin(unit, eq(unit.id, exam.unitId))
		.where(eq(exam.id, examId));
	if (!row) missing(ctx);
	if (!can(ctx.user, 'exam.manage', row.path)) throw new ForbiddenError();
	return { ...row.exam, unitName: row.unitName };
}

/** The sitting and its exam, if the user may manage the exam. */
export async function loadSitting(ctx: Ctx, sittingId: number) {
	const [row] = await ctx.db.select().from(sitting).where(eq(sitting.id, sittingId));
	if (!row) missing(ctx);
	return { sitting: row, exam: await loadExam(ctx, row.examId) };
}
