import { t } from '$lib/i18n.ts';
import { textDownload } from '$lib/server/download.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { exportBankGift } from '$lib/server/services/questions/export.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const id = event.params.bankId;
	const { text } = await guard(() => exportBankGift(ctx, Number(id) || 0));
	return textDownload(text, {
		localised: `${t('bank_filename_export')}-${id}.gift`,
		ascii: `questions-${id}.gift`
	});
};
