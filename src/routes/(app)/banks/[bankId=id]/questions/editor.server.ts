import { type RequestEvent, fail, redirect } from '@sveltejs/kit';
import { type Issue, ValidationError } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import { editorStatus } from '$lib/schemas/banks.ts';
import {
	type DraftIssue,
	type QuestionDraft,
	applyIntent,
	contentOfDraft,
	readDraft
} from '$lib/questions/draft.ts';
import { typeUi } from '$lib/components/questions/types/registry.ts';
import { coreMessage } from '$lib/server/core-messages.ts';
import { AppError } from '$lib/server/errors.ts';
import type { Ctx } from '$lib/server/context.ts';
import { ctxOf, mapError } from '$lib/server/http.ts';
import { renderMarkdown } from '$lib/server/markdown.ts';
import {
	type MissingArticle,
	missingArticleText,
	missingArticles
} from '$lib/server/services/laws/citations.ts';
import { contentOf } from '$lib/server/services/questions/identity.ts';
import type { QuestionContent, StoredQuestion } from '$lib/server/services/questions/store.ts';

/** The editor's form fields that take Markdown, each previewed. */
function previewsOf(d: QuestionDraft): Record<string, string> {
	const out: Record<string, string> = {};
	const add = (name: string, text: string) => {
		if (text.trim()) out[name] = renderMarkdown(text);
	};
	const body = (p: string, b: QuestionDraft | QuestionDraft['parts'][number]) => {
		add(`${p}stem`, b.stem);
		add(`${p}explanation`, b.explanation);
		for (const f of typeUi(b.type).markdownFields) add(`${p}${f}`, String(b[f]));
	};
	body('', d);
	if (d.type === 'case') d.parts.forEach((p, i) => body(`parts.${i}.`, p));
	return out;
}

// The core names citation fields after the model (lawId, articleNo), the form after what people type.
const fieldOf = (path: string) =>
	path.replace(/^laws\.(\d+)\.lawId$/, 'laws.$1.law').replace(/\.articleNo$/, '.article');

/** Field errors in the reader's language, the first per field. */
function fieldErrors(issues: readonly (Issue | DraftIssue)[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of issues) {
		const path = fieldOf(i.path ?? '_');
		out[path] ??= i.code.startsWith('bank_') ? t(i.code, i.data) : coreMessage(i.code, i.data);
	}
	return out;
}

type EditorStatus = 'draft' | 'ready' | undefined;

function failed(
	draft: QuestionDraft,
	status: EditorStatus,
	errors: Record<string, string>,
	message: string
) {
	return fail(400, editing(draft, status, errors, message));
}

const citationKey = (a: MissingArticle) => `${a.lawId}#${a.articleNo}`;

/** The citations the form says were confirmed (a JSON list of keys; anything else: none). */
function confirmedCitations(value: FormDataEntryValue | null): string[] {
	try {
		const keys: unknown = JSON.parse(String(value ?? '[]'));
		return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
	} catch {
		return [];
	}
}

/** The editor shown again with `draft`: after a button that edits the form, or to be corrected. */
function editing(
	draft: QuestionDraft,
	status: EditorStatus,
	errors: Record<string, string>,
	message: string
) {
	return {
		kind: 'draft' as const,
		draft,
		status,
		errors,
		previews: previewsOf(draft),
		message,
		citations: null as { keys: string; warnings: string[] } | null
	};
}

/**
 * The editor's one action. The buttons that edit the form itself (add an option, switch the type,
 * preview …) come back here without JavaScript and only show the form again; "save" validates with
 * the core and saves through `save` (with the status chosen in the form: draft or ready), then goes
 * to the saved question.
 */
export async function editorAction(
	event: RequestEvent,
	save: (ctx: Ctx, content: QuestionContent, status: EditorStatus) => Promise<StoredQuestion>
) {
	const ctx = ctxOf(event);
	const form = await event.request.formData();
	const draft = readDraft(form);
	const status = editorStatus.parse(form.get('status') ?? undefined);
	const intent = String(form.get('intent') ?? 'save');
	if (intent !== 'save') {
		applyIntent(draft, intent);
		return editing(draft, status, {}, '');
	}
	const { content, issues } = contentOfDraft(draft);
	if (!content) return failed(draft, status, fieldErrors(issues), t('bank_editor_fix'));
	// an article the library's law lacks (宪法 第九百九十九条) is a typo more often than not: said
	// before saving, and saved when sent again with the same citations (the form carries them)
	const missing = await missingArticles(ctx, content.laws);
	const confirmed = new Set(confirmedCitations(form.get('citations')));
	if (missing.some((a) => !confirmed.has(citationKey(a))))
		return fail(400, {
			...editing(draft, status, {}, ''),
			citations: {
				keys: JSON.stringify(missing.map(citationKey)),
				warnings: missing.map(missingArticleText)
			}
		});
	let stored: StoredQuestion;
	try {
		stored = await save(ctx, contentOf(content), status);
	} catch (e) {
		if (e instanceof ValidationError) {
			return failed(draft, status, fieldErrors(e.issues), t('bank_editor_fix'));
		}
		if (e instanceof AppError && !e.code.startsWith('error_')) {
			return failed(draft, status, {}, t(e.code));
		}
		return mapError(e);
	}
	const bankId = event.params.bankId;
	redirect(
		303,
		`/banks/${bankId}/questions/${stored.questionId}?saved=${stored.changed ? 'new' : 'same'}`
	);
}
