import { STAGES } from '../domain.js';
import { bootstrapDifference, MEDIAN, type Interval, type Statistic } from '../metrics/bootstrap.js';
import type { Distribution } from '../metrics/percentile.js';
import { dailyDeploys, directionOf, type Direction } from '../metrics/difference.js';
import { figureLabel } from '../metrics/catalogue.js';
import type { Dora } from '../metrics/dora.js';
import type { Report, ReportChange } from '../report/schema.js';
import { plural } from '../units.js';

export type { Direction } from '../metrics/difference.js';
export type ComparedUnit = 'seconds' | 'ratio' | 'deploys/week';

export interface ComparisonRow {
  /** dot path into `report.summary`: `stages.pickup.p50`, `cycleTime.p90`, `dora.changeFailureRate` */
  key: string;
  group: 'stage' | 'dora';
  label: string;
  unit: ComparedUnit;
  /** durations and failure rates: lower is better; deploy frequency: higher */
  lowerIsBetter: boolean;
  before: number | null;
  after: number | null;
  /** after − before, in `unit`; null when a side is not measured */
  change: number | null;
  /** change ÷ before; null when a side is not measured or before is 0 */
  relativeChange: number | null;
  /** null when a side is not measured; better or worse only when the interval excludes 0 */
  direction: Direction | null;
  /**
   * after − before, recomputed from the reports' own changes (or deploys), with its 95% bootstrap interval
   * (2,000 resamples, fixed seed); nulls when a side has nothing to resample
   */
  interval: Interval;
  /** how many changes (or deploys) each side's figure is over */
  sample: { before: number; after: number };
  /** both sides measured, and one's sample is under `minSample` (never for deploy frequency: a count, not a sample) */
  lowSample: boolean;
}

export interface ComparisonSide {
  repository: string;
  window: Report['window'];
  changes: number;
  deploys: number;
  sources: Report['sources'];
  deploySignal: Report['deploySignal']['kind'];
  businessHours: Report['businessHours'];
}

/** `flowaudit compare BEFORE AFTER` as data: also its JSON output. */
export interface Comparison {
  schemaVersion: 1;
  minSample: number;
  before: ComparisonSide;
  after: ComparisonSide;
  rows: ComparisonRow[];
  warnings: string[];
}

export interface CompareOptions {
  /** a side with fewer changes than this is flagged as too few to trust; default 10 */
  minSample?: number;
}

export const DEFAULT_MIN_SAMPLE = 10;

const STAGE_LABELS: Record<string, string> = {
  coding: 'coding', pickup: 'pickup', review: 'review', merge: 'merge wait', deploy: 'deploy wait', cycleTime: 'cycle time',
};
/** What a figure is computed over in a report, and how: the values the bootstrap resamples. */
interface Basis {
  values: (r: Report) => Array<number | null>;
  statistic: Statistic;
}

const counted = (r: Report): ReportChange[] => r.changes.filter((c) => c.counted);
const flag = (yes: boolean): number => (yes ? 1 : 0);

const DORA_KEYS: ReadonlyArray<{ key: keyof Dora; label: string; unit: ComparedUnit; lowerIsBetter: boolean; basis: Basis }> = [
  { key: 'deploymentFrequency', label: figureLabel('dora.deploymentFrequency'), unit: 'deploys/week', lowerIsBetter: false, basis: { values: (r) => dailyDeploys(r.window, r.deploys.map((d) => d.at)), statistic: { kind: 'mean' } } },
  { key: 'leadTime', label: figureLabel('dora.leadTime'), unit: 'seconds', lowerIsBetter: true, basis: { values: (r) => counted(r).map((c) => c.leadTime), statistic: MEDIAN } },
  { key: 'changeFailureRate', label: figureLabel('dora.changeFailureRate'), unit: 'ratio', lowerIsBetter: true, basis: { values: (r) => r.deploys.map((d) => flag(d.failed)), statistic: { kind: 'mean' } } },
  // the catalogue's "failed deployment recovery time" and "deployment rework rate" wrap in the 80-column
  // comparison table: their last words
  { key: 'timeToRestore', label: 'recovery time', unit: 'seconds', lowerIsBetter: true, basis: { values: (r) => r.deploys.filter((d) => d.failed).map((d) => d.restoredAfter), statistic: MEDIAN } },
  { key: 'reworkRate', label: 'rework rate', unit: 'ratio', lowerIsBetter: true, basis: { values: (r) => r.deploys.map((d) => flag(d.rework)), statistic: { kind: 'mean' } } },
];

/**
 * Compares two reports (a baseline and a later window, or two repositories): per stage and cycle time
 * (p50, p90) and per DORA key, the two values, the change, the 95% interval of the change (bootstrap over
 * the reports' changes and deploys), its direction and the sample sizes. A change is better or worse only
 * when its interval excludes 0 (SPEC section 9). Pure.
 */
export function compareReports(before: Report, after: Report, options: CompareOptions = {}): Comparison {
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  const rows: ComparisonRow[] = [];
  const distributions: Array<[string, string, (r: Report) => Distribution, (c: ReportChange) => number | null]> = [
    ...STAGES.map((s): [string, string, (r: Report) => Distribution, (c: ReportChange) => number | null] => [`stages.${s}`, STAGE_LABELS[s] ?? s, (r) => r.summary.stages[s], (c) => c.stages[s]]),
    ['cycleTime', STAGE_LABELS['cycleTime'] ?? 'cycle time', (r) => r.summary.cycleTime, (c) => c.cycleTime],
  ];
  for (const [key, label, pick, value] of distributions) {
    for (const [p, q] of [['p50', 0.5], ['p90', 0.9]] as const) {
      const b = pick(before);
      const a = pick(after);
      const basis: Basis = { values: (r) => counted(r).map(value), statistic: { kind: 'percentile', p: q } };
      rows.push(row({ key: `${key}.${p}`, group: 'stage', label: `${label} ${p}`, unit: 'seconds', lowerIsBetter: true }, [b[p], a[p]], [b.count, a.count], minSample, interval(basis, before, after)));
    }
  }
  for (const d of DORA_KEYS) {
    const b = before.summary.dora[d.key];
    const a = after.summary.dora[d.key];
    const r = row({ key: `dora.${d.key}`, group: 'dora', label: d.label, unit: d.unit, lowerIsBetter: d.lowerIsBetter }, [b.value, a.value], [b.count, a.count], minSample, interval(d.basis, before, after));
    rows.push(d.key === 'deploymentFrequency' ? { ...r, lowSample: false } : r);
  }
  const sides = { before: side(before), after: side(after) };
  return { schemaVersion: 1, minSample, ...sides, rows, warnings: warnings(sides.before, sides.after, minSample) };
}

/** after − before over the reports' own values, with its 95% bootstrap interval. */
function interval(basis: Basis, before: Report, after: Report): Interval {
  return bootstrapDifference(basis.values(after), basis.values(before), basis.statistic);
}

function row(
  head: Pick<ComparisonRow, 'key' | 'group' | 'label' | 'unit' | 'lowerIsBetter'>,
  [before, after]: [number | null | undefined, number | null | undefined],
  [nBefore, nAfter]: [number, number],
  minSample: number,
  interval: Interval,
): ComparisonRow {
  const b = finite(before);
  const a = finite(after);
  const change = a === null || b === null ? null : a - b;
  const direction: Direction | null = a === null || b === null ? null : directionOf(b, a, interval, head.lowerIsBetter);
  return {
    ...head,
    before: b,
    after: a,
    change: direction === 'same' ? 0 : change,
    relativeChange: change === null || b === null || b === 0 ? null : direction === 'same' ? 0 : change / b,
    direction,
    interval,
    sample: { before: nBefore, after: nAfter },
    lowSample: direction !== null && (nBefore < minSample || nAfter < minSample),
  };
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function side(report: Report): ComparisonSide {
  return {
    repository: report.repository.remote ?? report.repository.path,
    window: report.window,
    changes: report.summary.changes,
    deploys: report.summary.dora.deploymentFrequency.count,
    sources: report.sources,
    deploySignal: report.deploySignal.kind,
    businessHours: report.businessHours ?? null,
  };
}

function warnings(before: ComparisonSide, after: ComparisonSide, minSample: number): string[] {
  const out: string[] = [];
  for (const [name, s] of [['before', before], ['after', after]] as const) {
    if (s.changes < minSample) out.push(`${name} has ${plural(s.changes, 'change')}, fewer than ${minSample}: too few to trust its figures`);
  }
  if (before.sources.join('+') !== after.sources.join('+')) {
    out.push(`the sides read different sources (before: ${before.sources.join(' + ')}, after: ${after.sources.join(' + ')}): stage figures are not comparable`);
  }
  if (before.deploySignal !== after.deploySignal) {
    out.push(`the sides count deploys differently (before: ${before.deploySignal}, after: ${after.deploySignal}): deploy figures are not comparable`);
  }
  if (JSON.stringify(before.businessHours) !== JSON.stringify(after.businessHours)) {
    out.push('the sides count time differently (business hours on one side, or different hours): durations are not comparable');
  }
  const t = (iso: string): number => Date.parse(iso);
  const overlap = t(before.window.since) < t(after.window.until) && t(after.window.since) < t(before.window.until);
  if (before.repository === after.repository && overlap) out.push('the two windows overlap: some changes are on both sides');
  return out;
}
