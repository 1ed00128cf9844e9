/*
 * One figure of two samples compared (SPEC sections 9 and 10): the values, the change, its 95% bootstrap interval
 * and whether the data can tell. `flowaudit compare` (two reports, two slices) and every report's previous period
 * build their rows here, from the catalogue's `compared` declarations, so both compare the same figures and say
 * "better" on the same evidence.
 */
import type { MeasuredChange, StageName } from '../domain.js';
import { shortStageLabel } from '../stage-labels.js';
import { bootstrapCensoredDifferences, bootstrapDifference, MEDIAN, type Interval, type Statistic } from './bootstrap.js';
import { sharesAllAlikeDifference } from './proportion.js';
import type { Observation } from './censored.js';
import { CATALOGUE, isFigure, MODES, type ComparedAs, type ComparedBasis, type ComparedGroup, type ComparedUnit, type Figure, type FigureGroup, type Mode } from './catalogue.js';
import { changeOf, directionOf, type Direction } from './difference.js';
import { deployObservation, leadObservation, type Waiting } from './stage-summary.js';
import type { ComparedRow } from './schema.js';

export type { ComparedRow } from './schema.js';
export type { ComparedUnit } from './catalogue.js';

/**
 * What a side's figures are computed over: its counted changes, in the model's shape (a report's are read back
 * with `fromReportChange`, so a basis reads one shape, epoch seconds and all), its deploys (a report's or the
 * model's: a basis reads them by the catalogue's paths, which both have), and its deploys per day.
 */
export interface ComparedSample {
  changes: readonly MeasuredChange[];
  deploys: ReadonlyArray<object>;
  /**
   * deploys per day of the side's window, scaled so that their mean is deploys per week (`dailyDeployCounts`): of a
   * repository of several products its releases, as its cluster is placed (`placingTimes`)
   */
  dailyDeploys: readonly number[];
  /** the pull requests decided in the side's window (`acceptance.ts` `decidedPulls`); absent: none are known */
  pulls?: ReadonlyArray<object>;
  /** the side's now and how it counts time: how long its changes still waiting for a deploy have waited, as its summary counts them */
  waiting: Waiting;
  /**
   * a report of several repositories: each one's own summary (its row's). The keys each repository measures on
   * its own deploys (the catalogue's `perRepository`) are the median repository's, so their interval resamples
   * these, one value per repository, not the deploys pooled
   */
  repositories?: ReadonlyArray<object>;
}

/** How a figure is computed from a sample: the values the bootstrap resamples, and the statistic. */
interface Basis {
  values: (sample: ComparedSample) => Array<number | null>;
  /**
   * a figure whose changes still waiting count as right-censored (lead time, the deploy wait): each change's
   * observation, as the side's summary reads it; the interval then resamples these (`bootstrapCensoredDifference`)
   */
  observations: ((sample: ComparedSample) => Array<Observation | null>) | null;
  /** which: figures of one kind share their observations, and so their resamples */
  waiting: 'lead' | 'deploy' | null;
  statistic: Statistic;
  /**
   * what the values are of: the catalogue's `ComparedBasis.over`, or a side's repositories (`byRepository`). A
   * sample of days is never too small (deploy frequency is a count of deploys); over the pull requests decided,
   * the row's sample is how many there are (the summary has no count of them); over repositories, each value is
   * one's own rate or median, never a share's 0 or 1, whatever it reads
   */
  over: ComparedBasis['over'] | 'repositories';
}

/** A figure of the catalogue that is compared: where it is, how it is named and how its interval is resampled. */
export interface ComparedFigure {
  /** dot path into `report.summary`, a DORA key's its own (`dora.leadTime`): the row's key */
  key: string;
  /** the keys of its value in the summary (a DORA key's end in `value`) */
  segments: readonly string[];
  /** the keys of what places it and of its count, read instead where a side has them (`ComparedAs.placedBy`); null: none */
  placedBy: { value: readonly string[]; count: readonly string[] } | null;
  /** the keys of its group's `count`: how many changes or deploys the value is over */
  count: readonly string[];
  group: ComparedGroup;
  unit: ComparedUnit;
  lowerIsBetter: boolean;
  /** the modes that can measure it */
  modes: readonly Mode[];
  /** a stage's figure: named by the stage, and left out of a previous period whose data cannot see the stage */
  stage: StageName | undefined;
  basis: Basis;
  /** a DORA key each repository measures on its own (`FigureGroup.perRepository`): resampled by repository where a side has several */
  perRepository: boolean;
  /** its name in a table: `short` in compare's narrow one; from git alone a stage is named for what git sees of it */
  label: (options: { gitOnly: boolean; short: boolean }) => string;
}

/** Every figure the catalogue declares compared, in the summary's order. */
export function comparedFigures(catalogue: FigureGroup = CATALOGUE): ComparedFigure[] {
  if (catalogue === CATALOGUE && declared !== undefined) return declared;
  const figures: ComparedFigure[] = [];
  const walk = (node: FigureGroup, segments: readonly string[], modes: readonly Mode[]): void => {
    const can = node.modes ?? modes;
    if (node.compared !== undefined) {
      for (const key of node.compared.figures) {
        const member = node.members[key];
        // a declaration naming no figure of its group is the catalogue's bug
        if (member === undefined || !isFigure(member)) throw new Error(`${[...segments, key].join('.')} is compared but is no figure`);
        figures.push(comparedFigure(node, node.compared, segments, key, member, member.modes ?? can));
      }
    }
    for (const [key, member] of Object.entries(node.members)) if (!isFigure(member)) walk(member, [...segments, key], can);
  };
  walk(catalogue, [], MODES);
  if (catalogue === CATALOGUE) declared = figures;
  return figures;
}

let declared: ComparedFigure[] | undefined;

const UNIT_OF_KIND: Partial<Record<Figure['kind'], ComparedUnit>> = { duration: 'seconds', ratio: 'ratio' };

function comparedFigure(group: FigureGroup, as: ComparedAs, segments: readonly string[], key: string, figure: Figure, modes: readonly Mode[]): ComparedFigure {
  const unit = as.unit ?? UNIT_OF_KIND[figure.kind];
  if (unit === undefined) throw new Error(`${[...segments, key].join('.')} is compared but names no unit`);
  const percentile = /^p(\d+)$/.exec(key);
  const statistic: Statistic = percentile ? { kind: 'percentile', p: Number(percentile[1]) / 100 } : figure.kind === 'duration' ? MEDIAN : { kind: 'mean' };
  const stands = key === 'value';
  const words = (label: string): string => (stands ? label : `${label} ${key}`);
  return {
    key: (stands ? segments : [...segments, key]).join('.'),
    segments: [...segments, key],
    placedBy: as.placedBy === undefined ? null : { value: [...segments, as.placedBy.value], count: [...segments, as.placedBy.count] },
    count: [...segments, 'count'],
    group: as.group,
    unit,
    lowerIsBetter: as.lowerIsBetter,
    modes,
    stage: as.stage,
    basis: {
      values: valuesOf(as.basis, segments), observations: observationsOf(as.basis), waiting: as.basis.over === 'changes' ? (as.basis.waiting ?? null) : null,
      statistic, over: as.basis.over,
    },
    perRepository: group.perRepository === true,
    label: ({ gitOnly, short }) => {
      if (as.stage !== undefined) return words(shortStageLabel(as.stage, gitOnly));
      return words(short ? (as.short ?? group.label) : group.label);
    },
  };
}

/** The values a basis resamples, read from a sample. */
function valuesOf(basis: ComparedBasis, group: readonly string[]): (sample: ComparedSample) => Array<number | null> {
  if (basis.over === 'days') return (s) => [...s.dailyDeploys];
  if (basis.over === 'changes') {
    const value = typeof basis.value === 'function' ? basis.value : reader(basis.value?.split('.') ?? group);
    return (s) => s.changes.map(value);
  }
  const value = reader(basis.value.split('.'));
  const where = basis.where === undefined ? null : reader(basis.where.split('.'));
  const items = basis.over === 'pulls' ? (s: ComparedSample) => s.pulls ?? [] : (s: ComparedSample) => s.deploys;
  return (s) => (where === null ? items(s) : items(s).filter((d) => where(d) === 1)).map(value);
}

/** The observations of a basis whose changes still waiting are right-censored (`waiting`); null for any other. */
function observationsOf(basis: ComparedBasis): Basis['observations'] {
  if (basis.over !== 'changes' || basis.waiting === undefined) return null;
  const observe = basis.waiting === 'lead' ? leadObservation : deployObservation;
  return (s) => s.changes.map((c) => observe(c, s.waiting));
}

/** A number at `keys` of an object; a yes/no as 1 or 0; null when there is none. */
function reader(keys: readonly string[]): (item: object) => number | null {
  return (item) => {
    const v = valueAt(item, keys);
    return typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
}

function valueAt(from: unknown, keys: readonly string[]): unknown {
  let v = from;
  for (const k of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** What is compared of each side: its summary (or the part of one the compared figures are in) and its sample. */
export interface ComparedSide {
  summary: object;
  sample: ComparedSample;
}

/**
 * One row per figure, each side's own value and count read from its summary at the figure's path, after − before
 * recomputed from the samples with its 95% interval (`comparedRow`).
 */
export function comparedRows(figures: readonly ComparedFigure[], before: ComparedSide, after: ComparedSide, options: { minSample: number; gitOnly: boolean; short: boolean }): ComparedRow[] {
  const censored = censoredIntervals(figures, before.sample, after.sample);
  return figures.map((f) => {
    const number = (side: ComparedSide, keys: readonly string[]): number | null => {
      const v = valueAt(side.summary, keys);
      return typeof v === 'number' ? v : null;
    };
    const head = { key: f.key, group: f.group, label: f.label(options), unit: f.unit, lowerIsBetter: f.lowerIsBetter };
    const across = f.perRepository ? byRepository(f, before.sample, after.sample) : null;
    const basis = across?.basis ?? f.basis;
    // what places the figure where a side has it, and what that is over: a repository of several products' releases
    const placed = (side: ComparedSide): { value: number; count: number } | null => {
      const value = f.placedBy === null ? null : number(side, f.placedBy.value);
      return value === null || f.placedBy === null ? null : { value, count: number(side, f.placedBy.count) ?? 0 };
    };
    // over its repositories, a side's sample is how many of them measure the key
    const count = (side: ComparedSide): number =>
      (across?.measuring(side.sample) ?? (f.basis.over === 'pulls' ? f.basis.values(side.sample).length : null)) ?? placed(side)?.count ?? number(side, f.count) ?? 0;
    const value = (side: ComparedSide): number | null => placed(side)?.value ?? number(side, f.segments);
    const row = comparedRow(head, [value(before), value(after)], [count(before), count(after)], { before: before.sample, after: after.sample, basis, minSample: options.minSample, interval: censored.get(f) });
    // deploy frequency is a count of deploys over days: never a sample too small (a few repositories are)
    return basis.over === 'days' ? { ...row, lowSample: false } : row;
  });
}

/**
 * How a key each repository measures on its own is resampled when a side is a report of several repositories:
 * one value per repository, their median, as the side's value is (`dora-across.ts`). A side of one repository
 * beside one of several has no such sample (its deploys are no repository among many): no interval, which
 * `compare` says. Null when neither side is of several repositories: the key's own basis stands.
 */
function byRepository(f: ComparedFigure, before: ComparedSample, after: ComparedSample): { basis: Basis; measuring: (s: ComparedSample) => number | null } | null {
  const several = [before, after].filter((s) => s.repositories !== undefined).length;
  if (several === 0) return null;
  const value = reader(f.segments);
  const own = (s: ComparedSample): number[] => (s.repositories ?? []).map(value).filter((v) => v !== null);
  return {
    basis: { values: (s) => (several === 2 ? own(s) : []), observations: null, waiting: null, statistic: MEDIAN, over: 'repositories' },
    // a side of several repositories counts those that measure the key; one repository's side, its own count
    measuring: (s) => (s.repositories === undefined ? null : own(s).length),
  };
}

/**
 * The intervals of the figures whose changes still waiting count (lead time, the deploy wait): the percentiles of
 * one kind (the deploy wait's p50 and p90) from one set of resamples of its observations, after − before.
 */
function censoredIntervals(figures: readonly ComparedFigure[], before: ComparedSample, after: ComparedSample): Map<ComparedFigure, Interval> {
  const out = new Map<ComparedFigure, Interval>();
  for (const kind of ['lead', 'deploy'] as const) {
    const of = figures.filter((f) => f.basis.waiting === kind && f.basis.observations !== null && f.basis.statistic.kind === 'percentile');
    const observe = of[0]?.basis.observations;
    if (observe === undefined || observe === null) continue;
    const ps = of.map((f) => (f.basis.statistic.kind === 'percentile' ? f.basis.statistic.p : 0.5));
    const intervals = bootstrapCensoredDifferences(observe(after), observe(before), ps);
    of.forEach((f, i) => out.set(f, intervals[i] as Interval));
  }
  return out;
}

/**
 * One compared figure: `before` and `after` as the two sides report it (their own figures: a censored lead time
 * stays the side's Kaplan–Meier median), the change, and after − before recomputed from the samples with its 95%
 * interval (a censored figure's given, resampled as its medians are read). Better or worse only when the interval
 * excludes 0; `lowSample` when a side is under `minSample`. Pure.
 */
function comparedRow(
  head: Pick<ComparedRow, 'key' | 'group' | 'label' | 'unit' | 'lowerIsBetter'>,
  values: [before: number | null, after: number | null],
  counts: [before: number, after: number],
  samples: { before: ComparedSample; after: ComparedSample; basis: Basis; minSample: number; interval: Interval | undefined },
): ComparedRow {
  // a figure with changes still waiting resamples them too, each side's percentile read as its summary reads it (`censoredIntervals`)
  // a share whose sides are each all one way (no failed deploy before or after) resamples to itself: Newcombe's
  const [after, before] = samples.interval === undefined ? [samples.basis.values(samples.after), samples.basis.values(samples.before)] : [[], []];
  const share = head.unit === 'ratio' && samples.basis.over !== 'repositories';
  const interval: Interval = samples.interval ?? (share ? sharesAllAlikeDifference(after, before) : null) ?? bootstrapDifference(after, before, samples.basis.statistic);
  const b = finite(values[0]);
  const a = finite(values[1]);
  const direction: Direction | null = a === null || b === null ? null : directionOf(b, a, interval, head.lowerIsBetter);
  return {
    ...head,
    before: b,
    after: a,
    ...changeOf(b, a),
    direction,
    interval,
    sample: { before: counts[0], after: counts[1] },
    lowSample: direction !== null && (counts[0] < samples.minSample || counts[1] < samples.minSample),
  };
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
