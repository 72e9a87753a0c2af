/**
 * 书面学法: a material (a text, a file, or both) distributed to a team. Each member opens it — the
 * first opening is recorded — and signs it off (签阅); the organiser sees who has not.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { datesNeedYear } from '@xuefa/core';
import type { CreateReadingInput, ReadingInput } from '$lib/schemas/study.ts';
import { can, canAnywhere, inScope } from '../../authz/index.ts';
import { type Ctx, transact, write } from '../../context.ts';
import {
	person,
	studyMaterial,
	studyReading,
	studyReadingSign,
	studyTeam,
	studyTeamMember,
	unit
} from '../../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { renderMarkdown } from '../../markdown.ts';
import { appendAudit } from '../audit/append.ts';
import { checkScope, isMember, loadTeam } from './access.ts';
import { acceptFile } from './materials.ts';

async function readingRow(ctx: Ctx, readingId: number) {
	const [row] = await ctx.db
		.select({
			reading: studyReading,
			unitPath: unit.path,
			unitName: unit.name,
			teamName: studyTeam.name
		})
		.from(studyReading)
		.innerJoin(unit, eq(unit.id, studyReading.unitId))
		.innerJoin(studyTeam, eq(studyTeam.id, studyReading.teamId))
		.where(eq(studyReading.id, readingId));
	return row
		? { ...row.reading, unitPath: row.unitPath, unitName: row.unitName, teamName: row.teamName }
		: undefined;
}

/** A reading the user manages (`study.manage` on its unit). */
async function loadManagedReading(ctx: Ctx, readingId: number) {
	const row = await readingRow(ctx, readingId);
	checkScope(ctx, 'study.manage', row?.unitPath);
	return row!;
}

/** A reading the user may see: through `study.read` on its unit, or as a member of its team. */
async function loadVisibleReading(ctx: Ctx, readingId: number) {
	const row = await readingRow(ctx, readingId);
	if (row && can(ctx.user, 'study.read', row.unitPath)) {
		const member = await isMember(ctx, row.teamId);
		return {
			reading: row,
			manage: can(ctx.user, 'study.manage', row.unitPath),
			member,
			read: true
		};
	}
	if (row && (await isMember(ctx, row.teamId))) {
		return { reading: row, manage: false, member: true, read: false };
	}
	throw row || !canAnywhere(ctx.user, 'study.read') ? new ForbiddenError() : new NotFoundError();
}

/** The first opening by a member is kept; later ones change nothing. */
async function recordOpened(ctx: Ctx, readingId: number) {
	const personId = ctx.user.personId;
	if (personId === null) return;
	await write(ctx.db, (db) =>
		db
			.insert(studyReadingSign)
			.values({ readingId, personId, openedAt: ctx.now })
			.onConflictDoNothing()
	);
}

/**
 * Who should sign a reading: its team's members, and anyone who opened or signed it (a member who
 * has since left keeps their record), each with when they opened and signed it.
 */
async function readingRoster(ctx: Ctx, reading: { id: number; teamId: number }) {
	return ctx.db
		.select({
			personId: person.id,
			name: person.name,
			unitName: unit.name,
			openedAt: studyReadingSign.openedAt,
			signedAt: studyReadingSign.signedAt
		})
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.leftJoin(
			studyReadingSign,
			and(eq(studyReadingSign.personId, person.id), eq(studyReadingSign.readingId, reading.id))
		)
		.leftJoin(
			studyTeamMember,
			and(eq(studyTeamMember.personId, person.id), eq(studyTeamMember.teamId, reading.teamId))
		)
		.where(
			or(eq(studyTeamMember.teamId, reading.teamId), eq(studyReadingSign.readingId, reading.id))
		)
		.orderBy(asc(unit.path), asc(person.name));
}

const materialsOf = (ctx: Ctx, readingId: number) =>
	ctx.db
		.select({ id: studyMaterial.id, fileName: studyMaterial.fileName, size: studyMaterial.size })
		.from(studyMaterial)
		.where(eq(studyMaterial.readingId, readingId))
		.orderBy(asc(studyMaterial.id));

/** The reading page: the material, the member's own 签阅, and for readers who has not signed. */
export async function getReading(ctx: Ctx, readingId: number) {
	const { reading, manage, member, read } = await loadVisibleReading(ctx, readingId);
	if (member) await recordOpened(ctx, reading.id);
	const roster = read ? await readingRoster(ctx, reading) : [];
	const [mine] =
		member && ctx.user.personId !== null
			? await ctx.db
					.select({ openedAt: studyReadingSign.openedAt, signedAt: studyReadingSign.signedAt })
					.from(studyReadingSign)
					.where(
						and(
							eq(studyReadingSign.readingId, reading.id),
							eq(studyReadingSign.personId, ctx.user.personId)
						)
					)
			: [];
	return {
		reading,
		bodyHtml: reading.body ? renderMarkdown(reading.body) : '',
		materials: await materialsOf(ctx, reading.id),
		mine: mine ?? null,
		member,
		manage,
		// those who have not signed first: that is what the organiser is looking for
		roster: [...roster].sort((a, b) => Number(a.signedAt !== null) - Number(b.signedAt !== null)),
		signed: roster.filter((r) => r.signedAt !== null).length
	};
}

/** A reading's file, for whoever may see the reading; a member's download counts as opening it. */
export async function readReadingFile(ctx: Ctx, readingId: number, materialId: number) {
	const { member } = await loadVisibleReading(ctx, readingId);
	const [m] = await ctx.db
		.select()
		.from(studyMaterial)
		.where(and(eq(studyMaterial.id, materialId), eq(studyMaterial.readingId, readingId)));
	if (!m) throw new NotFoundError();
	if (member) await recordOpened(ctx, readingId);
	return m;
}

export async function createReading(ctx: Ctx, input: CreateReadingInput): Promise<number> {
	const team = await loadTeam(ctx, input.teamId, 'study.manage');
	// the file is read and checked before the transaction: a wrong type writes nothing
	const file = input.file ? await acceptFile(input.file) : null;
	const facts = {
		unitId: team.unitId,
		teamId: team.id,
		title: input.title,
		body: input.body,
		dueDate: input.dueDate ?? null
	};
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(studyReading)
			.values({ ...facts, createdAt: tx.now, createdBy: tx.user.id, updatedAt: tx.now })
			.returning({ id: studyReading.id });
		if (file) {
			await tx.db
				.insert(studyMaterial)
				.values({ ...file, readingId: row!.id, uploadedAt: tx.now, uploadedBy: tx.user.id });
		}
		await appendAudit(tx, {
			action: 'study_reading.created',
			entityType: 'study_reading',
			entityId: row!.id,
			unitId: team.unitId,
			after: {
				...facts,
				body: undefined,
				file: file ? { fileName: file.fileName, sha256: file.sha256 } : null
			}
		});
		return row!.id;
	});
}

export async function deleteReading(ctx: Ctx, input: ReadingInput): Promise<void> {
	const r = await loadManagedReading(ctx, input.readingId);
	await transact(ctx, async (tx) => {
		const [signed] = await tx.db
			.select({ n: count() })
			.from(studyReadingSign)
			.where(and(eq(studyReadingSign.readingId, r.id), isNotNull(studyReadingSign.signedAt)));
		await tx.db.delete(studyReading).where(eq(studyReading.id, r.id));
		await appendAudit(tx, {
			action: 'study_reading.deleted',
			entityType: 'study_reading',
			entityId: r.id,
			unitId: r.unitId,
			before: { title: r.title, teamId: r.teamId, signed: signed?.n ?? 0 }
		});
	});
}

/** 签阅: the member signs the reading off (once; signing again changes nothing). */
export async function signReading(ctx: Ctx, input: ReadingInput): Promise<void> {
	const { reading, member } = await loadVisibleReading(ctx, input.readingId);
	const personId = ctx.user.personId;
	if (!member || personId === null) throw new ForbiddenError();
	await transact(ctx, async (tx) => {
		const [before] = await tx.db
			.select()
			.from(studyReadingSign)
			.where(
				and(eq(studyReadingSign.readingId, reading.id), eq(studyReadingSign.personId, personId))
			);
		if (before?.signedAt) return;
		await tx.db
			.insert(studyReadingSign)
			.values({ readingId: reading.id, personId, openedAt: tx.now, signedAt: tx.now })
			.onConflictDoUpdate({
				target: [studyReadingSign.readingId, studyReadingSign.personId],
				set: { signedAt: tx.now }
			});
		await appendAudit(tx, {
			action: 'study_reading.signed',
			entityType: 'study_reading',
			entityId: reading.id,
			unitId: reading.unitId,
			after: { personId }
		});
	});
}

const readingColumns = {
	id: studyReading.id,
	title: studyReading.title,
	dueDate: studyReading.dueDate,
	createdAt: studyReading.createdAt,
	teamName: studyTeam.name,
	unitName: unit.name
};

/** The readings of the signed-in person's teams, with their own 签阅; unsigned ones only if asked. */
export async function myReadings(
	ctx: Ctx,
	options: { unsignedOnly?: boolean; limit?: number } = {}
) {
	const personId = ctx.user.personId;
	if (personId === null) return [];
	return ctx.db
		.select({ ...readingColumns, signedAt: studyReadingSign.signedAt })
		.from(studyReading)
		.innerJoin(
			studyTeamMember,
			and(eq(studyTeamMember.teamId, studyReading.teamId), eq(studyTeamMember.personId, personId))
		)
		.innerJoin(studyTeam, eq(studyTeam.id, studyReading.teamId))
		.innerJoin(unit, eq(unit.id, studyReading.unitId))
		.leftJoin(
			studyReadingSign,
			and(eq(studyReadingSign.readingId, studyReading.id), eq(studyReadingSign.personId, personId))
		)
		.where(options.unsignedOnly ? isNull(studyReadingSign.signedAt) : undefined)
		.orderBy(desc(studyReading.createdAt), desc(studyReading.id))
		.limit(options.limit ?? 100);
}

/**
 * The readings page: a member's own readings; for readers the readings of their units with how
 * many have signed; for managers the teams they may distribute to.
 */
export async function listReadings(ctx: Ctx) {
	const attend = ctx.user.personId !== null && canAnywhere(ctx.user, 'study.attend');
	const readAny = canAnywhere(ctx.user, 'study.read');
	if (!attend && !readAny) throw new ForbiddenError();
	const mine = await myReadings(ctx);
	const units = readAny
		? await ctx.db
				.select({ ...readingColumns, teamId: studyReading.teamId })
				.from(studyReading)
				.innerJoin(studyTeam, eq(studyTeam.id, studyReading.teamId))
				.innerJoin(unit, eq(unit.id, studyReading.unitId))
				.where(inScope(ctx.user, 'study.read', unit.path))
				.orderBy(desc(studyReading.createdAt), desc(studyReading.id))
				.limit(200)
		: [];
	const ids = units.map((u) => u.id);
	const teamIds = [...new Set(units.map((u) => u.teamId))];
	const signed = ids.length
		? await ctx.db
				.select({ readingId: studyReadingSign.readingId, n: count() })
				.from(studyReadingSign)
				.where(and(inArray(studyReadingSign.readingId, ids), isNotNull(studyReadingSign.signedAt)))
				.groupBy(studyReadingSign.readingId)
		: [];
	const sizes = teamIds.length
		? await ctx.db
				.select({ teamId: studyTeamMember.teamId, n: count() })
				.from(studyTeamMember)
				.where(inArray(studyTeamMember.teamId, teamIds))
				.groupBy(studyTeamMember.teamId)
		: [];
	const teams = canAnywhere(ctx.user, 'study.manage')
		? await ctx.db
				.select({ id: studyTeam.id, name: studyTeam.name, unitName: unit.name })
				.from(studyTeam)
				.innerJoin(unit, eq(unit.id, studyTeam.unitId))
				.where(inScope(ctx.user, 'study.manage', unit.path))
				.orderBy(asc(unit.path), asc(studyTeam.name))
		: [];
	// a due date in January, seen in December, reads as this January without its year: 2027/1/4
	const needYear = (rows: { dueDate: string | null }[]) =>
		datesNeedYear(
			rows.flatMap((r) => r.dueDate ?? []),
			ctx.now
		);
	return {
		mine,
		units: units.map((u) => ({
			...u,
			signed: signed.find((s) => s.readingId === u.id)?.n ?? 0,
			members: sizes.find((s) => s.teamId === u.teamId)?.n ?? 0
		})),
		teams,
		showYear: { mine: needYear(mine), units: needYear(units) },
		may: { attend, read: readAny }
	};
}
