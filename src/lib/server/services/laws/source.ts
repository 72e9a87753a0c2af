import { hash } from 'node:crypto';
import {
	type StatuteParseResult,
	parseStatuteMarkdown,
	parseStatutePlainText,
	statuteFingerprint,
	stripControlChars
} from '@xuefa/core';
import type { LAW_SOURCE_FORMATS } from '$lib/schemas/laws.ts';
import type { LAW_SOURCE_FORMATS as STORED_FORMATS } from '../../db/schema/index.ts';
import { decodeCsv } from '../../spreadsheet/csv.ts';

export type SourceFormat = (typeof STORED_FORMATS)[number];

/** Markdown when the file says so or the text has a `# title` / the INFO END marker; else plain text. */
export function detectFormat(text: string, fileName: string): SourceFormat {
	if (/\.(md|markdown)$/i.test(fileName)) return 'markdown';
	if (/\.txt$/i.test(fileName)) return 'text';
	return /^\s*#\s/.test(text) || text.includes('<!-- INFO END -->') ? 'markdown' : 'text';
}

export interface ParsedSource extends StatuteParseResult {
	format: SourceFormat;
	/** SHA-256 of the normalised statute: the same text imported twice has the same hash. */
	contentHash: string;
}

/**
 * Parses a statute's source in the chosen (or detected) layout. The preview runs it on the upload
 * worker; it imports nothing from the database side so that the worker stays small.
 */
export function parseSource(
	text: string,
	fileName: string,
	format: (typeof LAW_SOURCE_FORMATS)[number]
): ParsedSource {
	const clean = stripControlChars(text);
	const chosen = format === 'auto' ? detectFormat(clean, fileName) : format;
	const result = chosen === 'markdown' ? parseStatuteMarkdown(clean) : parseStatutePlainText(clean);
	return {
		...result,
		format: chosen,
		contentHash: hash('sha256', statuteFingerprint(result.statute), 'hex')
	};
}

/**
 * Decodes an uploaded statute as every uploaded text is read (see `decodeCsv`): UTF-16 after its
 * byte-order mark, as Notepad saves "Unicode" (read as UTF-8 or GB18030, such a file was garbage
 * refused for its missing title and articles), UTF-8 with or without one, else GB18030.
 */
export const decodeText = decodeCsv;
