import type { DeploySignalKind, MeasuredDeploy, Window } from '../domain.js';
import { formatDuration } from '../units.js';
import type { CensoredDistribution } from './censored.js';
import { median } from './percentile.js';
import type { Band, Dora } from './schema.js';

export type { Band, Dora, DoraFigure } from './schema.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/*
 * Bands from the 2023 Accelerate State of DevOps Report (Google Cloud / DORA), software delivery
 * performance clusters: deployment frequency elite "on demand (multiple deploys per day)", high "between
 * once per day and once per week", medium "between once per week and once per month", low below that;
 * lead time for changes elite "less than one day", high "between one day and one week", medium "between one
 * week and one month", low longer; change failure rate elite 5%, high 10%, medium 15%, low above; failed
 * deployment recovery time elite "less than one hour", high "less than one day", medium "between one day and
 * one week", low longer. The 2024 report added deployment rework rate without bands: it gets none here.
 */
export function frequencyBand(perWeek: number): Band {
  if (perWeek >= 7) return 'elite';
  if (perWeek >= 1) return 'high';
  if (perWeek >= 12 / 52) return 'medium';
  return 'low';
}

export function leadTimeBand(seconds: number): Band {
  if (seconds < DAY) return 'elite';
  if (seconds < WEEK) return 'high';
  if (seconds < 30 * DAY) return 'medium';
  return 'low';
}

export function failureRateBand(ratio: number): Band {
  if (ratio <= 0.05) return 'elite';
  if (ratio <= 0.1) return 'high';
  if (ratio <= 0.15) return 'medium';
  return 'low';
}

export function restoreBand(seconds: number): Band {
  if (seconds < HOUR) return 'elite';
  if (seconds < DAY) return 'high';
  if (seconds < WEEK) return 'medium';
  return 'low';
}

export interface DoraInput {
  /** the window; deploy frequency is over the part the history covers, up to now */
  window: Window;
  now: number;
  /** the deploys inside the window */
  deploys: readonly MeasuredDeploy[];
  /** the summary's lead time: changes still waiting counted as right-censored */
  leadTime: CensoredDistribution;
  signal: DeploySignalKind;
  /** durations count working time only: the bands, in calendar time, do not apply to them */
  businessHours: boolean;
}

/**
 * The five DORA keys over a window (SPEC section 4), from the deploys in it and the summary's lead time.
 * With the `merge` signal there is no deploy to measure, so deploy frequency and lead time get no band; with
 * business hours no duration gets one. Each figure without a band says why. Pure.
 */
export function computeDora(input: DoraInput): Dora {
  const { window, deploys, leadTime, signal } = input;
  const span = coveredSeconds(window, input.now);
  const weeks = span / WEEK;
  // a rate per week needs a whole week under it: two days of history would say 500 deploys a week
  const whole = weeks >= 1;
  const deployDays = new Set(deploys.map((d) => Math.floor(d.at / DAY))).size;
  const perWeek = whole ? deploys.length / weeks : null;
  const merge = signal === 'merge';
  const mergeNote = merge ? 'every merge counted as a deploy (no deploy signal found): there is no deploy to measure, so no band' : undefined;
  const hoursNote = input.businessHours ? 'durations count working time only (--business-hours); the DORA bands are in calendar time, so none is given' : undefined;
  const failed = deploys.filter((d) => d.failed);
  const restore = median(failed.map((d) => d.restoredAfter));
  const rework = deploys.filter((d) => d.rework).length;
  const covered = whole && window.historyFrom !== undefined && window.historyFrom > window.since
    ? `over the ${weeks.toFixed(1)} weeks since the history's first commit`
    : undefined;
  const short = whole ? undefined : `under one whole week of history (${(span / DAY).toFixed(1)} days): no rate per week and no band`;
  return {
    deploymentFrequency: {
      value: perWeek,
      unit: 'deploys/week',
      band: perWeek === null || merge ? null : frequencyBand(perWeek),
      count: deploys.length,
      // a day is counted where a deploy fell, so a week just over 7 days may hold 8 of them: never more than 7
      deployDaysPerWeek: whole ? Math.min(7, deployDays / weeks) : null,
      deployDays,
      coveredDays: Math.round((span / DAY) * 100) / 100,
      ...note(mergeNote, covered, short),
    },
    leadTime: {
      value: leadTime.p50,
      unit: 'seconds',
      band: merge || input.businessHours ? null : leadBand(leadTime),
      count: leadTime.count,
      ...note(mergeNote, hoursNote, leadTime.p50 === null && leadTime.atLeast !== null ? `more than half of the changes are still waiting: the median is ≥ ${formatDuration(leadTime.atLeast)}` : undefined),
    },
    changeFailureRate: {
      value: deploys.length > 0 ? failed.length / deploys.length : null,
      unit: 'ratio',
      band: deploys.length > 0 ? failureRateBand(failed.length / deploys.length) : null,
      count: deploys.length,
      ...note(merge ? 'every merge counted as a deploy (no deploy signal found)' : undefined),
    },
    timeToRestore: {
      value: restore,
      unit: 'seconds',
      band: restore === null || input.businessHours ? null : restoreBand(restore),
      count: failed.filter((d) => d.restoredAfter !== null).length,
      ...note(restore === null ? undefined : hoursNote),
    },
    reworkRate: { value: deploys.length > 0 ? rework / deploys.length : null, unit: 'ratio', band: null, count: deploys.length, note: 'no published band (added by the 2024 DORA report)' },
  };
}

/** The seconds of the window the history covers: from its first commit (when later than since) up to now. */
function coveredSeconds(window: Window, now: number): number {
  const from = Math.max(window.since, window.historyFrom ?? window.since);
  const to = Math.min(window.until, Math.max(now, window.since));
  return Math.max(0, to - from);
}



/** The band of the median lead time; when it is unknown but at least atLeast, the band that bound decides, if any. */
function leadBand(leadTime: CensoredDistribution): Band | null {
  if (leadTime.p50 !== null) return leadTimeBand(leadTime.p50);
  // the median is longer than atLeast: only the open-ended band is then certain
  return leadTime.atLeast !== null && leadTimeBand(leadTime.atLeast) === 'low' ? 'low' : null;
}

function note(...notes: Array<string | undefined>): { note?: string } {
  const text = notes.filter((n): n is string => n !== undefined).join('; ');
  return text ? { note: text } : {};
}
