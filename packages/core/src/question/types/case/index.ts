/**
 * Case analysis (案例分析): the stem is the case, the parts are sub-questions of any other type;
 * the case's points split over the parts by weight, and it earns the sum of its parts.
 */
import type { GradeStatus } from '../../../grading/types.ts';
import type { CasePart } from '../../model.ts';
import { gradeBody, validateBody, viewBody } from '../common.ts';
import type { QuestionTypeModule } from '../module.ts';
import { PART_TYPE_MODULES } from '../parts.ts';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Splits a case question's points over its parts by weight (default weight 1), rounded to 0.01 with
 * the rounding remainder on the last part so the parts always sum to the whole.
 *
 * @param parts - the case's parts
 * @param points - the case's points
 * @returns points per part
 */
export function partPoints(parts: readonly CasePart[], points: number): number[] {
	const total = parts.reduce((t, p) => t + (p.weight ?? 1), 0);
	const out = parts.map((p) => Math.round(((p.weight ?? 1) / total) * points * 100) / 100);
	if (out.length)
		out[out.length - 1] =
			Math.round((points - out.slice(0, -1).reduce((a, b) => a + b, 0)) * 100) / 100;
	return out;
}

/**
 * The most sub-questions a case may have: a case is read and answered as one screen, and an
 * answer to it carries one response per part.
 */
export const MAX_CASE_PARTS = 50;

/** The case-analysis type. */
export const caseType: QuestionTypeModule<'case'> = {
	type: 'case',
	rowNames: ['案例分析', '案例分析题', '案例', '案例题', 'case'],
	gradedByHand: false,
	validate(body, p, add) {
		if (body.parts.length === 0) add('question.case.no_parts', `${p}parts`);
		if (body.parts.length > MAX_CASE_PARTS)
			add('question.case.too_many_parts', `${p}parts`, {
				count: body.parts.length,
				max: MAX_CASE_PARTS
			});
		body.parts.forEach((part, i) => {
			const at = `${p}parts.${i}.`;
			if ((part.type as string) === 'case') add('question.case.nested', `${at}type`);
			else validateBody(PART_TYPE_MODULES, part, at, add);
			if (part.weight !== undefined && !(part.weight > 0))
				add('question.case.part_weight', `${at}weight`, { value: part.weight });
		});
	},
	grade(body, r, at) {
		const pts = partPoints(body.parts, at.points);
		const responses = r?.type === 'case' ? r.parts : [];
		const parts = body.parts.map((p, i) => {
			const id = `${at.id}#${i}`;
			return gradeBody(PART_TYPE_MODULES, p, responses[i] ?? undefined, {
				id,
				points: pts[i]!,
				order: at.partOrders?.[i],
				policy: at.policy,
				manual: at.manual
			});
		});
		const pending = parts.some((p) => p.score === null);
		const total = round2(parts.reduce((t, p) => t + (p.score ?? 0), 0));
		const fraction = at.points > 0 ? Math.min(1, total / at.points) : 0;
		const answered = parts.some((p) => p.status !== 'unanswered');
		const status: GradeStatus = pending
			? 'pending'
			: !answered
				? 'unanswered'
				: fraction >= 1
					? 'correct'
					: fraction > 0
						? 'partial'
						: 'wrong';
		return {
			questionId: at.id,
			points: at.points,
			score: total,
			fraction: pending ? null : fraction,
			status,
			parts
		};
	},
	view(body, at) {
		const pts = partPoints(body.parts, at.points);
		return {
			type: 'case',
			stem: body.stem,
			parts: body.parts.map((p, i) => ({
				...viewBody(PART_TYPE_MODULES, p, { points: pts[i]!, order: at.partOrders?.[i] }),
				points: pts[i]!
			}))
		};
	},
	normaliseResponse(raw, body) {
		const given = (raw as { parts?: unknown } | null)?.parts;
		const list: unknown[] = Array.isArray(given) ? given : [];
		return {
			type: 'case',
			parts: body.parts.map((p, i) => {
				const mod = PART_TYPE_MODULES[p.type];
				return list[i] == null || !mod ? null : mod.normaliseResponse(list[i], p as never);
			})
		};
	},
	rows: {
		// the sub-questions are the rows whose 所属案例 names this row's 编号
		read({ isPart, cell, error }) {
			if (!isPart) return { type: 'case', parts: [] };
			error('format.row.type', '题型', { value: cell('题型') });
			return undefined;
		},
		write: () => ({})
	}
};
