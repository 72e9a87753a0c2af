/**
 * The exam page's answer queue: every answer is kept in localStorage the moment it is given (so a
 * reload or a crashed browser loses nothing) and sent to the server, in order of its sequence
 * number; what the server acknowledged leaves the queue. Offline, answers wait and go when the
 * network returns. The server ignores a save older than the one it holds, so sending twice is safe.
 */
import type { Response } from '@xuefa/core';

export interface QueuedSave {
	questionId: string;
	seq: number;
	response: Response | null;
	flagged: boolean;
}

interface Stored {
	seq: number;
	pending: Record<string, QueuedSave>;
}

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'error' | 'closed';

const RETRY_MS = 4000;

export class SaveQueue {
	status = $state<SaveStatus>('saved');
	/** Saves not yet acknowledged, by question. */
	pending = $state<Record<string, QueuedSave>>({});
	#seq = 0;
	#inFlight = false;
	#retry: ReturnType<typeof setTimeout> | undefined;

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

	#write() {
		try {
			localStorage.setItem(this.#key, JSON.stringify({ seq: this.#seq, pending: this.pending }));
		} catch {
			// storage full or blocked: the answer still goes to the server when it can
		}
	}

	/** Records an answer (kept at once) and sends it. */
	record(questionId: string, response: Response | null, flagged: boolean) {
		this.pending = {
			...this.pending,
			[questionId]: { questionId, seq: ++this.#seq, response, flagged }
		};
		this.#write();
		void this.flush();
	}

	/** Sends everything waiting; resolves when the queue is empty or the send failed. */
	async flush(): Promise<void> {
		if (this.#inFlight || this.status === 'closed') return;
		const saves = Object.values(this.pending);
		if (saves.length === 0) {
			this.status = 'saved';
			return;
		}
		if (!navigator.onLine) {
			this.status = 'offline';
			return;
		}
		this.#inFlight = true;
		this.status = 'saving';
		clearTimeout(this.#retry);
		try {
			const res = await fetch(`/exams/a/${this.attemptId}/save`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ saves })
			});
			const body = (await res.json().catch(() => null)) as {
				kind?: string;
				saved?: { questionId: string; seq: number }[];
			} | null;
			if (res.ok && body?.kind === 'saved') {
				const next = { ...this.pending };
				// acknowledged (applied or already overtaken on the server): only if not changed since
				for (const s of body.saved ?? [])
					if (next[s.questionId]?.seq === s.seq) delete next[s.questionId];
				this.pending = next;
				this.#write();
				this.status = Object.keys(next).length ? 'saving' : 'saved';
			} else if (res.ok && body?.kind === 'closed') {
				this.status = 'closed';
				this.onClosed();
			} else {
				this.status = 'error';
				this.#later();
			}
		} catch {
			this.status = 'offline';
			this.#later();
		} finally {
			this.#inFlight = false;
		}
		if (this.status === 'saving') await this.flush();
	}

	#later() {
		clearTimeout(this.#retry);
		this.#retry = setTimeout(() => void this.flush(), RETRY_MS);
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
