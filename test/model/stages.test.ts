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
