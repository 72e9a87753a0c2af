import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import type { Ctx } from '../context.ts';
import { log } from '../log.ts';
import { EXPORTS_PER_USER } from '$lib/schemas/limits.ts';
import { EXPORT_SLOT_MS, takeExportSlot } from './slots.ts';
import { type ListExport, streamWorkbook } from './stream.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The header that tells a browser how many rows a streamed export holds (for its progress). */
export const ROWS_HEADER = 'X-Export-Rows';

interface FileName {
	nameKey: string;
	ascii: string;
}

/**
 * The file name is localised, so it goes out twice: an ASCII fallback and the RFC 5987 UTF-8 form
 * (花名册模板.xlsx) that every current browser prefers.
 */
function downloadHeaders(file: FileName, suffix: string): Record<string, string> {
	const end = `${suffix ? `-${suffix}` : ''}.xlsx`;
	const name = `${t(file.nameKey)}${end}`;
	const ascii = `${file.ascii}${end}`;
	return {
		'Content-Type': XLSX,
		'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
		// rosters hold personal data and one-time passwords: never keep a copy in a cache
		'Cache-Control': 'no-store'
	};
}

/** A workbook download of a small, fixed document built in memory. */
export function xlsxResponse(bytes: Uint8Array, file: FileName, suffix = ''): Response {
	return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: downloadHeaders(file, suffix) });
}

/**
 * A list's workbook, streamed while its rows are read. Everything that can refuse (authorisation,
 * the filter) has run before this is called, so a refusal is a proper error page, not a broken file;
 * the last refusal is a person's third export at once (429, see slots.ts). The stream holds its
 * slot while it runs and gives it back when it ends, fails or is cancelled.
 */
export async function xlsxStreamResponse(
	ctx: Pick<Ctx, 'db' | 'user' | 'now'>,
	list: ListExport,
	file: FileName,
	suffix = ''
): Promise<Response> {
	const slot = await takeExportSlot(ctx.db, ctx.user.id, ctx.now);
	if (!slot) error(429, t('export_too_many', { n: EXPORTS_PER_USER }));
	const stream = streamWorkbook(list);
	// a large export read slowly (a phone on a poor line) may outlast the slot's lease: while it
	// streams, the slot is renewed, so a third export is still refused
	const renewal = setInterval(() => {
		slot.renew(new Date()).catch((e: unknown) => log.error({ err: e }, 'export slot not renewed'));
	}, EXPORT_SLOT_MS / 3);
	renewal.unref();
	stream.once('close', () => {
		clearInterval(renewal);
		slot.release().catch((e: unknown) => log.error({ err: e }, 'export slot not given back'));
	});
	const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
	return new Response(body, {
		headers: { ...downloadHeaders(file, suffix), [ROWS_HEADER]: String(list.rows) }
	});
}
