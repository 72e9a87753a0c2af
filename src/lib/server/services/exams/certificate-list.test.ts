import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listCertificatesInput } from '$lib/schemas/certificates.ts';
import { certificate, examAttempt } from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';
import { at, emptyPaper, examSetup, passEnforcement } from '../../testing/exams.ts';
import { ctxFor, makePerson, makeUser } from '../../testing/factories.ts';
import { readListExport } from '../../testing/xlsx.ts';
import { exportCertificates, listCertificates } from './certificate-list.ts';

const DAY = 24 * 60;

/**
 * The cadre passes an enforcement exam (a real certificate); three more people get certificates
 * on copies of that attempt: one expiring within 90 days, one expired, one revoked.
 */
async function certificates() {
	const s = await examSetup();
	const real = await passEnforcement(s);
	const [attempt] = await s.db
		.select()
		.from(examAttempt)
		.where(eq(examAttempt.id, real!.attemptId));
	const other = async (
		unitId: number,
		name: string,
		fields: Partial<typeof certificate.$inferInsert>
	) => {
		const p = await makePerson(s.db, unitId, { name });
		const { id: _a, ...copy } = attempt!;
		const [a] = await s.db
			.insert(examAttempt)
			.values({ ...copy, personId: p.id, paperId: await emptyPaper(s.db) })
			.returning({ id: examAttempt.id });
		const { id: _c, ...cert } = real!;
		await s.db.insert(certificate).values({
			...cert,
			personId: p.id,
			attemptId: a!.id,
			verificationCode: `${cert.verificationCode}-${name}`,
			...fields
		});
	};
	await other(s.a1.id, '即将到期者', { validUntil: '2026-04-30' });
	await other(s.b.id, '过期者', { validFrom: '2023-01-01', validUntil: '2026-01-01' });
	// withdrawn by the app itself: a later attempt of the sitting outranked the pass
	await other(s.a.id, '撤销者', { revokedOn: '2026-03-05', revokeReason: 'superseded' });
	const org = await ctxFor(s.db, s.organiser.user.id, at(10 * DAY));
	return { s, org, real: real! };
}

const input = (q: Record<string, string>) => listCertificatesInput.parse(q);

describe('the certificate list', () => {
	it('narrows by state (worked out by the core rule) and by unit, with the state in words', async () => {
		const { s, org, real } = await certificates();
		const holders = async (q: Record<string, string>) =>
			(await listCertificates(org, input(q))).rows.map((r) => r.holder);
		const all = await listCertificates(org, input({}));
		expect(all.total).toBe(4);
		// the whole list: each certificate in its state today, by holder's unit, then holder
		const stateOf = new Map(all.rows.map((r) => [r.holder, r.status.state]));
		expect([...stateOf].filter(([h]) => h !== s.cadre.person.name)).toEqual(
			expect.arrayContaining([
				['即将到期者', 'expiring_soon'],
				['过期者', 'expired'],
				['撤销者', 'revoked']
			])
		);
		const key = (r: (typeof all.rows)[number]) => `${r.unitPath}\u0000${r.holder}`;
		expect(all.rows.map(key)).toEqual(all.rows.map(key).sort());
		expect(await listCertificates(org, input({ page: '2' }))).toMatchObject({ rows: [], total: 4 });
		expect((await holders({ state: 'in_force' })).sort()).toEqual(
			[s.cadre.person.name, '即将到期者'].sort()
		);
		expect(await holders({ state: 'expiring_soon' })).toEqual(['即将到期者']);
		expect(await holders({ state: 'expired' })).toEqual(['过期者']);
		expect(await holders({ state: 'revoked' })).toEqual(['撤销者']);
		// the revocation says why (the page puts the code in words, as the export below does)
		const revoked = await listCertificates(org, input({ state: 'revoked' }));
		expect(revoked.rows[0]!.status).toMatchObject({ state: 'revoked', reason: 'superseded' });
		expect(await holders({ unitId: String(s.b.id) })).toEqual(['过期者']);

		const { header, rows } = await readListExport(
			await exportCertificates(org, input({ state: 'in_force', unitId: String(s.a1.id) }))
		);
		expect(header).toEqual([
			'单位',
			'持证人',
			'工号',
			'考试',
			'考试类型',
			'验证码',
			'发证日期',
			'有效期至',
			'状态'
		]);
		const mine = rows.find((r) => r[1] === s.cadre.person.name)!;
		expect(mine).toEqual([
			s.a1.name,
			s.cadre.person.name,
			s.cadre.person.employeeNo,
			expect.any(String),
			'执法资格考试',
			real.verificationCode,
			real.validFrom,
			real.validUntil,
			'有效'
		]);
		expect(rows.find((r) => r[1] === '即将到期者')![8]).toBe('有效（即将到期）');
		expect(rows).toHaveLength(2);

		// all of them: counted ahead for the progress, every one with its state (and why) in words
		const everything = await exportCertificates(org, input({}));
		expect(everything.rows).toBe(4);
		expect((await readListExport(everything)).rows.map((r) => [r[1], r[8]])).toEqual(
			expect.arrayContaining([
				['过期者', '已过期'],
				['撤销者', '已撤销（所依据的合格成绩已被同场考试后一次作答取代）']
			])
		);
	});

	it('keeps to the viewer’s oversight and refuses a unit outside it', async () => {
		const { s } = await certificates();
		const street = await makeUser(s.db, s.b.id, [['organiser', s.b.id]]);
		const ctx = await ctxFor(s.db, street.user.id, at(10 * DAY));
		expect((await listCertificates(ctx, input({}))).rows.map((r) => r.holder)).toEqual(['过期者']);
		await expect(exportCertificates(ctx, input({ unitId: String(s.a.id) }))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const cadre = await ctxFor(s.db, s.cadre.user.id, at(10 * DAY));
		await expect(listCertificates(cadre, input({}))).rejects.toBeInstanceOf(ForbiddenError);
	});
});
