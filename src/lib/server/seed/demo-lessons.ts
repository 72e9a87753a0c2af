/**
 * The demo district's lessons and case lessons, written for the project (the cases are invented,
 * not taken from any judgment): published by the demo organiser for the district, citing statute
 * articles, offering demo-bank questions to practise, and linked to the leadership team's last
 * held session and its next one.
 */
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { shanghaiDate } from '@xuefa/core';
import { saveLessonInput } from '$lib/schemas/lessons.ts';
import { loadSessionUser } from '../auth/session-user.ts';
import type { Ctx } from '../context.ts';
import type { Tx } from '../db/index.ts';
import { question, questionLawRef, studySession, user } from '../db/schema/index.ts';
import { saveLesson } from '../services/lessons/lessons.ts';
import { setSessionLessons } from '../services/lessons/session-lessons.ts';

const LESSON_PENALTY = `## 为什么要学
行政处罚直接影响群众的切身利益。执法人员在作出处罚前是否履行告知义务、是否听取陈述申辩，往往决定了处罚能否经得起复议和诉讼的检验。

## 要点
1. **事先告知**：作出处罚决定之前，应当告知当事人拟作出的处罚内容及事实、理由、依据，并告知其依法享有的陈述、申辩、要求听证等权利（[[《行政处罚法》第四十四条]]）。
2. **陈述与申辩**：当事人有权进行陈述和申辩，行政机关必须充分听取，不得因当事人申辩而给予更重的处罚（[[《行政处罚法》第四十五条]]）。
3. **听证**：较大数额罚款、没收较大数额违法所得等处罚，当事人要求听证的，应当组织听证（[[《行政处罚法》第六十三条]]）。

## 工作提示
告知书要写明拟处罚的内容和依据，送达要留痕；听证申请期限届满前不要作出决定。`;

const LESSON_LICENCE = `## 要点
- 申请人申请行政许可，应当如实提交材料；行政机关不得要求提交与许可事项无关的材料（[[《行政许可法》第三十一条]]）。
- 申请材料不齐全的，应当当场或者五日内**一次告知**需要补正的全部内容（[[《行政许可法》第三十二条]]）。
- 能够当场作出决定的，应当当场作出书面的行政许可决定。

## 讨论
本单位窗口是否存在"多次告知""材料清单之外另要材料"的情况？如何用清单管理加以改进？`;

const CASE_FINE = {
	facts: `某区市场监管部门在检查中发现，一家小餐馆使用过期食材。执法人员当场制作笔录，次日即作出罚款决定并送达，未事先告知当事人拟作出的处罚及其依据，也未告知其陈述、申辩的权利。当事人不服，申请行政复议。`,
	issues: `1. 未履行事先告知程序作出的处罚决定效力如何？
2. 违法事实清楚能否弥补程序上的缺陷？`,
	basis: `- [[《行政处罚法》第四十四条]]：作出处罚决定前应当告知拟处罚的内容及事实、理由、依据和当事人的权利。
- [[《行政处罚法》第四十五条]]：当事人有权陈述、申辩，行政机关必须充分听取。
- [[《行政处罚法》第六十二条]]：未告知或者拒绝听取陈述、申辩的，不得作出处罚决定。`,
	analysis: `违法事实清楚，并不意味着处罚程序可以省略。法律将事先告知和听取陈述申辩规定为作出决定的前提：行政机关未履行这些程序，处罚决定就不能成立。实体正确不能替代程序合法。`,
	judgment: `复议机关认为该处罚决定违反法定程序，决定予以撤销，并责令该部门在履行告知程序后重新作出处理。`,
	insight: `执法既要"办对"，也要"办得合法"。每一份处罚决定书送达前，都应核对告知书、陈述申辩记录是否齐全。`
};

const CASE_REVIEW = {
	facts: `某镇政府于一年多前对一处违法建筑作出限期拆除决定，决定书中未告知申请行政复议的期限。当事人近日才向区政府申请行政复议，镇政府认为已超过六十日的申请期限。`,
	issues: `行政机关未告知复议申请期限的，当事人的申请期限如何计算？`,
	basis: `- [[《行政复议法》第二十条]]：知道或者应当知道行政行为之日起六十日内提出申请；未告知申请期限的，自知道或者应当知道申请期限之日起计算，但最长不超过一年。
- [[《行政诉讼法》第四十六条]]：直接向法院起诉的期限。`,
	analysis: `行政机关作出行政行为时负有告知救济途径和期限的义务。未告知的，申请期限从当事人知道期限之日起算，但法律同时设定了最长一年的上限。本案当事人在决定作出一年多后才申请，已超过最长期限。`,
	judgment: `复议机关决定不予受理，同时向镇政府制发意见书，要求其规范法律文书中救济途径的告知。`,
	insight: `文书中写明复议、诉讼的途径和期限，既是保障当事人权利，也能让行政行为早日确定，减少争议。`
};

export async function seedDemoLessons(db: Tx, rootUnitId: number, now: Date) {
	const [organiser] = await db.select().from(user).where(eq(user.username, 'organiser'));
	const ctx: Ctx = { db, user: (await loadSessionUser(db, organiser!.id))!, now };
	// ready demo-bank questions that cite the lesson's statute
	const questionsOf = async (law: string, n: number) =>
		(
			await db
				.selectDistinct({ id: question.id })
				.from(question)
				.innerJoin(questionLawRef, eq(questionLawRef.questionId, question.id))
				.where(and(eq(questionLawRef.law, law), eq(question.status, 'ready')))
				.orderBy(asc(question.id))
				.limit(n)
		)
			.map((r) => r.id)
			.join(' ');
	const save = async (fields: Record<string, string>) =>
		(
			await saveLesson(
				ctx,
				saveLessonInput.parse({ unitId: String(rootUnitId), status: 'published', ...fields })
			)
		).id;
	const penalty = await save({
		kind: 'lesson',
		title: '行政处罚的告知与听证',
		summary: '作出行政处罚决定前必须履行的程序。',
		body: LESSON_PENALTY,
		questionIds: await questionsOf('行政处罚法', 5)
	});
	await save({
		kind: 'lesson',
		title: '行政许可的申请与受理',
		summary: '一次告知、当场决定：窗口单位的法定义务。',
		body: LESSON_LICENCE,
		questionIds: await questionsOf('行政许可法', 5)
	});
	const caseFine = await save({
		kind: 'case',
		title: '未经告知作出的罚款决定被撤销',
		summary: '以案释法：实体正确不能替代程序合法。',
		...Object.fromEntries(Object.entries(CASE_FINE).map(([k, v]) => [`part_${k}`, v])),
		questionIds: await questionsOf('行政处罚法', 3)
	});
	await save({
		kind: 'case',
		title: '超过最长期限的复议申请',
		summary: '以案释法：未告知复议期限时期限如何计算。',
		...Object.fromEntries(Object.entries(CASE_REVIEW).map(([k, v]) => [`part_${k}`, v])),
		questionIds: await questionsOf('行政复议法', 3)
	});

	// the leadership team's last held session studied the penalty lesson and its case; the next
	// one will study the case again
	const today = shanghaiDate(now);
	const [last] = await db
		.select({ id: studySession.id })
		.from(studySession)
		.where(and(lt(studySession.date, today), eq(studySession.status, 'held')))
		.orderBy(desc(studySession.date))
		.limit(1);
	const [next] = await db
		.select({ id: studySession.id })
		.from(studySession)
		.where(and(gte(studySession.date, today), inArray(studySession.status, ['planned'])))
		.orderBy(asc(studySession.date))
		.limit(1);
	if (last) await setSessionLessons(ctx, { sessionId: last.id, lessonIds: [penalty, caseFine] });
	if (next) await setSessionLessons(ctx, { sessionId: next.id, lessonIds: [caseFine] });
}
