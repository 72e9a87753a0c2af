import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password.ts';
import type { Ctx } from '../../context.ts';
import { auditEntry, person, roleGrant, unit, user } from '../../db/schema/index.ts';
import { readSpreadsheet } from '../../spreadsheet/index.ts';
import { ctxFor, district, makePerson, makeUser } from '../../testing/factories.ts';
import { testDb } from '../../testing/db.ts';
import { HEADER, JobFailed, importRoster, tally, xlsx } from '../../testing/roster.ts';
import { writeWorkbook } from '../../spreadsheet/index.ts';
import type { RosterJobDetails } from './import.ts';
import { previewRoster } from './preview.ts';
import { listExportBytes } from '../../testing/xlsx.ts';
import { oleFile, oleXls } from '../../testing/ole.ts';
import { auditChanges } from '$lib/audit.ts';
import { listAudit } from '../audit/list.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { exportRoster, rosterTemplate } from './workbook.ts';

async function previewAndImport(ctx: Ctx, upload: { name: string; bytes: Uint8Array }) {
	const preview = await previewRoster(ctx, upload);
	expect(preview.errors).toEqual([]);
	return { preview, result: await importRoster(ctx, { stagedId: preview.stagedId! }) };
}

const GOOD = [
	['区司法局', '王芳', '000123', '科员', '科员', '人大任命', '在职', '学员'],
	['测试区政府/区司法局/法治督察科', '李强', 'J-2', '', '正科级', '非人大任命', '', '学员、组织者'],
	['东城街道', '赵敏', 'D7', '主任', 'deputy_division', 'government', 'active', 'cadre,grader']
];

/** What `f` gives with the messages in English. */
async function inEnglish<T>(f: () => Promise<T>): Promise<T> {
	overwriteGetLocale(() => 'en');
	try {
		return await f();
	} finally {
		overwriteGetLocale(() => 'zh-CN');
	}
}

describe('roster import', () => {
	it('imports a good file: people, accounts with one-time passwords, role grants, audit', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const before = await tally(db);

		const { preview, result } = await previewAndImport(ctx, await xlsx(GOOD));
		expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
		expect(preview.rows.map((r) => [r.line, r.action, r.unit])).toEqual([
			[2, 'create', '测试区政府/区司法局'],
			[3, 'create', '测试区政府/区司法局/法治督察科'],
			[4, 'create', '测试区政府/东城街道']
		]);
		expect(result.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
		expect(result.accounts.map((a) => a.username)).toEqual(['000123', 'J-2', 'D7']);

		const wang = (await db.select().from(person).where(eq(person.employeeNo, '000123')))[0]!;
		expect(wang).toMatchObject({
			unitId: d.a.id,
			name: '王芳',
			rank: 'staff',
			appointmentRoute: 'congress'
		});
		const li = (await db.select().from(user).where(eq(user.username, 'J-2')))[0]!;
		expect(li.mustChangePassword).toBe(true);
		expect(await verifyPassword(li.passwordHash, result.accounts[1]!.password)).toBe(true);
		const liGrants = await db.select().from(roleGrant).where(eq(roleGrant.userId, li.id));
		expect(liGrants.map((g) => [g.role, g.unitId]).sort()).toEqual([
			['cadre', d.a1.id],
			['organiser', d.a1.id]
		]);

		const after = await tally(db);
		expect(after.people - before.people).toBe(3);
		expect(after.users - before.users).toBe(3);
		const actions = (await db.select({ action: auditEntry.action }).from(auditEntry)).map(
			(a) => a.action
		);
		expect(actions.filter((a) => a === 'roster.imported')).toHaveLength(1);
		// one entry per new person, telling the account opened with them too
		expect(actions.filter((a) => a === 'person.created')).toHaveLength(3);
		expect(actions.filter((a) => a === 'account.created')).toHaveLength(0);
		expect(actions.filter((a) => a === 'role.granted')).toHaveLength(2);

		// the audit page shows the person's entry, with the login and role, linked to the person
		const { rows, names } = await listAudit(ctx, { actor: '', action: 'person.created', page: 1 });
		const entry = rows.find((r) => r.entityId === String(wang.id))!;
		expect(entry.href).toBe(`/admin/people/${wang.id}`);
		expect(
			auditChanges(entry, names, 'zh-CN')
				.filter((c) => ['name', 'username', 'roles'].includes(c.field))
				.map((c) => `${c.label}: ${c.after}`)
		).toEqual(['名称: 王芳', '用户名: 000123', '角色: 学员']);
		expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true });
	});

	it('reports bad rows with row numbers and columns, and writes nothing', async () => {
		const db = await testDb();
		const d = await district(db);
		await makePerson(db, d.b.id, { employeeNo: 'TAKEN1' });
		const ctx = await ctxFor(db, d.admin.user.id);
		const before = await tally(db);

		const preview = await previewRoster(
			ctx,
			await xlsx([
				['区司法局', '正常', 'OK1', '', '科员', '人大任命', '', ''],
				['不存在的局', '甲', 'E1', '', '科员', '人大任命', '', ''],
				['区司法局', '乙', 'E2', '', '大科员', '人大任命', '', ''],
				['区司法局', '丙', '12 34', '', '科员', '人大任命', '', ''],
				['区司法局', '', 'E4', '', '科员', '人大任命', '停职', '学员，校长'],
				[],
				['区司法局', '丁', 'ok1', '', '科员', '人大任命', '', '']
			])
		);
		expect(preview.stagedId).toBeNull();
		expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
			[3, '单位'],
			[4, '职级'],
			[5, '工号'],
			[6, '姓名'],
			[6, '状态'],
			[6, '角色'],
			[8, '工号']
		]);
		expect(preview.errors[1]!.message).toContain('大科员');
		expect(preview.errors[6]!.message).toContain('2');
		expect(await tally(db)).toEqual(before);
	});

	it('reads the ranks and appointment routes other HR systems export (正科, 非人大, 是否人大任命: 否)', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const rows = [
			['V1', '正科', '非人大'],
			['V2', '副 科', '非人大任命'],
			['V3', '正处', '人大'],
			['V4', '副局级', '人大任命'],
			['V5', '副处', '非人大任命']
		];
		await previewAndImport(
			ctx,
			await xlsx(rows.map(([no, rank, route]) => ['区司法局', `干部${no}`, no!, '', rank!, route!]))
		);
		// a yes/no column asking whether the people's congress appoints: 是/否
		await previewAndImport(
			ctx,
			await xlsx(
				[
					['区司法局', '干部V6', 'V6', '', '科员', '是'],
					['区司法局', '干部V7', 'V7', '', '科员', '否']
				],
				['单位', '姓名', '工号', '职务', '职级', '是否人大任命']
			)
		);
		const stored = await db
			.select({ no: person.employeeNo, rank: person.rank, route: person.appointmentRoute })
			.from(person);
		expect(
			stored.filter((p) => p.no.startsWith('V')).sort((a, b) => a.no.localeCompare(b.no))
		).toEqual([
			{ no: 'V1', rank: 'section', route: 'government' },
			{ no: 'V2', rank: 'deputy_section', route: 'government' },
			{ no: 'V3', rank: 'division', route: 'congress' },
			{ no: 'V4', rank: 'deputy_bureau', route: 'congress' },
			{ no: 'V5', rank: 'deputy_division', route: 'government' },
			{ no: 'V6', rank: 'staff', route: 'congress' },
			{ no: 'V7', rank: 'staff', route: 'government' }
		]);
		// what is none of them is still refused
		const preview = await previewRoster(
			ctx,
			await xlsx([['区司法局', '甲', 'V9', '', '正股', '人大常委会']])
		);
		expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
			[2, '职级'],
			[2, '任命方式']
		]);
	});

	it('imports nothing when a row has become wrong between preview and import', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const preview = await previewRoster(ctx, await xlsx(GOOD));
		await db.update(unit).set({ active: false }).where(eq(unit.id, d.b.id));
		const before = await tally(db);

		const failure = await importRoster(ctx, { stagedId: preview.stagedId! }).catch((e) => e);
		expect(failure).toBeInstanceOf(JobFailed);
		expect((failure as JobFailed).message).toBe('未导入任何数据。请按下表修改文件后重新上传。');
		const { errors, errorCount } = (failure as JobFailed).failure.details as RosterJobDetails;
		expect(errors.map((e) => [e.row, e.column])).toEqual([[4, '单位']]);
		expect(errorCount).toBe(1);
		expect(await tally(db)).toEqual(before);
	});

	it('keeps the first 200 row errors of a file that no longer imports, and how many there were', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const rows = Array.from({ length: 250 }, (_, i) => [
			'东城街道',
			`干部${i}`,
			`DC${i}`,
			'',
			'科员',
			'人大任命',
			'',
			'学员'
		]);
		const preview = await previewRoster(ctx, await xlsx(rows));
		expect(preview.errors).toEqual([]);
		// the unit closes after a clean preview: every row is wrong at publish
		await db.update(unit).set({ active: false }).where(eq(unit.id, d.b.id));

		const failure = await importRoster(ctx, { stagedId: preview.stagedId! }).catch((e) => e);
		expect(failure).toBeInstanceOf(JobFailed);
		const { errors, errorCount } = (failure as JobFailed).failure.details as RosterJobDetails;
		expect(errors).toHaveLength(200);
		expect(errors[0]).toMatchObject({ row: 2, column: '单位' });
		expect(errorCount).toBe(250);
	});

	it('re-importing the same file updates and never duplicates', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		await previewAndImport(ctx, await xlsx(GOOD));
		const once = await tally(db);

		const again = await previewAndImport(ctx, await xlsx(GOOD));
		expect(again.preview.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
		expect(again.result.accounts).toEqual([]);
		const twice = await tally(db);
		expect({ ...twice, audit: 0 }).toEqual({ ...once, audit: 0 });
		expect(twice.audit).toBe(once.audit + 1); // only roster.imported

		const edited = GOOD.map((r) => [...r]);
		edited[0]![3] = '副科长';
		edited[2]![7] = '学员'; // grader revoked
		const third = await previewAndImport(ctx, await xlsx(edited));
		expect(third.preview.rows.map((r) => [r.action, r.changes])).toEqual([
			['update', ['position']],
			['unchanged', []],
			['update', ['roles']]
		]);
		expect((await tally(db)).people).toBe(once.people);
		const wang = (await db.select().from(person).where(eq(person.employeeNo, '000123')))[0]!;
		expect(wang.position).toBe('副科长');
		const zhao = (await db.select().from(user).where(eq(user.username, 'D7')))[0]!;
		const roles = await db.select().from(roleGrant).where(eq(roleGrant.userId, zhao.id));
		expect(roles.map((g) => g.role)).toEqual(['cadre']);
	});

	it('gives an existing person without an account an account, and moves people between units', async () => {
		const db = await testDb();
		const d = await district(db);
		const existing = await makePerson(db, d.a.id, { employeeNo: 'OLD1', name: '老王' });
		const moving = await makeUser(db, d.a.id, [], { username: 'MOV1' });
		const ctx = await ctxFor(db, d.admin.user.id);

		const { preview, result } = await previewAndImport(
			ctx,
			await xlsx(
				[
					['区司法局', '老王', 'OLD1', '科员'],
					['东城街道', moving.person.name, 'MOV1', '科员']
				].map((r) => [...r, '科员', '非人大任命']),
				['单位', '姓名', '工号', '职务', '职级', '任命方式']
			)
		);
		expect(preview.rows.map((r) => [r.action, r.changes])).toEqual([
			['update', ['position', 'account']],
			['update', ['unit', 'position']]
		]);
		expect(result.accounts.map((a) => a.username)).toEqual(['OLD1']);
		const [acct] = await db.select().from(user).where(eq(user.personId, existing.id));
		expect(acct!.username).toBe('OLD1');
		// an account opened for someone already on the roll is an entry of its own
		const opened = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'account.created'));
		expect(opened.map((e) => [e.entityId, e.after])).toEqual([
			[String(acct!.id), { username: 'OLD1', personId: existing.id, roles: ['cadre'] }]
		]);
		const grants = await db.select().from(roleGrant).where(eq(roleGrant.userId, moving.user.id));
		expect(grants.map((g) => [g.role, g.unitId])).toEqual([['cadre', d.b.id]]);
	});

	it('says what is wrong with a crafted cell in a sentence, not in a message per entry or a copy of the cell', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const preview = await previewRoster(
			ctx,
			await xlsx([
				['区司法局', '甲', 'R1', '', '科员', '人大任命', '', 'x、'.repeat(10_000)],
				['局'.repeat(30_000), '乙', 'R2', '', '科员', '人大任命', '', '学员、校长、学员']
			])
		);
		// one problem a cell: the roles that are none, quoted by their beginning
		expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
			[2, '角色'],
			[3, '单位'],
			[3, '角色']
		]);
		expect(preview.errors[0]!.message).toMatch(/^“x、x、.*…”/);
		expect(preview.errors[2]!.message).toContain('“校长”');
		for (const e of preview.errors) expect(e.message.length).toBeLessThan(200);
		expect(preview.stagedId).toBeNull();
	});

	it('lists the first 200 problems of a broken file and counts them all, importing nothing', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const before = await tally(db);
		// 1,000 rows, each with an unknown unit and a rank nobody has: 2,000 problems
		const rows = Array.from({ length: 1000 }, (_, i) => [
			'无此单位',
			'甲',
			`B${i}`,
			'',
			'大科员',
			'人大任命',
			'',
			'学员'
		]);
		const preview = await previewRoster(ctx, await xlsx(rows));
		expect(preview.errors).toHaveLength(200);
		expect(preview.errorCount).toBe(2000);
		// the first ones, as the file reads
		expect(preview.errors.slice(0, 2).map((e) => [e.row, e.column])).toEqual([
			[2, '单位'],
			[2, '职级']
		]);
		expect(preview.errors.at(-1)!.row).toBe(101);
		expect(preview.stagedId).toBeNull();
		expect(await tally(db)).toEqual(before);
	});

	it('rejects units and people outside the scope of an admin of a sub-unit', async () => {
		const db = await testDb();
		const d = await district(db);
		const subAdmin = await makeUser(db, d.a.id, [['admin', d.a.id]]);
		const inB = await makePerson(db, d.b.id, { employeeNo: 'B1' });
		const ctx = await ctxFor(db, subAdmin.user.id);
		const before = await tally(db);

		const preview = await previewRoster(
			ctx,
			await xlsx([
				['法治督察科', '可以', 'A1', '', '科员', '人大任命', '', ''],
				['东城街道', '越界', 'X1', '', '科员', '人大任命', '', ''],
				['测试区政府', '越界', 'X2', '', '科员', '人大任命', '', ''],
				['区司法局', '别人', inB.employeeNo, '', '科员', '人大任命', '', '']
			])
		);
		expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
			[3, '单位'],
			[4, '单位'],
			[5, '工号']
		]);
		expect(preview.stagedId).toBeNull();
		expect(await tally(db)).toEqual(before);
	});

	it('rejects HR granting the 管理员 role, but lets HR import cadres', async () => {
		const db = await testDb();
		const d = await district(db);
		const hr = await makeUser(db, d.root.id, [['hr', d.root.id]]);
		const ctx = await ctxFor(db, hr.user.id);

		const bad = await previewRoster(
			ctx,
			await xlsx([
				['区司法局', '甲', 'H1', '', '科员', '人大任命', '', '学员'],
				['区司法局', '乙', 'H2', '', '科员', '人大任命', '', '学员、管理员']
			])
		);
		expect(bad.errors.map((e) => [e.row, e.column])).toEqual([[3, '角色']]);
		expect(bad.errors[0]!.message).toContain('管理员');

		const { result } = await previewAndImport(
			ctx,
			await xlsx([['区司法局', '甲', 'H1', '', '科员', '人大任命', '', '学员']])
		);
		expect(result.counts.create).toBe(1);
	});

	it('reports every problem of a row at once, not only the first', async () => {
		const db = await testDb();
		const d = await district(db);
		const hr = await makeUser(db, d.root.id, [['hr', d.root.id]]);
		// the row's unit was deactivated, and HR may not grant 管理员: two problems in one row
		await db.update(unit).set({ active: false }).where(eq(unit.id, d.a.id));
		const ctx = await ctxFor(db, hr.user.id);
		const bad = await previewRoster(
			ctx,
			await xlsx([['区司法局', '丙', 'H3', '', '科员', '人大任命', '', '学员、管理员']])
		);
		expect(bad.errors.map((e) => [e.row, e.column])).toEqual([
			[2, '单位'],
			[2, '角色']
		]);
		expect(bad.stagedId).toBeNull();
	});

	it('reads a GBK csv with English-free Chinese headers', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const hex =
			'b5a5cebb2cd0d5c3fb2cb9a4bac52cd6b0bcb62cc8cec3fcb7bdcabd0d0ac7f8cbbeb7a8bed62ccdf5b7bc2c473030312cbfc6d4b12cc8cbb4f3c8cec3fc0d0a';
		const bytes = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
		const { result } = await previewAndImport(ctx, { name: 'roster.csv', bytes });
		expect(result.counts.create).toBe(1);
		const [p] = await db.select().from(person).where(eq(person.employeeNo, 'G001'));
		expect(p).toMatchObject({
			name: '王芳',
			unitId: d.a.id,
			rank: 'staff',
			appointmentRoute: 'congress'
		});
	});

	it('refuses an 18-digit 工号 Excel kept as a number, and imports a 12-digit one as it is', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const before = await tally(db);
		// typed into General cells, as an organiser types 工号 into a blank workbook: a number whose
		// last digits no cell keeps (Excel keeps 15)
		const eighteen = Number('123456789012345678');
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('花名册');
		sheet.addRow(HEADER);
		sheet.addRow(['区司法局', '王芳', eighteen, '', '科员', '人大任命', '', '']);
		sheet.addRow(['区司法局', '李强', 123456789012, '', '科员', '人大任命', '', '']);
		const upload = {
			name: '花名册.xlsx',
			bytes: new Uint8Array(await book.xlsx.writeBuffer())
		};

		const preview = await previewRoster(ctx, upload);
		expect(preview.stagedId).toBeNull();
		expect(preview.errors.map((e) => [e.row, e.column])).toEqual([[2, '工号']]);
		expect(preview.errors[0]!.message).toContain('“1.23457E+17”是 Excel');
		expect(preview.errors[0]!.message).toContain('“文本”');
		expect(await tally(db)).toEqual(before);

		const english = await inEnglish(() => previewRoster(ctx, upload));
		expect(english.errors[0]!.message).toMatch(/^“1\.23457E\+17” is how Excel shows a long number/);
		expect(english.errors[0]!.message).toContain('format the column’s cells as Text');

		sheet.spliceRows(2, 1);
		await previewAndImport(ctx, {
			name: '花名册.xlsx',
			bytes: new Uint8Array(await book.xlsx.writeBuffer())
		});
		const [li] = await db.select().from(person).where(eq(person.name, '李强'));
		expect(li?.employeeNo).toBe('123456789012');
	});

	it('refuses an 18-digit 身份证号 as 工号 that Excel rounded in a column formatted as a number, and says how to fix it', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const before = await tally(db);
		// the clerk formatted the column as 数值 with no decimals (0), or as 18 zeros, to stop the
		// 1.10101E+17 and typed the ids: Excel shows them in full, their last three digits 000
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('花名册');
		sheet.addRow(HEADER);
		sheet.addRow([
			'区司法局',
			'王芳',
			Number('110101199003071234'),
			'',
			'科员',
			'人大任命',
			'',
			''
		]);
		sheet.addRow([
			'区司法局',
			'赵敏',
			Number('110101198807152345'),
			'',
			'科员',
			'人大任命',
			'',
			''
		]);
		sheet.addRow(['区司法局', '李强', 110101199, '', '科员', '人大任命', '', '']);
		sheet.getCell('C2').numFmt = '0';
		sheet.getCell('C3').numFmt = '000000000000000000';
		sheet.getCell('C4').numFmt = '000000000000000000';
		const upload = { name: '花名册.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) };

		const preview = await previewRoster(ctx, upload);
		expect(preview.stagedId).toBeNull();
		// the 9-digit one is as its cell shows it, padded: no error
		expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
			[2, '工号'],
			[3, '工号']
		]);
		expect(preview.errors[0]!.message).toMatch(/^“110101199003071000”超过了 Excel 能保存的 15 位/);
		expect(preview.errors[1]!.message).toContain('“110101198807152000”');
		expect(preview.errors[0]!.message).toContain('“文本”');
		expect(await tally(db)).toEqual(before);

		const english = await inEnglish(() => previewRoster(ctx, upload));
		expect(english.errors[0]!.message).toMatch(
			/^“110101199003071000” has more digits than the 15 Excel keeps/
		);
		expect(english.errors[0]!.message).toContain('format the column’s cells as Text');

		// fixed, the rows imported are read as they show: a 9-digit id padded by its format
		const fixed = new ExcelJS.Workbook();
		const rows = fixed.addWorksheet('花名册');
		rows.addRow(HEADER);
		rows.addRow(['区司法局', '王芳', '110101199003071234', '', '科员', '人大任命', '', '']);
		rows.addRow(['区司法局', '李强', 110101199, '', '科员', '人大任命', '', '']);
		rows.getCell('C3').numFmt = '000000000000000000';
		await previewAndImport(ctx, {
			name: '花名册.xlsx',
			bytes: new Uint8Array(await fixed.xlsx.writeBuffer())
		});
		const [wang] = await db.select().from(person).where(eq(person.name, '王芳'));
		expect(wang?.employeeNo).toBe('110101199003071234');
		const [li] = await db.select().from(person).where(eq(person.name, '李强'));
		expect(li?.employeeNo).toBe('000000000110101199');
	});

	it('refuses the 1.23457E+17 that Excel writes into a CSV for a long number, in any column, and imports nothing', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const before = await tally(db);
		const csv = [
			HEADER.join(','),
			'区司法局,王芳,1.23457E+17,,科员,人大任命,,',
			'区司法局,赵敏,1.23457E+17,,科员,人大任命,,',
			'区司法局,李强,L1,1E+15,科员,人大任命,,',
			'区司法局,钱七,123456789012,,科员,人大任命,,'
		].join('\r\n');
		const preview = await previewRoster(ctx, {
			name: 'roster.csv',
			bytes: new TextEncoder().encode(csv)
		});
		expect(preview.stagedId).toBeNull();
		// one sentence per cell: not also “repeats row 2” for the second row
		expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
			[2, '工号'],
			[3, '工号'],
			[4, '职务']
		]);
		expect(preview.errors[0]!.message).toContain('1.23457E+17');
		expect(preview.errors[2]!.message).toContain('1E+15');
		expect(await tally(db)).toEqual(before);
	});

	it('accepts English headers, refuses a file without the required columns', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const english = ['unit', 'name', 'employee_no', 'rank', 'appointment_route'];
		const ok = await previewRoster(
			ctx,
			await xlsx([['东城街道', '甲', 'E1', 'staff', 'congress']], english)
		);
		expect(ok.errors).toEqual([]);
		await expect(
			previewRoster(ctx, await xlsx([['东城街道', '甲']], ['单位', '姓名']))
		).rejects.toMatchObject({
			code: 'roster_file_missing_columns',
			params: { columns: ['工号', '职级', '任命方式'] }
		});
	});

	it('says a password-protected roster needs saving without its password', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		await expect(
			previewRoster(ctx, { name: '花名册.xlsx', bytes: oleFile('EncryptionInfo') })
		).rejects.toMatchObject({ code: 'roster_file_encrypted' });
		await expect(
			previewRoster(ctx, { name: '花名册.xls', bytes: oleXls(true) })
		).rejects.toMatchObject({ code: 'roster_file_encrypted_xls' });
		await expect(
			previewRoster(ctx, { name: '花名册.xls', bytes: oleXls(false) })
		).rejects.toMatchObject({ code: 'roster_file_unreadable' });
	});

	it('reads a 工号 an HR system exported as ="000123" as the id it is', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const csv = ['单位,姓名,工号,职级,任命方式', '区司法局,王芳,="000123",科员,非人大任命'].join(
			'\r\n'
		);
		const preview = await previewRoster(ctx, {
			name: '花名册.csv',
			bytes: new TextEncoder().encode(csv)
		});
		expect(preview.errors).toEqual([]);
		expect(preview.rows).toMatchObject([{ employeeNo: '000123', name: '王芳' }]);
	});

	it('reads headers marked as required or with a note (*姓名, 工号*, 单位（必填）) as their columns', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const header = [
			'*单位',
			'姓名（必填）',
			'工号*',
			'职务',
			'＊职级',
			'任命方式(必填)',
			'状态【在职/停用】'
		];
		const preview = await previewRoster(
			ctx,
			await xlsx([['区司法局', '王芳', 'A001', '科长', '正科级', '非人大任命', '在职']], header)
		);
		expect(preview.errors).toEqual([]);
		expect(preview.rows).toMatchObject([{ employeeNo: 'A001', name: '王芳', action: 'create' }]);
	});

	it('finds the roster below a title and after a sheet of instructions; refuses a roster spread over sheets', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const instructions = {
			name: '填写说明',
			columns: [{ header: '列名' }, { header: '说明' }],
			rows: [
				['单位', '填写单位全称'],
				['姓名', '与身份证一致']
			]
		};
		// a title row above the header, as many offices' spreadsheets have
		const titled = (name: string, rows: string[][]) => ({
			name,
			columns: [{ header: '2026年区直单位干部花名册' }],
			rows: [HEADER, ...rows]
		});
		const upload = async (sheets: Parameters<typeof writeWorkbook>[0]) => ({
			name: '花名册.xlsx',
			bytes: await writeWorkbook(sheets)
		});
		const preview = await previewRoster(ctx, await upload([instructions, titled('干部', GOOD)]));
		expect(preview.errors).toEqual([]);
		// the rows keep the numbers the spreadsheet shows: the header is row 2
		expect(preview.rows.map((r) => [r.line, r.employeeNo])).toEqual([
			[3, '000123'],
			[4, 'J-2'],
			[5, 'D7']
		]);
		// one sheet per unit: refused, rather than importing the first unit only
		await expect(
			previewRoster(
				ctx,
				await upload([titled('区司法局', GOOD.slice(0, 2)), titled('东城街道', GOOD.slice(2))])
			)
		).rejects.toMatchObject({
			code: 'roster_file_many_sheets',
			params: { sheets: ['区司法局', '东城街道'] }
		});
		// a blank copy of the sheet beside the filled one leaves nothing out
		const beside = await previewRoster(
			ctx,
			await upload([titled('空白', []), titled('干部', GOOD), instructions])
		);
		expect(beside.rows).toHaveLength(3);
		// our template: the roster sheet and its instructions
		const template = await previewRoster(ctx, {
			name: '模板.xlsx',
			bytes: await rosterTemplate(ctx)
		});
		expect(template.errors).toEqual([]);
		expect(template.rows).toHaveLength(1);
	});

	it('asks for the path of an ambiguous unit name', async () => {
		const db = await testDb();
		const d = await district(db);
		const { makeUnit } = await import('../../testing/factories.ts');
		await makeUnit(db, { name: '办公室', parentId: d.a.id });
		await makeUnit(db, { name: '办公室', parentId: d.b.id });
		const ctx = await ctxFor(db, d.admin.user.id);
		const preview = await previewRoster(
			ctx,
			await xlsx([
				['办公室', '甲', 'E1', '', '科员', '人大任命', '', ''],
				['东城街道／办公室', '乙', 'E2', '', '科员', '人大任命', '', '']
			])
		);
		expect(preview.errors.map((e) => [e.row, e.column])).toEqual([[2, '单位']]);
		expect(preview.errors[0]!.message).toContain('/办公室');
	});

	it('reads a unit cell with long runs of spaces in one pass (the plan runs on the request thread)', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const spaces = ' '.repeat(200_000);
		const csv = [
			HEADER.join(','),
			`测试区政府${spaces}／${spaces}区司法局,甲,S1,,科员,人大任命,,`,
			`区司法局${spaces}x,乙,S2,,科员,人大任命,,`
		].join('\n');
		const preview = await previewRoster(ctx, {
			name: 'roster.csv',
			bytes: new TextEncoder().encode(csv)
		});
		expect(preview.errors.map((e) => [e.row, e.column])).toEqual([[3, '单位']]);
		expect(preview.rows.map((r) => [r.line, r.unit])).toEqual([[2, '测试区政府/区司法局']]);
	});

	it('refuses a staged import of another user, or after it expired', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const other = await makeUser(db, d.root.id, [['admin', d.root.id]]);
		const preview = await previewRoster(ctx, await xlsx(GOOD));
		const otherCtx = await ctxFor(db, other.user.id);
		await expect(importRoster(otherCtx, { stagedId: preview.stagedId! })).rejects.toMatchObject({
			code: 'import_staged_expired'
		});
		const later = { ...ctx, now: new Date(ctx.now.getTime() + 31 * 60_000) };
		await expect(importRoster(later, { stagedId: preview.stagedId! })).rejects.toMatchObject({
			code: 'import_staged_expired'
		});
		// and a confirmed import cannot be confirmed twice
		const fresh = await previewRoster(ctx, await xlsx(GOOD));
		await importRoster(ctx, { stagedId: fresh.stagedId! });
		await expect(importRoster(ctx, { stagedId: fresh.stagedId! })).rejects.toMatchObject({
			code: 'import_staged_expired'
		});
	});
});

describe('roster export and template', () => {
	it('exports the template columns so that export → import changes nothing', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		await previewAndImport(ctx, await xlsx(GOOD));

		const bytes = new Uint8Array(await listExportBytes(await exportRoster(ctx)));
		const sheet = await readSpreadsheet({ name: 'x.xlsx', bytes });
		expect(sheet.headers).toEqual(HEADER);
		const li = sheet.rows.find((r) => r.cells['工号'] === 'J-2')!;
		expect(li.cells).toMatchObject({
			单位: '测试区政府/区司法局/法治督察科',
			职级: '正科级',
			任命方式: '非人大任命',
			状态: '在职',
			角色: '学员、组织者'
		});
		expect(sheet.rows.find((r) => r.cells['工号'] === '000123')).toBeDefined();

		const again = await previewRoster(ctx, { name: 'export.xlsx', bytes });
		expect(again.errors).toEqual([]);
		expect(again.counts.create + again.counts.update).toBe(0);
	});

	it('export covers only the scope; the template needs roster.import', async () => {
		const db = await testDb();
		const d = await district(db);
		await makePerson(db, d.b.id, { employeeNo: 'B1' });
		await makePerson(db, d.a1.id, { employeeNo: 'A1' });
		const organiser = await makeUser(db, d.a.id, [['organiser', d.a.id]]);
		const ctx = await ctxFor(db, organiser.user.id);
		const sheet = await readSpreadsheet({
			name: 'x.xlsx',
			bytes: new Uint8Array(await listExportBytes(await exportRoster(ctx)))
		});
		expect(sheet.rows.map((r) => r.cells['工号']).sort()).toEqual(
			['A1', organiser.person.employeeNo].sort()
		);
		expect(sheet.rows.find((r) => r.cells['工号'] === 'A1')!.cells['单位']).toBe(
			'区司法局/法治督察科'
		);
		await expect(rosterTemplate(ctx)).rejects.toMatchObject({ code: 'error_forbidden' });

		const admin = await ctxFor(db, d.admin.user.id);
		const template = await readSpreadsheet({ name: 't.xlsx', bytes: await rosterTemplate(admin) });
		expect(template.headers).toEqual(HEADER);
		expect(template.rows).toHaveLength(1);
	});
});
