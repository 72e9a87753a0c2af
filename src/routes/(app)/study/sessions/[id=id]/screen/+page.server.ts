import { ctxOf, guard } from '$lib/server/http.ts';
import { qrSvg } from '$lib/server/qr.ts';
import { roomScreen } from '$lib/server/services/study/screen.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const screen = await guard(() => roomScreen(ctx, Number(event.params.id)));
	// the room's screen must never show a stale code from a cache
	event.setHeaders({ 'Cache-Control': 'no-store' });
	const link = screen.code
		? `${event.url.origin}/study/checkin?s=${screen.session.id}&c=${screen.code.code}`
		: null;
	return {
		topic: screen.session.topic,
		sessionId: screen.session.id,
		code: screen.code?.code ?? null,
		changesAt: screen.code?.changesAt.getTime() ?? null,
		serverNow: ctx.now.getTime(),
		qr: link ? await qrSvg(link) : null,
		present: screen.present,
		expected: screen.expected
	};
};
