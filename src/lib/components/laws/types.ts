import type { getLawVersion } from '$lib/server/services/laws/read.ts';

/** What a law page (any version) shows. */
export type LawPage = Awaited<ReturnType<typeof getLawVersion>>;
export type { HeadingNode } from '$lib/server/services/laws/read.ts';
