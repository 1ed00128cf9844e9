import { STAGES, type StageName } from '../domain.js';
import { figureLabel } from '../metrics/catalogue.js';
import { shortStageLabel } from '../stage-labels.js';
import type { Report } from '../report/schema.js';
import { formatDuration, formatNumber, formatPerWeek, formatRatio, type DurationFormat } from './duration.js';
import { isoSeconds } from '../time.js';
import { andList, formatPoints, withSign } from '../units.js';
import { tooFewValues } from './health.js';

type Period = NonNullable<Report['summary']['trend']['periods']>[number];
type TrendKey = NonNullable<Report['summary']['trend']['keys']>[number];

/** The trend's periods that have begun by the report's `now`: a window reaching past it draws no empty future. */
export function periodsSoFar(report: Report): Period[] {
  const end = Math.min(isoSeconds(report.window.until) ?? NaN, isoSeconds(report.now) ?? NaN);
  return (report.summary.trend.periods ?? []).filter((p) => (isoSeconds(`${p.start}T00:00:00Z`) ?? NaN) < end);
}

/** One key's line over the periods, as every format draws it: the report's `summary.trend.keys`, named. */
export interface KeySeries {
  /** `deployment frequency`, `lead time p50`, `review p50` */
  label: string;
  unit: TrendKey['unit'];
  /** the key a series is of: a DORA key's catalogue name, or the stage whose p50 it is */
  key: string;
  /** per period, its value (null: none, or only a bound) */
  values: Array<number | null>;
  /** per period where the value waits on changes not yet deployed, its lower bound */
  bounds: Array<number | null>;
  /** per period, whether it is drawn apart: cut by the window, or (a key changes waiting decide) changes not yet deployed */
  apart: boolean[];
  /** the first half of the complete periods against the second, as the report computed it */
  direction: TrendKey['direction'];
}

/**
 * Every figure with a trend (the catalogue declares which, the report builder computes them: SPEC section 10),
 * over the periods begun by now, named as the page names them: a DORA key by the catalogue, a stage's p50 by the
 * stage. A key with no value and no bound in any period is left out.
 */
export function keySeries(report: Report): KeySeries[] {
  const gitOnly = !report.sources.includes('github');
  const shown = periodsSoFar(report).length;
  return (report.summary.trend.keys ?? [])
    .map((k): KeySeries => {
      const [group, name] = k.key.split('.');
      const stage = group === 'stages' && (STAGES as readonly string[]).includes(name ?? '') ? (name as StageName) : null;
      const label = stage !== null ? `${shortStageLabel(stage, gitOnly)} p50` : group === 'dora' && name === 'leadTime' ? `${figureLabel('leadTime')} p50` : `${figureLabel(k.key)}${k.unit === 'seconds' ? ' p50' : ''}`;
      return { key: stage ?? name ?? k.key, label, unit: k.unit, values: k.values.slice(0, shown), bounds: k.bounds.slice(0, shown), apart: k.apart.slice(0, shown), direction: k.direction };
    })
    .filter((k) => k.values.some((v) => v !== null) || k.bounds.some((b) => b !== null));
}

/**
 * Said with the trends of a report of several repositories: its deploy keys there are over every repository's
 * deploys together, period by period, where the figures above them are the median repository's own (SPEC section
 * 4: never a place earned by summing deploys), each named by `named` as the lines are. Null for one repository.
 */
export function pooledNote(report: Report, named: (label: string) => string = (label) => label): string | null {
  const dora = report.summary.dora as unknown as Record<string, { repositories?: number } | undefined>;
  const pooled = keySeries(report).filter((k) => dora[k.key]?.repositories !== undefined).map((k) => named(k.label));
  if (pooled.length === 0) return null;
  const n = report.repositories?.length ?? 0;
  return `Here ${andList(pooled)} ${pooled.length === 1 ? 'is' : 'are'} of the deploys of all ${n} repositories together; the DORA figures above are the median repository's own.`;
}

/**
 * Said of the trends of a report over several repositories whose windows differ (null otherwise): the span they
 * are over, the one every repository covers, or that there is none, so there are no trends.
 */
export function spanNote(report: Report): string | null {
  const span = report.summary.trend.span;
  if (span === undefined) return null;
  const day = (iso: string): string => iso.slice(0, 10);
  const windows = `${day(report.window.since)} → ${day(report.window.until)}`;
  if (span === null) return `No trends or queues: the repositories' windows (${windows} together) share no whole week that every one covers.`;
  return `Over ${day(span.since)} → ${day(span.until)}, the span every repository's window covers (${windows} together).`;
}

/** Said under the trends: what a period drawn apart is. */
export function apartNote(period: 'week' | 'month'): string {
  return `incomplete ${period}: cut by the window, or changes still waiting (a bound)`;
}

/** A key's value in its unit: `1.25/wk`, `12%`, `3d 4h`; `—` when none. */
export function keyValueText(value: number | null, unit: KeySeries['unit'], days: DurationFormat): string {
  if (value === null) return '—';
  if (unit === 'perWeek') return `${formatPerWeek(value)}/wk`;
  if (unit === 'ratio') return formatRatio(value);
  if (unit === 'number') return formatNumber(value);
  return formatDuration(value, days);
}

/** A signed difference in the key's unit: `+0.75/wk`, `−3d 2h`, a ratio's in percentage points (`+5 pp`). */
function signedText(value: number, unit: KeySeries['unit'], days: DurationFormat): string {
  return unit === 'ratio' ? formatPoints(value) : withSign(value, (magnitude) => keyValueText(magnitude, unit, days));
}

/** One failed deploy a half gives an interval that leaves out 0 and tells nothing: said so, not "no clear trend". */
function tooFewToTell(d: KeySeries['direction']): boolean {
  return d.direction === 'no clear trend' && tooFewValues(d.interval);
}

/**
 * A key's direction in a few words, with both halves' values: `rising: 0.85/wk → 1.60/wk`, `no clear trend: 1d 4h
 * → 1d 9h`, `too few values to tell: 8d 23h → 7d 21h`; `no direction (3 complete weeks)` under four.
 */
export function directionText(k: Pick<KeySeries, 'direction' | 'unit'>, days: DurationFormat, period: 'week' | 'month'): string {
  const d = k.direction;
  if (d.first !== null && d.second !== null && (d.first.value === null || d.second.value === null)) return `no direction (none in ${d.first.value === null && d.second.value === null ? 'either half' : d.first.value === null ? 'the first half' : 'the second half'})`;
  if (d.direction === null || d.first === null || d.second === null) return `no direction (${d.completePeriods} complete ${period}${d.completePeriods === 1 ? '' : 's'})`;
  const said = tooFewToTell(d) ? 'too few values to tell' : d.direction;
  return `${said}: ${keyValueText(d.first.value, k.unit, days)} → ${keyValueText(d.second.value, k.unit, days)}`;
}

/**
 * What a direction rests on: `+0.75/wk (95% interval +0.12/wk to +1.40/wk), 6 weeks against 6`, and where the
 * interval leaves out 0 with no direction told, the few values that make it (pnpm's recovery time, one failed deploy
 * restored in each half, read "−5d 1h (95% interval −5d 1h to −5d 1h), 5 months against 5" under "Rising or falling
 * only where the 95% interval excludes 0": now "…, only 1 value against 1"); null where there is no direction.
 */
export function intervalText(k: Pick<KeySeries, 'direction' | 'unit'>, days: DurationFormat, period: 'week' | 'month'): string | null {
  const { interval, first, second } = k.direction;
  if (first === null || second === null || interval.difference === null || interval.low === null || interval.high === null) return null;
  const halves = `${first.periods} ${period}${first.periods === 1 ? '' : 's'} against ${second.periods}`;
  const few = tooFewToTell(k.direction) ? `, only ${first.count} value${first.count === 1 ? '' : 's'} against ${second.count}` : '';
  return `${signedText(interval.difference, k.unit, days)} (95% interval ${signedText(interval.low, k.unit, days)} to ${signedText(interval.high, k.unit, days)}), ${halves}${few}`;
}
