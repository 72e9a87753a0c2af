import { and, eq, inArray } from 'drizzle-orm';
import {
	toCandidatePaper,
	type CandidateQuestion,
	type OptionOrders,
	type QuestionVersion,
	type Response
} from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import {
	type PracticeItem,
	practiceAnswer,
	practiceSession,
	questionVersion
} from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';
import { renderMarkdown } from '../../markdown.ts';
import type { AnswerQuestion } from '$lib/components/questions/types/model.ts';
import { essayKeys, feedbackBodies, type KeyView } from './responses.ts';
import { practiceScope } from './scope.ts';

export type SessionRow = typeof practiceSession.$inferSelect;

/** The option order a set shows for one of its items (none for sets from before the shuffle). */
export function itemOrders(item: PracticeItem): OptionOrders {
	return {
		...(item.optionOrder ? { optionOrder: item.optionOrder } : {}),
		...(item.partOptionOrders ? { partOptionOrders: item.partOptionOrders } : {})
	};
}

/** A set of the signed-in learner; anyone else's is reported missing. */
export async function loadSession(ctx: Ctx, sessionId: number): Promise<SessionRow> {
	const { personId } = practiceScope(ctx);
	const [row] = await ctx.db
		.select()
		.from(practiceSession)
		.where(and(eq(practiceSession.id, sessionId), eq(practiceSession.personId, personId)));
	if (!row) throw new NotFoundError();
	return row;
}

/** One stored version of a question. */
export async function loadVersion(
	db: ReadDb,
	questionId: number,
	version: number
): Promise<QuestionVersion> {
	const [row] = await db
		.select({ data: questionVersion.data })
		.from(questionVersion)
		.where(and(eq(questionVersion.questionId, questionId), eq(questionVersion.version, version)));
	if (!row) throw new NotFoundError();
	return row.data;
}

/** A question as the browser gets it before answering: rendered Markdown, no key of any kind. */
export type QuestionView = AnswerQuestion;

function toView(q: CandidateQuestion): QuestionView {
	return {
		type: q.type,
		stemHtml: renderMarkdown(q.stem),
		...(q.options
			? { options: q.options.map((o) => ({ label: o.label, html: renderMarkdown(o.text) })) }
			: {}),
		...(q.blanks === undefined ? {} : { blanks: q.blanks }),
		...(q.parts ? { parts: q.parts.map(toView) } : {})
	};
}

/**
 * The candidate view of one question, built from the core's `toCandidatePaper` (which copies field
 * by field, so no answer, explanation or rubric can reach the browser), options in the set's order.
 */
export function questionView(q: QuestionVersion, orders: OptionOrders = {}): QuestionView {
	const paper = toCandidatePaper({
		sections: [{ type: q.type, points: 1, items: [{ question: q, points: 1, ...orders }] }],
		totalPoints: 1
	});
	return toView(paper.sections[0]!.items[0]!);
}

const headOf = (s: SessionRow) => ({
	id: s.id,
	source: s.source,
	mode: s.mode,
	total: s.items.length,
	position: s.position
});

/** An essay (or essay part) the learner marks against its reference answer. */
export interface EssayToMark {
	/** The field of the mark: `a`, or `p0`, `p1` … for a case's parts. */
	key: string;
	stemHtml: string;
	view: KeyView;
}

/** What the set page shows now. */
export type SessionView = ReturnType<typeof headOf> &
	(
		| {
				state: 'question';
				questionId: number;
				version: number;
				question: QuestionView;
		  }
		| {
				state: 'assess';
				question: QuestionView;
				essays: EssayToMark[];
		  }
		| { state: 'answered'; answerId: number }
		| { state: 'done'; right: number; partly: number; wrong: number }
	);

/**
 * The state of a set: the current question (candidate view only), the self-assessment of a pending
 * essay answer, the answer just given (the page redirects to its feedback), or the summary.
 */
export async function practiceSessionView(ctx: Ctx, sessionId: number): Promise<SessionView> {
	const s = await loadSession(ctx, sessionId);
	const head = headOf(s);
	if (s.position >= s.items.length) {
		const ids = s.answerIds.filter((a): a is number => a !== null);
		const rows = ids.length
			? await ctx.db
					.select({ outcome: practiceAnswer.outcome })
					.from(practiceAnswer)
					.where(inArray(practiceAnswer.id, ids))
			: [];
		const n = (o: string) => rows.filter((r) => r.outcome === o).length;
		return { ...head, state: 'done', right: n('right'), partly: n('partly'), wrong: n('wrong') };
	}
	const answerId = s.answerIds[s.position];
	if (answerId != null) return { ...head, state: 'answered', answerId };
	const item = s.items[s.position]!;
	const q = await loadVersion(ctx.db, item.questionId, item.version);
	const question = questionView(q, itemOrders(item));
	if (s.pending)
		return {
			...head,
			state: 'assess',
			question,
			essays: essaysOf(q, s.pending.response, itemOrders(item))
		};
	return {
		...head,
		state: 'question',
		questionId: item.questionId,
		version: item.version,
		question
	};
}

/** The essay bodies of a pending answer with their reference answers, for self-assessment. */
function essaysOf(q: QuestionVersion, r: Response, orders: OptionOrders): EssayToMark[] {
	const bodies = feedbackBodies(q, r, orders);
	return essayKeys(q).map((key) => {
		const b = bodies[key === 'a' ? 0 : Number(key.slice(1))]!;
		return { key, stemHtml: b.stemHtml, view: b.key };
	});
}
