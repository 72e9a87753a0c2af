import { z } from 'zod';
import { id, optionalText } from './common.ts';
import { CERTIFICATE_EVENT_KINDS } from './exam-enums.ts';
import { isoDate } from './study.ts';

/** An organiser suspends, reinstates, revokes or reviews a certificate (the core checks the rest). */
export const certificateEventInput = z.object({
	certificateId: id,
	kind: z.enum(CERTIFICATE_EVENT_KINDS, { error: 'err_invalid' }),
	on: isoDate,
	reason: optionalText(500)
});
export type CertificateEventInput = z.infer<typeof certificateEventInput>;
