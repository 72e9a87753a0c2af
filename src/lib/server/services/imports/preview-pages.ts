import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { previewIdOf, readStaged, stage } from './staging.ts';

/** Rows of a preview shown at once: a phone scrolls through a page, not through 5,000 rows. */
export const PREVIEW_PAGE_SIZE = 50;

/** A preview whose rows (what importing would do, row by row) are shown a page at a time. */
export interface PagedRows<R> {
	rows: R[];
	/** The id to ask for another page with (`?preview=…&page=…`); null when nothing was kept. */
	previewId: string | null;
	page: number;
	pageSize: number;
	/** Rows in all. */
	total: number;
}

/** The address's preview and page (`?preview=…&page=…`), or null when it names none. */
const previewQuery = z.object({
	preview: z.string().regex(/^[0-9a-f]{32}$/),
	page: z.coerce.number().int().min(1).catch(1)
});

export function previewAsked(url: URL): { id: string; page: number } | null {
	const parsed = previewQuery.safeParse(Object.fromEntries(url.searchParams));
	return parsed.success ? { id: parsed.data.preview, page: parsed.data.page } : null;
}

const kindOf = (importKind: string) => `${importKind}-preview`;

function pageOf<P extends { rows: R[] }, R, S>(
	preview: P,
	previewId: string | null,
	page: number,
	shown: (rows: R[]) => S[]
): Omit<P, 'rows'> & PagedRows<S> {
	const total = preview.rows.length;
	const last = Math.max(1, Math.ceil(total / PREVIEW_PAGE_SIZE));
	const at = Math.min(Math.max(1, page), last);
	const start = (at - 1) * PREVIEW_PAGE_SIZE;
	return {
		...preview,
		rows: shown(preview.rows.slice(start, start + PREVIEW_PAGE_SIZE)),
		previewId,
		page: at,
		pageSize: PREVIEW_PAGE_SIZE,
		total
	};
}

/**
 * Keeps a preview whole with its upload (30 minutes, for its user only: see staging.ts) and gives
 * its first page: the answer to an upload holds a page of rows, never all of them, and the
 * other pages are asked for by address, with or without JavaScript. A preview with nothing to
 * import (no `uploadId`) is not kept: its rows are not shown. A kept one goes with its upload (see
 * {@link previewIdOf}). `shown` turns the page's rows into what the page shows (a question's
 * Markdown into text): only a page of them, at a time.
 */
export async function keepPreview<P extends { rows: R[] }, R, S = R>(
	ctx: Ctx,
	importKind: string,
	fileName: string,
	preview: P,
	uploadId: string | null,
	shown: (rows: R[]) => S[] = (rows) => rows as unknown as S[]
): Promise<Omit<P, 'rows'> & PagedRows<S>> {
	const id =
		uploadId === null
			? null
			: await stage(ctx, kindOf(importKind), { fileName, payload: preview }, previewIdOf(uploadId));
	return pageOf(preview, id, 1, shown);
}

/** A page of a kept preview; an expired one is `import_staged_expired`, as its import would be. */
export async function previewPage<P extends { rows: R[] }, R, S = R>(
	ctx: Ctx,
	importKind: string,
	asked: { id: string; page: number },
	shown: (rows: R[]) => S[] = (rows) => rows as unknown as S[]
): Promise<Omit<P, 'rows'> & PagedRows<S>> {
	const { payload } = await readStaged<P>(ctx, kindOf(importKind), asked.id);
	return pageOf(payload, asked.id, asked.page, shown);
}
