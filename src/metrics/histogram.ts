import type { Change } from '../domain.js';

const HOUR = 3600;
const DAY = 86400;
const WEEK = 7 * DAY;

export interface HistogramBucket {
  label: string;
  /** lower bound, seconds, inclusive */
  from: number;
  /** upper bound, seconds, exclusive; null for the open last bucket */
  to: number | null;
  count: number;
}

// roughly doubling widths: delivery times spread over orders of magnitude
const EDGES: Array<[number, string]> = [
  [0, '< 1h'], [HOUR, '1–4h'], [4 * HOUR, '4–12h'], [12 * HOUR, '12h–1d'], [DAY, '1–2d'], [2 * DAY, '2–4d'],
  [4 * DAY, '4–7d'], [WEEK, '1–2w'], [2 * WEEK, '2–4w'], [4 * WEEK, '≥ 4w'],
];

/** Counts of durations (seconds) in log-ish buckets from under an hour to over four weeks; nulls left out. Pure. */
export function histogram(values: ReadonlyArray<number | null>): HistogramBucket[] {
  const buckets = EDGES.map(([from, label], i) => ({ label, from, to: EDGES[i + 1]?.[0] ?? null, count: 0 }));
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    const bucket = buckets.find((b) => b.to === null || v < b.to);
    if (bucket) bucket.count += 1;
  }
  return buckets;
}

/** The lead-time distribution of the counted changes, or their cycle time when none deployed. */
export function leadTimeHistogram(changes: readonly Pick<Change, 'leadTime' | 'cycleTime'>[]): { of: 'leadTime' | 'cycleTime'; buckets: HistogramBucket[] } {
  const of = changes.some((c) => c.leadTime !== null) ? 'leadTime' : 'cycleTime';
  return { of, buckets: histogram(changes.map((c) => c[of])) };
}
