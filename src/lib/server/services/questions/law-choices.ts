import { asc } from 'drizzle-orm';
import { type Permission, authorizeAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { law } from '../../db/schema/index.ts';

/**
 * The statutes in the library by short title (行政处罚法), for the article pickers of editors: the
 * question editor (`bank.manage`), study plans and sessions (`study.manage`).
 */
export async function lawChoices(
	ctx: Ctx,
	permission: Permission = 'bank.manage'
): Promise<string[]> {
	authorizeAnywhere(ctx, permission);
	const rows = await ctx.db.select({ t: law.shortTitle }).from(law).orderBy(asc(law.shortTitle));
	return rows.map((r) => r.t);
}
