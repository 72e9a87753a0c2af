import type { Session } from '$lib/server/auth/session.ts';
import type { SessionUser } from '$lib/server/auth/session-user.ts';
import type { Db } from '$lib/server/db/index.ts';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			db: Db;
			user: SessionUser | null;
			session: Session | null;
		}
	}
}

export {};
