import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { saveLessonInput } from '$lib/schemas/lessons.ts';
import { addSessionInput } from '$lib/schemas/study.ts';
import { lesson, practiceSession, questionBank } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, makeBank, makeLaw, makeQuestion, makeUser } from '../../testing/factories.ts';
import { addSession } from '../study/occurrences.ts';
import { studyDistrict } from '../study/testing.ts';
import { LESSONS_PAGE_SIZE, deleteLesson, getLesson, listLessons, saveLesson } from './lessons.ts';
import { practiseLesson } from './practise.ts';
import { sessionLessons, setSessionLessons } from './session-lessons.ts';

const CASE = {
	kind: 'case',
	title: '未经告知的罚款',
	part_facts: '执法人员未告知即作出罚款决定。<script>alert(1)</script>',
	part_basis: '[[《行政处罚法》第四十四条]]；[[行政处罚法第900条]]',
	part_analysis: '程序违法，见[[行政处罚法 第45条]]。',
	status: 'published'
};

async function setup() {
	const db = await testDb();
	const s = await studyDistrict(db);
	// the library holds 行政处罚法 with articles 44 and 45 only
	await makeLaw(db, '行政处罚法', [44, 45]);
	const rootBank = await makeBank(db, s.d.root.id, '区题库');
	const q1 = await makeQuestion(db, rootBank.id);
	const q2 = await makeQuestion(db, rootBank.id);
	const save = (fields: Record<string, unknown>, ctx = s.ctx.organiser) =>
		saveLesson(ctx, saveLessonInput.parse({ unitId: String(s.d.root.id), ...fields }));
	return { db, ...s, rootBank, q1, q2, save };
}

describe('lessons', () => {
	it('renders citations as links to the article, sanitises the text and warns about missing articles', async () => {
		const { ctx, save } = await setup();
		const { id, warnings } = await save(CASE);
		expect(warnings).toEqual([expect.stringContaining('第九百条')]);
		const page = await getLesson(ctx.organiser, id);
		expect(page.parts.map((p) => p.part)).toEqual(['facts', 'basis', 'analysis']);
		const basis = page.parts.find((p) => p.part === 'basis')!.html;
		expect(basis).toContain(
			`<a href="/laws/cite/${encodeURIComponent('行政处罚法')}/44">《行政处罚法》第四十四条</a>`
		);
		expect(page.parts[0]!.html).not.toContain('<script');
		expect(page.warnings).toHaveLength(1);
	});

	it('validates the input: a case needs its facts and analysis, question ids are numbers', () => {
		const base = { unitId: '1', status: 'draft' };
		const noFacts = saveLessonInput.safeParse({ ...base, ...CASE, part_facts: '' });
		expect(noFacts.success).toBe(false);
		expect(noFacts.error?.issues[0]?.path).toEqual(['part_facts']);
		const noBody = saveLessonInput.safeParse({ ...base, kind: 'lesson', title: 'x', body: ' ' });
		expect(noBody.error?.issues[0]?.path).toEqual(['body']);
		const badIds = saveLessonInput.safeParse({ ...base, ...CASE, questionIds: '12, abc' });
		expect(badIds.error?.issues[0]?.message).toBe('err_lesson_question_id');
		expect(
			saveLessonInput.parse({ ...base, ...CASE, questionIds: '#12、7 12' }).questionIds
		).toEqual([12, 7]);
	});

	it('takes only ready questions of banks of its unit or above, and writes nothing otherwise', async () => {
		const { db, d, ctx, q1, save } = await setup();
		const streetBank = await makeBank(db, d.b.id, '街道题库');
		const sibling = await makeQuestion(db, streetBank.id);
		const { id } = await save({ ...CASE, questionIds: String(q1) });
		await expect(save({ ...CASE, questionIds: `${q1} ${sibling}` })).rejects.toMatchObject({
			code: 'err_lesson_question_unavailable',
			params: { ids: String(sibling) }
		});
		const draftQ = await makeQuestion(db, (await makeBank(db, d.root.id)).id, undefined, 'draft');
		await expect(
			saveLesson(
				ctx.organiser,
				saveLessonInput.parse({
					...CASE,
					lessonId: String(id),
					title: '改',
					questionIds: `${draftQ}`
				})
			)
		).rejects.toBeInstanceOf(InvalidInputError);
		// the failed update left the lesson as it was
		expect((await getLesson(ctx.organiser, id)).lesson.title).toBe(CASE.title);
		expect((await getLesson(ctx.organiser, id)).questionCount).toBe(1);
	});

	it('is read by the units below once published, never by a sibling, and managed only in scope', async () => {
		const { d, ctx, teamId, save } = await setup();
		const draft = await save({ ...CASE, status: 'draft' });
		const published = await save(CASE);
		const streetLesson = await save(
			{ ...CASE, unitId: String(d.b.id), title: '街道课件' },
			ctx.street
		);
		// the outsider works in 法治督察科, below the root and bureau A
		const list = (await listLessons(ctx.outsider)).lessons.map((l) => l.id);
		expect(list).toContain(published.id);
		expect(list).not.toContain(draft.id);
		expect(list).not.toContain(streetLesson.id);
		await expect(getLesson(ctx.outsider, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getLesson(ctx.outsider, streetLesson.id)).rejects.toBeInstanceOf(ForbiddenError);
		// the street's organiser reads the district's lesson but may not change or delete it
		expect((await getLesson(ctx.street, published.id)).manage).toBe(false);
		await expect(
			saveLesson(ctx.street, saveLessonInput.parse({ ...CASE, lessonId: String(published.id) }))
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(deleteLesson(ctx.street, { lessonId: published.id })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		// nor write one for a unit outside their scope
		await expect(save(CASE, ctx.street)).rejects.toBeInstanceOf(ForbiddenError);
		// a cadre of bureau A reads a street lesson once a session of their team studies it
		const sessionId = await addSession(
			ctx.organiser,
			addSessionInput.parse({
				teamId: String(teamId),
				topic: '以案释法',
				form: 'case',
				date: '2026-03-09',
				startTime: '09:00',
				durationMinutes: '30'
			})
		);
		await expect(getLesson(ctx.leader, streetLesson.id)).rejects.toBeInstanceOf(ForbiddenError);
		await setSessionLessons(ctx.organiser, { sessionId, lessonIds: [streetLesson.id] });
		expect((await getLesson(ctx.leader, streetLesson.id)).lesson.title).toBe('街道课件');
	});

	it('starts a practice set of its questions in order, leaving out what can no longer be practised', async () => {
		const { db, d, ctx, q1, q2, save } = await setup();
		const other = await makeBank(db, d.root.id, '旧题库');
		const q3 = await makeQuestion(db, other.id);
		const { id } = await save({ ...CASE, questionIds: `${q2} ${q3} ${q1}` });
		await db.update(questionBank).set({ archived: true }).where(eq(questionBank.id, other.id));
		const setId = await practiseLesson(ctx.outsider, { lessonId: id });
		const [set] = await db.select().from(practiceSession).where(eq(practiceSession.id, setId));
		expect(set!.items.map((i) => i.questionId)).toEqual([q2, q1]);
		expect(set!.source).toEqual({ by: 'lesson', value: String(id), label: CASE.title });
	});
});

describe('lessons of a session', () => {
	it("links published lessons the session's people may read and refuses a draft", async () => {
		const { db, d, ctx, teamId, save } = await setup();
		const sessionId = await addSession(
			ctx.organiser,
			addSessionInput.parse({
				teamId: String(teamId),
				topic: '会前学法',
				form: 'lecture',
				date: '2026-03-09',
				startTime: '09:00',
				durationMinutes: '30'
			})
		);
		const published = await save(CASE);
		const draft = await save({ ...CASE, status: 'draft' });
		await expect(
			setSessionLessons(ctx.organiser, { sessionId, lessonIds: [published.id, draft.id] })
		).rejects.toBeInstanceOf(InvalidInputError);
		expect((await sessionLessons(ctx.organiser, sessionId)).linked).toEqual([]);
		await setSessionLessons(ctx.organiser, { sessionId, lessonIds: [published.id] });
		const seen = await sessionLessons(ctx.leader, sessionId);
		expect(seen.linked.map((l) => l.id)).toEqual([published.id]);
		expect(seen.choices).toEqual([]);
		await expect(
			setSessionLessons(ctx.leader, { sessionId, lessonIds: [] })
		).rejects.toBeInstanceOf(ForbiddenError);
		// the lesson page names the session to its members
		expect((await getLesson(ctx.leader, published.id)).sessions.map((s) => s.id)).toEqual([
			sessionId
		]);
		const stranger = await makeUser(db, d.b.id);
		expect((await getLesson(await ctxFor(db, stranger.user.id), published.id)).sessions).toEqual(
			[]
		);
	});

	it('list a page at a time, newest first, with how many there are', async () => {
		const { db, ctx, d } = await setup();
		// years of weekly sessions' lessons
		const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000);
		await db.insert(lesson).values(
			Array.from({ length: 335 }, (_, i) => ({
				unitId: d.root.id,
				kind: 'lesson' as const,
				title: `第${i + 1}课`,
				parts: {},
				status: 'published' as const,
				publishedAt: at(i),
				createdAt: at(i),
				updatedAt: at(i)
			}))
		);
		const first = await listLessons(ctx.leader);
		expect(first.total).toBe(335);
		expect(first.lessons).toHaveLength(LESSONS_PAGE_SIZE);
		expect(first.lessons[0]!.title).toBe('第335课');
		const last = await listLessons(ctx.leader, 12);
		expect(last.page).toBe(12);
		expect(last.lessons.map((l) => l.title)).toEqual(['第5课', '第4课', '第3课', '第2课', '第1课']);
		// past the last page (an old link): the last page
		expect((await listLessons(ctx.leader, 99)).lessons.at(-1)!.title).toBe('第1课');
	});
});
