import { t } from '$lib/i18n.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { exportBankGift } from '$lib/server/services/questions/export.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const id = event.params.bankId;
	const { text } = await guard(() => exportBankGift(ctx, Number(id) || 0));
	const name = `${t('bank_filename_export')}-${id}.gift`;
	return new Response(text, {
		headers: {
			'Content-Type': 'text/plain; charset=utf-8',
			'Content-Disposition': `attachment; filename="questions-${id}.gift"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'Cache-Control': 'no-store'
		}
	});
};
