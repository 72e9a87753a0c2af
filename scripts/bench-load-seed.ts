// The database `npm run bench:load` drives, filled through the app's own services in a process of
// its own (run by scripts/bench-load.mjs, never by the server it measures): a generated bank of
// ready single-choice questions, a published exam drawing from it, and a sitting whose roster
// holds `candidates` generated cadres, all with one password hashed once.
//   node --conditions=@xuefa/source --import tsx scripts/bench-load-seed.ts <file> <candidates> <questions> <per paper>
// Prints one JSON line: the sitting's id and the candidates' logins.
import { transact } from '../src/lib/server/context.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { person, roleGrant, user } from '../src/lib/server/db/schema/index.ts';
import { hashPassword } from '../src/lib/server/auth/password.ts';
import { useAuditKey } from '../src/lib/server/services/audit/key.ts';
import { publishExam, saveExam } from '../src/lib/server/services/exams/mutate.ts';
import { createSitting } from '../src/lib/server/services/exams/sittings.ts';
import { storeQuestion } from '../src/lib/server/services/questions/store.ts';
import { ctxFor, district, makeBank, makeUser } from '../src/lib/server/testing/factories.ts';
import { examInput, sittingInput } from '../src/lib/schemas/exams.ts';

const [file, candidatesArg, questionsArg, perPaperArg] = process.argv.slice(2);
const CANDIDATES = Number(candidatesArg);
const QUESTIONS = Number(questionsArg);
const PER_PAPER = Number(perPaperArg);
const PASSWORD = 'bench-load-2026';
const BATCH = 500;

// the servers are started with the same key, so that they accept the checkpoints written here
useAuditKey(process.env.XUEFA_AUDIT_KEY ?? '');
const { db, client } = await openDatabase(`file:${file}`, { migrationsFolder: './drizzle' });
const d = await district(db);
const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
const bank = await makeBank(db, d.root.id, '压力测试题库');

// generated questions, each unlike the others; only the numbering changes from one to the next
await transact({ db }, async (tx) => {
	const at = { db: tx.db, now: new Date(), user: null };
	for (let i = 1; i <= QUESTIONS; i++) {
		const options = ['a', 'b', 'c', 'd'].map((id, k) => ({
			id,
			text: `第${i}题的选项${k + 1}：依照法定权限和程序行使职权`,
			correct: k === 0
		}));
		await storeQuestion(
			at,
			bank.id,
			{
				type: 'single',
				stem: `压力测试第${i}题：行政机关实施行政管理，应当依照哪一项？`,
				explanation: '依法行政。',
				difficulty: 1 + (i % 5),
				laws: [{ lawId: '行政处罚法', articleNo: 1 + (i % 80) }],
				topic: `专题${i % 20}`,
				tags: [`标签${i % 50}`],
				options
			},
			{ externalId: `L${i}`, status: 'ready' }
		);
	}
});

// candidates: one hash for all (argon2 is slow on purpose), written in batches
const passwordHash = await hashPassword(PASSWORD);
const usernames: string[] = [];
for (let from = 1; from <= CANDIDATES; from += BATCH) {
	const numbers = Array.from(
		{ length: Math.min(BATCH, CANDIDATES - from + 1) },
		(_, k) => `LOAD${String(from + k).padStart(6, '0')}`
	);
	await transact({ db }, async (tx) => {
		const people = await tx.db
			.insert(person)
			.values(
				numbers.map((no) => ({
					unitId: d.a1.id,
					name: `考生${no.slice(4)}`,
					employeeNo: no,
					rank: 'staff' as const,
					appointmentRoute: 'government' as const
				}))
			)
			.returning({ id: person.id, employeeNo: person.employeeNo });
		const users = await tx.db
			.insert(user)
			.values(
				people.map((p) => ({
					username: p.employeeNo,
					displayName: `考生${p.employeeNo.slice(4)}`,
					personId: p.id,
					passwordHash
				}))
			)
			.returning({ id: user.id });
		await tx.db
			.insert(roleGrant)
			.values(users.map((u) => ({ userId: u.id, role: 'cadre' as const, unitId: d.a1.id })));
	});
	usernames.push(...numbers);
}

// the exam and its sitting, opening tomorrow: each run moves the window to the end of its login
// ramp (scripts/bench-load.mjs), so that the papers are drawn ahead as they would be on the day
const org = await ctxFor(db, organiser.user.id, new Date());
const examId = await saveExam(
	org,
	examInput.parse({
		title: '压力测试考试',
		kind: 'pre_appointment',
		paperKind: 'blueprint',
		bankIds: [bank.id],
		unitId: d.root.id,
		count_single: String(PER_PAPER),
		points_single: String(Math.max(1, Math.floor(100 / PER_PAPER))),
		shuffle: 'on',
		passMark: '60',
		bandExcellent: '90',
		bandGood: '80',
		durationMinutes: '180',
		maxAttempts: '1',
		counts: 'last',
		multiple: 'partial_half',
		reviewScore: 'after_submit',
		reviewAnswers: 'never',
		reviewExplanations: 'never'
	})
);
await publishExam(org, { examId });
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
const sittingId = await createSitting(
	org,
	sittingInput.parse({
		examId,
		name: '压力测试场次',
		opensAt: beijing(Date.now() + 24 * 3600_000),
		closesAt: beijing(Date.now() + 30 * 3600_000),
		unitIds: [d.a1.id]
	})
);
await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
client.close();
console.log(JSON.stringify({ sittingId, usernames, password: PASSWORD }));
