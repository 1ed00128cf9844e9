/*
 * The previous period (SPEC section 10): the window against the one of the same length just before it, figure by
 * figure — every figure the catalogue declares compared, as `compare` compares them — each change with its 95%
 * bootstrap interval.
 */
import type { MeasuredChange, MeasuredDeploy, StageName, Window } from '../domain.js';
import { previousWindow } from '../time.js';
import { comparedFigures, comparedRows, type ComparedSample } from './compared.js';
import { dailyDeployCounts } from './difference.js';
import { MIN_COMPARED_SAMPLE } from './limits.js';
import type { PreviousPeriod } from './schema.js';
import type { Waiting } from './stage-summary.js';

export type { PreviousPeriod } from './schema.js';

export interface PreviousInput {
  /** the counted changes of the model, whenever they merged: the previous window's are picked here */
  changes: readonly MeasuredChange[];
  /** every deploy of the model */
  deploys: readonly MeasuredDeploy[];
  window: Window;
  /** the history read reaches back over the whole previous window (its first commit is no later than its start) */
  covered: boolean;
  /** this window's figures, as its summary gives them (the compared figures are read at their catalogue paths) */
  current: object;
  /** a window's figures computed as this window's are (changes still waiting censored at now): the previous one's */
  figuresOf: (changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], window: Window) => object;
  /** the now and the time count `figuresOf` and this window's figures censor the changes still waiting with: the intervals resample them so */
  waiting: Waiting;
  /** the stages the data can see (git alone: no pickup or merge wait; the merge signal: no deploy wait) */
  stages: readonly StageName[];
  github: boolean;
}

const iso = (t: number): string => new Date(t * 1000).toISOString();

/**
 * The previous window [since − length, since) compared with this one: its figures computed as this window's are,
 * and per compared figure the data can measure after − before with its interval. Not covered: the window and
 * counts alone, no rows (a history that starts inside it would compare half a period). Pure.
 */
export function previousPeriod(input: PreviousInput): PreviousPeriod {
  const { window } = input;
  const previous = previousWindow(window);
  const within = (w: Window) => (t: number): boolean => t >= w.since && t < w.until;
  const before = input.changes.filter((c) => within(previous)(c.mergedAt));
  const beforeDeploys = input.deploys.filter((d) => within(previous)(d.at));
  const head = { since: iso(previous.since), until: iso(previous.until), covered: input.covered, changes: before.length, deploys: beforeDeploys.length };
  if (!input.covered) return { ...head, rows: [] };
  const after = input.changes.filter((c) => within(window)(c.mergedAt));
  const afterDeploys = input.deploys.filter((d) => within(window)(d.at));
  const sample = (changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], w: Window): ComparedSample => ({
    changes, deploys, dailyDeploys: dailyDeployCounts(w.since, w.until, deploys.map((d) => d.at)), waiting: input.waiting,
  });
  // a figure this run's data cannot measure is left out: git alone has no pickup, the merge signal no deploy wait
  const mode = input.github ? 'github' : 'git';
  // nor acceptance: the pull requests closed unmerged are read from this window's start only
  const figures = comparedFigures().filter((f) => f.modes.includes(mode) && (f.stage === undefined || input.stages.includes(f.stage)) && !f.basis.pulls);
  const rows = comparedRows(
    figures,
    { summary: input.figuresOf(before, beforeDeploys, previous), sample: sample(before, beforeDeploys, previous) },
    { summary: input.current, sample: sample(after, afterDeploys, window) },
    // a report's own tables have the room for each figure's whole name
    { minSample: MIN_COMPARED_SAMPLE, gitOnly: !input.github, short: false },
  );
  return { ...head, rows };
}
