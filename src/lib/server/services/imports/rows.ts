import { type SQL, sql } from 'drizzle-orm';
import { write } from '../../context.ts';
import type { ReadDb, Tx } from '../../db/index.ts';

/**
 * The staging area of import jobs: prepared rows kept as JSONB in `import_row`, written in short
 * transactions and published by one INSERT … SELECT per table (see job.ts).
 */

// A chunk is written in one short transaction: 250 rows or 64 KB of JSON, whichever comes first,
// keeps each one at a few milliseconds.
const CHUNK_ROWS = 250;
const CHUNK_BYTES = 64_000;

/**
 * Writes `rows` in chunks, one short transaction each: `insert` gets a chunk as a JSON array (for
 * `json_each`) and the index of its first row.
 */
async function inChunks(
	db: ReadDb,
	rows: readonly unknown[],
	insert: (json: string, first: number) => SQL,
	onChunk: (written: number) => Promise<void> = async () => {}
): Promise<void> {
	let i = 0;
	while (i < rows.length) {
		const chunk: string[] = [];
		let bytes = 0;
		while (i < rows.length && chunk.length < CHUNK_ROWS && bytes < CHUNK_BYTES) {
			const text = JSON.stringify(rows[i++]);
			chunk.push(text);
			bytes += text.length;
		}
		const statement = insert(`[${chunk.join(',')}]`, i - chunk.length);
		await write(db, (tx) => tx.run(statement));
		await onChunk(chunk.length);
	}
}

/**
 * Appends `rows` to the job's staged rows for `target`, numbered on from `from`, in chunks.
 * @returns the number of the next row
 */
export async function stageRows(
	db: ReadDb,
	jobId: string,
	target: string,
	rows: readonly unknown[],
	from = 0,
	onChunk?: (written: number) => Promise<void>
): Promise<number> {
	await inChunks(
		db,
		rows,
		(json, first) => sql`INSERT INTO import_row (job_id, target, ord, data)
			SELECT ${jobId}, ${target}, ${from + first} + key, jsonb(value) FROM json_each(${json})`,
		onChunk
	);
	return from + rows.length;
}

/** The staging tables of rows in the shape they are published in (see db/schema/imports.ts). */
export const TYPED_STAGING = [
	'import_person',
	'import_person_update',
	'import_user',
	'import_role_grant',
	'import_audit_entry'
] as const;
export type TypedStaging = (typeof TYPED_STAGING)[number];

/**
 * Appends `rows` — each the values of `columns`, in order — to the job's staged rows in `table`,
 * numbered on from `from`, in chunks.
 * @returns the number of the next row
 */
export async function stageTyped(
	db: ReadDb,
	jobId: string,
	table: TypedStaging,
	columns: readonly string[],
	rows: readonly unknown[][],
	from = 0,
	onChunk?: (written: number) => Promise<void>
): Promise<number> {
	const names = sql.join(
		columns.map((c) => sql.identifier(c)),
		sql`, `
	);
	const values = sql.join(
		columns.map((_, i) => sql.raw(`value->>${i}`)),
		sql`, `
	);
	await inChunks(
		db,
		rows,
		(json, first) => sql`INSERT INTO ${sql.identifier(table)} (job_id, ord, ${names})
			SELECT ${jobId}, ${from + first} + key, ${values} FROM json_each(${json})`,
		onChunk
	);
	return from + rows.length;
}

/**
 * Full-text rows are written ahead, in chunks, for rows a job creates under reserved ids: search
 * reaches them only through their parent row (`id IN (SELECT rowid FROM …_fts …)`), which does
 * not exist until the job publishes, so they stay invisible — and the index work stays out of the
 * publishing transaction. Orphans of a job that never publishes are removed by `dropOrphans`.
 */
const SEARCH_INDEXES = {
	question_fts: { parent: 'question', column: 'body' },
	question_bigram: { parent: 'question', column: 'grams' },
	law_article_fts: { parent: 'law_article', column: 'text' }
} as const satisfies Record<string, { parent: Reservable; column: string }>;

/** A full-text index whose rows are written ahead: `question_fts`, `question_bigram` … */
export type SearchIndex = keyof typeof SEARCH_INDEXES;

/** Writes the rows (`{ rowid, text }`) of a full-text index for new rows, ahead of publishing. */
export async function writeSearchRowsAhead(
	db: ReadDb,
	index: SearchIndex,
	rows: readonly { rowid: number; text: string }[],
	onChunk?: (written: number) => Promise<void>
): Promise<void> {
	const column = sql.identifier(SEARCH_INDEXES[index].column);
	await inChunks(
		db,
		rows,
		(json) => sql`INSERT INTO ${sql.identifier(index)} (rowid, ${column})
			SELECT value->>'rowid', value->>'text' FROM json_each(${json})`,
		onChunk
	);
}

/** Removes full-text rows written ahead for reserved ids whose parent rows were never published. */
export async function dropOrphans(
	db: ReadDb,
	reserved: Partial<Record<string, [number, number]>> | null
): Promise<void> {
	for (const [index, { parent }] of Object.entries(SEARCH_INDEXES)) {
		const range = reserved?.[parent];
		if (!range) continue;
		const [first, last] = range;
		await write(db, (tx) =>
			tx.run(sql`DELETE FROM ${sql.identifier(index)} WHERE rowid BETWEEN ${first} AND ${last}
				AND rowid NOT IN (SELECT id FROM ${sql.identifier(parent)} WHERE id BETWEEN ${first} AND ${last})`)
		);
	}
}

/**
 * The staged rows of `target`, in order, as a subquery whose `data` column holds each row (and
 * `ord` its number from 0, when asked for).
 */
export function staged(jobId: string, target: string, withOrd = false): SQL {
	return sql`(SELECT ${withOrd ? sql`ord, ` : sql``}data FROM import_row WHERE job_id = ${jobId} AND target = ${target} ORDER BY ord)`;
}

/** Rows published by one statement of a chunked publish (see {@link inPublishChunks}). */
const PUBLISH_CHUNK_ROWS = 500;

/**
 * Publishes the staged rows of `target` a chunk at a time inside the caller's transaction:
 * `publish` gets each chunk as a subquery like {@link staged}'s, and the event loop gets a turn
 * between two chunks. One INSERT … SELECT of 5,000 questions (5 MB of versions, their search
 * rows) held the request loop for hundreds of milliseconds: the embedded driver runs a statement
 * synchronously, and statements awaited back to back never let a request in. The transaction
 * stays one, all or nothing; this process's other writes wait for it in the write queue
 * (context.ts), and reads go on beside it.
 */
export async function inPublishChunks(
	tx: Tx,
	jobId: string,
	target: string,
	publish: (rows: SQL) => Promise<unknown>,
	size = PUBLISH_CHUNK_ROWS
): Promise<void> {
	const [row] = await tx.all<{ last: number | null }>(
		sql`SELECT max(ord) AS last FROM import_row WHERE job_id = ${jobId} AND target = ${target}`
	);
	const last = row?.last ?? -1;
	for (let first = 0; first <= last; first += size) {
		if (first > 0) await new Promise<void>((resolve) => setImmediate(resolve));
		await publish(sql`(SELECT data FROM import_row WHERE job_id = ${jobId} AND target = ${target}
			AND ord BETWEEN ${first} AND ${first + size - 1} ORDER BY ord)`);
	}
}

/** Removes a job's staged rows, a chunk per transaction. */
export async function dropRows(db: ReadDb, jobId: string): Promise<void> {
	for (const table of ['import_row', ...TYPED_STAGING]) await dropChunked(db, table, jobId);
}

async function dropChunked(db: ReadDb, table: string, jobId: string): Promise<void> {
	const name = sql.identifier(table);
	for (;;) {
		const { rowsAffected } = await write(db, (tx) =>
			tx.run(
				sql`DELETE FROM ${name} WHERE rowid IN (SELECT rowid FROM ${name} WHERE job_id = ${jobId} LIMIT 1000)`
			)
		);
		if (rowsAffected < 1000) return;
	}
}

/** Tables whose new rows an import creates with ids reserved in advance. */
export const RESERVABLE = [
	'person',
	'user',
	'question',
	'law',
	'law_version',
	'law_heading',
	'law_article'
] as const;
export type Reservable = (typeof RESERVABLE)[number];

/**
 * Reserves `n` ids of an AUTOINCREMENT table by moving its sqlite_sequence past them: SQLite never
 * hands out an id at or below it again, so rows staged with these ids (and rows referring to
 * them) can be published later without clashing with anything written meanwhile.
 * @returns the first reserved id
 */
export async function reserveIds(tx: Tx, table: Reservable, n: number): Promise<number> {
	const name = sql.identifier(table);
	const [row] = await tx.all<{ top: number }>(
		sql`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ${table}), 0), coalesce((SELECT max(id) FROM ${name}), 0)) AS top`
	);
	const top = Number(row?.top ?? 0);
	const { rowsAffected } = await tx.run(
		sql`UPDATE sqlite_sequence SET seq = ${top + n} WHERE name = ${table}`
	);
	if (rowsAffected === 0) {
		await tx.run(sql`INSERT INTO sqlite_sequence (name, seq) VALUES (${table}, ${top + n})`);
	}
	return top + 1;
}
