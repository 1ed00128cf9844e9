/**
 * Review load and work in progress, AI-assisted against the rest (issue 39, item 4; GitHub mode): how many lines a
 * reviewer is asked to read per hour of review, per change — its changed lines ÷ its review stage (first review →
 * approval), over the merged changes a person reviewed whose size and review stage are known — with the groups'
 * p50s and the difference's 95% bootstrap interval; how many of those were large (over 400 lines); and the open
 * pull requests of each group at the window's end (drafts apart, bots left out) with their p50 age; and the large
 * AI-assisted pull requests per reviewer-day (`ai-reviewer-days.ts`). Pure.
 */
import type { MeasuredChange, OpenPull } from '../domain.js';
import { largeAiPerReviewerDay } from './ai-reviewer-days.js';
import { bootstrapDifference, MEDIAN } from './bootstrap.js';
import { LARGE_CHANGE_LINES, MIN_AI_GROUP } from './limits.js';
import { distribution } from './percentile.js';
import type { AiLoad, AiLoadGroup } from './schema.js';
import { changedLines } from './size.js';

export type { AiLoad } from './schema.js';

const HOUR = 3600;

export interface AiLoadInput {
  /** the counted changes merged in the window */
  changes: readonly MeasuredChange[];
  /** the pull requests open at `now` */
  openPulls: readonly OpenPull[];
  /** the window's end, or now if earlier: when the open ones are counted and aged */
  now: number;
  /** the window, whose reviews are counted per reviewer-day */
  since: number;
  until: number;
  /** the IANA zone a reviewer-day is in */
  timezone: string;
}

/** Lines read per review hour of one change; null when it was not reviewed by a person, or its size or review stage is unknown or 0. */
function linesPerHour(c: MeasuredChange): number | null {
  const lines = changedLines(c);
  const review = c.stages.review;
  if (c.review === null || c.review.reviewers.length === 0 || lines === null || review === null || review <= 0) return null;
  return lines / (review / HOUR);
}

function groupOf(changes: readonly MeasuredChange[], open: readonly OpenPull[], now: number): { group: AiLoadGroup; rates: number[] } {
  const reviewed = changes.filter((c) => linesPerHour(c) !== null);
  const rates = reviewed.map((c) => linesPerHour(c) as number);
  const ready = open.filter((p) => !p.isDraft);
  return {
    group: {
      reviewed: reviewed.length,
      largeReviewed: reviewed.filter((c) => (changedLines(c) ?? 0) > LARGE_CHANGE_LINES).length,
      linesPerReviewHourP50: distribution(rates).p50,
      open: ready.length,
      drafts: open.length - ready.length,
      openP50Age: distribution(ready.map((p) => now - p.createdAt)).p50,
    },
    rates,
  };
}

/** The review load and work in progress of each group (see the module's comment). */
export function computeAiLoad(input: AiLoadInput): AiLoad {
  const isAi = (x: { aiEvidence?: readonly string[] | undefined }): boolean => (x.aiEvidence?.length ?? 0) > 0;
  const open = input.openPulls.filter((p) => !p.bot && p.createdAt <= input.now);
  const ai = groupOf(input.changes.filter(isAi), open.filter(isAi), input.now);
  const other = groupOf(input.changes.filter((c) => !isAi(c)), open.filter((p) => !isAi(p)), input.now);
  const interval = bootstrapDifference(ai.rates, other.rates, MEDIAN);
  const few = Math.min(ai.rates.length, other.rates.length) < MIN_AI_GROUP;
  return {
    ai: ai.group,
    other: other.group,
    linesPerReviewHourDifference: { value: interval.difference, low: interval.low, high: interval.high, real: !few && interval.real },
    largeAiPerReviewerDay: largeAiPerReviewerDay({ changes: input.changes, since: input.since, until: input.until, timezone: input.timezone }),
  };
}
