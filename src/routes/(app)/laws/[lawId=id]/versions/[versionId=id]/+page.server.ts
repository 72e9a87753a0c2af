import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { id } from '$lib/schemas/common.ts';
import { lawVersionCurrentInput } from '$lib/schemas/laws.ts';
import { canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { NotFoundError } from '$lib/server/errors.ts';
import { makeVersionCurrent } from '$lib/server/services/laws/make-current.ts';
import { getLawVersion } from '$lib/server/services/laws/read.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const lawId = id.safeParse(event.params.lawId);
		const versionId = id.safeParse(event.params.versionId);
		if (!lawId.success || !versionId.success) throw new NotFoundError();
		return {
			...(await getLawVersion(ctx, lawId.data, versionId.data)),
			canMakeCurrent: canAnywhere(ctx.user, 'law.manage')
		};
	});
};

export const actions: Actions = {
	makeCurrent: async (event) => {
		const { lawId, versionId } = event.params;
		const out = await act(event, 'makeCurrent', lawVersionCurrentInput, makeVersionCurrent, {
			extra: {
				lawId,
				versionId
			}
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/laws/${lawId}?madeCurrent=1&flagged=${out.result}`);
	}
};
