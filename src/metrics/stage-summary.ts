import { z } from 'zod';
import { STAGES, type MeasuredChange, type StageName } from '../domain.js';
import { distribution, distributionSchema, type Distribution } from './percentile.js';

export const stageFigureSchema = distributionSchema.extend({
  share: z.number().min(0).max(1).nullable().describe('Σ this stage ÷ Σ all stages over the changes of the share basis; null when there is no basis'),
});
export type StageFigure = z.infer<typeof stageFigureSchema>;

export const shareBasisSchema = z.object({
  kind: z.enum(['deployed', 'merged']).describe('which changes the shares are over: those deployed, or (when none is) those merged'),
  changes: z.number().int().nonnegative(),
});

export interface StageSummary {
  changes: number;
  stages: Record<StageName, StageFigure>;
  cycleTime: Distribution;
  leadTime: Distribution;
  shareBasis: z.infer<typeof shareBasisSchema>;
}

/**
 * Per-stage distributions over the changes where each stage is not null, and each stage's share of the
 * total time (SPEC section 6). Shares are over changes that reached the end state — deployed, or merged
 * when nothing deployed — with a known first commit, so they sum to 100%. Pure.
 */
export function summarizeStages(changes: readonly MeasuredChange[]): StageSummary {
  const deployed = changes.filter((c) => c.leadTime !== null);
  const kind = deployed.length > 0 ? 'deployed' : 'merged';
  const basis = (kind === 'deployed' ? deployed : changes).filter((c) => c.firstCommitAt !== null);
  const totals = Object.fromEntries(STAGES.map((s) => [s, basis.reduce((sum, c) => sum + (c.stages[s] ?? 0), 0)])) as Record<StageName, number>;
  const all = STAGES.reduce((sum, s) => sum + totals[s], 0);
  const stages = Object.fromEntries(
    // a stage no change could show (pickup from git alone) has no share, not 0%
    STAGES.map((s) => {
      const figure = distribution(changes.map((c) => c.stages[s]));
      return [s, { ...figure, share: all > 0 && figure.count > 0 ? totals[s] / all : null }];
    }),
  ) as Record<StageName, StageFigure>;
  return {
    changes: changes.length,
    stages,
    cycleTime: distribution(changes.map((c) => c.cycleTime)),
    leadTime: distribution(changes.map((c) => c.leadTime)),
    shareBasis: { kind, changes: basis.length },
  };
}
