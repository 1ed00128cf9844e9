/*
 * Every figure with a trend, period by period and as a direction (SPEC section 10). Which figures have one, and how
 * each is read, is the catalogue's (`trend` on an entry of `metrics/catalogue.ts`): a figure declared there gets
 * its line and its direction here, with no other edit.
 *
 * A direction compares the first half of the window's complete periods with the second half — deploys per week
 * over each half for a rate, the share over each half's deploys for a ratio, the median of each half's changes (or
 * failed deploys) for a duration — with the 95% bootstrap interval of the difference (`bootstrap.ts`, fixed seed;
 * Newcombe's for a ratio whose halves are each all one way, which resamples to itself), and is "rising" or "falling"
 * only when that interval excludes 0; under four complete periods there is none.
 */
import { STAGES, type MeasuredChange, type MeasuredDeploy, type StageName } from '../domain.js';
import { bootstrapDifferenceOfValues, MEDIAN, type Statistic } from './bootstrap.js';
import { catalogueEntries, type CatalogueEntry, type TrendSpec } from './catalogue.js';
import { dailyDeployCounts } from './difference.js';
import { releaseTimes } from './releases.js';
import { median, percentilesOfUnsorted } from './percentile.js';
import { sharesAllAlikeDifference } from './proportion.js';
import { STAGE_OF } from './stage-of.js';
import type { TrendDirection, TrendKey } from './schema.js';
import { deployObservation, leadObservation, type Waiting } from './stage-summary.js';

export type { TrendDirection, TrendKey } from './schema.js';

const DAY = 86400;
const WEEK = 7 * DAY;
/** Fewer complete periods than this give no direction: two halves of one period each would compare two periods. */
export const MIN_TREND_PERIODS = 4;

/** One period as the keys read it: its bounds, whether the window cut it, and what merged and shipped in it. */
export interface KeyPeriod {
  start: number;
  end: number;
  /** the window, the history or now covers only part of it */
  partial: boolean;
  /** the part of it covered, seconds */
  covered: number;
  changes: readonly MeasuredChange[];
  /** … of them merged and not yet deployed at now */
  waiting: number;
  deploys: readonly MeasuredDeploy[];
}

/** What a key reads of a period's items: each one's value, and for a value that runs until a deploy, what has run so far. */
interface Reader {
  spec: TrendSpec;
  unit: TrendKey['unit'];
  /** the value of a change or deploy, null when it has none */
  value: (item: MeasuredChange & MeasuredDeploy) => number | null;
  /** a change still waiting: its value so far (a lower bound); absent for a value known at the merge */
  soFar?: (change: MeasuredChange, waiting: Waiting) => number | null;
}

// the values that run until a deploy, with what they have run so far: a period holding one still waiting is a bound
const SO_FAR: Readonly<Record<string, Reader['soFar']>> = {
  leadTime: (c, w) => leadObservation(c, w)?.seconds ?? null,
  'stages.deploy': (c, w) => deployObservation(c, w)?.seconds ?? null,
};

/** The catalogue's figures with a trend, the DORA keys first as the page names them. */
const TREND_ENTRIES: readonly CatalogueEntry[] = catalogueEntries()
  .filter((e) => e.figure.trend !== undefined)
  .sort((a, b) => Number(a.segments[0] !== 'dora') - Number(b.segments[0] !== 'dora'));

function readerOf(entry: CatalogueEntry): Reader {
  const spec = entry.figure.trend as TrendSpec;
  const unit: TrendKey['unit'] = spec.statistic === 'perWeek' ? 'perWeek' : entry.figure.kind === 'duration' ? 'seconds' : entry.figure.kind === 'ratio' ? 'ratio' : 'number';
  if (spec.statistic === 'perWeek') return { spec, unit, value: () => 1 };
  // `stage`: the stage whose figure it is (`stages.review.p50`)
  const path = spec.value === 'stage' ? `stages.${entry.segments[1] ?? ''}` : spec.value;
  const stage = path.startsWith('stages.') ? (path.slice('stages.'.length) as StageName) : null;
  if (stage !== null && !STAGES.includes(stage)) throw new Error(`trend of ${entry.path}: no stage ${stage}`);
  const value = (item: MeasuredChange & MeasuredDeploy): number | null => {
    const v: unknown = stage !== null ? STAGE_OF[stage](item) : (item as unknown as Record<string, unknown>)[path];
    return typeof v === 'boolean' ? Number(v) : typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const soFar = spec.of === 'changes' ? SO_FAR[path] : undefined;
  return { spec, unit, value, ...(soFar !== undefined && { soFar }) };
}

/**
 * Every figure with a trend over the periods: its value per period (a bound where changes still wait) and its
 * direction; deployment frequency's over `placed` (`placedTimes`). Pure.
 */
export function trendKeys(periods: readonly KeyPeriod[], waiting: Waiting, period: 'week' | 'month', placed: readonly number[][]): TrendKey[] {
  return TREND_ENTRIES.map((entry) => {
    const reader = readerOf(entry);
    const soFar = reader.soFar;
    // changes still waiting: only a bound, the median with each at its wait so far (SPEC section 6)
    const bounded = (p: KeyPeriod): boolean => soFar !== undefined && p.waiting > 0;
    const apart = periods.map((p) => p.partial || bounded(p));
    const read = reader.spec.statistic === 'perWeek' ? null : readValues(reader, periods);
    const values = periods.map((p, i) => (bounded(p) ? null : periodValue(reader, p, read, i, placed)));
    const bounds = periods.map((p) => (soFar !== undefined && bounded(p) ? median(p.changes.map((c) => soFar(c, waiting))) : null));
    // a period cut by the window is drawn (apart) but never compared; nor is one without a change, for a change's figure
    const complete = periods.flatMap((p, i) => (!apart[i] && (reader.spec.of !== 'changes' || p.changes.length > 0) ? [i] : []));
    return { key: entry.path, unit: reader.unit, values, bounds, apart, direction: directionOf(reader, periods, complete, read, period, placed) };
  });
}

/**
 * Each period's deploys as deployment frequency counts them (`placingTimes`): a repository of several products by
 * its releases, so that its trend reads what places its cluster, decided over the whole window (a period whose
 * deploys are one product's counts its releases too). Their times, in the period.
 */
export function placedTimes(periods: readonly KeyPeriod[]): number[][] {
  const releases = releaseTimes(periods.flatMap((p) => p.deploys));
  return periods.map((p) => (releases === null ? p.deploys.map((d) => d.at) : releases.filter((at) => at >= p.start && at < p.end)));
}

/**
 * A key's values over the periods, read once: period i's finite values at `values[starts[i]]` up to
 * `values[starts[i + 1]]`, in its items' order. One typed array a key, where lists of each period's values and
 * each half's were made and dropped three times over: the aggregate of 1,000 reports (570,000 changes) peaked
 * at 553-579 MB without that garbage, 604 MB with it, and took 9.7 s instead of 11.5.
 */
interface KeyValues {
  values: Float64Array;
  starts: Int32Array;
}

function readValues(reader: Reader, periods: readonly KeyPeriod[]): KeyValues {
  const items = periods.map((p) => itemsOf(reader.spec, p));
  const values = new Float64Array(items.reduce((n, xs) => n + xs.length, 0));
  const starts = new Int32Array(periods.length + 1);
  let n = 0;
  items.forEach((xs, i) => {
    starts[i] = n;
    for (const item of xs) {
      const v = reader.value(item);
      if (v !== null) values[n++] = v;
    }
  });
  starts[periods.length] = n;
  return { values, starts };
}

/** The items of a period a key reads. */
function itemsOf(spec: TrendSpec, p: Pick<KeyPeriod, 'changes' | 'deploys'>): ReadonlyArray<MeasuredChange & MeasuredDeploy> {
  const items = spec.of === 'changes' ? p.changes : spec.of === 'failedDeploys' ? p.deploys.filter((d) => d.failed) : p.deploys;
  return items as ReadonlyArray<MeasuredChange & MeasuredDeploy>;
}

/** A period's value: deploys (releases, `placedTimes`) per week of it covered (none under a week), or the statistic of its items' values. */
function periodValue(reader: Reader, p: KeyPeriod, read: KeyValues | null, i: number, placed: readonly number[][]): number | null {
  if (read === null) return p.covered >= WEEK ? (placed[i]?.length ?? 0) / (p.covered / WEEK) : null;
  const own = read.values.subarray(read.starts[i], read.starts[i + 1]);
  if (own.length === 0) return null;
  // a median reorders the period's own values (the multiset is all the bootstrap reads); a mean adds them in order
  return reader.spec.statistic === 'mean' ? sumOf([own]) / own.length : (percentilesOfUnsorted(own, [0.5])[0] as number);
}

/** The values in order, added up in that order. */
function sumOf(parts: readonly Float64Array[]): number {
  let sum = 0;
  for (const part of parts) for (let i = 0; i < part.length; i++) sum += part[i] as number;
  return sum;
}

/**
 * The direction of a key over its complete periods (their indices): the first half against the second (the middle
 * one left out when they are odd), each half's value over all its items, and the 95% interval of second − first,
 * resampled from the items (a day's deploys, scaled to a week, for a rate). Rising or falling only when the
 * interval excludes 0 (and each half has the 5 values an interval needs, `MIN_BOOTSTRAP_SAMPLE`).
 */
function directionOf(reader: Reader, periods: readonly KeyPeriod[], complete: readonly number[], read: KeyValues | null, period: 'week' | 'month', placed: readonly number[][]): TrendDirection {
  const n = complete.length;
  const none = { completePeriods: n, first: null, second: null, interval: { difference: null, low: null, high: null, real: false } };
  if (n < MIN_TREND_PERIODS) return { direction: null, ...none, note: `${n} complete ${period}${n === 1 ? '' : 's'}, under ${MIN_TREND_PERIODS}: no direction` };
  const half = Math.floor(n / 2);
  const halves = [complete.slice(0, half), complete.slice(n - half)] as const;
  const [first, second] = halves.map((ids) => halfOf(reader, ids.map((i) => ({ ...(periods[i] as KeyPeriod), placed: placed[i] ?? [] })), read === null ? null : ids.map((i) => read.values.subarray(read.starts[i], read.starts[i + 1]))));
  if (first === undefined || second === undefined) throw new Error('two halves');
  // a half with nothing to measure (no failed deploy, no stage git can see) gives nothing to compare
  if (first.summary.value === null || second.summary.value === null) {
    const which = first.summary.value === null && second.summary.value === null ? 'either half' : first.summary.value === null ? 'the first half' : 'the second half';
    return { direction: null, completePeriods: n, first: first.summary, second: second.summary, interval: none.interval, note: `no value in ${which}: no direction` };
  }
  const statistic: Statistic = reader.spec.statistic === 'median' ? MEDIAN : { kind: 'mean' };
  const interval = (reader.unit === 'ratio' ? sharesAllAlikeDifference(second.sample, first.sample) : null) ?? bootstrapDifferenceOfValues(second.sample, first.sample, statistic);
  const direction = !interval.real ? 'no clear trend' : (interval.low ?? 0) > 0 ? 'rising' : 'falling';
  return { direction, completePeriods: n, first: first.summary, second: second.summary, interval, note: n % 2 === 1 ? `the middle ${period} of ${n} left out` : null };
}

/** A half: its span, its value over all its items, and what the bootstrap resamples (its own array, to reorder). */
function halfOf(reader: Reader, periods: ReadonlyArray<KeyPeriod & { placed: readonly number[] }>, parts: readonly Float64Array[] | null): { summary: NonNullable<TrendDirection['first']>; sample: Float64Array } {
  const from = periods[0]?.start ?? 0;
  const to = periods.at(-1)?.end ?? 0;
  const span = { from: new Date(from * 1000).toISOString().slice(0, 10), to: new Date(to * 1000).toISOString().slice(0, 10), periods: periods.length };
  if (parts === null) {
    const deploys = periods.reduce((s, p) => s + p.placed.length, 0);
    const weeks = periods.reduce((s, p) => s + p.covered, 0) / WEEK;
    // each day's deploys (releases), scaled so that their mean is per week: what the interval resamples
    const sample = Float64Array.from(periods.flatMap((p) => dailyDeployCounts(p.start, p.end, p.placed)));
    return { summary: { ...span, value: weeks > 0 ? deploys / weeks : null, count: deploys }, sample };
  }
  const sample = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    sample.set(part, at);
    at += part.length;
  }
  const count = sample.length;
  // the mean added up in the items' order, before the bootstrap reorders its copy
  const value = count === 0 ? null : reader.spec.statistic === 'mean' ? sumOf(parts) / count : (percentilesOfUnsorted(sample, [0.5])[0] as number);
  return { summary: { ...span, value, count }, sample };
}
