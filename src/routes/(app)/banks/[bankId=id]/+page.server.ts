import { act } from '$lib/server/actions.ts';
import {
	listQuestionsInput,
	markQuestionsReadyInput,
	setBankArchivedInput,
	updateBankInput
} from '$lib/schemas/banks.ts';
import { saved } from '$lib/server/forms.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { getBank } from '$lib/server/services/banks/list.ts';
import { setBankArchived, updateBank } from '$lib/server/services/banks/mutate.ts';
import { listQuestions } from '$lib/server/services/questions/list.ts';
import { markQuestionsReady } from '$lib/server/services/questions/save.ts';
import { lawChoices } from '$lib/server/services/questions/law-choices.ts';
import { activeUnitChoices } from '$lib/server/services/units/list.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const bankId = Number(event.params.bankId) || 0;
	return guard(async () => {
		const figures = await getBank(ctx, bankId);
		const filter = listQuestionsInput.parse(Object.fromEntries(event.url.searchParams));
		return {
			...figures,
			bank: {
				id: figures.bank.id,
				name: figures.bank.name,
				description: figures.bank.description,
				unitId: figures.bank.unitId,
				unitName: figures.bank.unitName,
				archived: figures.bank.archived
			},
			filter,
			questions: await listQuestions(ctx, { ...filter, bankId }),
			laws: await lawChoices(ctx),
			units: await activeUnitChoices(ctx, 'bank.manage')
		};
	});
};

const bankId = (event: { params: { bankId: string } }) => ({ bankId: event.params.bankId });

export const actions: Actions = {
	update: async (event) => {
		const out = await act(event, 'update', updateBankInput, updateBank, { extra: bankId(event) });
		if (out.kind === 'failed') return out.failure;
		return saved('bank_saved');
	},
	archive: async (event) => {
		const out = await act(event, 'archive', setBankArchivedInput, setBankArchived, {
			extra: {
				...bankId(event),
				archived: 'true'
			}
		});
		if (out.kind === 'failed') return out.failure;
		return saved('bank_archived_done');
	},
	/** 标记为已审核: the drafts ticked in the list become ready for practice and papers. */
	markReady: async (event) => {
		const out = await act(event, 'markReady', markQuestionsReadyInput, markQuestionsReady, {
			extra: bankId(event)
		});
		if (out.kind === 'failed') return out.failure;
		return saved(out.result === 1 ? 'bank_marked_ready_one' : 'bank_marked_ready', {
			n: out.result
		});
	},
	unarchive: async (event) => {
		const out = await act(event, 'unarchive', setBankArchivedInput, setBankArchived, {
			extra: {
				...bankId(event),
				archived: 'false'
			}
		});
		if (out.kind === 'failed') return out.failure;
		return saved('bank_unarchived_done');
	}
};
