import { z } from 'zod';
import { STAGES, type MeasuredChange, type StageName } from '../domain.js';
import type { Measure } from '../model/stages.js';
import { censoredDistribution, type CensoredDistribution, type Observation } from './censored.js';
import { distribution, distributionSchema, type Distribution } from './percentile.js';

const ratio = z.number().min(0).max(1).nullable();

export const stageFigureSchema = distributionSchema.extend({
  share: ratio.describe('the typical change: the mean, over the changes of the share basis, of this stage\'s fraction of each one\'s own total; null when there is no basis or no change shows the stage'),
  shareOfTotal: ratio.describe('Σ this stage ÷ Σ all stages over the share basis: where the total time goes (capacity questions)'),
  censored: z.number().int().nonnegative().optional().describe('deploy stage: changes merged and not yet deployed at now, counted as right-censored'),
  atLeast: z.number().nullable().optional().describe('deploy stage: set when a percentile is null, the largest wait seen (seconds)'),
});
export type StageFigure = z.infer<typeof stageFigureSchema>;

export const shareBasisSchema = z.object({
  kind: z.enum(['deployed', 'merged']).describe('which changes the shares are over: those deployed, or (when none is) those merged'),
  changes: z.number().int().nonnegative().describe('changes with a positive total the shares are over'),
});

export interface StageSummary {
  changes: number;
  stages: Record<StageName, StageFigure>;
  cycleTime: Distribution;
  /** the changes still waiting for a deploy count as right-censored */
  leadTime: CensoredDistribution;
  /** over the deployed changes only */
  leadTimeDeployed: Distribution;
  shareBasis: z.infer<typeof shareBasisSchema>;
}

/** How long the changes still waiting have waited: `now` and how durations are counted. */
export interface Waiting {
  now: number;
  measure: Measure;
}

/**
 * Per-stage distributions over the changes where each stage is not null, shares of the typical change, and
 * cycle and lead time over the same changes (SPEC section 6). Lead time and the deploy stage count the
 * changes not yet deployed as right-censored at `now`. Pure.
 */
export function summarizeStages(changes: readonly MeasuredChange[], waiting: Waiting): StageSummary {
  const deployed = changes.filter((c) => c.leadTime !== null);
  const kind = deployed.length > 0 ? 'deployed' : 'merged';
  const basis = (kind === 'deployed' ? deployed : changes.filter((c) => c.cycleTime !== null))
    .map((c) => ({ stages: c.stages, total: STAGES.reduce((sum, s) => sum + (c.stages[s] ?? 0), 0) }))
    .filter((c) => c.total > 0);
  const all = basis.reduce((sum, c) => sum + c.total, 0);
  const stages = Object.fromEntries(
    STAGES.map((s) => {
      const figure = s === 'deploy' ? censoredDistribution(deployObservations(changes, waiting)) : distribution(changes.map((c) => c.stages[s]));
      // a stage no change could show (pickup from git alone) has no share, not 0%
      const shown = figure.count > 0 && basis.length > 0;
      const share = shown ? basis.reduce((sum, c) => sum + (c.stages[s] ?? 0) / c.total, 0) / basis.length : null;
      const shareOfTotal = shown ? basis.reduce((sum, c) => sum + (c.stages[s] ?? 0), 0) / all : null;
      return [s, { ...figure, share, shareOfTotal }];
    }),
  ) as Record<StageName, StageFigure>;
  return {
    changes: changes.length,
    stages,
    cycleTime: distribution(changes.map((c) => c.cycleTime)),
    leadTime: censoredDistribution(changes.flatMap((c) => leadObservation(c, waiting) ?? [])),
    leadTimeDeployed: distribution(changes.map((c) => c.leadTime)),
    shareBasis: { kind, changes: basis.length },
  };
}

/**
 * A change's lead time as an observation: done when deployed, still running (at least now − first commit)
 * when merged and not yet deployed; null when its first commit is unknown. The same changes as cycle time.
 */
export function leadObservation(change: MeasuredChange, waiting: Waiting): Observation | null {
  if (change.leadTime !== null) return { seconds: change.leadTime, done: true };
  if (change.firstCommitAt === null || change.cycleTime === null || change.deployedAt !== null) return null;
  return { seconds: waiting.measure(change.firstCommitAt, Math.max(waiting.now, change.firstCommitAt)), done: false };
}

function deployObservations(changes: readonly MeasuredChange[], waiting: Waiting): Observation[] {
  return changes.flatMap((c): Observation[] => {
    if (c.stages.deploy !== null) return [{ seconds: c.stages.deploy, done: true }];
    if (c.deployedAt !== null) return [];
    return [{ seconds: waiting.measure(c.mergedAt, Math.max(waiting.now, c.mergedAt)), done: false }];
  });
}
