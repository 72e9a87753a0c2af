import { eq, sql } from 'drizzle-orm';
import { type Statute, type StatuteDiff, diffStatutes, flattenHeadings } from '@xuefa/core';
import type { Tx } from '../../db/index.ts';
import { law, lawArticle, lawHeading, lawVersion } from '../../db/schema/index.ts';
import { ConflictError } from '../../errors.ts';
import { flagCitingQuestions } from './flag.ts';
import type { SourceFormat } from './source.ts';

export interface StatuteVersionInput {
	statute: Statute;
	format: SourceFormat;
	contentHash: string;
	label: string;
}

export interface WrittenVersion {
	lawId: number;
	versionId: number;
	/** The law did not exist before this import. */
	created: boolean;
	/** Compared with the previous current version; null for a law's first version. */
	diff: StatuteDiff | null;
	/** Questions flagged for review because they cite a changed or removed article. */
	flagged: number;
}

// 200 rows × 5 columns stays far below SQLite's limit on bound parameters
const CHUNK = 200;

/**
 * Writes a statute as the new current version of its law (created when new, matched by title):
 * headings, articles (the 序言 as article 0), full-text rows, and each article's change against
 * the previous version, whose questions citing changed or removed articles are flagged. Runs in
 * the caller's transaction and checks no permission: the import and the demo seed call it.
 * @throws ConflictError when this law already has a version with the same content
 */
export async function writeStatuteVersion(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	input: StatuteVersionInput
): Promise<WrittenVersion> {
	const { db, now } = tx;
	const { statute } = input;
	let [row] = await db.select().from(law).where(eq(law.title, statute.title));
	const created = !row;
	if (!row) {
		const [taken] = await db.select().from(law).where(eq(law.shortTitle, statute.shortTitle));
		if (taken) throw new ConflictError('law_short_title_taken', { title: taken.title });
		[row] = await db
			.insert(law)
			.values({ title: statute.title, shortTitle: statute.shortTitle, createdAt: now })
			.returning();
	}
	const lawId = row!.id;
	const versions = await db.select().from(lawVersion).where(eq(lawVersion.lawId, lawId));
	const same = versions.find((v) => v.contentHash === input.contentHash);
	if (same) throw new ConflictError('law_already_imported', { label: same.label });
	const previous = versions.find((v) => v.isCurrent);
	if (previous) {
		await db.update(lawVersion).set({ isCurrent: false }).where(eq(lawVersion.id, previous.id));
	}
	const [version] = await db
		.insert(lawVersion)
		.values({
			lawId,
			label: input.label,
			history: statute.history.join('\n'),
			sourceFormat: input.format,
			contentHash: input.contentHash,
			isCurrent: true,
			importedAt: now,
			importedBy: tx.user?.id ?? null
		})
		.returning({ id: lawVersion.id });
	const versionId = version!.id;

	const headingIds = await insertHeadings(db, versionId, statute);
	const flat = flattenHeadings(statute.headings);
	const preamble = flat.find((h) => h.heading.preamble !== undefined);
	const articles = [
		...(preamble ? [{ no: 0, text: preamble.heading.preamble!, headingPath: preamble.path }] : []),
		...statute.articles
	];
	let diff: StatuteDiff | null = null;
	if (previous) {
		const before = await db
			.select({ no: lawArticle.articleNo, text: lawArticle.text })
			.from(lawArticle)
			.where(eq(lawArticle.versionId, previous.id));
		diff = diffStatutes({ articles: before }, { articles });
	}
	const changeOf = new Map(diff?.articles.map((a) => [a.no, a.change]));
	const rows = articles.map((a) => ({
		versionId,
		headingId: headingIds.get(a.headingPath.join('.')) ?? null,
		articleNo: a.no,
		text: a.text,
		change: changeOf.get(a.no) ?? null
	}));
	for (let i = 0; i < rows.length; i += CHUNK) {
		await db.insert(lawArticle).values(rows.slice(i, i + CHUNK));
	}
	await db.run(
		sql`INSERT INTO law_article_fts (rowid, text) SELECT id, text FROM law_article WHERE version_id = ${versionId}`
	);
	const flagged = diff
		? await flagCitingQuestions(db, { law: statute.shortTitle, versionId, diff })
		: 0;
	return { lawId, versionId, created, diff, flagged };
}

/** Inserts the heading tree level by level; returns heading ids by index path (`'2.0'`). */
async function insertHeadings(db: Tx, versionId: number, statute: Statute) {
	const ids = new Map<string, number>();
	const flat = flattenHeadings(statute.headings).map((h, ordinal) => ({ ...h, ordinal }));
	const depth = Math.max(0, ...flat.map((h) => h.path.length));
	for (let d = 1; d <= depth; d++) {
		const level = flat.filter((h) => h.path.length === d);
		for (let i = 0; i < level.length; i += CHUNK) {
			const chunk = level.slice(i, i + CHUNK);
			const inserted = await db
				.insert(lawHeading)
				.values(
					chunk.map((h) => ({
						versionId,
						parentId: d === 1 ? null : ids.get(h.path.slice(0, -1).join('.'))!,
						level: h.heading.level,
						ordinal: h.ordinal,
						title: h.heading.title
					}))
				)
				.returning({ id: lawHeading.id, ordinal: lawHeading.ordinal });
			const byOrdinal = new Map(inserted.map((r) => [r.ordinal, r.id]));
			for (const h of chunk) ids.set(h.path.join('.'), byOrdinal.get(h.ordinal)!);
		}
	}
	return ids;
}
