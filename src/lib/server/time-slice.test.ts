import { describe, expect, it } from 'vitest';
import { timeSlices } from './time-slice.ts';

describe('timeSlices', () => {
	it('gives the event loop a turn once a slice has run its time, and only then', async () => {
		let now = 0;
		const pause = timeSlices(10, () => now);
		const turns: string[] = [];
		const other = () => setImmediate(() => turns.push('other request'));

		other();
		now = 9;
		await pause();
		turns.push('row 1');
		now = 10;
		await pause();
		turns.push('row 2');
		// the next slice starts when the loop gave its turn
		other();
		now = 19;
		await pause();
		turns.push('row 3');

		expect(turns).toEqual(['row 1', 'other request', 'row 2', 'row 3']);
	});
});
