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
