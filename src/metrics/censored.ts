import { distributionOfValues, percentile } from './percentile.js';
import type { CensoredDistribution } from './schema.js';
import { ScratchPool } from './scratch.js';

export type { CensoredDistribution } from './schema.js';

/** One value: a finished duration (`done`), or one still running, known only to be at least `seconds`. */
export interface Observation {
  seconds: number;
  done: boolean;
}

const PERCENTILES = [['p50', 0.5], ['p75', 0.75], ['p90', 0.9]] as const;
// Ŝ is a product of fractions: 1 − p must be met despite rounding (Ŝ = 0.5 computed as 0.4999…9 or 0.5000…1)
export const KAPLAN_MEIER_EPSILON = 1e-9;
const EPSILON = KAPLAN_MEIER_EPSILON;

/**
 * count, p50, p75, p90 and mean of the observations. With none still running: type 7 over them, as every
 * distribution. With some: read off the Kaplan–Meier estimate Ŝ — the smallest t with Ŝ(t) ≤ 1 − p — and a
 * percentile Ŝ does not reach while it is read (see `readableUntil`) is null, with a true lower bound of it
 * in `bounds` and the lowest such in `atLeast` (see `lowerBound`). The mean of values not all known
 * is unknown: null then. `count` counts both kinds. Pure.
 */
export function censoredDistribution(observations: readonly Observation[]): CensoredDistribution {
  return censoredDistributionOf(observations, (o) => o);
}

// two scratch columns a call, lent and reused: an organisation's aggregate takes this over 600,000 changes, and
// a list of observations (or a copy to sort) each time would be most of its memory
const scratch = new ScratchPool(2);

/** As `censoredDistribution`, over `observe` of each item (null: not observed), without a list of observations. */
export function censoredDistributionOf<T>(items: readonly T[], observe: (item: T) => Observation | null): CensoredDistribution {
  const doneScratch = scratch.borrow(items.length);
  const runningScratch = scratch.borrow(items.length);
  try {
    return censoredOf(items, observe, doneScratch, runningScratch);
  } finally {
    scratch.giveBack(runningScratch);
    scratch.giveBack(doneScratch);
  }
}

function censoredOf<T>(items: readonly T[], observe: (item: T) => Observation | null, doneScratch: Float64Array, runningScratch: Float64Array): CensoredDistribution {
  let finished = 0;
  let running = 0;
  let sum = 0;
  for (let i = 0; i < items.length; i++) {
    const o = observe(items[i] as T);
    if (o === null || !Number.isFinite(o.seconds)) continue;
    if (o.done) {
      doneScratch[finished++] = o.seconds;
      sum += o.seconds;
    } else runningScratch[running++] = o.seconds;
  }
  const done = doneScratch.subarray(0, finished);
  if (running === 0) {
    // every percentile of a non-empty list is reached; an empty one has no largest time
    return { ...distributionOfValues(done, sum), censored: 0, atLeast: null };
  }
  const still = runningScratch.subarray(0, running).sort();
  const reached = kaplanMeier(done.sort(), still, PERCENTILES.map(([, p]) => 1 - p + EPSILON));
  const horizon = readableUntil(done, still);
  const figures = Object.fromEntries(
    PERCENTILES.map(([key], i) => {
      const seconds = reached[i] ?? null;
      return [key, seconds !== null && seconds <= horizon ? seconds : null];
    }),
  ) as Record<'p50' | 'p75' | 'p90', number | null>;
  const unreached = PERCENTILES.filter(([key]) => figures[key] === null);
  if (unreached.length === 0) return { count: finished + running, ...figures, mean: null, censored: running, atLeast: null };
  // a percentile is at least every one below it: aider's p90 bound (type 7 with its many new changes at their few
  // days) read 82d 2h under a reached p75 of 82d 20h
  let floor = 0;
  const bounds = Object.fromEntries(PERCENTILES.map(([key, p]) => {
    const reachedAt = figures[key];
    const bound = reachedAt === null ? Math.max(floor, lowerBound(done, still, p)) : null;
    floor = Math.max(floor, reachedAt ?? bound ?? 0);
    return [key, bound];
  })) as Record<'p50' | 'p75' | 'p90', number | null>;
  // percentiles only rise: the lowest one unreached bounds every one above it
  return { count: finished + running, ...figures, mean: null, censored: running, atLeast: bounds[(unreached[0] as (typeof PERCENTILES)[number])[0]], bounds };
}

/**
 * The p-th percentile of the observations read as `censoredDistribution` reads its p50, p75 and p90 (p in
 * [0, 1]): type 7 when none is still running, else off the Kaplan–Meier estimate, null when it is not reached
 * where it is read (`readableUntil`), with `atLeast` its true lower bound then. What a compared figure's
 * bootstrap resamples (bootstrap.ts `bootstrapCensoredDifference`) takes as the sample's own. Pure.
 */
export function censoredPercentile(observations: readonly Observation[], p: number): { value: number | null; atLeast: number | null } {
  const done: number[] = [];
  const running: number[] = [];
  for (const o of observations) if (Number.isFinite(o.seconds)) (o.done ? done : running).push(o.seconds);
  const finished = Float64Array.from(done).sort();
  if (running.length === 0) return { value: percentile(finished, p), atLeast: null };
  const still = Float64Array.from(running).sort();
  const [reached] = kaplanMeier(finished, still, [1 - p + EPSILON]);
  const value = reached !== null && reached !== undefined && reached <= readableUntil(finished, still) ? reached : null;
  return { value, atLeast: value === null ? lowerBound(finished, still, p) : null };
}

/**
 * A true lower bound of the p-th percentile (SPEC section 6): type 7 over every value, each still running one at
 * its time so far. Each value is at least that, and type 7 only rises with its values, so the percentile of the
 * values once all are known is at least this. Not the largest time seen: one old branch must not make "at
 * least" say more than half of the changes can show. `done` and `running` are each in ascending order.
 */
function lowerBound(done: Float64Array, running: Float64Array, p: number): number {
  const h = (done.length + running.length - 1) * p;
  const lo = Math.floor(h);
  const a = nthOfMerged(done, running, lo);
  return a + (h - lo) * (nthOfMerged(done, running, Math.ceil(h)) - a);
}

/** The n-th smallest (from 0) of two ascending columns merged, walked from their starts. */
function nthOfMerged(a: Float64Array, b: Float64Array, n: number): number {
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) i++;
    else j++;
  }
  if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) return a[i] as number;
  return b[j] as number;
}

/** Below this share of the values still at risk, one finishing value moves Ŝ by a tenth or more: not read. */
export const MIN_AT_RISK_SHARE = 0.05;
/**
 * Nor below this many, whatever the share: in a small group the last values at risk decide every step of Ŝ.
 * helm's 11 AI-assisted changes of 90 days, 3 deployed (6, 84 and 350 days), read a median lead time of 350 days:
 * Ŝ stood at 0.78 until the one change still at risk at 350 days shipped, and fell to 0 with it.
 */
export const MIN_AT_RISK = 5;

/**
 * How many of n values must still be at risk where the estimate is read past the first value still running: 5%
 * of them, and at least 5 (all of them in a group of 5 or fewer). One rule for every reader of Ŝ.
 */
export function keptAtRisk(n: number): number {
  return Math.min(n, Math.max(MIN_AT_RISK, Math.ceil(MIN_AT_RISK_SHARE * n)));
}

/**
 * The last time the estimate is read at: while at least 5% of the values, and at least 5, are still at risk
 * (finishing or running at that time or later), i.e. the time of the `keptAtRisk(n)`-th largest value; and in any
 * case up to the first value still running, before which nothing has left the estimate unfinished: there Ŝ is the
 * plain share of values not yet finished, as type 7 would count them, however few are at risk. Past that the
 * estimate rests on a handful of old values (rails: its p50 crossed 0.5 at 1,997 days with 4 of 1,840 changes at
 * risk; helm's 11 AI-assisted changes at 350 days with 1); a percentile beyond it is unreached, at least this
 * long. `done` and `running` are each in ascending order, `running` not empty.
 */
function readableUntil(done: Float64Array, running: Float64Array): number {
  const keep = keptAtRisk(done.length + running.length);
  // the keep-th largest of the two sorted columns merged, walked from their ends
  let i = done.length - 1;
  let j = running.length - 1;
  let value = 0;
  for (let k = 0; k < keep; k++) {
    if (j < 0 || (i >= 0 && (done[i] as number) >= (running[j] as number))) value = done[i--] as number;
    else value = running[j--] as number;
  }
  return Math.max(value, running[0] as number);
}

/**
 * The Kaplan–Meier survival estimate: at each time a value finished, Ŝ(t) = Ŝ(before) × (1 − d/n), with d
 * the values finishing at t and n those still at risk (finishing or running at t or later). A value still
 * running at t is at risk at t: it ran at least that long. `done` and `running` are each in ascending order;
 * returns, for each of `levels`, the first time Ŝ is at or below it (null when it never is). Ŝ only falls, so
 * one walk answers every level and no step is kept (over an organisation's changes, hundreds of thousands).
 */
function kaplanMeier(done: Float64Array, running: Float64Array, levels: readonly number[]): Array<number | null> {
  const reached: Array<number | null> = levels.map(() => null);
  let atRisk = done.length + running.length;
  let survival = 1;
  let i = 0;
  let j = 0;
  while (i < done.length || j < running.length) {
    const t = Math.min(i < done.length ? (done[i] as number) : Infinity, j < running.length ? (running[j] as number) : Infinity);
    let finished = 0;
    for (; i < done.length && done[i] === t; i++) finished++;
    let still = 0;
    for (; j < running.length && running[j] === t; j++) still++;
    if (finished > 0) {
      survival *= 1 - finished / atRisk;
      for (let k = 0; k < levels.length; k++) if (reached[k] === null && survival <= (levels[k] as number)) reached[k] = t;
    }
    atRisk -= finished + still;
  }
  return reached;
}
