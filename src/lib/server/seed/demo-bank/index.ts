import type { Tx } from '../../db/index.ts';
import { questionBank } from '../../db/schema/index.ts';
import { storeQuestion } from '../../services/questions/store.ts';
import type { DemoQuestion } from './build.ts';
import { cases } from './cases.ts';
import { gongwuyuanfa } from './gongwuyuanfa.ts';
import { xianfa } from './xianfa.ts';
import { xingzhengchufa } from './xingzhengchufa.ts';
import { xingzhengfuyi } from './xingzhengfuyi.ts';
import { xingzhengsusong } from './xingzhengsusong.ts';
import { xingzhengxuke } from './xingzhengxuke.ts';

export type { DemoQuestion } from './build.ts';

/**
 * The demo question bank: original questions written for Xuefa about the six statutes in
 * ../shared/data/laws, each citing the articles it tests. Only the statutes are public texts;
 * the questions, explanations and cases are the project's own work.
 */
export const DEMO_QUESTIONS: readonly DemoQuestion[] = [
	...xianfa,
	...gongwuyuanfa,
	...xingzhengchufa,
	...xingzhengxuke,
	...xingzhengfuyi,
	...xingzhengsusong,
	...cases
];

export const DEMO_BANK_NAME = '示范区干部学法题库（演示）';

/**
 * Creates the demo bank in `unitId` (the district root, so every unit's cadres can practise on
 * it) and stores every demo question with its 编号, inside the caller's transaction.
 */
export async function seedDemoBank(
	tx: Tx,
	unitId: number,
	now: Date
): Promise<{ bankId: number; questions: number }> {
	const [bank] = await tx
		.insert(questionBank)
		.values({
			unitId,
			name: DEMO_BANK_NAME,
			description:
				'为演示编写的原创练习题，涵盖宪法、公务员法、行政诉讼法、行政复议法、行政处罚法、行政许可法，每题注明所依据的条文。',
			createdAt: now,
			updatedAt: now
		})
		.returning({ id: questionBank.id });
	const ctx = { db: tx, now, user: null };
	for (const q of DEMO_QUESTIONS)
		// written and reviewed for the demo: ready for practice from the start
		await storeQuestion(ctx, bank!.id, q.content, { externalId: q.externalId, status: 'ready' });
	return { bankId: bank!.id, questions: DEMO_QUESTIONS.length };
}
