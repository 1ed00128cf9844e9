import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain.js';
import { unreleasedChanges } from '../../src/metrics/unreleased.js';

const H = 3600;
const D = 86400;
const NOW = Date.parse('2026-04-01T00:00:00Z') / 1000;
// first commit a day before the merge: its lead time is known, or bounded while it waits
const change = (id: string, mergedAt: number, deployedAt: number | null, repository?: string): Change =>
  ({ id, title: `title ${id}`, url: null, firstCommitAt: mergedAt - D, mergedAt, deployedAt, cycleTime: D, leadTime: deployedAt === null ? null : deployedAt - mergedAt + D, ...(repository && { repository }) }) as Change;
const wall = { now: NOW, measure: (a: number, b: number) => b - a };

describe('unreleasedChanges', () => {
  it('lists the changes merged and not deployed at now, oldest first, with their ages', () => {
    const u = unreleasedChanges([change('#1', NOW - 10 * D, NOW - 9 * D), change('#2', NOW - 3 * D, null), change('#3', NOW - 20 * D, null), change('#4', NOW - 2 * H, null, 'acme/x')], wall);
    // ages 20d, 3d, 2h → p50 3d, oldest 20d
    expect(u).toEqual({
      count: 3,
      p50Age: 3 * D,
      oldestAge: 20 * D,
      noLeadTime: 0,
      oldest: ['#3', '#2', '#4'],
      oldestChanges: [
        { id: '#3', title: 'title #3', url: null, mergedAt: '2026-03-12T00:00:00Z', age: 20 * D },
        { id: '#2', title: 'title #2', url: null, mergedAt: '2026-03-29T00:00:00Z', age: 3 * D },
        { id: '#4', title: 'title #4', url: null, mergedAt: '2026-03-31T22:00:00Z', age: 2 * H, repository: 'acme/x' },
      ],
    });
  });

  it('keeps the ten oldest, and gives nulls when nothing waits', () => {
    const many = Array.from({ length: 12 }, (_, i) => change(`#${i + 1}`, NOW - (i + 1) * D, null));
    const u = unreleasedChanges(many, wall);
    expect(u.count).toBe(12);
    expect(u.oldest).toEqual(['#12', '#11', '#10', '#9', '#8', '#7', '#6', '#5', '#4', '#3']);
    // ages 1d … 12d: type-7 p50 6.5d
    expect(u.p50Age).toBe(6.5 * D);
    expect(unreleasedChanges([change('#1', NOW - D, NOW)], wall)).toEqual({ count: 0, p50Age: null, oldestAge: null, noLeadTime: 0, oldest: [], oldestChanges: [] });
  });

  it('counts apart the changes waiting whose first commit is unknown: the lead time cannot count them as waiting', () => {
    // #2's squash has no commits in the clone: no first commit, no cycle time, no lead time even as a bound
    const unseen = { ...change('#2', NOW - 3 * D, null), firstCommitAt: null, cycleTime: null } as Change;
    const u = unreleasedChanges([change('#1', NOW - 5 * D, null), unseen, change('#3', NOW - 9 * D, NOW - 8 * D)], wall);
    expect(u.count).toBe(2);
    expect(u.noLeadTime).toBe(1);
    // deployed, it has no lead time either, but it is not waiting
    expect(unreleasedChanges([{ ...unseen, deployedAt: NOW - D } as Change], wall).noLeadTime).toBe(0);
  });
});
