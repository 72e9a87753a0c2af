/** One data row of a sheet: `line` is its 1-based row number as the spreadsheet program shows it. */
export interface SheetRow {
	line: number;
	/** Cell text by header; a column with an empty header is dropped. */
	cells: Record<string, string>;
}

/** The first worksheet of an upload: its header row and the non-empty rows below it. */
export interface Sheet {
	headers: string[];
	rows: SheetRow[];
}

export interface SheetLimits {
	maxBytes: number;
	/** Data rows, not counting the header. */
	maxRows: number;
	/** What an .xlsx may unpack to (default: XLSX_LIMITS), counted while inflating. */
	maxUnzippedBytes?: number;
}

export const DEFAULT_LIMITS: SheetLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 5000 };

export type SpreadsheetProblem =
	| 'too_large'
	| 'too_many_rows'
	| 'too_large_unzipped'
	| 'too_many_columns'
	| 'unsupported'
	| 'encrypted'
	| 'encrypted_xls'
	| 'unreadable'
	| 'unclosed_quote'
	| 'no_header'
	| 'duplicate_header';

/**
 * Why an upload cannot be read at all. It carries a reason, not a message: each importer (roster,
 * question bank) says it in its own words.
 */
export class SpreadsheetError extends Error {
	constructor(
		readonly reason: SpreadsheetProblem,
		readonly params: Record<string, string | number> = {}
	) {
		super(`spreadsheet: ${reason}`);
		this.name = 'SpreadsheetError';
	}
}
