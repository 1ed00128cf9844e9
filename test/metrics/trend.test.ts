import { describe, expect, it } from 'vitest';
import type { MeasuredChange as Change } from '../../src/domain.js';
import type { Observation } from '../../src/metrics/censored.js';
import { sparkline, weeklyTrend, weekStart } from '../../src/metrics/trend.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
const change = (mergedAt: string, leadTime: number | null, waiting: number | null = null): Change =>
  ({ mergedAt: at(mergedAt), leadTime, cycleTime: leadTime, waiting, stages: { coding: leadTime, pickup: null, review: null, merge: null, deploy: null } }) as unknown as Change;
// deployed: its lead time; still waiting: how long so far (what the summary computes from now)
const lead = (c: Change): Observation | null => {
  const waiting = (c as Change & { waiting: number | null }).waiting;
  return c.leadTime !== null ? { seconds: c.leadTime, done: true } : waiting !== null ? { seconds: waiting, done: false } : null;
};

describe('weekly trend', () => {
  it('starts weeks on Monday 00:00 UTC', () => {
    expect(new Date(weekStart(at('2026-03-05T12:00:00Z')) * 1000).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(new Date(weekStart(at('2026-03-02T00:00:00Z')) * 1000).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('gives each week its own medians, empty weeks included', () => {
    const trend = weeklyTrend(
      [change('2026-03-03T00:00:00Z', 10), change('2026-03-04T00:00:00Z', 20), change('2026-03-05T00:00:00Z', 40), change('2026-03-18T00:00:00Z', 5)],
      { since: at('2026-03-02T00:00:00Z'), until: at('2026-03-23T00:00:00Z') },
      lead,
    );
    expect(trend.weeks.map((w) => [w.weekStart, w.changes, w.leadTimeP50])).toEqual([
      ['2026-03-02', 3, 20],
      ['2026-03-09', 0, null],
      ['2026-03-16', 1, 5],
    ]);
    expect(trend.weeks[0]?.stages.coding).toBe(20);
  });

  it('counts a week\'s changes still waiting, so a week does not improve because its slow changes have not shipped', () => {
    const trend = weeklyTrend(
      [change('2026-03-03T00:00:00Z', 5), change('2026-03-04T00:00:00Z', null, 100), change('2026-03-05T00:00:00Z', null, 200)],
      { since: at('2026-03-02T00:00:00Z'), until: at('2026-03-09T00:00:00Z') },
      lead,
    );
    // Kaplan–Meier: at 5 three are at risk, one finishes: Ŝ = 2/3, and nothing finishes after: Ŝ never reaches
    // 1/2, so the p50 is unknown (the deployed change alone would have said 5)
    expect(trend.weeks[0]?.leadTimeP50).toBeNull();
  });

  it('draws a sparkline with gaps', () => {
    expect(sparkline([0, null, 7, 3.5])).toBe('▁ █▅');
    expect(sparkline([null, null])).toBe('');
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([2, 2])).toBe('▄▄');
  });
});
