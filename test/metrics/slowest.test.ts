import { describe, expect, it } from 'vitest';
import type { MeasuredChange } from '../../src/domain.js';
import { slowestChanges } from '../../src/metrics/slowest.js';

const change = (id: string, leadTime: number | null, cycleTime: number | null, repository?: string): MeasuredChange => ({
  id, title: id, url: null, author: 'ada', kind: 'merge', bot: false, firstCommitAt: 0, lastCommitAt: null, readyAt: null, firstReviewAt: null, approvedAt: null,
  mergedAt: 0, deployedAt: null, stages: { coding: cycleTime, pickup: null, review: null, merge: null, deploy: null }, cycleTime, leadTime,
  size: null, flags: [], aiEvidence: [], revertedBy: null, review: null, ...(repository !== undefined && { repository }),
});

describe('slowestChanges', () => {
  it('keeps the slowest by lead time, else cycle time, ties by id then as given, in one pass', () => {
    const changes = [
      change('#5', 50, 10), change('#9', null, 70), change('#1', 90, 5), change('#3', 50, 20, 'b'), change('#2', null, null),
      change('#3', 50, 30, 'a'), change('#4', 10, 1), change('#8', 60, 60),
    ];
    // 90 (#1), 70 (#9, by cycle time), 60 (#8), then three at 50: #3 from b, #3 from a (as given), #5
    expect(slowestChanges(changes, 5).map((c) => [c.id, c.total, c.totalIs, c.repository ?? null])).toEqual([
      ['#1', 90, 'leadTime', null], ['#9', 70, 'cycleTime', null], ['#8', 60, 'leadTime', null], ['#3', 50, 'leadTime', 'b'], ['#3', 50, 'leadTime', 'a'],
    ]);
    expect(slowestChanges(changes, 0)).toEqual([]);
    // a change with neither time is never listed
    expect(slowestChanges(changes, 100).map((c) => c.id)).not.toContain('#2');
  });
});

describe('slowestChanges with changes still waiting', () => {
  it('ranks a change merged and not deployed at its lead time so far, a bound, and its wait since the merge as its stage', () => {
    const D = 86400;
    const now = 200 * D;
    const waiting = { now, measure: (a: number, b: number) => b - a };
    // aider's: deployed after 82d; merged at day 100 after a 3-day cycle and still waiting at day 200 (103d so far);
    // merged at day 190 after a day, 11d so far
    const deployed = { ...change('#1', 82 * D, 2 * D), firstCommitAt: 10 * D, mergedAt: 12 * D, deployedAt: 92 * D, stages: { coding: 2 * D, pickup: null, review: null, merge: null, deploy: 80 * D } };
    const old = { ...change('#2', null, 3 * D), firstCommitAt: 97 * D, mergedAt: 100 * D, stages: { coding: 3 * D, pickup: null, review: null, merge: null, deploy: null } };
    const fresh = { ...change('#3', null, D), firstCommitAt: 189 * D, mergedAt: 190 * D, stages: { coding: D, pickup: null, review: null, merge: null, deploy: null } };
    expect(slowestChanges([deployed, old, fresh], 3, waiting).map((c) => [c.id, c.total / D, c.totalIs, c.stage, (c.stageSeconds ?? 0) / D])).toEqual([
      ['#2', 103, 'waiting', 'deploy', 100], ['#1', 82, 'leadTime', 'deploy', 80], ['#3', 11, 'waiting', 'deploy', 10],
    ]);
    // every merge a deploy (no waiting): by cycle time where there is no lead time, as before
    expect(slowestChanges([deployed, old, fresh], 3).map((c) => [c.id, c.totalIs])).toEqual([['#1', 'leadTime'], ['#2', 'cycleTime'], ['#3', 'cycleTime']]);
  });
});

describe('slowestChanges: the flags that bear on a change\'s time', () => {
  it('carries rebased, imported, commits-unseen and clock-skew, and no other flag', () => {
    const rebased = { ...change('#1', 90, 80), flags: ['rebased', 'unreviewed'] };
    const plain = { ...change('#2', 50, 40), flags: ['was-draft'] };
    const several = { ...change('#3', 70, 60), flags: ['clock-skew', 'commits-unseen', 'imported'] };
    expect(slowestChanges([rebased, plain, several], 3).map((c) => [c.id, c.flags])).toEqual([
      ['#1', ['rebased']], ['#3', ['clock-skew', 'commits-unseen', 'imported']], ['#2', undefined],
    ]);
  });
});
