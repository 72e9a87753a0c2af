import type { ListPeopleInput } from '$lib/schemas/org.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { type ListExport, keysetPages, mapPages } from '../../spreadsheet/index.ts';
import { zh, zhColumn } from '../../spreadsheet/zh.ts';
import { peoplePages } from './list.ts';

/** The people list as the page filters it (search, unit), every page of it, with Chinese headers. */
export async function exportPeople(
	ctx: Ctx,
	input: Pick<ListPeopleInput, 'q' | 'unitId'>
): Promise<ListExport> {
	authorizeAnywhere(ctx, 'person.read');
	const { total, fetch } = await peoplePages(ctx, input);
	return {
		sheet: zh('people_title'),
		columns: [
			zhColumn('person_unit', 24),
			zhColumn('person_name', 12),
			zhColumn('person_employee_no', 12, true),
			zhColumn('person_position', 20),
			zhColumn('person_rank', 10),
			zhColumn('person_route', 10),
			zhColumn('person_status', 8),
			zhColumn('person_account', 8)
		],
		rows: total,
		pages: mapPages(keysetPages(fetch), (p) => [
			p.unitName,
			p.name,
			p.employeeNo,
			p.position,
			zh(`rank_${p.rank}`),
			zh(`route_${p.appointmentRoute}`),
			zh(`status_${p.status}`),
			zh(p.userId === null ? 'person_no_account' : 'person_has_account')
		])
	};
}
