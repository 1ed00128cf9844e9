import type { DeploySignalKind, MeasuredDeploy, Window } from '../domain.js';
import { formatDuration, formatPerWeek } from '../units.js';
import { catalogueEntries, type BandTable } from './catalogue.js';
import { clusterAtLeast, clusterPosition, clusterUnder } from './clusters.js';
import type { CensoredDistribution } from './censored.js';
import { coverage, perWeek as ratePerWeek } from './coverage.js';
import { median } from './percentile.js';
import { releaseTimes } from './releases.js';
import type { Band, Dora } from './schema.js';

export type { Band, Dora, DoraFigure } from './schema.js';

const DAY = 86400;
const WEEK = 7 * DAY;

/*
 * The clusters come from the catalogue's band tables (`metrics/catalogue.ts`: the 2024 State of DevOps Report's
 * clusters as published), the one place their values are written: the words the report writes for a key read the
 * same table (`metrics/clusters.ts`). Deployment rework rate has no published cluster and gets none.
 */
const TABLES = new Map(catalogueEntries().flatMap((e) => (e.bands === null || e.segments[0] !== 'dora' ? [] : [[e.segments[1] as string, e.bands] as const])));

type Clustered = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore';

function tableOf(key: Clustered): BandTable {
  const table = TABLES.get(key);
  if (table === undefined) throw new Error(`no band table for dora.${key}`);
  return table;
}

/** A DORA key's band and position against the 2024 clusters, by its table in the catalogue. */
export function doraPosition(key: Clustered, value: number): { band: Band | null; position: string } {
  const { cluster, words } = clusterPosition(tableOf(key), value);
  return { band: cluster, position: words };
}

const NO_POSITION = { band: null, position: null } as const;

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
  const covered = coverage(window, input.now);
  const span = covered.seconds;
  const weeks = span / WEEK;
  // a rate per week needs a whole week under it: two days of history would say 500 deploys a week
  const whole = covered.weeks !== null;
  const deployDays = new Set(deploys.map((d) => Math.floor(d.at / DAY))).size;
  const perWeek = ratePerWeek(deploys.length, covered);
  // the products' deploys at one commit are one release (releaseTimes); null for one product
  const releases = releaseTimes(deploys)?.length ?? null;
  const placedBy = releases === null ? perWeek : ratePerWeek(releases, covered);
  const merge = signal === 'merge';
  const mergeNote = merge ? 'every merge counted as a deploy (no deploy signal found): there is no deploy to measure, so no band' : undefined;
  const hoursNote = input.businessHours ? 'durations count working time only (--business-hours); the DORA bands are in calendar time, so none is given' : undefined;
  const failed = deploys.filter((d) => d.failed);
  const restore = median(failed.map((d) => d.restoredAfter));
  const rework = deploys.filter((d) => d.rework).length;
  const late = window.historyFrom !== undefined && window.historyFrom > window.since;
  const ended = window.historyUntil !== undefined && window.historyUntil < window.until;
  const since = !whole || !(late || ended)
    ? undefined
    : ended
      ? `over the ${weeks.toFixed(1)} weeks its history covers: its package was removed in the window`
      : `over the ${weeks.toFixed(1)} weeks since the history's first commit`;
  const short = whole ? undefined : `under one whole week of history (${(span / DAY).toFixed(1)} days): no rate per week and no band`;
  return {
    deploymentFrequency: {
      value: perWeek,
      unit: 'deploys/week',
      ...(placedBy === null || merge ? NO_POSITION : frequencyPosition(placedBy, weeks)),
      count: deploys.length,
      // a day is counted where a deploy fell, so a week just over 7 days may hold 8 of them: never more than 7
      deployDaysPerWeek: whole ? Math.min(7, deployDays / weeks) : null,
      deployDays,
      coveredDays: covered.days,
      releases,
      releasesPerWeek: releases === null ? null : placedBy,
      ...note(mergeNote, since, short, releases === null || placedBy === null || merge ? undefined : `placed by its ${releases} releases (${formatPerWeek(placedBy)} a week): its products' tags on one commit are one release`),
    },
    leadTime: {
      value: leadTime.p50,
      unit: 'seconds',
      ...(merge || input.businessHours ? NO_POSITION : leadPosition(leadTime)),
      count: leadTime.count,
      ...note(mergeNote, hoursNote, leadTime.p50 === null && leadTime.atLeast !== null ? `more than half of the changes are still waiting: the median is ≥ ${formatDuration(leadTime.atLeast)}` : undefined),
    },
    changeFailureRate: {
      value: deploys.length > 0 ? failed.length / deploys.length : null,
      unit: 'ratio',
      ...(deploys.length > 0 ? doraPosition('changeFailureRate', failed.length / deploys.length) : NO_POSITION),
      count: deploys.length,
      ...note(merge ? 'every merge counted as a deploy (no deploy signal found)' : undefined),
    },
    timeToRestore: {
      value: restore,
      unit: 'seconds',
      ...(restore === null || input.businessHours ? NO_POSITION : doraPosition('timeToRestore', restore)),
      count: failed.filter((d) => d.restoredAfter !== null).length,
      ...note(restore === null ? undefined : hoursNote),
    },
    reworkRate: { value: deploys.length > 0 ? rework / deploys.length : null, unit: 'ratio', ...NO_POSITION, count: deploys.length, note: 'no published cluster (added by the 2024 DORA report)' },
  };
}

/** The median lead time's position; when it is unknown but at least atLeast, what that bound says, if anything. */
/**
 * Deploy frequency's place: none in the window says only that the rate is under one deploy in its span, which the
 * worst cluster may still hold (black's 90 days to 2026-08-20, between releases, read "under the low cluster's
 * 'between once per month and once every six months'", where its year gives one every 6.5 weeks).
 */
function frequencyPosition(perWeek: number, weeks: number): { band: Band | null; position: string | null } {
  if (perWeek > 0) return doraPosition('deploymentFrequency', perWeek);
  const under = clusterUnder(tableOf('deploymentFrequency'), 1 / weeks);
  return under === null ? doraPosition('deploymentFrequency', perWeek) : { band: null, position: under.words };
}

function leadPosition(leadTime: CensoredDistribution): { band: Band | null; position: string | null } {
  if (leadTime.p50 !== null) return doraPosition('leadTime', leadTime.p50);
  // the median is longer than atLeast: only the worst cluster, or past it, is then certain
  const bound = leadTime.atLeast === null ? null : clusterAtLeast(tableOf('leadTime'), leadTime.atLeast);
  return bound === null ? NO_POSITION : { band: null, position: bound.words };
}

function note(...notes: Array<string | undefined>): { note?: string } {
  const text = notes.filter((n): n is string => n !== undefined).join('; ');
  return text ? { note: text } : {};
}
