/**
 * What Excel shows of a long number in a cell of the General format, and what it writes into a
 * CSV: an 18-digit 编号, 工号 or fill-in answer `123456789012345678` becomes `1.23457E+17`, its
 * digits past the sixth gone (and past the fifteenth gone in the workbook itself). Read as text it
 * is a wrong id or an answer no candidate could give; nobody types a name or a question's text in
 * this form.
 */
const EXCEL_SCIENTIFIC = /^[+-]?\d(?:\.\d+)?E[+-]\d{2,3}$/i;

/**
 * Whether a cell holds a number as Excel shows it in scientific notation (`1.23457E+17`, `1E+15`,
 * surrounding spaces ignored): its own digits are lost, so every importer of texts and ids refuses
 * it at its row (`format.row.scientific`, `format.cell.scientific`) rather than import it wrong.
 * Columns read as numbers (分值) may take it as the number it says.
 *
 * @param cell - the cell's text, as the file holds it
 * @returns true when the cell is such a number
 * @example
 * isExcelScientific('1.23457E+17'); // → true
 * isExcelScientific('123456789012'); // → false: Excel keeps 15 digits whole
 */
export function isExcelScientific(cell: string): boolean {
	return EXCEL_SCIENTIFIC.test(cell.trim());
}

/**
 * What a spreadsheet reader appends to the text of a cell whose number had more digits than the
 * 15 Excel keeps, in a cell of a number format (`0`, `000000000000000000`) rather than General:
 * Excel shows it in full, `110101199003071000`, its digits past the fifteenth already 0s. Nothing
 * in the text says so (an 18-digit 身份证号 typed as text may end in 000 too): the reader, which
 * knows the cell held a number, marks it with this U+FFFE, a noncharacter no file's text holds.
 */
export const EXCEL_ROUNDED_MARK = '\uFFFE';

/** A cell whose digits Excel lost: how it shows them, and which of the two ways. */
export interface ExcelLostDigits {
	/** `scientific`: shown as `1.23457E+17`; `rounded`: shown in full, the last digits 0s. */
	code: 'scientific' | 'rounded';
	/** The cell's text as the person sees it. */
	value: string;
}

/**
 * Whether a cell lost its digits in Excel: shown in scientific notation ({@link isExcelScientific})
 * or marked by the reader as rounded to Excel's 15 digits ({@link EXCEL_ROUNDED_MARK}). Importers
 * of texts and ids refuse such a cell at its row (`format.row.scientific` or `format.row.rounded`,
 * `format.cell.*` of the cell alone) rather than import another number.
 *
 * @param cell - the cell's text, as the reader gives it
 * @returns how the digits were lost and the text shown, or undefined when they were not
 * @example
 * excelLostDigits('110101199003071000\uFFFE'); // → { code: 'rounded', value: '110101199003071000' }
 * excelLostDigits('1.23457E+17'); // → { code: 'scientific', value: '1.23457E+17' }
 * excelLostDigits('110101199003071234'); // → undefined
 */
export function excelLostDigits(cell: string): ExcelLostDigits | undefined {
	if (cell.includes(EXCEL_ROUNDED_MARK))
		return { code: 'rounded', value: cell.replaceAll(EXCEL_ROUNDED_MARK, '').trim() };
	return isExcelScientific(cell) ? { code: 'scientific', value: cell.trim() } : undefined;
}
