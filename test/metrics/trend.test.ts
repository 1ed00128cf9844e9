import { describe, expect, it } from 'vitest';
import type { MeasuredChange as Change } from '../../src/domain.js';
import type { Waiting } from '../../src/metrics/stage-summary.js';
import { isComplete, keyTrends, periodOf, sparkline, weeklyTrend, weekStart } from '../../src/metrics/trend.js';

const H = 3600;
const D = 86400;
const at = (iso: string): number => Date.parse(iso) / 1000;
const NOW = at('2026-03-30T00:00:00Z');
const waiting: Waiting = { now: NOW, measure: (a, b) => b - a };
/** merged at `mergedAt`, first committed `coding` before; deployed `deploy` after the merge, or not yet (null) */
const change = (mergedAt: string, coding: number, deploy: number | null): Change => {
  const merged = at(mergedAt);
  return {
    mergedAt: merged,
    firstCommitAt: merged - coding,
    cycleTime: coding,
    deployedAt: deploy === null ? null : merged + deploy,
    leadTime: deploy === null ? null : coding + deploy,
    stages: { coding, pickup: null, review: null, merge: null, deploy },
  } as unknown as Change;
};
const MARCH = { since: at('2026-03-02T00:00:00Z'), until: at('2026-03-23T00:00:00Z') };

describe('weekly trend', () => {
  it('starts weeks on Monday 00:00 UTC', () => {
    expect(new Date(weekStart(at('2026-03-05T12:00:00Z')) * 1000).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(new Date(weekStart(at('2026-03-02T00:00:00Z')) * 1000).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('gives each complete week its own medians, empty weeks included', () => {
    const trend = weeklyTrend(
      [change('2026-03-03T00:00:00Z', 8 * H, 2 * H), change('2026-03-04T00:00:00Z', 16 * H, 4 * H), change('2026-03-05T00:00:00Z', 30 * H, 10 * H), change('2026-03-18T00:00:00Z', 3 * H, 2 * H)],
      MARCH,
      waiting,
    );
    expect(trend.weeks.map((w) => [w.weekStart, w.changes, w.waiting, w.leadTimeP50, w.leadTimeAtLeast])).toEqual([
      ['2026-03-02', 3, 0, 20 * H, null],
      ['2026-03-09', 0, 0, null, null],
      ['2026-03-16', 1, 0, 5 * H, null],
    ]);
    expect(trend.weeks[0]?.stages).toMatchObject({ coding: 16 * H, deploy: 4 * H });
    expect(trend.weeks.map(isComplete)).toEqual([true, false, true]);
  });

  it('gives a week with changes still waiting only a lower bound, so it does not improve because its slow changes have not shipped', () => {
    // week of 2026-03-16: one deployed (lead 5h, deploy 2h), two merged and waiting until now (2026-03-30):
    // merged 03-17 after 1h of coding → lead ≥ 13d 1h, deploy ≥ 13d; merged 03-18 after 2h → ≥ 12d 2h, ≥ 12d.
    // Their medians so far: lead 12d 2h, deploy 12d. The deployed change alone would have said 5h and 2h.
    const trend = weeklyTrend(
      [change('2026-03-16T12:00:00Z', 3 * H, 2 * H), change('2026-03-17T00:00:00Z', H, null), change('2026-03-18T00:00:00Z', 2 * H, null)],
      MARCH,
      waiting,
    );
    const week = trend.weeks[2];
    expect(week).toMatchObject({ changes: 3, waiting: 2, leadTimeP50: null, leadTimeAtLeast: 12 * D + 2 * H, deployAtLeast: 12 * D });
    expect(week?.stages.deploy).toBeNull();
    // the stages known for every merged change keep their medians
    expect(week?.stages.coding).toBe(2 * H);
    expect(week && isComplete(week)).toBe(false);
  });

  it('draws a sparkline with gaps, and a week drawn apart as a mark with no height', () => {
    expect(sparkline([0, null, 7, 3.5])).toBe('▁ █▅');
    expect(sparkline([null, null])).toBe('');
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([2, 2])).toBe('▄▄');
    // the bound of 900 is not a value: the scale is over 0..7, and the week shows as a dot
    expect(sparkline([0, 7, 900], [false, false, true])).toBe('▁█·');
  });
});

describe('every key period by period', () => {
  const deploy = (iso: string, failed = false, restoredAfter: number | null = null) => ({ at: at(iso), failed, rollback: false, rework: false, restoredAfter });

  it('is weekly up to a 26-week window and monthly past it', () => {
    const since = at('2026-01-05T00:00:00Z');
    expect(periodOf({ since, until: since + 26 * 7 * D })).toBe('week');
    expect(periodOf({ since, until: since + 26 * 7 * D + 1 })).toBe('month');
    const monthly = keyTrends([], [], { since, until: since + 27 * 7 * D }, { ...waiting, now: since + 27 * 7 * D });
    // 2026-01-05 → 2026-07-13: January (cut at its start) to July (cut at its end), calendar months
    expect(monthly.periods.map((p) => [p.start, p.end, p.partial])).toEqual([
      ['2026-01-01', '2026-02-01', true], ['2026-02-01', '2026-03-01', false], ['2026-03-01', '2026-04-01', false], ['2026-04-01', '2026-05-01', false],
      ['2026-05-01', '2026-06-01', false], ['2026-06-01', '2026-07-01', false], ['2026-07-01', '2026-08-01', true],
    ]);
  });

  it('gives each week its deploys, failure rate and time to restore, and sets apart a week cut by now or with changes waiting', () => {
    // 2026-03-02 → now, Thursday 2026-03-26 12:00: weeks of 03-02, 03-09, 03-16 whole, 03-23 cut by now
    const now = at('2026-03-26T12:00:00Z');
    const trends = keyTrends(
      [
        change('2026-03-03T00:00:00Z', 8 * H, 2 * H), change('2026-03-04T00:00:00Z', 16 * H, 4 * H),
        // week of 03-16: one deployed (lead 5h), one merged 03-18 after 2h of coding and still waiting at now: lead ≥ 8d 14h
        change('2026-03-16T12:00:00Z', 3 * H, 2 * H), change('2026-03-18T00:00:00Z', 2 * H, null),
        change('2026-03-24T00:00:00Z', 1 * H, 1 * H),
      ],
      [deploy('2026-03-03T02:00:00Z'), deploy('2026-03-04T04:00:00Z', true, 6 * H), deploy('2026-03-05T00:00:00Z', true, 2 * H), deploy('2026-03-10T00:00:00Z'), deploy('2026-03-24T01:00:00Z')],
      { since: at('2026-03-02T00:00:00Z'), until: at('2026-04-06T00:00:00Z') },
      { ...waiting, now },
    );
    expect(trends.period).toBe('week');
    expect(trends.periods.map((p) => [p.start, p.partial, p.complete, p.deploys, p.deploymentFrequency, p.changeFailureRate, p.timeToRestoreP50])).toEqual([
      ['2026-03-02', false, true, 3, 3, 2 / 3, 4 * H],
      // no change merged: nothing to call complete, but one deploy a week
      ['2026-03-09', false, false, 1, 1, 0, null],
      ['2026-03-16', false, false, 0, 0, null, null],
      // cut by now after 3.5 days: no rate per week over it
      ['2026-03-23', true, false, 1, null, 0, null],
    ]);
    const waitingWeek = trends.periods[2];
    expect(waitingWeek).toMatchObject({ changes: 2, waiting: 1, leadTimeP50: null, leadTimeAtLeast: (5 * H + 8 * D + 14 * H) / 2 });
    expect(trends.periods[0]).toMatchObject({ leadTimeP50: 15 * H, leadTimeAtLeast: null, stages: { coding: 12 * H, deploy: 3 * H } });
  });
});

describe('a trend\'s direction: the first half of the complete periods against the second', () => {
  const MON = at('2026-01-05T00:00:00Z');
  const deployAt = (day: number, failed = false, restoredAfter: number | null = null) => ({ at: MON + day * D + 12 * H, failed, rollback: false, rework: false, restoredAfter });
  /** a change merged on `day` of the window (noon), `lead` seconds from its first commit to its deploy (null: waiting) */
  const changeOn = (day: number, lead: number | null) => change(new Date((MON + day * D + 12 * H) * 1000).toISOString(), H, lead === null ? null : lead - H);
  const window = (weeks: number) => ({ since: MON, until: MON + weeks * 7 * D });
  const keyOf = (t: ReturnType<typeof keyTrends>, key: string) => t.keys.find((k) => k.key === key);

  // eight whole weeks: two deploys a week in the first four, six a week (on six days) in the last four, the first
  // three of each week failed and restored after 3h; the first four weeks' changes took 2d each from first commit
  // to deploy, the last four's 1d
  const deploys = [
    ...[0, 7, 14, 21].flatMap((d) => [deployAt(d), deployAt(d + 3)]),
    ...[28, 35, 42, 49].flatMap((d) => [0, 1, 2, 3, 4, 5].map((k) => (k < 3 ? deployAt(d + k, true, 3 * H) : deployAt(d + k)))),
  ];
  const changes = [...[1, 2, 8, 9, 15, 16, 22, 23].map((d) => changeOn(d, 2 * D)), ...[29, 30, 36, 37, 43, 44, 50, 51].map((d) => changeOn(d, D))];
  const trends = keyTrends(changes, deploys, window(8), { ...waiting, now: MON + 56 * D });

  it('reads each half over all of its periods, and calls it rising or falling only where the interval excludes 0', () => {
    // 8 deploys in 4 weeks, then 24 in 4: 2.00 → 6.00 a week
    const frequency = keyOf(trends, 'dora.deploymentFrequency')?.direction;
    expect(frequency).toMatchObject({
      direction: 'rising', completePeriods: 8, note: null,
      first: { from: '2026-01-05', to: '2026-02-02', periods: 4, value: 2, count: 8 },
      second: { from: '2026-02-02', to: '2026-03-02', periods: 4, value: 6, count: 24 },
    });
    expect(frequency?.interval.difference).toBeCloseTo(4, 12);
    expect(frequency?.interval.low).toBeGreaterThan(0);
    // every change of a half took as long: a median of 2d, then of 1d, and an interval of exactly −1d
    expect(keyOf(trends, 'dora.leadTime')?.direction).toMatchObject({ direction: 'falling', first: { value: 2 * D, count: 8 }, second: { value: D, count: 8 }, interval: { difference: -D, low: -D, high: -D, real: true } });
    // none of the first 8 deploys failed, 12 of the last 24: 0% → 50%
    expect(keyOf(trends, 'dora.changeFailureRate')?.direction).toMatchObject({ direction: 'rising', first: { value: 0, count: 8 }, second: { value: 0.5, count: 24 } });
    // no failure in the first half: no recovery time to compare, so no direction at all
    expect(keyOf(trends, 'dora.timeToRestore')?.direction).toMatchObject({ direction: null, first: { value: null, count: 0 }, second: { value: 3 * H, count: 12 }, note: 'no value in the first half: no direction' });
    // the coding stage (1h every change) did not move: no clear trend, not "falling by 0"
    expect(keyOf(trends, 'stages.coding.p50')?.direction).toMatchObject({ direction: 'no clear trend', first: { value: H }, second: { value: H }, interval: { difference: 0 } });
  });

  it('gives a change failure rate with no failed deploy in either half the interval so few deploys allow, not "0 pp to 0 pp"', () => {
    // two deploys a week for eight weeks, none failed: 0 of 8 against 0 of 8. Every resample of a half is the half
    // itself, so a bootstrap reads 0 to 0; Newcombe's interval of two shares of 0 of 8 is ±z²/(n + z²) = ±0.3244
    const calm = [0, 7, 14, 21, 28, 35, 42, 49].flatMap((d) => [deployAt(d), deployAt(d + 3)]);
    const rate = keyOf(keyTrends(changes, calm, window(8), { ...waiting, now: MON + 56 * D }), 'dora.changeFailureRate')?.direction;
    expect(rate).toMatchObject({ direction: 'no clear trend', first: { value: 0, count: 8 }, second: { value: 0, count: 8 }, interval: { difference: 0, real: false } });
    expect(rate?.interval.low).toBeCloseTo(-(1.96 ** 2) / (8 + 1.96 ** 2), 3);
    expect(rate?.interval.high).toBeCloseTo(1.96 ** 2 / (8 + 1.96 ** 2), 3);
  });

  it('says "no clear trend" where a difference is there but the interval does not exclude 0', () => {
    // two deploys a week against three, on two and three days: 8 deploys in 28 days against 12
    const few = [...[0, 7, 14, 21].flatMap((d) => [deployAt(d), deployAt(d + 3)]), ...[28, 35, 42, 49].flatMap((d) => [deployAt(d), deployAt(d + 2), deployAt(d + 4)])];
    const frequency = keyOf(keyTrends(changes, few, window(8), { ...waiting, now: MON + 56 * D }), 'dora.deploymentFrequency')?.direction;
    expect(frequency).toMatchObject({ first: { value: 2 }, second: { value: 3 } });
    expect(frequency?.interval.low).toBeLessThan(0);
    expect(frequency?.direction).toBe('no clear trend');
  });

  it('counts a repository of several products by its releases, as its cluster is placed: not its tags', () => {
    // a release a week, its products tagged at one commit: two products in the first four weeks, six in the last
    // four. Tags went 2 → 6 a week; releases stayed at one
    const release = (day: number, products: number) =>
      Array.from({ length: products }, (_, k) => ({ ...deployAt(day), product: `package-${k}`, sha: `release-${day}` }));
    const tagged = [...[0, 7, 14, 21].flatMap((d) => release(d, 2)), ...[28, 35, 42, 49].flatMap((d) => release(d, 6))];
    const t = keyTrends(changes, tagged, window(8), { ...waiting, now: MON + 56 * D });
    const frequency = keyOf(t, 'dora.deploymentFrequency');
    expect(frequency?.values).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(frequency?.direction).toMatchObject({ direction: 'no clear trend', first: { value: 1, count: 4 }, second: { value: 1, count: 4 } });
    // each week's row says the same, beside the tags it counts
    expect(t.periods.map((p) => [p.deploys, p.deploymentFrequency])).toEqual([...Array(4).fill([2, 1]), ...Array(4).fill([6, 1])]);
    // one product tagged at each commit: every deploy is a release
    const one = keyTrends(changes, deploys, window(8), { ...waiting, now: MON + 56 * D });
    expect(keyOf(one, 'dora.deploymentFrequency')?.direction).toMatchObject({ first: { value: 2, count: 8 }, second: { value: 6, count: 24 } });
  });

  it('gives no direction under four complete periods, and leaves the middle one out of an odd number', () => {
    const three = keyTrends(changes, deploys, window(3), { ...waiting, now: MON + 21 * D });
    expect(keyOf(three, 'dora.deploymentFrequency')?.direction).toMatchObject({ direction: null, completePeriods: 3, first: null, second: null, note: '3 complete weeks, under 4: no direction' });
    // five weeks: weeks 1–2 against 4–5, week 3 left out; 2 deploys a week, then 2 and 6: 2.00 → 4.00
    const five = keyOf(keyTrends(changes, deploys, window(5), { ...waiting, now: MON + 35 * D }), 'dora.deploymentFrequency')?.direction;
    expect(five).toMatchObject({ completePeriods: 5, first: { periods: 2, value: 2, to: '2026-01-19' }, second: { periods: 2, value: 4, from: '2026-01-26' }, note: 'the middle week of 5 left out' });
  });

  it('leaves a period whose changes still wait out of a duration\'s halves, never out of the deploys\'', () => {
    // the last week's second change is not deployed by now: its lead time is only a bound
    const waitingLast = [...changes.slice(0, -1), changeOn(51, null)];
    const t = keyTrends(waitingLast, deploys, window(8), { ...waiting, now: MON + 56 * D });
    const lead = keyOf(t, 'dora.leadTime');
    expect(lead?.apart).toEqual([false, false, false, false, false, false, false, true]);
    expect(lead?.values.at(-1)).toBeNull();
    // 7 complete weeks: 1–3 against 5–7
    expect(lead?.direction).toMatchObject({ completePeriods: 7, first: { periods: 3, count: 6 }, second: { periods: 3, count: 6 } });
    expect(keyOf(t, 'dora.deploymentFrequency')?.direction.completePeriods).toBe(8);
    // the coding stage is known at the merge: the week is not apart for it
    expect(keyOf(t, 'stages.coding.p50')?.apart.at(-1)).toBe(false);
  });
});
