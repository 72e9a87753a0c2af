/**
 * The shape of the core's message tables: each domain's file fills one, and messages.ts joins them.
 * Apart from messages.ts so that the tables need not import the file that imports them.
 */

/** The locales the core ships messages for. Chinese first. */
export const LOCALES = ['zh-CN', 'en'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** Templates per locale and code; `{name}` placeholders are filled from the data. */
export type MessageTable = Record<Locale, Record<string, string>>;
