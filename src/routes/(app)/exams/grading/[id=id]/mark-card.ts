/** The id of an answer's card on the grading page (the target of a link back to it). */
export function markCardId(item: { attemptId: number; key: string }): string {
	return `mark-${item.attemptId}-${item.key.replace('#', '-')}`;
}

/** What `markCardId` gives, and nothing else, as it comes back with a form. */
export const MARK_CARD_ID = /^mark-\d{1,12}-\d{1,12}(-\d{1,3})?$/;
