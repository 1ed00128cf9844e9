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

/** What the hours saved are over: the days of history the window covers, and as weeks (null under one whole week). */
export interface WhatIfSpan {
  readonly days: number;
  readonly weeks: number | null;
}

/** What the what-if reads of a change: the report's changes and the model's both have it. */
export interface WhatIfChange {
  readonly stages: Readonly<Stages>;
  /** null until deployed */
  readonly leadTime: number | null;
}

/**
 * Every deployed change (a lead time) with `stage` capped at `cap` seconds, over `span`, the part of the window
 * the history covers (`metrics/coverage.ts`): the change-hours trimmed, and per week of it when it is a whole
 * week or more (a rate from two days would say thirty times what the days held). Null when no change deployed or
 * the span has no length. Pure.
 */
export function whatIf(changes: readonly WhatIfChange[], stage: StageName, cap: number, span: WhatIfSpan): WhatIf | null {
  const deployed = changes.filter((c): c is WhatIfChange & { leadTime: number } => c.leadTime !== null);
  if (deployed.length === 0 || !(span.days > 0)) return null;
  const seconds = STAGE_OF[stage];
  const cut = (change: WhatIfChange): number => Math.max(0, (seconds(change) ?? 0) - cap);
  let trimmed = 0;
  for (const change of deployed) trimmed += cut(change);
  // medians by selection, not a sort: a report over an organisation has half a million deployed changes
  const now = medianOf(deployed, (c) => c.leadTime) as number;
  const then = medianOf(deployed, (c) => c.leadTime - cut(c)) as number;
  const hours = trimmed / 3600;
  return { stage, cap, leadTimeP50: { now, then }, hoursSavedPerWeek: span.weeks === null ? null : hours / span.weeks, hoursSaved: hours, coveredDays: span.days };
}
