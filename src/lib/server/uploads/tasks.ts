/**
 * What the upload worker does: each task reads one uploaded file with the parsers the services
 * use. This module runs on the worker thread, so it imports nothing that touches the database,
 * the session or the message catalogue; problems come back as message codes.
 */
import type { LAW_SOURCE_FORMATS } from '$lib/schemas/laws.ts';
import { AppError, type ErrorParams } from '../errors.ts';
import { capIssues } from './issues.ts';
import {
	type ImportFormat,
	readQuestionFile,
	readQuestionRows,
	type SheetRows
} from '../services/questions/read-upload.ts';
import { readRosterFile } from '../services/roster/read-upload.ts';
import { type ParsedSource, parseSource } from '../services/laws/source.ts';
import type { Upload } from '../spreadsheet/read.ts';

export type UploadTask =
	| {
			kind: 'questions';
			upload: Upload;
			format: ImportFormat | 'auto';
			/** Spreadsheet columns the organiser named in an earlier preview: header → field. */
			columns?: Record<string, string>;
	  }
	/** Spreadsheet sheets kept from an earlier preview, read again with the organiser's answers. */
	| {
			kind: 'rows';
			sheets: SheetRows[];
			columns: Record<string, string>;
			/** The workbook's sheets that were not read, as the first preview found them. */
			passedOver: string[];
			examples: string[];
	  }
	| { kind: 'roster'; upload: Upload }
	| {
			kind: 'statute';
			text: string;
			fileName: string;
			format: (typeof LAW_SOURCE_FORMATS)[number];
	  };

/** A task's result, or the file-level problem that stopped it. */
export type TaskOutcome<T> = { value: T } | { failed: { code: string; params: ErrorParams } };

/** Runs one task; the worker's entry point. */
export async function runTask(task: UploadTask): Promise<TaskOutcome<unknown>> {
	try {
		switch (task.kind) {
			case 'questions':
				return { value: await readQuestionFile(task.upload, task.format, task.columns) };
			case 'rows':
				return {
					value: readQuestionRows(task.sheets, task.columns, task.passedOver, task.examples)
				};
			case 'roster':
				return { value: await readRosterFile(task.upload) };
			case 'statute':
				return { value: statuteOutcome(parseSource(task.text, task.fileName, task.format)) };
		}
	} catch (e) {
		if (e instanceof AppError) return { failed: { code: e.code, params: e.params } };
		throw e;
	}
}

/**
 * What the statute preview needs. A statute with problems cannot be imported, so only its first
 * articles come back: a broken file parsed into 200,000 "articles" would otherwise be copied back
 * to the request thread in full.
 */
function statuteOutcome(parsed: ParsedSource) {
	const { statute } = parsed;
	const counts = {
		headings: statute.headings.length,
		sections: statute.headings.reduce((n, h) => n + h.children.length, 0),
		articles: statute.articles.length
	};
	const { issues, issueCount } = capIssues(parsed.issues);
	const slim =
		issueCount > 0 ? { ...statute, headings: [], articles: statute.articles.slice(0, 3) } : statute;
	return { ...parsed, statute: slim, issues, issueCount, counts };
}
