/**
 * Next year's plan drawn from last year's: organisers prepare it in December, and most items (the
 * laws studied every year, the rhythm of written study and lectures) come back. Only the plan's
 * own items travel; sessions, attendance and files belong to the year that held them.
 */
import { RuleError } from '../errors.ts';
import { addYears } from '../calendar/dates.ts';
import type { PlannedWhen, StudyPlan, StudyPlanItem } from './plan.ts';

/**
 * A planned month or date moved into another year, keeping its month and day (29 February becomes
 * 28 February in a common year).
 *
 * @param planned - the month or date as planned
 * @param year - the year to move it into
 * @returns the same month, or the same day, in `year`
 * @example
 * plannedInYear({ month: '2026-03' }, 2027); // → { month: '2027-03' }
 * plannedInYear({ date: '2028-02-29' }, 2029); // → { date: '2029-02-28' }
 */
export function plannedInYear(planned: PlannedWhen, year: number): PlannedWhen {
	const y = String(year).padStart(4, '0');
	if ('month' in planned) return { month: `${y}${planned.month.slice(4)}` };
	return { date: addYears(planned.date, year - Number(planned.date.slice(0, 4))) };
}

/**
 * The items of `source` as they go into the empty plan `target`: each as it was (topic, laws,
 * form, speaker, planned length, materials), its month or date moved into the target's year.
 * Ids stay the source's, so that a caller can find the item each copy came from.
 *
 * @param source - the plan copied, usually the same team's plan of the year before
 * @param target - the plan receiving the items
 * @returns the copies, in the source's order
 * @throws RuleError `plan.copy.not_empty` (`year`, `items`) when the target already holds items,
 *   so that nothing entered is doubled or mixed up; `plan.copy.source_empty` (`year`) when the
 *   source holds none; `plan.copy.same_year` (`year`) when both plans are of one year
 * @example
 * copyPlanItems(plan2026, { ...plan2027, items: [] }).map((i) => i.planned);
 * // → [{ month: '2027-01' }, { date: '2027-03-15' }, …]
 */
export function copyPlanItems(source: StudyPlan, target: StudyPlan): StudyPlanItem[] {
	if (target.items.length > 0)
		throw new RuleError('plan.copy.not_empty', {
			year: target.year,
			items: target.items.length
		});
	if (source.year === target.year)
		throw new RuleError('plan.copy.same_year', { year: source.year });
	if (source.items.length === 0)
		throw new RuleError('plan.copy.source_empty', { year: source.year });
	return source.items.map((item) => ({
		...item,
		laws: item.laws.map((l) => ({ ...l })),
		...(item.materials ? { materials: [...item.materials] } : {}),
		planned: plannedInYear(item.planned, target.year)
	}));
}
