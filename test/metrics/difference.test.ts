import { describe, expect, it } from 'vitest';
import { dailyDeployCounts, directionOf } from '../../src/metrics/difference.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
const dailyDeploys = (window: { since: string; until: string }, times: string[]): number[] => dailyDeployCounts(at(window.since), at(window.until), times.map(at));

const interval = (low: number, high: number, real = true) => ({ difference: (low + high) / 2, low, high, real });

describe('which way a compared figure moved', () => {
  it('calls a lower duration better only when its interval lies below 0', () => {
    expect(directionOf(10, 6, interval(-6, -1), true)).toBe('better');
    expect(directionOf(10, 6, interval(-6, -1), false)).toBe('worse');
    expect(directionOf(6, 10, interval(1, 6), true)).toBe('worse');
    // the interval reaches 0: the data cannot tell
    expect(directionOf(10, 6, interval(-6, 0), true)).toBe('uncertain');
    // an interval not on the change's side (or too few values to trust) says nothing either
    expect(directionOf(10, 6, interval(1, 6), true)).toBe('uncertain');
    expect(directionOf(10, 6, interval(-6, -1, false), true)).toBe('uncertain');
  });

  it('says nothing from an interval that does not hold the change shown (a censored side\'s median against the finished values\' interval)', () => {
    // before 21d, after 39d (+18d, the Kaplan–Meier medians), the finished values' difference +7d 15h … +12d
    const DAY = 86400;
    expect(directionOf(21 * DAY, 39 * DAY, interval(7.6 * DAY, 12 * DAY), true)).toBe('uncertain');
    expect(directionOf(21 * DAY, 30 * DAY, interval(7.6 * DAY, 12 * DAY), true)).toBe('worse');
    // the change at the interval's edge is in it
    expect(directionOf(21 * DAY, 33 * DAY, interval(7.6 * DAY, 12 * DAY), true)).toBe('worse');
  });

  it('reads an interval with one end null as unbounded on that side (a percentile some resamples do not reach)', () => {
    const H = 3600;
    const open = (low: number | null, high: number | null) => ({ difference: null, low, high, real: true });
    // after − before ≤ −2h: a fall of 5h is better, a fall of 1h is not in it
    expect(directionOf(10 * H, 5 * H, open(null, -2 * H), true)).toBe('better');
    expect(directionOf(10 * H, 9 * H, open(null, -2 * H), true)).toBe('uncertain');
    // after − before ≥ +3h: a rise of 4h is worse
    expect(directionOf(10 * H, 14 * H, open(3 * H, null), true)).toBe('worse');
    // an open end on the change's side decides nothing
    expect(directionOf(10 * H, 14 * H, open(null, 6 * H), true)).toBe('uncertain');
    // no end at all: no interval
    expect(directionOf(10 * H, 14 * H, open(null, null), true)).toBe('uncertain');
  });

  it('calls two values equal to rounding the same where every resample agrees, and says the data cannot tell where they spread', () => {
    expect(directionOf(0.1 + 0.2, 0.3, interval(0, 0), true)).toBe('same');
    // no interval drawn: nothing says otherwise
    expect(directionOf(0.1 + 0.2, 0.3, { difference: null, low: null, high: null, real: false }, true)).toBe('same');
    // 0 of 8 failed deploys before and 0 of 4 after: equal rates, and Newcombe's −32 pp … +49 pp
    expect(directionOf(0, 0, interval(-0.32, 0.49), true)).toBe('uncertain');
    expect(directionOf(3600, 3601, interval(1, 2), true)).toBe('worse');
  });
});

describe('deploys per day of a window, scaled to a week', () => {
  it('counts each deploy on its day of the window, the mean being deploys per week', () => {
    const window = { since: '2026-03-02T00:00:00Z', until: '2026-03-09T00:00:00Z' };
    const days = dailyDeploys(window, ['2026-03-02T10:00:00Z', '2026-03-02T23:59:59Z', '2026-03-08T12:00:00Z', '2026-03-09T00:00:00Z', '2026-03-01T23:00:00Z']);
    // a 7-day window: each day's count times 7; the deploy at `until` and the one before `since` left out
    expect(days).toEqual([14, 0, 0, 0, 0, 0, 7]);
    expect(days.reduce((s, d) => s + d, 0) / days.length).toBe(3);
  });

  it('has no days in an empty window', () => {
    expect(dailyDeploys({ since: '2026-03-02T00:00:00Z', until: '2026-03-02T00:00:00Z' }, ['2026-03-02T00:00:00Z'])).toEqual([]);
  });
});
