/*
 * The previous period (SPEC section 10): the window against the one of the same length just before it, per stage
 * (p50) and DORA key, each change with its 95% bootstrap interval, built as `compare` builds its rows.
 */
import type { DeploySignalKind, MeasuredChange, MeasuredDeploy, StageName, Window } from '../domain.js';
import { shortStageLabel } from '../stage-labels.js';
import { previousWindow } from '../time.js';
import { comparedRow, doraRows, stageBasis, type ComparedSample } from './compared.js';
import { dailyDeployCounts } from './difference.js';
import { computeDora } from './dora.js';
import { MIN_COMPARED_SAMPLE } from './limits.js';
import type { Dora, PreviousPeriod, StageFigure } from './schema.js';
import { summarizeStages, type Waiting } from './stage-summary.js';

export type { PreviousPeriod } from './schema.js';

export interface PreviousInput {
  /** the counted changes of the model, whenever they merged: the previous window's are picked here */
  changes: readonly MeasuredChange[];
  /** every deploy of the model */
  deploys: readonly MeasuredDeploy[];
  window: Window;
  /** the history read reaches back over the whole previous window (its first commit is no later than its start) */
  covered: boolean;
  /** this window's own figures, as its summary gives them */
  current: { stages: Readonly<Record<StageName, StageFigure>>; dora: Dora };
  /** the stages the data can see (git alone: no pickup or merge wait; the merge signal: no deploy wait) */
  stages: readonly StageName[];
  waiting: Waiting;
  signal: DeploySignalKind;
  github: boolean;
  businessHours: boolean;
}

const iso = (t: number): string => new Date(t * 1000).toISOString();

/**
 * The previous window [since − length, since) compared with this one: its figures computed as this window's are
 * (changes still waiting censored at now), and per figure after − before with its interval. Not covered: the
 * window and counts alone, no rows (a history that starts inside it would compare half a period). Pure.
 */
export function previousPeriod(input: PreviousInput): PreviousPeriod {
  const { window, waiting } = input;
  const previous = previousWindow(window);
  const within = (w: Window) => (t: number): boolean => t >= w.since && t < w.until;
  const before = input.changes.filter((c) => within(previous)(c.mergedAt));
  const beforeDeploys = input.deploys.filter((d) => within(previous)(d.at));
  const head = { since: iso(previous.since), until: iso(previous.until), covered: input.covered, changes: before.length, deploys: beforeDeploys.length };
  if (!input.covered) return { ...head, rows: [] };
  const after = input.changes.filter((c) => within(window)(c.mergedAt));
  const afterDeploys = input.deploys.filter((d) => within(window)(d.at));
  const stages = summarizeStages(before, waiting);
  const dora = computeDora({ window: previous, now: waiting.now, deploys: beforeDeploys, leadTime: stages.leadTime, signal: input.signal, businessHours: input.businessHours });
  const sample = (changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], w: Window): ComparedSample => ({
    changes, deploys, dailyDeploys: dailyDeployCounts(w.since, w.until, deploys.map((d) => d.at)),
  });
  const samples = { before: sample(before, beforeDeploys, previous), after: sample(after, afterDeploys, window), minSample: MIN_COMPARED_SAMPLE };
  const rows = input.stages.map((s) => {
    const b = stages.stages[s];
    const a = input.current.stages[s];
    return comparedRow({ key: `stages.${s}.p50`, group: 'stage', label: `${shortStageLabel(s, !input.github)} p50`, unit: 'seconds', lowerIsBetter: true }, [b.p50, a.p50], [b.count, a.count], { ...samples, basis: stageBasis(s, 0.5) });
  });
  return { ...head, rows: [...rows, ...doraRows(dora, input.current.dora, samples)] };
}
