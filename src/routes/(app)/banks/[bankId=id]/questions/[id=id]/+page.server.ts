import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { clearReviewFlagInput, setQuestionStatusInput } from '$lib/schemas/banks.ts';
import { draftOf } from '$lib/questions/draft.ts';
import { saved } from '$lib/server/forms.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { renderMarkdown } from '$lib/server/markdown.ts';
import { getQuestion } from '$lib/server/services/questions/get.ts';
import { lawChoices } from '$lib/server/services/questions/law-choices.ts';
import { missingArticleText, missingArticles } from '$lib/server/services/laws/citations.ts';
import {
	clearReviewFlag,
	setQuestionStatus,
	updateQuestion
} from '$lib/server/services/questions/save.ts';
import { editorAction } from '../editor.server.ts';
import type { Actions, PageServerLoad } from './$types';
import { renderVersion } from './render.ts';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const q = await getQuestion(ctx, Number(event.params.id) || 0);
		// the URL's bank must be the question's: one canonical address per question
		if (String(q.bank.id) !== event.params.bankId) {
			redirect(308, `/banks/${q.bank.id}/questions/${q.question.id}`);
		}
		const asked = Number(event.url.searchParams.get('version'));
		const viewed = q.versions.find((v) => v.version === asked);
		return {
			bank: { id: q.bank.id, name: q.bank.name },
			question: {
				id: q.question.id,
				version: q.question.currentVersion,
				status: q.question.status,
				externalId: q.question.externalId,
				reviewFlag: q.question.reviewFlag
			},
			tab: event.url.searchParams.get('tab') === 'history' || viewed ? 'history' : 'edit',
			saved: event.url.searchParams.get('saved'),
			draft: draftOf(q.current),
			history: q.versions
				.map((v) => ({ version: v.version, createdAt: v.createdAt, createdBy: v.createdBy }))
				.reverse(),
			viewed: viewed
				? { version: viewed.version, ...renderVersion(viewed.data, renderMarkdown) }
				: null,
			laws: await lawChoices(ctx),
			// a warning, not a refusal: the law may be amended later or the library behind
			citationWarnings: (await missingArticles(ctx, q.current.laws)).map(missingArticleText)
		};
	});
};

const questionId = (event: { params: { id: string } }) => ({ questionId: event.params.id });

export const actions: Actions = {
	save: (event) =>
		editorAction(event, (ctx, content, status) =>
			updateQuestion(ctx, { questionId: Number(event.params.id) || 0, content, status })
		),
	/** Mark ready, back to draft, retire or restore: the button pressed names the new status. */
	status: async (event) => {
		const out = await act(event, 'status', setQuestionStatusInput, setQuestionStatus, {
			extra: questionId(event)
		});
		if (out.kind === 'failed') return out.failure;
		return saved('bank_question_status_saved');
	},
	reviewed: async (event) => {
		const out = await act(event, 'reviewed', clearReviewFlagInput, clearReviewFlag, {
			extra: questionId(event)
		});
		if (out.kind === 'failed') return out.failure;
		return saved('bank_question_reviewed');
	}
};
