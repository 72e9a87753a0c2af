import { z } from 'zod';
import { id, optionalDate, optionalId, optionalText, ticked, wholeNumber } from './common.ts';
import { CERTIFICATE_EVENT_KINDS, CERTIFICATE_FILTERS, CERTIFICATE_PARTS } from './exam-enums.ts';
import { isoDate } from './study.ts';

/** An organiser suspends, reinstates, revokes or reviews a certificate (the core checks the rest). */
export const certificateEventInput = z.object({
	certificateId: id,
	kind: z.enum(CERTIFICATE_EVENT_KINDS, { error: 'err_invalid' }),
	on: isoDate,
	reason: optionalText(500)
});
export type CertificateEventInput = z.infer<typeof certificateEventInput>;

/**
 * The certificate settings form (`certificate.*`): a province-wide window needs both its days or
 * neither; the core checks the policy these make.
 */
export const certificatePolicyInput = z
	.object({
		validYears: wholeNumber(1, 20),
		expiringSoonDays: wholeNumber(0, 365),
		windowFrom: optionalDate,
		windowUntil: optionalDate,
		reviewEveryYears: z.coerce
			.number({ error: 'err_invalid' })
			.pipe(z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'err_invalid' })),
		requiredParts: ticked(CERTIFICATE_PARTS),
		revocationWaitYears: wholeNumber(0, 10)
	})
	.superRefine((v, c) => {
		if (v.windowFrom && !v.windowUntil)
			c.addIssue({ code: 'custom', path: ['windowUntil'], message: 'err_required' });
		if (v.windowUntil && !v.windowFrom)
			c.addIssue({ code: 'custom', path: ['windowFrom'], message: 'err_required' });
	});
export type CertificatePolicyInput = z.infer<typeof certificatePolicyInput>;

/** The certificate list's filter from the address (`?state=&unit=&page=`). */
export const listCertificatesInput = z.object({
	state: z.enum(CERTIFICATE_FILTERS).catch('all').default('all'),
	unitId: optionalId.catch(undefined),
	page: z.coerce.number().int().min(1).catch(1).default(1)
});
export type ListCertificatesInput = z.infer<typeof listCertificatesInput>;
