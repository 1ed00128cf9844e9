import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change, Stages } from '../../src/domain.js';
import { computeQueues } from '../../src/metrics/queues.js';

const H = 3600;
const D = 86400;
// Monday 2026-03-02 00:00 UTC
const MON = Date.parse('2026-03-02T00:00:00Z') / 1000;
const none: Stages = { coding: null, pickup: null, review: null, merge: null, deploy: null };

/** A change seen by git alone: its first and last commit, its merge and (maybe) its deploy, each stage as the events say. */
function change(first: number, last: number, merged: number, deployed: number | null): Change {
  return {
    id: 'c', number: null, title: 'c', author: 'ada', authorEmail: 'ada@x', url: null, branch: null, kind: 'merge', sha: 's', commitShas: [],
    commits: 2, size: null, bot: false, firstCommitAt: first, lastCommitAt: last, readyAt: null, firstReviewAt: null, approvedAt: null,
    mergedAt: merged, deployedAt: deployed, forkPoints: [], forkPointAt: null, flags: [], aiEvidence: [], revertedBy: null, isRevert: false,
    stages: { ...none, coding: last - first, review: merged - last, deploy: deployed === null ? null : deployed - merged },
    cycleTime: merged - first, leadTime: deployed === null ? null : deployed - first, review: null,
  };
}

/** Changes anywhere from two weeks before the window to two weeks after it, each stage from an hour to three weeks. */
const changes = fc.array(
  fc.record({
    first: fc.integer({ min: -14 * D, max: 70 * D }),
    coding: fc.integer({ min: 0, max: 21 * D }),
    review: fc.integer({ min: H, max: 21 * D }),
    deploy: fc.option(fc.integer({ min: 0, max: 21 * D }), { freq: 3 }),
  }).map(({ first, coding, review, deploy }) => change(MON + first, MON + first + coding, MON + first + coding + review, deploy === null ? null : MON + first + coding + review + deploy)),
  { maxLength: 40 },
);

/** A window of 1 to 60 days from any hour of the first week; the history may start inside it; now at or after it. */
const windows = fc.record({
  start: fc.integer({ min: 0, max: 7 * 24 }).map((h) => MON + h * H),
  days: fc.integer({ min: 1, max: 60 }),
  historyIn: fc.option(fc.integer({ min: 0, max: 30 * D }), { freq: 2 }),
  after: fc.integer({ min: 0, max: 30 * D }),
});

describe('queue trends over random histories', () => {
  it('give growth as (queue at the end − queue at the start) ÷ the weeks covered, arrivals − departures a week, and no rate from under a week', () => {
    fc.assert(
      fc.property(changes, windows, (all, w) => {
        const since = w.start;
        const until = since + w.days * D;
        const now = until + w.after;
        const historyFrom = w.historyIn === null ? undefined : since + w.historyIn;
        const merged = all.filter((c) => c.mergedAt <= now);
        const { queues, queueTrend } = computeQueues({ changes: merged, openPulls: [], since, until, now, historyFrom, stages: ['coding', 'review', 'deploy'], timezone: 'UTC' });
        const coveredDays = Math.max(0, until - Math.max(since, historyFrom ?? since)) / D;
        for (const stage of ['coding', 'review', 'deploy'] as const) {
          const t = queueTrend[stage];
          const weeks = queues[stage] ?? [];
          if (t === undefined) throw new Error(`no trend for ${stage}`);
          // the counts are the weeks' own, and the queue moves by exactly what arrived and left
          expect(t.arrivals).toBe(weeks.reduce((s, x) => s + x.arrivals, 0));
          expect(t.departures).toBe(weeks.reduce((s, x) => s + x.departures, 0));
          expect(t.queueEnd).toBe(weeks.at(-1)?.queue);
          expect((t.queueEnd ?? 0) - (t.queueStart ?? 0)).toBe((t.arrivals ?? 0) - (t.departures ?? 0));
          if (coveredDays < 7) {
            expect([t.arrivalsPerWeek, t.departuresPerWeek, t.growthPerWeek, t.littleQueue]).toEqual([null, null, null, null]);
            continue;
          }
          const covered = coveredDays / 7;
          expect(t.growthPerWeek).toBeCloseTo(((t.queueEnd ?? 0) - (t.queueStart ?? 0)) / covered, 9);
          expect(t.growthPerWeek).toBeCloseTo((t.arrivalsPerWeek ?? NaN) - (t.departuresPerWeek ?? NaN), 9);
          // the sign a caption reads agrees with the line: growing only when the queue ended higher than it began
          expect(Math.sign(t.growthPerWeek ?? NaN)).toBe(Math.sign((t.queueEnd ?? 0) - (t.queueStart ?? 0)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
