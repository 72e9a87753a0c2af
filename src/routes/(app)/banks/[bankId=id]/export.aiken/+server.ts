import { t } from '$lib/i18n.ts';
import { textDownload } from '$lib/server/download.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { exportBankAiken } from '$lib/server/services/questions/export.ts';
import type { RequestHandler } from './$types';

/** The Aiken file; the page at ../aiken lists the questions it leaves out. */
export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const id = event.params.bankId;
	const { text } = await guard(() => exportBankAiken(ctx, Number(id) || 0));
	// .txt, which Moodle and this app's import both take as Aiken
	return textDownload(text, {
		localised: `${t('bank_filename_export')}-${id}-Aiken.txt`,
		ascii: `questions-${id}-aiken.txt`
	});
};
