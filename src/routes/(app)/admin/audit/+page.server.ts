import { auditActionLabel, auditChanges, auditEntityType } from '$lib/audit.ts';
import { t } from '$lib/i18n.ts';
import { getLocale } from '$lib/paraglide/runtime.js';
import { AUDIT_HEAD_MAX_BYTES, auditFilterInput, auditHeadInput } from '$lib/schemas/audit.ts';
import { invalid } from '$lib/server/forms.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { auditActions, listAudit } from '$lib/server/services/audit/list.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import { verifyAuditChain } from '$lib/server/services/audit/verify.ts';
import { problemMessage } from './problems.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const filter = auditFilterInput.parse(Object.fromEntries(event.url.searchParams));
	return guard(async () => {
		const [audit, actions, units] = await Promise.all([
			listAudit(ctx, filter),
			auditActions(ctx),
			listUnits(ctx, 'audit.read')
		]);
		const locale = getLocale();
		return {
			// in words here: the lookups by code would put the whole message catalogue in the bundle
			audit: {
				...audit,
				rows: audit.rows.map((r) => ({
					...r,
					actionLabel: auditActionLabel(r.action, r.entityType),
					entityLabel: auditEntityType(r.entityType),
					changes: auditChanges(r, audit.names, locale)
				}))
			},
			actions: actions
				.map((a) => ({ value: a, label: auditActionLabel(a, a.split('.')[0]!) }))
				.sort((x, y) => x.label.localeCompare(y.label, locale)),
			units: flatten(units).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
			filter: { ...filter, unitId: filter.unitId ?? null }
		};
	});
};

/** The head file chosen in the form, parsed; null when none was chosen, 'invalid' when unreadable. */
async function headOf(form: FormData) {
	const file = form.get('head');
	if (!(file instanceof File) || file.size === 0) return null;
	if (file.size > AUDIT_HEAD_MAX_BYTES) return 'invalid' as const;
	try {
		const parsed = auditHeadInput.safeParse(JSON.parse(await file.text()));
		return parsed.success ? parsed.data : ('invalid' as const);
	} catch {
		return 'invalid' as const;
	}
}

export const actions: Actions = {
	/**
	 * Re-checks every hash of the chain and every signed checkpoint (it reads the whole log), and,
	 * when a head downloaded earlier is given, checks the log against it too.
	 */
	verify: async (event) => {
		const ctx = ctxOf(event);
		const head = await headOf(await event.request.formData());
		if (head === 'invalid') return invalid(400, 'verify', {}, {}, t('audit_head_invalid'));
		const result = await guard(() => verifyAuditChain(ctx, head ? { head } : {}));
		return {
			kind: 'verified' as const,
			ok: result.ok,
			message: result.ok
				? t(head ? 'audit_chain_ok_head' : 'audit_chain_ok', {
						n: result.count,
						checkpoints: result.checkpoints,
						seq: head?.seq ?? 0
					})
				: problemMessage(result)
		};
	}
};
