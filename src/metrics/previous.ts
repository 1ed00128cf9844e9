/*
 * The previous period (SPEC section 10): the window against the one of the same length just before it, figure by
 * figure — every figure the catalogue declares compared, as `compare` compares them — each change with its 95%
 * bootstrap interval.
 */
import type { MeasuredChange, MeasuredDeploy, StageName, Window } from '../domain.js';
import { previousWindow } from '../time.js';
import { comparedFigures, comparedRows, type ComparedSample } from './compared.js';
import { coveredWindow } from './coverage.js';
import { dailyDeployCounts } from './difference.js';
import { placingTimes } from './releases.js';
import { MIN_COMPARED_SAMPLE } from './limits.js';
import type { PreviousFork, PreviousPeriod } from './schema.js';
import type { Waiting } from './stage-summary.js';
import { isoTime } from '../time-format.js';

export type { PreviousFork, PreviousPeriod } from './schema.js';

export interface PreviousInput {
  /**
   * the counted changes and the deploys of the model as it stood at the previous window's end, whenever they
   * merged: the previous window's are picked here
   */
  before: { changes: readonly MeasuredChange[]; deploys: readonly MeasuredDeploy[] };
  /** this window's counted changes and deploys, as its figures are made of */
  after: { changes: readonly MeasuredChange[]; deploys: readonly MeasuredDeploy[] };
  window: Window;
  /** the history read reaches back over the whole previous window (its first commit is no later than its start) */
  covered: boolean;
  /** the tracked branch left the default branch's line after the previous window started: why it is not covered */
  forked?: PreviousFork;
  /** this window's figures, as its summary gives them (the compared figures are read at their catalogue paths) */
  current: object;
  /** a window's figures computed as this window's are, its changes still waiting censored at `waiting.now`: the previous one's */
  figuresOf: (changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], window: Window, waiting: Waiting) => object;
  /**
   * the now and the time count this window's figures censor the changes still waiting with: the previous window's
   * are censored at its own end (SPEC section 6: a window is measured as of its end), and the intervals resample each so
   */
  waiting: Waiting;
  /** the stages the data can see (git alone: no pickup or merge wait; the merge signal: no deploy wait) */
  stages: readonly StageName[];
  github: boolean;
}

const iso = (t: number): string => isoTime(t) as string;

/**
 * The previous window [since − length, since) compared with this one: its figures computed as this window's are,
 * as of its own end, and per compared figure the data can measure after − before with its interval. Not covered: the window and
 * counts alone, no rows (a history that starts inside it would compare half a period). Pure.
 */
export function previousPeriod(input: PreviousInput): PreviousPeriod {
  const { window } = input;
  const previous = previousWindow(window);
  const within = (w: Window) => (t: number): boolean => t >= w.since && t < w.until;
  const before = input.before.changes.filter((c) => within(previous)(c.mergedAt));
  const beforeDeploys = input.before.deploys.filter((d) => within(previous)(d.at));
  const head = {
    since: iso(previous.since), until: iso(previous.until), covered: input.covered, ...(input.forked !== undefined && { forked: input.forked }),
    changes: before.length, deploys: beforeDeploys.length,
  };
  if (!input.covered) return { ...head, rows: [] };
  const sample = (changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], w: Window, waiting: Waiting): ComparedSample => ({
    changes, deploys, dailyDeploys: dailyDeployCounts(w.since, w.until, placingTimes(deploys)), waiting,
  });
  // the previous window's changes and deploys are the model as it stood then: nothing later is known to them
  const then: Waiting = { ...input.waiting, now: Math.min(input.waiting.now, previous.until) };
  // a figure this run's data cannot measure is left out: git alone has no pickup, the merge signal no deploy wait
  const mode = input.github ? 'github' : 'git';
  // nor acceptance: the pull requests closed unmerged are read from this window's start only
  const figures = comparedFigures().filter((f) => f.modes.includes(mode) && (f.stage === undefined || input.stages.includes(f.stage)) && f.basis.over !== 'pulls');
  const rows = comparedRows(
    figures,
    { summary: input.figuresOf(before, beforeDeploys, previous, then), sample: sample(before, beforeDeploys, previous, then) },
    // this window's deploys over the days its deploy frequency is over: up to now, when the window ends later
    { summary: input.current, sample: sample(input.after.changes, input.after.deploys, coveredWindow(window, input.waiting.now), input.waiting) },
    // a report's own tables have the room for each figure's whole name
    { minSample: MIN_COMPARED_SAMPLE, gitOnly: !input.github, short: false },
  );
  return { ...head, rows };
}
