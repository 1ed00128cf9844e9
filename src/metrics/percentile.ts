import { z } from 'zod';

/**
 * Percentile by linear interpolation between closest ranks: the "type 7" method of R, NumPy and Excel's
 * PERCENTILE.INC (SPEC section 6). `sorted` must be ascending; `p` is in [0, 1]. The p50 of 1,2,3,4 is 2.5.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** count, p50, p75, p90 and mean of the values where a figure is known, in the figure's unit (seconds for durations). */
export const distributionSchema = z.object({
  count: z.number().int().nonnegative(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
  mean: z.number().nullable(),
});
export type Distribution = z.infer<typeof distributionSchema>;

/** count, p50, p75, p90 and mean of the non-null values; values rounded to whole seconds where given. */
export function distribution(values: ReadonlyArray<number | null>): Distribution {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p75: percentile(sorted, 0.75),
    p90: percentile(sorted, 0.9),
    mean: sorted.length === 0 ? null : sum / sorted.length,
  };
}

export function median(values: ReadonlyArray<number | null>): number | null {
  return distribution(values).p50;
}
