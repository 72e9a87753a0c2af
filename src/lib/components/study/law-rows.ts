import { m } from '$lib/i18n.ts';
import { articleInput } from '$lib/laws.ts';
import { LAW_ROWS_MAX, LAW_ROWS_MIN } from '$lib/schemas/limits.ts';

export interface LawRow {
	law: string;
	articles: string;
}

/** Stored citations as form rows: one row per law, its articles listed (第四十二条、第四十四条 or 42, 44). */
export function lawRowsOf(refs: readonly { lawId: string; articleNo?: number }[]): LawRow[] {
	const rows: LawRow[] = [];
	for (const r of refs) {
		let row = rows.find((x) => x.law === r.lawId);
		if (!row) rows.push((row = { law: r.lawId, articles: '' }));
		if (r.articleNo !== undefined)
			row.articles = [row.articles, articleInput(r.articleNo)]
				.filter(Boolean)
				.join(m.common_list_separator());
	}
	return rows;
}

/** The rows a form shows: what was submitted (after a failure) or stored, plus an empty one. */
export function formLawRows(
	refs: readonly { lawId: string; articleNo?: number }[],
	submitted: Record<string, unknown> | null
): LawRow[] {
	let rows: LawRow[];
	if (submitted) {
		rows = [];
		for (let i = 0; i < LAW_ROWS_MAX; i++) {
			const law = String(submitted[`laws.${i}.law`] ?? '');
			const articles = String(submitted[`laws.${i}.articles`] ?? '');
			if (law || articles) rows.push({ law, articles });
		}
	} else rows = lawRowsOf(refs);
	const count = Math.min(LAW_ROWS_MAX, Math.max(LAW_ROWS_MIN, rows.length + 1));
	return Array.from({ length: count }, (_, i) => rows[i] ?? { law: '', articles: '' });
}
