import { t } from '$lib/i18n.ts';
import { textDownload } from '$lib/server/download.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { slottedText } from '$lib/server/spreadsheet/response.ts';
import { loadBank } from '$lib/server/services/banks/access.ts';
import { exportBankAiken } from '$lib/server/services/questions/export.ts';
import type { RequestHandler } from './$types';

/** The Aiken file; the page at ../aiken lists the questions it leaves out. */
export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const id = event.params.bankId;
	// refused (403, 404) before a slot is taken: whoever may not export the bank spends none
	await guard(() => loadBank(ctx, Number(id) || 0));
	// in one of the person's export slots, as the workbooks are: a flood of exports waits its turn
	const text = await slottedText(ctx, async () => {
		const { text } = await guard(() => exportBankAiken(ctx, Number(id) || 0));
		return text;
	});
	// .txt, which Moodle and this app's import both take as Aiken
	return textDownload(text, {
		localised: `${t('bank_filename_export')}-${id}-Aiken.txt`,
		ascii: `questions-${id}-aiken.txt`
	});
};
