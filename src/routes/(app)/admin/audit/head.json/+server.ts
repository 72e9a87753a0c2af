import { error, json } from '@sveltejs/kit';
import { ctxOf, guard } from '$lib/server/http.ts';
import { headDocument } from '$lib/server/services/audit/anchor.ts';
import { verifyAuditChain } from '$lib/server/services/audit/verify.ts';
import { problemMessage } from '../problems.server.ts';
import type { RequestHandler } from './$types';

/**
 * The chain's current head, verified and signed, as a small file for an administrator to keep
 * away from the server: checked against later, it shows whether the log was cut or rewritten
 * since, even by someone who could rewrite every checkpoint in the database.
 */
export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const result = await guard(() => verifyAuditChain(ctx));
	// a chain that does not verify is not signed: its head would vouch for the tampering
	if (!result.ok) error(409, problemMessage(result));
	return json(headDocument(result.head), {
		headers: {
			'content-disposition': `attachment; filename="xuefa-audit-head-${result.head.seq}.json"`,
			'cache-control': 'no-store'
		}
	});
};
