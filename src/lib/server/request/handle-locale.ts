import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit';
import {
	type Locale,
	extractLocaleFromRequest,
	overwriteServerAsyncLocalStorage
} from '$lib/paraglide/runtime.js';

type Store = { locale?: Locale; origin?: string; messageCalls?: Set<string> };

// What paraglide's middleware provides, without what it costs here: it copies every request, body
// and all, so that a locale in the URL could be taken out of it; this app keeps the locale in a
// cookie (or uses zh-CN), so the copy served nothing and cost more than the rest of the locale
// step on exam day. Messages read the locale from this request-scoped store, as they do there.
const store = new AsyncLocalStorage<Store>();
overwriteServerAsyncLocalStorage(store);

/** Runs the request in the locale of its cookie (zh-CN without one); sets `<html lang>`. */
export const handleLocale: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	return store.run({ locale, origin: event.url.origin, messageCalls: new Set() }, () =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		})
	);
};
