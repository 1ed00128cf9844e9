import { STAGES, type MeasuredChange, type StageName, type Window } from '../domain.js';
import { STAGE_OF } from './stage-of.js';
import { censoredDistributionOf, type Observation } from './censored.js';
import { medianOf } from './percentile.js';
import type { Trend } from './schema.js';

export type { Trend } from './schema.js';

const DAY = 86400;

/** Monday 00:00 UTC on or before `t` (epoch seconds). */
export function weekStart(t: number): number {
  const day = Math.floor(t / DAY);
  // 1970-01-01 was a Thursday: day 0 → weekday 3 counting from Monday
  return (day - ((day + 3) % 7)) * DAY;
}

/**
 * The key figures week by week across the window (by merge time), every week present even when empty. Each
 * week's lead time counts its changes still waiting as the summary does (`lead`), so a week does not look
 * faster because its slowest changes have not shipped yet. Pure.
 */
export function weeklyTrend(changes: readonly MeasuredChange[], window: Window, lead: (c: MeasuredChange) => Observation | null): Trend {
  const first = weekStart(window.since);
  const buckets: MeasuredChange[][] = [];
  for (let start = first; start < window.until; start += 7 * DAY) buckets.push([]);
  // one pass, bucketed by week: filtering all changes for each week was quadratic on long windows
  for (const change of changes) {
    if (change.mergedAt < window.since || change.mergedAt >= window.until) continue;
    buckets[Math.floor((change.mergedAt - first) / (7 * DAY))]?.push(change);
  }
  // a whole-history window is mostly empty weeks (1,400 over 26 years): nothing to take a median of
  const empty = (): Record<StageName, null> => Object.fromEntries(STAGES.map((s) => [s, null])) as Record<StageName, null>;
  return {
    weeks: buckets.map((inWeek, i) => ({
      weekStart: new Date((first + i * 7 * DAY) * 1000).toISOString().slice(0, 10),
      changes: inWeek.length,
      leadTimeP50: inWeek.length === 0 ? null : censoredDistributionOf(inWeek, lead).p50,
      cycleTimeP50: inWeek.length === 0 ? null : medianOf(inWeek, (c) => c.cycleTime),
      stages: inWeek.length === 0 ? empty() : (Object.fromEntries(STAGES.map((s) => [s, medianOf(inWeek, STAGE_OF[s])])) as Record<StageName, number | null>),
    })),
  };
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** A one-line sparkline of the values; a gap (space) where a week has none. */
export function sparkline(values: ReadonlyArray<number | null>): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return '';
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values
    // a flat line sits mid-height, unless it is flat at 0: an empty queue must not look half full
    .map((v) => (v === null ? ' ' : SPARKS[max === min ? (max === 0 ? 0 : 3) : Math.round(((v - min) / (max - min)) * (SPARKS.length - 1))]))
    .join('');
}
