import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasuredChange, MeasuredDeploy } from '../../src/domain.js';
import { keyTrends } from '../../src/metrics/trend.js';

const H = 3600;
const D = 86400;
// Monday 2026-01-05 00:00 UTC
const MON = Date.parse('2026-01-05T00:00:00Z') / 1000;

/** A change merged `merged` seconds into the window after `coding`, deployed `deploy` after its merge or not yet. */
function change(merged: number, coding: number, deploy: number | null): MeasuredChange {
  const mergedAt = MON + merged;
  return {
    mergedAt, firstCommitAt: mergedAt - coding, cycleTime: coding, deployedAt: deploy === null ? null : mergedAt + deploy, leadTime: deploy === null ? null : coding + deploy,
    stages: { coding, pickup: null, review: null, merge: null, deploy },
  } as unknown as MeasuredChange;
}

const history = fc.record({
  weeks: fc.integer({ min: 1, max: 20 }),
  // the history may start inside the window, now may fall inside it
  historyDays: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 3 }),
  nowBefore: fc.option(fc.integer({ min: 0, max: 20 * D }), { freq: 3 }),
  changes: fc.array(fc.record({ merged: fc.integer({ min: 0, max: 140 * D }), coding: fc.integer({ min: 0, max: 10 * D }), deploy: fc.option(fc.integer({ min: 0, max: 10 * D }), { freq: 4 }) }), { maxLength: 60 }),
  deploys: fc.array(fc.record({ at: fc.integer({ min: 0, max: 140 * D }), failed: fc.boolean(), restored: fc.option(fc.integer({ min: H, max: 5 * D }), { freq: 2 }) }), { maxLength: 60 }),
});

describe('trend directions over random histories', () => {
  it('word a direction only as the halves\' values and the interval say, and give no rate from under a week', () => {
    fc.assert(
      fc.property(history, (h) => {
        const until = MON + h.weeks * 7 * D;
        const now = until - (h.nowBefore ?? 0);
        const window = { since: MON, until, ...(h.historyDays !== null && { historyFrom: MON + h.historyDays * D }) };
        const changes = h.changes.filter((c) => MON + c.merged < until).map((c) => change(c.merged, c.coding, c.deploy));
        const deploys: MeasuredDeploy[] = h.deploys.filter((d) => MON + d.at < until).map((d) => ({ at: MON + d.at, failed: d.failed, rollback: false, rework: false, restoredAfter: d.failed ? d.restored : null }));
        const t = keyTrends(changes, deploys, window, { now, measure: (a, b) => b - a });
        expect(t.keys.length).toBeGreaterThan(0);
        for (const k of t.keys) {
          expect(k.values).toHaveLength(t.periods.length);
          const d = k.direction;
          // never two single periods: no direction under four complete ones
          if (d.completePeriods < 4) {
            expect([d.direction, d.first, d.second]).toEqual([null, null, null]);
            continue;
          }
          const half = Math.floor(d.completePeriods / 2);
          expect([d.first?.periods, d.second?.periods]).toEqual([half, half]);
          const { first, second, interval } = d;
          // a half with nothing to measure gives no direction, never "no clear trend" of nothing
          expect(d.direction === null).toBe(first?.value === null || second?.value === null);
          if (d.direction === null) continue;
          if (first?.value != null && second?.value != null) expect(interval.difference).toBeCloseTo(second.value - first.value, 6);
          // the words follow the interval alone: rising or falling only when it excludes 0, on the side the halves say
          const excludes = interval.real && ((interval.low ?? 0) > 0 || (interval.high ?? 0) < 0);
          expect(d.direction === 'no clear trend').toBe(!excludes);
          if (d.direction === 'rising') expect((second?.value ?? NaN) > (first?.value ?? NaN) && (interval.low ?? 0) > 0).toBe(true);
          if (d.direction === 'falling') expect((second?.value ?? NaN) < (first?.value ?? NaN) && (interval.high ?? 0) < 0).toBe(true);
          // a rate over a half is its deploys over its weeks
          if (k.key === 'dora.deploymentFrequency') {
            expect(first?.value).toBeCloseTo((first?.count ?? 0) / half, 9);
            expect(second?.value).toBeCloseTo((second?.count ?? 0) / half, 9);
          }
        }
        // a period with under a week of it covered has no rate
        const frequency = t.keys.find((k) => k.key === 'dora.deploymentFrequency');
        t.periods.forEach((p, i) => {
          const covered = Math.min(Date.parse(`${p.end}T00:00:00Z`) / 1000, Math.min(until, now)) - Math.max(Date.parse(`${p.start}T00:00:00Z`) / 1000, window.historyFrom ?? MON);
          if (covered < 7 * D) expect(frequency?.values[i]).toBeNull();
        });
      }),
      { numRuns: 200 },
    );
  });
});
