/**
 * 干部学法档案: one person's record. The person themself and HR of their units see every part;
 * organisers of their units see the study parts only (credits, sessions, practice) — never exams,
 * certificates, oaths or promotion cases; anyone else is refused.
 */
import { eq } from 'drizzle-orm';
import { can, canAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { person, unit } from '../../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { casesPart, examsPart, oathsPart, studyPart } from './record-parts.ts';

/** What the viewer may see of the record: everything, or the study parts. */
export type RecordScope = 'all' | 'study';

/** Whose record, and how much of it the user may see; throws forbidden or not found. */
async function recordAccess(ctx: Ctx, personId: number) {
	const [p] = await ctx.db
		.select({
			id: person.id,
			name: person.name,
			employeeNo: person.employeeNo,
			position: person.position,
			rank: person.rank,
			status: person.status,
			unitName: unit.name,
			unitPath: unit.path
		})
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(eq(person.id, personId));
	const self = p !== undefined && ctx.user.personId === p.id;
	// a person outside the viewer's units is answered as one that does not exist, to whoever may
	// read records somewhere: a guessed id tells nothing of another unit's people
	const hidden = () =>
		canAnywhere(ctx.user, 'study.read') || canAnywhere(ctx.user, 'promotion.read')
			? new NotFoundError()
			: new ForbiddenError();
	if (!p) throw hidden();
	const scope: RecordScope | null =
		self || can(ctx.user, 'promotion.read', p.unitPath)
			? 'all'
			: can(ctx.user, 'study.read', p.unitPath)
				? 'study'
				: null;
	if (!scope) throw hidden();
	return { person: p, self, scope };
}

/** One person's record, as far as the user may see it (see the file's comment). */
export async function personRecord(ctx: Ctx, input: { personId: number }) {
	const { person: p, self, scope } = await recordAccess(ctx, input.personId);
	const all = scope === 'all';
	const { unitPath: _, ...profile } = p;
	return {
		person: profile,
		self,
		scope,
		/** Whether the case and ceremony pages are open to the viewer (HR), for links. */
		hrLinks: can(ctx.user, 'promotion.read', p.unitPath),
		study: await studyPart(ctx, p),
		exams: all ? await examsPart(ctx, p, self) : null,
		oaths: all ? await oathsPart(ctx, p) : null,
		cases: all ? await casesPart(ctx, p) : null,
		printedAt: ctx.now.getTime()
	};
}

export type PersonRecord = Awaited<ReturnType<typeof personRecord>>;

/** The signed-in user's own record (403 for an account without a person). */
export function myRecord(ctx: Ctx) {
	if (ctx.user.personId === null) throw new ForbiddenError();
	return personRecord(ctx, { personId: ctx.user.personId });
}
