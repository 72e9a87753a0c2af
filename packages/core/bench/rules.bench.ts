/// <reference types="node" />
/**
 * Rules benchmarks (`npm run bench`). Targets from issue 4: a gate decision over 200 records ≤ 0.05 ms,
 * a year of weekly sessions ≤ 1 ms, verifying a 1,000,000-entry audit chain ≤ 5 s. Figures are printed,
 * never asserted.
 */
import { hash as oneShot } from 'node:crypto';
import { bench, describe } from 'vitest';
import {
	CN_CALENDAR,
	DEFAULT_PROMOTION_POLICY,
	addDays,
	appendEntry,
	checkPromotion,
	generateOccurrences,
	verifyChain,
	type AuditEntry,
	type ExamRecord,
	type PromotionCase
} from '../src/index.ts';

// crypto.hash (Node ≥ 20.12) is the one-shot digest: about twice as fast as createHash per entry
const nodeSha = (t: string) => oneShot('sha256', t, 'hex');

const promotionCase: PromotionCase = {
	id: 'case-200',
	personId: 'p1',
	proposedPost: '副局长',
	leadingPost: true,
	appointmentRoute: 'government',
	nominatedOn: '2025-06-01',
	publicNoticeOn: '2025-06-05'
};
const records: ExamRecord[] = Array.from({ length: 200 }, (_, i) => ({
	attemptId: `a${i}`,
	sittingId: `s${i % 20}`,
	personId: 'p1',
	kind:
		i % 4 === 0
			? 'pre_appointment'
			: i % 4 === 1
				? 'annual'
				: i % 4 === 2
					? 'practice'
					: 'enforcement',
	caseId: i % 8 === 0 ? 'case-200' : `case-${i}`,
	takenOn: addDays('2024-01-01', i * 3),
	status: 'graded',
	score: 50 + (i % 50),
	passed: i % 50 >= 10
}));
const now = new Date('2026-01-01T00:00:00Z');

describe('promotion gate', () => {
	bench('checkPromotion over a person with 200 records', () => {
		checkPromotion(promotionCase, records, DEFAULT_PROMOTION_POLICY, now);
	});
});

describe('schedule', () => {
	bench('a year of weekly sessions (2025, CN calendar)', () => {
		generateOccurrences(
			{
				id: 'w',
				weekday: 1,
				intervalWeeks: 1,
				startDate: '2025-01-01',
				endDate: '2025-12-31',
				startTime: '08:30',
				durationMinutes: 40
			},
			CN_CALENDAR
		);
	});
});

function buildChain(n: number): AuditEntry[] {
	const out: AuditEntry[] = new Array(n);
	let prev: AuditEntry | null = null;
	for (let i = 0; i < n; i++) {
		prev = appendEntry(
			prev,
			{
				at: new Date(1_735_689_600_000 + i * 1000).toISOString(),
				actorId: `hr${i % 17}`,
				action: 'pass.changed',
				subjectType: 'PassRecord',
				subjectId: `pass-${i}`,
				data: { score: i % 100, passed: i % 100 >= 60 }
			},
			nodeSha
		);
		out[i] = prev;
	}
	return out;
}

const chain = buildChain(1_000_000);

describe('audit chain, 1,000,000 entries', () => {
	bench(
		'verifyChain, injected node:crypto SHA-256',
		() => {
			if (!verifyChain(chain, { hash: nodeSha }).ok) throw new Error('chain broken');
		},
		{ iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 }
	);
	bench(
		'verifyChain, pure-TS SHA-256 (@oslojs/crypto)',
		() => {
			if (!verifyChain(chain).ok) throw new Error('chain broken');
		},
		{ iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 }
	);
});
