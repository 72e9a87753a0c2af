import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { EXPORTS_PER_USER } from '$lib/schemas/limits.ts';
import type { Db } from '$lib/server/db/index.ts';
import { type ExportSlot, takeExportSlot } from '$lib/server/spreadsheet/slots.ts';
import { testDb } from '$lib/server/testing/db.ts';
import {
	ctxFor,
	district,
	makeBank,
	makeQuestion,
	makeUser
} from '$lib/server/testing/factories.ts';
import { GET as aiken } from './export.aiken/+server.ts';
import { GET as gift } from './export.gift/+server.ts';

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const bank = await makeBank(db, d.a.id);
	await makeQuestion(db, bank.id);
	const { user } = await ctxFor(db, organiser.user.id);
	return { db, d, bank, user };
}

/** The person's free export slots now, taken (and given back) to count them. */
async function freeSlots(db: Db, userId: number) {
	const taken: ExportSlot[] = [];
	for (let slot; (slot = await takeExportSlot(db, userId, new Date()));) taken.push(slot);
	await Promise.all(taken.map((s) => s.release()));
	return taken.length;
}

describe('the GIFT and Aiken downloads, in the person’s export slots', () => {
	// the two routes' events differ only in their route id
	const downloads: [string, (event: never) => Response | Promise<Response>][] = [
		['GIFT', gift],
		['Aiken', aiken]
	];
	for (const [format, GET] of downloads) {
		it(`${format}: holds a slot while it streams, and is refused (429) when all are in use`, async () => {
			const { db, bank, user } = await setup();
			const download = async () => {
				const event = {
					locals: { db, user },
					params: { bankId: String(bank.id) },
					url: new URL(`http://x/banks/${bank.id}/export`)
				} as never;
				try {
					return await GET(event);
				} catch (e) {
					if (!isHttpError(e)) throw e;
					return { status: e.status, message: e.body.message };
				}
			};

			const response = (await download()) as Response;
			expect(response.status).toBe(200);
			expect(await freeSlots(db, user.id)).toBe(EXPORTS_PER_USER - 1);
			expect(await response.text()).toContain('行政机关在作出行政处罚决定之前');
			// the file sent, its slot is given back
			await expect.poll(() => freeSlots(db, user.id)).toBe(EXPORTS_PER_USER);

			const held: ExportSlot[] = [];
			for (let i = 0; i < EXPORTS_PER_USER; i++)
				held.push((await takeExportSlot(db, user.id, new Date()))!);
			expect(await download()).toEqual({ status: 429, message: expect.stringContaining('导出') });
			await Promise.all(held.map((s) => s.release()));
			// a download cancelled gives its slot back too
			const cancelled = (await download()) as Response;
			await cancelled.body!.cancel();
			await expect.poll(() => freeSlots(db, user.id)).toBe(EXPORTS_PER_USER);
		});

		it(`${format}: refuses whoever may not export the bank before taking a slot`, async () => {
			const { db, d, bank } = await setup();
			const other = await makeUser(db, d.b.id, [['organiser', d.b.id]]);
			const { user } = await ctxFor(db, other.user.id);
			const held: ExportSlot[] = [];
			for (let i = 0; i < EXPORTS_PER_USER; i++)
				held.push((await takeExportSlot(db, user.id, new Date()))!);
			const event = {
				locals: { db, user },
				params: { bankId: String(bank.id) },
				url: new URL(`http://x/banks/${bank.id}/export`)
			} as never;
			// forbidden, not "your exports are all running"
			await expect(Promise.resolve(GET(event))).rejects.toMatchObject({ status: 403 });
			await Promise.all(held.map((s) => s.release()));
		});
	}
});
