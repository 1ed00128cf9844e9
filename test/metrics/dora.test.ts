import { describe, expect, it } from 'vitest';
import type { Deploy } from '../../src/domain.js';
import type { CensoredDistribution } from '../../src/metrics/censored.js';
import { computeDora } from '../../src/metrics/dora.js';

const H = 3600;
const D = 86400;
const W = 7 * D;
const SINCE = Date.parse('2026-01-05T00:00:00Z') / 1000;
const deploy = (at: number, over: Partial<Deploy> = {}): Deploy => ({ ref: 'v', sha: 's', at, changeShas: ['x'], rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null, ...over });
const lead = (over: Partial<CensoredDistribution> = {}): CensoredDistribution => ({ count: 4, p50: 2 * D, p75: 3 * D, p90: 4 * D, mean: null, censored: 1, atLeast: null, ...over });
const base = { window: { since: SINCE, until: SINCE + 10 * W }, now: SINCE + 10 * W, deploys: [deploy(SINCE + D), deploy(SINCE + 8 * D)], leadTime: lead(), signal: 'tags' as const, businessHours: false };

describe('computeDora', () => {
  it('divides deploy frequency by the part of the window the history covers, up to now', () => {
    expect(computeDora(base).deploymentFrequency).toMatchObject({ value: 2 / 10, band: 'low', deployDaysPerWeek: 2 / 10 });
    // history from week 6 of the 10, now at week 9: 2 deploys over 3 weeks
    const clipped = computeDora({ ...base, window: { ...base.window, historyFrom: SINCE + 6 * W }, now: SINCE + 9 * W });
    expect(clipped.deploymentFrequency).toMatchObject({ value: 2 / 3, band: 'medium', note: "over the 3.0 weeks since the history's first commit" });
  });

  it('takes the lead time from the summary\'s censored estimate, and its band from the bound when the median is unknown', () => {
    expect(computeDora(base).leadTime).toMatchObject({ value: 2 * D, band: 'high', count: 4 });
    // the median is over 40 days: low for certain
    expect(computeDora({ ...base, leadTime: lead({ p50: null, atLeast: 40 * D }) }).leadTime).toMatchObject({
      value: null, band: 'low', note: 'more than half of the changes are still waiting: the median is over 40d',
    });
    // over 2 days says nothing about the band
    expect(computeDora({ ...base, leadTime: lead({ p50: null, atLeast: 2 * D }) }).leadTime).toMatchObject({ value: null, band: null });
  });

  it('gives no band to deploy frequency and lead time with the merge signal, and says why', () => {
    const merge = computeDora({ ...base, signal: 'merge' });
    const why = 'every merge counted as a deploy (no deploy signal found): there is no deploy to measure, so no band';
    expect(merge.deploymentFrequency).toMatchObject({ value: 0.2, band: null, note: why });
    expect(merge.leadTime).toMatchObject({ value: 2 * D, band: null, note: why });
    expect(merge.changeFailureRate).toMatchObject({ band: 'elite' });
  });

  it('gives no calendar-time band to durations counted in working time', () => {
    const failed = [deploy(SINCE + D, { failed: true, restoredAfter: 2 * H }), deploy(SINCE + 2 * D)];
    const hours = computeDora({ ...base, deploys: failed, businessHours: true });
    const why = 'durations count working time only (--business-hours); the DORA bands are in calendar time, so none is given';
    expect(hours.leadTime).toMatchObject({ value: 2 * D, band: null, note: why });
    expect(hours.timeToRestore).toMatchObject({ value: 2 * H, band: null, note: why });
    // counts and ratios keep theirs
    expect(hours.changeFailureRate).toMatchObject({ value: 0.5, band: 'low' });
    expect(hours.deploymentFrequency.band).toBe('low');
  });
});
