import { InvalidInputError } from '../../errors.ts';
import {
	type Sheet,
	SpreadsheetError,
	type Upload,
	readSpreadsheet
} from '../../spreadsheet/index.ts';
import { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from '$lib/schemas/roster.ts';

/** Reads a roster upload, turning what makes it unreadable into the roster's own messages. */
export async function readRosterUpload(upload: Upload): Promise<Sheet> {
	try {
		return await readSpreadsheet(upload, { maxBytes: ROSTER_MAX_BYTES, maxRows: ROSTER_MAX_ROWS });
	} catch (e) {
		if (!(e instanceof SpreadsheetError)) throw e;
		const key = `roster_file_${e.reason}`;
		throw new InvalidInputError({ file: [key] }, key, e.params);
	}
}
