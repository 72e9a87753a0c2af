import { asc } from 'drizzle-orm';
import { authorizeAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { law } from '../../db/schema/index.ts';

/** The statutes in the library by short title (行政处罚法), for the editor's article picker. */
export async function lawChoices(ctx: Ctx): Promise<string[]> {
	authorizeAnywhere(ctx, 'bank.manage');
	const rows = await ctx.db.select({ t: law.shortTitle }).from(law).orderBy(asc(law.shortTitle));
	return rows.map((r) => r.t);
}
