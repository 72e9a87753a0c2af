import { describe, expect, it } from 'vitest';
import { citedRefs, lessonCitations, replaceCitations } from './lesson-citations.ts';

describe('lesson citations', () => {
	it('reads an article in Chinese or Arabic numerals, and a whole law', () => {
		const found = lessonCitations(
			'依[[《行政处罚法》第四十二条]]与[[行政处罚法 第 44 条]]，参见[[行政许可法]]'
		);
		expect(found.map((c) => c.ref)).toEqual([
			{ lawId: '行政处罚法', articleNo: 42 },
			{ lawId: '行政处罚法', articleNo: 44 },
			{ lawId: '行政许可法' }
		]);
	});

	it('lists each reference once', () => {
		expect(citedRefs(['[[行政处罚法第42条]]', '再看[[《行政处罚法》第四十二条]]'])).toEqual([
			{ lawId: '行政处罚法', articleNo: 42 }
		]);
	});

	it('puts tokens where citations were and leaves other brackets as typed', () => {
		const r = replaceCitations('见[[行政处罚法第42条]]和[[第X条]]', (i) => `@${i}@`);
		expect(r.text).toBe('见@0@和[[第X条]]');
		expect(r.citations).toEqual([
			{ ref: { lawId: '行政处罚法', articleNo: 42 }, label: '《行政处罚法》第四十二条' }
		]);
	});
});
