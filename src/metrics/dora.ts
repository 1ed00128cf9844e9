import { z } from 'zod';
import type { DeploySignalKind, MeasuredChange, MeasuredDeploy, Window } from '../domain.js';
import { distributionOf, median } from './percentile.js';

export const bandSchema = z.enum(['elite', 'high', 'medium', 'low']);
export type Band = z.infer<typeof bandSchema>;

export const doraFigureSchema = z.object({
  value: z.number().nullable().describe('null when not measurable'),
  unit: z.string(),
  band: bandSchema.nullable(),
  count: z.number().int().nonnegative().describe('how many deploys or changes the value is computed over'),
  note: z.string().optional(),
});
export type DoraFigure = z.infer<typeof doraFigureSchema>;

export const doraSchema = z.object({
  deploymentFrequency: doraFigureSchema.extend({ deployDaysPerWeek: z.number().nullable() }),
  leadTime: doraFigureSchema,
  changeFailureRate: doraFigureSchema,
  timeToRestore: doraFigureSchema,
  reworkRate: doraFigureSchema,
});
export type Dora = z.infer<typeof doraSchema>;

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

/**
 * The five DORA keys over a window (SPEC section 4). `deploys` are the deploys inside the window, `changes`
 * the changes merged in it (bots and syncs already left out as the stage figures are). Pure.
 */
export function computeDora(window: Window, changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], signal: DeploySignalKind): Dora {
  const weeks = (window.until - window.since) / WEEK;
  const days = new Set(deploys.map((d) => Math.floor(d.at / DAY)));
  const perWeek = weeks > 0 ? deploys.length / weeks : null;
  const signalNote = signal === 'merge' ? 'every merge counted as a deploy (no deploy signal found)' : undefined;
  const lead = distributionOf(changes, (c) => c.leadTime);
  const leadTime = lead.p50;
  const leadCount = lead.count;
  const failed = deploys.filter((d) => d.failed);
  const restore = median(failed.map((d) => d.restoredAfter));
  const rework = deploys.filter((d) => d.rework).length;
  const withNote = <T extends DoraFigure>(f: T): T => (signalNote ? { ...f, note: signalNote } : f);
  return {
    deploymentFrequency: withNote({
      value: perWeek,
      unit: 'deploys/week',
      band: perWeek === null ? null : frequencyBand(perWeek),
      count: deploys.length,
      deployDaysPerWeek: weeks > 0 ? days.size / weeks : null,
    }),
    leadTime: withNote({ value: leadTime, unit: 'seconds', band: leadTime === null ? null : leadTimeBand(leadTime), count: leadCount }),
    changeFailureRate: withNote({
      value: deploys.length > 0 ? failed.length / deploys.length : null,
      unit: 'ratio',
      band: deploys.length > 0 ? failureRateBand(failed.length / deploys.length) : null,
      count: deploys.length,
    }),
    timeToRestore: { value: restore, unit: 'seconds', band: restore === null ? null : restoreBand(restore), count: failed.filter((d) => d.restoredAfter !== null).length },
    reworkRate: { value: deploys.length > 0 ? rework / deploys.length : null, unit: 'ratio', band: null, count: deploys.length, note: 'no published band (added by the 2024 DORA report)' },
  };
}
