/*
 * Where the queue moved when AI arrived (issue 39, item 5): the articles' claim — AI made writing code cheap and the
 * queue moved to review, validation and release — measured on the team's own history. The window is split at the
 * week the AI-assisted share of changes rose past a stated level and stayed there, and each side's stage p50s,
 * arrivals a week and queues are compared, each difference with its 95% bootstrap interval (SPEC section 9), as
 * `compare` compares two windows: better or worse only when the interval leaves out 0, else the data cannot tell.
 */
import type { MeasuredChange, MeasuredDeploy, StageName, Window } from '../domain.js';
import { bootstrapDifference, type Statistic } from './bootstrap.js';
import { comparedFigures, comparedRows, type ComparedSample } from './compared.js';
import { changeOf, dailyDeployCounts, directionOf } from './difference.js';
import { placingTimes } from './releases.js';
import { MIN_COMPARED_SAMPLE } from './limits.js';
import { coveredWindow } from './coverage.js';
import type { AiShift, ComparedRow, Queues } from './schema.js';
import type { Waiting } from './stage-summary.js';
import { isoDay, weekBuckets } from './trend.js';
import { shortStageLabel } from '../stage-labels.js';
import { isoSeconds } from '../time.js';
import { isoTime } from '../time-format.js';

export type { AiShift } from './schema.js';

/** the AI-assisted share of changes that marks AI's arrival: a quarter */
export const AI_SHIFT_LEVEL = 0.25;
/** over how many weeks the share is taken (the week and the three before it), and the fewest weeks a side may have */
export const AI_SHIFT_WEEKS = 4;
/** the fewest changes a side may have: as a comparison's smallest trusted sample */
export const AI_SHIFT_MIN_CHANGES = MIN_COMPARED_SAMPLE;

const DAY = 86400;
const WEEK = 7 * DAY;
const MEAN: Statistic = { kind: 'mean' };

export interface AiShiftInput {
  /** the counted changes merged in the window */
  changes: readonly MeasuredChange[];
  /** the window's deploys */
  deploys: readonly MeasuredDeploy[];
  window: Window;
  /** each stage's queue week by week (the summary's `queues`) */
  queues: Queues;
  /** the stages the data can see */
  stages: readonly StageName[];
  /** a side's figures, computed as the window's are: its compared part (`stages`, `cycleTime`) */
  figuresOf: (changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], window: Window) => object;
  /** the now and the time count `figuresOf` censors the changes still waiting with: the intervals resample them so */
  waiting: Waiting;
  github: boolean;
}

/**
 * The week the AI-assisted share rose past the level (see the module's comment), and the two sides compared.
 * A week's share is over it and the three weeks after it (the window's last weeks over what is left of it; a span
 * of no change has none, and breaks no run); the
 * shift is the first week from which that share stays above the level to the window's end, moved on past the
 * weeks whose own share is not above it (so the split falls where AI-assisted changes began, not up to three
 * weeks ahead of them), when some earlier week's was not above it. Pure.
 */
export function computeAiShift(input: AiShiftInput): AiShift {
  // the weeks the history covers: a window reaching back before the first commit would count its empty weeks as
  // weeks of no arrival and no queue, and put "before" at half a change a week for a team that merges ten
  // and where it ends, for a product whose package was removed: its weeks after are none of its own. The part the
  // history covers, to the window's end, not to now: the AI shift's weeks never stopped at now
  const window = coveredWindow(input.window, Infinity);
  const { first, buckets } = weekBuckets(input.changes, window);
  const shareOf = (changes: readonly MeasuredChange[]): number | null => (changes.length === 0 ? null : changes.filter((c) => c.aiEvidence.length > 0).length / changes.length);
  const shares = buckets.map((_, i) => shareOf(buckets.slice(i, i + AI_SHIFT_WEEKS).flat()));
  const head = { level: AI_SHIFT_LEVEL, weeks: AI_SHIFT_WEEKS, minChanges: AI_SHIFT_MIN_CHANGES, peak: peakOf(shares, first) };
  const above = (s: number | null): boolean => s !== null && s > AI_SHIFT_LEVEL;
  // the first week of the run above the level that lasts to the end; weeks of no change say nothing either way
  let start = shares.length;
  while (start > 0 && (shares[start - 1] === null || above(shares[start - 1] ?? null))) start--;
  if (!shares.slice(start).some(above)) return { ...head, status: 'never', week: null, before: null, after: null, rows: [] };
  if (start === 0) return { ...head, status: 'always', week: null, before: null, after: null, rows: [] };
  while (start < buckets.length - 1 && !above(shareOf(buckets[start] ?? []))) start++;
  const at = Math.max(window.since, first + start * WEEK);
  const sides = [{ since: window.since, until: at }, { since: at, until: window.until }] as const;
  const sideOf = (w: Window) => {
    const changes = input.changes.filter((c) => c.mergedAt >= w.since && c.mergedAt < w.until);
    const deploys = input.deploys.filter((d) => d.at >= w.since && d.at < w.until);
    const weeks = (w.until - w.since) / WEEK;
    const ai = changes.filter((c) => c.aiEvidence.length > 0).length;
    return { window: w, changes, deploys, weeks, head: { since: iso(w.since), until: iso(w.until), changes: changes.length, aiShare: changes.length === 0 ? null : ai / changes.length, weeks: round(weeks) } };
  };
  const [before, after] = [sideOf(sides[0]), sideOf(sides[1])];
  const short = [before, after].some((s) => s.weeks < AI_SHIFT_WEEKS || s.changes.length < AI_SHIFT_MIN_CHANGES);
  const week = isoDay(first + start * WEEK);
  if (short) return { ...head, status: 'too-short', week, before: before.head, after: after.head, rows: [] };
  const figures = comparedFigures().filter((f) => /^(stages\.\w+|cycleTime)\.p50$/.test(f.key) && (f.stage === undefined || input.stages.includes(f.stage)));
  const stageRows = comparedRows(
    figures,
    { summary: input.figuresOf(before.changes, before.deploys, before.window), sample: sample(before.changes, before.deploys, before.window, input.waiting) },
    { summary: input.figuresOf(after.changes, after.deploys, after.window), sample: sample(after.changes, after.deploys, after.window, input.waiting) },
    { minSample: MIN_COMPARED_SAMPLE, gitOnly: !input.github, short: false },
  );
  return { ...head, status: 'shifted', week, before: before.head, after: after.head, rows: [...stageRows, ...flowRows(input, buckets, first, at)] };
}

/** Arrivals a week (changes merged per week) and each stage's queue at the weeks' ends, before against after. */
function flowRows(input: AiShiftInput, buckets: readonly MeasuredChange[][], first: number, at: number): ComparedRow[] {
  const split = <T>(items: readonly T[], start: (item: T, i: number) => number): [T[], T[]] => [items.filter((x, i) => start(x, i) < at), items.filter((x, i) => start(x, i) >= at)];
  const [arrivedBefore, arrivedAfter] = split(buckets.map((b) => b.length), (_, i) => first + i * WEEK);
  // the queues' weeks span the whole window: only those the history covers, as the arrivals'
  const covered = (w: { weekStart: string }): boolean => (isoSeconds(w.weekStart) ?? NaN) >= first;
  const rows = [weekly('arrivals', 'changes merged a week', 'changes/week', arrivedBefore, arrivedAfter, false)];
  // git alone sees a change only once it merges: the queues before the merge lose the changes still open, and the
  // after side is always the window's last weeks, where those are. pytest's year to 2026-08-20 read "first → last
  // queue fell 67%" and "review & merge queue fell 48%" over its last 4.5 weeks, beside the note that these queues
  // read low at the window's end; the deploy wait starts at the merge and is whole
  const seen = input.github ? input.stages : input.stages.filter((s) => s === 'deploy');
  for (const stage of seen) {
    const weeks = input.queues[stage];
    if (weeks === undefined) continue;
    const [b, a] = split(weeks.filter(covered), (w) => isoSeconds(w.weekStart) ?? NaN);
    rows.push(weekly(`queues.${stage}`, `${shortStageLabel(stage, !input.github)} queue`, 'changes', b.map((w) => w.queue), a.map((w) => w.queue), true));
  }
  return rows;
}

/** A weekly count's mean before against after, with the 95% bootstrap interval of the difference. */
function weekly(key: string, label: string, unit: 'changes/week' | 'changes', before: readonly number[], after: readonly number[], lowerIsBetter: boolean): ComparedRow {
  const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
  const [b, a] = [mean(before), mean(after)];
  const interval = bootstrapDifference(after, before, MEAN);
  const direction = a === null || b === null ? null : directionOf(b, a, interval, lowerIsBetter);
  return {
    key, group: 'stage', label, unit, lowerIsBetter, before: b, after: a,
    ...changeOf(b, a),
    direction, interval, sample: { before: before.length, after: after.length }, lowSample: before.length < AI_SHIFT_WEEKS || after.length < AI_SHIFT_WEEKS,
  };
}

function sample(changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], w: Window, waiting: Waiting): ComparedSample {
  return { changes, deploys, dailyDeploys: dailyDeployCounts(w.since, w.until, placingTimes(deploys)), waiting };
}

/**
 * The highest four-week share and the week it starts: what a report says when the share never rose past the level.
 * Only whole spans of four weeks count: the window's last weeks, over what is left of it, are a span of one to three
 * (honojs/middleware's highest read "20% (the 4 weeks from 2026-08-17)", 1 of 5 changes in the window's last six
 * days). None in a window under four weeks.
 */
function peakOf(shares: ReadonlyArray<number | null>, first: number): { share: number; week: string } | null {
  let best: { share: number; week: string } | null = null;
  shares.slice(0, Math.max(0, shares.length - AI_SHIFT_WEEKS + 1)).forEach((s, i) => {
    if (s !== null && (best === null || s > best.share)) best = { share: s, week: isoDay(first + i * WEEK) };
  });
  return best;
}

const iso = (t: number): string => isoTime(t) as string;
const round = (x: number): number => Math.round(x * 10) / 10;
