import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { parseGift } from '@xuefa/core';
import { describe, expect, it } from 'vitest';
import type { QuestionVersion, SingleBody } from '@xuefa/core';
import type { QuestionContent } from './store.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { auditEntry, question, questionVersion } from '../../db/schema/index.ts';
import { renderMarkdown } from '../../markdown.ts';
import { readSpreadsheet } from '../../spreadsheet/index.ts';
import { testDb } from '../../testing/db.ts';
import { gbk } from '../../testing/encodings.ts';
import {
	ctxFor,
	district,
	makeBank,
	makeQuestion,
	makeUser,
	singleChoice
} from '../../testing/factories.ts';
import {
	AIKEN_LEFT_SHOWN,
	aikenExportSummary,
	exportSummary,
	exportBankAiken,
	exportBankGift,
	exportBankXlsx,
	questionTemplate
} from './export.ts';
import { importQuestions } from '../../testing/imports.ts';
import { listExportBytes } from '../../testing/xlsx.ts';
import { storeQuestion } from './store.ts';
import { ForbiddenError } from '../../errors.ts';
import { answerImportColumns, previewQuestionImport, questionPreviewPage } from './import.ts';

const HEADER = [
	'编号',
	'题型',
	'题干',
	'选项A',
	'选项B',
	'选项C',
	'答案',
	'法律',
	'条款',
	'所属案例'
];
const GOOD = [
	[
		'Q1',
		'单选',
		'行政机关应当在举行听证的几日前通知当事人？',
		'三日',
		'五日',
		'七日',
		'C',
		'行政处罚法',
		'第六十四条',
		''
	],
	['Q2', '多选', '下列属于行政处罚种类的有：', '警告', '罚款', '记过', 'AB', '行政处罚法', '9', ''],
	[
		'Q3',
		'判断',
		'初次违法且危害后果轻微并及时改正的，可以不予行政处罚。',
		'',
		'',
		'',
		'对',
		'行政处罚法',
		'第三十三条',
		''
	],
	['Q4', '案例分析', '某局拟对企业作出较大数额罚款。', '', '', '', '', '', '', ''],
	['', '判断', '该企业有权要求听证。', '', '', '', '对', '', '', 'Q4']
];

/** An .xlsx built the way a person's spreadsheet program would, with exceljs. */
async function xlsx(rows: string[][], header = HEADER) {
	const wb = new ExcelJS.Workbook();
	const sheet = wb.addWorksheet('试题');
	sheet.addRow(header);
	for (const r of rows) sheet.addRow(r);
	return { name: '试题.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}
const text = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });
const csv = (rows: string[][]) =>
	text('试题.csv', [HEADER, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n'));

async function tally(db: Db) {
	const [q] = await db.select({ n: count() }).from(question);
	const [v] = await db.select({ n: count() }).from(questionVersion);
	const [a] = await db.select({ n: count() }).from(auditEntry);
	return { questions: q!.n, versions: v!.n, audit: a!.n };
}

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const bank = await makeBank(db, d.a.id);
	return { db, d, bank, ctx: await ctxFor(db, organiser.user.id) };
}

/** A text export as its download holds it. */
async function textOf(parts: AsyncIterable<string>) {
	let text = '';
	for await (const part of parts) text += part;
	return text;
}

const exportedXlsx = async (ctx: Ctx, bankId: number) =>
	new Uint8Array(await listExportBytes(await exportBankXlsx(ctx, bankId)));

/** Confirms a preview and waits for its import job, as the import page follows it. */
async function importAll(ctx: Ctx, bankId: number, upload: { name: string; bytes: Uint8Array }) {
	const preview = await previewQuestionImport(ctx, { bankId }, upload);
	expect(preview.errors).toEqual([]);
	return { preview, result: await importQuestions(ctx, { bankId, stagedId: preview.stagedId! }) };
}

describe('question import', () => {
	it('imports a good .xlsx: every type counted, one audit entry, all in the bank', async () => {
		const { db, bank, ctx } = await setup();
		const { preview, result } = await importAll(ctx, bank.id, await xlsx(GOOD));
		expect(preview.format).toBe('rows');
		expect(preview.counts).toEqual({ create: 4, update: 0, unchanged: 0 });
		expect(preview.byType).toEqual({ single: 1, multiple: 1, truefalse: 1, case: 1 });
		expect(result.counts).toEqual({ create: 4, update: 0, unchanged: 0 });
		const rows = await db.select().from(question).where(eq(question.bankId, bank.id));
		expect(rows.map((r) => [r.externalId, r.type])).toEqual([
			['Q1', 'single'],
			['Q2', 'multiple'],
			['Q3', 'truefalse'],
			['Q4', 'case']
		]);
		const actions = await db.select({ a: auditEntry.action }).from(auditEntry);
		expect(actions.map((a) => a.a)).toEqual(['bank.imported']);
	});

	it('reports bad .xlsx rows with their row numbers and writes nothing', async () => {
		const { db, bank, ctx } = await setup();
		const before = await tally(db);
		const bad = GOOD.map((r) => [...r]);
		bad[1]![6] = 'E'; // row 3: answer E has no option
		bad[2]![8] = '第某条'; // row 4: unreadable article
		const preview = await previewQuestionImport(ctx, { bankId: bank.id }, await xlsx(bad));
		expect(preview.errors.map((e) => e.line)).toEqual([3, 4]);
		expect(preview.errors[0]!.message).toContain('第3行');
		expect(preview.errors[1]!.message).toContain('第某条');
		// the rest imports only when the organiser says so; until then nothing is written
		await expect(
			importQuestions(ctx, { bankId: bank.id, stagedId: preview.stagedId! })
		).rejects.toMatchObject({ code: 'bank_import_confirm_skipped' });
		expect(await tally(db)).toEqual(before);
	});

	it('quotes a crafted cell by its beginning, and the file by a name that is safe to show', async () => {
		const { bank, ctx } = await setup();
		const bad = GOOD.map((r) => [...r]);
		bad[0]![1] = '\u0000'.repeat(1_000_000);
		const upload = csv(bad);
		const preview = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			{ ...upload, name: `${'题'.repeat(5_000)}\u202Evsc.csv` }
		);
		expect(preview.errors.map((e) => e.line)).toEqual([2]);
		// the whole cell was in the message: a megabyte-long answer, serialised on the request thread
		expect(preview.errors[0]!.message.length).toBeLessThan(200);
		expect(preview.fileName).toMatch(/^题+…\.csv$/);
		expect(preview.fileName.length).toBeLessThanOrEqual(100);
	});

	it('keeps spreadsheet row numbers across blank rows', async () => {
		const { bank, ctx } = await setup();
		const rows = [GOOD[0]!, [], [], ['Q9', '单选', '没有答案的题', '甲', '乙', '', '', '', '', '']];
		const preview = await previewQuestionImport(ctx, { bankId: bank.id }, await xlsx(rows));
		expect(preview.errors.map((e) => e.line)).toEqual([5]);
	});

	it('reads a header of two rows, 选项 merged over A–D with the letters below', async () => {
		const { bank, ctx } = await setup();
		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('题库');
		sheet.addRow(['题型', '题干', '选项', '', '', '', '答案']);
		sheet.addRow(['', '', 'A', 'B', 'C', 'D', '']);
		for (const range of ['A1:A2', 'B1:B2', 'C1:F1', 'G1:G2']) sheet.mergeCells(range);
		sheet.addRow(['单选题', '听证几日前通知？', '三日', '五日', '七日', '十日', 'C']);
		const upload = { name: '题库.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
		const preview = await previewQuestionImport(ctx, { bankId: bank.id }, upload);
		expect(preview.columns).toBeNull();
		expect(preview.errors).toEqual([]);
		expect(preview.byType).toEqual({ single: 1 });
	});

	it('imports a .csv and reports a bad one by row', async () => {
		const { db, bank, ctx } = await setup();
		const bad = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			csv([GOOD[0]!, ['Q2', '问答', '题干', '', '', '', '', '', '', '']])
		);
		expect(bad.errors.map((e) => e.line)).toEqual([3]);
		expect(bad.errors[0]!.message).toContain('问答');
		expect((await tally(db)).questions).toBe(0);
		const { result } = await importAll(ctx, bank.id, csv(GOOD.slice(0, 3)));
		expect(result.counts.create).toBe(3);
	});

	it('imports GIFT and reports a bad question by line', async () => {
		const { db, bank, ctx } = await setup();
		const gift = [
			'::G1:: 行政处罚法规定的听证应当公开举行，涉及国家秘密的除外。{T}',
			'',
			'::G2:: 听证应当在举行几日前通知当事人？{~三日 =七日 ~十日}'
		].join('\n');
		const bad = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			text('题库.gift', `${gift}\n\n::G3:: 缺少右括号 {=甲 ~乙`)
		);
		expect(bad.errors.map((e) => e.line)).toEqual([5]);
		expect(bad.errorCount).toBe(1);
		expect((await tally(db)).questions).toBe(0);
		const { preview, result } = await importAll(ctx, bank.id, text('题库.gift', gift));
		expect(preview.format).toBe('gift');
		expect(result.counts.create).toBe(2);
		const ids = await db.select({ e: question.externalId }).from(question);
		expect(ids.map((r) => r.e)).toEqual(['G1', 'G2']);
	});

	it('imports Aiken (detected in a .txt) and reports a bad question by line', async () => {
		const { db, bank, ctx } = await setup();
		const aiken = '行政复议申请期限一般为知道之日起多少日？\nA. 三十日\nB. 六十日\nANSWER: B\n';
		const bad = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			text('aiken.txt', `${aiken}\n第二题\nA. 甲\nB. 乙\nANSWER: C\n`)
		);
		expect(bad.format).toBe('aiken');
		expect(bad.errors.map((e) => e.line)).toEqual([9]); // the ANSWER: C line
		expect((await tally(db)).questions).toBe(0);
		const { result } = await importAll(ctx, bank.id, text('aiken.txt', aiken));
		expect(result.counts.create).toBe(1);
		// Aiken questions have no id of their own: nothing to match a re-import on
		expect((await db.select().from(question))[0]!.externalId).toBeNull();
	});

	it('re-importing updates by 编号 and never duplicates', async () => {
		const { db, bank, ctx } = await setup();
		await importAll(ctx, bank.id, await xlsx(GOOD));
		const once = await tally(db);
		const again = await importAll(ctx, bank.id, await xlsx(GOOD));
		expect(again.result.counts).toEqual({ create: 0, update: 0, unchanged: 4 });
		expect(await tally(db)).toEqual({ ...once, audit: once.audit + 1 });

		const edited = GOOD.map((r) => [...r]);
		edited[0]![2] = '听证通知应当在举行听证的几日前送达？';
		const third = await importAll(ctx, bank.id, await xlsx(edited));
		expect(third.preview.counts).toEqual({ create: 0, update: 1, unchanged: 3 });
		const [q1] = await db.select().from(question).where(eq(question.externalId, 'Q1'));
		expect(q1!.currentVersion).toBe(2);
		expect((await tally(db)).questions).toBe(once.questions);
	});

	it('a question an older import stored as A\\&B is unchanged by its own export imported back', async () => {
		const { db, bank, ctx } = await setup();
		const row = ['Q1', '单选', 'R&D 与 snake_case 的区别？', '甲|乙', 'A&B', '', 'A', '', '', ''];
		await importAll(ctx, bank.id, await xlsx([row]));
		const [stored] = await db.select().from(questionVersion);
		const data = stored!.data as QuestionVersion & SingleBody;
		expect(data.stem).toBe('R&D 与 snake_case 的区别？');
		// as imports stored it before the escaping was cut to what changes the rendering
		const old = {
			...data,
			stem: 'R\\&D 与 snake\\_case 的区别？',
			options: data.options.map((o) => ({ ...o, text: o.text.replace(/[&|]/g, '\\$&') }))
		};
		await db.update(questionVersion).set({ data: old });
		const bytes = await exportedXlsx(ctx, bank.id);
		const sheet = await readSpreadsheet({ name: 'e.xlsx', bytes });
		expect(sheet.rows[0]!.cells).toMatchObject({ 题干: row[2], 选项A: row[3], 选项B: row[4] });
		const back = await previewQuestionImport(ctx, { bankId: bank.id }, { name: 'e.xlsx', bytes });
		expect(back.counts).toEqual({ create: 0, update: 0, unchanged: 1 });
		expect(renderMarkdown(old.stem)).toBe(renderMarkdown(row[2]!));
	});

	it('previews a page of the questions at a time, every page asked for by its id', async () => {
		const { db, d, bank, ctx } = await setup();
		const rows = Array.from({ length: 60 }, (_, i) => [
			`P${i + 1}`,
			'单选',
			`第${i + 1}题：下列*说法*正确的是`,
			'甲',
			'乙',
			'丙',
			'A',
			'',
			'',
			''
		]);
		const first = await previewQuestionImport(ctx, { bankId: bank.id }, csv(rows));
		expect(first).toMatchObject({ page: 1, pageSize: 50, total: 60 });
		expect(first.counts.create).toBe(60);
		expect(first.rows).toHaveLength(50);
		const second = await questionPreviewPage(ctx, bank.id, { id: first.previewId!, page: 2 });
		expect(second).toMatchObject({ page: 2, total: 60, stagedId: first.stagedId });
		// as the questions will read (kept as Markdown: `下列\\*说法\\*`), not as Markdown
		expect(second.rows.map((q) => [q.externalId, q.stem, q.action])).toEqual(
			Array.from({ length: 10 }, (_, i) => [
				`P${i + 51}`,
				`第${i + 51}题：下列*说法*正确的是`,
				'create'
			])
		);
		// the address of one bank's preview shows nothing on another's page
		const other = await makeBank(db, d.a.id, '另一个题库');
		await expect(
			questionPreviewPage(ctx, other.id, { id: first.previewId!, page: 1 })
		).rejects.toMatchObject({ code: 'import_staged_expired' });
	});

	it('refuses files over the size limit with a clear message', async () => {
		const { bank, ctx } = await setup();
		const big = { name: 'big.gift', bytes: new Uint8Array(5 * 1024 * 1024 + 1) };
		await expect(previewQuestionImport(ctx, { bankId: bank.id }, big)).rejects.toMatchObject({
			code: 'bank_import_too_large',
			params: { mb: 5 }
		});
	});

	it('exports .xlsx that imports back unchanged, and lists what GIFT cannot hold', async () => {
		const { bank, ctx } = await setup();
		await importAll(ctx, bank.id, await xlsx(GOOD));
		const bytes = await exportedXlsx(ctx, bank.id);
		const back = await previewQuestionImport(ctx, { bankId: bank.id }, { name: 'e.xlsx', bytes });
		expect(back.counts).toEqual({ create: 0, update: 0, unchanged: 4 });

		const gift = await exportBankGift(ctx, bank.id);
		expect(gift.left).toBe(1);
		const giftText = await textOf(gift.text);
		expect(giftText.split('\n')[1]).toMatch(/^\/\/ .*Q4/);
		const viaGift = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			{ name: 'e.gift', bytes: new TextEncoder().encode(giftText) }
		);
		expect(viaGift.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
	});

	it('streams a large bank to .xlsx a page at a time: every question in order, with the 题型 drop-down', async () => {
		const { db, bank, ctx } = await setup();
		await db.transaction(async (tx) => {
			const at = { db: tx, now: ctx.now, user: null };
			for (let i = 1; i <= 501; i++)
				await storeQuestion(
					at,
					bank.id,
					{ ...singleChoice(), stem: `第${i}题` },
					{
						externalId: `L${i}`,
						status: 'ready'
					}
				);
		});
		const list = await exportBankXlsx(ctx, bank.id);
		expect(list.rows).toBe(501);
		// built in memory whole, 5,000 questions held the request thread for 8 s
		const sizes: number[] = [];
		const pages = list.pages;
		list.pages = (async function* () {
			for await (const page of pages) {
				sizes.push(page.length);
				yield page;
			}
		})();
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await listExportBytes(list)) as unknown as ExcelJS.Buffer);
		expect(sizes).toEqual([500, 1]);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['试题']);
		const sheet = wb.worksheets[0]!;
		expect(sheet.getCell('A2').text).toBe('L1');
		expect(sheet.getCell('A502').text).toBe('L501');
		expect(sheet.getCell('C502').text).toBe('第501题');
		expect(sheet.getCell('B1500').dataValidation).toMatchObject({ type: 'list' });
	});

	it('streams a large bank as GIFT a page at a time, each category written once, every question in order', async () => {
		const { db, bank, ctx } = await setup();
		await db.transaction(async (tx) => {
			const at = { db: tx, now: ctx.now, user: null };
			for (let i = 1; i <= 450; i++)
				await storeQuestion(
					at,
					bank.id,
					// categories of 150 questions: the second goes on over the first page's end
					{ ...singleChoice(), stem: `第${i}题`, topic: `第${Math.ceil(i / 150)}章` },
					{ externalId: `G${i}`, status: 'ready' }
				);
		});
		const { text, left } = await exportBankGift(ctx, bank.id);
		expect(left).toBe(0);
		const parts: string[] = [];
		for await (const part of text) parts.push(part);
		expect(parts.length).toBeGreaterThan(2);
		const gift = parts.join('');
		expect(gift.match(/^\$CATEGORY: .*$/gm)).toEqual([
			'$CATEGORY: 第1章',
			'$CATEGORY: 第2章',
			'$CATEGORY: 第3章'
		]);
		const back = parseGift(gift);
		expect(back.issues).toEqual([]);
		expect(back.questions.map((q) => [q.id, q.topic])).toEqual(
			Array.from({ length: 450 }, (_, i) => [`G${i + 1}`, `第${Math.ceil((i + 1) / 150)}章`])
		);
	});

	it('exports single choice as Aiken that imports back the same, and says why the rest is left out', async () => {
		const { db, d, bank, ctx } = await setup();
		const braces = [
			'Q5',
			'单选',
			'依照{规定}，听证应当公开举行吗？',
			'公开',
			'不公开',
			'',
			'A',
			'',
			'',
			''
		];
		const retired = ['Q6', '单选', '已停用的题？', '甲', '乙', '', 'B', '', '', ''];
		await importAll(ctx, bank.id, await xlsx([...GOOD, braces, retired]));
		await db.update(question).set({ status: 'retired' }).where(eq(question.externalId, 'Q6'));

		const aiken = await textOf((await exportBankAiken(ctx, bank.id)).text);
		expect(aiken).not.toContain('已停用');
		// its page: the questions written, the left-out ones by reason and type
		expect(await aikenExportSummary(ctx, bank.id, { all: false })).toMatchObject({
			written: 2,
			leftCount: 3,
			left: [
				'试题Q2（多选）：Aiken格式只能容纳单选题',
				'试题Q3（判断）：Aiken格式没有判断题，写成“对、错”两个选项再导入会成为单选题',
				'试题Q4（案例分析）：Aiken格式只能容纳单选题'
			]
		});

		// into another bank, under the name the download gives it: the same two questions
		const other = await makeBank(db, d.a.id, '另一个题库');
		const upload = text(`题库导出-${bank.id}-Aiken.txt`, aiken);
		const { preview } = await importAll(ctx, other.id, upload);
		expect(preview.format).toBe('aiken');
		expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0 });
		const content = async (bankId: number) =>
			(
				await db
					.select({ data: questionVersion.data })
					.from(question)
					.innerJoin(questionVersion, eq(questionVersion.questionId, question.id))
					.where(eq(question.bankId, bankId))
			)
				.filter((r) => r.data.type === 'single' && !r.data.stem.includes('已停用'))
				.map((r) => r.data.type === 'single' && [r.data.stem, r.data.options]);
		expect(await content(other.id)).toEqual(await content(bank.id));

		// as the other exports: only to those who manage the bank's unit
		const street = await makeUser(db, d.b.id, [['organiser', d.b.id]]);
		await expect(exportBankAiken(await ctxFor(db, street.user.id), bank.id)).rejects.toThrow(
			ForbiddenError
		);
	});

	it('sums up a large bank’s questions left out of Aiken by reason and type, listing the first few unless asked for all', async () => {
		const { db, bank, ctx } = await setup();
		const multiple = singleChoice({
			type: 'multiple',
			options: [
				{ id: 'a', text: '警告', correct: true },
				{ id: 'b', text: '罚款', correct: true },
				{ id: 'c', text: '记过', correct: false }
			]
		} as Partial<QuestionContent>);
		for (let i = 0; i < 30; i++) await makeQuestion(db, bank.id, multiple);
		for (let i = 0; i < 2; i++)
			await makeQuestion(db, bank.id, singleChoice({ stem: `${i + 1}. 以题号开头的题干` }));
		await makeQuestion(db, bank.id);

		const page = await aikenExportSummary(ctx, bank.id, { all: false });
		expect(page).toMatchObject({ written: 1, leftCount: 32 });
		expect(page.reasons).toEqual([
			{ reason: 'format.export.aiken.type', type: 'multiple', n: 30 },
			{ reason: 'format.export.aiken.numbered', type: 'single', n: 2 }
		]);
		expect(page.left).toHaveLength(AIKEN_LEFT_SHOWN);
		expect(page.left[0]).toMatch(/（多选）：Aiken格式只能容纳单选题$/);
		const all = await aikenExportSummary(ctx, bank.id, { all: true });
		expect(all.left).toHaveLength(32);
		expect(all.left.slice(0, AIKEN_LEFT_SHOWN)).toEqual(page.left);
	});

	it('says which questions GIFT leaves out and why: a fill-in of several blanks, not only cases', async () => {
		const { db, bank, ctx } = await setup();
		await makeQuestion(db, bank.id);
		await makeQuestion(db, bank.id, {
			difficulty: 3,
			laws: [],
			tags: [],
			type: 'fill',
			stem: '听证由___主持；当事人可以委托___人代理。',
			blanks: [{ answers: ['非本案调查人员'] }, { answers: ['一至二'] }]
		});
		const page = await exportSummary(ctx, bank.id, { all: false, format: 'gift' });
		expect(page).toMatchObject({ written: 1, leftCount: 1 });
		expect(page.reasons).toEqual([{ reason: 'format.export.gift.blanks', type: 'fill', n: 1 }]);
		expect(page.left).toEqual([
			expect.stringMatching(/（填空）有 2 个空：GIFT格式的填空题只能有一个空$/)
		]);
		// the file says it too, in its notes at the top
		expect(await textOf((await exportBankGift(ctx, bank.id)).text)).toContain(page.left[0]);
	});

	it('offers a template whose example sheet imports cleanly', async () => {
		const { ctx } = await setup();
		const bytes = await questionTemplate(ctx);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['试题', '示例', '填写说明']);
		// the example sheet, moved to the front, is a valid import
		wb.removeWorksheet(wb.worksheets[0]!.id);
		const examples = new Uint8Array(await wb.xlsx.writeBuffer());
		const sheet = await readSpreadsheet({ name: 'x.xlsx', bytes: examples });
		expect(sheet.headers).toContain('所属案例');
	});

	it('imports the template filled in without its examples, and says which sheets it passed over', async () => {
		const { bank, ctx } = await setup();
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await questionTemplate(ctx)) as unknown as ExcelJS.Buffer);
		const questions = wb.getWorksheet('试题')!;
		const headers = (questions.getRow(1).values as string[]).slice(1);
		const row = (cells: Record<string, string>) => headers.map((h) => cells[h] ?? '');
		questions.addRow(row({ 题型: '判断', 题干: '行政机关应当依法行政。', 答案: '对' }));
		questions.addRow(row({ 题型: '简答', 题干: '简述听证程序。' }));
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const preview = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			{ name: 't.xlsx', bytes }
		);
		expect(preview.errors).toEqual([]);
		expect(preview.byType).toEqual({ truefalse: 1, essay: 1 });
		// the help sheet has no header; the examples have one, and are left out as examples
		expect(preview.passedOver).toEqual(['填写说明']);
		expect(preview.examples).toEqual(['示例']);
	});
});

describe('import fidelity and limits', () => {
	it('exports quirky questions of every type that import back unchanged: .xlsx, and GIFT for what it holds', async () => {
		const { bank, ctx } = await setup();
		// statute text, footnote marks, numbered lines, alternatives per blank, a cell of two lines
		const statute =
			'根据下列规定回答：\n第九条 行政处罚的种类：\n（一）警告、通报批评；\n1. 罚款*\n# <注>';
		const rows = [
			['编号', '题型', '题干', '选项A', '选项B', '选项C', '答案', '解析', '难度', '所属案例'],
			[
				'S1',
				'单选题',
				statute,
				'1. 三日',
				'*七日*',
				'_十日_',
				'B',
				'见第六十四条 <第2款>',
				'0.85',
				''
			],
			['S2', '多选题', '下列属于行政处罚的有#', '警告', '罚款', '记大过', 'A、B', '', '中', ''],
			['S3', '判断题', '行政法规可以设定吊销营业执照。\n（判断正误）', '', '', '', '√', '', '', ''],
			[
				'S4',
				'填空题',
				'违法行为在____年内未被发现的，不再给予行政处罚*。',
				'',
				'',
				'',
				'二|两|2',
				'',
				'',
				''
			],
			[
				'S5',
				'填空题',
				'听证由____主持；当事人可以委托____人代理。',
				'',
				'',
				'',
				'非本案调查人员；一至二',
				'',
				'',
				''
			],
			[
				'S6',
				'简答题',
				'简述听证程序（不少于 3 点）。',
				'',
				'',
				'',
				'1. 告知\n2. 申请\n3. 举行',
				'',
				'难',
				''
			],
			['S7', '案例分析题', '某局对企业罚款 *20 万元*。', '', '', '', '', '', '', ''],
			['', '判断题', '该企业有权要求听证。', '', '', '', '对', '', '', 'S7']
		];
		const csvText = rows
			.map((r) => r.map((c) => (/[,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
			.join('\r\n');
		const first = await importAll(ctx, bank.id, { name: '题库.csv', bytes: gbk(csvText) });
		expect(first.preview.counts.create).toBe(7);
		// the preview and the question read as the file: no list, heading, emphasis or tag
		expect(first.preview.rows[0]!.stem).toBe(
			'根据下列规定回答：第九条 行政处罚的种类：（一）警告、通报批评；1. 罚款*# <注>'
		);
		const [stored] = await ctx.db
			.select({ data: questionVersion.data })
			.from(questionVersion)
			.limit(1);
		expect(renderMarkdown(stored!.data.stem)).toBe(
			`<p>${statute.replace(/\n/g, '<br />').replace('<注>', '&lt;注&gt;')}</p>\n`
		);

		const bytes = await exportedXlsx(ctx, bank.id);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
		// plain text: no notes about formatting, and the cells say what the file said
		expect(wb.worksheets).toHaveLength(1);
		expect(wb.worksheets[0]!.getCell('C2').text).toBe(statute.replace(/\\n/g, '\n'));
		const back = await previewQuestionImport(ctx, { bankId: bank.id }, { name: 'e.xlsx', bytes });
		expect(back.errors).toEqual([]);
		expect(back.counts).toEqual({ create: 0, update: 0, unchanged: 7 });

		const gift = await exportBankGift(ctx, bank.id);
		// a case and a fill-in of two blanks are no GIFT question
		expect(gift.left).toBe(2);
		const viaGift = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			{ name: 'e.gift', bytes: new TextEncoder().encode(await textOf(gift.text)) }
		);
		expect(viaGift.errors).toEqual([]);
		expect(viaGift.counts).toEqual({ create: 0, update: 0, unchanged: 5 });
	});

	it('exports a question whose Markdown a sheet cannot hold with its marks, and says so on its own sheet', async () => {
		const { bank, ctx } = await setup();
		const gift = '::B1::[markdown]下列说法**错误**的是{=行政法规可以设定拘留 ~规章可以设定警告}';
		await importAll(ctx, bank.id, { name: 'b.gift', bytes: new TextEncoder().encode(gift) });
		const bytes = await exportedXlsx(ctx, bank.id);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['试题', '含格式的试题']);
		expect(wb.worksheets[0]!.getCell('C2').text).toBe('下列说法**错误**的是');
		expect(wb.worksheets[1]!.getCell('A2').text).toContain('B1');
	});

	it('a GIFT [id:…] used twice is a line issue; the organiser imports the rest explicitly', async () => {
		const { db, bank, ctx } = await setup();
		const gift = '// [id:T-1]\n::甲题:: 甲 {T}\n\n::其他:: 乙 {F}\n\n// [id:T-1]\n::丙题:: 丙 {T}';
		const preview = await previewQuestionImport(ctx, { bankId: bank.id }, text('重复.gift', gift));
		expect(preview.errors).toEqual([{ line: 7, message: expect.stringContaining('第2行用过') }]);
		expect(preview.total).toBe(2);
		const result = await importQuestions(ctx, {
			bankId: bank.id,
			stagedId: preview.stagedId!,
			acceptSkipped: true
		});
		expect(result.counts.create).toBe(2);
		const rows = await db.select({ e: question.externalId }).from(question);
		expect(rows.map((r) => r.e).sort()).toEqual(['T-1', '其他']);
		// the audit log says that questions were left out
		const [entry] = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'bank.imported'));
		expect(entry!.after).toMatchObject({ create: 2, skipped: 1 });
	});

	it('reads the questions of a workbook whose first sheet holds the instructions for filling it in', async () => {
		const { bank, ctx } = await setup();
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('填写说明').addRow(['题型可填：单选、多选、判断、填空、简答、案例分析']);
		const sheet = wb.addWorksheet('试题');
		sheet.addRow(HEADER);
		for (const r of GOOD) sheet.addRow(r);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const preview = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			{ name: '模板.xlsx', bytes }
		);
		expect(preview.errors).toEqual([]);
		expect(preview.total).toBe(4);
	});

	it("imports a workbook of one sheet per type, typed by the sheet names, and says each problem's sheet", async () => {
		const { db, bank, ctx } = await setup();
		const workbook = (mistake: boolean, unknown = false) => {
			const wb = new ExcelJS.Workbook();
			wb.addWorksheet('填写说明').addRow(['每个工作表一种题型，请勿修改表头']);
			const single = wb.addWorksheet('一、单项选择题');
			single.addRow(['题干', '选项A', '选项B', '选项C', '答案', '解析']);
			single.addRow(['听证应当在举行几日前通知当事人？', '三日', '七日', '十日', 'B', '']);
			single.addRow(['罚款决定由谁作出？', '行政机关', '法院', '检察院', mistake ? 'E' : 'A', '']);
			const multiple = wb.addWorksheet('多选题(每题2分)');
			multiple.addRow(['题目', 'A', 'B', 'C', '正确答案']);
			multiple.addRow(['属于行政处罚的有：', '警告', '罚款', '批评教育', 'AB']);
			// a sheet of its own layout: a 题型 column says what each row is
			const mixed = wb.addWorksheet('其他');
			mixed.addRow(['题型', '题干', '答案', ...(unknown ? ['出题人'] : [])]);
			mixed.addRow(['判断', '行政机关应当依法行政。', '对']);
			mixed.addRow(['判断', mistake ? '' : '罚款可以当场收缴。', '对']);
			// Excel's blank second and third sheets, and a hidden sheet of drop-down lists
			wb.addWorksheet('Sheet2');
			wb.addWorksheet('lists', { state: 'hidden' }).addRow(['题型', '题干']);
			return wb.xlsx.writeBuffer().then((b) => ({ name: '题库.xlsx', bytes: new Uint8Array(b) }));
		};
		const bad = await previewQuestionImport(ctx, { bankId: bank.id }, await workbook(true));
		expect(bad.errors.map((e) => [e.sheet, e.line])).toEqual([
			['一、单项选择题', 3],
			['其他', 3]
		]);
		expect(bad.errors[0]!.message).toContain('答案');
		// the instructions have no header: passed over, and the preview says so; blank sheets are not named
		expect(bad.passedOver).toEqual(['填写说明']);
		// the organiser answers about a column of one sheet; the whole workbook is read again
		const asked = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			await workbook(false, true)
		);
		expect(asked.columns?.unknown).toEqual(['出题人']);
		const answered = await answerImportColumns(ctx, {
			bankId: bank.id,
			sheetId: asked.columns!.sheetId,
			columns: { 出题人: '' }
		});
		expect(answered.errors).toEqual([]);
		expect(answered.byType).toEqual({ single: 2, multiple: 1, truefalse: 2 });
		expect(answered.passedOver).toEqual(['填写说明']);
		const { preview } = await importAll(ctx, bank.id, await workbook(false));
		expect(preview.byType).toEqual({ single: 2, multiple: 1, truefalse: 2 });
		const rows = await db.select().from(question).where(eq(question.bankId, bank.id));
		expect(rows.map((r) => r.type)).toEqual([
			'single',
			'single',
			'multiple',
			'truefalse',
			'truefalse'
		]);
	});

	it('counts the rows of all the sheets of a workbook against the question limit', async () => {
		const { bank, ctx } = await setup();
		const wb = new ExcelJS.Workbook();
		for (const name of ['单选题', '判断题']) {
			const sheet = wb.addWorksheet(name);
			sheet.addRow(['题干', '答案']);
			for (let i = 0; i < 2600; i++) sheet.addRow([`第${i}题`, 'A']);
		}
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		await expect(
			previewQuestionImport(ctx, { bankId: bank.id }, { name: '题库.xlsx', bytes })
		).rejects.toMatchObject({ code: 'bank_import_too_many_rows', params: { max: 5000 } });
	});

	it('imports every question of a Moodle export whose questions share names, each under its own', async () => {
		const { db, bank, ctx } = await setup();
		const gift = [
			'// question: 7  name: 判断题',
			'::判断题:: 甲 {T}',
			'',
			'// question: 8  name: 判断题',
			'::判断题:: 乙 {F}'
		].join('\n');
		const preview = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			text('moodle.gift', gift)
		);
		expect(preview.errors).toEqual([]);
		expect(preview.total).toBe(2);
		await importQuestions(ctx, { bankId: bank.id, stagedId: preview.stagedId! });
		const rows = await db.select({ e: question.externalId }).from(question);
		expect(rows.map((r) => r.e).sort()).toEqual(['判断题#7', '判断题#8']);
	});

	it('answers a broken 5 MB file on the worker with the first 200 issues and their count', async () => {
		const { bank, ctx } = await setup();
		const aiken = 'ANSWER: A\n'.repeat(500_000);
		const preview = await previewQuestionImport(ctx, { bankId: bank.id }, text('坏.txt', aiken));
		expect(preview.errors).toHaveLength(200);
		expect(preview.errorCount).toBe(500_000);
		expect(preview.stagedId).toBeNull();
	});

	it('reads three layouts of other exam platforms and asks about the columns nobody knows', async () => {
		const { bank, ctx } = await setup();
		// 1: 试题类型 / 题目内容 / 选项A–D / 正确答案 / 答案解析 / 分数 / 难易程度
		const one = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			await xlsx(
				[
					[
						'单项选择题',
						'听证几日前通知？',
						'三日',
						'五日',
						'七日',
						'十日',
						'C',
						'第六十四条',
						'2',
						'易'
					]
				],
				[
					'试题类型',
					'题目内容',
					'选项A',
					'选项B',
					'选项C',
					'选项D',
					'正确答案',
					'答案解析',
					'分数',
					'难易程度'
				]
			)
		);
		expect(one.errors).toEqual([]);
		expect(one.byType).toEqual({ single: 1 });
		// 2: 题型 / 题目 / A–C / 参考答案 / 试题解析
		const two = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			await xlsx(
				[
					['判断题', '可以口头作出罚款决定。', '', '', '', '错误', ''],
					['多选题', '属于行政处罚的有：', '警告', '罚款', '批评', 'AB', '第九条']
				],
				['题型', '题目', 'A', 'B', 'C', '参考答案', '试题解析']
			)
		);
		expect(two.errors).toEqual([]);
		expect(two.byType).toEqual({ truefalse: 1, multiple: 1 });
		// 3: columns nobody knows: asked, answered, remembered for the bank
		const layout = ['题型', '考查内容', '出题人', '选项一', '选项二', '答案'];
		const three = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			await xlsx(
				[['单选', '听证由谁主持？', '张三', '调查人员以外的人员', '调查人员', 'A']],
				layout
			)
		);
		expect(three.stagedId).toBeNull();
		expect(three.columns?.unknown).toEqual(['考查内容', '出题人']);
		const answered = await answerImportColumns(ctx, {
			bankId: bank.id,
			sheetId: three.columns!.sheetId,
			columns: { 考查内容: '题干', 出题人: '' }
		});
		expect(answered.columns).toBeNull();
		expect(answered.errors).toEqual([]);
		expect(answered.rows[0]!.stem).toBe('听证由谁主持？');
		const again = await previewQuestionImport(
			ctx,
			{ bankId: bank.id },
			await xlsx([['单选', '另一题？', '李四', '甲', '乙', 'B']], layout)
		);
		expect(again.columns).toBeNull();
		expect(again.stagedId).not.toBeNull();
	});

	it('finds the header below a template title and notes, keeping the sheet row numbers', async () => {
		const { bank, ctx } = await setup();
		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('题库');
		sheet.addRow(['试题导入模板']);
		sheet.mergeCells('A1:F1');
		sheet.addRow(['说明：题型填写单选题、多选题、判断题；多选题答案连写，如ABD']);
		sheet.mergeCells('A2:F2');
		sheet.addRow([
			'题型（必填）',
			'题干（必填）',
			'选项A',
			'选项B',
			'正确答案（必填）',
			'答案解析'
		]);
		sheet.addRow(['单选题', '听证由谁主持？', '调查人员以外的人员', '调查人员', 'A', '第六十四条']);
		sheet.addRow(['判断题', '可以口头作出罚款决定。', '', '', '对对', '']);
		const upload = { name: '题库.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
		const preview = await previewQuestionImport(ctx, { bankId: bank.id }, upload);
		expect(preview.columns).toBeNull();
		expect(preview.byType).toEqual({ single: 1 });
		expect(preview.errors.map((e) => e.line)).toEqual([5]);
	});

	it('reads a header of two rows, 选项 merged over A–D with the letters below', async () => {
		const { bank, ctx } = await setup();
		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('题库');
		sheet.addRow(['题型', '题干', '选项', '', '', '', '答案']);
		sheet.addRow(['', '', 'A', 'B', 'C', 'D', '']);
		for (const range of ['A1:A2', 'B1:B2', 'C1:F1', 'G1:G2']) sheet.mergeCells(range);
		sheet.addRow(['单选题', '听证几日前通知？', '三日', '五日', '七日', '十日', 'C']);
		const upload = { name: '题库.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
		const preview = await previewQuestionImport(ctx, { bankId: bank.id }, upload);
		expect(preview.columns).toBeNull();
		expect(preview.errors).toEqual([]);
		expect(preview.byType).toEqual({ single: 1 });
	});
});
