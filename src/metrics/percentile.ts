import quickselect from 'quickselect';
import type { Distribution } from './schema.js';
import { ScratchPool } from './scratch.js';

export type { Distribution } from './schema.js';

/**
 * Percentile by linear interpolation between closest ranks: the "type 7" method of R, NumPy and Excel's
 * PERCENTILE.INC (SPEC section 6). `sorted` must be ascending; `p` is in [0, 1]. The p50 of 1,2,3,4 is 2.5.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** count, p50, p75, p90 and mean of the non-null values; values rounded to whole seconds where given. */
export function distribution(values: ReadonlyArray<number | null>): Distribution {
  return distributionOf(values, (v) => v);
}

// the values gathered for a distribution: a new array per call was 5 MB a time over an organisation
const scratch = new ScratchPool(1);

/**
 * The distribution of `value` over `items` (nulls and non-finite values left out), without an array of the
 * values in between: an organisation's aggregate takes it over 600,000 changes, many times. The percentiles
 * are type 7 over the values as if sorted, read by selection rather than a full sort.
 */
export function distributionOf<T>(items: readonly T[], value: (item: T) => number | null): Distribution {
  const lent = scratch.borrow(items.length);
  try {
    const { known, sum } = gather(items, value, lent);
    return distributionOfValues(known, sum);
  } finally {
    scratch.giveBack(lent);
  }
}

/** The finite values of `value` over `items` in `known` (as long as `items`), and their sum added up in their order. */
function gather<T>(items: readonly T[], value: (item: T) => number | null, known: Float64Array): { known: Float64Array; sum: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < items.length; i++) {
    const v = value(items[i] as T);
    if (v === null || !Number.isFinite(v)) continue;
    known[n++] = v;
    sum += v;
  }
  return { known: known.subarray(0, n), sum };
}

/**
 * count, p50, p75, p90 and mean of finite `values`, which are reordered; `sum` is theirs, added up in the order
 * they came (as `distributionOf` adds them).
 */
export function distributionOfValues(values: Float64Array, sum: number): Distribution {
  const n = values.length;
  if (n === 0) return { count: 0, p50: null, p75: null, p90: null, mean: null };
  const [p90, p75, p50] = percentilesOfUnsorted(values, [0.9, 0.75, 0.5]);
  return { count: n, p50: p50 ?? null, p75: p75 ?? null, p90: p90 ?? null, mean: sum / n };
}

/**
 * Type-7 percentiles of `values` (reordered in place), `ps` in descending order: what `percentile` gives of them
 * sorted, read by selection. Each selection puts the lo-th smallest value at index lo with everything smaller
 * before it, so the next (smaller) one searches only in front of it; the value just above is the smallest of
 * what follows, up to the previous one's index when that is further (nothing after it is smaller).
 */
export function percentilesOfUnsorted(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  let right = n - 1;
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    select(values, lo, 0, right);
    const a = values[lo] as number;
    let b = a;
    if (Math.ceil(h) !== lo) {
      b = Infinity;
      const end = right > lo ? right : n - 1;
      for (let i = lo + 1; i <= end; i++) if ((values[i] as number) < b) b = values[i] as number;
    }
    right = lo;
    return a + (h - lo) * (b - a);
  });
}

/**
 * Reorders `values` so that the indices `first` to `last` hold what they would sorted (the rest only falls on
 * the right side of them): two selections and a sort of the band, or a sort of everything when the band is
 * most of it.
 */
export function orderBand(values: Float64Array, first: number, last: number): void {
  const n = values.length;
  if (4 * (last - first + 1) > n) {
    values.sort();
    return;
  }
  select(values, first, 0, n - 1);
  if (last === first) return;
  select(values, last, first + 1, n - 1);
  values.subarray(first + 1, last).sort();
}

// quickselect's types say T[]; it reads and swaps by index, which a typed array does as well
const select = (values: Float64Array, k: number, left: number, right: number): void => quickselect(values as unknown as number[], k, left, right);

export function median(values: ReadonlyArray<number | null>): number | null {
  return medianOf(values, (v) => v);
}

/**
 * The median of `value` over `items`, as `distributionOf` gives it (type 7 over the finite values); null when
 * none has one. One selection where the distribution makes three (p90, p75, p50): the AI comparison and
 * every size bucket ask for medians of an organisation's changes.
 */
export function medianOf<T>(items: readonly T[], value: (item: T) => number | null): number | null {
  const lent = scratch.borrow(items.length);
  try {
    const { known } = gather(items, value, lent);
    return known.length === 0 ? null : (percentilesOfUnsorted(known, [0.5])[0] as number);
  } finally {
    scratch.giveBack(lent);
  }
}
