import { eq } from 'drizzle-orm';
import { loadSessionUser } from '../auth/session-user.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/index.ts';
import {
	type Rank,
	type Role,
	type UnitKind,
	law,
	lawArticle,
	lawVersion,
	person,
	practiceAnswer,
	questionBank,
	roleGrant,
	unit,
	user
} from '../db/schema/index.ts';
import type { QuestionStatus } from '$lib/schemas/enums.ts';
import { type QuestionContent, storeQuestion } from '../services/questions/store.ts';

// Hashing with argon2 in every factory call would make the suite slow; tests that need a real
// password hash one themselves.
export const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$bm9wZQ$bm9wZQ';

let counter = 0;
const next = () => ++counter;

export async function makeUnit(
	db: Db,
	opts: { name?: string; parentId?: number | null; kind?: UnitKind } = {}
) {
	const parent =
		opts.parentId == null
			? undefined
			: (await db.select().from(unit).where(eq(unit.id, opts.parentId)))[0];
	const [row] = await db
		.insert(unit)
		.values({
			name: opts.name ?? `单位${next()}`,
			parentId: parent?.id ?? null,
			kind: opts.kind ?? 'office',
			path: ''
		})
		.returning();
	const path = `${parent?.path ?? '/'}${row!.id}/`;
	await db.update(unit).set({ path }).where(eq(unit.id, row!.id));
	return { ...row!, path };
}

export async function makePerson(
	db: Db,
	unitId: number,
	opts: {
		name?: string;
		employeeNo?: string;
		rank?: Rank;
		appointmentRoute?: 'congress' | 'government';
	} = {}
) {
	const n = next();
	const [row] = await db
		.insert(person)
		.values({
			unitId,
			name: opts.name ?? `测试${n}`,
			employeeNo: opts.employeeNo ?? `T${String(n).padStart(5, '0')}`,
			rank: opts.rank ?? 'staff',
			appointmentRoute: opts.appointmentRoute ?? 'government'
		})
		.returning();
	return row!;
}

/** A person with an account and the given role grants (`[role, unitId]`). */
export async function makeUser(
	db: Db,
	unitId: number,
	grants: [Role, number][] = [],
	opts: { username?: string; passwordHash?: string } = {}
) {
	const p = await makePerson(db, unitId, { employeeNo: opts.username });
	const [u] = await db
		.insert(user)
		.values({
			username: opts.username ?? p.employeeNo,
			displayName: p.name,
			personId: p.id,
			passwordHash: opts.passwordHash ?? NO_PASSWORD
		})
		.returning();
	for (const [role, grantUnit] of [['cadre', unitId] as [Role, number], ...grants]) {
		await db
			.insert(roleGrant)
			.values({ userId: u!.id, role, unitId: grantUnit })
			.onConflictDoNothing();
	}
	return { user: u!, person: p };
}

/** The service context of an existing user, at a fixed time unless one is given. */
export async function ctxFor(
	db: Db,
	userId: number,
	now = new Date('2026-03-02T09:00:00+08:00')
): Promise<Ctx> {
	const sessionUser = await loadSessionUser(db, userId);
	if (!sessionUser) throw new Error(`no user ${userId}`);
	return { db, user: sessionUser, now };
}

/** A small district: root → bureau A (→ section A1), street B; an admin on the root. */
export async function district(db: Db) {
	const root = await makeUnit(db, { name: '测试区政府', kind: 'government' });
	const a = await makeUnit(db, { name: '区司法局', parentId: root.id, kind: 'bureau' });
	const a1 = await makeUnit(db, { name: '法治督察科', parentId: a.id });
	const b = await makeUnit(db, { name: '东城街道', parentId: root.id, kind: 'street' });
	const admin = await makeUser(db, root.id, [['admin', root.id]], { username: 'root-admin' });
	return { root, a, a1, b, admin };
}

/** A question bank owned by `unitId`. */
export async function makeBank(db: Db, unitId: number, name = '测试题库') {
	const now = new Date('2026-03-01T00:00:00+08:00');
	const [row] = await db
		.insert(questionBank)
		.values({ unitId, name, createdAt: now, updatedAt: now })
		.returning();
	return row!;
}

/** A valid single-choice question; override any field of its content. */
export function singleChoice(overrides: Partial<QuestionContent> = {}): QuestionContent {
	return {
		type: 'single',
		stem: '行政机关在作出行政处罚决定之前，应当告知当事人什么？',
		explanation: '见《行政处罚法》第四十四条。',
		difficulty: 2,
		laws: [{ lawId: '行政处罚法', articleNo: 44 }],
		topic: '行政处罚程序',
		tags: ['程序'],
		options: [
			{ id: 'a', text: '拟作出的行政处罚内容及事实、理由、依据', correct: true },
			{ id: 'b', text: '执法人员的家庭住址', correct: false },
			{ id: 'c', text: '罚款的用途', correct: false },
			{ id: 'd', text: '无需告知', correct: false }
		],
		...overrides
	} as QuestionContent;
}

/** Stores a question in a bank (reviewed and ready, unless `status` says otherwise) and returns its id. */
export async function makeQuestion(
	db: Db,
	bankId: number,
	content: QuestionContent = singleChoice(),
	status: QuestionStatus = 'ready'
) {
	const stored = await db.transaction((tx) =>
		storeQuestion(
			{ db: tx, now: new Date('2026-03-01T00:00:00+08:00'), user: null },
			bankId,
			content,
			{ status }
		)
	);
	return stored.questionId;
}

/** `n` right practice answers by the person to the question at `iso` (study credits count them). */
export async function makePracticeAnswers(
	db: Db,
	personId: number,
	questionId: number,
	iso: string,
	n: number
) {
	await db.insert(practiceAnswer).values(
		Array.from({ length: n }, () => ({
			personId,
			questionId,
			version: 1,
			mode: 'practice' as const,
			response: { type: 'single', choice: 'A' },
			fraction: 1,
			outcome: 'right' as const,
			timeMs: 1000,
			answeredAt: new Date(iso)
		}))
	);
}

/** A law in the library with a current version holding only the given articles. */
export async function makeLaw(db: Db, shortTitle: string, articleNos: number[]) {
	const now = new Date();
	const [l] = await db
		.insert(law)
		.values({ title: `中华人民共和国${shortTitle}`, shortTitle, createdAt: now })
		.returning();
	const [v] = await db
		.insert(lawVersion)
		.values({ lawId: l!.id, label: '1', sourceFormat: 'text', contentHash: 'x', importedAt: now })
		.returning();
	await db
		.insert(lawArticle)
		.values(
			articleNos.map((articleNo) => ({ versionId: v!.id, articleNo, text: `第${articleNo}条` }))
		);
	return l!;
}
