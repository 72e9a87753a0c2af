import { QUESTION_TYPES, type QuestionType } from '@xuefa/core';
import { emptyDraft } from '$lib/questions/draft.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { getBank } from '$lib/server/services/banks/list.ts';
import { lawChoices } from '$lib/server/services/questions/law-choices.ts';
import { createQuestion } from '$lib/server/services/questions/save.ts';
import { editorAction } from '../editor.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const { bank } = await getBank(ctx, Number(event.params.bankId) || 0);
		const type = event.url.searchParams.get('type') ?? 'single';
		const chosen = (QUESTION_TYPES as readonly string[]).includes(type)
			? (type as QuestionType)
			: 'single';
		return {
			bank: { id: bank.id, name: bank.name, archived: bank.archived },
			draft: emptyDraft(chosen),
			laws: await lawChoices(ctx)
		};
	});
};

export const actions: Actions = {
	save: (event) =>
		editorAction(event, (ctx, content, status) =>
			createQuestion(ctx, { bankId: Number(event.params.bankId) || 0, content, status })
		)
};
