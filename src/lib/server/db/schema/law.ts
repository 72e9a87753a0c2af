import {
	type AnySQLiteColumn,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { user } from './auth.ts';

/**
 * 法律法规库. Statutes are public and shared by every unit. Each import is a version; an article
 * link without a version always means the current one.
 */
export const law = sqliteTable('law', {
	id: integer().primaryKey({ autoIncrement: true }),
	/** 中华人民共和国行政处罚法 */
	title: text().notNull().unique(),
	/** 行政处罚法 — what questions and lessons cite (the `lawId` of a core `LawRef`). */
	shortTitle: text().notNull().unique(),
	createdAt: integer({ mode: 'timestamp_ms' }).notNull()
});

export const LAW_SOURCE_FORMATS = ['markdown', 'text'] as const;

export const lawVersion = sqliteTable(
	'law_version',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		lawId: integer()
			.notNull()
			.references(() => law.id),
		/** How people name the version, e.g. 2021-01-22 修订. */
		label: text().notNull(),
		/** The promulgation / amendment history lines, as published. */
		history: text().notNull().default(''),
		sourceFormat: text({ enum: LAW_SOURCE_FORMATS }).notNull(),
		/** SHA-256 of the normalised articles: re-importing the same text is recognised. */
		contentHash: text().notNull(),
		isCurrent: integer({ mode: 'boolean' }).notNull().default(true),
		importedAt: integer({ mode: 'timestamp_ms' }).notNull(),
		importedBy: integer().references(() => user.id)
	},
	// the current version of a law
	(t) => [index('law_version_law_idx').on(t.lawId, t.isCurrent)]
);

/** 编/章/节 headings (and 序言), in order; articles point at the innermost one. */
export const lawHeading = sqliteTable(
	'law_heading',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		versionId: integer()
			.notNull()
			.references(() => lawVersion.id, { onDelete: 'cascade' }),
		parentId: integer().references((): AnySQLiteColumn => lawHeading.id),
		/** 1 = chapter (章), 2 = section (节). */
		level: integer().notNull(),
		ordinal: integer().notNull(),
		title: text().notNull()
	},
	(t) => [index('law_heading_version_idx').on(t.versionId, t.ordinal)]
);

export const ARTICLE_CHANGES = ['new', 'changed', 'unchanged'] as const;

export const lawArticle = sqliteTable(
	'law_article',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		versionId: integer()
			.notNull()
			.references(() => lawVersion.id, { onDelete: 'cascade' }),
		headingId: integer().references(() => lawHeading.id),
		/** 第四十二条 → 42 */
		articleNo: integer().notNull(),
		text: text().notNull(),
		/** Compared with the previous version of the same law; null for a law's first version. */
		change: text({ enum: ARTICLE_CHANGES })
	},
	// an article link: (version, number); full-text search rows are keyed by id (law_article_fts)
	(t) => [uniqueIndex('law_article_no_idx').on(t.versionId, t.articleNo)]
);
