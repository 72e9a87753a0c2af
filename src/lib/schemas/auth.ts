import { z } from 'zod';
import { confirmed, id, required } from './common.ts';

export const loginInput = z.object({
	username: z.string(required).trim().min(1, required).max(64),
	password: z.string(required).min(1, required).max(256)
});
export type LoginInput = z.infer<typeof loginInput>;

// The length here answers at once; the service applies the whole policy (password-policy.ts):
// not the login name, not a common password. No composition rules (OWASP).
const newPassword = z
	.string(required)
	.min(10, { error: 'err_password_short' })
	.max(128, { error: 'err_too_long' });

export const changePasswordInput = z
	.object({
		currentPassword: z.string(required).min(1, required),
		newPassword,
		confirmPassword: z.string(required)
	})
	.refine((v) => v.newPassword === v.confirmPassword, {
		error: 'err_password_mismatch',
		path: ['confirmPassword']
	});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const resetPasswordInput = z.object({ userId: id, confirmed });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const createAccountInput = z.object({ personId: id });
export type CreateAccountInput = z.infer<typeof createAccountInput>;

export const setAccountDisabledInput = z
	.object({
		userId: id,
		disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
		// re-enabling takes nothing away from anyone: it needs no confirmation
		confirmed: z.literal('yes').optional()
	})
	.refine((v) => !v.disabled || v.confirmed === 'yes', {
		error: 'err_confirm_first',
		path: ['confirmed']
	});
export type SetAccountDisabledInput = z.infer<typeof setAccountDisabledInput>;
