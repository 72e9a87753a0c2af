import { t } from '$lib/i18n.ts';
import type { AuditVerification } from '$lib/server/services/audit/verify.ts';

/** What a failed verification tells the administrator, in their language. */
export function problemMessage(result: Extract<AuditVerification, { ok: false }>): string {
	switch (result.problem) {
		case 'truncated':
		case 'rewritten':
		case 'checkpoint_forged':
		case 'head_forged':
			return t(`audit_problem_${result.problem}`, { seq: result.seq });
		default:
			return t('audit_chain_broken', { seq: result.seq });
	}
}
