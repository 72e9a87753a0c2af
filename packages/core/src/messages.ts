/**
 * Message tables: the one place where the core turns stable codes into sentences a person reads.
 *
 * Each domain area exports its own table (`{ 'zh-CN': {...}, en: {...} }`); applications may use
 * them as they are or map the codes in their own catalogue.
 */

/** The locales the core ships messages for. Chinese first. */
export const LOCALES = ['zh-CN', 'en'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** Templates per locale and code; `{name}` placeholders are filled from the data. */
export type MessageTable = Record<Locale, Record<string, string>>;

/**
 * Formats a code with its data using one or more tables; unknown codes come back as the code itself.
 *
 * @param tables - tables to look in, first match wins
 * @param code - the stable code
 * @param data - placeholder values
 * @param locale - the reader's locale
 * @returns the filled-in sentence
 * @example
 * formatMessage([{ 'zh-CN': { x: '缺少{n}道题' }, en: { x: '{n} missing' } }], 'x', { n: 3 }, 'zh-CN');
 * // → '缺少3道题'
 */
export function formatMessage(
	tables: readonly MessageTable[],
	code: string,
	data: Readonly<Record<string, unknown>> = {},
	locale: Locale = 'zh-CN'
): string {
	const template = tables.map((t) => t[locale][code]).find((t) => t !== undefined);
	if (template === undefined) return code;
	return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
		key in data ? String(data[key]) : whole
	);
}
