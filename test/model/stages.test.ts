import { describe, expect, it } from 'vitest';
import { computeStages } from '../../src/model/stages.js';
import { change, h } from './data.js';

const H = 3600;

describe('stages of a change', () => {
  it('never clamps the first commit to the fork point, and flags a rebase', () => {
    // authored in hour 0 and 24, rebased onto a fork point of hour 200, merged 230, deployed 250
    const c = change('pr', { kind: 'squash', firstCommitAt: h(0), lastCommitAt: h(24), forkPointAt: h(200), mergedAt: h(230), deployedAt: h(250) });
    computeStages(c, 'tags');
    expect(c.stages).toEqual({ coding: 24 * H, pickup: null, review: 206 * H, merge: null, deploy: 20 * H });
    expect([c.cycleTime, c.leadTime, c.firstCommitAt]).toEqual([230 * H, 250 * H, h(0)]);
    expect(c.flags).toEqual(['rebased']);
  });

  it('does not flag a change whose first commit follows its fork point', () => {
    const c = change('pr', { kind: 'merge', firstCommitAt: h(10), lastCommitAt: h(12), forkPointAt: h(10), mergedAt: h(20) });
    computeStages(c, 'tags');
    expect(c.flags).toEqual([]);
    expect(c.stages).toEqual({ coding: 2 * H, pickup: null, review: 8 * H, merge: null, deploy: null });
  });

  it('tiles GitHub events from first commit to deploy', () => {
    const c = change('pr', { kind: 'squash', firstCommitAt: h(0), lastCommitAt: h(3), readyAt: h(4), firstReviewAt: h(10), approvedAt: h(12), mergedAt: h(15), deployedAt: h(20) });
    computeStages(c, 'deployments');
    expect(c.stages).toEqual({ coding: 4 * H, pickup: 6 * H, review: 2 * H, merge: 3 * H, deploy: 5 * H });
    expect(c.leadTime).toBe(20 * H);
  });

  it('leaves what no source saw null, and counts a negative interval as 0 once', () => {
    const unseen = change('sq', { kind: 'squash', commits: null, mergedAt: h(5), deployedAt: h(6) });
    expect(computeStages(unseen, 'merge')).toBe(0);
    expect(unseen.stages).toEqual({ coding: null, pickup: null, review: null, merge: null, deploy: H });
    expect([unseen.cycleTime, unseen.leadTime]).toEqual([null, null]);
    const skewed = change('skew', { kind: 'merge', firstCommitAt: h(10), lastCommitAt: h(10), mergedAt: h(9) });
    expect(computeStages(skewed, 'tags')).toBe(1);
    expect(skewed.stages.review).toBe(0);
    expect(skewed.flags).toEqual(['clock-skew']);
  });
});

describe('stages of a change whose clocks disagree', () => {
  const M = 60;
  // the stages without the deploy wait: what the cycle time is made of
  const toMerge = (c: ReturnType<typeof change>): number =>
    [c.stages.coding, c.stages.pickup, c.stages.review, c.stages.merge].reduce<number>((sum, s) => sum + (s ?? 0), 0);

  it('counts a first commit dated after the merge as at the merge', () => {
    // pushed straight to the branch at hour 10 by a clock two hours fast, deployed at hour 15
    const c = change('direct', { kind: 'direct', firstCommitAt: h(12), lastCommitAt: h(12), mergedAt: h(10), deployedAt: h(15) });
    expect(computeStages(c, 'tags')).toBe(1);
    expect(c.stages).toEqual({ coding: 0, pickup: null, review: null, merge: null, deploy: 5 * H });
    // measured from the 12th hour, the lead time (3h) would be shorter than its own deploy wait (5h)
    expect([c.cycleTime, c.leadTime]).toEqual([0, 5 * H]);
    expect(c.flags).toEqual(['clock-skew']);
  });

  it('ends coding at the merge when the last own commit is dated after it (git only)', () => {
    // the case the report showed: coding 2h10m beside a cycle time of 1h
    const c = change('pr', { kind: 'merge', firstCommitAt: h(0), lastCommitAt: h(2) + 10 * M, mergedAt: h(1), deployedAt: h(4) });
    expect(computeStages(c, 'tags')).toBe(1);
    expect(c.stages).toEqual({ coding: H, pickup: null, review: 0, merge: null, deploy: 3 * H });
    expect([c.cycleTime, c.leadTime]).toEqual([H, 4 * H]);
    expect(toMerge(c)).toBe(c.cycleTime);
    expect(c.flags).toEqual(['clock-skew']);
  });

  it('starts review at ready when the first review is dated before it (GitHub)', () => {
    // first commit 0, reviewed at 3 by a clock behind, ready at 5, approved 8, merged 10, deployed 12
    const c = change('pr', { kind: 'squash', firstCommitAt: h(0), lastCommitAt: h(1), readyAt: h(5), firstReviewAt: h(3), approvedAt: h(8), mergedAt: h(10), deployedAt: h(12) });
    expect(computeStages(c, 'deployments')).toBe(1);
    expect(c.stages).toEqual({ coding: 5 * H, pickup: 0, review: 3 * H, merge: 2 * H, deploy: 2 * H });
    expect([c.cycleTime, c.leadTime]).toEqual([10 * H, 12 * H]);
    expect(c.flags).toEqual(['clock-skew']);
  });

  it('counts every GitHub event dated after the merge as at the merge', () => {
    // ready at 4, reviewed at 11 and approved at 12 by a clock ahead; merged at 10
    const c = change('pr', { kind: 'merge', firstCommitAt: h(1), lastCommitAt: h(2), readyAt: h(4), firstReviewAt: h(11), approvedAt: h(12), mergedAt: h(10) });
    expect(computeStages(c, 'tags')).toBe(1);
    expect(c.stages).toEqual({ coding: 3 * H, pickup: 6 * H, review: 0, merge: 0, deploy: null });
    expect([c.cycleTime, c.leadTime]).toEqual([9 * H, null]);
  });

  it('measures from the merge when a pull request\'s first commit is dated after it', () => {
    // ready at 4, reviewed 6, approved 7, merged 10; the only commit says hour 11
    const c = change('pr', { kind: 'squash', firstCommitAt: h(11), lastCommitAt: h(11), readyAt: h(4), firstReviewAt: h(6), approvedAt: h(7), mergedAt: h(10), deployedAt: h(13) });
    expect(computeStages(c, 'tags')).toBe(1);
    expect(c.stages).toEqual({ coding: 0, pickup: 0, review: 0, merge: 0, deploy: 3 * H });
    expect([c.cycleTime, c.leadTime]).toEqual([0, 3 * H]);
  });

  it('shortens the pickup, not the cycle, when the first commit is dated after ready', () => {
    // opened ready at 2, commit dated 3, reviewed 6, approved 7, merged 9: the cycle is 6h from the commit
    const c = change('pr', { kind: 'squash', firstCommitAt: h(3), lastCommitAt: h(3), readyAt: h(2), firstReviewAt: h(6), approvedAt: h(7), mergedAt: h(9) });
    expect(computeStages(c, 'tags')).toBe(1);
    expect(c.stages).toEqual({ coding: 0, pickup: 3 * H, review: H, merge: 2 * H, deploy: null });
    expect(c.cycleTime).toBe(6 * H);
  });

  it('ships a change deployed before its merge at the merge', () => {
    const c = change('pr', { kind: 'merge', firstCommitAt: h(0), lastCommitAt: h(2), mergedAt: h(5), deployedAt: h(4) });
    expect(computeStages(c, 'tags')).toBe(1);
    expect(c.stages).toEqual({ coding: 2 * H, pickup: null, review: 3 * H, merge: null, deploy: 0 });
    expect([c.cycleTime, c.leadTime]).toEqual([5 * H, 5 * H]);
  });
});
