import ExcelJS from 'exceljs';

export interface ColumnSpec {
	header: string;
	/** Width in characters. */
	width?: number;
	/** Allowed values, offered as a drop-down in the data rows. */
	list?: readonly string[];
	/** Keep typed values as text (工号: Excel would turn "000123" into 123). */
	text?: boolean;
}

export interface SheetSpec {
	name: string;
	columns: ColumnSpec[];
	rows: string[][];
	/** How many rows below the header get the drop-downs (defaults to the row count + 1,000). */
	validationRows?: number;
}

// exceljs's typings leave out range validations, which its writer supports (one rule, not one per cell)
type WithRangeValidations = ExcelJS.Worksheet & {
	dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** The most characters a cell of Excel holds; a longer text makes it call the file damaged. */
export const CELL_TEXT_MAX = 32_767;

// what XML 1.0 cannot carry (C0 controls but tab and line breaks, unpaired surrogates, U+FFFE and
// U+FFFF): exceljs writes such characters as they are, and Excel or WPS then refuses the file
const NOT_XML =
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text as a cell can hold it: without the characters a workbook's XML cannot carry, with
 * Excel's `_xHHHH_` escapes kept literal, and cut (with an ellipsis) to Excel's limit. Names, stems and reasons come from users and imports.
 */
export function cellText(text: string): string {
	// a typed `_x0041_` would be read back (by Excel and by our reader) as the character it
	// names: escaped as Excel escapes it, it stays as typed
	const clean = text.replace(NOT_XML, '').replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
	return clean.length <= CELL_TEXT_MAX ? clean : `${clean.slice(0, CELL_TEXT_MAX - 1)}…`;
}

/** A row's texts as cells can hold them (see {@link cellText}). */
export const cellTexts = (row: readonly string[]): string[] => row.map(cellText);

export const HEADER_FILL: ExcelJS.Fill = {
	type: 'pattern',
	pattern: 'solid',
	fgColor: { argb: 'FF9F1D20' }
};

/**
 * Writes a workbook, one worksheet per spec: a bold header row that stays in view, column widths,
 * text columns, and drop-down lists for enumerated columns. Every cell is written as text.
 */
export async function writeWorkbook(sheets: SheetSpec[]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Xuefa';
	for (const spec of sheets) {
		const sheet = workbook.addWorksheet(spec.name, {
			views: [{ state: 'frozen', ySplit: 1 }]
		});
		sheet.columns = spec.columns.map((c) => ({
			header: c.header,
			width: c.width ?? Math.max(10, c.header.length * 2 + 4),
			style: c.text ? { numFmt: '@' } : {}
		}));
		// styled cell by cell: a row style would paint the whole row to the last column
		sheet.getRow(1).eachCell((cell) => {
			cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
			cell.fill = HEADER_FILL;
		});
		for (const row of spec.rows) sheet.addRow(cellTexts(row));
		addListValidations(sheet, spec.columns, spec.validationRows ?? spec.rows.length + 1000);
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Drop-downs for the listed columns of a sheet, over its first `rows` rows below the header. */
export function addListValidations(
	sheet: ExcelJS.Worksheet,
	columns: readonly ColumnSpec[],
	rows: number
): void {
	columns.forEach((c, i) => {
		if (!c.list) return;
		const letter = sheet.getColumn(i + 1).letter;
		(sheet as WithRangeValidations).dataValidations.add(`${letter}2:${letter}${1 + rows}`, {
			type: 'list',
			allowBlank: true,
			// Excel limits an inline list to 255 characters; our enums are far shorter
			formulae: [`"${c.list.join(',')}"`],
			showErrorMessage: true
		});
	});
}
