import { authorizeAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { Sheet, Upload } from '../../spreadsheet/index.ts';
import { parseUpload } from '../../uploads/pool.ts';
import type { Column } from './columns.ts';
import { type RowError, planRoster } from './plan.ts';
import { stage } from '../imports/staging.ts';
import { boundFileName } from '../../uploads/file-name.ts';
import { capIssues } from '../../uploads/issues.ts';
import { type PagedRows, keepPreview, previewPage } from '../imports/preview-pages.ts';

export const ROSTER_KIND = 'roster';

export interface PreviewRow {
	line: number;
	action: 'create' | 'update' | 'unchanged';
	changes: (Column | 'account')[];
	employeeNo: string;
	name: string;
	unit: string;
}

export interface RosterPreview {
	fileName: string;
	/** Set only when the file has no errors: the id to confirm the import with. */
	stagedId: string | null;
	rows: PreviewRow[];
	/** The first problems, with `errorCount` saying how many there are in all. */
	errors: RowError[];
	errorCount: number;
	counts: { create: number; update: number; unchanged: number };
}

/** A roster preview as a page shows it: a page of its rows (see preview-pages.ts). */
export type RosterPreviewPage = Omit<RosterPreview, 'rows'> & PagedRows<PreviewRow>;

/**
 * Reads an uploaded roster and reports, row by row, what importing it would do or why it cannot be
 * imported. A file without errors is kept for 30 minutes, to be confirmed by `startRosterImport`,
 * and so is its preview, whose first page of rows comes back ({@link rosterPreviewPage} for the
 * others).
 */
export async function previewRoster(ctx: Ctx, upload: Upload): Promise<RosterPreviewPage> {
	authorizeAnywhere(ctx, 'roster.import');
	const sheet = await parseUpload<Sheet>({ kind: 'roster', upload }, ctx.user.id);
	const plan = await planRoster(ctx, sheet);
	const counts = { create: 0, update: 0, unchanged: 0 };
	for (const r of plan.rows) counts[r.action]++;
	// a broken 5,000-row file has thousands of problems: a page of them all helps nobody
	const { issues: errors, issueCount: errorCount } = capIssues(plan.errors);
	const stagedId =
		plan.errors.length === 0
			? await stage(ctx, ROSTER_KIND, { fileName: upload.name, payload: sheet })
			: null;
	const fileName = boundFileName(upload.name);
	const preview: RosterPreview = {
		fileName,
		stagedId,
		rows: plan.rows.map((r) => ({
			line: r.line,
			action: r.action,
			changes: r.changes,
			employeeNo: r.fields.employeeNo,
			name: r.fields.name,
			unit: r.unitLabel
		})),
		errors,
		errorCount,
		counts
	};
	// with errors nothing can be imported: the errors are shown, not the rows
	return keepPreview(ctx, ROSTER_KIND, fileName, preview, stagedId);
}

/** Another page of a roster preview of this user's. */
export async function rosterPreviewPage(
	ctx: Ctx,
	asked: { id: string; page: number }
): Promise<RosterPreviewPage> {
	authorizeAnywhere(ctx, 'roster.import');
	return previewPage<RosterPreview, PreviewRow>(ctx, ROSTER_KIND, asked);
}
