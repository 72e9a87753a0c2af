import { m } from '$lib/i18n.ts';
import { practiceSourceLabel } from '$lib/labels/practice.ts';
import type { PracticeSource } from '$lib/server/db/schema/practice-session.ts';

/** The heading of a practice set: what it was drawn from. */
export function sourceLabel(source: PracticeSource): string {
	return practiceSourceLabel(source.by, { label: source.label });
}

/** A topic's name, or "uncategorised" for questions without one. */
export const topicLabel = (topic: string) => topic || m.practice_topic_none();

/** A readiness or share in [0, 1] as a whole percentage. */
export const percent = (x: number) => Math.round(x * 100);
