import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	type QuestionType,
	type QuestionVersion,
	formatArticleNo,
	parseArticleNo,
	validateQuestion
} from '@xuefa/core';
import { readConfig } from '../../config.ts';
import {
	question,
	questionBank,
	questionLawRef,
	questionVersion,
	unit
} from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { seedDemoIfEmpty } from '../demo.ts';
import { DEMO_BANK_NAME, DEMO_QUESTIONS, seedDemoBank } from './index.ts';

const LAWS = ['宪法', '公务员法', '行政诉讼法', '行政复议法', '行政处罚法', '行政许可法'];
const lawsDir = readConfig().lawsDir;

/** Every article number in each statute file, keyed by short title (宪法.md, 行政处罚法(2021-01-22).md). */
function articlesOnDisk(): Map<string, Set<number>> {
	const byLaw = new Map<string, Set<number>>();
	for (const file of readdirSync(lawsDir).filter((f) => f.endsWith('.md'))) {
		const title = file.replace(/\.md$/, '').replace(/\(.*\)$/, '');
		const numbers = new Set<number>();
		for (const line of readFileSync(resolve(lawsDir, file), 'utf8').split('\n')) {
			const m = /^第([零〇一二两三四五六七八九十百千]+)条/.exec(line);
			const n = m ? parseArticleNo(`第${m[1]}条`) : undefined;
			if (n !== undefined) numbers.add(n);
		}
		byLaw.set(title, numbers);
	}
	return byLaw;
}

/** All the text a learner reads after answering: explanations, reference answer, parts. */
function explainedText(q: QuestionVersion): string {
	const parts = q.type === 'case' ? q.parts : [];
	return [
		q.explanation ?? '',
		'referenceAnswer' in q ? (q.referenceAnswer ?? '') : '',
		...parts.map((p) => p.explanation ?? '')
	].join('\n');
}

const versions = DEMO_QUESTIONS.map(
	(q) => ({ ...q.content, id: q.externalId, version: 1 }) as QuestionVersion
);

describe('the demo question bank', () => {
	it('passes the core validation, question by question', () => {
		for (const q of versions) expect([q.id, validateQuestion(q).errors]).toEqual([q.id, []]);
	});

	it('has at least 85 questions with every type well represented', () => {
		expect(versions.length).toBeGreaterThanOrEqual(85);
		const byType = new Map<QuestionType, number>();
		for (const q of versions) byType.set(q.type, (byType.get(q.type) ?? 0) + 1);
		expect(byType.get('single')).toBeGreaterThanOrEqual(35);
		expect(byType.get('multiple')).toBeGreaterThanOrEqual(15);
		expect(byType.get('truefalse')).toBeGreaterThanOrEqual(12);
		expect(byType.get('fill')).toBeGreaterThanOrEqual(6);
		expect(byType.get('essay')).toBeGreaterThanOrEqual(3);
		expect(byType.get('case')).toBeGreaterThanOrEqual(3);
		const difficulties = new Set(versions.map((q) => q.difficulty));
		expect([...difficulties].sort()).toEqual([1, 2, 3, 4, 5]);
	});

	it('covers each of the six statutes with a dozen questions or more', () => {
		for (const law of LAWS) {
			const n = versions.filter((q) => q.laws.some((l) => l.lawId === law)).length;
			expect([law, n >= 12]).toEqual([law, true]);
		}
	});

	it('has unique 编号 and unique stems', () => {
		const ids = versions.map((q) => q.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.every((id) => /^demo-[a-z]+-\d{3}$/.test(id))).toBe(true);
		const stems = versions.map((q) => q.stem);
		expect(new Set(stems).size).toBe(stems.length);
	});

	it('cites known statutes by article, names each cited article in its explanation, and has a topic', () => {
		for (const q of versions) {
			expect(q.laws.length, q.id).toBeGreaterThan(0);
			expect(q.topic, q.id).toBeTruthy();
			const text = explainedText(q);
			for (const ref of q.laws) {
				expect(LAWS, q.id).toContain(ref.lawId);
				expect(ref.articleNo, q.id).toBeGreaterThan(0);
				// the learner must be told which article the answer rests on
				expect(text, `${q.id} ${ref.lawId}`).toContain(`《${ref.lawId}》`);
				expect(text, `${q.id} ${ref.lawId}`).toContain(formatArticleNo(ref.articleNo!));
			}
		}
	});

	it('offers a real choice: single choice has ≥ 4 options, essays have a model answer and a rubric', () => {
		for (const q of versions) {
			if (q.type === 'single' || q.type === 'multiple')
				expect(q.options.length, q.id).toBeGreaterThanOrEqual(4);
			if (q.type === 'essay') {
				expect(q.referenceAnswer, q.id).toBeTruthy();
				expect(q.rubric, q.id).toBeTruthy();
			}
			if (q.type === 'case') {
				expect(q.parts.length, q.id).toBeGreaterThanOrEqual(2);
				for (const p of q.parts) expect(p.explanation, q.id).toBeTruthy();
			}
		}
	});

	it('tags questions from a small shared vocabulary, so filters find them', () => {
		const vocabulary = ['任前考试', '执法资格', '年度考试', '基础', '易错'];
		for (const q of versions) {
			expect(q.tags.length, q.id).toBeGreaterThan(0);
			for (const tag of q.tags) expect(vocabulary, q.id).toContain(tag);
		}
	});

	it.skipIf(!existsSync(lawsDir))('cites only articles that exist in the statute files', () => {
		const onDisk = articlesOnDisk();
		for (const law of LAWS) expect([law, (onDisk.get(law)?.size ?? 0) > 50]).toEqual([law, true]);
		for (const q of versions)
			for (const ref of q.laws)
				expect(
					onDisk.get(ref.lawId)?.has(ref.articleNo!),
					`${q.id} ${ref.lawId} ${ref.articleNo}`
				).toBe(true);
	});
});

describe('seeding the demo bank', () => {
	it('stores every question, version and law reference in one bank', async () => {
		const db = await testDb();
		const [root] = await db
			.insert(unit)
			.values({ name: '示范区人民政府', kind: 'government', path: '' })
			.returning();
		const started = performance.now();
		const result = await db.transaction((tx) => seedDemoBank(tx, root!.id, new Date()));
		const elapsed = performance.now() - started;
		expect(result.questions).toBe(DEMO_QUESTIONS.length);
		const [bank] = await db.select().from(questionBank);
		expect(bank).toMatchObject({ id: result.bankId, unitId: root!.id, name: DEMO_BANK_NAME });
		const [questions] = await db.select({ n: count() }).from(question);
		const [stored] = await db.select({ n: count() }).from(questionVersion);
		const [refs] = await db.select({ n: count() }).from(questionLawRef);
		const distinctRefs = versions.reduce(
			(n, q) => n + new Set(q.laws.map((l) => `${l.lawId}#${l.articleNo}`)).size,
			0
		);
		expect({ questions: questions!.n, versions: stored!.n, refs: refs!.n }).toEqual({
			questions: DEMO_QUESTIONS.length,
			versions: DEMO_QUESTIONS.length,
			refs: distinctRefs
		});
		const [oath] = await db
			.select({ type: question.type, topic: question.topic })
			.from(question)
			.where(eq(question.externalId, 'demo-xf-001'));
		expect(oath).toEqual({ type: 'single', topic: '宪法宣誓' });
		// printed, not asserted: timing depends on the machine
		console.log(`demo bank: ${result.questions} questions seeded in ${Math.round(elapsed)} ms`);
	});

	it('comes with the demo district, and a second seed of a non-empty database adds nothing', async () => {
		const db = await testDb();
		const now = new Date('2026-03-01T09:00:00+08:00');
		expect(await seedDemoIfEmpty(db, now)).not.toBeNull();
		const [root] = await db.select().from(unit).where(eq(unit.name, '示范区人民政府'));
		const [bank] = await db.select().from(questionBank);
		expect(bank).toMatchObject({ unitId: root!.id, name: DEMO_BANK_NAME });
		expect(await seedDemoIfEmpty(db, now)).toBeNull();
		const [banks] = await db.select({ n: count() }).from(questionBank);
		const [questions] = await db.select({ n: count() }).from(question);
		expect({ banks: banks!.n, questions: questions!.n }).toEqual({
			banks: 1,
			questions: DEMO_QUESTIONS.length
		});
	});
});
