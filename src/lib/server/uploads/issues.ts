/** The first issues of a file are shown; the rest are counted (a broken 5 MB file has millions). */
export const MAX_ISSUES = 200;

/** Keeps the first {@link MAX_ISSUES} issues and says how many there were in all. */
export function capIssues<I>(issues: I[]): { issues: I[]; issueCount: number } {
	return { issues: issues.slice(0, MAX_ISSUES), issueCount: issues.length };
}

/**
 * The problems an import job that failed at publish keeps with the job (the file no longer
 * imports): the first ones, as the preview lists them, and how many there were in all.
 */
export interface JobIssues<I> {
	errors: I[];
	errorCount: number;
}

/**
 * Caps a failed job's problems before they are stored with it (see {@link capIssues}).
 * @param total - how many there were in all, when `all` holds only the first of them (the upload
 * worker's reading is capped already)
 */
export function jobIssues<I>(all: I[], total = all.length): JobIssues<I> {
	const { issues: errors } = capIssues(all);
	return { errors, errorCount: Math.max(total, all.length) };
}

/**
 * A failed job's stored problems as its page shows them; a job that failed before they were
 * capped stored the bare list.
 */
export function storedJobIssues<D extends JobIssues<unknown>>(details: unknown): D | null {
	if (!details) return null;
	return (Array.isArray(details) ? jobIssues(details) : details) as D;
}
