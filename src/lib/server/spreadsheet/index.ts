export {
	type NamedSheet,
	readSpreadsheet,
	readSpreadsheetSheets,
	type SheetLayout,
	type Upload,
	type WorkbookSheets
} from './read.ts';
export { writeWorkbook, type ColumnSpec, type SheetSpec } from './write.ts';
export {
	DEFAULT_LIMITS,
	type Sheet,
	type SheetLimits,
	type SheetRow,
	SpreadsheetError,
	type SpreadsheetProblem
} from './types.ts';
export {
	type ListExport,
	type RowPages,
	inPages,
	keysetPages,
	mapPages,
	streamWorkbook
} from './stream.ts';
