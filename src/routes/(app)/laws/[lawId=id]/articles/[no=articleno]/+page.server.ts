import { z } from 'zod';
import { id } from '$lib/schemas/common.ts';
import { canAnywhere } from '$lib/server/authz/index.ts';
import { NotFoundError } from '$lib/server/errors.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { getArticle } from '$lib/server/services/laws/read.ts';
import type { PageServerLoad } from './$types';

// 0 is the preamble (序言)
const articleNo = z.coerce.number().int().min(0).max(9999);

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const lawId = id.safeParse(event.params.lawId);
		const no = articleNo.safeParse(event.params.no);
		if (!lawId.success || !no.success) throw new NotFoundError();
		const article = await getArticle(ctx, lawId.data, no.data);
		return { ...article, showQuestions: canAnywhere(ctx.user, 'bank.manage') };
	});
};
