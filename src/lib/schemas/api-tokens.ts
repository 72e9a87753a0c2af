import { z } from 'zod';
import { id, text } from './common.ts';
import { isoDate } from './study.ts';

/** A new API token: a name, the units it may read (each with its subtree), an optional last day. */
export const createApiTokenInput = z.object({
	name: text(60),
	unitIds: z.array(id).min(1, { error: 'err_api_token_units' }).max(50),
	/** The last day (Beijing time) on which the token works; empty: until revoked. */
	expiresOn: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional())
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;

export const revokeApiTokenInput = z.object({ tokenId: id });
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenInput>;
