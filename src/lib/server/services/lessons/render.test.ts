import { describe, expect, it } from 'vitest';
import { renderLessonText } from './render.ts';

describe('renderLessonText', () => {
	it('links a citation to its article', () => {
		const html = renderLessonText('见[[行政处罚法第45条]]。');
		expect(html).toContain(`href="/laws/cite/${encodeURIComponent('行政处罚法')}/45"`);
	});

	it('a lesson whose text holds the placeholder characters still renders, with no forged link', () => {
		// the pair the renderer uses for citations, typed (or pasted) into the lesson
		const html = renderLessonText('甲\uE0003\uE001乙，见[[行政处罚法第45条]]，丙\uE0000\uE001丁');
		expect(html).toContain('甲3乙');
		expect(html).toContain('丙0丁');
		expect(html.match(/<a /g)).toHaveLength(1);
	});
});
