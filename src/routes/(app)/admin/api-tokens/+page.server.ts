import { act } from '$lib/server/actions.ts';
import { fail } from '@sveltejs/kit';
import { createApiTokenInput, revokeApiTokenInput } from '$lib/schemas/api-tokens.ts';
import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { saved } from '$lib/server/forms.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/services/api/tokens.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		authorizeAnywhere(ctx, 'api_token.manage');
		const [tokens, units] = await Promise.all([
			listApiTokens(ctx),
			listUnits(ctx, 'api_token.manage')
		]);
		return {
			tokens,
			units: flatten(units)
				.filter((u) => u.active)
				.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))
		};
	});
};

export const actions: Actions = {
	/**
	 * The secret is in this answer and nowhere else (only its hash is stored), so the page shows it
	 * here instead of redirecting: a redirect would have to carry it through the address.
	 */
	create: async (event) => {
		let chosen: string[] = [];
		const out = await act(event, 'create', createApiTokenInput, createApiToken, {
			extra: (form) => {
				chosen = form.getAll('unitIds').filter((v): v is string => typeof v === 'string');
				return {};
			}
		});
		// the ticked units come back with the rest of the form, to correct it
		if (out.kind === 'failed')
			return fail(out.failure.status, { ...out.failure.data, unitIds: chosen });
		return { kind: 'created' as const, ...out.result };
	},
	revoke: async (event) => {
		const out = await act(event, 'revoke', revokeApiTokenInput, revokeApiToken);
		if (out.kind === 'failed') return out.failure;
		return saved('api_token_revoked');
	}
};
