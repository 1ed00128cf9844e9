import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change, ChangeKind } from '../../src/domain.js';
import { DEFAULT_BUSINESS_HOURS, workingSeconds } from '../../src/metrics/business-hours.js';
import { computeStages, type Measure } from '../../src/model/stages.js';
import { change, h } from './data.js';

const DAY = 86400;
const MERGED = h(24 * 40);

/** An event's time around the merge: mostly before it, sometimes after it (a clock ahead), sometimes unseen. */
const around = (seen: number): fc.Arbitrary<number | null> =>
  fc.option(fc.integer({ min: -10 * DAY, max: 2 * DAY }).map((d) => MERGED + d), { freq: seen });

/**
 * A change as git alone or GitHub sees it, with its events at random times: in order, out of order (clock
 * skew), or missing; a direct push or a pull request; deployed (even before its merge) or still waiting.
 */
const changes: fc.Arbitrary<Change> = fc
  .record({
    kind: fc.constantFrom<ChangeKind>('direct', 'merge', 'squash', 'rebase', 'trailer'),
    github: fc.boolean(),
    commits: fc.option(fc.tuple(around(20), fc.integer({ min: -2 * DAY, max: 10 * DAY })), { freq: 8 }),
    readyAt: around(6),
    firstReviewAt: around(4),
    approvedAt: around(4),
    deployedAt: fc.option(fc.integer({ min: -DAY, max: 10 * DAY }).map((d) => MERGED + d), { freq: 2 }),
  })
  .map(({ kind, github, commits, readyAt, firstReviewAt, approvedAt, deployedAt }) => {
    // git reads the first and last own commit together: both or neither (a squash without its commits)
    const first = commits?.[0] ?? null;
    const last = first === null || commits === null ? null : first + Math.abs(commits[1]);
    const events = github && kind !== 'direct' ? { readyAt, firstReviewAt, approvedAt } : {};
    return change('pr', { kind, firstCommitAt: first, lastCommitAt: last, mergedAt: MERGED, deployedAt, ...events });
  });

const wallClock: Measure = (a, b) => b - a;
const businessHours: Measure = (a, b) => workingSeconds(a, b, DEFAULT_BUSINESS_HOURS);

const measures = fc.constantFrom(['wall clock', wallClock] as const, ['business hours', businessHours] as const);

describe('stages over random changes, skewed or not', () => {
  it('add up to the cycle time, and with the deploy wait to the lead time, never negative', () => {
    fc.assert(
      fc.property(changes, measures, (c, [, measure]) => {
        const { firstCommitAt: t0, deployedAt: t8 } = c;
        computeStages(c, 'tags', measure);
        const { coding, pickup, review, merge, deploy } = c.stages;
        for (const s of [coding, pickup, review, merge, deploy]) if (s !== null) expect(s).toBeGreaterThanOrEqual(0);
        // measured here from the events alone: from the first commit (the merge when dated after it)
        const start = t0 === null ? null : Math.min(t0, MERGED);
        expect(c.cycleTime).toBe(start === null ? null : measure(start, MERGED));
        const shipped = t8 === null ? null : Math.max(t8, MERGED);
        expect(c.leadTime).toBe(start === null || shipped === null ? null : measure(start, shipped));
        expect(deploy).toBe(shipped === null ? null : measure(MERGED, shipped));
        if (c.cycleTime !== null) {
          expect([coding, pickup, review, merge].reduce<number>((sum, s) => sum + (s ?? 0), 0)).toBe(c.cycleTime);
        }
        if (c.leadTime !== null && c.cycleTime !== null) {
          expect(c.cycleTime + (deploy ?? 0)).toBe(c.leadTime);
          expect(c.leadTime).toBeGreaterThanOrEqual(c.cycleTime);
        }
        // a direct push has no review of any kind; git alone sees no pickup or merge wait
        if (c.kind === 'direct') expect([pickup, review, merge]).toEqual([null, null, null]);
        if (c.readyAt === null) expect([pickup, merge]).toEqual([null, null]);
      }),
      { numRuns: 300 },
    );
  });

  it('flag exactly the changes whose events are out of order, and count each negative interval', () => {
    fc.assert(
      fc.property(changes, (c) => {
        // the events each stage runs between, in the order the table of definitions gives them
        const { firstCommitAt: t0, lastCommitAt: last, readyAt: t2, firstReviewAt: t4, approvedAt: t5, mergedAt: t7, deployedAt: t8 } = c;
        const chain =
          c.kind === 'direct' ? [t0, t7] : t2 === null ? [t0, last, t7] : [t0, t2, ...(t4 === null ? [] : t5 === null ? [t4] : [t4, t5]), t7];
        let backwards = t8 !== null && t8 < t7 ? 1 : 0;
        for (let i = 1; i < chain.length; i++) {
          const [a, b] = [chain[i - 1] ?? null, chain[i] ?? null];
          if (a !== null && b !== null && b < a) backwards++;
        }
        expect(computeStages(c, 'tags')).toBe(backwards);
        expect(c.flags.includes('clock-skew')).toBe(backwards > 0);
      }),
      { numRuns: 300 },
    );
  });
});
