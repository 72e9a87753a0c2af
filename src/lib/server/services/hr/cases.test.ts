import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { caseInput } from '$lib/schemas/hr.ts';
import { promotionCase } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError } from '../../errors.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { cadreTakes, hrSetup } from '../../testing/hr.ts';
import { closeCase } from './case-actions.ts';
import { CASES_PAGE_SIZE, countCases, listCases, openCase } from './cases.ts';
import { readListExport } from '../../testing/xlsx.ts';
import { exportCases } from './cases-export.ts';

const form = (employeeNo: string, overrides: Record<string, unknown> = {}) =>
	caseInput.parse({
		employeeNo,
		proposedPost: '东城街道办事处副主任',
		leadingPost: 'on',
		appointingBody: 'government',
		publicNoticeOn: '2026-02-25',
		...overrides
	});

describe('promotion cases', () => {
	it('are opened only for people of the HR officer’s units, with dates in order', async () => {
		const s = await hrSetup();
		const street = await ctxFor(s.db, s.streetHrUser.user.id);
		const outside = await openCase(street, form(s.cadre.person.employeeNo)).catch(
			(e: unknown) => e
		);
		expect((outside as InvalidInputError).fields).toEqual({
			employeeNo: ['err_hr_unknown_person']
		});
		// someone who is not HR anywhere is refused as such, not told the person is unknown
		const cadre = await ctxFor(s.db, s.cadre.user.id);
		await expect(openCase(cadre, form(s.cadre.person.employeeNo))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const disorder = await openCase(
			s.hr,
			form(s.outsider.person.employeeNo, { nominatedOn: '2026-03-01' })
		).catch((e: unknown) => e);
		expect((disorder as InvalidInputError).fields.publicNoticeOn).toEqual([
			'日期 2026-02-25 早于前一环节的日期 2026-03-01；提名、公示、公示期满须依次排列'
		]);
	});

	it('take their route from the appointing body: no congress route, and no skipped exam, for a post the government appoints', async () => {
		const s = await hrSetup();
		const routeOf = async (id: number) =>
			(await s.db.select().from(promotionCase).where(eq(promotionCase.id, id)))[0]!
				.appointmentRoute;
		// a route sent anyway (an old form, a crafted post) is not taken
		const government = await openCase(
			s.hr,
			form(s.outsider.person.employeeNo, { appointmentRoute: 'congress' })
		);
		expect(await routeOf(government)).toBe('government');
		const congress = await openCase(
			s.hr,
			form(s.outsider.person.employeeNo, { appointingBody: 'standing_committee' })
		);
		expect(await routeOf(congress)).toBe('congress');
	});

	it('list with the gate as it stands, filtered by unit and state, and export the same to .xlsx', async () => {
		const s = await hrSetup();
		await cadreTakes(s, '2026-03-02', 90);
		const streetCadre = await makeUser(s.db, s.b.id);
		const streetCase = await openCase(s.hr, form(streetCadre.person.employeeNo));
		const hr = await s.hrAt('2026-03-10');

		const open = await listCases(hr);
		expect(open.map((c) => [c.name, c.allowed, c.reason])).toEqual([
			[
				streetCadre.person.name,
				false,
				'须在公示（2026-02-25）后参加本次拟任的任前法律知识考试并合格'
			],
			[s.cadre.person.name, true, '已通过任前法律知识考试（2026-03-02，90 分，第 1 次）']
		]);
		expect((await listCases(hr, { unitId: s.a.id })).map((c) => c.id)).toEqual([s.caseId]);
		expect((await listCases(hr, { unitId: s.b.id })).map((c) => c.id)).toEqual([streetCase]);

		await closeCase(hr, { caseId: streetCase, state: 'withdrawn', reason: '本人申请' });
		expect((await listCases(hr)).map((c) => c.id)).toEqual([s.caseId]);
		expect((await listCases(hr, { state: 'withdrawn' })).map((c) => [c.id, c.stateReason])).toEqual(
			[[streetCase, '本人申请']]
		);
		const street = await ctxFor(s.db, s.streetHrUser.user.id);
		expect((await listCases(street, { state: 'all' })).map((c) => c.id)).toEqual([streetCase]);

		const exported = await readListExport(await exportCases(hr, { state: 'all' }));
		expect([exported.header, ...exported.rows]).toEqual([
			[
				'单位',
				'工号',
				'姓名',
				'拟任职务',
				'任命方式',
				'公示日期',
				'拟任命日期',
				'状态',
				'任前考试',
				'原因',
				'考试依据'
			],
			[
				s.b.name,
				streetCadre.person.employeeNo,
				streetCadre.person.name,
				'东城街道办事处副主任',
				'非人大任命',
				'2026-02-25',
				'',
				'已撤回',
				'不能任命',
				'',
				''
			],
			[
				s.a1.name,
				s.cadre.person.employeeNo,
				s.cadre.person.name,
				'法治督察科科长',
				'非人大任命',
				'2026-02-20',
				'',
				'办理中',
				'可以任命',
				'已通过任前法律知识考试（2026-03-02，90 分，第 1 次）',
				''
			]
		]);
	});

	it('list a page at a time, newest first, and export every case the filter selects', async () => {
		const s = await hrSetup();
		// years of a district's promotions: 1,200 closed cases besides the open one
		const [mine] = await s.db.select().from(promotionCase).where(eq(promotionCase.id, s.caseId));
		const { id: _id, ...template } = mine!;
		const minute = 60_000;
		for (let from = 0; from < 1200; from += 400)
			await s.db.insert(promotionCase).values(
				Array.from({ length: 400 }, (_, i) => ({
					...template,
					proposedPost: `岗位${from + i + 1}`,
					state: 'withdrawn' as const,
					gateAllowed: null,
					createdAt: new Date(template.createdAt.getTime() - (from + i + 1) * minute)
				}))
			);
		const hr = await s.hrAt('2026-03-10');
		const all = { state: 'all' } as const;
		expect(await countCases(hr, all)).toBe(1201);
		expect(await countCases(hr)).toBe(1);
		const first = await listCases(hr, all);
		expect(first).toHaveLength(CASES_PAGE_SIZE);
		expect(first[0]!.id).toBe(s.caseId);
		expect(first[1]!.proposedPost).toBe('岗位1');
		const last = await listCases(hr, all, Math.ceil(1201 / CASES_PAGE_SIZE));
		expect(last.at(-1)!.proposedPost).toBe('岗位1200');
		// none of another unit's HR
		expect(await countCases(await ctxFor(s.db, s.streetHrUser.user.id), all)).toBe(0);

		const exported = await readListExport(await exportCases(hr, all));
		expect(exported.rows).toHaveLength(1201);
		expect(exported.rows.map((r) => r[3])).toEqual([
			'法治督察科科长',
			...Array.from({ length: 1200 }, (_, i) => `岗位${i + 1}`)
		]);
	});
});
