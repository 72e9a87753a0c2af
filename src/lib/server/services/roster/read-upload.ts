import { InvalidInputError } from '../../errors.ts';
import { type Upload, readSpreadsheetSheets } from '../../spreadsheet/read.ts';
import { type Sheet, SpreadsheetError } from '../../spreadsheet/types.ts';
import { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from '$lib/schemas/roster.ts';
import { REQUIRED_COLUMNS, columnOf } from './columns.ts';

/**
 * The roster's header: a row naming at least two of the required columns (单位, 姓名, 工号), so
 * that a title above it (2026年区直单位干部花名册) is passed over, and a header missing one
 * required column is still found, to be refused with that column's name.
 */
function isRosterHeader(values: readonly string[]): boolean {
	const named = new Set(values.map(columnOf));
	return REQUIRED_COLUMNS.filter((c) => named.has(c)).length >= 2;
}

/**
 * Reads a roster file, turning what makes it unreadable into the roster's own messages. The sheet
 * with the roster's header is read (a sheet of instructions before it is passed over); a workbook
 * with the roster on several sheets is refused rather than imported in part. Runs on the upload
 * worker (`previewRoster` sends it there).
 */
export async function readRosterFile(upload: Upload): Promise<Sheet> {
	try {
		const { sheets } = await readSpreadsheetSheets(
			upload,
			{ maxBytes: ROSTER_MAX_BYTES, maxRows: ROSTER_MAX_ROWS },
			// a 工号 past Excel's 15 digits in a General cell reads as Excel shows it (1.23457E+17),
			// to be refused by the plan rather than imported as another number (123456789012345000)
			{ isHeader: isRosterHeader, asShown: true }
		);
		// a sheet with the header and no rows (a blank copy of the template) holds nothing to leave out
		const filled = sheets.filter((s) => s.rows.length > 0);
		if (filled.length > 1)
			throw new InvalidInputError(
				{ file: ['roster_file_many_sheets'] },
				'roster_file_many_sheets',
				{
					sheets: filled.map((s) => s.name)
				}
			);
		const { headers, rows } = filled[0] ?? sheets[0]!;
		return { headers, rows };
	} catch (e) {
		if (!(e instanceof SpreadsheetError)) throw e;
		const key = `roster_file_${e.reason}`;
		throw new InvalidInputError({ file: [key] }, key, e.params);
	}
}
