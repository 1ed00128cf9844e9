import { STAGES, type MeasuredChange, type StageName } from '../domain.js';
import { STAGE_OF } from './stage-of.js';
import type { Measure } from '../model/stages.js';
import { censoredDistributionOf, type CensoredDistribution, type Observation } from './censored.js';
import { distributionOf, type Distribution } from './percentile.js';
import type { ShareBasis, StageFigure } from './schema.js';

export type { StageFigure } from './schema.js';

export interface StageSummary {
  changes: number;
  stages: Record<StageName, StageFigure>;
  cycleTime: Distribution;
  /** the changes still waiting for a deploy count as right-censored */
  leadTime: CensoredDistribution;
  /** over the deployed changes only */
  leadTimeDeployed: Distribution;
  shareBasis: ShareBasis;
}

/** How long the changes still waiting have waited: `now` and how durations are counted. */
export interface Waiting {
  now: number;
  measure: Measure;
}

/** Until when a change not yet deployed is known to have waited: now, or when its report was made if earlier (`seenUntil`). */
function waitedUntil(change: Pick<MeasuredChange, 'seenUntil'>, waiting: Waiting): number {
  const seen = change.seenUntil;
  return seen !== undefined && seen < waiting.now ? seen : waiting.now;
}

/** How long a change not yet deployed has waited since `from` (its first commit, its merge), as durations are counted. */
export function waitedSince(from: number, change: Pick<MeasuredChange, 'seenUntil'>, waiting: Waiting): number {
  return waiting.measure(from, Math.max(waitedUntil(change, waiting), from));
}

/**
 * Per-stage distributions over the changes where each stage is not null, shares of the typical change, and
 * cycle and lead time over the same changes (SPEC section 6). Lead time and the deploy stage count the
 * changes not yet deployed as right-censored at `now`. Pure.
 */
export function summarizeStages(changes: readonly MeasuredChange[], waiting: Waiting): StageSummary {
  const kind = changes.some((c) => c.leadTime !== null) ? 'deployed' : 'merged';
  // the share basis in one pass, in the changes' order, with no list of it: an organisation has 600,000 changes
  const shareSums = new Float64Array(STAGES.length);
  const stageSums = new Float64Array(STAGES.length);
  const values = new Float64Array(STAGES.length);
  let basis = 0;
  let zeroTotal = 0;
  let all = 0;
  for (const c of changes) {
    if (kind === 'deployed' ? c.leadTime === null : c.cycleTime === null) continue;
    // summed in STAGES' order, as each share's total is
    let total = 0;
    // read once: an aggregate's change makes its stages object on every read
    const stages = c.stages;
    for (let i = 0; i < STAGES.length; i++) total += values[i] = stages[STAGES[i] as StageName] ?? 0;
    if (!(total > 0)) {
      zeroTotal++;
      continue;
    }
    basis++;
    all += total;
    for (let i = 0; i < STAGES.length; i++) {
      shareSums[i] = (shareSums[i] as number) + (values[i] as number) / total;
      stageSums[i] = (stageSums[i] as number) + (values[i] as number);
    }
  }
  const stages = Object.fromEntries(
    STAGES.map((s) => {
      const figure = s === 'deploy' ? censoredDistributionOf(changes, (c) => deployObservation(c, waiting)) : distributionOf(changes, STAGE_OF[s]);
      // a stage no change could show (pickup from git alone) has no share, not 0%; nor has the deploy wait when
      // nothing shipped: the shares are then of cycle time, which ends at the merge, and a "0%" would read as
      // "deploys are instant" where the truth is that none happened
      const shown = figure.count > 0 && basis > 0 && !(kind === 'merged' && s === 'deploy');
      const i = STAGES.indexOf(s);
      const one = s === 'coding' ? oneCommitChanges(changes) : 0;
      // the share of them is written beside the count wherever the stage is given no share (`codingUnseen`)
      const oneCommit = s === 'coding' ? { oneCommit: one, oneCommitShare: figure.count > 0 ? one / figure.count : null } : {};
      return [s, { ...figure, ...oneCommit, share: shown ? (shareSums[i] as number) / basis : null, shareOfTotal: shown ? (stageSums[i] as number) / all : null }];
    }),
  ) as Record<StageName, StageFigure>;
  const cycleTime = distributionOf(changes, (c) => c.cycleTime);
  return {
    changes: changes.length,
    stages,
    cycleTime,
    leadTime: noShorterThanItsParts(censoredDistributionOf(changes, (c) => leadObservation(c, waiting)), [cycleTime, stages.deploy]),
    leadTimeDeployed: distributionOf(changes, (c) => c.leadTime),
    shareBasis: { kind, changes: basis, zeroTotal },
  };
}

const PERCENTILE_KEYS = ['p50', 'p75', 'p90'] as const;

/**
 * Lead time's percentiles, each raised to its parts' where the estimates cross. Each change's lead time is at
 * least its cycle time and its deploy wait, so each percentile of lead time is at least theirs (SPEC section 6);
 * but the Kaplan–Meier estimate of lead time can fall under the type-7 one of cycle time on a few changes
 * (react-router-dom's two: lead time p50 17h 20m beside cycle time p50 21h 31m) and under the estimate of the
 * deploy wait when many wait (aider's year: deploy wait p75 38d 9h beside lead time p75 28d). A bound needs no
 * raising: over the same changes each lead time so far is at least the cycle time and the deploy wait so far.
 */
function noShorterThanItsParts(lead: CensoredDistribution, parts: ReadonlyArray<Distribution | CensoredDistribution>): CensoredDistribution {
  const raised: CensoredDistribution = { ...lead };
  let below = 0;
  for (const k of PERCENTILE_KEYS) {
    const reached = lead[k];
    if (reached === null) continue;
    for (const part of parts) raised[k] = Math.max(raised[k] ?? reached, part[k] ?? reached);
    // and never under the one below it, raised by a part whose own percentile here is not reached
    raised[k] = below = Math.max(raised[k] ?? reached, below);
  }
  return raised;
}

/**
 * From git alone the coding stage is the span from a change's first to its last commit: when most changes are
 * one commit it is 0 for most by construction, which says nothing of the work, so no share is given for it.
 */
export function codingUnseen(coding: Pick<StageFigure, 'count' | 'oneCommit'>, gitOnly: boolean): boolean {
  return gitOnly && coding.oneCommit !== undefined && coding.count > 0 && coding.oneCommit * 2 > coding.count;
}

/**
 * The changes landed through a pull request or branch (not pushed directly) whose first and last commit are one
 * moment: from git alone their coding stage (first → last commit) is 0 by construction, whatever the work took.
 * A direct push's coding runs to the push, which git does see.
 */
function oneCommitChanges(changes: readonly MeasuredChange[]): number {
  let n = 0;
  const coding = STAGE_OF.coding;
  for (const c of changes) if (c.kind !== 'direct' && coding(c) !== null && c.firstCommitAt !== null && c.firstCommitAt === c.lastCommitAt) n++;
  return n;
}

/**
 * A change's lead time as an observation: done when deployed, still running (at least now − first commit)
 * when merged and not yet deployed; null when its first commit is unknown. The same changes as cycle time.
 */
export function leadObservation(change: MeasuredChange, waiting: Waiting): Observation | null {
  if (change.leadTime !== null) return { seconds: change.leadTime, done: true };
  if (change.firstCommitAt === null || change.cycleTime === null || change.deployedAt !== null) return null;
  return { seconds: waitedSince(change.firstCommitAt, change, waiting), done: false };
}

/** A change's deploy wait: done when deployed, still running since its merge when not; null when deployed without one. */
export function deployObservation(c: MeasuredChange, waiting: Waiting): Observation | null {
  const deploy = c.stages.deploy;
  if (deploy !== null) return { seconds: deploy, done: true };
  if (c.deployedAt !== null) return null;
  return { seconds: waitedSince(c.mergedAt, c, waiting), done: false };
}
