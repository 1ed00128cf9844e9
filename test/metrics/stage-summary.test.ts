import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change, Stages } from '../../src/domain.js';
import { summarizeStages, type Waiting } from '../../src/metrics/stage-summary.js';

const H = 3600;
const NOW = 1_000 * H;
const WALL: Waiting = { now: NOW, measure: (a, b) => b - a };

/** A change merged at `mergedAt` (hours) whose first commit was `cycle` hours before; deployed when stages.deploy is set. */
function change(mergedAt: number, stages: Partial<Stages>, kind: Change['kind'] = 'merge'): Change {
  const full: Stages = { coding: null, pickup: null, review: null, merge: null, deploy: null, ...stages };
  const cycle = (full.coding ?? 0) + (full.pickup ?? 0) + (full.review ?? 0) + (full.merge ?? 0);
  const deployed = full.deploy !== null;
  return {
    kind, stages: full, mergedAt: mergedAt * H, firstCommitAt: mergedAt * H - cycle, cycleTime: cycle,
    deployedAt: deployed ? mergedAt * H + (full.deploy ?? 0) : null, leadTime: deployed ? cycle + (full.deploy ?? 0) : null,
  } as Change;
}

describe('summarizeStages', () => {
  it('never gives lead time a percentile under its cycle time\'s or its deploy wait\'s', () => {
    /*
     * Two changes: a deployed with cycle 10h and deploy wait 7h (lead 17h); b merged at 900h after a cycle of 33h,
     * still waiting at 1,000h (lead at least 133h). Kaplan–Meier: at 17h a finishes with both at risk, Ŝ = 1/2:
     * lead time p50 17h. Cycle time p50, type 7 of 10h and 33h: 21.5h. Each lead time is at least its cycle, so
     * the p50 is at least 21.5h (react-router-dom's row read lead 17h 20m beside cycle 21h 31m).
     */
    const s = summarizeStages([change(100, { coding: 10 * H, deploy: 7 * H }), change(900, { coding: 33 * H })], WALL);
    expect(s.cycleTime.p50).toBe(21.5 * H);
    expect(s.leadTime.p50).toBe(21.5 * H);
  });

  it('gives lead time percentiles no shorter than cycle time\'s and the deploy wait\'s, on any changes', () => {
    // each change: merged at some hour, a cycle, and a deploy wait or none (still waiting at 1,000h)
    const changes = fc.array(fc.record({ at: fc.integer({ min: 1, max: 999 }), cycle: fc.integer({ min: 0, max: 400 }), deploy: fc.option(fc.integer({ min: 0, max: 300 }), { freq: 1 }) }), { minLength: 1, maxLength: 40 });
    fc.assert(fc.property(changes, (list) => {
      const s = summarizeStages(list.map((c) => change(c.at, { coding: c.cycle * H, deploy: c.deploy === null ? null : c.deploy * H })), WALL);
      let below = 0;
      for (const k of ['p50', 'p75', 'p90'] as const) {
        const lead = s.leadTime[k];
        if (lead === null) continue;
        expect(lead).toBeGreaterThanOrEqual(s.cycleTime[k] ?? 0);
        expect(lead).toBeGreaterThanOrEqual(s.stages.deploy[k] ?? 0);
        // and still ordered: p50 ≤ p75 ≤ p90
        expect(lead).toBeGreaterThanOrEqual(below);
        below = lead;
      }
    }), { numRuns: 300 });
  });

  it('leaves a lead time above its parts as it is', () => {
    // one deployed change (cycle 1h, deploy 2h) and one waiting since its merge at 990h after a cycle of 0: lead p50
    // reached at 3h (Ŝ = 1/2), above cycle p50 0.5h and deploy p50 (Kaplan–Meier over 2h done and 10h waiting: 2h)
    const s = summarizeStages([change(100, { coding: H, deploy: 2 * H }), change(990, { coding: 0 })], WALL);
    expect(s.leadTime.p50).toBe(3 * H);
  });

  it('counts the changes landed as one commit (first = last commit), not direct pushes nor changes without a coding stage', () => {
    const oneCommit = (c: Change): Change => ({ ...c, lastCommitAt: c.firstCommitAt });
    const twoCommits = (c: Change): Change => ({ ...c, lastCommitAt: (c.firstCommitAt ?? 0) + 60 });
    const s = summarizeStages([
      oneCommit(change(10, { coding: 0, review: H }, 'squash')), // counted
      oneCommit(change(11, { coding: 0, review: H }, 'rebase')), // counted
      twoCommits(change(12, { coding: 60, review: H }, 'merge')), // two commits
      oneCommit(change(13, { coding: H }, 'direct')), // a direct push: its coding runs to the push, which git sees
      oneCommit(change(14, { review: H }, 'squash')), // no coding stage: not among the stage's changes
    ], WALL);
    expect(s.stages.coding.count).toBe(4);
    expect(s.stages.coding.oneCommit).toBe(2);
    expect(s.stages.review.oneCommit).toBeUndefined();
  });

  it('gives the typical change\'s shares, not the shares of the sum, with shareOfTotal beside them', () => {
    /*
     * Three deployed changes (hours):   coding  review  deploy  total
     *   a                                  1       1       2       4
     *   b                                  2       0       2       4
     *   c (open a long time)             100       0       0     100
     * share: coding (1/4 + 2/4 + 100/100) / 3 = 1.75 / 3 = 0.5833; review (1/4) / 3 = 0.0833; deploy (2/4 + 2/4) / 3 = 0.3333
     * shareOfTotal: coding 103/108, review 1/108, deploy 4/108 — one slow change decides those
     */
    const s = summarizeStages([change(10, { coding: H, review: H, deploy: 2 * H }), change(20, { coding: 2 * H, review: 0, deploy: 2 * H }), change(30, { coding: 100 * H, review: 0, deploy: 0 })], WALL);
    expect(s.stages.coding.share).toBeCloseTo(1.75 / 3, 12);
    expect(s.stages.review.share).toBeCloseTo(0.25 / 3, 12);
    expect(s.stages.deploy.share).toBeCloseTo(1 / 3, 12);
    expect(s.stages.coding.shareOfTotal).toBeCloseTo(103 / 108, 12);
    expect(s.stages.review.shareOfTotal).toBeCloseTo(1 / 108, 12);
    expect(s.stages.deploy.shareOfTotal).toBeCloseTo(4 / 108, 12);
    expect(s.stages.pickup).toMatchObject({ count: 0, share: null, shareOfTotal: null });
    expect(s.shareBasis).toEqual({ kind: 'deployed', changes: 3, zeroTotal: 0 });
  });

  it('leaves a change with no positive duration out of the shares, and gives none when no change has one', () => {
    const zero = change(10, { coding: 0, review: 0, deploy: 0 });
    const s = summarizeStages([zero, change(20, { coding: H, deploy: 3 * H })], WALL);
    // only the second: coding 1/4, deploy 3/4
    expect(s.shareBasis.changes).toBe(1);
    expect(s.stages.coding.share).toBeCloseTo(0.25, 12);
    const none = summarizeStages([zero], WALL);
    expect(none.shareBasis).toEqual({ kind: 'deployed', changes: 0, zeroTotal: 1 });
    expect(none.stages.coding.share).toBeNull();
  });

  it('counts a direct push in no review figure, where a 0 would have pulled the median down', () => {
    // review over the two pull requests only: 4h and 6h → p50 5h (with the push's review as 0 it would be 4h)
    const s = summarizeStages([change(10, { coding: H, review: 4 * H, deploy: H }), change(20, { coding: H, review: 6 * H, deploy: H }), change(30, { coding: 0, deploy: H }, 'direct')], WALL);
    expect(s.stages.review).toMatchObject({ count: 2, p50: 5 * H });
    expect(s.stages.coding.count).toBe(3);
  });

  it('counts changes still waiting for a deploy as right-censored in lead time and the deploy stage', () => {
    /*
     * Five changes of each kind (the estimate is read only while five are at risk; five of each leave every step
     * of Ŝ as one of each would make it). Deployed: lead 10h (deploy 2h), 20h (deploy 4h). Waiting at now (1000h):
     * merged at 990h with a first commit at 980h → lead at least 20h, deploy wait at least 10h; merged at 998h,
     * first commit 996h → at least 4h and 2h.
     * Lead: 4+, 10, 20, 20+ → Ŝ(10) = 2/3 (the 4+ left before, 15 at risk), Ŝ(20) = 2/3 × 1/2 = 1/3: p50 = 20,
     * and Ŝ never gets to 1/4: p75, p90 unknown (deployed only: type 7 of 10, 20 = 15, shorter than it is).
     * Deploy: 2, 2+, 4, 10+ → Ŝ(2) = 3/4, Ŝ(4) = 3/4 × 1/2 = 3/8: p50 = 4, p75 and p90 never reached.
     * Their bounds, type 7 of the 20 with each waiting one at its time so far: lead five 4s, five 10s, ten 20s →
     * p75 (rank 14.25) and p90 (rank 17.1) 20h; deploy ten 2s, five 4s, five 10s → p75 4 + 0.25 × 6 = 5.5h, p90 10h.
     */
    const five = (at: number, stages: Parameters<typeof change>[1]): ReturnType<typeof change>[] => Array.from({ length: 5 }, () => change(at, stages));
    const s = summarizeStages([
      ...five(100, { coding: 8 * H, deploy: 2 * H }),
      ...five(200, { coding: 16 * H, deploy: 4 * H }),
      ...five(990, { coding: 10 * H }),
      ...five(998, { coding: 2 * H }),
    ], WALL);
    expect(s.leadTime).toEqual({ count: 20, p50: 20 * H, p75: null, p90: null, mean: null, censored: 10, atLeast: 20 * H, bounds: { p50: null, p75: 20 * H, p90: 20 * H } });
    expect(s.leadTimeDeployed).toMatchObject({ count: 10, p50: 15 * H });
    expect(s.stages.deploy).toMatchObject({ count: 20, p50: 4 * H, p75: null, p90: null, censored: 10, atLeast: 5.5 * H, bounds: { p50: null, p75: 5.5 * H, p90: 10 * H } });
    // cycle time over the same changes: 2, 8, 10, 16 five times each → p50 9h, never longer than the lead time
    expect(s.cycleTime).toMatchObject({ count: 20, p50: 9 * H });
    // shares over the ten deployed: coding (8/10 + 16/20) / 2 = 0.8
    expect(s.stages.coding.share).toBeCloseTo(0.8, 12);
  });

  it('reads a small window with changes still waiting as bounds, not off the last change at risk', () => {
    // one change of each kind above: four in all, so Ŝ is read only at its first step (all four at risk), where
    // no percentile is reached. Each is at least type 7 of the four with the waiting ones at their times so far:
    // lead 4, 10, 20, 20 → p50 15h; deploy 2, 2, 4, 10 → p50 3h, p90 4 + 0.7 × 6 = 8.2h (not the 10h seen)
    const s = summarizeStages([
      change(100, { coding: 8 * H, deploy: 2 * H }),
      change(200, { coding: 16 * H, deploy: 4 * H }),
      change(990, { coding: 10 * H }),
      change(998, { coding: 2 * H }),
    ], WALL);
    expect(s.leadTime).toMatchObject({ count: 4, p50: null, censored: 2, atLeast: 15 * H, bounds: { p50: 15 * H, p75: 20 * H, p90: 20 * H } });
    expect(s.stages.deploy).toMatchObject({ count: 4, p50: null, atLeast: 3 * H, bounds: { p50: 3 * H, p75: 5.5 * H, p90: expect.closeTo(8.2 * H, 6) as number } });
  });

  it('gives the deploy wait no share when nothing was deployed: the shares are of cycle time, which ends at the merge', () => {
    const s = summarizeStages([change(990, { coding: 3 * H, review: H }), change(995, { coding: H, review: H })], WALL);
    expect(s.shareBasis).toMatchObject({ kind: 'merged', changes: 2 });
    // coding (3/4 + 1/2) / 2, review (1/4 + 1/2) / 2: the typical change's whole cycle, with no room for a 0% deploy
    expect(s.stages.coding.share).toBeCloseTo(0.625, 12);
    expect(s.stages.review.share).toBeCloseTo(0.375, 12);
    // the two still wait: the stage has its bounds, but no share of a cycle time it is not part of
    expect(s.stages.deploy).toMatchObject({ count: 2, censored: 2, share: null, shareOfTotal: null });
  });

  it('measures the waits as every other duration, in working time when asked', () => {
    // a measure that counts half of everything: the waiting change's lead is at least (1000h − 980h) / 2
    const half: Waiting = { now: NOW, measure: (a, b) => (b - a) / 2 };
    const s = summarizeStages([change(990, { coding: 10 * H })], half);
    expect(s.leadTime).toMatchObject({ count: 1, p50: null, censored: 1, atLeast: 10 * H });
    expect(s.stages.deploy).toMatchObject({ atLeast: 5 * H });
  });
});
