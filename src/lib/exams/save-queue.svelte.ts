/**
 * The exam page's answer queue: every answer is kept in localStorage the moment it is given (so a
 * reload or a crashed browser loses nothing) and sent to the server, in order of its sequence
 * number; what the server acknowledged leaves the queue. Offline, answers wait and go when the
 * network returns. The server ignores a save older than the one it holds, so sending twice is safe.
 */
import type { Response } from '@xuefa/core';
import { SAVES_PER_REQUEST } from './limits.ts';

export interface QueuedSave {
	questionId: string;
	seq: number;
	response: Response | null;
	flagged: boolean;
}

/** The server's word on one save (see `SaveResult` in the exam service). */
interface SaveAck {
	questionId: string;
	seq: number;
	applied: boolean;
	held?: number;
}

interface Stored {
	seq: number;
	pending: Record<string, QueuedSave>;
}

/**
 * `moved`: the sitting allows one device and the attempt now goes on on another (a proctor let
 * the candidate change device): this page can no longer save, and retrying would not help.
 * `paused`: the server refused saves for a while (far more than a person answers, such as a
 * script's): the answers wait here and go when it said.
 */
export type SaveStatus = 'saved' | 'saving' | 'offline' | 'error' | 'closed' | 'moved' | 'paused';

const RETRY_MS = 4000;
/** The longest wait a refusal's Retry-After is followed for: the page tries again after it. */
const LONGEST_PAUSE_MS = 120_000;

export class SaveQueue {
	status = $state<SaveStatus>('saved');
	/** Saves not yet acknowledged, by question. */
	pending = $state<Record<string, QueuedSave>>({});
	#seq = 0;
	/** The send under way with what follows it, if any: one at a time, in order. */
	#sending: Promise<void> | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	/** While the server refuses saves (429): answers given meanwhile wait for the retry. */
	#pausedUntil = 0;

	constructor(
		private readonly attemptId: number,
		serverSeq: number,
		private readonly onClosed: () => void
	) {
		const stored = this.#read();
		this.#seq = Math.max(serverSeq, stored?.seq ?? 0);
		this.pending = stored?.pending ?? {};
	}

	get #key() {
		return `xuefa.exam.${this.attemptId}`;
	}

	#read(): Stored | null {
		try {
			const raw = localStorage.getItem(this.#key);
			return raw ? (JSON.parse(raw) as Stored) : null;
		} catch {
			return null;
		}
	}

	/**
	 * Keeps the queue in storage, shared with the candidate's other tabs of this attempt: what is
	 * stored stays unless this page has a newer answer to the same question, or the server has
	 * just acknowledged it (`acked`, at or above its number). So a tab never drops what another
	 * tab has not sent yet, and a reload sends what any tab left behind.
	 */
	#write(acked: readonly SaveAck[] = []) {
		try {
			const stored = this.#read();
			const pending: Record<string, QueuedSave> = { ...stored?.pending };
			for (const ack of acked) {
				const kept = pending[ack.questionId];
				if (kept && kept.seq <= ack.seq && !this.pending[ack.questionId])
					delete pending[ack.questionId];
			}
			for (const save of Object.values(this.pending)) {
				const kept = pending[save.questionId];
				if (!kept || kept.seq <= save.seq) pending[save.questionId] = save;
			}
			const seq = Math.max(this.#seq, stored?.seq ?? 0);
			localStorage.setItem(this.#key, JSON.stringify({ seq, pending }));
		} catch {
			// storage full or blocked: the answer still goes to the server when it can
		}
	}

	/** Records an answer (kept at once) and sends it. */
	record(questionId: string, response: Response | null, flagged: boolean) {
		// numbered above what any tab of this attempt has used, so that two tabs' answers do not
		// share a number (the server would keep whichever came first)
		this.#seq = Math.max(this.#seq, this.#read()?.seq ?? 0);
		this.pending = {
			...this.pending,
			[questionId]: { questionId, seq: ++this.#seq, response, flagged }
		};
		this.#write();
		void this.flush();
	}

	/**
	 * Sends everything waiting; resolves when the queue is empty or a send failed. Called while a
	 * send is on its way, it waits for that send and for whatever was answered meanwhile: the
	 * submit button flushes first, and an answer given a moment before must not stop it.
	 */
	flush(): Promise<void> {
		this.#sending ??= this.#drain().finally(() => {
			this.#sending = undefined;
		});
		return this.#sending;
	}

	async #drain(): Promise<void> {
		do {
			if (this.status === 'closed' || this.status === 'moved') return;
			// a paper of more questions than one request may carry, all answered offline: in parts
			const saves = Object.values(this.pending).slice(0, SAVES_PER_REQUEST);
			if (saves.length === 0) {
				this.status = 'saved';
				return;
			}
			if (!navigator.onLine) {
				this.status = 'offline';
				return;
			}
			if (Date.now() < this.#pausedUntil) {
				this.status = 'paused';
				return;
			}
			this.status = 'saving';
			clearTimeout(this.#retry);
			await this.#send(saves);
		} while (this.status === 'saving');
	}

	async #send(saves: QueuedSave[]): Promise<void> {
		try {
			const res = await fetch(`/exams/a/${this.attemptId}/save`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ saves })
			});
			const body = (await res.json().catch(() => null)) as {
				kind?: string;
				saved?: SaveAck[];
			} | null;
			if (res.ok && body?.kind === 'saved') {
				this.pending = this.#acknowledge(body.saved ?? []);
				this.#write((body.saved ?? []).filter((a) => a.applied || a.held === undefined));
				this.status = Object.keys(this.pending).length ? 'saving' : 'saved';
			} else if (res.ok && body?.kind === 'closed') {
				this.status = 'closed';
				this.onClosed();
			} else if (res.status === 409) {
				// the one device this attempt may be answered on is another one now (kept: the answers
				// stay in this browser's storage, should the proctor move the attempt back here)
				this.status = 'moved';
			} else if (res.status === 429) {
				const seconds = Number(res.headers.get('retry-after'));
				const wait = this.#later(Number.isFinite(seconds) ? seconds * 1000 : RETRY_MS);
				this.#pausedUntil = Date.now() + wait;
				this.status = 'paused';
			} else {
				this.status = 'error';
				this.#later();
			}
		} catch {
			this.status = 'offline';
			this.#later();
		}
	}

	/**
	 * What is left to send once the server answered: a save it applied, or kept back while holding
	 * this very answer (a retry of one that had arrived), leaves the queue. A save kept back because
	 * the server holds another answer (`held`: a second tab or another device of the candidate's
	 * answered the question since) is this page's newer answer: it goes again, numbered above the
	 * one held, rather than being shown as saved while the server keeps the other. A save changed
	 * on this page meanwhile waits for its own turn.
	 */
	#acknowledge(acks: readonly SaveAck[]): Record<string, QueuedSave> {
		const next = { ...this.pending };
		for (const ack of acks) {
			const mine = next[ack.questionId];
			if (mine?.seq !== ack.seq) continue;
			if (ack.applied || ack.held === undefined) {
				delete next[ack.questionId];
				continue;
			}
			this.#seq = Math.max(this.#seq, ack.held);
			next[ack.questionId] = { ...mine, seq: ++this.#seq };
		}
		return next;
	}

	/** Sends again after `ms` (within bounds); returns the wait chosen. */
	#later(ms = RETRY_MS): number {
		clearTimeout(this.#retry);
		const wait = Math.min(Math.max(ms, RETRY_MS), LONGEST_PAUSE_MS);
		this.#retry = setTimeout(() => {
			this.#pausedUntil = 0;
			void this.flush();
		}, wait);
		return wait;
	}

	/** Forgets the stored queue (after the attempt was submitted). */
	clear() {
		clearTimeout(this.#retry);
		try {
			localStorage.removeItem(this.#key);
		} catch {
			// nothing to clear
		}
	}
}
