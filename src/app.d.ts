import type { Session } from '$lib/server/auth/session.ts';
import type { SessionUser } from '$lib/server/auth/session-user.ts';
import type { ReadDb } from '$lib/server/db/index.ts';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			/** Reads only: writes go through `transact`/`write` (server/context.ts). */
			db: ReadDb;
			user: SessionUser | null;
			session: Session | null;
			/** The id of this request in the log (and the X-Request-Id answer header). */
			requestId: string;
			/** The id shown to the person when this request failed unexpectedly. */
			errorId?: string;
		}
	}
}

export {};
