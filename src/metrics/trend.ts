import { STAGES, type MeasuredChange, type MeasuredDeploy, type StageName, type Window } from '../domain.js';
import { STAGE_OF } from './stage-of.js';
import { median, medianOf } from './percentile.js';
import { deployObservation, leadObservation, type Waiting } from './stage-summary.js';
import type { Trend, TrendPeriod } from './schema.js';
import { placedTimes, trendKeys, type KeyPeriod } from './trend-keys.js';
import { largest, smallest } from '../lists.js';
import { coverage } from './coverage.js';

export type { Trend, TrendPeriod } from './schema.js';

const DAY = 86400;

/** Monday 00:00 UTC on or before `t` (epoch seconds). */
export function weekStart(t: number): number {
  const day = Math.floor(t / DAY);
  // 1970-01-01 was a Thursday: day 0 → weekday 3 counting from Monday
  return (day - ((day + 3) % 7)) * DAY;
}

/**
 * The window's changes by the Monday-based UTC week they merged in, every week of the window present (empty
 * ones too), from the week of `window.since`: one pass, as filtering all changes for each week was quadratic on
 * long windows. Pure.
 */
export function weekBuckets<C extends Pick<MeasuredChange, 'mergedAt'>>(changes: readonly C[], window: Window): { first: number; buckets: C[][] } {
  const first = weekStart(window.since);
  const buckets: C[][] = [];
  // an empty window (a span no repository of several covers) has no week, not the one holding its instant
  if (window.since >= window.until) return { first, buckets };
  for (let start = first; start < window.until; start += 7 * DAY) buckets.push([]);
  for (const change of changes) {
    if (change.mergedAt < window.since || change.mergedAt >= window.until) continue;
    buckets[Math.floor((change.mergedAt - first) / (7 * DAY))]?.push(change);
  }
  return { first, buckets };
}

/**
 * The key figures week by week across the window (by merge time), every week present even when empty. A week
 * whose changes are not all deployed (`waiting`) has no lead time or deploy wait p50, only a lower bound of it
 * (type 7 with each waiting change at its time so far): its slowest changes have not shipped yet, so its median
 * would read as progress (SPEC section 6). A complete week's figures are type 7 over its changes. Pure.
 */
export function weeklyTrend(changes: readonly MeasuredChange[], window: Window, waiting: Waiting): Trend {
  const { first, buckets } = weekBuckets(changes, window);
  return { weeks: buckets.map((inWeek, i) => ({ weekStart: isoDay(first + i * 7 * DAY), ...changeFigures(inWeek, waiting) })) };
}

/** The UTC day of `t` (epoch seconds), `2026-03-02`. */
export function isoDay(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 10);
}

/**
 * A period's figures of the changes merged in it (a week of the weekly trend, a period of every key's): the stage,
 * lead and cycle time p50s, and where some still wait for a deploy the lead time and deploy wait only as bounds,
 * the median of what is known so far with each waiting change at its wait (see `weeklyTrend`).
 */
function changeFigures(inPeriod: readonly MeasuredChange[], waiting: Waiting) {
  const open = inPeriod.filter((c) => c.deployedAt === null && c.mergedAt <= waiting.now).length;
  // a whole-history window is mostly empty weeks (1,400 over 26 years): nothing to take a median of
  const stages = inPeriod.length === 0
    ? (Object.fromEntries(STAGES.map((s) => [s, null])) as Record<StageName, null>)
    : (Object.fromEntries(STAGES.map((s) => [s, medianOf(inPeriod, STAGE_OF[s])])) as Record<StageName, number | null>);
  const lead = (c: MeasuredChange): number | null => leadObservation(c, waiting)?.seconds ?? null;
  const deploy = (c: MeasuredChange): number | null => deployObservation(c, waiting)?.seconds ?? null;
  const bound = (value: (c: MeasuredChange) => number | null): number | null => (open > 0 ? medianOf(inPeriod, value) : null);
  return {
    changes: inPeriod.length,
    waiting: open,
    leadTimeP50: inPeriod.length === 0 || open > 0 ? null : medianOf(inPeriod, lead),
    leadTimeAtLeast: bound(lead),
    cycleTimeP50: inPeriod.length === 0 ? null : medianOf(inPeriod, (c) => c.cycleTime),
    stages: open > 0 ? { ...stages, deploy: null } : stages,
    deployAtLeast: bound(deploy),
  };
}

/** Past this many weeks a window's trend is by calendar month: 1,400 weekly points over 26 years say nothing. */
export const MONTHLY_PAST_WEEKS = 26;

/** Weeks, or months for a window longer than `MONTHLY_PAST_WEEKS` weeks. */
export function periodOf(window: Window): 'week' | 'month' {
  return window.until - window.since > MONTHLY_PAST_WEEKS * 7 * DAY ? 'month' : 'week';
}

/** The start of the period holding `t`, and of the next one (epoch seconds, UTC). */
function periodAround(t: number, period: 'week' | 'month'): [number, number] {
  if (period === 'week') return [weekStart(t), weekStart(t) + 7 * DAY];
  const d = new Date(t * 1000);
  return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000];
}

/**
 * Every key period by period (SPEC section 10): deploys, deploy frequency, change failure rate and time to
 * restore from the deploys, lead time, cycle time and the stage p50s from the changes merged in it. Over the part
 * of the window the history covers up to now; a period cut by that span is `partial`, and one whose changes are
 * not all deployed has bounds for lead time and deploy wait (as `weeklyTrend`): neither is `complete`, the only
 * periods a direction compares. Pure.
 */
export function keyTrends(changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], window: Window, waiting: Waiting): Required<Pick<Trend, 'period' | 'periods' | 'keys'>> {
  const period = periodOf(window);
  const { from, to } = coverage(window, waiting.now);
  const bounds: number[] = [];
  if (from < to) {
    for (let [start] = periodAround(from, period); start < to; start = periodAround(start, period)[1]) bounds.push(start);
    bounds.push(periodAround(bounds.at(-1) ?? from, period)[1]);
  }
  const at = (t: number): number => {
    // the last start at or before t: a binary search, months being of unequal length
    let lo = 0;
    let hi = bounds.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bounds[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const merged: MeasuredChange[][] = bounds.slice(1).map(() => []);
  const shipped: MeasuredDeploy[][] = bounds.slice(1).map(() => []);
  for (const c of changes) if (c.mergedAt >= from && c.mergedAt < to) merged[at(c.mergedAt)]?.push(c);
  for (const d of deploys) if (d.at >= from && d.at < to) shipped[at(d.at)]?.push(d);
  const keyPeriods = merged.map((inPeriod, i): KeyPeriod => {
    const start = bounds[i] as number;
    const end = bounds[i + 1] as number;
    return {
      start, end, partial: start < from || end > to, covered: Math.min(end, to) - Math.max(start, from), changes: inPeriod,
      waiting: inPeriod.filter((c) => c.deployedAt === null && c.mergedAt <= waiting.now).length, deploys: shipped[i] ?? [],
    };
  });
  // deployment frequency counts what places its cluster: a repository of several products' releases
  const placed = placedTimes(keyPeriods);
  return {
    period,
    periods: keyPeriods.map((p, i): TrendPeriod => {
      const failed = p.deploys.filter((d) => d.failed);
      const { changes: count, waiting: open, ...figures } = changeFigures(p.changes, waiting);
      return {
        start: isoDay(p.start),
        end: isoDay(p.end),
        partial: p.partial,
        complete: !p.partial && count > 0 && open === 0,
        changes: count,
        waiting: open,
        deploys: p.deploys.length,
        failedDeploys: failed.length,
        // a rate per week needs a whole week under it (as the DORA key)
        deploymentFrequency: p.covered >= 7 * DAY ? (placed[i]?.length ?? 0) / (p.covered / (7 * DAY)) : null,
        changeFailureRate: p.deploys.length > 0 ? failed.length / p.deploys.length : null,
        timeToRestoreP50: median(failed.map((d) => d.restoredAfter)),
        ...figures,
      };
    }),
    // in the schema's order, as a report read back has them
    keys: trendKeys(keyPeriods, waiting, period, placed),
  };
}

/** The weeks whose changes are all deployed (and that had some): the only ones a trend may compare. */
export function isComplete(week: Trend['weeks'][number]): boolean {
  return week.changes > 0 && (week.waiting ?? 0) === 0;
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** Drawn for a week whose figure is only a lower bound (changes still waiting): no height, it is not a value. */
export const BOUND_MARK = '·';

/**
 * A one-line sparkline of the values, from their smallest to their largest unless `scale` gives the range (a share's
 * is 0 to 1: drawn between its own extremes, a share that never passed 0.7% read as full); a gap (space) where a
 * week has none, and `BOUND_MARK` where `apart` says the week is drawn apart (its figure a bound).
 */
export function sparkline(values: ReadonlyArray<number | null>, apart?: readonly boolean[], scale?: { min: number; max: number }): string {
  const present = values.filter((v, i): v is number => v !== null && !apart?.[i]);
  if (present.length === 0 && !apart?.some(Boolean)) return '';
  const min = scale?.min ?? smallest(present);
  const max = scale?.max ?? largest(present);
  return values
    // a flat line sits mid-height, unless it is flat at 0: an empty queue must not look half full
    .map((v, i) => (apart?.[i] ? BOUND_MARK : v === null ? ' ' : SPARKS[max === min ? (max === 0 ? 0 : 3) : Math.round(((v - min) / (max - min)) * (SPARKS.length - 1))]))
    .join('');
}
