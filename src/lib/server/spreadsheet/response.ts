import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import type { Ctx } from '../context.ts';
import { log } from '../log.ts';
import { EXPORTS_PER_USER } from '$lib/schemas/limits.ts';
import { EXPORT_SLOT_MS, type ExportSlot, takeExportSlot } from './slots.ts';
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

/** One of the person's export slots, or the 429 of a third export at once (see slots.ts). */
async function exportSlot(ctx: Pick<Ctx, 'db' | 'user' | 'now'>): Promise<ExportSlot> {
	const slot = await takeExportSlot(ctx.db, ctx.user.id, ctx.now);
	if (!slot) error(429, t('export_too_many', { n: EXPORTS_PER_USER }));
	return slot;
}

/**
 * Keeps `slot` held while its export streams: a large export read slowly (a phone on a poor line)
 * may outlast the slot's lease, and a third export must still be refused. Returns what gives the
 * slot back when the stream ends, fails or is cancelled (once).
 */
function holdWhileStreaming(slot: ExportSlot): () => void {
	const renewal = setInterval(() => {
		slot.renew(new Date()).catch((e: unknown) => log.error({ err: e }, 'export slot not renewed'));
	}, EXPORT_SLOT_MS / 3);
	renewal.unref();
	return () => {
		clearInterval(renewal);
		slot.release().catch((e: unknown) => log.error({ err: e }, 'export slot not given back'));
	};
}

/**
 * A text export (a bank as GIFT or Aiken) in one of the person's export slots, as the workbooks
 * are: `build` (which authorises, and may read the whole bank once to count what it leaves out)
 * runs in the slot, and the text it streams holds the slot until it ends, fails or is cancelled.
 * Refused with 429 when the person's slots are all in use.
 */
export async function slottedText(
	ctx: Pick<Ctx, 'db' | 'user' | 'now'>,
	build: () => Promise<AsyncIterable<string>>
): Promise<AsyncIterable<string>> {
	const slot = await exportSlot(ctx);
	const done = holdWhileStreaming(slot);
	let parts: AsyncIterator<string>;
	try {
		parts = (await build())[Symbol.asyncIterator]();
	} catch (e) {
		done();
		throw e;
	}
	const iterator: AsyncIterator<string> = {
		async next() {
			try {
				const part = await parts.next();
				if (part.done) done();
				return part;
			} catch (e) {
				done();
				throw e;
			}
		},
		// the download cancelled
		async return(value?: unknown) {
			done();
			return (await parts.return?.(value)) ?? { done: true, value: undefined };
		}
	};
	return { [Symbol.asyncIterator]: () => iterator };
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
	const slot = await exportSlot(ctx);
	const stream = streamWorkbook(list);
	stream.once('close', holdWhileStreaming(slot));
	const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
	return new Response(body, {
		headers: { ...downloadHeaders(file, suffix), [ROWS_HEADER]: String(list.rows) }
	});
}
