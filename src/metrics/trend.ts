import { STAGES, type MeasuredChange, type StageName, type Window } from '../domain.js';
import { STAGE_OF } from './stage-of.js';
import { medianOf } from './percentile.js';
import { deployObservation, leadObservation, type Waiting } from './stage-summary.js';
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
 * The key figures week by week across the window (by merge time), every week present even when empty. A week
 * whose changes are not all deployed (`waiting`) has no lead time or deploy wait p50, only a lower bound of it
 * (type 7 with each waiting change at its time so far): its slowest changes have not shipped yet, so its median
 * would read as progress (SPEC section 6). A complete week's figures are type 7 over its changes. Pure.
 */
export function weeklyTrend(changes: readonly MeasuredChange[], window: Window, waiting: Waiting): Trend {
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
  const lead = (c: MeasuredChange): number | null => leadObservation(c, waiting)?.seconds ?? null;
  const deploy = (c: MeasuredChange): number | null => deployObservation(c, waiting)?.seconds ?? null;
  return {
    weeks: buckets.map((inWeek, i) => {
      const open = inWeek.filter((c) => c.deployedAt === null && c.mergedAt <= waiting.now).length;
      const stages = inWeek.length === 0 ? empty() : (Object.fromEntries(STAGES.map((s) => [s, medianOf(inWeek, STAGE_OF[s])])) as Record<StageName, number | null>);
      // the median of what is known so far, each waiting change at its wait: a bound, never the week's figure
      const bound = (value: (c: MeasuredChange) => number | null): number | null => (open > 0 ? medianOf(inWeek, value) : null);
      return {
        weekStart: new Date((first + i * 7 * DAY) * 1000).toISOString().slice(0, 10),
        changes: inWeek.length,
        waiting: open,
        leadTimeP50: inWeek.length === 0 || open > 0 ? null : medianOf(inWeek, lead),
        leadTimeAtLeast: bound(lead),
        cycleTimeP50: inWeek.length === 0 ? null : medianOf(inWeek, (c) => c.cycleTime),
        stages: open > 0 ? { ...stages, deploy: null } : stages,
        deployAtLeast: bound(deploy),
      };
    }),
  };
}

/** The weeks whose changes are all deployed (and that had some): the only ones a trend may compare. */
export function isComplete(week: Trend['weeks'][number]): boolean {
  return week.changes > 0 && (week.waiting ?? 0) === 0;
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** Drawn for a week whose figure is only a lower bound (changes still waiting): no height, it is not a value. */
export const BOUND_MARK = '·';

/**
 * A one-line sparkline of the values; a gap (space) where a week has none, and `BOUND_MARK` where `apart` says
 * the week is drawn apart (its figure a bound).
 */
export function sparkline(values: ReadonlyArray<number | null>, apart?: readonly boolean[]): string {
  const present = values.filter((v, i): v is number => v !== null && !apart?.[i]);
  if (present.length === 0 && !apart?.some(Boolean)) return '';
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values
    // a flat line sits mid-height, unless it is flat at 0: an empty queue must not look half full
    .map((v, i) => (apart?.[i] ? BOUND_MARK : v === null ? ' ' : SPARKS[max === min ? (max === 0 ? 0 : 3) : Math.round(((v - min) / (max - min)) * (SPARKS.length - 1))]))
    .join('');
}
