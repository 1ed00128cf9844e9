import { STAGES, type Change, type StageName, type Window } from '../domain.js';
import { median } from './percentile.js';

export interface TrendWeek {
  /** Monday 00:00 UTC that starts the week (ISO date) */
  weekStart: string;
  changes: number;
  leadTimeP50: number | null;
  cycleTimeP50: number | null;
  stages: Record<StageName, number | null>;
}

export interface Trend {
  weeks: TrendWeek[];
}

const DAY = 86400;

/** Monday 00:00 UTC on or before `t` (epoch seconds). */
export function weekStart(t: number): number {
  const day = Math.floor(t / DAY);
  // 1970-01-01 was a Thursday: day 0 → weekday 3 counting from Monday
  return (day - ((day + 3) % 7)) * DAY;
}

/** The key figures week by week across the window (by merge time), every week present even when empty. Pure. */
export function weeklyTrend(changes: readonly Change[], window: Window): Trend {
  const weeks: TrendWeek[] = [];
  for (let start = weekStart(window.since); start < window.until; start += 7 * DAY) {
    const inWeek = changes.filter((c) => c.mergedAt >= Math.max(start, window.since) && c.mergedAt < Math.min(start + 7 * DAY, window.until));
    weeks.push({
      weekStart: new Date(start * 1000).toISOString().slice(0, 10),
      changes: inWeek.length,
      leadTimeP50: median(inWeek.map((c) => c.leadTime)),
      cycleTimeP50: median(inWeek.map((c) => c.cycleTime)),
      stages: Object.fromEntries(STAGES.map((s) => [s, median(inWeek.map((c) => c.stages[s]))])) as Record<StageName, number | null>,
    });
  }
  return { weeks };
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** A one-line sparkline of the values; a gap (space) where a week has none. */
export function sparkline(values: ReadonlyArray<number | null>): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return '';
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values
    .map((v) => (v === null ? ' ' : SPARKS[max === min ? 3 : Math.round(((v - min) / (max - min)) * (SPARKS.length - 1))]))
    .join('');
}
