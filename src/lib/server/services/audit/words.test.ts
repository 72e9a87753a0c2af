import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditActionLabel, auditChanges, auditFieldLabel } from '$lib/audit.ts';
import { tIfAny } from '$lib/i18n.ts';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { loadSessionUser } from '../../auth/session-user.ts';
import { user } from '../../db/schema/index.ts';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../../seed/demo.ts';
import { importStatute } from '../../testing/imports.ts';
import { login } from '../auth/login.ts';
import { previewStatute } from '../laws/preview.ts';
import { testDb } from '../../testing/db.ts';
import type { Ctx } from '../../context.ts';
import { ctxFor } from '../../testing/factories.ts';
import { candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { startExamAttempt, submitExamAttempt } from '../exams/attempts.ts';
import { AUDIT_PAGE_SIZE, listAudit } from './list.ts';

/** Every `action: 'x.y'` and `entityType: 'x'` the server writes, read from its source. */
function writtenCodes() {
	const actions = new Set<string>();
	const entities = new Set<string>();
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, e.name);
			if (e.isDirectory()) walk(path);
			else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
				const text = readFileSync(path, 'utf8');
				// every dotted code on an `action:` line (a ternary may name two)
				for (const [line] of text.matchAll(/action: .*$/gm))
					for (const [, a] of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(a!);
				for (const [, t] of text.matchAll(/entityType: '([A-Za-z_]+)'/g)) entities.add(t!);
			}
		}
	};
	walk('src/lib/server');
	return { actions: [...actions].sort(), entities: [...entities].sort() };
}

/** What on any page of the log, in either language, reads as a code, a field name, an id or JSON. */
async function unreadable(ctx: Ctx): Promise<string[]> {
	const problems: string[] = [];
	try {
		for (const locale of ['zh-CN', 'en'] as const) {
			overwriteGetLocale(() => locale);
			for (let page = 1; ; page++) {
				const { rows, names, total } = await listAudit(ctx, { actor: '', page });
				for (const r of rows) {
					const where = `${r.action}#${r.entityId} (${locale})`;
					const action = auditActionLabel(r.action, r.entityType);
					if (/[a-z]+[._][a-z]/.test(action)) problems.push(`${where}: action ${action}`);
					if (!tIfAny(`audit_entity_${r.entityType}`)) problems.push(`${where}: entity`);
					for (const c of auditChanges(r, names, locale)) {
						if (auditFieldLabel(r.entityType, c.field) === c.field)
							problems.push(`${where}: field ${c.field}`);
						for (const v of [c.before, c.after])
							if (
								v !== undefined &&
								(/[{}[\]]|undefined|#\d/.test(v) || (locale === 'zh-CN' && /^[a-z_]+$/.test(v)))
							)
								problems.push(`${where}: ${c.field} = ${v}`);
					}
				}
				if (page * AUDIT_PAGE_SIZE >= total) break;
			}
		}
	} finally {
		overwriteGetLocale(() => 'zh-CN');
	}
	return [...new Set(problems)];
}

describe('audit labels', () => {
	it('name every action and every kind of object the server writes, in both languages', () => {
		const { actions, entities } = writtenCodes();
		expect(actions.length).toBeGreaterThan(30);
		for (const locale of ['zh-CN', 'en'] as const) {
			overwriteGetLocale(() => locale);
			const missing = [
				...actions.filter((a) => !tIfAny(`audit_action_${a.replace(/\./g, '_')}`)),
				...entities.filter((e) => !tIfAny(`audit_entity_${e}`))
			];
			expect(missing, locale).toEqual([]);
		}
		overwriteGetLocale(() => 'zh-CN');
	});

	it('name an oath ceremony’s form 宣誓形式, not the study session’s 学法形式', () => {
		expect(auditFieldLabel('oath_ceremony', 'form')).toBe('宣誓形式');
		expect(auditFieldLabel('study_session', 'form')).toBe('学法形式');
		overwriteGetLocale(() => 'en');
		expect(auditFieldLabel('oath_ceremony', 'form')).toBe('Oath form');
		overwriteGetLocale(() => 'zh-CN');
	});

	it('read the whole demo log as words: no codes, field names or JSON on any page', async () => {
		const db = await testDb();
		await seedDemoIfEmpty(db, new Date('2026-05-20T10:00:00+08:00'));
		const [admin] = await db.select().from(user).where(eq(user.username, 'admin'));
		const ctx = { db, user: (await loadSessionUser(db, admin!.id))!, now: new Date() };
		// what the demo does not: sign-ins, a failed one, a statute imported and revised
		const anon = { db, now: ctx.now, address: '10.0.0.9' };
		await login(anon, { username: 'admin', password: DEMO_PASSWORD });
		await login(anon, { username: 'nobody', password: 'wrong' }).catch(() => null);
		for (const article of ['应当依法履行职责。', '应当依法、公正履行职责。']) {
			const text = `中华人民共和国示范法\n第一条\u3000为了示范，制定本法。\n第二条\u3000示范机关${article}\n`;
			const preview = await previewStatute(ctx, { text, fileName: 'a.txt', format: 'auto' });
			await importStatute(ctx, { stagedId: preview.stagedId!, label: preview.label });
		}
		expect(await unreadable(ctx)).toEqual([]);
	});

	it('read an exam log as words: the exam, its sitting, a submitted attempt', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const cadre = await candidateCtx(s.db, s.cadre.user.id, 5);
		const attemptId = await startExamAttempt(cadre, { sittingId, confirm: 'on' });
		await submitExamAttempt(cadre, { attemptId });
		const admin = await ctxFor(s.db, s.admin.user.id);
		const { rows } = await listAudit(admin, { actor: '', page: 1 });
		expect(rows.map((r) => r.action)).toEqual(
			expect.arrayContaining(['exam.created', 'exam.published', 'sitting.created'])
		);
		expect(await unreadable(admin)).toEqual([]);
	});
});
