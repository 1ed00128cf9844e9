import type { StageName } from '../domain.js';
import { stageLabel } from '../stage-labels.js';
import type { StageSummary } from './stage-summary.js';

const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;

/** One sentence: how much of the lead time is waiting, and where. Pure. */
export function headline(summary: Pick<StageSummary, 'stages' | 'shareBasis'>, gitOnly: boolean): string {
  const st = summary.stages;
  const share = (k: StageName): number => st[k].share ?? 0;
  const waits = (['pickup', 'review', 'merge', 'deploy'] as StageName[]).filter((k) => share(k) > 0).sort((a, b) => share(b) - share(a));
  const waiting = waits.reduce((sum, k) => sum + share(k), 0);
  const basis = summary.shareBasis.kind === 'deployed' ? 'lead time' : 'cycle time (nothing deployed yet)';
  if (st.coding.share === null) return `No change has a known first commit: the ${basis} cannot be split.`;
  const parts = waits.map((k) => `${stageLabel(k, gitOnly)} ${percent(share(k))}`).join(', ');
  return `${percent(waiting)} of the ${basis} is spent waiting${parts ? ` (${parts})` : ''}, ${percent(share('coding'))} coding.`;
}
