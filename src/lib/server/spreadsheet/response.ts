import { t } from '$lib/i18n.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A workbook download. The file name is localised, so it goes out twice: an ASCII fallback and the
 * RFC 5987 UTF-8 form (花名册模板.xlsx) that every current browser prefers.
 */
export function xlsxResponse(
	bytes: Uint8Array,
	file: { nameKey: string; ascii: string },
	suffix = ''
): Response {
	const end = `${suffix ? `-${suffix}` : ''}.xlsx`;
	const name = `${t(file.nameKey)}${end}`;
	const ascii = `${file.ascii}${end}`;
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'Content-Type': XLSX,
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			// rosters hold personal data and one-time passwords: never keep a copy in a cache
			'Cache-Control': 'no-store'
		}
	});
}
