/** The first issues of a file are shown; the rest are counted (a broken 5 MB file has millions). */
export const MAX_ISSUES = 200;

/** Keeps the first {@link MAX_ISSUES} issues and says how many there were in all. */
export function capIssues<I>(issues: I[]): { issues: I[]; issueCount: number } {
	return { issues: issues.slice(0, MAX_ISSUES), issueCount: issues.length };
}
