import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadSessionUser } from '../auth/session-user.ts';
import { user } from '../db/schema/index.ts';
import { getLesson, listLessons } from '../services/lessons/lessons.ts';
import { testDb } from '../testing/db.ts';
import { seedDemoIfEmpty } from './demo.ts';

describe('the demo lessons', () => {
	it('are published for the district, with questions, linked to the team’s sessions', async () => {
		const now = new Date('2026-05-20T10:00:00+08:00');
		const db = await testDb();
		await seedDemoIfEmpty(db, now);
		const [u] = await db.select().from(user).where(eq(user.username, 'cadre'));
		const cadre = { db, user: (await loadSessionUser(db, u!.id))!, now };
		const { lessons } = await listLessons(cadre);
		expect(lessons.map((l) => l.kind).sort()).toEqual(['case', 'case', 'lesson', 'lesson']);
		for (const l of lessons) {
			const page = await getLesson(cadre, l.id);
			expect(page.questionCount).toBeGreaterThan(0);
			expect(page.bodyHtml + page.parts.map((p) => p.html).join('')).toContain('/laws/cite/');
		}
		const linked = await Promise.all(lessons.map((l) => getLesson(cadre, l.id)));
		expect(linked.some((p) => p.sessions.length >= 2)).toBe(true);
	});
});
