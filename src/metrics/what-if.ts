/**
 * What-if (SPEC section 9): what the window's lead times would have been with one stage capped at a
 * threshold, the other stages unchanged. The stages tile the lead time, so capping one shortens the lead
 * time by exactly what it trims.
 */
import { type StageName, type Stages } from '../domain.js';
import { STAGE_OF } from './stage-of.js';
import { medianOf } from './percentile.js';
import type { WhatIf } from './schema.js';

export type { WhatIf } from './schema.js';

const WEEK = 7 * 86400;

/** What the what-if reads of a change: the report's changes and the model's both have it. */
export interface WhatIfChange {
  readonly stages: Readonly<Stages>;
  /** null until deployed */
  readonly leadTime: number | null;
}

/**
 * Every deployed change (a lead time) with `stage` capped at `cap` seconds; `weeks` is the window's length
 * in weeks. Null when no change deployed or `weeks` is not positive. Pure.
 */
export function whatIf(changes: readonly WhatIfChange[], stage: StageName, cap: number, weeks: number): WhatIf | null {
  const deployed = changes.filter((c): c is WhatIfChange & { leadTime: number } => c.leadTime !== null);
  if (deployed.length === 0 || !(weeks > 0)) return null;
  const seconds = STAGE_OF[stage];
  const cut = (change: WhatIfChange): number => Math.max(0, (seconds(change) ?? 0) - cap);
  let trimmed = 0;
  for (const change of deployed) trimmed += cut(change);
  // medians by selection, not a sort: a report over an organisation has half a million deployed changes
  const now = medianOf(deployed, (c) => c.leadTime) as number;
  const then = medianOf(deployed, (c) => c.leadTime - cut(c)) as number;
  return { stage, cap, leadTimeP50: { now, then }, hoursSavedPerWeek: trimmed / 3600 / weeks };
}

/** The length of `[since, until)` in weeks (epoch seconds in). */
export function weeksIn(since: number, until: number): number {
  return (until - since) / WEEK;
}
