import type { Change } from '../domain.js';
import { median, percentile } from './percentile.js';

export interface SizeSummary {
  count: number;
  p50: number | null;
  p90: number | null;
  /** share of sized changes over 200 / 400 changed lines */
  over200: number | null;
  over400: number | null;
  /** does size slow delivery here? cycle time p50 per size bucket (lines changed); absent in older reports */
  buckets?: Array<{ bucket: string; count: number; cycleTimeP50: number | null }>;
}

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
