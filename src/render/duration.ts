import type { ComparedUnit } from '../metrics/catalogue.js';
import { boundOf, type Bounded } from '../metrics/bounds.js';
import type { Dora } from '../metrics/schema.js';
import { CALENDAR_DAYS, durationFormat, formatDuration, formatLines, formatNumber, formatPerWeek, formatPoints, formatRatio, plural, withSign, type DurationFormat } from '../units.js';

export { boundOf };
export { durationFormat, formatDuration, formatLines, formatNumber, formatPerWeek, formatRatio, type DurationFormat };

/** A duration, or `≥ bound` when the percentile is beyond what the data reaches (changes still waiting). */
export function durationOrBound(value: number | null, bound: number | null | undefined, format: DurationFormat = CALENDAR_DAYS): string {
  return value === null && bound !== null && bound !== undefined ? `≥ ${formatDuration(bound, format)}` : formatDuration(value, format);
}

type Percentile = 'p50' | 'p75' | 'p90';

/** A percentile of a figure, `≥ 66d` where the estimate does not reach it: every renderer writes it so. */
export function percentileText(figure: Bounded, key: Percentile, format: DurationFormat = CALENDAR_DAYS): string {
  return durationOrBound(figure[key], boundOf(figure, key), format);
}

/**
 * Deploys per week and deploy-days per week, `0.31 per week · 0.31 deploy-days per week`, and for a repository of
 * several products the releases per week that place its cluster (`· 0.56 releases per week`: react-router's DORA
 * table read 3.76 per week beside a cluster its 29 releases placed); under one whole week of covered history, where
 * a rate would mislead, `2 deploys in 2 days`.
 */
export function deployRateText(f: Dora['deploymentFrequency']): string {
  if (f.value === null && f.coveredDays !== undefined) {
    const days = f.coveredDays;
    // under a day, in whole hours (`coveredDays` has two decimals): `0.1 days` would say little
    const hours = Math.round(days * 24);
    const shown = days < 1 ? (hours < 1 ? 'under an hour' : `${hours}h`) : Number.isInteger(days) ? `${days} ${days === 1 ? 'day' : 'days'}` : `${days.toFixed(1)} days`;
    return `${f.count} ${f.count === 1 ? 'deploy' : 'deploys'} in ${shown}`;
  }
  const releases = f.releasesPerWeek === null || f.releasesPerWeek === undefined ? '' : ` · ${formatPerWeek(f.releasesPerWeek)} releases per week`;
  return ofRepositories(f, `${formatPerWeek(f.value)} per week · ${formatPerWeek(f.deployDaysPerWeek)} deploy-days per week${releases}`);
}

/**
 * A DORA key's value as written (`0%`, `22d 1h (median)`), said to be the median repository's when it is (a report
 * over several repositories, `dora-across.ts`): `the median repository: 0%`. Beside the deploys of all of them
 * ("over 3700 deploys"), the bare `0%` read as their failure rate pooled, which no repository need have.
 */
export function ofRepositories(f: { repositories?: number | undefined }, value: string): string {
  return medianRepository(f) ? `the median repository: ${value}` : value;
}

/** Whether a key is the median repository's: not one repository's own, nor several's where none has a value (no failed deploy restored). */
export function medianRepository(f: { repositories?: number | undefined }): boolean {
  return (f.repositories ?? 0) > 0;
}

/** A DORA key on a line of figures, `change failure rate 0%`; the median repository's, `change failure rate, the median repository: 0%`. */
export function keyText(label: string, f: { repositories?: number | undefined }, value: string): string {
  return medianRepository(f) ? `${label}, ${ofRepositories(f, value)}` : `${label} ${value}`;
}

/**
 * What a DORA key is over, `12 deploys`; the median repository's, `16 repositories (3700 deploys)`: the median is of
 * the repositories with a value of their own, the count of everything they hold.
 */
export function overText(f: { count: number; repositories?: number | undefined }, noun: string): string {
  const count = plural(f.count, noun);
  return medianRepository(f) ? `${plural(f.repositories ?? 0, 'repository', 'repositories')} (${count})` : count;
}


/** A compared figure's value in its unit: `3d 4h`, `12.5%`, `2.33/wk`, `3.2` (changes); `—` when not measured. */
export function comparedValue(value: number | null, unit: ComparedUnit, format: DurationFormat = CALENDAR_DAYS): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'seconds') return formatDuration(value, format);
  if (unit === 'ratio') return formatRatio(value);
  if (unit === 'changes') return value.toFixed(1);
  return `${formatPerWeek(value)}/wk`;
}

/**
 * A compared figure's 95% interval in its unit, `−6h … −2h`; with one end unbounded (a side's percentile not
 * reached in enough resamples: changes still waiting), what the other end says, `≤ −2h` or `≥ +1d 4h`; null
 * when neither end is known. `compare`, the previous period and the AI shift write it so.
 */
export function comparedInterval(low: number | null, high: number | null, unit: ComparedUnit, format: DurationFormat = CALENDAR_DAYS): string | null {
  if (low === null && high === null) return null;
  if (low === null) return `≤ ${comparedChange(high, unit, format)}`;
  if (high === null) return `≥ ${comparedChange(low, unit, format)}`;
  return `${comparedChange(low, unit, format)} … ${comparedChange(high, unit, format)}`;
}

/**
 * A compared figure's change, signed, in its unit: `+1d 2h`, `−3.5 pp` (a ratio's change in percentage points),
 * `+0.50/wk`; a change that writes as zero has no sign (`0s`, `0 pp`); `—` when not measured. `compare`, the
 * previous period and the AI shift write every change and interval end with it.
 */
export function comparedChange(value: number | null, unit: ComparedUnit, format: DurationFormat = CALENDAR_DAYS): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'ratio') return formatPoints(value);
  return withSign(value, (magnitude) => comparedValue(magnitude, unit, format));
}
