import { z } from 'zod';
import type { Change } from '../domain.js';
import { median, percentile } from './percentile.js';

export const sizeSummarySchema = z.object({
  count: z.number().int().nonnegative().describe('changes with a known size'),
  p50: z.number().nullable().describe('lines changed (additions + deletions)'),
  p90: z.number().nullable(),
  over200: z.number().nullable().describe('share of sized changes over 200 changed lines'),
  over400: z.number().nullable().describe('share of sized changes over 400 changed lines'),
  buckets: z
    .array(z.object({ bucket: z.string(), count: z.number().int().nonnegative(), cycleTimeP50: z.number().nullable() }))
    .describe('does size slow delivery here? cycle time p50 per size bucket (lines changed)'),
});
export type SizeSummary = z.infer<typeof sizeSummarySchema>;

const BUCKETS: Array<[string, number, number]> = [['0-50', 0, 50], ['51-200', 51, 200], ['201-400', 201, 400], ['401+', 401, Infinity]];

/** PR size = additions + deletions (lock and generated files already left out), over changes whose size is known. Pure. */
export function sizeSummary(changes: readonly Pick<Change, 'size' | 'cycleTime'>[]): SizeSummary {
  const sizes = changes.filter((c) => c.size !== null).map((c) => (c.size?.additions ?? 0) + (c.size?.deletions ?? 0)).sort((a, b) => a - b);
  const over = (n: number): number | null => (sizes.length > 0 ? sizes.filter((s) => s > n).length / sizes.length : null);
  const lines = (c: Pick<Change, 'size'>): number => (c.size?.additions ?? 0) + (c.size?.deletions ?? 0);
  const buckets = BUCKETS.map(([bucket, lo, hi]) => {
    const inBucket = changes.filter((c) => c.size !== null && lines(c) >= lo && lines(c) <= hi);
    return { bucket, count: inBucket.length, cycleTimeP50: median(inBucket.map((c) => c.cycleTime)) };
  });
  return { count: sizes.length, p50: percentile(sizes, 0.5), p90: percentile(sizes, 0.9), over200: over(200), over400: over(400), buckets };
}
