import type { Issue } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import { articleLabel } from '$lib/laws.ts';

/** A parse issue as a sentence with its line: 第 12 行：条文编号不连续…… */
export function issueText(issue: Issue): string {
	const data = { ...issue.data };
	for (const k of ['no', 'expected'] as const) {
		if (typeof data[k] === 'number') data[k] = articleLabel(data[k]);
	}
	const key = `law_issue_${issue.code.replace(/^statute\./, '').replace(/\./g, '_')}`;
	return t('law_issue_line', { line: issue.line ?? 1, message: t(key, data) });
}
