/**
 * Confidence in a difference (SPEC section 9): a 95% percentile-bootstrap interval for the difference of a
 * statistic (the median by default) between two groups, each resampled with replacement on its own. The
 * generator is seeded afresh for every interval, so an interval depends only on its two samples: the same
 * data give the same bytes, whatever else the report computes.
 */
import { orderBand, percentile, percentilesOfUnsorted } from './percentile.js';
import { mulberryOutput, mulberryStep, seededRandom, type Random } from './prng.js';
import { MIN_BOOTSTRAP_SAMPLE } from './limits.js';
import type { Interval } from './schema.js';
import { ScratchPool } from './scratch.js';

export type { Interval } from './schema.js';

const BOOTSTRAP_RESAMPLES = 2000;
const SEED = 0x5eed2026;

/** What is compared: a type-7 percentile (p in [0, 1]; 0.5 is the median) or the mean (a rate over 0/1 values). */
export type Statistic = { kind: 'percentile'; p: number } | { kind: 'mean' };
export const MEDIAN: Statistic = { kind: 'percentile', p: 0.5 };

const NO_INTERVAL: Interval = { difference: null, low: null, high: null, real: false };

/**
 * The difference `statistic(a) − statistic(b)` with its 95% bootstrap interval (2,000 resamples, fixed
 * seed). Nulls (and `real: false`) when either group has no value; non-finite values are left out. Pure.
 */
export function bootstrapDifference(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>, statistic: Statistic = MEDIAN): Interval {
  return withValues(a, b, (v) => v, (xs, ys) => (xs.length === 0 || ys.length === 0 ? { ...NO_INTERVAL } : differenceOfValues(xs, ys, statistic)));
}

/**
 * As `bootstrapDifference` over two groups' finite values given as typed arrays, which it reorders: what a caller
 * that reads many values into one array of its own passes without a list of them. Pure but for that order.
 */
export function bootstrapDifferenceOfValues(xs: Float64Array, ys: Float64Array, statistic: Statistic = MEDIAN): Interval {
  return xs.length === 0 || ys.length === 0 ? { ...NO_INTERVAL } : differenceOfValues(xs, ys, statistic);
}

/**
 * As `bootstrapDifference` of the medians, over `value` of each item of the two groups, without a list of their
 * values; with each group's median (type 7; null when it has no value), which the difference is of. Pure.
 */
export function compareMediansOf<T>(a: readonly T[], b: readonly T[], value: (item: T) => number | null): { interval: Interval; medians: [number | null, number | null] } {
  return withValues(a, b, value, (xs, ys) => compareMediansOfValues(xs, ys));
}

function compareMediansOfValues(xs: Float64Array, ys: Float64Array): { interval: Interval; medians: [number | null, number | null] } {
  if (xs.length === 0 || ys.length === 0) {
    const median = (values: Float64Array): number | null => (values.length === 0 ? null : (percentilesOfUnsorted(values, [0.5])[0] as number));
    return { interval: { ...NO_INTERVAL }, medians: [median(xs), median(ys)] };
  }
  const interval = differenceOfValues(xs, ys, MEDIAN);
  // the indices the median reads are in sorted order now (`orderRanks`)
  return { interval, medians: [of(xs, MEDIAN), of(ys, MEDIAN)] };
}

/** The interval of `bootstrapDifference` over two groups' finite values, neither empty (each reordered). */
function differenceOfValues(xs: Float64Array, ys: Float64Array, statistic: Statistic): Interval {
  const lent = scratch.borrow(BOOTSTRAP_RESAMPLES);
  try {
    return differenceWith(xs, ys, statistic, lent.subarray(0, BOOTSTRAP_RESAMPLES));
  } finally {
    scratch.giveBack(lent);
  }
}

function differenceWith(xs: Float64Array, ys: Float64Array, statistic: Statistic, differences: Float64Array): Interval {
  if (statistic.kind === 'mean') {
    xs.sort();
    ys.sort();
    if (byCounts(xs) && byCounts(ys)) countedMeanDifferences(tally(xs), tally(ys), differences);
    else meanDifferences(xs, ys, differences);
  } else {
    const ranks = percentileRanks(statistic.p, xs.length, ys.length);
    const x = (xs.length - 1) * statistic.p;
    const y = (ys.length - 1) * statistic.p;
    orderRanks(xs, ranks, 0, x);
    orderRanks(ys, ranks, 2, y);
    for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
      const at = 4 * r;
      differences[r] = resampled(xs, x - Math.floor(x), ranks[at] as number, ranks[at + 1] as number) - resampled(ys, y - Math.floor(y), ranks[at + 2] as number, ranks[at + 3] as number);
    }
  }
  const [high, low] = percentilesOfUnsorted(differences, [0.975, 0.025]) as [number, number];
  const enough = xs.length >= MIN_BOOTSTRAP_SAMPLE && ys.length >= MIN_BOOTSTRAP_SAMPLE;
  return { difference: of(xs, statistic) - of(ys, statistic), low, high, real: enough && (low > 0 || high < 0) };
}

// the two groups' values and the resamples' differences, lent and reused: a new array each was 16 kB of garbage
// seven times per repository of an organisation, and megabytes for the values of an organisation's changes
const scratch = new ScratchPool(3);

/** Runs `use` over the finite values of `value` over each group, in arrays lent for the call. */
function withValues<T, R>(a: readonly T[], b: readonly T[], value: (item: T) => number | null, use: (xs: Float64Array, ys: Float64Array) => R): R {
  const x = scratch.borrow(a.length);
  const y = scratch.borrow(b.length);
  try {
    return use(valuesOf(a, value, x), valuesOf(b, value, y));
  } finally {
    scratch.giveBack(y);
    scratch.giveBack(x);
  }
}

/** The finite values of `value` over `items`, in `known` (as long as `items`). */
function valuesOf<T>(items: readonly T[], value: (item: T) => number | null, known: Float64Array): Float64Array {
  let n = 0;
  for (const item of items) {
    const v = value(item);
    if (v !== null && Number.isFinite(v)) known[n++] = v;
  }
  return known.subarray(0, n);
}

/**
 * Puts in sorted order every index of `values` a percentile's resamples read (`ranks` at `at` and `at + 1`
 * of every four) and the two around `h` the sample's own percentile reads: those lie in a band around the
 * percentile, which grows as the square root of n, so over an organisation's 500,000 values two selections
 * and a sort of a few thousand replace a sort of them all. Exact: each of those indices holds what it
 * would after a full sort.
 */
function orderRanks(values: Float64Array, ranks: Int32Array, at: number, h: number): void {
  let first = Math.floor(h);
  let last = Math.ceil(h);
  for (let i = at; i < ranks.length; i += 4) {
    const lo = ranks[i] as number;
    const hi = ranks[i + 1] as number;
    if (lo < first) first = lo;
    if (lo > last) last = lo;
    if (hi > last) last = hi;
  }
  orderBand(values, first, last);
}

/** The statistic of the sample: its percentile (the indices it reads in sorted order), or its mean (sorted). */
function of(values: Float64Array, statistic: Statistic): number {
  if (statistic.kind === 'mean') return values.reduce((s, v) => s + v, 0) / values.length;
  return percentile(values, statistic.p) as number;
}

/**
 * The percentile of one resample (n draws with replacement) of `sorted`, without drawing n values: it needs
 * only the resample's order statistics at ranks lo and lo + 1, and the k-th smallest of n draws is
 * `sorted[floor(n × U(k))]` where U(k), the k-th smallest of n uniforms, is Beta(k, n − k + 1); the next one
 * is U(k) plus the least of the n − k uniforms above it. Two draws a resample, whatever n: a sample of 50,000
 * changes costs what one of 50 does. Writes the two indices of `sorted` it reads to `out[at]` and `out[at + 1]`
 * (-1 when p falls on a rank and the second is not needed).
 */
function rankDrawer(p: number, n: number, random: Random): (out: Int32Array, at: number) => void {
  const index = (u: number): number => Math.min(n - 1, Math.floor(n * u));
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const beta = random.betaOf(lo + 1, n - lo);
  const above = 1 / (n - lo - 1);
  return (out, at) => {
    const u = beta();
    out[at] = index(u);
    if (h === lo) {
      out[at + 1] = -1;
      return;
    }
    const next = u + (1 - u) * (1 - random.uniform() ** above);
    out[at + 1] = index(next);
  };
}

/** One resample's percentile from its two ranks (see `rankDrawer`); `fraction` is h − lo. */
function resampled(sorted: Float64Array, fraction: number, first: number, second: number): number {
  const a = sorted[first] as number;
  if (second < 0) return a;
  return a + fraction * ((sorted[second] as number) - a);
}

// The indices every resample reads depend on the two sample sizes and the seed alone, never on the values:
// drawn once per (p, sizes), an interval costs a pass over 2,000 index pairs. The AI comparison asks for seven
// intervals over the same two groups (many with the same sizes), for every repository of an organisation.
// A memo, not scratch: an entry is written once, when made, and only read after.
const drawn = new Map<string, Int32Array>();
const DRAWN = 32;

/** Per resample r, the ranks of the first group at 4r and 4r + 1 and of the second at 4r + 2 and 4r + 3, drawn from one seeded stream in that order. */
function percentileRanks(p: number, nx: number, ny: number): Int32Array {
  const key = `${p}/${nx}/${ny}`;
  let ranks = drawn.get(key);
  if (ranks === undefined) {
    const random = seededRandom(SEED);
    const x = rankDrawer(p, nx, random);
    const y = rankDrawer(p, ny, random);
    ranks = new Int32Array(4 * BOOTSTRAP_RESAMPLES);
    for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
      x(ranks, 4 * r);
      y(ranks, 4 * r + 2);
    }
    if (drawn.size >= DRAWN) drawn.delete(drawn.keys().next().value as string);
    drawn.set(key, ranks);
  }
  return ranks;
}

/**
 * Each resample's mean of `xs` less its mean of `ys` (every draw counted: means are of 0/1 flags and weekly or
 * daily counts), drawn in that order from one mulberry32 stream seeded with SEED. The stream's state is a local
 * of this loop rather than a closure's: the same draws, the AI shift's weekly rows in 58 ms instead of 81.
 */
function meanDifferences(xs: Float64Array, ys: Float64Array, differences: Float64Array): void {
  let state = SEED >>> 0;
  const nx = xs.length;
  const ny = ys.length;
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
    let sx = 0;
    for (let i = 0; i < nx; i++) {
      state = mulberryStep(state);
      sx += xs[Math.floor(mulberryOutput(state) * nx)] as number;
    }
    let sy = 0;
    for (let i = 0; i < ny; i++) {
      state = mulberryStep(state);
      sy += ys[Math.floor(mulberryOutput(state) * ny)] as number;
    }
    differences[r] = sx / nx - sy / ny;
  }
}

/**
 * Past this many values, a mean's sample of few distinct values (0/1 flags, a day's deploys) is resampled by how
 * many draws fall on each value rather than draw by draw: the same bootstrap distribution, each resample's counts
 * being multinomial, at a cost that no longer grows with the sample. An organisation's change failure rate over
 * 100,000 deploys took 1.2 s of its 2,000 resamples drawn one by one. Smaller samples keep the draw-by-draw loop
 * (and its exact bytes).
 */
const COUNTED_FROM = 1000;
/** … and at most this many distinct values */
const COUNTED_DISTINCT = 32;

/** Whether a sorted sample is resampled by counts (see COUNTED_FROM). */
function byCounts(sorted: Float64Array): boolean {
  if (sorted.length < COUNTED_FROM) return false;
  let distinct = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1] && ++distinct > COUNTED_DISTINCT) return false;
  return true;
}

/** A sorted sample's distinct values and how many times each occurs. */
function tally(sorted: Float64Array): { values: number[]; counts: number[]; n: number } {
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1] = (counts.at(-1) as number) + 1;
    else {
      values.push(sorted[i] as number);
      counts.push(1);
    }
  }
  return { values, counts, n: sorted.length };
}

/**
 * Each resample's mean of the first sample less the second's, from how many of its n draws fall on each distinct
 * value: a multinomial, drawn as one binomial per value of the draws left over the values left (seeded with SEED).
 */
function countedMeanDifferences(x: ReturnType<typeof tally>, y: ReturnType<typeof tally>, differences: Float64Array): void {
  const random = seededRandom(SEED);
  const mean = (t: ReturnType<typeof tally>): number => {
    let left = t.n;
    let pool = t.n;
    let sum = 0;
    for (let j = 0; j < t.values.length && left > 0; j++) {
      const c = t.counts[j] as number;
      const k = c === pool ? left : binomial(left, c / pool, random);
      sum += k * (t.values[j] as number);
      left -= k;
      pool -= c;
    }
    return sum / t.n;
  };
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) differences[r] = mean(x) - mean(y);
}

/**
 * Binomial(m, p), exactly, in O(log m) draws: how many of m uniforms fall below p, found by drawing the middle one
 * of them (the i-th smallest of m is Beta(i, m − i + 1)) and keeping the side p is on, whose uniforms are again
 * uniform over it (Devroye, Non-Uniform Random Variate Generation, X.4); under 16 left, drawn one by one.
 */
export function binomial(m: number, p: number, random: Random): number {
  let count = 0;
  let left = m;
  let q = p;
  while (left >= 16) {
    const i = (left + 1) >> 1;
    const u = random.beta(i, left + 1 - i);
    if (u <= q) {
      // the i smallest lie under u, so under p; the other left − i are uniform on (u, 1)
      count += i;
      left -= i;
      q = (q - u) / (1 - u);
    } else {
      // the i-th and those above it lie over p; the i − 1 below are uniform on (0, u)
      left = i - 1;
      q = q / u;
    }
  }
  for (let j = 0; j < left; j++) if (random.uniform() < q) count++;
  return count;
}
