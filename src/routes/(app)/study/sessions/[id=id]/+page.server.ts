import { fail } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import {
	ATTENDANCE_ROW_FIELDS,
	LAW_ROW_FIELDS,
	MATERIAL_MAX_BYTES,
	cancelSessionInput,
	checkinControlInput,
	deleteMaterialInput,
	markAttendanceInput,
	markRestInput,
	moveSessionInput,
	restoreSessionInput,
	sessionDetailsInput,
	sessionMinutesInput,
	sessionTimesInput,
	uploadMaterialInput,
	withdrawLeaveInput
} from '$lib/schemas/study.ts';
import { act, done } from '$lib/server/actions.ts';
import { coreMessage } from '$lib/server/core-messages.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { lawChoices } from '$lib/server/services/questions/law-choices.ts';
import { markAttendance, markRest, withdrawLeave } from '$lib/server/services/study/attendance.ts';
import { closeCheckin, openCheckin } from '$lib/server/services/study/checkin.ts';
import { deleteMaterial, uploadMaterial } from '$lib/server/services/study/materials.ts';
import {
	cancelSession,
	moveSession,
	restoreSession
} from '$lib/server/services/study/occurrences.ts';
import {
	recordSessionTimes,
	saveSessionMinutes,
	updateSessionDetails
} from '$lib/server/services/study/session-record.ts';
import { getSession } from '$lib/server/services/study/sessions.ts';
import { sessionLessonsInput } from '$lib/schemas/lessons.ts';
import { setSessionLessons, sessionLessons } from '$lib/server/services/lessons/session-lessons.ts';
import { readUploadForm } from '$lib/server/uploads/form.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const s = await getSession(ctx, Number(event.params.id));
		return {
			...s,
			actual: {
				start: wallTime(s.session.actualStartAt),
				end: wallTime(s.session.actualEndAt)
			},
			short: s.short.map((r) => coreMessage(r.code, r.data)),
			upcoming: s.upcoming ? coreMessage(s.upcoming.code, s.upcoming.data) : null,
			laws: s.manage ? await lawChoices(ctx, 'study.manage') : [],
			lessons: await sessionLessons(ctx, s.session.id)
		};
	});
};

/** An instant as the wall-clock time in Beijing (HH:MM), or '' for none. */
const wallTime = (at: Date | null) =>
	at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16) : '';

/** Every action of this page names its session by the URL, never by a form field. */
const extra = (event: RequestEvent) => ({ sessionId: event.params.id });

export const actions: Actions = {
	lessons: async (event) => {
		// checkboxes: every checked one, not only the last value of the name
		const form = await event.request.formData();
		const out = await act(event, 'lessons', sessionLessonsInput, setSessionLessons, {
			form,
			extra: { ...extra(event), lessonIds: form.getAll('lessonIds') }
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	},
	details: async (event) => {
		const out = await act(event, 'details', sessionDetailsInput, updateSessionDetails, {
			extra: extra(event),
			rows: LAW_ROW_FIELDS
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	},
	minutes: async (event) => {
		const out = await act(event, 'minutes', sessionMinutesInput, saveSessionMinutes, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	},
	times: async (event) => {
		const out = await act(event, 'times', sessionTimesInput, recordSessionTimes, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	},
	mark: async (event) => {
		// the rows come back as sent, so a leave sent back for its reason keeps what was chosen
		const out = await act(event, 'mark', markAttendanceInput, markAttendance, {
			extra: extra(event),
			rows: ATTENDANCE_ROW_FIELDS
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'marked');
	},
	// a leave recorded in advance, withdrawn from its row of the roster form (its refusal shows there)
	withdrawLeave: async (event) => {
		const out = await act(event, 'mark', withdrawLeaveInput, withdrawLeave, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'leave_withdrawn');
	},
	markRest: async (event) => {
		const out = await act(event, 'markRest', markRestInput, markRest, { extra: extra(event) });
		if (out.kind === 'failed') return out.failure;
		done(event, 'marked');
	},
	openCheckin: async (event) => {
		const out = await act(event, 'checkin', checkinControlInput, openCheckin, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'opened');
	},
	closeCheckin: async (event) => {
		const out = await act(event, 'checkin', checkinControlInput, closeCheckin, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'closed');
	},
	upload: async (event) => {
		// the sign-in first: nobody else makes the server read 5 MB
		ctxOf(event);
		// streamed: a 5 MB file is never buffered and parsed in one go on the request loop
		const form = await readUploadForm(event.request, MATERIAL_MAX_BYTES);
		if (!form) {
			const message = t('study_material_too_large');
			return fail(413, {
				kind: 'invalid' as const,
				action: 'upload',
				values: {},
				errors: { file: message },
				message
			});
		}
		const out = await act(event, 'upload', uploadMaterialInput, uploadMaterial, {
			extra: extra(event),
			form
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'uploaded');
	},
	deleteMaterial: async (event) => {
		const out = await act(event, 'deleteMaterial', deleteMaterialInput, deleteMaterial, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'deleted');
	},
	move: async (event) => {
		const out = await act(event, 'move', moveSessionInput, moveSession, { extra: extra(event) });
		if (out.kind === 'failed') return out.failure;
		done(event, 'moved');
	},
	cancel: async (event) => {
		const out = await act(event, 'cancel', cancelSessionInput, cancelSession, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'cancelled');
	},
	restore: async (event) => {
		const out = await act(event, 'restore', restoreSessionInput, restoreSession, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'restored');
	}
};
