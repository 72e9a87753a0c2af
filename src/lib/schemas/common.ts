import { z } from 'zod';

/** Message keys used as zod messages; the route turns them into the reader's language. */
export const required = { error: 'err_required' } as const;

export const id = z.coerce
	.number({ error: 'err_invalid' })
	.int()
	.positive({ error: 'err_invalid' });
export const optionalId = z.preprocess(
	(v) => (v === '' || v === null || v === undefined ? undefined : v),
	id.optional()
);
export const text = (max: number) =>
	z.string(required).trim().min(1, required).max(max, { error: 'err_too_long' });
export const optionalText = (max: number) =>
	z.string().trim().max(max, { error: 'err_too_long' }).optional().default('');
/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
