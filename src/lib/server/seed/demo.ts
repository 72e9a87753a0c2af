import { count, eq } from 'drizzle-orm';
import { hashPassword } from '../auth/password.ts';
import type { ReadDb, Tx } from '../db/index.ts';
import { transact } from '../context.ts';
import {
	type Rank,
	type Role,
	type UnitKind,
	person,
	roleGrant,
	unit,
	user
} from '../db/schema/index.ts';
import { appendAudit } from '../services/audit/append.ts';
import { seedStatutes } from '../services/laws/seed.ts';
import { seedDemoBank } from './demo-bank/index.ts';
import { seedDemoHr } from './demo-hr.ts';
import { seedDemoLessons } from './demo-lessons.ts';
import { seedDemoStudy } from './demo-study.ts';
import { chineseName, pick, seeded } from './names.ts';

/** The password of every demo account; printed at start and shown on the login page in demo mode. */
export const DEMO_PASSWORD = 'xuefa2026';

export interface DemoAccount {
	username: string;
	password: string;
	roles: string;
}

interface UnitSpec {
	name: string;
	kind: UnitKind;
	people: number;
	positions: [string, Rank][];
}

const ROOT = '示范区人民政府';
const UNITS: UnitSpec[] = [
	{
		name: '区政府办公室',
		kind: 'office',
		people: 6,
		positions: [
			['主任', 'division'],
			['副主任', 'deputy_division'],
			['秘书科科长', 'section'],
			['科员', 'staff']
		]
	},
	{
		name: '区司法局',
		kind: 'bureau',
		people: 8,
		positions: [
			['局长', 'division'],
			['副局长', 'deputy_division'],
			['法治督察科科长', 'section'],
			['普法与依法治理科科员', 'staff']
		]
	},
	{
		name: '区委组织部',
		kind: 'bureau',
		people: 6,
		positions: [
			['副部长', 'deputy_division'],
			['干部科科长', 'section'],
			['干部科科员', 'staff']
		]
	},
	{
		name: '区市场监督管理局',
		kind: 'bureau',
		people: 9,
		positions: [
			['局长', 'division'],
			['法规科科长', 'section'],
			['执法大队队员', 'staff'],
			['食品安全科副科长', 'deputy_section']
		]
	},
	{
		name: '区城市管理综合执法局',
		kind: 'bureau',
		people: 9,
		positions: [
			['局长', 'division'],
			['执法一中队中队长', 'section'],
			['执法队员', 'staff'],
			['法制科科员', 'clerk']
		]
	},
	{
		name: '区人力资源和社会保障局',
		kind: 'bureau',
		people: 6,
		positions: [
			['局长', 'division'],
			['劳动监察大队副大队长', 'deputy_section'],
			['科员', 'staff']
		]
	},
	{
		name: '东城街道办事处',
		kind: 'street',
		people: 8,
		positions: [
			['主任', 'division'],
			['副主任', 'deputy_division'],
			['综合执法队队长', 'section'],
			['法制员', 'staff']
		]
	},
	{
		name: '西湖街道办事处',
		kind: 'street',
		people: 8,
		positions: [
			['主任', 'division'],
			['副主任', 'deputy_division'],
			['党政办主任', 'section'],
			['科员', 'staff']
		]
	}
];

/** Demo logins: a fixed login name, where the person works, and what they may do where. */
const DEMO_USERS: {
	username: string;
	unit: string;
	position: string;
	rank: Rank;
	grants: [Role, string][];
}[] = [
	{
		username: 'admin',
		unit: ROOT,
		position: '信息中心系统管理员',
		rank: 'staff',
		grants: [['admin', ROOT]]
	},
	{
		username: 'organiser',
		unit: '区司法局',
		position: '法治督察科科长',
		rank: 'section',
		grants: [
			['organiser', ROOT],
			['grader', ROOT]
		]
	},
	{
		username: 'street',
		unit: '东城街道办事处',
		position: '法制员',
		rank: 'staff',
		grants: [['organiser', '东城街道办事处']]
	},
	{
		username: 'hr',
		unit: '区委组织部',
		position: '干部科科长',
		rank: 'section',
		grants: [['hr', ROOT]]
	},
	{
		username: 'grader',
		unit: '区司法局',
		position: '普法与依法治理科科员',
		rank: 'staff',
		grants: [['grader', ROOT]]
	},
	{
		username: 'cadre',
		unit: '区市场监督管理局',
		position: '法规科副科长',
		rank: 'deputy_section',
		grants: []
	}
];

/**
 * Seeds the fictional 示范区 district — units, about 60 people, an account for each (login =
 * employee number), the demo logins, the demo question bank, and the statutes of
 * ../shared/data/laws when that folder exists — when the database has no units yet. Returns the
 * demo accounts, or null when the database was not empty.
 */
export async function seedDemoIfEmpty(db: ReadDb, now: Date): Promise<DemoAccount[] | null> {
	const [existing] = await db.select({ n: count() }).from(unit);
	if ((existing?.n ?? 0) > 0) return null;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	// the same write path as every service: one queued transaction
	return transact({ db, now, user: null }, async (tx) => {
		const [again] = await tx.db.select({ n: count() }).from(unit);
		if ((again?.n ?? 0) > 0) return null; // another process seeded first
		const accounts = await seedOrganisation(tx, passwordHash);
		await seedStatutes(tx);
		return accounts;
	});
}

async function seedOrganisation(ctx: { db: Tx; now: Date; user: null }, passwordHash: string) {
	const { db, now } = ctx;
	const rng = seeded(20260101);
	const unitIds = new Map<string, number>();
	const [root] = await db
		.insert(unit)
		.values({ name: ROOT, kind: 'government', path: '', createdAt: now })
		.returning();
	await db
		.update(unit)
		.set({ path: `/${root!.id}/` })
		.where(eq(unit.id, root!.id));
	unitIds.set(ROOT, root!.id);
	for (const [i, spec] of UNITS.entries()) {
		const [u] = await db
			.insert(unit)
			.values({
				parentId: root!.id,
				name: spec.name,
				kind: spec.kind,
				path: '',
				sortOrder: i,
				createdAt: now
			})
			.returning();
		await db
			.update(unit)
			.set({ path: `/${root!.id}/${u!.id}/` })
			.where(eq(unit.id, u!.id));
		unitIds.set(spec.name, u!.id);
	}

	let serial = 1;
	const employeeNo = () => `SF${String(serial++).padStart(4, '0')}`;
	const addPerson = async (
		unitName: string,
		name: string,
		position: string,
		rank: Rank,
		username?: string
	) => {
		const no = employeeNo();
		const leading = rank === 'division' || rank === 'deputy_division';
		const [p] = await db
			.insert(person)
			.values({
				unitId: unitIds.get(unitName)!,
				name,
				employeeNo: no,
				position,
				rank,
				// most heads of bureaus are appointed by the standing committee of the people's congress
				appointmentRoute:
					leading && position.includes('局长') && !position.includes('副')
						? 'congress'
						: 'government',
				createdAt: now,
				updatedAt: now
			})
			.returning();
		const [u] = await db
			.insert(user)
			.values({
				username: username ?? no,
				displayName: name,
				personId: p!.id,
				passwordHash,
				createdAt: now
			})
			.returning();
		await db
			.insert(roleGrant)
			.values({ userId: u!.id, role: 'cadre', unitId: unitIds.get(unitName)!, grantedAt: now });
		return u!.id;
	};

	const demo: DemoAccount[] = [];
	for (const d of DEMO_USERS) {
		const userId = await addPerson(d.unit, chineseName(rng), d.position, d.rank, d.username);
		for (const [role, unitName] of d.grants) {
			await db
				.insert(roleGrant)
				.values({ userId, role, unitId: unitIds.get(unitName)!, grantedAt: now });
		}
		demo.push({
			username: d.username,
			password: DEMO_PASSWORD,
			roles:
				d.grants.length === 0
					? 'cadre @ ' + d.unit
					: d.grants.map(([r, u]) => `${r} @ ${u}`).join(', ')
		});
	}
	for (const spec of UNITS) {
		for (let i = 0; i < spec.people; i++) {
			const [position, rank] =
				i < spec.positions.length - 1 ? spec.positions[i]! : pick(rng, spec.positions.slice(-2));
			await addPerson(spec.name, chineseName(rng), position, rank);
		}
	}
	// the practice bank belongs to the district root, so every unit's cadres can use it
	await seedDemoBank(db, root!.id, now);
	await seedDemoStudy(db, root!.id, now, rng);
	await seedDemoLessons(db, root!.id, now);
	await seedDemoHr(db, now);
	await appendAudit(ctx, {
		action: 'demo.seeded',
		entityType: 'unit',
		entityId: root!.id,
		unitId: root!.id
	});
	return demo;
}
