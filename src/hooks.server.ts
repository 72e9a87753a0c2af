import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { appDb, openAppDbOrExit } from '$lib/server/app.ts';
import { readConfig } from '$lib/server/config.ts';
import { handleForcedPasswordChange } from '$lib/server/auth/forced-change.ts';
import { handleSession } from '$lib/server/auth/handle.ts';
import { startPaperPreparation } from '$lib/server/services/exams/prepare.ts';
import { startDeadlineSweep } from '$lib/server/services/exams/sweep.ts';
import { startSearchReindex } from '$lib/server/services/questions/reindex.ts';
import { busyErrorMessage, handleBusy } from '$lib/server/http.ts';
import { handleBodyLimit } from '$lib/server/request/handle-body.ts';
import { handleExamLock } from '$lib/server/request/handle-exam-lock.ts';
import { handleLocale } from '$lib/server/request/handle-locale.ts';
import { handleRequestLog, reportError } from '$lib/server/request/handle-log.ts';

// the exam deadline sweep runs in every process (a database lease lets one at a time do it), and
// at start, so that attempts due while the app was down are submitted at once; so does the drawing
// of papers ahead of the sittings about to open, and the rewriting of questions' search text that
// a migration queued
export const init: ServerInit = async () => {
	await openAppDbOrExit();
	startDeadlineSweep(await appDb(), readConfig().sweepMs);
	startPaperPreparation(await appDb(), readConfig().sweepMs);
	startSearchReindex(await appDb(), readConfig().sweepMs);
};

const handleDatabase: Handle = async ({ event, resolve }) => {
	event.locals.db = await appDb();
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

// The request log times everything and records the status sent, the 503 of a busy database too;
// a busy database found by the session check or a page is answered 503 in the person's language;
// the body limit wraps the request before anything reads its body. Someone sitting an exam reaches nothing that shows answer keys.
export const handle = sequence(
	handleRequestLog,
	handleHeaders,
	handleLocale,
	handleBusy,
	handleBodyLimit,
	handleDatabase,
	handleSession,
	handleForcedPasswordChange,
	handleExamLock
);

// A busy database is a temporary condition, not a fault to investigate: no error id, no stack.
export const handleError: HandleServerError = (input) => {
	const busy = busyErrorMessage(input.error, input.event);
	return busy ? { message: busy } : reportError(input);
};
