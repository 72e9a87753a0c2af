import { describe, expect, it } from 'vitest';
import { utf16 } from '../../testing/encodings.ts';
import { readQuestionFile } from './read-upload.ts';

describe('reading question files saved by other programs', () => {
	it('a GIFT file Notepad saved as "Unicode" imports its question, not garbage', async () => {
		const read = await readQuestionFile({
			name: '题库.txt',
			bytes: utf16('::q1::行政法规可以设定吊销营业执照。{T}\r\n')
		});
		expect(read.result.issues).toEqual([]);
		expect(read.result.questions).toEqual([
			expect.objectContaining({
				id: 'q1',
				type: 'truefalse',
				stem: '行政法规可以设定吊销营业执照。',
				answer: true
			})
		]);
	});

	it('an Aiken file Notepad saved as "Unicode" is recognised as Aiken', async () => {
		const read = await readQuestionFile({
			name: '题库.txt',
			bytes: utf16('听证应当在几日前通知？\r\nA. 三日\r\nB. 七日\r\nANSWER: B\r\n')
		});
		expect(read.format).toBe('aiken');
		expect(read.result.questions).toEqual([
			expect.objectContaining({
				stem: '听证应当在几日前通知？',
				options: [
					expect.objectContaining({ text: '三日', correct: false }),
					expect.objectContaining({ text: '七日', correct: true })
				]
			})
		]);
	});
});
