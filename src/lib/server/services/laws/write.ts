import { eq, sql } from 'drizzle-orm';
import { type Statute, type StatuteDiff, diffStatutes, flattenHeadings } from '@xuefa/core';
import type { ReadDb, Tx } from '../../db/index.ts';
import { law, lawArticle, lawHeading, lawVersion } from '../../db/schema/index.ts';
import { ConflictError } from '../../errors.ts';
import { type Reservable, reserveIds } from '../imports/rows.ts';
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

/** What the library holds of the statute's law: the law, its current version and its articles. */
export interface StatuteBefore {
	law: typeof law.$inferSelect | undefined;
	previous: typeof lawVersion.$inferSelect | undefined;
	previousArticles: { no: number; text: string }[];
}

/**
 * Reads what importing `input` builds on: its law (matched by title) and that law's current
 * version. Reads only.
 * @throws ConflictError when the short title belongs to another law, or the law already has a
 * version with the same content
 */
export async function statuteBefore(
	db: ReadDb,
	input: StatuteVersionInput
): Promise<StatuteBefore> {
	const { statute } = input;
	const [row] = await db.select().from(law).where(eq(law.title, statute.title));
	if (!row) {
		const [taken] = await db.select().from(law).where(eq(law.shortTitle, statute.shortTitle));
		if (taken) throw new ConflictError('law_short_title_taken', { title: taken.title });
	}
	const versions = row
		? await db.select().from(lawVersion).where(eq(lawVersion.lawId, row.id))
		: [];
	const same = versions.find((v) => v.contentHash === input.contentHash);
	if (same) throw new ConflictError('law_already_imported', { label: same.label });
	const previous = versions.find((v) => v.isCurrent);
	const previousArticles = previous
		? await db
				.select({ no: lawArticle.articleNo, text: lawArticle.text })
				.from(lawArticle)
				.where(eq(lawArticle.versionId, previous.id))
		: [];
	return { law: row, previous, previousArticles };
}

/** How many new rows of each table the version needs (ids to reserve). */
export function statuteIdsNeeded(input: StatuteVersionInput, before: StatuteBefore) {
	const headings = flattenHeadings(input.statute.headings);
	const preamble = headings.some((h) => h.heading.preamble !== undefined) ? 1 : 0;
	return {
		law: before.law ? 0 : 1,
		law_version: 1,
		law_heading: headings.length,
		law_article: input.statute.articles.length + preamble
	} satisfies Record<Reservable & `law${string}`, number>;
}

/**
 * Every row the new version writes, numbered from the first reserved id of each table: the law
 * (when new), the version, the headings (parents before children), the articles (the 序言 as
 * article 0) with their change against the previous version, and the diff.
 */
export function statuteRows(
	input: StatuteVersionInput,
	before: StatuteBefore,
	first: Record<'law' | 'law_version' | 'law_heading' | 'law_article', number>,
	meta: { now: Date; userId: number | null }
) {
	const { statute } = input;
	const lawId = before.law?.id ?? first.law;
	const versionId = first.law_version;
	const flat = flattenHeadings(statute.headings);
	const headingIds = new Map(flat.map((h, i) => [h.path.join('.'), first.law_heading + i]));
	const headings = flat.map((h, ordinal) => ({
		id: first.law_heading + ordinal,
		versionId,
		parentId: h.path.length === 1 ? null : headingIds.get(h.path.slice(0, -1).join('.'))!,
		level: h.heading.level,
		ordinal,
		title: h.heading.title
	}));
	const preamble = flat.find((h) => h.heading.preamble !== undefined);
	const texts = [
		...(preamble ? [{ no: 0, text: preamble.heading.preamble!, headingPath: preamble.path }] : []),
		...statute.articles
	];
	const diff = before.previous
		? diffStatutes({ articles: before.previousArticles }, { articles: texts })
		: null;
	const changeOf = new Map(diff?.articles.map((a) => [a.no, a.change]));
	const articles = texts.map((a, i) => ({
		id: first.law_article + i,
		versionId,
		headingId: headingIds.get(a.headingPath.join('.')) ?? null,
		articleNo: a.no,
		text: a.text,
		change: changeOf.get(a.no) ?? null
	}));
	return {
		lawId,
		versionId,
		law: before.law
			? null
			: { id: lawId, title: statute.title, shortTitle: statute.shortTitle, createdAt: meta.now },
		version: {
			id: versionId,
			lawId,
			label: input.label,
			history: statute.history.join('\n'),
			sourceFormat: input.format,
			contentHash: input.contentHash,
			isCurrent: true,
			importedAt: meta.now,
			importedBy: meta.userId
		},
		headings,
		articles,
		diff
	};
}

// 200 rows × 6 columns stays far below SQLite's limit on bound parameters
const CHUNK = 200;

/**
 * Writes a statute as the new current version of its law (created when new, matched by title),
 * in the caller's transaction — headings, articles, full-text rows, each article's change — and
 * flags the questions citing changed or removed articles. Checks no permission: the demo seed
 * calls it (an organiser's import stages the same rows and publishes them: laws/import.ts).
 * @throws ConflictError when this law already has a version with the same content
 */
export async function writeStatuteVersion(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	input: StatuteVersionInput
): Promise<WrittenVersion> {
	const { db } = tx;
	const before = await statuteBefore(db, input);
	const needed = statuteIdsNeeded(input, before);
	const first = { law: 0, law_version: 0, law_heading: 0, law_article: 0 };
	for (const [table, n] of Object.entries(needed) as [keyof typeof first, number][]) {
		if (n > 0) first[table] = await reserveIds(db, table, n);
	}
	const rows = statuteRows(input, before, first, { now: tx.now, userId: tx.user?.id ?? null });
	if (rows.law) await db.insert(law).values(rows.law);
	if (before.previous) {
		await db
			.update(lawVersion)
			.set({ isCurrent: false })
			.where(eq(lawVersion.id, before.previous.id));
	}
	await db.insert(lawVersion).values(rows.version);
	for (const [table, list] of [
		[lawHeading, rows.headings],
		[lawArticle, rows.articles]
	] as const) {
		for (let i = 0; i < list.length; i += CHUNK) {
			await db.insert(table).values(list.slice(i, i + CHUNK) as never);
		}
	}
	await db.run(
		sql`INSERT INTO law_article_fts (rowid, text) SELECT id, text FROM law_article WHERE version_id = ${rows.versionId}`
	);
	const flagged = rows.diff
		? await flagCitingQuestions(db, {
				law: input.statute.shortTitle,
				versionId: rows.versionId,
				diff: rows.diff
			})
		: 0;
	return {
		lawId: rows.lawId,
		versionId: rows.versionId,
		created: rows.law !== null,
		diff: rows.diff,
		flagged
	};
}
