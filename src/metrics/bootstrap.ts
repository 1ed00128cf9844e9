/**
 * Confidence in a difference (SPEC section 9): a 95% percentile-bootstrap interval for the difference of a
 * statistic (the median by default) between two groups, each resampled with replacement on its own. The
 * generator is seeded afresh for every interval, so an interval depends only on its two samples: the same
 * data give the same bytes, whatever else the report computes.
 */
import { z } from 'zod';
import { percentile } from './percentile.js';
import { mulberry32 } from './prng.js';

const BOOTSTRAP_RESAMPLES = 2000;
const SEED = 0x5eed2026;
/**
 * Below this many values in a group the resamples barely vary (one value resamples to itself), so an interval
 * would look certain when nothing is known: it is still given, but never called real.
 */
export const MIN_BOOTSTRAP_SAMPLE = 5;

export const intervalSchema = z.object({
  difference: z.number().nullable().describe('the statistic of the first group minus the second\'s, over all their values; null when a group is empty'),
  low: z.number().nullable().describe('2.5th percentile of the bootstrap differences'),
  high: z.number().nullable().describe('97.5th percentile of the bootstrap differences'),
  real: z.boolean().describe(`the 95% interval excludes 0 (and each group has at least ${MIN_BOOTSTRAP_SAMPLE} values): a difference the data can tell`),
});
export type Interval = z.infer<typeof intervalSchema>;

/** What is compared: a type-7 percentile (p in [0, 1]; 0.5 is the median) or the mean (a rate over 0/1 values). */
export type Statistic = { kind: 'percentile'; p: number } | { kind: 'mean' };
export const MEDIAN: Statistic = { kind: 'percentile', p: 0.5 };

const NO_INTERVAL: Interval = { difference: null, low: null, high: null, real: false };

/**
 * The difference `statistic(a) − statistic(b)` with its 95% bootstrap interval (2,000 resamples, fixed
 * seed). Nulls (and `real: false`) when either group has no value; non-finite values are left out. Pure.
 */
export function bootstrapDifference(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>, statistic: Statistic = MEDIAN): Interval {
  const xs = sortedValues(a);
  const ys = sortedValues(b);
  if (xs.length === 0 || ys.length === 0) return NO_INTERVAL;
  const random = mulberry32(SEED);
  const counts = { x: new Uint32Array(xs.length), y: new Uint32Array(ys.length) };
  const differences = new Float64Array(BOOTSTRAP_RESAMPLES);
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
    differences[r] = resampled(xs, counts.x, statistic, random) - resampled(ys, counts.y, statistic, random);
  }
  const sorted = Array.from(differences.sort());
  const low = percentile(sorted, 0.025) as number;
  const high = percentile(sorted, 0.975) as number;
  const enough = xs.length >= MIN_BOOTSTRAP_SAMPLE && ys.length >= MIN_BOOTSTRAP_SAMPLE;
  return { difference: of(xs, statistic) - of(ys, statistic), low, high, real: enough && (low > 0 || high < 0) };
}

function sortedValues(values: ReadonlyArray<number | null>): Float64Array {
  return Float64Array.from(values.filter((v): v is number => v !== null && Number.isFinite(v))).sort();
}

function of(sorted: Float64Array, statistic: Statistic): number {
  if (statistic.kind === 'mean') return sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return percentile(Array.from(sorted), statistic.p) as number;
}

/**
 * The statistic of one resample of `sorted`, without sorting it: draw n positions into `counts` (how often
 * each value was drawn), then walk the counts to the order statistics the percentile needs. O(n) a resample.
 */
function resampled(sorted: Float64Array, counts: Uint32Array, statistic: Statistic, random: () => number): number {
  const n = sorted.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) (counts[Math.floor(random() * n)] as number)++;
  if (statistic.kind === 'mean') {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (counts[i] as number) * (sorted[i] as number);
    return sum / n;
  }
  const h = (n - 1) * statistic.p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  let seen = 0;
  let a = NaN;
  for (let i = 0; i < n; i++) {
    seen += counts[i] as number;
    // the resample's value at sorted rank lo (0-based) is the first whose cumulative count passes lo
    if (Number.isNaN(a) && seen > lo) a = sorted[i] as number;
    if (seen > hi) return a + (h - lo) * ((sorted[i] as number) - a);
  }
  return a;
}
