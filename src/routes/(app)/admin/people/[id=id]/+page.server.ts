import { act } from '$lib/server/actions.ts';
import {
	createAccountInput,
	resetPasswordInput,
	setAccountDisabledInput
} from '$lib/schemas/auth.ts';
import { grantRoleInput, revokeRoleInput, updatePersonInput } from '$lib/schemas/org.ts';
import { saved } from '$lib/server/forms.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { createAccount } from '$lib/server/services/accounts/create-account.ts';
import { resetPassword } from '$lib/server/services/accounts/reset-password.ts';
import { setAccountDisabled } from '$lib/server/services/accounts/set-disabled.ts';
import { getPerson } from '$lib/server/services/people/get.ts';
import { updatePerson } from '$lib/server/services/people/mutate.ts';
import { personView } from '$lib/server/services/people/view.ts';
import { grantRole, revokeRole } from '$lib/server/services/roles/grant.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const personId = Number(event.params.id);
	const view = await guard(() => personView(ctx, Number.isInteger(personId) ? personId : 0));
	return {
		...view,
		// reset and disable are asked for first, then confirmed (a second page, no script needed)
		confirm: CONFIRMABLE.find((c) => c === event.url.searchParams.get('confirm')) ?? null,
		created: event.url.searchParams.has('created')
	};
};

const CONFIRMABLE = ['resetPassword', 'disable'] as const;

/** The person's account id, looked up on the server: a form never chooses whose account it changes. */
async function accountOf(event: Parameters<Actions[string]>[0]) {
	const p = await guard(() => getPerson(ctxOf(event), Number(event.params.id)));
	return p.account?.id ?? 0;
}

export const actions: Actions = {
	update: async (event) => {
		const out = await act(event, 'update', updatePersonInput, updatePerson, {
			extra: {
				personId: event.params.id
			}
		});
		if (out.kind === 'failed') return out.failure;
		return saved('person_saved');
	},
	createAccount: async (event) => {
		const out = await act(event, 'createAccount', createAccountInput, createAccount, {
			extra: {
				personId: event.params.id
			}
		});
		if (out.kind === 'failed') return out.failure;
		return { kind: 'password' as const, password: out.result.password };
	},
	resetPassword: async (event) => {
		const out = await act(event, 'resetPassword', resetPasswordInput, resetPassword, {
			extra: {
				userId: await accountOf(event)
			}
		});
		if (out.kind === 'failed') return out.failure;
		return { kind: 'password' as const, password: out.result };
	},
	setDisabled: async (event) => {
		const extra = { userId: await accountOf(event) };
		const out = await act(event, 'setDisabled', setAccountDisabledInput, setAccountDisabled, {
			extra: extra
		});
		if (out.kind === 'failed') return out.failure;
		return saved('common_saved');
	},
	grant: async (event) => {
		const out = await act(event, 'grant', grantRoleInput, grantRole, {
			extra: {
				userId: await accountOf(event)
			}
		});
		if (out.kind === 'failed') return out.failure;
		return saved('grant_saved');
	},
	revoke: async (event) => {
		const out = await act(event, 'revoke', revokeRoleInput, revokeRole, {
			extra: {
				userId: await accountOf(event)
			}
		});
		if (out.kind === 'failed') return out.failure;
		return saved('grant_saved');
	}
};
