import { can, canAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { authorizeAccount, mayTouchAccount } from '../accounts/account-unit.ts';
import { activeUnitChoices } from '../units/list.ts';
import { getPerson } from './get.ts';

/**
 * A person as their page shows them, with the units its forms offer and what the reader may do
 * there. The page shows only what its actions would allow; the actions check again themselves.
 */
export async function personView(ctx: Ctx, personId: number) {
	const { unitPath, ...person } = await getPerson(ctx, personId);
	const mayManageAccount = person.account
		? await authorizeAccount(ctx, person.account.id).then(
				() => true,
				() => false
			)
		: false;
	return {
		person,
		units: await activeUnitChoices(ctx, 'person.manage'),
		grantUnits: await activeUnitChoices(ctx, 'role.grant'),
		may: {
			edit: can(ctx.user, 'person.manage', unitPath),
			openAccount: !person.account && mayTouchAccount(ctx.user, 'account.open', [unitPath]),
			manageAccount: mayManageAccount,
			grant: canAnywhere(ctx.user, 'role.grant')
		}
	};
}
