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
