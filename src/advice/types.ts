import { z } from 'zod';
import type { DeploySignalKind, StageName } from '../domain.js';
import { whatIfSchema } from '../metrics/schema.js';
import type { WhatIfChange } from '../metrics/what-if.js';
import type { ReviewHost } from '../review-hosts.js';

/*
 * What the advice rules read: a structural subset of the report (`Report` itself is assignable), so
 * `advise(report, thresholds)` works and every `figure` path below is a path in the JSON report.
 * Durations are seconds, ratios are 0–1, sizes are lines. The GitHub-only figures (review, rework, ci, wip)
 * are optional: absent or null in git-only mode, and a rule whose figure is absent or null does not fire.
 */

export interface StageInput {
  readonly count: number;
  readonly p50: number | null;
  readonly share: number | null;
  /** deploy stage: changes still waiting at now, and the largest wait seen when the p50 is not reached */
  readonly censored?: number;
  readonly atLeast?: number | null;
  /** coding stage: changes of one commit (or commits of one moment), whose first → last commit span git cannot see as coding time */
  readonly oneCommit?: number;
}

export interface DistributionInput {
  readonly count: number;
  readonly p50: number | null;
}

export interface ReviewInput {
  /** share of all reviews done by the two busiest reviewers */
  readonly topTwoShare?: number | null;
  /** how many people reviewed in the window */
  readonly reviewers?: number | null;
  /** share of changes merged without any review */
  readonly unreviewedShare?: number | null;
  readonly selfMergedShare?: number | null;
  readonly reviewsPerChange?: number | null;
  /** changes over 400 lines approved without a comment */
  readonly largeChangesWithoutComments?: number | null;
}

export interface ReworkInput {
  /** share of changes with commits or force-pushes after the first review */
  readonly share?: number | null;
  readonly changesRequestedShare?: number | null;
}

export interface CiInput {
  /** wall time of the checks on the final head commit, seconds */
  readonly p50?: number | null;
  readonly p90?: number | null;
  /** flaky = the same check on the same commit failed and later passed */
  readonly flakyRate?: number | null;
  readonly worstFlaky?: ReadonlyArray<{ readonly name: string; readonly rate: number }> | null;
  /** share of the merge wait spent waiting on checks */
  readonly mergeWaitOnChecksShare?: number | null;
}

export interface WipInput {
  /** open pull requests at the end of the window */
  readonly open?: number | null;
  /** their median age at the end of the window, seconds */
  readonly p50Age?: number | null;
  /** open pull requests per active author */
  readonly perAuthor?: number | null;
}

export interface AiGroupInput {
  readonly count: number;
  readonly p50Size?: number | null;
  readonly leadTimeP50?: number | null;
  readonly failureRate?: number | null;
}

export interface RepairFiguresInput {
  /** changes the figures are over */
  readonly changes: number;
  readonly repairs: number;
  /** repairs ÷ changes */
  readonly share: number | null;
  /** Σ cycle time of the repairs ÷ Σ cycle time */
  readonly cycleTimeShare: number | null;
}

export interface RepairInput extends RepairFiguresInput {
  /** the repairs by reason (a repair of two counted under both) */
  readonly reasons?: { readonly revert: number; readonly failedDeployFix: number };
  readonly ai?: RepairFiguresInput;
  readonly other?: RepairFiguresInput;
}

/** One group's defect rates as the AI-defects rule reads them (`metrics/ai-defects.ts`). */
export interface DefectGroupInput {
  readonly changes: number;
  readonly reverted: number;
  readonly revertRate: number | null;
  readonly revertRateLow: number | null;
  readonly revertRateHigh: number | null;
  readonly fixedUp: number;
  readonly fixUpRate: number | null;
  readonly fixUpRateLow: number | null;
  readonly fixUpRateHigh: number | null;
  readonly deploys: number;
  readonly failed: number;
  readonly failureRate: number | null;
  readonly failureRateLow: number | null;
  readonly failureRateHigh: number | null;
}

/** A difference of two rates with its interval, and whether the data can tell it. */
export interface ShareDifferenceInput {
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly real: boolean;
}

export interface AiDefectsInput {
  readonly ai: DefectGroupInput;
  readonly other: DefectGroupInput;
  readonly revertDifference: ShareDifferenceInput;
  readonly fixUpDifference: ShareDifferenceInput;
  readonly failureDifference: ShareDifferenceInput;
}

/** One group's acceptance (`metrics/acceptance.ts`): what the ai-acceptance rule reads of it. */
export interface AcceptanceGroupInput {
  readonly merged: number;
  readonly rejected: number;
  readonly rate: number | null;
  readonly rateLow: number | null;
  readonly rateHigh: number | null;
  readonly reviews: number;
  /** seconds the rejected ones were in review: first review → close, summed */
  readonly reviewTime: number;
}

export interface AcceptanceInput {
  readonly ai: AcceptanceGroupInput;
  readonly other: AcceptanceGroupInput;
  readonly aiMinusOther: ShareDifferenceInput;
}

export interface AdviceSummary {
  readonly changes: number;
  readonly stages: Readonly<Record<StageName, StageInput>>;
  /** how many changes the stages' shares are over: fewer than MIN_SHARE_CHANGES and no row speaks of a share */
  readonly shareBasis: { readonly changes: number };
  readonly leadTime: DistributionInput;
  readonly cycleTime: DistributionInput;
  readonly flow: {
    readonly size: {
      readonly count: number;
      readonly p50: number | null;
      readonly p90: number | null;
      readonly over200: number | null;
      readonly over400: number | null;
    };
  };
  readonly dora: {
    /** deploys per week; a repository of several products: its releases too, which place it */
    /** `repositories` (each key): over several repositories, the value is the median repository's own (dora-across.ts) */
    readonly deploymentFrequency: { readonly value: number | null; readonly releases?: number | null | undefined; readonly releasesPerWeek?: number | null | undefined; readonly repositories?: number | undefined };
    /** failed deploys ÷ deploys; `count` = deploys (of every repository, when the value is the median repository's) */
    readonly changeFailureRate: { readonly value: number | null; readonly count: number; readonly repositories?: number | undefined };
    readonly timeToRestore: { readonly value: number | null; readonly repositories?: number | undefined };
    readonly reworkRate: { readonly value: number | null };
  };
  readonly review?: ReviewInput | null;
  readonly rework?: ReworkInput | null;
  readonly ci?: CiInput | null;
  readonly wip?: WipInput | null;
  /** repair share (`metrics/repair.ts`): absent from reports made before it was measured */
  readonly repair?: RepairInput | null;
  /** AI defects (`metrics/ai-defects.ts`): absent from reports made before it was measured */
  readonly aiDefects?: AiDefectsInput | null;
  /** acceptance (`metrics/acceptance.ts`, GitHub mode): null from git alone, absent from reports made before it was measured */
  readonly acceptance?: AcceptanceInput | null;
  readonly aiComparison?: {
    readonly assisted: AiGroupInput;
    readonly other: AiGroupInput;
    /** the bootstrap interval of the lead time's difference: `real` when it leaves out 0 (absent from older reports) */
    readonly intervals?: { readonly leadTime?: { readonly real: boolean } | null } | null;
    /** the bootstrap interval of the p50 sizes' difference: `real` when it leaves out 0 (absent from older reports) */
    readonly sizeInterval?: { readonly real: boolean } | null;
  } | null;
}

export interface AdviceInput {
  readonly sources: ReadonlyArray<'git' | 'github'>;
  /** where the changes were reviewed (the report's `reviewHost`): a rule says where to read what git misses; absent or null: GitHub */
  readonly reviewHost?: ReviewHost | null;
  readonly deploySignal: { readonly kind: DeploySignalKind };
  readonly summary: AdviceSummary;
  /**
   * The window's changes, for the what-if of the rules about a stage; those with `counted: false` are left out.
   * Absent: no what-if, and the rows rank by impact alone.
   */
  readonly changes?: ReadonlyArray<WhatIfChange & { readonly counted?: boolean }>;
  /** ISO times: the what-if's hours saved are per week of the part of the window the history covers, up to now */
  readonly window?: { readonly since: string; readonly until: string; readonly historyFrom?: string; readonly historyUntil?: string };
  /** ISO time the figures are measured at; the window's end when absent */
  readonly now?: string;
  /** set when the report counts business hours: the rows then write a `d` as a working day. Absent: calendar days */
  readonly businessHours?: { readonly start: string; readonly end: string } | null;
  /**
   * Over several repositories, whose failure rate and recovery time are the median repository's: their deploys
   * together, what the failures are counted of (`failed` of `deploys`, restored after `restoreP50`). The median rate
   * times every repository's deploys counts failures that never happened. Absent for one repository.
   */
  readonly pooledFailures?: { readonly failed: number; readonly deploys: number; readonly restoreP50: number | null };
}


/** A recommendation row (SPEC section 8), with the figure that fired it and its threshold, to check it by. */
export const recommendationSchema = z.object({
  id: z.string(),
  measure: z.string().describe('What you measure'),
  value: z.string().describe('Measured, with units and the threshold'),
  tellsYou: z.string().describe('What it tells you'),
  doNext: z.string().describe('What you do next'),
  impact: z.number().nonnegative().describe('hours of waiting it accounts for: the ranking key'),
  figure: z.string().describe('JSON path of the figure in the report, e.g. summary.stages.pickup.p50'),
  threshold: z.string().describe('the threshold it crossed, in the figure\'s units, e.g. 1d or 15%'),
  whatIf: whatIfSchema.optional().describe('rules about a stage: the window\'s deployed changes with that stage capped at the threshold'),
  checked: z.array(z.string()).optional().describe('the `healthy` row: each rule\'s figure against its threshold, as checked'),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/**
 * One threshold per rule. A threshold is the largest healthy value: a rule fires when its figure is
 * strictly above it. Durations in seconds, shares as ratios 0–1.
 */
export const thresholdsSchema = z.object({
  pickupP50: z.number().nonnegative().describe('p50 pickup (ready → first review), seconds'),
  reviewWaitP50: z.number().nonnegative().describe('git-only p50 "review & merge wait" (last commit → merge), seconds'),
  mergeWaitP50: z.number().nonnegative().describe('p50 merge wait (approved → merged), seconds'),
  deployWaitP50: z.number().nonnegative().describe('p50 deploy wait (merged → deployed), seconds'),
  reviewTopTwoShare: z.number().min(0).max(1).describe('share of reviews done by the two busiest reviewers'),
  largeChangeShare: z.number().min(0).max(1).describe('share of changes over 400 lines'),
  checksP50: z.number().nonnegative().describe('p50 wall time of checks, seconds'),
  flakyRate: z.number().min(0).max(1).describe('flaky check rate'),
  changeFailureRate: z.number().min(0).max(1).describe('change failure rate'),
  reworkShare: z.number().min(0).max(1).describe('share of changes reworked after their first review'),
  // a report written before the rule existed has no such threshold: it reads back with the default
  repairShare: z.number().min(0).max(1).default(0.3).describe('share of changes that repaired earlier work (repair share)'),
  wipPerAuthor: z.number().nonnegative().describe('open pull requests per active author'),
  unreviewedShare: z.number().min(0).max(1).describe('share of changes merged without review'),
  aiRatio: z.number().min(1).describe('how many times worse AI-assisted changes may be than the rest (size, lead time, failure rate)'),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export interface AdviceRule {
  id: string;
  /** 'github': runs only when the report has GitHub data */
  needs: 'git' | 'github';
  /** the row when the figure crosses its threshold; null when it does not or cannot be measured. Pure. */
  evaluate(input: AdviceInput, thresholds: Thresholds): Recommendation | null;
  /** the figure and threshold in a few words, for the healthy row; null when the figure is absent */
  check(input: AdviceInput, thresholds: Thresholds): string | null;
  /** a rule about a stage: which stage, and the threshold (seconds) the what-if caps it at */
  whatIf?: { stage: StageName; cap: (thresholds: Thresholds) => number };
}
