import { z } from 'zod';
import { STAGES, type MeasuredChange, type StageName } from '../domain.js';
import { distributionOf, distributionSchema, type Distribution } from './percentile.js';

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
  const kind = changes.some((c) => c.leadTime !== null) ? 'deployed' : 'merged';
  // one pass, no list of the basis: an organisation has 600,000 changes
  const totals = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<StageName, number>;
  let basis = 0;
  for (const c of changes) {
    if ((kind === 'deployed' && c.leadTime === null) || c.firstCommitAt === null) continue;
    basis++;
    for (const s of STAGES) totals[s] += c.stages[s] ?? 0;
  }
  const all = STAGES.reduce((sum, s) => sum + totals[s], 0);
  const stages = Object.fromEntries(
    // a stage no change could show (pickup from git alone) has no share, not 0%
    STAGES.map((s) => {
      const figure = distributionOf(changes, (c) => c.stages[s]);
      return [s, { ...figure, share: all > 0 && figure.count > 0 ? totals[s] / all : null }];
    }),
  ) as Record<StageName, StageFigure>;
  return {
    changes: changes.length,
    stages,
    cycleTime: distributionOf(changes, (c) => c.cycleTime),
    leadTime: distributionOf(changes, (c) => c.leadTime),
    shareBasis: { kind, changes: basis },
  };
}
