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
  it('places a repository of several products by its releases, its products\' deploys at one commit counted once', () => {
    // react-router's way: three packages tagged together on each of 5 release commits over 10 weeks: 15 deploys,
    // 1.5 a week ("high"), but 5 releases, 0.5 a week ("medium", between once a week and once a month)
    const tagged = [1, 15, 29, 43, 57].flatMap((day, i) => ['react-router', '@react-router/dev', '@react-router/node'].map((product) => deploy(SINCE + day * D, { sha: `r${i}`, product })));
    const f = computeDora({ ...base, deploys: tagged }).deploymentFrequency;
    expect(f).toMatchObject({ value: 15 / 10, count: 15, releases: 5, releasesPerWeek: 0.5, band: 'medium', note: "placed by its 5 releases (0.50 a week): its products' tags on one commit are one release" });
    // one product: every deploy is a release, placed as counted, and no releases are given apart
    const one = computeDora({ ...base, deploys: tagged.filter((d) => d.product === 'react-router') }).deploymentFrequency;
    expect(one).toMatchObject({ value: 0.5, band: 'medium' });
    expect(one).toMatchObject({ releases: null, releasesPerWeek: null });
    expect(computeDora({ ...base, deploys: tagged.map((d) => ({ ...d, product: undefined })) }).deploymentFrequency).toMatchObject({ band: 'high' });
  });

  it('divides deploy frequency by the part of the window the history covers, up to now', () => {
    expect(computeDora(base).deploymentFrequency).toMatchObject({ value: 2 / 10, band: 'low', deployDaysPerWeek: 2 / 10 });
    // history from week 6 of the 10, now at week 9: 2 deploys over 3 weeks
    const clipped = computeDora({ ...base, window: { ...base.window, historyFrom: SINCE + 6 * W }, now: SINCE + 9 * W });
    expect(clipped.deploymentFrequency).toMatchObject({ value: 2 / 3, band: 'medium', note: "over the 3.0 weeks since the history's first commit" });
    // a product whose package was removed at week 4 (deploys at weeks 1 and 3): 2 deploys over 4 weeks, whatever now is
    const ended = computeDora({ ...base, window: { ...base.window, historyUntil: SINCE + 4 * W }, now: SINCE + 9 * W });
    expect(ended.deploymentFrequency).toMatchObject({ value: 2 / 4, coveredDays: 28, note: 'over the 4.0 weeks its history covers: its package was removed in the window' });
    // born on day 1, removed on day 15: both deploys in its two weeks
    const both = computeDora({ ...base, window: { ...base.window, historyFrom: SINCE + D, historyUntil: SINCE + 15 * D }, now: SINCE + 9 * W });
    expect(both.deploymentFrequency).toMatchObject({ value: 1, coveredDays: 14, note: 'over the 2.0 weeks its history covers: its package was removed in the window' });
  });

  it('gives no rate per week under one whole week of covered history, only the count and the days', () => {
    // a two-day history (since two days before now): 4 deploys on 2 days would read 14 deploys and 7 deploy-days a week
    const twoDays = computeDora({ ...base, window: { since: SINCE, until: SINCE + 2 * D }, now: SINCE + 2 * D, deploys: [deploy(SINCE + H), deploy(SINCE + 2 * H), deploy(SINCE + D + H), deploy(SINCE + D + 2 * H)] });
    expect(twoDays.deploymentFrequency).toMatchObject({ value: null, band: null, count: 4, deployDaysPerWeek: null, deployDays: 2, coveredDays: 2 });
    expect(twoDays.deploymentFrequency.note).toContain('under one whole week of history');
    // a one-commit repository: history from its only commit, a minute before now
    const one = computeDora({ ...base, window: { since: SINCE - 30 * D, until: SINCE + D, historyFrom: SINCE }, now: SINCE + 60, deploys: [deploy(SINCE)] });
    expect(one.deploymentFrequency).toMatchObject({ value: null, deployDaysPerWeek: null, count: 1, coveredDays: 0 });
    // exactly one week is enough: 7 deploys on 7 days
    const week = computeDora({ ...base, window: { since: SINCE, until: SINCE + W }, now: SINCE + W, deploys: Array.from({ length: 7 }, (_, i) => deploy(SINCE + i * D + H)) });
    expect(week.deploymentFrequency).toMatchObject({ value: 7, deployDaysPerWeek: 7, band: 'elite' });
  });

  it('never counts more than 7 deploy-days in a week', () => {
    // 7.5 days from a Monday noon touch 8 calendar days; a deploy on each, over 7.5 / 7 weeks, would be 7.47 a week
    const from = SINCE + 12 * H;
    const days = Array.from({ length: 8 }, (_, i) => deploy(SINCE + i * D + 13 * H));
    const dora = computeDora({ ...base, window: { since: from, until: from + 7.5 * D }, now: from + 7.5 * D, deploys: days });
    expect(dora.deploymentFrequency.deployDays).toBe(8);
    expect(dora.deploymentFrequency.deployDaysPerWeek).toBe(7);
    expect(dora.deploymentFrequency.value).toBeCloseTo(8 / (7.5 / 7), 9);
  });

  it('takes the lead time from the summary\'s censored estimate, and its band from the bound when the median is unknown', () => {
    expect(computeDora(base).leadTime).toMatchObject({ value: 2 * D, band: 'high', count: 4 });
    expect(computeDora(base).leadTime.position).toBe('DORA 2024: high cluster, between one day and one week');
    // the median is over 40 days: the low cluster’s range, or past it — which, the bound cannot tell
    expect(computeDora({ ...base, leadTime: lead({ p50: null, atLeast: 40 * D }) }).leadTime).toMatchObject({
      value: null, band: null, position: 'DORA 2024: the low cluster’s “between one month and six months”, or over it', note: 'more than half of the changes are still waiting: the median is ≥ 40d',
    });
    // over 2 days says nothing about the cluster
    expect(computeDora({ ...base, leadTime: lead({ p50: null, atLeast: 2 * D }) }).leadTime).toMatchObject({ value: null, band: null, position: null });
  });

  it('gives no band to deploy frequency and lead time with the merge signal, and says why', () => {
    const merge = computeDora({ ...base, signal: 'merge' });
    const why = 'every merge counted as a deploy (no deploy signal found): there is no deploy to measure, so no band';
    expect(merge.deploymentFrequency).toMatchObject({ value: 0.2, band: null, note: why });
    expect(merge.leadTime).toMatchObject({ value: 2 * D, band: null, note: why });
    // no deploy failed: at or under the elite cluster’s published 5%, a position and no band
    expect(merge.changeFailureRate).toMatchObject({ band: null, position: 'DORA 2024: at or under the elite cluster’s 5%' });
  });

  it('gives no calendar-time band to durations counted in working time', () => {
    const failed = [deploy(SINCE + D, { failed: true, restoredAfter: 2 * H }), deploy(SINCE + 2 * D)];
    const hours = computeDora({ ...base, deploys: failed, businessHours: true });
    const why = 'durations count working time only (--business-hours); the DORA bands are in calendar time, so none is given';
    expect(hours.leadTime).toMatchObject({ value: 2 * D, band: null, position: null, note: why });
    expect(hours.timeToRestore).toMatchObject({ value: 2 * H, band: null, position: null, note: why });
    // counts and ratios keep theirs: half the deploys failed, over the low cluster’s 40%
    expect(hours.changeFailureRate).toMatchObject({ value: 0.5, band: null, position: 'DORA 2024: over the low cluster’s 40%' });
    expect(hours.deploymentFrequency.band).toBe('low');
  });
});
