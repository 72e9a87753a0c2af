import { desc, eq, sql } from 'drizzle-orm';
import type { ApiPerson } from '$lib/schemas/api.ts';
import { exam, examAttempt, passRecord, person, unit } from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';
import { personCertificates } from '../exams/certificates.ts';
import { type ApiCtx, authorizeToken } from './access.ts';

/**
 * The person with an employee number (case as the roster ignores it): 404 when nobody has it, and
 * alike when they are outside the token's units.
 */
export async function apiPerson(ctx: ApiCtx, employeeNo: string) {
	const [p] = await ctx.db
		.select({
			id: person.id,
			employeeNo: person.employeeNo,
			name: person.name,
			position: person.position,
			rank: person.rank,
			status: person.status,
			unitId: unit.id,
			unitName: unit.name,
			unitPath: unit.path
		})
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(eq(sql`lower(${person.employeeNo})`, employeeNo.toLowerCase()));
	if (!p) throw new NotFoundError();
	authorizeToken(ctx, p.unitPath);
	return p;
}

/**
 * A person by employee number (case as the roster ignores it), with their pass records and
 * certificates: 404 when nobody has the number or they are outside the token's units.
 */
export async function apiPersonRecord(
	ctx: ApiCtx,
	input: { employeeNo: string }
): Promise<{ body: ApiPerson; unitId: number }> {
	const p = await apiPerson(ctx, input.employeeNo);
	const records = await ctx.db
		.select({
			attemptId: passRecord.attemptId,
			examId: exam.id,
			examTitle: exam.title,
			kind: passRecord.kind,
			takenOn: passRecord.takenOn,
			attemptNumber: examAttempt.number,
			status: passRecord.status,
			score: passRecord.score,
			maxScore: passRecord.maxScore,
			percent: passRecord.percent,
			band: passRecord.band,
			passed: passRecord.passed
		})
		.from(passRecord)
		.innerJoin(exam, eq(exam.id, passRecord.examId))
		.innerJoin(examAttempt, eq(examAttempt.id, passRecord.attemptId))
		.where(eq(passRecord.personId, p.id))
		.orderBy(desc(passRecord.takenOn), desc(passRecord.attemptId));
	return {
		unitId: p.unitId,
		body: {
			employeeNo: p.employeeNo,
			name: p.name,
			unit: { id: p.unitId, name: p.unitName },
			position: p.position,
			rank: p.rank,
			status: p.status,
			passRecords: records.map(({ examId, examTitle, ...r }) => {
				// a pending mark may still change and a voided attempt has no result: neither is a score
				const graded = r.status === 'graded';
				return {
					...r,
					exam: { id: examId, title: examTitle },
					score: graded ? r.score : null,
					percent: graded ? r.percent : null,
					band: graded ? r.band : null,
					passed: graded ? r.passed : null
				};
			}),
			certificates: (await personCertificates(ctx.db, p.id, ctx.now)).map(({ status, ...c }) => ({
				...c,
				state: status.state,
				daysLeft: status.daysLeft
			}))
		}
	};
}
