import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listQuestionsInput } from '$lib/schemas/banks.ts';
import type { Ctx } from '../../context.ts';
import { auditEntry, question } from '../../db/schema/index.ts';
import { databaseBefore, testDb } from '../../testing/db.ts';
import {
	ctxFor,
	district,
	makeBank,
	makeQuestion,
	makeUser,
	singleChoice
} from '../../testing/factories.ts';
import { getBank } from '../banks/list.ts';
import { practiceOverview } from '../practice/overview.ts';
import { startPractice } from '../practice/start.ts';
import { importQuestions } from '../../testing/imports.ts';
import { previewQuestionImport } from './import.ts';
import { listQuestions } from './list.ts';
import { createQuestion, markQuestionsReady, setQuestionStatus, updateQuestion } from './save.ts';

const ROWS = `编号,题型,题干,选项A,选项B,答案
R1,单选,行政处罚由谁实施？,具有行政处罚权的行政机关,任何组织,A
R2,判断,行政机关可以因当事人申辩而加重处罚。,,,错`;
const upload = { name: '试题.csv', bytes: new TextEncoder().encode(ROWS) };

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const learner = await makeUser(db, d.b.id);
	const bank = await makeBank(db, d.root.id, '区级题库');
	return {
		db,
		d,
		bank,
		ctx: await ctxFor(db, organiser.user.id),
		learner: await ctxFor(db, learner.user.id)
	};
}

/** How many questions the learner could practise from the bank right now. */
async function practisable(learner: Ctx) {
	return (await practiceOverview(learner)).total;
}

async function importFile(ctx: Ctx, bankId: number, status?: 'draft' | 'ready') {
	const preview = await previewQuestionImport(ctx, { bankId }, upload);
	expect(preview.errors).toEqual([]);
	return importQuestions(ctx, {
		bankId,
		stagedId: preview.stagedId!,
		...(status ? { status } : {})
	});
}

describe('question status', () => {
	it('a question saved in the editor is a draft no cadre practises until it is marked ready', async () => {
		const { bank, ctx, learner } = await setup();
		const draft = await createQuestion(ctx, { bankId: bank.id, content: singleChoice() });
		expect(await practisable(learner)).toBe(0);
		await expect(
			startPractice(learner, { by: 'bank', value: String(bank.id), count: 10 })
		).rejects.toMatchObject({ code: 'practice_nothing_to_practise' });
		// saved as ready by its author: practised at once
		await createQuestion(ctx, {
			bankId: bank.id,
			content: singleChoice({ stem: '听证应当在几日前通知当事人？' }),
			status: 'ready'
		});
		expect(await practisable(learner)).toBe(1);
		// an edit saved as ready marks the draft ready, even without a content change
		await updateQuestion(ctx, {
			questionId: draft.questionId,
			content: singleChoice(),
			status: 'ready'
		});
		expect(await practisable(learner)).toBe(2);
		// retired questions leave practice; restored ones come back as drafts
		await setQuestionStatus(ctx, { questionId: draft.questionId, status: 'retired' });
		expect(await practisable(learner)).toBe(1);
		await setQuestionStatus(ctx, { questionId: draft.questionId, status: 'draft' });
		expect(await practisable(learner)).toBe(1);
	});

	it('imports land as drafts unless the importer chooses ready', async () => {
		const { db, d, bank, ctx, learner } = await setup();
		const drafts = await importFile(ctx, bank.id);
		expect(drafts.status).toBe('draft');
		expect(await practisable(learner)).toBe(0);
		const other = await makeBank(db, d.root.id, '另一个题库');
		expect((await importFile(ctx, other.id, 'ready')).status).toBe('ready');
		expect(await practisable(learner)).toBe(2);
		const statuses = await db.select({ b: question.bankId, s: question.status }).from(question);
		expect(statuses.map((r) => [r.b === bank.id ? 'first' : 'second', r.s]).sort()).toEqual([
			['first', 'draft'],
			['first', 'draft'],
			['second', 'ready'],
			['second', 'ready']
		]);
	});

	it('the bank shows what awaits review and marks the ticked drafts ready in one go', async () => {
		const { db, d, bank, ctx, learner } = await setup();
		await importFile(ctx, bank.id);
		const ready = await makeQuestion(db, bank.id, singleChoice({ stem: '已审核的题' }));
		const elsewhere = await makeQuestion(db, (await makeBank(db, d.a.id)).id, undefined, 'draft');
		let figures = await getBank(ctx, bank.id);
		expect(figures).toMatchObject({ drafts: 2, ready: 1, retired: 0, total: 3 });
		const waiting = await listQuestions(ctx, {
			...listQuestionsInput.parse({ status: 'draft' }),
			bankId: bank.id
		});
		expect(waiting.total).toBe(2);
		const [first] = waiting.rows;
		// another bank's draft and a question that is already ready are left alone
		const n = await markQuestionsReady(ctx, {
			bankId: bank.id,
			questionIds: [first!.id, ready, elsewhere]
		});
		expect(n).toBe(1);
		figures = await getBank(ctx, bank.id);
		expect(figures).toMatchObject({ drafts: 1, ready: 2 });
		expect(await practisable(learner)).toBe(2);
		const [other] = await db.select().from(question).where(eq(question.id, elsewhere));
		expect(other!.status).toBe('draft');
		const audit = await db
			.select({ action: auditEntry.action, id: auditEntry.entityId, after: auditEntry.after })
			.from(auditEntry)
			.where(eq(auditEntry.action, 'question.status_changed'));
		expect(audit).toEqual([
			{ action: 'question.status_changed', id: String(first!.id), after: { status: 'ready' } }
		]);
	});
});

describe('the status migration', () => {
	it('keeps existing questions in practice as ready and turns archived ones into retired', async () => {
		// the migrations up to the one that adds the status column, then the rest
		const { client, finish } = await databaseBefore('0014_question_status_data');
		await client.executeMultiple(`
			INSERT INTO unit (id, name, kind, path) VALUES (1, '区政府', 'government', '/1/');
			INSERT INTO question_bank (id, unit_id, name, created_at, updated_at) VALUES (1, 1, '旧题库', 0, 0);
			INSERT INTO question (id, bank_id, current_version, type, difficulty, stem_text, archived, created_at, updated_at)
				VALUES (1, 1, 1, 'truefalse', 1, '在用的题', 0, 0, 0), (2, 1, 1, 'truefalse', 1, '归档的题', 1, 0, 0);
		`);
		await finish();
		const rows = await client.execute('SELECT id, status FROM question ORDER BY id');
		expect(rows.rows.map((r) => [r.id, r.status])).toEqual([
			[1, 'ready'],
			[2, 'retired']
		]);
	});
});
