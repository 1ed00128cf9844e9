import type { Change } from '../domain.js';
import { distributionOf, medianOf } from './percentile.js';
import type { SizeSummary } from './schema.js';

export type { SizeSummary } from './schema.js';

const BUCKETS: Array<[string, number, number]> = [['0-50', 0, 50], ['51-200', 51, 200], ['201-400', 201, 400], ['401+', 401, Infinity]];

/**
 * A change's size in lines, additions + deletions (lock and generated files already left out); null when
 * unknown. `size` is read once: an aggregate's change makes its size object on every read.
 */
export function changedLines(change: Pick<Change, 'size'>): number | null {
  const size = change.size;
  return size === null ? null : size.additions + size.deletions;
}

/** PR size over changes whose size is known. Pure. */
export function sizeSummary(changes: readonly Pick<Change, 'size' | 'cycleTime'>[]): SizeSummary {
  const sizes = distributionOf(changes, changedLines);
  // one pass: an organisation's changes are many
  let over200 = 0;
  let over400 = 0;
  const inBucket = BUCKETS.map((): Array<Pick<Change, 'cycleTime'>> => []);
  for (const c of changes) {
    const n = changedLines(c);
    if (n === null) continue;
    if (n > 200) over200++;
    if (n > 400) over400++;
    inBucket[BUCKETS.findIndex(([, lo, hi]) => n >= lo && n <= hi)]?.push(c);
  }
  const share = (count: number): number | null => (sizes.count > 0 ? count / sizes.count : null);
  return {
    count: sizes.count,
    p50: sizes.p50,
    p90: sizes.p90,
    over200: share(over200),
    over400: share(over400),
    buckets: BUCKETS.map(([bucket], i) => ({ bucket, count: inBucket[i]?.length ?? 0, cycleTimeP50: medianOf(inBucket[i] ?? [], (c) => c.cycleTime) })),
  };
}
