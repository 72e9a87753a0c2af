/** The editor fields of each type (`<type>/Editor.svelte`), by type. */
import type { Component } from 'svelte';
import type { QuestionType } from '@xuefa/core';
import { m } from '$lib/i18n.ts';
import type { BodyDraft } from '$lib/questions/draft.ts';
import CaseEditor from './case/Editor.svelte';
import EssayEditor from './essay/Editor.svelte';
import FillEditor from './fill/Editor.svelte';
import MultipleEditor from './multiple/Editor.svelte';
import SingleEditor from './single/Editor.svelte';
import TrueFalseEditor from './truefalse/Editor.svelte';

/** Props of a type's editor fields. */
export interface EditorProps {
	body: BodyDraft;
	/** '' for the question itself, `parts.<i>.` for a case's sub-question. */
	prefix: string;
	errors: Record<string, string>;
	previews: Record<string, string>;
	/** True once JavaScript runs: the editing buttons then act in place instead of posting. */
	enhanced: boolean;
}

/** How the editor shows one type. */
export interface TypeEditor {
	fields: Component<EditorProps, object, 'body'>;
	/** The fields come below the explanation (a case's sub-questions follow the whole case). */
	below?: true;
	/** Rows of the stem's text area (default 3). */
	stemRows?: number;
	/** The stem's hint (default: Markdown is allowed). */
	stemHint?: () => string;
}

/** Each type's editor. */
export const EDITORS: Record<QuestionType, TypeEditor> = {
	single: { fields: SingleEditor },
	multiple: { fields: MultipleEditor },
	truefalse: { fields: TrueFalseEditor },
	fill: { fields: FillEditor, stemHint: m.bank_editor_fill_hint },
	essay: { fields: EssayEditor },
	case: { fields: CaseEditor, below: true, stemRows: 8 }
};
