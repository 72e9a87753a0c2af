/**
 * The annual study plan (年度学法计划) and its items, with validation.
 */
import type { Issue } from '../errors.ts';
import { isIsoDate, shanghaiDate, type IsoDate } from '../calendar/dates.ts';
import { result, type ValidationResult } from '../rule-result.ts';
import type { LawRef } from './law-ref.ts';

/** The forms of law study: written, collective, lecture, case lesson, trial observation. */
export const STUDY_FORMS = ['written', 'collective', 'lecture', 'case', 'trial'] as const;

/** One of {@link STUDY_FORMS}. */
export type StudyForm = (typeof STUDY_FORMS)[number];

/** When an item is planned: a month `YYYY-MM` or a date `YYYY-MM-DD`. */
export type PlannedWhen = { month: string } | { date: IsoDate };

/** One item of a study plan. */
export interface StudyPlanItem {
	/** Stable id (unique in the plan). */
	id: string;
	/** Topic, e.g. 学习《行政复议法》修订要点. */
	topic: string;
	/** Laws and articles studied. */
	laws: LawRef[];
	/** Study form. */
	form: StudyForm;
	/** Planned month or date. */
	planned: PlannedWhen;
	/** Speaker (lecture, case lesson); free text or a person id. */
	speaker?: string;
	/** Planned duration in minutes. */
	plannedMinutes?: number;
	/** Materials (titles or links). */
	materials?: string[];
}

/** An annual study plan for a leadership team or a unit. */
export interface StudyPlan {
	/** Stable id. */
	id: string;
	/** The unit the plan belongs to. */
	unitId: string;
	/** The plan's year. */
	year: number;
	/** Title, e.g. 2025年区政府常务会议会前学法计划. */
	title: string;
	/** The items. */
	items: StudyPlanItem[];
}

/** Settings for plans and sessions. */
export interface StudyPolicy {
	/** Minimum length of a lecture or collective session, in minutes (default 30). */
	minLectureMinutes: number;
}

/** The default {@link StudyPolicy}. */
export const DEFAULT_STUDY_POLICY: StudyPolicy = { minLectureMinutes: 30 };

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The month of a planned item.
 *
 * @param planned - a planned month or date
 * @returns `YYYY-MM`
 */
export function plannedMonth(planned: PlannedWhen): string {
	return 'month' in planned ? planned.month : planned.date.slice(0, 7);
}

/**
 * Checks a study plan: every item needs a topic, a known form and a planned month or date inside the
 * plan's year; ids are unique. Warns when a lecture has no speaker or is planned shorter than the
 * policy minimum.
 *
 * @param plan - the plan
 * @param policy - study settings (default {@link DEFAULT_STUDY_POLICY})
 * @returns errors and warnings, each with a path such as `items.2.planned`
 * @example
 * const v = validateStudyPlan(plan);
 * if (!v.ok) throw new ValidationError(v.errors);
 */
export function validateStudyPlan(
	plan: StudyPlan,
	policy: StudyPolicy = DEFAULT_STUDY_POLICY
): ValidationResult {
	const errors: Issue[] = [];
	const warnings: Issue[] = [];
	if (!Number.isInteger(plan.year) || plan.year < 2000 || plan.year > 2999) {
		errors.push({ code: 'plan.year.invalid', path: 'year', data: { year: plan.year } });
	}
	if (!plan.title?.trim()) errors.push({ code: 'plan.title.empty', path: 'title' });
	if (!plan.unitId) errors.push({ code: 'plan.unit.missing', path: 'unitId' });
	const ids = new Set<string>();
	plan.items.forEach((item, i) => {
		const p = `items.${i}`;
		if (!item.id || ids.has(item.id)) {
			errors.push({ code: 'plan.item.id_duplicate', path: `${p}.id`, data: { id: item.id } });
		}
		ids.add(item.id);
		if (!item.topic?.trim()) errors.push({ code: 'plan.item.topic_empty', path: `${p}.topic` });
		if (!STUDY_FORMS.includes(item.form)) {
			errors.push({ code: 'plan.item.form_unknown', path: `${p}.form`, data: { form: item.form } });
		}
		const month = 'month' in item.planned ? item.planned.month : undefined;
		const date = 'date' in item.planned ? item.planned.date : undefined;
		if (month !== undefined ? !MONTH_RE.test(month) : !isIsoDate(date)) {
			errors.push({
				code: 'plan.item.planned_invalid',
				path: `${p}.planned`,
				data: { month, date }
			});
		} else if (Number(plannedMonth(item.planned).slice(0, 4)) !== plan.year) {
			errors.push({
				code: 'plan.item.planned_outside_year',
				path: `${p}.planned`,
				data: { year: plan.year, month: plannedMonth(item.planned) }
			});
		}
		item.laws.forEach((law, j) => {
			if (
				!law.lawId ||
				(law.articleNo !== undefined && !(Number.isInteger(law.articleNo) && law.articleNo > 0))
			) {
				errors.push({ code: 'plan.item.law_invalid', path: `${p}.laws.${j}`, data: { ...law } });
			}
		});
		if (item.plannedMinutes !== undefined) {
			if (!(Number.isFinite(item.plannedMinutes) && item.plannedMinutes > 0)) {
				errors.push({
					code: 'plan.item.duration_invalid',
					path: `${p}.plannedMinutes`,
					data: { minutes: item.plannedMinutes }
				});
			} else if (
				(item.form === 'lecture' || item.form === 'collective') &&
				item.plannedMinutes < policy.minLectureMinutes
			) {
				warnings.push({
					code: 'session.duration.short',
					path: `${p}.plannedMinutes`,
					data: { minutes: item.plannedMinutes, min: policy.minLectureMinutes }
				});
			}
		}
		if ((item.form === 'lecture' || item.form === 'case') && !item.speaker?.trim()) {
			warnings.push({ code: 'plan.item.speaker_missing', path: `${p}.speaker` });
		}
	});
	return result(errors, warnings);
}

/**
 * The year a new annual plan is most likely for, as the plan form's default: plans are drawn up at
 * the start of the year, so in December, when organisers prepare them, it is the coming year;
 * otherwise the current one (in Beijing).
 *
 * @param now - the current instant
 * @returns the year, e.g. 2027 on 2026-12-04
 * @example
 * plannedYearAt(new Date('2026-12-04T09:00:00+08:00')); // 2027
 * plannedYearAt(new Date('2027-01-05T09:00:00+08:00')); // 2027
 */
export function plannedYearAt(now: Date): number {
	const [year, month] = shanghaiDate(now).split('-').map(Number) as [number, number];
	return month === 12 ? year + 1 : year;
}

/**
 * The dates a new weekly schedule most likely spans, as its form's default: in December the whole
 * of the coming year ({@link plannedYearAt}); otherwise from today to the year's end, since
 * sessions generated for weeks already past would all stand as never held.
 *
 * @param now - the current instant
 * @returns the first and last day, in Beijing
 * @example
 * plannedSpanAt(new Date('2026-06-10T09:00:00+08:00')); // { startDate: '2026-06-10', endDate: '2026-12-31' }
 */
export function plannedSpanAt(now: Date): { startDate: IsoDate; endDate: IsoDate } {
	const today = shanghaiDate(now);
	const year = plannedYearAt(now);
	const start: IsoDate = `${year}-01-01`;
	return { startDate: start > today ? start : today, endDate: `${year}-12-31` };
}
