import type { Change } from '../domain.js';
import { percentile } from './percentile.js';

export interface SizeSummary {
  count: number;
  p50: number | null;
  p90: number | null;
  /** share of sized changes over 200 / 400 changed lines */
  over200: number | null;
  over400: number | null;
}

/** PR size = additions + deletions (lock and generated files already left out), over changes whose size is known. Pure. */
export function sizeSummary(changes: readonly Pick<Change, 'size'>[]): SizeSummary {
  const sizes = changes.filter((c) => c.size !== null).map((c) => (c.size?.additions ?? 0) + (c.size?.deletions ?? 0)).sort((a, b) => a - b);
  const over = (n: number): number | null => (sizes.length > 0 ? sizes.filter((s) => s > n).length / sizes.length : null);
  return { count: sizes.length, p50: percentile(sizes, 0.5), p90: percentile(sizes, 0.9), over200: over(200), over400: over(400) };
}
