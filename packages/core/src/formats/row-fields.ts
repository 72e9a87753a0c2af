/**
 * The row format's columns, shared by the format and the question types that fill them.
 */
import { OPTION_LABELS } from '../question/model.ts';

/** The option letters the row format has columns for (选项A … 选项H). */
export const ROW_OPTION_LETTERS = OPTION_LABELS.slice(0, 8);

/** The row format's column headers, in export order. */
export const ROW_HEADERS = [
	'编号',
	'题型',
	'题干',
	...[...ROW_OPTION_LETTERS].map((l) => `选项${l}`),
	'答案',
	'解析',
	'分值',
	'难度',
	'法律',
	'条款',
	'知识点',
	'标签',
	'所属案例',
	'评分标准'
] as const;

/** A column of the row format: one of {@link ROW_HEADERS}. */
export type RowField = (typeof ROW_HEADERS)[number];

/**
 * The column of an option by its position (`选项A` for 0).
 *
 * @param k - the option's 0-based position
 * @returns the column header
 */
export const optionColumn = (k: number): RowField => `选项${ROW_OPTION_LETTERS[k] ?? ''}`;
