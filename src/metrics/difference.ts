/*
 * The statistics of comparing two windows (`flowaudit compare`, SPEC section 9): whether a figure changed for
 * better or worse, and the per-day deploy counts the deploy frequency's interval resamples. The interval itself
 * is bootstrap.ts's; which figures are compared and how they are shown are compare's.
 */
import type { Interval } from './bootstrap.js';

/** `uncertain`: the values differ but the 95% interval of the difference includes 0, so the data cannot tell. */
export type Direction = 'better' | 'worse' | 'same' | 'uncertain';

// two values this close (relative to their size) are the same figure written twice, not a change
const EPSILON = 1e-9;

/** How far apart two values may be and still be one figure written twice. */
function roundingOf(before: number, after: number): number {
  return EPSILON * Math.max(1, Math.abs(after), Math.abs(before));
}

const DAY = 86400;

/**
 * Which way `after` moved from `before`: `same` when equal (to rounding) and the interval says so too, better or
 * worse only when `interval` (of after − before) excludes 0 on the side the change is on and holds the change
 * itself, `uncertain` otherwise. A real interval with one end null is unbounded on that side (a side with changes still waiting
 * whose percentile some resamples do not reach, `bootstrapCensoredDifference`); the other end then decides. An
 * interval that does not hold the change shown is not of that change and says nothing of it (a percentile
 * bootstrap of a skewed sample can leave its own estimate out; aspire's deploy wait read 'rose 85%, +18d'
 * beside '+7d 15h … +12d' when the interval resampled the finished changes alone).
 */
export function directionOf(before: number, after: number, interval: Interval, lowerIsBetter: boolean): Direction {
  const change = after - before;
  const tolerance = roundingOf(before, after);
  // equal values are "no change" only where the resamples say so too (every one equal, or none drawn): 0 of 8
  // failed deploys before and 0 of 4 after, Newcombe's −32 pp … +49 pp, is not known to be unchanged
  if (Math.abs(change) <= tolerance) return widthless(interval, tolerance) ? 'same' : 'uncertain';
  const real = interval.real && holdsChange(interval, before, after) && (change < 0 ? interval.high !== null && interval.high < 0 : interval.low !== null && interval.low > 0);
  return !real ? 'uncertain' : (change < 0) === lowerIsBetter ? 'better' : 'worse';
}

/** Whether an interval says nothing beyond 0: none drawn (both ends null), or both ends 0 to rounding. */
function widthless(interval: Pick<Interval, 'low' | 'high'>, tolerance: number): boolean {
  const { low, high } = interval;
  return (low === null && high === null) || (low !== null && high !== null && Math.abs(low) <= tolerance && Math.abs(high) <= tolerance);
}

/**
 * `after` − `before` and that as a share of `before`, as a compared row gives them: 0 for two values equal to
 * rounding, whether or not the interval can tell they are equal (`directionOf`); null where a side is not measured
 * (the share also where `before` is 0).
 */
export function changeOf(before: number | null, after: number | null): { change: number | null; relativeChange: number | null } {
  if (before === null || after === null) return { change: null, relativeChange: null };
  const change = Math.abs(after - before) <= roundingOf(before, after) ? 0 : after - before;
  return { change, relativeChange: before === 0 ? null : change / before };
}

/**
 * Whether `interval` (of after − before, an end null where unbounded) holds the change from `before` to `after`,
 * to rounding: one that does not is not of that change (`directionOf`), and a page shows none beside it.
 */
export function holdsChange(interval: Pick<Interval, 'low' | 'high'>, before: number, after: number): boolean {
  const change = after - before;
  const tolerance = roundingOf(before, after);
  return (interval.low !== null || interval.high !== null) && (interval.low === null || change >= interval.low - tolerance) && (interval.high === null || change <= interval.high + tolerance);
}

/**
 * Deploys per day of the window [since, until) (epoch seconds), each day scaled so that the mean is deploys per
 * week over the window: the days are what the bootstrap resamples for deploy frequency. Deploys outside the window
 * are left out; an empty or reversed window has no days.
 */
export function dailyDeployCounts(since: number, until: number, deployTimes: readonly number[]): number[] {
  const length = until - since;
  if (!(length > 0)) return [];
  const days = new Array<number>(Math.ceil(length / DAY)).fill(0);
  for (const at of deployTimes) {
    const i = Math.floor((at - since) / DAY);
    if (i >= 0 && i < days.length) days[i] = (days[i] ?? 0) + 1;
  }
  const scale = (7 * DAY * days.length) / length;
  return days.map((n) => n * scale);
}
