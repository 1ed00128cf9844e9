import type { Change } from '../domain.js';
import type { HistogramBucket } from './schema.js';

export type { HistogramBucket } from './schema.js';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const WEEK = 7 * DAY;

/** A bucket's lower edge (seconds) and its label; the next edge closes it, the last is open. */
export type Edges = ReadonlyArray<readonly [number, string]>;

// roughly doubling widths: delivery times spread over orders of magnitude
export const LEAD_TIME_EDGES: Edges = [
  [0, '< 1h'], [HOUR, '1–4h'], [4 * HOUR, '4–12h'], [12 * HOUR, '12h–1d'], [DAY, '1–2d'], [2 * DAY, '2–4d'],
  [4 * DAY, '4–7d'], [WEEK, '1–2w'], [2 * WEEK, '2–4w'], [4 * WEEK, '≥ 4w'],
];

/** CI checks run for minutes, not days. */
export const CHECK_EDGES: Edges = [
  [0, '< 1m'], [MINUTE, '1–2m'], [2 * MINUTE, '2–5m'], [5 * MINUTE, '5–10m'], [10 * MINUTE, '10–20m'],
  [20 * MINUTE, '20–30m'], [30 * MINUTE, '30m–1h'], [HOUR, '1–2h'], [2 * HOUR, '≥ 2h'],
];

/** Open pull requests stay open for days to months. */
export const AGE_EDGES: Edges = [
  [0, '< 1d'], [DAY, '1–3d'], [3 * DAY, '3–7d'], [WEEK, '1–2w'], [2 * WEEK, '2–4w'], [4 * WEEK, '4w–3mo'],
  [13 * WEEK, '3–6mo'], [26 * WEEK, '≥ 6mo'],
];

/** Counts of durations (seconds) per bucket of `edges` (lead-time buckets by default); nulls left out. Pure. */
export function histogram(values: ReadonlyArray<number | null>, edges: Edges = LEAD_TIME_EDGES): HistogramBucket[] {
  const buckets = edges.map(([from, label], i) => ({ label, from, to: edges[i + 1]?.[0] ?? null, count: 0 }));
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
