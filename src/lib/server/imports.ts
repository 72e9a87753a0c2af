import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { t } from '$lib/i18n.ts';
import { AppError, ForbiddenError, NotFoundError } from './errors.ts';

/**
 * What the actions of the three import pages (roster, questions, statutes) answer. Each page goes
 * the same way: upload → `preview` (the file checked and staged, services/imports/staging.ts) →
 * confirm → the import job's page (`?job=…`). A refused upload or confirmation is `rejected`,
 * with the rows or lines at fault when there are any.
 */

/** A checked upload, shown with the form that confirms it. */
export function previewed<P>(preview: P) {
	return { kind: 'preview' as const, preview };
}

/**
 * Another page of a kept preview (`?preview=…&page=…`), or the message that it has gone (kept
 * 30 minutes): the page then offers a new upload.
 */
export async function keptPreview<P>(
	read: () => Promise<P>
): Promise<{ kind: 'preview'; preview: P } | { kind: 'gone'; message: string }> {
	try {
		return previewed(await read());
	} catch (e) {
		if (e instanceof AppError && e.code === 'import_staged_expired')
			return { kind: 'gone', message: t('import_staged_expired') };
		throw e;
	}
}

/** An upload or a confirmation refused; nothing was staged or imported. */
export interface Rejected<Problem> {
	kind: 'rejected';
	message: string;
	problems: Problem[];
}

export function rejected<Problem = never>(message: string, problems: Problem[] = [], status = 400) {
	return fail(status, { kind: 'rejected', message, problems } as Rejected<Problem>);
}

/** Input that does not pass the step's schema: its first problem, with the page's limits. */
export function rejectedInput(issues: readonly z.core.$ZodIssue[], limits: object = {}) {
	return rejected(t(issues[0]?.message ?? 'err_invalid', { ...limits }));
}

/**
 * An importer's error as its page shows it. The importers' message keys are their own (the shared
 * `mapError` localises only err_/error_ keys) and may name the page's limits.
 */
export function importFailure(e: unknown, limits: object = {}) {
	if (e instanceof ForbiddenError) error(403, t('error_forbidden'));
	if (e instanceof NotFoundError) error(404, t('error_not_found'));
	if (e instanceof AppError) return rejected(t(e.messageKey, { ...limits, ...e.params }));
	throw e;
}
