import { eq } from 'drizzle-orm';
import { diffStatutes } from '@xuefa/core';
import type { LawVersionCurrentInput } from '$lib/schemas/laws.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { law, lawArticle, lawVersion } from '../../db/schema/index.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { flagCitingQuestions } from './flag.ts';

const articlesOf = (db: Tx, versionId: number) =>
	db
		.select({ no: lawArticle.articleNo, text: lawArticle.text })
		.from(lawArticle)
		.where(eq(lawArticle.versionId, versionId));

/**
 * Makes an earlier version of a law its current version again (an amendment imported by mistake,
 * or too early). What cadres read changes, so the questions citing articles that differ between
 * the two versions are flagged for review, as after an import.
 * @returns how many questions were flagged
 * @throws ConflictError when the version is already the current one
 */
export async function makeVersionCurrent(ctx: Ctx, input: LawVersionCurrentInput): Promise<number> {
	authorizeAnywhere(ctx, 'law.manage');
	return transact(ctx, async (tx) => {
		const [row] = await tx.db.select().from(law).where(eq(law.id, input.lawId));
		if (!row) throw new NotFoundError();
		const versions = await tx.db.select().from(lawVersion).where(eq(lawVersion.lawId, row.id));
		const target = versions.find((v) => v.id === input.versionId);
		if (!target) throw new NotFoundError();
		if (target.isCurrent) throw new ConflictError('law_version_already_current');
		const previous = versions.find((v) => v.isCurrent);
		await tx.db.update(lawVersion).set({ isCurrent: false }).where(eq(lawVersion.lawId, row.id));
		await tx.db.update(lawVersion).set({ isCurrent: true }).where(eq(lawVersion.id, target.id));
		const diff = previous
			? diffStatutes(
					{ articles: await articlesOf(tx.db, previous.id) },
					{ articles: await articlesOf(tx.db, target.id) }
				)
			: null;
		const flagged = diff
			? await flagCitingQuestions(tx.db, { law: row.shortTitle, versionId: target.id, diff })
			: 0;
		await appendAudit(tx, {
			action: 'law.version_made_current',
			entityType: 'law',
			entityId: row.id,
			before: previous ? { versionId: previous.id, label: previous.label } : null,
			after: {
				title: row.title,
				versionId: target.id,
				label: target.label,
				...(diff ? { changed: diff.changed.length, removed: diff.removed.length } : {}),
				flagged
			}
		});
		return flagged;
	});
}
