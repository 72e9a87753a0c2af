/**
 * What the app adds to the embedded database's driver (libsql), for every connection the client's
 * pool opens: its setup (see {@link CONNECTION_SETUP}) and the statements it compiled.
 *
 * @libsql/client compiles every statement it runs afresh (`prepare`, then `columns()` twice) and
 * drops it; on exam day that was a tenth of the server's CPU, the session check alone compiling a
 * five-table join on every request. libsql's own statements can be run again and again, so each
 * connection keeps the ones it compiled, keyed by their SQL text, the most recent few hundred.
 *
 * Why this is safe: the driver binds fresh arguments and runs every statement to its end (`all`,
 * `run`) within one synchronous call, so no two uses of a statement ever interleave; SQLite
 * recompiles a statement by itself when the schema changes; and the column list (memoised here)
 * changes only with the schema, which changes only in migrations, after which the cache is
 * emptied ({@link clearStatementCache}). A statement whose run failed leaves the cache and is
 * never run again, as without the cache: whatever it left pending (a read snapshot, a BEGIN
 * that met a busy database) ends when it is collected, not at its next use.
 */
import { createRequire } from 'node:module';

interface Statement {
	columns(): unknown[];
	raw(toggle?: boolean): Statement;
	run(...args: unknown[]): unknown;
	all(...args: unknown[]): unknown[];
	get(...args: unknown[]): unknown;
}

interface Connection {
	prepare(sql: string): Statement;
	exec(sql: string): void;
	close(): void;
}

/**
 * Run once on every new connection, before its first statement. The pool opens connections as
 * it needs them, beyond the reach of a PRAGMA sent through the client (which lands on one).
 * synchronous=NORMAL: a commit writes the log without waiting for the disk, so the write lock is
 * released at once; the commit is made durable (the log synced to disk) before the write is
 * acknowledged, outside the lock and off the event loop (./wal-sync.ts, context.ts `transact`).
 * wal_autocheckpoint=0: no COMMIT copies the log into the database file, syncing both, while the
 * event loop waits; that is done in the background (./checkpoints.ts).
 */
export const CONNECTION_SETUP = 'PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0';

/** How many statements each connection keeps: the app runs a few hundred distinct ones. */
export const STATEMENTS_KEPT = 500;

const kept = new WeakMap<Connection, { generation: number; statements: Map<string, Statement> }>();
// bumped to forget every connection's statements at once (a WeakMap cannot be emptied)
let generation = 0;

// the driver @libsql/client runs on, resolved from the client so that it is the very same copy
const require = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
const Driver = require('libsql') as { prototype: Connection };

let installed = false;
let unpatchedPrepare: Connection['prepare'];
const counts = { compiled: 0, reused: 0 };

/** How many statements were compiled and how many runs reused one, in this process. */
export function statementCounts(): Readonly<typeof counts> {
	return { ...counts };
}

// connections already set up (a generation change empties their statements, not this)
const setUp = new WeakSet<Connection>();

/** Sets up every embedded connection of this process and makes it keep its statements (idempotent). */
export function installDriver(): void {
	if (installed) return;
	installed = true;
	const prepare = (unpatchedPrepare = Driver.prototype.prepare);
	const close = Driver.prototype.close;
	Driver.prototype.prepare = function (this: Connection, sql: string): Statement {
		if (!setUp.has(this)) {
			setUp.add(this);
			this.exec(CONNECTION_SETUP);
		}
		if (BEGIN.test(sql)) return beginning(this, sql);
		let entry = kept.get(this);
		if (entry?.generation !== generation)
			kept.set(this, (entry = { generation, statements: new Map() }));
		const statements = entry.statements;
		const hit = statements.get(sql);
		if (hit) {
			counts.reused++;
			// most recently used last, so that the oldest goes first
			statements.delete(sql);
			statements.set(sql, hit);
			return hit;
		}
		counts.compiled++;
		const statement = keeping(prepare.call(this, sql), () => statements.delete(sql));
		statements.set(sql, statement);
		if (statements.size > STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
		return statement;
	};
	Driver.prototype.close = function (this: Connection) {
		kept.delete(this);
		return close.call(this);
	};
}

// how a transaction begins: the client prepares `BEGIN IMMEDIATE` (a write transaction) and runs it
const BEGIN = /^BEGIN(?: (DEFERRED|IMMEDIATE|EXCLUSIVE))?$/i;

/**
 * `BEGIN …` as a statement the client can run, that starts the transaction without waiting:
 * SQLITE_BUSY at once when another connection holds the write lock, and nothing left behind.
 *
 * Why not the prepared statement: a prepared BEGIN IMMEDIATE that meets the lock stays pending,
 * resumable, with the connection already out of autocommit — its next read opens a snapshot that
 * never closes (stale reads, then SQLITE_BUSY_SNAPSHOT on every later write) until it is closed.
 * `exec` runs it to its end and finalises it either way. And why not wait: the driver waits for
 * the lock synchronously, the event loop with it, in SQLite's sleeps of 1, 2, 5, 10… ms that
 * overshoot the lock's release; the client retries instead, asynchronously and finely (./busy.ts),
 * while the process goes on serving requests.
 */
function beginning(connection: Connection, sql: string): Statement {
	const waitsFor = BEGIN.exec(sql)?.[1]?.toUpperCase() ?? 'DEFERRED';
	const statement: Statement & { safeIntegers(): Statement } = {
		columns: () => [],
		raw() {
			// what the driver says of a statement that returns no rows
			throw new TypeError('The raw() method is only for statements that return data');
		},
		safeIntegers: () => statement,
		run() {
			if (waitsFor === 'DEFERRED') {
				connection.exec(sql);
			} else {
				const timeout = busyTimeoutOf(connection);
				connection.exec('PRAGMA busy_timeout = 0');
				try {
					connection.exec(sql);
				} finally {
					connection.exec(`PRAGMA busy_timeout = ${timeout}`);
				}
			}
			return { changes: 0, lastInsertRowid: 0 };
		},
		all: () => [],
		get: () => undefined
	};
	return statement;
}

const busyTimeouts = new WeakMap<Connection, number>();

/** The connection's own busy timeout (set when it was opened), to put back after a BEGIN. */
function busyTimeoutOf(connection: Connection): number {
	let ms = busyTimeouts.get(connection);
	if (ms === undefined) {
		const row = unpatchedPrepare.call(connection, 'PRAGMA busy_timeout').get() as
			{ timeout?: number } | undefined;
		ms = Number(row?.timeout ?? 0);
		busyTimeouts.set(connection, ms);
	}
	return ms;
}

/**
 * The statement, its column list memoised, and dropped from the cache (`forget`) when a run of it
 * fails, as an uncached statement would be.
 */
function keeping(statement: Statement, forget: () => void): Statement {
	let columns: unknown[] | undefined;
	let notReader: unknown;
	const columnsOf = statement.columns.bind(statement);
	const raw = statement.raw.bind(statement);
	statement.columns = () => (columns ??= columnsOf());
	// the client asks every statement for raw rows and learns from the error that it returns none
	statement.raw = (toggle?: boolean) => {
		if (notReader !== undefined) throw notReader;
		try {
			raw(toggle);
		} catch (e) {
			notReader = e;
			throw e;
		}
		return statement;
	};
	for (const name of ['run', 'all', 'get'] as const) {
		const method = statement[name].bind(statement);
		statement[name] = (...args: unknown[]) => {
			try {
				return method(...args) as never;
			} catch (e) {
				forget();
				throw e;
			}
		};
	}
	return statement;
}

/** Forgets the statements of every connection, e.g. after a migration changed the schema. */
export function clearStatementCache(): void {
	generation++;
}
