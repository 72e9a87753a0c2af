import { InvalidInputError } from '../../errors.ts';
import { type Upload, readSpreadsheet } from '../../spreadsheet/read.ts';
import { type Sheet, SpreadsheetError } from '../../spreadsheet/types.ts';
import { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from '$lib/schemas/roster.ts';

/**
 * Reads a roster file, turning what makes it unreadable into the roster's own messages. Runs on
 * the upload worker (`previewRoster` sends it there).
 */
export async function readRosterFile(upload: Upload): Promise<Sheet> {
	try {
		return await readSpreadsheet(upload, { maxBytes: ROSTER_MAX_BYTES, maxRows: ROSTER_MAX_ROWS });
	} catch (e) {
		if (!(e instanceof SpreadsheetError)) throw e;
		const key = `roster_file_${e.reason}`;
		throw new InvalidInputError({ file: [key] }, key, e.params);
	}
}
