import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import type { Response } from '@xuefa/core';
import { expect, it } from 'vitest';
import { databaseBefore } from '../testing/db.ts';
import { examSetup, passEnforcement } from '../testing/exams.ts';
import { certificate, certificateEvent, examAnswer, examAttempt } from './schema/index.ts';

const run = promisify(execFile);

// drizzle-kit loads the schema with Node's own resolution, which must find @xuefa/core's sources
// the way the app does; and a schema change without its migration would only show at start-up
it('the committed migrations match the drizzle schema: generating finds nothing to do', async () => {
	const out = join(mkdtempSync(join(tmpdir(), 'xuefa-migrations-')), 'drizzle');
	cpSync('drizzle', out, { recursive: true });
	try {
		const { stdout } = await run('npx', [
			'drizzle-kit',
			'generate',
			'--dialect=turso',
			'--casing=snake_case',
			'--schema=./src/lib/server/db/schema/index.ts',
			// drizzle-kit wants a relative folder
			`--out=${relative(process.cwd(), out)}`
		]);
		expect(stdout).toContain('No schema changes');
	} finally {
		rmSync(join(out, '..'), { recursive: true, force: true });
	}
}, 60_000);

// 0033: certificates revoked by an event before the event set the certificate's own columns
it('the revoke backfill gives an event-revoked certificate the day and reason of its revocation', async () => {
	const s = await examSetup();
	const revoked = (await passEnforcement(s))!;
	// as an older version left it: the events, not the columns
	await s.db.insert(certificateEvent).values([
		{
			certificateId: revoked.id,
			kind: 'suspended',
			on: '2026-04-01',
			reason: '待查',
			createdAt: new Date()
		},
		{
			certificateId: revoked.id,
			kind: 'revoked',
			on: '2026-05-01',
			reason: '违法执法',
			createdAt: new Date()
		}
	]);
	await s.db
		.update(certificate)
		.set({ revokedOn: null, revokeReason: null })
		.where(eq(certificate.id, revoked.id));
	const backfill = readFileSync('drizzle/0033_certificate_revoked_backfill.sql', 'utf8');
	await s.db.run(sql.raw(backfill.replace(/^--.*$/gm, '')));
	const [row] = await s.db.select().from(certificate).where(eq(certificate.id, revoked.id));
	expect(row).toMatchObject({ revokedOn: '2026-05-01', revokeReason: '违法执法' });
});

// 0035: a finished roster job's sealed passwords moved out of its row, into import_secret
it('keeps the sealed passwords of a job finished before the upgrade readable', async () => {
	const { client, finish } = await databaseBefore('0035_import_secret_apart');
	await client.executeMultiple(`
		INSERT INTO user (id, username, display_name, password_hash) VALUES (1, 'hr', 'HR', 'x');
		INSERT INTO import_job (id, user_id, kind, file_name, state, sealed, created_at, updated_at, expires_at)
			VALUES ('a', 1, 'roster', 'a.xlsx', 'done', 'sealed-a', 0, 0, 1),
				('b', 1, 'roster', 'b.xlsx', 'failed', NULL, 0, 0, 1);
	`);
	await finish();
	const rows = await client.execute('SELECT job_id, sealed FROM import_secret');
	expect(rows.rows.map((r) => [r.job_id, r.sealed])).toEqual([['a', 'sealed-a']]);
	const columns = await client.execute("SELECT name FROM pragma_table_info('import_job')");
	expect(columns.rows.map((r) => r.name)).not.toContain('sealed');
});

// 0038: a response that says nothing, saved before the save stored it as a cleared answer
it('clears the saved responses that say nothing, and keeps every answer that says something', async () => {
	const s = await examSetup();
	await passEnforcement(s);
	const [attempt] = await s.db.select({ id: examAttempt.id }).from(examAttempt);
	const saved: Record<string, Response> = {
		blankEssay: { type: 'essay', text: ' \u3000\n' },
		essay: { type: 'essay', text: '应当听证' },
		noChoice: { type: 'single', choice: null },
		choice: { type: 'single', choice: 'B' },
		noneTicked: { type: 'multiple', choices: [] },
		saidFalse: { type: 'truefalse', answer: false },
		blankFill: { type: 'fill', blanks: ['', '  '] },
		oneBlank: { type: 'fill', blanks: ['', '警告'] },
		blankCase: {
			type: 'case',
			parts: [
				{ type: 'essay', text: '' },
				{ type: 'truefalse', answer: null }
			]
		},
		nullParts: { type: 'case', parts: [null, { type: 'essay', text: '\u2002\u3000' }] },
		oddSpaces: { type: 'essay', text: '\u2002\u205f\u00a0\ufeff' },
		casePart: {
			type: 'case',
			parts: [
				{ type: 'essay', text: '' },
				{ type: 'multiple', choices: ['A'] }
			]
		}
	};
	await s.db.delete(examAnswer);
	await s.db.insert(examAnswer).values(
		Object.entries(saved).map(([questionId, response], i) => ({
			attemptId: attempt!.id,
			questionId,
			response,
			seq: i + 1,
			savedAt: new Date()
		}))
	);
	const migration = readFileSync('drizzle/0038_blank_answers_cleared.sql', 'utf8');
	await s.db.run(sql.raw(migration.replace(/^--.*$/gm, '')));
	const kept = await s.db
		.select({ questionId: examAnswer.questionId })
		.from(examAnswer)
		.where(sql`${examAnswer.response} IS NOT NULL`);
	expect(kept.map((r) => r.questionId).sort()).toEqual(
		['casePart', 'choice', 'essay', 'oneBlank', 'saidFalse'].sort()
	);
});

// 0042: an attempt's paper moved into exam_paper, which the attempt points to
it('keeps every attempt’s own paper when papers move to a table of their own', async () => {
	const { client, finish } = await databaseBefore('0042_paper_of_its_own');
	// the rows the attempts belong to do not matter here
	await client.execute('PRAGMA foreign_keys = OFF');
	await client.executeMultiple(`
		INSERT INTO exam_attempt (id, sitting_id, exam_id, person_id, number, state, seed, paper,
			question_ids, view, answer_shapes, started_at, deadline, manual_scores)
		VALUES (7, 1, 1, 1, 1, 'graded', 's7', '{"sections":[],"totalPoints":7}', '["3"]', NULL, NULL, 0, 1, '{}'),
			(9, 1, 1, 2, 1, 'in_progress', 's9', '{"sections":[],"totalPoints":9}', '["4","5"]',
				'{"items":[]}', '{"4":"single"}', 0, 1, '{}');
		INSERT INTO exam_prepared_paper (sitting_id, person_id, signature, seed, paper, question_ids,
			view, prepared_at) VALUES (1, 3, 'sig', 'p', '{"sections":[]}', '[]', '{"items":[]}', 0);
	`);
	await finish();
	const rows =
		await client.execute(`SELECT a.id, p.seed, json_extract(p.paper, '$.totalPoints') AS points,
		p.question_ids, p.view, p.answer_shapes FROM exam_attempt a JOIN exam_paper p ON p.id = a.paper_id
		ORDER BY a.id`);
	expect(rows.rows.map((r) => ({ ...r }))).toEqual([
		{ id: 7, seed: 's7', points: 7, question_ids: '["3"]', view: null, answer_shapes: null },
		{
			id: 9,
			seed: 's9',
			points: 9,
			question_ids: '["4","5"]',
			view: '{"items":[]}',
			answer_shapes: '{"4":"single"}'
		}
	]);
	const columns = await client.execute(
		'SELECT name, "notnull" FROM pragma_table_info(\'exam_attempt\')'
	);
	expect(columns.rows.map((r) => r.name)).not.toContain('paper');
	expect(columns.rows.find((r) => r.name === 'paper_id')?.notnull).toBe(1);
	// prepared papers are drawn again by the next round
	expect((await client.execute('SELECT count(*) AS n FROM exam_prepared_paper')).rows[0]!.n).toBe(
		0
	);
	// a new paper is numbered after the attempts' own
	await client.execute(
		"INSERT INTO exam_paper (seed, paper, question_ids) VALUES ('new', '{}', '[]')"
	);
	expect((await client.execute("SELECT id FROM exam_paper WHERE seed = 'new'")).rows[0]!.id).toBe(
		10
	);
});

// 0042 rebuilds exam_attempt: with foreign keys enforced, dropping it would delete what cascades
it('refuses to rebuild the attempts with foreign keys on, and loses nothing', async () => {
	const { client } = await databaseBefore('0042_paper_of_its_own');
	await client.execute('PRAGMA foreign_keys = OFF');
	await client.executeMultiple(`
		INSERT INTO exam_attempt (id, sitting_id, exam_id, person_id, number, state, seed, paper,
			question_ids, started_at, deadline, manual_scores)
		VALUES (1, 1, 1, 1, 1, 'graded', 's', '{}', '[]', 0, 1, '{}');
		INSERT INTO exam_answer (attempt_id, question_id, response, flagged, seq, saved_at)
			VALUES (1, '3', '{"type":"single","choice":"A"}', 0, 1, 0);
	`);
	await client.execute('PRAGMA foreign_keys = ON');
	const migration = readFileSync('drizzle/0042_paper_of_its_own.sql', 'utf8');
	await expect(client.executeMultiple(migration)).rejects.toThrow(/CHECK constraint failed/);
	expect((await client.execute('SELECT count(*) AS n FROM exam_answer')).rows[0]!.n).toBe(1);
	expect((await client.execute('SELECT count(*) AS n FROM exam_attempt')).rows[0]!.n).toBe(1);
});

// drizzle-kit knows nothing of triggers: a table it rebuilds one day would lose them silently
it('keeps the triggers that spend and free prepared papers', async () => {
	const { client, finish } = await databaseBefore('0042_paper_of_its_own');
	await finish();
	const triggers = await client.execute(
		"SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%paper%' ORDER BY name"
	);
	expect(triggers.rows.map((r) => [r.name, r.tbl_name])).toEqual([
		['exam_attempt_spends_prepared_paper', 'exam_attempt'],
		['exam_prepared_paper_frees_paper', 'exam_prepared_paper'],
		['exam_prepared_paper_replaces_paper', 'exam_prepared_paper']
	]);
});
