/**
 * The enforcement certificates' settings (`certificate.*`): validity, the expiring-soon window, a
 * province-wide window, reviews (审验), the parts a certificate needs, the wait after a revocation. No document fixes them, so
 * each is a local choice, set by an organiser of the district (or an admin) on one screen.
 */
import {
	CERTIFICATE_POLICY_SETTINGS,
	type CertificatePolicy,
	DEFAULT_CERTIFICATE_POLICY,
	type JsonValue,
	validateCertificatePolicy
} from '@xuefa/core';
import { byCount, m, t } from '$lib/i18n.ts';
import type { CertificatePolicyInput } from '$lib/schemas/certificates.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import {
	type PolicyChange,
	type PolicyRule,
	readPolicy,
	refuseUnsound,
	writePolicies
} from '../policy/rules.ts';
import { settingViews } from '../policy/setting-view.ts';

const CERTIFICATE: PolicyRule<CertificatePolicy> = {
	name: 'certificate',
	defaults: DEFAULT_CERTIFICATE_POLICY,
	settings: CERTIFICATE_POLICY_SETTINGS,
	validate: validateCertificatePolicy
};

/** The certificate settings in force (defaults where nothing sound is stored). */
export const certificatePolicy = (db: ReadDb) => readPolicy(db, CERTIFICATE);

/** A certificate setting's value in words, in the reader's language. */
function settingText(key: string, value: JsonValue): string {
	if (key === 'certificate.window') {
		const w = value as { from: string; until: string } | null;
		return w ? t('certificate_policy_window_text', w) : t('certificate_policy_no_window');
	}
	if (key === 'certificate.reviewEveryYears')
		return value
			? byCount(
					Number(value),
					m.certificate_policy_review_text_one,
					m.certificate_policy_review_text,
					{ years: Number(value) }
				)
			: t('common_no');
	if (key === 'certificate.requiredParts') {
		const parts = value as string[];
		return parts.length
			? parts.map((p) => t(`exam_certificate_part_${p}`)).join(t('audit_list_separator'))
			: t('certificate_policy_one_pass');
	}
	return String(value);
}

/** The settings screen: each setting with its default and where that comes from. */
export async function certificatePolicyScreen(ctx: Ctx) {
	authorizeAnywhere(ctx, 'certificate.policy');
	const policy = await certificatePolicy(ctx.db);
	return { policy, settings: settingViews(policy, CERTIFICATE_POLICY_SETTINGS, settingText) };
}

/** The form field a core issue belongs to (a window's issue is about its last day). */
const fieldOfIssue = (path: string) => (path === 'window' ? 'windowUntil' : path || 'validYears');

/**
 * Saves the certificate settings after the core found them sound, in one transaction, audited. A
 * changed setting applies to certificates granted, and states computed, from then on: a
 * certificate keeps the validity it was granted with.
 */
export async function saveCertificatePolicy(
	ctx: Ctx,
	input: CertificatePolicyInput
): Promise<number> {
	authorizeAnywhere(ctx, 'certificate.policy');
	const current = await certificatePolicy(ctx.db);
	const next: CertificatePolicy = {
		validYears: input.validYears,
		expiringSoonDays: input.expiringSoonDays,
		window:
			input.windowFrom && input.windowUntil
				? { from: input.windowFrom, until: input.windowUntil }
				: null,
		reviewEveryYears: input.reviewEveryYears,
		requiredParts: input.requiredParts,
		revocationWaitYears: input.revocationWaitYears
	};
	refuseUnsound(CERTIFICATE.validate(next), fieldOfIssue);
	return transact(ctx, (tx) =>
		writePolicies(tx, [{ rule: CERTIFICATE, current, next }] as PolicyChange<unknown>[])
	);
}
