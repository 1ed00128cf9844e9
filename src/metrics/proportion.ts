/*
 * A proportion's 95% interval and that of a difference of two, in closed form. A share such as an acceptance rate
 * is k successes of n: the Wilson score interval (Wilson 1927) stays within 0–1 and keeps its coverage near 95%
 * for the small counts and the rates near 0 or 1 that the plain normal interval gets wrong, and needs no
 * resampling; a difference of two shares takes Newcombe's hybrid score interval (Newcombe 1998, method 10), built
 * from the two Wilson intervals.
 */
import { largest } from '../lists.js';
import type { Interval } from './schema.js';

/** the normal quantile of a two-sided 95% interval */
const Z = 1.959963984540054;

export interface ProportionInterval {
  /** k ÷ n; null when n is 0 */
  value: number | null;
  low: number | null;
  high: number | null;
}

/** The share `k` of `n` with its 95% Wilson score interval; all null when `n` is 0. */
export function wilson(k: number, n: number): ProportionInterval {
  if (n <= 0) return { value: null, low: null, high: null };
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // an exact 0 or 1 has its bound there: rounding must not put it a hair outside
  return { value: p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/**
 * The difference of two shares (`a` − `b`) with its 95% interval by Newcombe's hybrid score method; all null
 * when either share has no count.
 */
export function shareDifference(a: { k: number; n: number }, b: { k: number; n: number }): ProportionInterval {
  const x = wilson(a.k, a.n);
  const y = wilson(b.k, b.n);
  if (x.value === null || y.value === null || x.low === null || x.high === null || y.low === null || y.high === null) return { value: null, low: null, high: null };
  const d = x.value - y.value;
  return {
    value: d,
    low: d - Math.sqrt((x.value - x.low) ** 2 + (y.high - y.value) ** 2),
    high: d + Math.sqrt((x.high - x.value) ** 2 + (y.value - y.low) ** 2),
  };
}

/** Whether a difference's 95% interval leaves out 0: both its ends known and on one side of 0. */
export function leavesOutZero(d: { low: number | null; high: number | null }): boolean {
  return d.low !== null && d.high !== null && (d.low > 0 || d.high < 0);
}

/**
 * Newcombe's interval of `after` − `before`, two shares given item by item (1 or 0 each, nulls left out as the
 * bootstrap leaves them), when each side is all one way: no failed deploy on either side, or every one. Such a side
 * resamples to itself, so a bootstrap's interval reads "0 pp to 0 pp" from any number of items (gnome-text-editor's
 * 2 releases against 1, none failed), where two shares of 0 of 8 allow ±32 pp. Null where the bootstrap's interval
 * stands: a side with no item, with a value other than 0 and 1, or not all alike.
 */
export function sharesAllAlikeDifference(after: ArrayLike<number | null>, before: ArrayLike<number | null>): Interval | null {
  const a = alikeShare(after);
  const b = alikeShare(before);
  if (a === null || b === null) return null;
  const { value, low, high } = shareDifference(a, b);
  return { difference: value, low, high, real: leavesOutZero({ low, high }) };
}

/** k of n when every value is the same 0 or 1 (nulls left out); null otherwise, or when there is none. */
function alikeShare(values: ArrayLike<number | null>): { k: number; n: number } | null {
  let first: number | null = null;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (v !== 0 && v !== 1) return null;
    if (first === null) first = v;
    else if (v !== first) return null;
    n += 1;
  }
  return first === null ? null : { k: first * n, n };
}

/** One stratum's two shares: `a` of the first group, `b` of the second. */
export interface Stratum {
  a: { k: number; n: number };
  b: { k: number; n: number };
}

/**
 * The difference of two shares within strata (`a` − `b` in each, the strata being repositories), by Mantel and
 * Haenszel's weights (each stratum's n_a·n_b ÷ (n_a + n_b)), with the 95% interval of Sato's variance (Sato 1989, as
 * SAS's PROC FREQ and epiR give it), which holds for many small strata and for few large ones. A stratum that lacks
 * either group weighs nothing: it cannot say how the groups differ. All null when no stratum holds both; with no
 * event in any stratum, Newcombe's interval over the strata that count, pooled (the difference is 0 in each).
 * `strata` is how many strata weighed in, as `stratifiedMedianDifference` gives its own.
 */
export function stratifiedShareDifference(strata: readonly Stratum[]): ProportionInterval & { strata: number } {
  let counted = 0;
  let weights = 0;
  let sum = 0;
  let p = 0;
  let q = 0;
  // what the strata that count hold together, for when none holds an event
  const held = { a: { k: 0, n: 0 }, b: { k: 0, n: 0 } };
  for (const { a, b } of strata) {
    const n = a.n + b.n;
    if (a.n <= 0 || b.n <= 0) continue;
    counted += 1;
    held.a.k += a.k;
    held.a.n += a.n;
    held.b.k += b.k;
    held.b.n += b.n;
    weights += (a.n * b.n) / n;
    sum += (a.k * b.n - b.k * a.n) / n;
    p += (a.n * a.n * b.k - b.n * b.n * a.k + (a.n * b.n * (b.n - a.n)) / 2) / (n * n);
    q += (a.k * (b.n - b.k) + b.k * (a.n - a.k)) / (2 * n);
  }
  if (weights === 0) return { value: null, low: null, high: null, strata: 0 };
  // no event in any stratum: every stratum's difference is 0 and Sato's variance too ("0 pp to 0 pp", as if known);
  // the strata pooled then confound nothing, and Newcombe's interval says how large a difference could hide
  if (held.a.k === 0 && held.b.k === 0) return { ...shareDifference(held.a, held.b), strata: counted };
  const d = sum / weights;
  const half = Z * Math.sqrt(Math.max(0, d * p + q) / (weights * weights));
  return { value: d, low: Math.max(-1, d - half), high: Math.min(1, d + half), strata: counted };
}

// past this many outcomes of the stratified count the test is not run: its distribution is then near enough the
// normal one the intervals rest on (the test is there for the few events they read wrongly), and the convolution
// over an organisation's strata would cost more than the report
const EXACT_SUPPORT = 5000;

/**
 * The two-sided p-value of the exact conditional test that two groups' shares are alike, each stratum's margins
 * given: Fisher's exact test for one stratum, and for several the exact Cochran–Mantel–Haenszel test (the count of
 * `a`'s events summed over the strata, each stratum's count hypergeometric). Two-sided as R's `fisher.test`: the
 * outcomes no likelier than the one seen. Null without an event, or past EXACT_SUPPORT outcomes. Newcombe's interval
 * leaves out 0 for one failed deploy among 17 against none of 177 (its lower end 0.6 pp), where a split as uneven
 * comes by chance 9% of the time: the intervals' approximation fails first where the events are fewest.
 */
export function exactShareTest(strata: readonly Stratum[]): number | null {
  let dist = [1];
  let seen = 0;
  let events = 0;
  for (const { a, b } of strata) {
    const total = a.k + b.k;
    if (a.n <= 0 || b.n <= 0 || total === 0) continue;
    events += total;
    const from = Math.max(0, total - b.n);
    const pmf = hypergeometric(a.n, b.n, total, from, Math.min(total, a.n));
    if (dist.length + pmf.length - 1 > EXACT_SUPPORT) return null;
    seen += a.k - from;
    const next = new Array<number>(dist.length + pmf.length - 1).fill(0);
    for (let i = 0; i < dist.length; i++) for (let j = 0; j < pmf.length; j++) next[i + j] = (next[i + j] as number) + (dist[i] as number) * (pmf[j] as number);
    dist = next;
  }
  if (events === 0) return null;
  const observed = (dist[seen] as number) * (1 + 1e-7);
  let p = 0;
  for (const d of dist) if (d <= observed) p += d;
  return Math.min(1, p);
}

/**
 * P(X = x) for x from `from` to `to`: X the events among `na` items of a group when `events` fall at random among
 * `na + nb` items. From the ratio of neighbouring terms, in logarithms, so no factorial is formed.
 */
function hypergeometric(na: number, nb: number, events: number, from: number, to: number): number[] {
  const logs = [0];
  for (let x = from; x < to; x++) logs.push((logs[logs.length - 1] as number) + Math.log(((na - x) * (events - x)) / ((x + 1) * (nb - events + x + 1))));
  const top = largest(logs);
  const weights = logs.map((l) => Math.exp(l - top));
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
}
