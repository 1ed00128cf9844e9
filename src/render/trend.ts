import { isComplete } from '../metrics/trend.js';
import type { Report } from '../report/schema.js';

type Week = Report['summary']['trend']['weeks'][number];

/** The weekly headline line every format draws: lead time p50, or cycle time where no week is complete. */
export interface HeadlineTrend {
  useLead: boolean;
  /** per week, the p50 (null: no change, or the week is drawn apart) */
  values: Array<number | null>;
  /** per week, whether it is drawn apart: changes still waiting, its figure only `bounds` */
  apart: boolean[];
  bounds: Array<number | null>;
  /** the first and the last complete week's p50: what `→` compares */
  from: number | null;
  to: number | null;
}

/**
 * The weekly lead time as every renderer shows it (SPEC section 6): a week whose changes are not all deployed
 * is drawn apart with its lower bound, and the comparison (`from → to`) is over complete weeks only, so the
 * last weeks cannot read as progress because their slow changes have not shipped. Where no week is complete,
 * cycle time (known for every merged change) stands in.
 */
export function headlineTrend(weeks: readonly Week[]): HeadlineTrend {
  const useLead = weeks.some((w) => w.leadTimeP50 !== null);
  const apart = weeks.map((w) => useLead && w.changes > 0 && !isComplete(w));
  const values = weeks.map((w, i) => (apart[i] ? null : useLead ? w.leadTimeP50 : w.cycleTimeP50));
  const known = values.filter((v): v is number => v !== null);
  return {
    useLead,
    values,
    apart,
    bounds: weeks.map((w, i) => (apart[i] ? (w.leadTimeAtLeast ?? null) : null)),
    from: known[0] ?? null,
    to: known.at(-1) ?? null,
  };
}

/** Said under a trend that draws a week apart. */
export const APART_NOTE = 'a week with changes not yet deployed: its lead time is only a lower bound, left out of the comparison';
