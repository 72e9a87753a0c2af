import { createFeedInput, revokeFeedInput } from '$lib/schemas/study.ts';
import { act, done } from '$lib/server/actions.ts';
import { canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf } from '$lib/server/http.ts';
import { createFeed, feedPath, listFeeds, revokeFeed } from '$lib/server/services/study/feeds.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return {
		feeds: await listFeeds(ctx),
		personal: ctx.user.personId !== null && canAnywhere(ctx.user, 'study.attend'),
		units: flatten(await listUnits(ctx, 'study.read'))
			.filter((u) => u.active)
			.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))
	};
};

export const actions: Actions = {
	// the address holds the only copy of the token: it is shown once, here, not put in a redirect
	create: async (event) => {
		const out = await act(event, 'create', createFeedInput, createFeed);
		if (out.kind === 'failed') return out.failure;
		return { kind: 'created' as const, url: `${event.url.origin}${feedPath(out.result)}` };
	},
	revoke: async (event) => {
		const out = await act(event, 'revoke', revokeFeedInput, revokeFeed);
		if (out.kind === 'failed') return out.failure;
		done(event, 'revoked');
	}
};
