import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { MAX_PER_PERSON, parseUpload } from './pool.ts';
import type { UploadTask } from './tasks.ts';

const roster = (): UploadTask => ({
	kind: 'roster',
	upload: { name: 'r.csv', bytes: new TextEncoder().encode('工号,姓名\n000123,张三\n') }
});

describe('reading uploads on the worker', () => {
	it('reads at most two files of one person at once, and never turns the others away for it', async () => {
		const mine = Array.from({ length: MAX_PER_PERSON }, () => parseUpload(roster(), 1));
		const third = parseUpload(roster(), 1);
		await expect(third).rejects.toBeInstanceOf(AppError);
		await expect(third).rejects.toMatchObject({ code: 'upload_busy_own' });
		// someone else's file is read meanwhile
		await expect(parseUpload(roster(), 2)).resolves.toBeTruthy();
		await Promise.all(mine);
		// once the first two are read, the person may upload again
		await expect(parseUpload(roster(), 1)).resolves.toBeTruthy();
	});

	it('frees the person’s turn when a file fails to read', async () => {
		const bad = (): UploadTask => ({
			kind: 'roster',
			upload: { name: 'r.xlsx', bytes: new TextEncoder().encode('not a workbook') }
		});
		for (let i = 0; i <= MAX_PER_PERSON; i++)
			await expect(parseUpload(bad(), 3)).rejects.not.toMatchObject({ code: 'upload_busy_own' });
	});
});
