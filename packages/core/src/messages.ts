/**
 * The one place where the core turns a stable code into a sentence a person reads:
 * {@link messageFor}, over one table of every code, {@link CORE_MESSAGES}. Applications may show
 * these sentences as they are, or map the codes in their own catalogue from the same table.
 */
import { QUESTION_TYPES } from './question/model.ts';
import { examMessages } from './question/messages.ts';
import { rulesMessages } from './rules-messages.ts';
import { promotionMessages } from './promotion/messages.ts';
import { oathMessages } from './oath/messages.ts';
import { policyMessages } from './policy/messages.ts';
import { LOCALES, type Locale, type MessageTable } from './message-table.ts';

/** Every code the core emits (issues, errors, reasons) with its template in each locale. */
export const CORE_MESSAGES: MessageTable = Object.fromEntries(
	LOCALES.map((l) => [
		l,
		{
			...examMessages[l],
			...rulesMessages[l],
			...promotionMessages[l],
			...oathMessages[l],
			...policyMessages[l]
		}
	])
) as MessageTable;

/** Data keys whose value is a code with a label: `countFrom: 'public_notice'` gives `countFromLabel`. */
const LABELLED: Readonly<Record<string, string>> = {
	countFrom: 'promotion.count_from',
	exemption: 'promotion.exemption',
	body: 'oath.body',
	expectedRoute: 'promotion.route'
};

const isType = (v: unknown): v is string =>
	typeof v === 'string' && (QUESTION_TYPES as readonly string[]).includes(v);

/**
 * The sentence for a code and its data in a locale. Placeholders that depend on the locale are
 * derived first: `typeLabel`/`actualLabel` from `type`/`actual`, `fromLabel`/`toLabel`/
 * `stateLabel` from attempt states, `kindLabel` from a GIFT `kind`, `countFromLabel`,
 * `exemptionLabel`, `bodyLabel` and `expectedRouteLabel` from a gate's counting point, exemption kind,
 * appointing body and appointment route
 * (an unknown one shows as it is), `scope` from `laws`/`topics`/`tags`/`difficulty`, and `detail`
 * from a nested `issue: { code, data }` (how format errors wrap question validation issues). An unknown code comes back as the code itself;
 * an unknown placeholder stays visible.
 *
 * @param code - the stable code
 * @param data - the issue's, error's or reason's data
 * @param locale - the reader's locale
 * @returns the sentence
 * @example
 * messageFor('paper.section.short', { section: 2, type: 'multiple', need: 20, have: 12, laws: '行政处罚法' });
 * // → '第2部分需要20道行政处罚法多选题，题库只有12道'
 * messageFor('promotion.retake_available', { fails: 1, remaining: 1 }, 'en');
 */
export function messageFor(
	code: string,
	data: Readonly<Record<string, unknown>> = {},
	locale: Locale = 'zh-CN'
): string {
	const table = CORE_MESSAGES[locale];
	const template = table[code];
	if (template === undefined) return code;
	const label = (prefix: string, v: unknown) =>
		typeof v === 'string' ? (table[`${prefix}.${v}`] ?? v) : '';
	const d: Record<string, unknown> = { ...data };
	if (isType(data.type)) d.typeLabel = label('type', data.type);
	if (isType(data.actual)) d.actualLabel = label('type', data.actual);
	for (const k of ['from', 'to', 'state'] as const)
		if (typeof data[k] === 'string') d[`${k}Label`] = label('state', data[k]);
	if (typeof data.kind === 'string') d.kindLabel = label('gift.kind', data.kind);
	for (const [k, prefix] of Object.entries(LABELLED))
		if (typeof data[k] === 'string') d[`${k}Label`] = label(prefix, data[k]);
	d.scope = scopeOf(data, locale);
	if (data.issue && typeof data.issue === 'object') {
		const inner = data.issue as { code: string; data?: Record<string, unknown> };
		d.detail = messageFor(inner.code, inner.data ?? {}, locale);
	}
	return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
		key in d ? String(d[key]) : whole
	);
}

/** Which questions a paper section asks for, as the shortfall messages say it. */
function scopeOf(data: Readonly<Record<string, unknown>>, locale: Locale): string {
	const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : '');
	const laws = str('laws');
	const topics = str('topics');
	const tags = str('tags');
	const difficulty = str('difficulty');
	if (locale === 'en') {
		const parts = [
			laws && `on ${laws}`,
			topics && `on topic ${topics}`,
			tags && `tagged ${tags}`,
			difficulty && `of difficulty ${difficulty}`
		].filter(Boolean);
		return parts.length ? ` ${parts.join(', ')}` : '';
	}
	if (laws && !topics && !tags && !difficulty) return laws;
	const parts = [
		laws,
		topics && `知识点“${topics}”`,
		tags && `标签“${tags}”`,
		difficulty && `难度${difficulty}`
	].filter(Boolean);
	return parts.length ? `${parts.join('、')}的` : '';
}
