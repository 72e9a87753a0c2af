import { z } from 'zod';
import { isIsoDate, isLocalTime, parseArticleNo } from '@xuefa/core';
import {
	checkbox,
	confirmed,
	id,
	optionalId,
	optionalText,
	required,
	text,
	uploadedFile
} from './common.ts';
import {
	ATTENDANCE_STATUSES,
	FEED_KINDS,
	HOLIDAY_RULES,
	SPEAKER_KINDS,
	STUDY_FORMS
} from './study-enums.ts';
import { LAW_ROWS_MAX, MATERIAL_MAX_BYTES, READING_BODY_MAX_CHARS } from './limits.ts';
export {
	LAW_ROWS_MIN,
	LAW_ROWS_MAX,
	MATERIAL_MAX_BYTES,
	READING_BODY_MAX_CHARS
} from './limits.ts';

/** Minutes in Markdown, like any long user text. */
export const MINUTES_MAX_CHARS = 20_000;
export const MATERIALS_PER_SESSION = 20;
/** The types a material may have, by the type read from its bytes. */
export const MATERIAL_TYPES = {
	'application/pdf': 'pdf',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'image/png': 'png',
	'image/jpeg': 'jpg'
} as const satisfies Record<string, string>;

export const isoDate = z.string(required).trim().refine(isIsoDate, { error: 'err_date' });
export const localTime = z
	.string(required)
	.trim()
	.refine((v) => isLocalTime(v), { error: 'err_time' });
const minutes = (max = 24 * 60) =>
	z.coerce.number({ error: 'err_invalid' }).int({ error: 'err_invalid' }).min(1).max(max);
const optionalMinutes = z.preprocess(
	(v) => (v === '' || v === undefined || v === null ? undefined : v),
	minutes().optional()
);
const yearOf = z.coerce.number({ error: 'err_invalid' }).int().min(2000).max(2999);

/** `YYYY-MM` or `YYYY-MM-DD`: a plan item is planned for a month or for a day. */
const plannedWhen = z
	.string(required)
	.trim()
	.min(1, required)
	.transform((v, c) => {
		if (/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return { month: v } as { month: string; date?: string };
		if (isIsoDate(v)) return { month: v.slice(0, 7), date: v };
		c.addIssue({ code: 'custom', message: 'err_study_when' });
		return z.NEVER;
	});

/**
 * Law rows posted as `laws.<i>.law` (a short title, 《》 allowed) and `laws.<i>.articles`
 * (第四十二条、44 …): the core's LawRefs, one per article or one for the whole law. Blank rows drop out.
 */
export const lawRows = z.record(z.string(), z.unknown()).transform((form, c) => {
	const refs: { lawId: string; articleNo?: number }[] = [];
	for (let i = 0; i < LAW_ROWS_MAX; i++) {
		const law = String(form[`laws.${i}.law`] ?? '')
			.replace(/[《》]/g, '')
			.trim();
		const articles = String(form[`laws.${i}.articles`] ?? '').trim();
		if (!law) {
			if (articles) c.addIssue({ code: 'custom', path: [`${i}.law`], message: 'err_study_law' });
			continue;
		}
		if (law.length > 60) {
			c.addIssue({ code: 'custom', path: [`${i}.law`], message: 'err_too_long' });
			continue;
		}
		if (!articles) {
			refs.push({ lawId: law });
			continue;
		}
		for (const part of articles.split(/[、,，;；\s]+/).filter(Boolean)) {
			const articleNo = parseArticleNo(part);
			if (articleNo === undefined) {
				c.addIssue({
					code: 'custom',
					path: [`${i}.articles`],
					message: 'err_study_article'
				});
				break;
			}
			if (!refs.some((r) => r.lawId === law && r.articleNo === articleNo))
				refs.push({ lawId: law, articleNo });
		}
	}
	return refs;
});

/** Form field names of law rows, for refilling a form. */
export const LAW_ROW_FIELDS = /^laws\.\d{1,2}\.(law|articles)$/;

/**
 * A form whose fields include law rows: the object's own fields, and `laws` read from the rows
 * (an issue's path, `laws` + `0.law`, names the row's field).
 */
function withLaws<T extends z.ZodRawShape>(shape: T) {
	return z.preprocess(
		(v) => ({ ...(v as object), laws: v }),
		z.object({ ...shape, laws: lawRows })
	);
}

// ── teams ────────────────────────────────────────────────────────────────────────────────────────

export const teamInput = z.object({
	unitId: id,
	name: text(60),
	description: optionalText(500)
});
export type TeamInput = z.infer<typeof teamInput>;

export const updateTeamInput = teamInput.extend({ teamId: id });
export type UpdateTeamInput = z.infer<typeof updateTeamInput>;

/** 工号 separated by spaces, commas, 、 or new lines. */
export const addTeamMembersInput = z.object({
	teamId: id,
	employeeNos: z
		.string(required)
		.max(4000, { error: 'err_too_long' })
		.transform((v) => [...new Set(v.split(/[\s,，、;；]+/).filter(Boolean))])
		.refine((v) => v.length > 0, { error: 'err_required' })
		.refine((v) => v.length <= 200, { error: 'err_too_long' })
});
export type AddTeamMembersInput = z.infer<typeof addTeamMembersInput>;

/** One tap on a phone removes nobody from a team: asked for, then confirmed. */
export const removeTeamMemberInput = z.object({ teamId: id, personId: id, confirmed });
export type RemoveTeamMemberInput = z.infer<typeof removeTeamMemberInput>;

// ── plans ────────────────────────────────────────────────────────────────────────────────────────

export const planInput = z.object({
	unitId: id,
	teamId: optionalId,
	year: yearOf,
	title: text(100)
});
export type PlanInput = z.infer<typeof planInput>;

export const updatePlanInput = z.object({ planId: id, teamId: optionalId, title: text(100) });
export type UpdatePlanInput = z.infer<typeof updatePlanInput>;

export const publishPlanInput = z.object({ planId: id });
export type PublishPlanInput = z.infer<typeof publishPlanInput>;

/** 复制上一年计划: fills an empty plan with last year's items once the organiser confirms. */
export const copyPreviousPlanInput = z.object({ planId: id, confirmed });
export type CopyPreviousPlanInput = z.infer<typeof copyPreviousPlanInput>;

const planItemShape = {
	topic: text(200),
	form: z.enum(STUDY_FORMS, required),
	when: plannedWhen,
	speaker: optionalText(60),
	plannedMinutes: optionalMinutes,
	materialsNote: optionalText(1000)
};

export const planItemInput = withLaws({ planId: id, ...planItemShape });
export type PlanItemInput = z.infer<typeof planItemInput>;

export const updatePlanItemInput = withLaws({ itemId: id, ...planItemShape });
export type UpdatePlanItemInput = z.infer<typeof updatePlanItemInput>;

export const deletePlanItemInput = z.object({ itemId: id });
export type DeletePlanItemInput = z.infer<typeof deletePlanItemInput>;

// ── schedules and sessions ───────────────────────────────────────────────────────────────────────

const scheduleShape = {
	title: text(100),
	form: z.enum(STUDY_FORMS, required),
	weekday: z.coerce.number({ error: 'err_invalid' }).int().min(1).max(5),
	intervalWeeks: z.coerce.number({ error: 'err_invalid' }).int().min(1).max(52).default(1),
	startDate: isoDate,
	endDate: isoDate,
	startTime: localTime,
	durationMinutes: minutes(),
	location: optionalText(100),
	onHoliday: z.enum(HOLIDAY_RULES).catch('skip').default('skip'),
	/** The organiser's choice to hold sessions on make-up working days (调休上班) too. */
	followMakeUpDays: checkbox
};

const rangeChecked = <T extends { startDate: string; endDate: string }>(v: T) =>
	v.endDate >= v.startDate;
const rangeError = { error: 'err_study_range', path: ['endDate'] };

export const scheduleInput = z
	.object({ teamId: id, ...scheduleShape })
	.refine(rangeChecked, rangeError);
export type ScheduleInput = z.infer<typeof scheduleInput>;

export const updateScheduleInput = z
	.object({ scheduleId: id, ...scheduleShape })
	.refine(rangeChecked, rangeError);
export type UpdateScheduleInput = z.infer<typeof updateScheduleInput>;

export const moveSessionInput = z.object({
	sessionId: id,
	date: isoDate,
	startTime: localTime,
	durationMinutes: minutes(),
	note: optionalText(200)
});
export type MoveSessionInput = z.infer<typeof moveSessionInput>;

export const cancelSessionInput = z.object({ sessionId: id, note: optionalText(200) });
export type CancelSessionInput = z.infer<typeof cancelSessionInput>;

export const restoreSessionInput = z.object({ sessionId: id });
export type RestoreSessionInput = z.infer<typeof restoreSessionInput>;

export const addSessionInput = z.object({
	teamId: id,
	topic: text(200),
	form: z.enum(STUDY_FORMS, required),
	date: isoDate,
	startTime: localTime,
	durationMinutes: minutes(),
	location: optionalText(100)
});
export type AddSessionInput = z.infer<typeof addSessionInput>;

export const sessionDetailsInput = withLaws({
	sessionId: id,
	topic: text(200),
	form: z.enum(STUDY_FORMS, required),
	planItemId: optionalId,
	speakerKind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SPEAKER_KINDS).optional()),
	speakerPersonId: optionalId,
	speakerName: optionalText(40),
	speakerTitle: optionalText(60),
	location: optionalText(100)
}).superRefine((v, c) => {
	if (v.speakerKind === 'internal' && v.speakerPersonId === undefined)
		c.addIssue({ code: 'custom', path: ['speakerPersonId'], message: 'err_required' });
	if (v.speakerKind === 'external' && !v.speakerName)
		c.addIssue({ code: 'custom', path: ['speakerName'], message: 'err_required' });
});
export type SessionDetailsInput = z.infer<typeof sessionDetailsInput>;

export const sessionMinutesInput = z.object({
	sessionId: id,
	minutes: optionalText(MINUTES_MAX_CHARS)
});
export type SessionMinutesInput = z.infer<typeof sessionMinutesInput>;

export const sessionTimesInput = z
	.object({ sessionId: id, actualStart: localTime, actualEnd: localTime })
	.refine((v) => v.actualEnd > v.actualStart, { error: 'err_study_end', path: ['actualEnd'] });
export type SessionTimesInput = z.infer<typeof sessionTimesInput>;

// ── attendance and check-in ──────────────────────────────────────────────────────────────────────

/**
 * The roster form: `status.<personId>` (empty = not marked) and `reason.<personId>` for each row,
 * read into entries. At most one row per person, and a bounded number of rows.
 */
export const markAttendanceInput = z.preprocess(
	(v) => {
		const form = v as Record<string, unknown>;
		const entries = Object.keys(form)
			.map((k) => /^status\.(\d{1,10})$/.exec(k)?.[1])
			.filter((p): p is string => p !== undefined)
			.map((p) => ({
				personId: p,
				status: form[`status.${p}`],
				reason: form[`reason.${p}`] ?? ''
			}));
		return { sessionId: form.sessionId, entries };
	},
	z.object({
		sessionId: id,
		entries: z
			.array(
				z.object({
					personId: id,
					status: z.preprocess(
						(v) => (v === '' ? undefined : v),
						z.enum(ATTENDANCE_STATUSES).optional()
					),
					reason: optionalText(100)
				})
			)
			.max(500)
	})
);
export type MarkAttendanceInput = z.infer<typeof markAttendanceInput>;

/** A leave recorded before the session's day, withdrawn: the person is unmarked again. */
export const withdrawLeaveInput = z.object({ sessionId: id, personId: id });
export type WithdrawLeaveInput = z.infer<typeof withdrawLeaveInput>;

/** Form field names of the roster's rows, for refilling it. */
export const ATTENDANCE_ROW_FIELDS = /^(status|reason)\.\d{1,10}$/;

/** Everyone on the roster not yet marked gets one status (the organiser's "the rest were …"). */
export const markRestInput = z.object({
	sessionId: id,
	status: z.enum(ATTENDANCE_STATUSES, required)
});
export type MarkRestInput = z.infer<typeof markRestInput>;

export const checkinControlInput = z.object({ sessionId: id });
export type CheckinControlInput = z.infer<typeof checkinControlInput>;

/** The code as typed on a phone: full-width digits and spaces forgiven. */
export const checkInInput = z.object({
	sessionId: optionalId,
	code: z
		.string(required)
		.transform((v) =>
			v
				.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
				.replace(/[\s-]/g, '')
		)
		.pipe(z.string().regex(/^\d{6}$/, { error: 'err_study_code' }))
});
export type CheckInInput = z.infer<typeof checkInInput>;

// ── materials ────────────────────────────────────────────────────────────────────────────────────

export const uploadMaterialInput = z.object({
	sessionId: id,
	file: uploadedFile(MATERIAL_MAX_BYTES, {
		required: 'study_material_required',
		empty: 'study_material_empty',
		tooLarge: 'study_material_too_large'
	})
});
export type UploadMaterialInput = z.infer<typeof uploadMaterialInput>;

/** A session's minutes or materials are its record: deleting one is asked for, then confirmed. */
export const deleteMaterialInput = z.object({ sessionId: id, materialId: id, confirmed });
export type DeleteMaterialInput = z.infer<typeof deleteMaterialInput>;

// ── written study (书面学法) ─────────────────────────────────────────────────────────────────────

/** An empty file input (nothing chosen) posts a nameless empty file: that is no file. */
const optionalUpload = (maxBytes: number, keys: Parameters<typeof uploadedFile>[1]) =>
	z.preprocess(
		(v) =>
			v === undefined || v === '' || (v instanceof File && v.size === 0 && v.name === '')
				? undefined
				: v,
		uploadedFile(maxBytes, keys).optional()
	);

/** A material distributed to a team: a text, a file, or both. */
export const createReadingInput = z
	.object({
		teamId: id,
		title: text(100),
		body: optionalText(READING_BODY_MAX_CHARS),
		dueDate: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
		file: optionalUpload(MATERIAL_MAX_BYTES, {
			required: 'study_material_required',
			empty: 'study_material_empty',
			tooLarge: 'study_material_too_large'
		})
	})
	.refine((v) => v.body.trim() !== '' || v.file !== undefined, {
		error: 'study_reading_needs_content',
		path: ['body']
	});
export type CreateReadingInput = z.infer<typeof createReadingInput>;

export const readingInput = z.object({ readingId: id });
export type ReadingInput = z.infer<typeof readingInput>;
/** Withdrawing takes the members' sign-offs with it: asked for, then confirmed. */
export const deleteReadingInput = readingInput.extend({ confirmed });

// ── calendar feeds ───────────────────────────────────────────────────────────────────────────────

export const createFeedInput = z
	.object({ kind: z.enum(FEED_KINDS, required), unitId: optionalId })
	.refine((v) => v.kind === 'person' || v.unitId !== undefined, {
		error: 'err_required',
		path: ['unitId']
	});
export type CreateFeedInput = z.infer<typeof createFeedInput>;

export const revokeFeedInput = z.object({ feedId: id });
export type RevokeFeedInput = z.infer<typeof revokeFeedInput>;

/** A month (`2026-03`) or the week of a date, from the address bar; bad values fall back to today. */
export const calendarViewInput = z.object({
	view: z.enum(['month', 'week']).catch('month').default('month'),
	month: z
		.string()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/)
		.optional()
		.catch(undefined),
	date: z.string().refine(isIsoDate).optional().catch(undefined)
});
export type CalendarViewInput = z.infer<typeof calendarViewInput>;
