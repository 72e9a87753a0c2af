/** What a preview's page shows (see services/imports/preview-pages.ts). */
export interface ShownPage {
	rows: readonly unknown[];
	previewId: string | null;
	page: number;
	pageSize: number;
	total: number;
}

/** The rows a preview's page shows, for its caption ("rows 51–60 of 60"). */
export const shownRows = (p: ShownPage) => ({
	from: p.total === 0 ? 0 : (p.page - 1) * p.pageSize + 1,
	to: (p.page - 1) * p.pageSize + p.rows.length,
	total: p.total
});
