import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditChanges } from '$lib/audit.ts';
import { createApiTokenInput } from '$lib/schemas/api-tokens.ts';
import type { Db } from '../../db/index.ts';
import { apiToken, auditEntry, policySetting, roleGrant, user } from '../../db/schema/index.ts';
import {
	ForbiddenError,
	InvalidInputError,
	NotFoundError,
	RateLimitedError,
	UnauthorizedError
} from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makePerson, makeUser } from '../../testing/factories.ts';
import { auditActions, listAudit } from '../audit/list.ts';
import {
	OutsideTokenUnitsError,
	authenticateToken,
	checkApiLimit,
	recordApiUse
} from './access.ts';
import { apiPersonRecord } from './person.ts';
import { TOKEN_PREFIX, createApiToken, listApiTokens, revokeApiToken } from './tokens.ts';

const NOW = new Date('2026-03-02T09:00:00+08:00');
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const admin = await ctxFor(db, d.admin.user.id, NOW);
	const inA1 = await makePerson(db, d.a1.id, { employeeNo: 'SF1001' });
	const inB = await makePerson(db, d.b.id, { employeeNo: 'SF2001' });
	const make = (unitIds: number[], expiresOn = '') =>
		createApiToken(
			admin,
			createApiTokenInput.parse({ name: '干部管理系统', unitIds: unitIds.map(String), expiresOn })
		);
	return { db, ...d, admin, inA1, inB, make };
}

/** Authenticates the secret at `now` and reads a person, as one API request does. */
async function read(db: Db, secret: string, employeeNo: string, now = NOW) {
	const ctx = await authenticateToken(db, secret, now);
	return apiPersonRecord(ctx, { employeeNo });
}

describe('API tokens', () => {
	it('are shown once and stored only as a hash', async () => {
		const s = await setup();
		const { id, secret } = await s.make([s.a.id]);
		expect(secret.startsWith(TOKEN_PREFIX)).toBe(true);
		const [row] = await s.db.select().from(apiToken).where(eq(apiToken.id, id));
		expect(JSON.stringify(row)).not.toContain(secret.slice(TOKEN_PREFIX.length, -4));
		expect(row!.hint).toBe(secret.slice(-4));
		// listed without the secret
		expect(JSON.stringify(await listApiTokens(s.admin))).not.toContain(secret);
	});

	it('read a unit and everything below it, and nothing else', async () => {
		const s = await setup();
		const { secret } = await s.make([s.a.id]);
		const { body } = await read(s.db, secret, 'sf1001');
		expect(body).toMatchObject({ employeeNo: 'SF1001', unit: { name: '法治督察科' } });
		// outside its units is answered as nobody (404), but audited as refused (OutsideTokenUnitsError)
		await expect(read(s.db, secret, 'SF2001')).rejects.toBeInstanceOf(OutsideTokenUnitsError);
		await expect(read(s.db, secret, 'SF2001')).rejects.toBeInstanceOf(NotFoundError);
		await expect(read(s.db, secret, 'NOBODY')).rejects.toBeInstanceOf(NotFoundError);
	});

	it('stop working when revoked', async () => {
		const s = await setup();
		const { id, secret } = await s.make([s.root.id]);
		await read(s.db, secret, 'SF2001');
		await revokeApiToken(s.admin, { tokenId: id });
		await expect(read(s.db, secret, 'SF2001')).rejects.toBeInstanceOf(UnauthorizedError);
		const [listed] = await listApiTokens(s.admin);
		expect(listed!.state).toBe('revoked');
		await expect(authenticateToken(s.db, 'xuefa_guessed', NOW)).rejects.toBeInstanceOf(
			UnauthorizedError
		);
		await expect(authenticateToken(s.db, null, NOW)).rejects.toBeInstanceOf(UnauthorizedError);
	});

	it('reach only what the administrator who made them still administers', async () => {
		const s = await setup();
		// a bureau administrator makes a token for the bureau and, through it, its section A1
		const bureau = await makeUser(s.db, s.a.id, [
			['admin', s.a.id],
			['admin', s.a1.id]
		]);
		const bureauAdmin = await ctxFor(s.db, bureau.user.id, NOW);
		const input = createApiTokenInput.parse({
			name: '局人事系统',
			unitIds: [String(s.a.id), String(s.a1.id)]
		});
		const { id, secret } = await createApiToken(bureauAdmin, input);
		expect((await read(s.db, secret, 'SF1001')).body).toMatchObject({ employeeNo: 'SF1001' });

		// moved from the bureau to section A1 only: the token still reads A1
		await s.db
			.delete(roleGrant)
			.where(and(eq(roleGrant.userId, bureau.user.id), eq(roleGrant.unitId, s.a.id)));
		const narrowed = await authenticateToken(s.db, secret, NOW);
		expect(narrowed.token.unitPaths).toEqual([s.a1.path]);
		expect((await read(s.db, secret, 'SF1001')).body).toMatchObject({ employeeNo: 'SF1001' });

		// their account disabled: nothing is left, the token is suspended and says why
		await s.db.update(user).set({ disabled: true }).where(eq(user.id, bureau.user.id));
		await expect(read(s.db, secret, 'SF1001')).rejects.toMatchObject({
			code: 'api_token_suspended'
		});
		const listed = (await listApiTokens(s.admin)).find((t) => t.id === id);
		expect(listed).toMatchObject({ state: 'suspended', units: [{ id: s.a.id }, { id: s.a1.id }] });

		// the district's own token is untouched
		const district = await s.make([s.root.id]);
		expect((await read(s.db, district.secret, 'SF2001')).body).toMatchObject({
			employeeNo: 'SF2001'
		});
	});

	it('work through their last day (Beijing time) and not after', async () => {
		const s = await setup();
		const { secret } = await s.make([s.root.id], '2026-03-05');
		await read(s.db, secret, 'SF2001', new Date('2026-03-05T23:59:00+08:00'));
		const expired = read(s.db, secret, 'SF2001', new Date('2026-03-06T00:00:00+08:00'));
		await expect(expired).rejects.toMatchObject({ code: 'api_token_expired' });
		await expect(s.make([s.root.id], '2026-03-01')).rejects.toBeInstanceOf(InvalidInputError);
	});

	it("are limited to units within the administrator's own", async () => {
		const s = await setup();
		const { secret } = await s.make([s.root.id]);
		const street = await makeUser(s.db, s.b.id, [['admin', s.b.id]]);
		const streetAdmin = await ctxFor(s.db, street.user.id, NOW);
		const input = createApiTokenInput.parse({ name: '街道系统', unitIds: [String(s.a.id)] });
		await expect(createApiToken(streetAdmin, input)).rejects.toBeInstanceOf(ForbiddenError);
		// the district's token is not the street's to see or revoke
		expect(await listApiTokens(streetAdmin)).toEqual([]);
		const [districtToken] = await listApiTokens(s.admin);
		await expect(
			revokeApiToken(streetAdmin, { tokenId: districtToken!.id })
		).rejects.toBeInstanceOf(ForbiddenError);
		await read(s.db, secret, 'SF1001');
		const cadre = await ctxFor(s.db, (await makeUser(s.db, s.a.id)).user.id, NOW);
		await expect(listApiTokens(cadre)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('are rate limited per token, in the database, and counted and audited per request', async () => {
		const s = await setup();
		await s.db
			.insert(policySetting)
			.values({ key: 'api.requestsPerMinute', value: 3, updatedAt: NOW });
		const first = await s.make([s.root.id]);
		const other = await s.make([s.root.id]);
		const request = async (secret: string, now: Date) => {
			const ctx = await authenticateToken(s.db, secret, now);
			const key = await checkApiLimit(ctx);
			const { unitId } = await apiPersonRecord(ctx, { employeeNo: 'SF1001' });
			await recordApiUse(ctx, key, {
				operation: 'getPerson',
				params: { employeeNo: 'SF1001' },
				outcome: 'ok',
				unitId
			});
		};
		for (let i = 0; i < 3; i++) await request(first.secret, later(i * 1000));
		const limited = request(first.secret, later(3000));
		await expect(limited).rejects.toBeInstanceOf(RateLimitedError);
		await expect(limited.catch((e: RateLimitedError) => e.params)).resolves.toMatchObject({
			seconds: expect.any(Number)
		});
		// another token is not held up, and the first one works again a minute later
		await request(other.secret, later(3000));
		await request(first.secret, later(2000 + 61_000));

		const tokens = await listApiTokens(s.admin);
		const counted = tokens.find((t) => t.id === first.id)!;
		expect(counted.useCount).toBe(4);
		expect(counted.lastUsedAt).toEqual(later(2000 + 61_000));
		const uses = await s.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'api_token.used'));
		// the refused request wrote nothing
		expect(uses).toHaveLength(5);
		expect(uses[0]).toMatchObject({ entityType: 'api_token', entityId: String(first.id) });
		expect(uses[0]!.unitId).toBe(s.a1.id);
	});

	it('leave audit entries that read as words, filterable on the audit page', async () => {
		const s = await setup();
		const { id, secret } = await s.make([s.a.id], '2026-12-31');
		const ctx = await authenticateToken(s.db, secret, NOW);
		await recordApiUse(ctx, await checkApiLimit(ctx), {
			operation: 'getPerson',
			params: { employeeNo: 'SF2001' },
			outcome: 'forbidden'
		});
		await revokeApiToken(s.admin, { tokenId: id });
		const { rows, names } = await listAudit(s.admin, {
			actor: '',
			page: 1,
			action: 'api_token.used'
		});
		expect(rows).toHaveLength(1);
		const text = auditChanges(rows[0]!, names, 'zh-CN')
			.map((c) => `${c.label}：${c.after ?? ''}`)
			.join('；');
		expect(auditActionLabel(rows[0]!.action, rows[0]!.entityType)).toBe('通过 API 读取');
		expect(text).toContain('接口：人员的考试与证书记录');
		expect(text).toContain('结果：超出令牌的单位范围，已拒绝');
		expect(rows[0]!.href).toBe(`/admin/api-tokens#token-${id}`);
		const created = await listAudit(s.admin, { actor: '', page: 1, action: 'api_token.created' });
		const details = auditChanges(created.rows[0]!, created.names, 'zh-CN');
		expect(details.find((c) => c.field === 'unitIds')?.after).toBe('区司法局');
		expect(details.find((c) => c.field === 'expiresOn')?.after).toBe('2026-12-31');
		expect(await auditActions(s.admin)).toEqual([
			'api_token.created',
			'api_token.revoked',
			'api_token.used'
		]);
	});
});
