import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
	type ColumnSpec,
	HEADER_FILL,
	type SheetSpec,
	addListValidations,
	cellTexts
} from './write.ts';

/** Rows of a list, a page at a time (see {@link keysetPages}). */
export type RowPages = AsyncIterable<readonly (readonly string[])[]>;

/** A list export, ready to stream: the viewer was authorised and the filter read already. */
export interface ListExport {
	sheet: string;
	columns: readonly ColumnSpec[];
	/** How many rows the pages will give (counted first), for the progress a browser shows. */
	rows: number;
	pages: RowPages;
	/**
	 * Small sheets after the list (the roster's instructions). Read once the pages are done, so
	 * that the pages may add what they found while they were read (a bank's questions that a
	 * sheet cannot hold).
	 */
	notes?: readonly SheetSpec[];
}

// setImmediate, not a resolved promise: other requests' I/O gets its turn between two pages
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads a query a page at a time, each page starting after the last row of the one before (keyset:
 * every page costs the same, where an offset would read all the rows before it again), and lets
 * other requests run between pages.
 */
export async function* keysetPages<R>(
	fetch: (after: R | undefined, limit: number) => Promise<R[]>,
	pageSize = 1000
): AsyncGenerator<R[]> {
	let after: R | undefined;
	for (;;) {
		const page = await fetch(after, pageSize);
		if (page.length > 0) yield page;
		if (page.length < pageSize) return;
		after = page[page.length - 1];
		await yieldToOthers();
	}
}

/** Rows already in memory (an aggregate, a bounded list) in pages, letting others run between. */
export async function* inPages<R>(rows: readonly R[], pageSize = 1000): AsyncGenerator<R[]> {
	for (let i = 0; i < rows.length; i += pageSize) {
		if (i > 0) await yieldToOthers();
		yield rows.slice(i, i + pageSize);
	}
}

/** Maps each page of rows into the cells of a sheet. */
export async function* mapPages<R>(
	pages: AsyncIterable<R[]>,
	cells: (row: R) => string[] | Promise<string[]>
): AsyncGenerator<string[][]> {
	for await (const page of pages) {
		const out: string[][] = [];
		for (const row of page) out.push(await cells(row));
		yield out;
	}
}

/**
 * Writes a list as a workbook while its rows are read, with the look of `writeWorkbook` (bold header
 * row that stays in view, widths, text columns): memory holds a page, never the whole list.
 */
export function streamWorkbook(list: ListExport): Readable {
	const out = new PassThrough();
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: out,
		useStyles: true,
		// shared strings would keep every distinct text in memory until the end
		useSharedStrings: false
	});
	workbook.creator = 'Xuefa';
	const addSheet = (name: string, columns: readonly ColumnSpec[], rows: number) => {
		const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = columns.map((c) => ({
			header: c.header,
			width: c.width ?? Math.max(10, c.header.length * 2 + 4),
			style: c.text ? { numFmt: '@' } : {}
		}));
		const header = sheet.getRow(1);
		header.eachCell((cell) => {
			cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
			cell.fill = HEADER_FILL;
		});
		header.commit();
		// as writeWorkbook: the drop-downs reach 1,000 rows past the list, for rows added to it
		addListValidations(sheet, columns, rows + 1000);
		return sheet;
	};
	// A download cancelled (the browser's fetch aborted, the client gone) destroys `out`: the
	// response body's cancel() reaches it (SvelteKit cancels the body when the connection closes).
	// Then no further page is read: leaving the loop ends the page generators, and their queries.
	const gone = new AbortController();
	out.once('close', () => gone.abort());
	const write = async () => {
		const sheet = addSheet(list.sheet, list.columns, list.rows);
		for await (const page of list.pages) {
			for (const row of page) sheet.addRow(cellTexts(row)).commit();
			// a slow reader holds the writer back instead of the file piling up in memory
			if (out.writableNeedDrain) await once(out, 'drain', { signal: gone.signal });
			// a cancel that came while this page was read or written is seen here, before the next
			await yieldToOthers();
			if (gone.signal.aborted) return;
		}
		sheet.commit();
		for (const note of list.notes ?? []) {
			const extra = addSheet(note.name, note.columns, note.validationRows ?? note.rows.length);
			for (const row of note.rows) extra.addRow(cellTexts(row)).commit();
			extra.commit();
		}
		await workbook.commit();
	};
	write().catch((e: unknown) => {
		if (!gone.signal.aborted) out.destroy(e instanceof Error ? e : new Error(String(e)));
	});
	return out;
}
