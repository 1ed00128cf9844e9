import { STAGES, type StageName } from '../domain.js';
import { figureLabel } from '../metrics/catalogue.js';
import { shortStageLabel } from '../stage-labels.js';
import type { Report } from '../report/schema.js';
import { formatDuration, formatPerWeek, type DurationFormat } from './duration.js';
import { isoSeconds } from '../time.js';

type Period = NonNullable<Report['summary']['trend']['periods']>[number];

/** The trend's periods that have begun by the report's `now`: a window reaching past it draws no empty future. */
export function periodsSoFar(report: Report): Period[] {
  const end = Math.min(isoSeconds(report.window.until) ?? NaN, isoSeconds(report.now) ?? NaN);
  return (report.summary.trend.periods ?? []).filter((p) => (isoSeconds(`${p.start}T00:00:00Z`) ?? NaN) < end);
}

/** One key's line over the periods, as every format draws it. */
export interface KeySeries {
  /** `deployment frequency`, `lead time p50`, `review p50` */
  label: string;
  unit: 'seconds' | 'ratio' | 'perWeek';
  /** the key a series is of: a DORA key's catalogue name, or the stage whose p50 it is */
  key: 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore' | StageName;
  /** per period, its value (null: none, or only a bound) */
  values: Array<number | null>;
  /** per period where the value waits on changes not yet deployed, its lower bound */
  bounds: Array<number | null>;
  /** per period, whether it is drawn apart: cut by the window, or (a key changes waiting decide) changes not yet deployed */
  apart: boolean[];
  /** the first and the last value of a period not drawn apart: what `→` compares */
  from: number | null;
  to: number | null;
}

/**
 * Every key's series over the report's periods (SPEC section 10): deploy frequency, lead time, change failure
 * rate, time to restore and the stage p50s. A period cut by the window is drawn apart for every key; one with
 * changes not yet deployed for lead time and deploy wait only, whose figures are then bounds. A key with no value
 * and no bound in any period is left out.
 */
export function keySeries(report: Report): KeySeries[] {
  const gitOnly = !report.sources.includes('github');
  const stageName = (s: StageName): string => shortStageLabel(s, gitOnly);
  const periods = periodsSoFar(report);
  const series = (key: KeySeries['key'], label: string, unit: KeySeries['unit'], value: (p: Period) => number | null, bound?: (p: Period) => number | null): KeySeries => {
    const waits = bound !== undefined;
    const apart = periods.map((p) => p.partial || (waits && p.waiting > 0));
    const values = periods.map(value);
    const known = values.filter((v, i): v is number => v !== null && !apart[i]);
    return { key, label, unit, values, bounds: periods.map((p) => bound?.(p) ?? null), apart, from: known[0] ?? null, to: known.at(-1) ?? null };
  };
  return [
    series('deploymentFrequency', figureLabel('dora.deploymentFrequency'), 'perWeek', (p) => p.deploymentFrequency),
    series('leadTime', `${figureLabel('leadTime')} p50`, 'seconds', (p) => p.leadTimeP50, (p) => p.leadTimeAtLeast),
    series('changeFailureRate', figureLabel('dora.changeFailureRate'), 'ratio', (p) => p.changeFailureRate),
    series('timeToRestore', `${figureLabel('dora.timeToRestore')} p50`, 'seconds', (p) => p.timeToRestoreP50),
    ...STAGES.map((s) => series(s, `${stageName(s)} p50`, 'seconds', (p) => p.stages[s], s === 'deploy' ? (p) => p.deployAtLeast : undefined)),
  ].filter((k) => k.values.some((v) => v !== null) || k.bounds.some((b) => b !== null));
}

/** Said under the trends: what a period drawn apart is. */
export function apartNote(period: 'week' | 'month'): string {
  return `incomplete ${period}: cut by the window, or changes still waiting (a bound)`;
}

/** A key's value in its unit: `1.25/wk`, `12%`, `3d 4h`; `—` when none. */
export function keyValueText(value: number | null, unit: KeySeries['unit'], days: DurationFormat): string {
  if (value === null) return '—';
  if (unit === 'perWeek') return `${formatPerWeek(value)}/wk`;
  if (unit === 'ratio') return `${Math.round(value * 100)}%`;
  return formatDuration(value, days);
}
