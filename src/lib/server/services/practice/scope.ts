import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { authorizeAnywhere } from '../../authz/index.ts';
import { rolesFor } from '../../authz/permissions.ts';
import type { Ctx } from '../../context.ts';
import { question, questionBank } from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';

/** Who practises and which units' banks they may draw from. */
export interface PracticeScope {
	personId: number;
	/** The units where the learner studies and all their ancestors. */
	unitIds: number[];
}

/**
 * The practice scope of the signed-in user: a district bank applies to everyone below it, so a
 * learner practises the banks of their own unit and of every unit above it — never a sibling's.
 * Throws Forbidden for accounts without `practice.use` or without a person record (progress is kept
 * per person).
 */
export function practiceScope(ctx: Ctx): PracticeScope {
	authorizeAnywhere(ctx, 'practice.use');
	if (ctx.user.personId === null) throw new ForbiddenError();
	const roles = rolesFor('practice.use');
	const ids = new Set<number>();
	for (const g of ctx.user.grants)
		if (roles.includes(g.role))
			for (const part of g.unitPath.split('/')) if (part) ids.add(Number(part));
	return { personId: ctx.user.personId, unitIds: [...ids] };
}

/**
 * The one condition for "a question this learner may practise": the current version of a question
 * that is ready (reviewed; never a draft or a retired one), in a bank that is not archived, owned by
 * a unit in scope. Use it on a query that joins `question` to `questionBank`.
 */
export function practisable(scope: PracticeScope): SQL {
	return and(
		inArray(questionBank.unitId, scope.unitIds),
		eq(questionBank.archived, false),
		eq(question.status, 'ready')
	) as SQL;
}
