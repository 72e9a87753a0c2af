import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { statuteVersionLabel } from '@xuefa/core';
import { readConfig } from '../../config.ts';
import type { Tx } from '../../db/index.ts';
import { appendAudit } from '../audit/append.ts';
import { parseSource } from './source.ts';
import { writeStatuteVersion } from './write.ts';

/** Where the project's statutes live (XUEFA_LAWS_DIR, see config.ts). */
export function lawsDir(): string {
	return readConfig().lawsDir;
}

/**
 * Imports every statute (*.md) of the laws folder, each as its law's first version, inside the
 * caller's transaction (the demo seed's). Does nothing when the folder is absent: the library then
 * starts empty and organisers import statutes themselves.
 * @returns the titles imported
 */
export async function seedStatutes(
	tx: { db: Tx; now: Date; user: null },
	dir = lawsDir()
): Promise<string[]> {
	if (!existsSync(dir)) return [];
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
		.sort();
	const titles: string[] = [];
	for (const file of files) {
		const parsed = parseSource(readFileSync(join(dir, file), 'utf8'), file, 'markdown');
		if (parsed.issues.length > 0 || !parsed.statute.title) continue;
		const label = statuteVersionLabel(parsed.statute.history, file) || file;
		const written = await writeStatuteVersion(tx, { ...parsed, label });
		await appendAudit(tx, {
			action: 'law.imported',
			entityType: 'law',
			entityId: written.lawId,
			after: { title: parsed.statute.title, versionId: written.versionId, label, fileName: file }
		});
		titles.push(parsed.statute.title);
	}
	return titles;
}
