/**
 * The certificate list (/exams/certificates): the certificates of the people of the viewer's
 * oversight, each in its state today by the core's rule, narrowed by state and unit, and its
 * export. The state depends on each certificate's events, so it is worked out a page at a time.
 */
import { type SQL, and, asc, count, eq, like, sql } from 'drizzle-orm';
import { certificateReasonLabel } from '$lib/labels/exams.ts';
import type { ListCertificatesInput } from '$lib/schemas/certificates.ts';
import { authorize, authorizeAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { certificate, exam, person, unit } from '../../db/schema/index.ts';
import { type ListExport, keysetPages } from '../../spreadsheet/index.ts';
import { zh, zhColumn } from '../../spreadsheet/zh.ts';
import { stateIn } from './certificate-state.ts';
import { certificateStatusesOn } from './certificates.ts';

export const PAGE_SIZE = 50;

type Filter = Pick<ListCertificatesInput, 'state' | 'unitId'>;

/** The certificates of the viewer's oversight, of the unit chosen (and the units below it). */
function scoped(ctx: Ctx, unitPath: string | undefined) {
	return and(
		inScope(ctx.user, 'oversight.read', unit.path),
		unitPath === undefined ? undefined : like(unit.path, `${unitPath}%`)
	);
}

/** The certificates `where` selects, as the list shows them: by holder's unit, holder, then issue. */
function listed(ctx: Ctx, where: SQL | undefined) {
	return ctx.db
		.select({
			id: certificate.id,
			holder: person.name,
			employeeNo: person.employeeNo,
			unitName: unit.name,
			unitPath: unit.path,
			examTitle: exam.title,
			kind: certificate.kind,
			code: certificate.verificationCode,
			validFrom: certificate.validFrom,
			validUntil: certificate.validUntil,
			revokedOn: certificate.revokedOn,
			revokeReason: certificate.revokeReason
		})
		.from(certificate)
		.innerJoin(person, eq(person.id, certificate.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.innerJoin(exam, eq(exam.id, certificate.examId))
		.where(where)
		.orderBy(asc(unit.path), asc(person.name), asc(certificate.id));
}

/** How many certificates `where` selects (of any state). */
async function countScoped(ctx: Ctx, where: SQL | undefined): Promise<number> {
	const [counted] = await ctx.db
		.select({ n: count() })
		.from(certificate)
		.innerJoin(person, eq(person.id, certificate.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(where);
	return counted?.n ?? 0;
}

/** Every certificate the filter selects, in pages, each with its state today. */
async function* certificatePages(ctx: Ctx, filter: Filter, unitPath: string | undefined) {
	const where = scoped(ctx, unitPath);
	type Row = Awaited<ReturnType<typeof fetch>>[number];
	const fetch = (
		after: { unitPath: string; holder: string; id: number } | undefined,
		limit: number
	) =>
		listed(
			ctx,
			and(
				where,
				after &&
					sql`(${unit.path}, ${person.name}, ${certificate.id}) > (${after.unitPath}, ${after.holder}, ${after.id})`
			)
		).limit(limit);
	for await (const page of keysetPages<Row>(fetch)) {
		const withState = await certificateStatusesOn(ctx.db, page, ctx.now);
		yield withState.filter((c) => stateIn[filter.state](c.status.state));
	}
}

/** The unit chosen, checked against the viewer's oversight. */
async function unitPathOf(ctx: Ctx, filter: Filter) {
	authorizeAnywhere(ctx, 'oversight.read');
	return filter.unitId === undefined
		? undefined
		: await authorize(ctx, 'oversight.read', filter.unitId);
}

/** One page of the list, with how many certificates the filter selects in all. */
export async function listCertificates(ctx: Ctx, input: ListCertificatesInput) {
	const unitPath = await unitPathOf(ctx, input);
	const first = (input.page - 1) * PAGE_SIZE;
	if (input.state === 'all') {
		// every certificate is listed: only the page shown needs its state worked out
		const where = scoped(ctx, unitPath);
		const page = await listed(ctx, where).limit(PAGE_SIZE).offset(first);
		return {
			rows: await certificateStatusesOn(ctx.db, page, ctx.now),
			total: await countScoped(ctx, where),
			page: input.page,
			pageSize: PAGE_SIZE
		};
	}
	// the state of each is worked out by the core: the filter sees them all
	const rows = [];
	let total = 0;
	for await (const page of certificatePages(ctx, input, unitPath)) {
		for (const c of page) {
			if (total >= first && total < first + PAGE_SIZE) rows.push(c);
			total++;
		}
	}
	return { rows, total, page: input.page, pageSize: PAGE_SIZE };
}

/** A state in words, in Chinese, with why where it says (a reason of the app's own in words). */
function stateText(status: { state: string; reason?: string }) {
	const state = zh(`cert_state_${status.state}`);
	const reason = status.reason;
	if (!reason) return state;
	const note = certificateReasonLabel.has(reason) ? zh(`cert_reason_${reason}`) : reason;
	return zh('common_with_note', { text: state, note });
}

/** The list as the page filters it, every page of it, with the state (and why) in words. */
export async function exportCertificates(ctx: Ctx, filter: Filter): Promise<ListExport> {
	const unitPath = await unitPathOf(ctx, filter);
	// the count the browser's progress needs: of a state, known only once each is worked out
	let rows = 0;
	if (filter.state === 'all') rows = await countScoped(ctx, scoped(ctx, unitPath));
	else for await (const page of certificatePages(ctx, filter, unitPath)) rows += page.length;
	async function* pages() {
		for await (const page of certificatePages(ctx, filter, unitPath))
			yield page.map((c) => [
				c.unitName,
				c.holder,
				c.employeeNo,
				c.examTitle,
				zh(`exam_kind_${c.kind}`),
				c.code,
				c.validFrom,
				c.validUntil,
				stateText(c.status)
			]);
	}
	return {
		sheet: zh('certificates_title'),
		columns: [
			zhColumn('certificates_col_unit', 24),
			zhColumn('certificates_col_holder', 12),
			zhColumn('person_employee_no', 12, true),
			zhColumn('certificates_col_exam', 30),
			zhColumn('exam_kind', 14),
			zhColumn('certificates_col_code', 22, true),
			zhColumn('certificates_col_issued', 12),
			zhColumn('certificates_col_valid_until', 12),
			zhColumn('certificates_col_state', 14)
		],
		rows,
		pages: pages()
	};
}
