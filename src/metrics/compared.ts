/*
 * One figure of two samples compared (SPEC sections 9 and 10): the values, the change, its 95% bootstrap interval
 * and whether the data can tell. `flowaudit compare` (two reports, two slices) and every report's previous period
 * build their rows here, so both say "better" on the same evidence.
 */
import type { StageName } from '../domain.js';
import { bootstrapDifference, MEDIAN, type Interval, type Statistic } from './bootstrap.js';
import { directionOf, type Direction } from './difference.js';
import { figureLabel } from './catalogue.js';
import type { ComparedRow, Dora } from './schema.js';

export type { ComparedRow } from './schema.js';
export type ComparedUnit = ComparedRow['unit'];

/** What a side's figures are computed over: its counted changes and its deploys. */
export interface ComparedSample {
  changes: ReadonlyArray<{ stages: Readonly<Record<StageName, number | null>>; cycleTime: number | null; leadTime: number | null }>;
  deploys: ReadonlyArray<{ failed: boolean; rework: boolean; restoredAfter: number | null }>;
  /** deploys per day of the side's window, scaled so that their mean is deploys per week (`dailyDeployCounts`) */
  dailyDeploys: readonly number[];
}

/** How a figure is computed from a sample: the values the bootstrap resamples, and the statistic. */
export interface Basis {
  values: (sample: ComparedSample) => Array<number | null>;
  statistic: Statistic;
}

export type DoraKeyName = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore' | 'reworkRate';

const flag = (yes: boolean): number => (yes ? 1 : 0);

/** The DORA keys compared, in the summary's order, each with what its interval resamples. */
const COMPARED_DORA: ReadonlyArray<{ key: DoraKeyName; label: string; unit: ComparedUnit; lowerIsBetter: boolean; basis: Basis }> = [
  { key: 'deploymentFrequency', label: figureLabel('dora.deploymentFrequency'), unit: 'deploys/week', lowerIsBetter: false, basis: { values: (s) => [...s.dailyDeploys], statistic: { kind: 'mean' } } },
  { key: 'leadTime', label: figureLabel('dora.leadTime'), unit: 'seconds', lowerIsBetter: true, basis: { values: (s) => s.changes.map((c) => c.leadTime), statistic: MEDIAN } },
  { key: 'changeFailureRate', label: figureLabel('dora.changeFailureRate'), unit: 'ratio', lowerIsBetter: true, basis: { values: (s) => s.deploys.map((d) => flag(d.failed)), statistic: { kind: 'mean' } } },
  // the catalogue's "failed deployment recovery time" and "deployment rework rate" wrap in the 80-column
  // comparison table: their last words
  { key: 'timeToRestore', label: 'recovery time', unit: 'seconds', lowerIsBetter: true, basis: { values: (s) => s.deploys.filter((d) => d.failed).map((d) => d.restoredAfter), statistic: MEDIAN } },
  { key: 'reworkRate', label: 'rework rate', unit: 'ratio', lowerIsBetter: true, basis: { values: (s) => s.deploys.map((d) => flag(d.rework)), statistic: { kind: 'mean' } } },
];

/** A stage's (or cycle time's) percentile over the sample's changes. */
export function stageBasis(stage: StageName | 'cycleTime', p: number): Basis {
  return { values: (s) => s.changes.map((c) => (stage === 'cycleTime' ? c.cycleTime : c.stages[stage])), statistic: { kind: 'percentile', p } };
}

/**
 * One compared figure: `before` and `after` as the two sides report it (their own figures: a censored lead time
 * stays the side's Kaplan–Meier median), the change, and after − before recomputed from the samples with its 95%
 * interval. Better or worse only when the interval excludes 0; `lowSample` when a side is under `minSample`. Pure.
 */
export function comparedRow(
  head: Pick<ComparedRow, 'key' | 'group' | 'label' | 'unit' | 'lowerIsBetter'>,
  values: [before: number | null | undefined, after: number | null | undefined],
  counts: [before: number, after: number],
  samples: { before: ComparedSample; after: ComparedSample; basis: Basis; minSample: number },
): ComparedRow {
  const interval: Interval = bootstrapDifference(samples.basis.values(samples.after), samples.basis.values(samples.before), samples.basis.statistic);
  const b = finite(values[0]);
  const a = finite(values[1]);
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
    sample: { before: counts[0], after: counts[1] },
    lowSample: direction !== null && (counts[0] < samples.minSample || counts[1] < samples.minSample),
  };
}

/** Each DORA key of two sides compared; deploy frequency is a count of deploys, never a sample too small. */
export function doraRows(before: Dora, after: Dora, samples: { before: ComparedSample; after: ComparedSample; minSample: number }): ComparedRow[] {
  return COMPARED_DORA.map((d) => {
    const b = before[d.key];
    const a = after[d.key];
    const row = comparedRow({ key: `dora.${d.key}`, group: 'dora', label: d.label, unit: d.unit, lowerIsBetter: d.lowerIsBetter }, [b.value, a.value], [b.count, a.count], { ...samples, basis: d.basis });
    return d.key === 'deploymentFrequency' ? { ...row, lowSample: false } : row;
  });
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
