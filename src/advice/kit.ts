import { MIN_SHARE_CHANGES } from '../metrics/headline.js';
import { duration, percent, plural } from './format.js';
import type { AdviceInput, Recommendation, StageInput } from './types.js';

/*
 * Impact, the number rows are ranked by: hours of waiting the finding accounts for, always computed as
 * "typical wait × how many waited" = p50 (seconds) × count ÷ 3600, over the stage or figure the rule is
 * about. The p50 and count are both printed in the report, so a reader can redo the sum; p50 rather than
 * the mean so one stale change does not outrank a queue every change sits in. Rules about part of the
 * changes scale it by that part (e.g. large changes: review-stage hours × share over 400 lines). Rules
 * about risk rather than waiting (unreviewed merges) have impact 0 and come after the waiting ones.
 * Rounded to 0.1 h so the JSON is stable.
 */

/** Hours a stage accounts for: p50 × count ÷ 3600; 0 when not measured. */
export function stageHours(stage: StageInput | undefined): number {
  if (!stage || stage.p50 === null || !Number.isFinite(stage.p50)) return 0;
  return hours(stage.p50 * stage.count);
}

/** seconds → hours rounded to 0.1; 0 for anything not a positive finite number */
export function hours(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds / 360) / 10 : 0;
}

/** a number that can be compared: not undefined, null or NaN */
export function measured(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function hasGithub(input: AdviceInput): boolean {
  return input.sources.includes('github');
}

/** Assembles a row, so every rule lists its parts in the same order. */
export function row(parts: Recommendation): Recommendation {
  const { id, measure, value, tellsYou, doNext, impact, figure, threshold } = parts;
  return { id, measure, value, tellsYou, doNext, impact: Math.max(0, Math.round(impact * 10) / 10), figure, threshold };
}

/**
 * `p50 pickup 2d 4h (threshold 1d) over 40 changes, 35% of the total time`: the threshold right after the figure
 * it is compared with, so no other figure of the line (a count, a rate) reads as measured against it.
 */
export function stageValue(label: string, stage: StageInput, threshold: number, input: Pick<AdviceInput, 'businessHours' | 'summary'>): string {
  const share = measured(stage.share) && sharesSay(input) ? `, ${percent(stage.share)} of the typical change's time` : '';
  return `p50 ${label} ${duration(stage.p50 ?? 0, input)} (threshold ${duration(threshold, input)}) over ${plural(stage.count, 'change')}${share}`;
}

/**
 * Whether enough changes stand behind the stages' shares for a row to say what share of the typical change's time
 * a stage is: the headline's rule (MIN_SHARE_CHANGES). A clone of langchain-ai/langgraph without its pull
 * requests' commits knows the lead time of 4 of 537 changes: the headline said too few, and the deploy-wait row
 * beside it "100% of the typical change's time".
 */
export function sharesSay(input: Pick<AdviceInput, 'summary'>): boolean {
  return input.summary.shareBasis.changes >= MIN_SHARE_CHANGES;
}
