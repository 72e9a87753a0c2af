import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { isConstraintViolation } from '../../db/codes.ts';
import type { Tx } from '../../db/index.ts';
import { lawVersion } from '../../db/schema/index.ts';
import { ConflictError } from '../../errors.ts';
import { staged } from '../imports/rows.ts';
import type { StatuteBefore } from './write.ts';

/** The staged rows of a statute import, by what publishes them. */
export const STATUTE_TARGETS = {
	law: 'law.insert',
	version: 'version.insert',
	headings: 'heading.insert',
	articles: 'article.insert'
} as const;

/**
 * Publishes a staged statute inside the job's one short transaction, after checking that its law
 * is as it was read: the same current version, and no version with this text imported meanwhile
 * (a new law's title taken meanwhile is refused by the unique index).
 */
export async function publishStatute(
	tx: Ctx & { db: Tx },
	jobId: string,
	before: StatuteBefore,
	contentHash: string
): Promise<void> {
	const db = tx.db;
	const T = STATUTE_TARGETS;
	const changed = () => new ConflictError('law_changed_since_preview');
	if (before.law) {
		const versions = await db.select().from(lawVersion).where(eq(lawVersion.lawId, before.law.id));
		const same = versions.find((v) => v.contentHash === contentHash);
		if (same) throw new ConflictError('law_already_imported', { label: same.label });
		if (versions.find((v) => v.isCurrent)?.id !== before.previous?.id) throw changed();
	}
	try {
		await db.run(sql`INSERT INTO law (id, title, short_title, created_at)
			SELECT data->>'id', data->>'title', data->>'shortTitle', data->>'createdAt'
			FROM ${staged(jobId, T.law)}`);
		if (before.previous) {
			await db
				.update(lawVersion)
				.set({ isCurrent: false })
				.where(and(eq(lawVersion.id, before.previous.id)));
		}
		await db.run(sql`INSERT INTO law_version
			(id, law_id, label, history, source_format, content_hash, is_current, imported_at, imported_by)
			SELECT data->>'id', data->>'lawId', data->>'label', data->>'history', data->>'sourceFormat',
				data->>'contentHash', 1, data->>'importedAt', data->>'importedBy'
			FROM ${staged(jobId, T.version)}`);
		// in order: a heading's parent comes before it
		await db.run(sql`INSERT INTO law_heading (id, version_id, parent_id, level, ordinal, title)
			SELECT data->>'id', data->>'versionId', data->>'parentId', data->>'level', data->>'ordinal',
				data->>'title'
			FROM ${staged(jobId, T.headings)}`);
		await db.run(sql`INSERT INTO law_article (id, version_id, heading_id, article_no, text, change)
			SELECT data->>'id', data->>'versionId', data->>'headingId', data->>'articleNo', data->>'text',
				data->>'change'
			FROM ${staged(jobId, T.articles)}`);
	} catch (e) {
		if (isConstraintViolation(e)) throw changed();
		throw e;
	}
}
