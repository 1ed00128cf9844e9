/**
 * The JSON shape of every figure the metrics compute, as zod schemas, and the types the metrics return,
 * inferred from them: one definition for both. The report's schema (`report/schema.ts`) is built from these,
 * and reading a JSON report validates against them. Only that loads zod: the metrics import their types
 * alone, so a report that reads no JSON (every `report` without a config file) starts without building them.
 */
import { z } from 'zod';
import { STAGES, type StageName } from '../domain.js';
import { AI_INTERVAL_KEYS, LARGE_CHANGE_LINES, MIN_AI_GROUP, MIN_BOOTSTRAP_SAMPLE, OLDEST_OPEN, type Compared } from './limits.js';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1).nullable();
const seconds = z.number().nullable();
/** a duration per stage, in seconds (a week's medians in the trend, a group's in the AI comparison) */
const stageSeconds = z.object(Object.fromEntries(STAGES.map((s) => [s, seconds])) as Record<StageName, typeof seconds>);

// percentile.ts
/** count, p50, p75, p90 and mean of the values where a figure is known, in the figure's unit (seconds for durations). */
export const distributionSchema = z.object({
  count: z.number().int().nonnegative(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
  mean: z.number().nullable(),
});
export type Distribution = z.infer<typeof distributionSchema>;

// histogram.ts
export const histogramBucketSchema = z.object({
  label: z.string(),
  from: z.number().describe('seconds, inclusive'),
  to: z.number().nullable().describe('seconds, exclusive; null for the open last bucket'),
  count: z.number().int().nonnegative(),
});
export type HistogramBucket = z.infer<typeof histogramBucketSchema>;

// bootstrap.ts
export const intervalSchema = z.object({
  difference: z.number().nullable().describe('the statistic of the first group minus the second\'s, over all their values; null when a group is empty'),
  low: z.number().nullable().describe('2.5th percentile of the bootstrap differences'),
  high: z.number().nullable().describe('97.5th percentile of the bootstrap differences'),
  real: z.boolean().describe(`the 95% interval excludes 0 (and each group has at least ${MIN_BOOTSTRAP_SAMPLE} values): a difference the data can tell`),
});
export type Interval = z.infer<typeof intervalSchema>;

// censored.ts
/** Each percentile the estimate does not reach, as a true lower bound (null where it is reached). */
const percentileBoundsSchema = z
  .object({ p50: seconds, p75: seconds, p90: seconds })
  .describe('present when a percentile is null: a true lower bound of each null percentile (type 7 with every waiting value at its time so far), seconds');

/**
 * A duration some of whose values are still running (SPEC section 6): changes merged and not yet deployed
 * count as right-censored at `now` — their lead time is at least what has passed.
 */
export const censoredDistributionSchema = distributionSchema.extend({
  censored: z.number().int().nonnegative().describe('values still running at now (merged, not yet deployed), counted as right-censored'),
  atLeast: z.number().nullable().describe('set when a percentile is null (the estimate does not reach it while 5% of the values are still at risk): a true lower bound of the lowest such percentile — type 7 with every waiting value at its time so far — seconds'),
  bounds: percentileBoundsSchema.optional(),
});
export type CensoredDistribution = z.infer<typeof censoredDistributionSchema>;

// stage-summary.ts
// in the order `summarizeStages` writes them: zod gives a report it reads back in this order, and an aggregate
// may take a repository's figures from it as they were read
export const stageFigureSchema = distributionSchema.extend({
  censored: z.number().int().nonnegative().optional().describe('deploy stage: changes merged and not yet deployed at now, counted as right-censored'),
  atLeast: z.number().nullable().optional().describe('deploy stage: set when a percentile is null, a true lower bound of the lowest such percentile (seconds)'),
  bounds: percentileBoundsSchema.optional(),
  share: share.describe('the typical change: the mean, over the changes of the share basis, of this stage\'s fraction of each one\'s own total; null when there is no basis or no change shows the stage'),
  shareOfTotal: share.describe('Σ this stage ÷ Σ all stages over the share basis: where the total time goes (capacity questions)'),
});
export type StageFigure = z.infer<typeof stageFigureSchema>;

export const shareBasisSchema = z.object({
  kind: z.enum(['deployed', 'merged']).describe('which changes the shares are over: those deployed, or (when none is) those merged'),
  changes: z.number().int().nonnegative().describe('changes with a positive total the shares are over'),
});
export type ShareBasis = z.infer<typeof shareBasisSchema>;

// dora.ts
export const bandSchema = z.enum(['elite', 'high', 'medium', 'low']);
export type Band = z.infer<typeof bandSchema>;

export const doraFigureSchema = z.object({
  value: z.number().nullable().describe('null when not measurable'),
  unit: z.string(),
  band: bandSchema.nullable(),
  count: z.number().int().nonnegative().describe('how many deploys or changes the value is computed over'),
  note: z.string().optional(),
});
export type DoraFigure = z.infer<typeof doraFigureSchema>;

export const doraSchema = z.object({
  // its note last, as `computeDora` writes it: zod gives a report it reads back in the schema's order
  deploymentFrequency: doraFigureSchema.omit({ note: true }).extend({
    deployDaysPerWeek: z.number().nullable().describe('days with a deploy per week, never over 7; null under one whole week of covered history'),
    deployDays: count.optional().describe('days (UTC) with at least one deploy'),
    coveredDays: z.number().nonnegative().optional().describe('days of the window the history covers, up to now: the rates per week need at least 7'),
    note: doraFigureSchema.shape.note,
  }),
  leadTime: doraFigureSchema,
  changeFailureRate: doraFigureSchema,
  timeToRestore: doraFigureSchema,
  reworkRate: doraFigureSchema,
});
export type Dora = z.infer<typeof doraSchema>;

// size.ts
export const sizeSummarySchema = z.object({
  count: z.number().int().nonnegative().describe('changes with a known size'),
  p50: z.number().nullable().describe('lines changed (additions + deletions)'),
  p90: z.number().nullable(),
  over200: z.number().nullable().describe('share of sized changes over 200 changed lines'),
  over400: z.number().nullable().describe('share of sized changes over 400 changed lines'),
  buckets: z
    .array(z.object({ bucket: z.string(), count: z.number().int().nonnegative(), cycleTimeP50: z.number().nullable() }))
    .describe('does size slow delivery here? cycle time p50 per size bucket (lines changed)'),
});
export type SizeSummary = z.infer<typeof sizeSummarySchema>;

// unreleased.ts
export const unreleasedSchema = z.object({
  count: z.number().int().nonnegative().describe('counted changes merged in the window and not deployed at now'),
  p50Age: z.number().nullable().describe('seconds since their merge, at now (type 7); null when there is none'),
  oldestAge: z.number().nullable(),
  oldest: z.array(z.string()).describe('ids of the oldest, oldest first (at most 10)'),
  oldestChanges: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      mergedAt: z.iso.datetime({ offset: true }),
      age: z.number().describe('seconds since the merge, at now'),
      repository: z.string().optional(),
    }),
  ),
});
export type Unreleased = z.infer<typeof unreleasedSchema>;

// trend.ts
export const trendWeekSchema = z.object({
  weekStart: z.string().describe('Monday 00:00 UTC that starts the week (ISO date)'),
  changes: z.number().int().nonnegative(),
  waiting: count.optional().describe('changes of the week merged and not yet deployed at now: while any is, the week is incomplete'),
  leadTimeP50: seconds.describe('null when the week is incomplete (see leadTimeAtLeast)'),
  leadTimeAtLeast: seconds.optional().describe('incomplete week: a true lower bound of its lead time p50 (type 7 with each waiting change at its time so far)'),
  cycleTimeP50: seconds,
  stages: stageSeconds.describe('p50 of each stage; the deploy wait null when the week is incomplete (see deployAtLeast)'),
  deployAtLeast: seconds.optional().describe('incomplete week: a true lower bound of its deploy wait p50'),
});

export const trendSchema = z.object({ weeks: z.array(trendWeekSchema) });
export type Trend = z.infer<typeof trendSchema>;

// queues.ts
export const queueWeekSchema = z.object({
  weekStart: z.string().describe('Monday 00:00 in the report\'s time zone (UTC unless --timezone), as an ISO UTC time'),
  arrivals: count.describe('changes whose stage began in the week (within the window)'),
  departures: count.describe('changes whose stage ended in the week (within the window)'),
  queue: count.describe('changes in the stage at the week\'s end (or the window\'s, for its last week): began before it, not ended by it'),
  aiShare: z.number().min(0).max(1).nullable().describe('AI-assisted share of the week\'s arriving changes (open pull requests left out); null when none arrived or no change carries an AI marker'),
});
export type QueueWeek = z.infer<typeof queueWeekSchema>;

export const queueTrendSchema = z.object({
  arrivalsPerWeek: z.number().describe('arrivals in the window ÷ its length in weeks'),
  departuresPerWeek: z.number(),
  growthPerWeek: z.number().nullable().describe('least-squares slope of the weekly queue, changes per week; null with fewer than 2 weeks'),
  meanQueue: z.number().describe('time-average number of changes in the stage over the window (Little\'s law: L)'),
  meanTimeInStage: z.number().nullable().describe('mean wall-clock seconds in the stage of the changes that arrived in the window, open ones up to now (W)'),
  littleQueue: z.number().nullable().describe('arrival rate × mean time in stage (λW): near meanQueue when the window was steady'),
});
export type QueueTrend = z.infer<typeof queueTrendSchema>;

const perStageOptional = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(STAGES.map((s) => [s, value.optional()])) as Record<StageName, z.ZodOptional<T>>);

export const queuesSchema = perStageOptional(z.array(queueWeekSchema)).describe('per stage the data can see: git alone sees coding, review (& merge wait) and deploy; GitHub adds pickup and merge wait');
export const queueTrendsSchema = perStageOptional(queueTrendSchema);
export type Queues = z.infer<typeof queuesSchema>;
export type QueueTrends = z.infer<typeof queueTrendsSchema>;

// queues-review-capacity.ts
export const reviewCapacitySchema = z
  .array(
    z.object({
      weekStart: z.string().describe('Monday 00:00 in the report\'s time zone, as an ISO UTC time'),
      reviews: count.describe('reviews submitted in the week (within the window) by humans other than the author, on counted changes and open pull requests'),
      readyPulls: count.describe('pull requests that became ready for review in the week (T2), merged or still open'),
    }),
  )
  .nullable()
  .describe('null from git alone: git cannot see reviews');
export type ReviewCapacity = z.infer<typeof reviewCapacitySchema>;

// what-if.ts
export const whatIfSchema = z.object({
  stage: z.enum(STAGES as [StageName, ...StageName[]]),
  cap: z.number().nonnegative().describe('seconds: the rule\'s threshold, each deployed change\'s stage capped at it'),
  leadTimeP50: z.object({
    now: z.number().describe('type-7 p50 lead time of the window\'s deployed changes, seconds'),
    then: z.number().describe('… with the stage capped, seconds'),
  }),
  hoursSavedPerWeek: z.number().nonnegative().describe('Σ seconds trimmed ÷ 3600 ÷ weeks in the window'),
});
export type WhatIf = z.infer<typeof whatIfSchema>;

// flow-health.ts
export const reviewerRowSchema = z.object({
  reviewer: z.string().describe('login, lower-cased'),
  reviews: count.describe('submitted reviews (any state but PENDING) on the window\'s changes'),
  firstReviews: count.describe('changes on which they were the first human reviewer'),
  pickupP50: seconds.describe('p50 pickup of the changes they picked up first, seconds'),
});

export const reviewHealthSchema = z.object({
  reviews: count.describe('submitted reviews by humans other than the PR author'),
  reviewers: count.describe('how many people reviewed'),
  topTwoShare: share.describe('share of all reviews done by the two busiest reviewers (gatekeeper risk)'),
  unreviewed: count.describe('changes merged with no human review (direct pushes included)'),
  unreviewedShare: share,
  selfMerged: count.describe('changes landed without an approval by anyone but the author'),
  selfMergedShare: share,
  reviewsPerChange: z.number().nullable(),
  largeChanges: count.describe(`changes over ${LARGE_CHANGE_LINES} lines`),
  largeChangesWithoutComments: count.describe('large changes approved with no review comment at all'),
  largeChangeCommentsPer100LinesP50: z.number().nullable().describe('review depth of the large changes: p50 of comments per 100 changed lines'),
  byReviewer: z.array(reviewerRowSchema).describe('busiest first'),
});
export type ReviewHealth = z.infer<typeof reviewHealthSchema>;
export type ReviewerRow = z.infer<typeof reviewerRowSchema>;

export const reworkHealthSchema = z.object({
  reviewed: count.describe('the base: reviewed pull requests'),
  reworked: count.describe('with commits or force-pushes after the first review'),
  share,
  changesRequested: count,
  changesRequestedShare: share,
});
export type ReworkHealth = z.infer<typeof reworkHealthSchema>;

export const flakyCheckSchema = z.object({
  name: z.string(),
  rate: z.number().describe('flaky ÷ changes that ran this check on their final head commit'),
  flaky: count,
  runs: count,
});

export const ciHealthSchema = z.object({
  changes: count.describe('changes whose final head commit has timed check runs'),
  p50: seconds.describe('wall time of the checks on the final head commit: max(completedAt) − min(startedAt)'),
  p90: seconds,
  checks: count.describe('distinct check names per final head commit, summed over changes'),
  flakyChecks: count.describe('… of them that concluded FAILURE and later SUCCESS on the same commit'),
  flakyRate: share,
  worstFlaky: z.array(flakyCheckSchema).describe('most flaky first'),
  mergeWaitOnChecksShare: share.describe('approved changes: Σ (approval → last check completion, clamped to the merge stage) ÷ Σ merge stage'),
  durationHistogram: z.array(histogramBucketSchema).describe('changes by the wall time of their checks, from under a minute to over two hours'),
});
export type CiHealth = z.infer<typeof ciHealthSchema>;

export const wipHealthSchema = z.object({
  open: count.describe('open non-draft pull requests at the end of the window (bots left out)'),
  drafts: count,
  p50Age: seconds.describe('age of the open non-draft pull requests at the end of the window'),
  p90Age: seconds,
  activeAuthors: count.describe('people who merged a change in the window or have an open pull request'),
  perAuthor: z.number().nullable().describe('open non-draft pull requests per active author'),
  ageHistogram: z
    .array(histogramBucketSchema.omit({ count: true }).extend({ ready: count, drafts: count }))
    .describe('open pull requests (bots left out) by age at the end of the window, ready for review and drafts apart'),
  oldest: z
    .array(z.object({ number: z.number().int(), title: z.string(), url: z.string().nullable(), author: z.string(), isDraft: z.boolean(), age: z.number().describe('seconds'), repository: z.string().optional() }))
    .describe(`the ${OLDEST_OPEN} oldest open pull requests (bots left out, drafts included), oldest first`),
});
export type WipHealth = z.infer<typeof wipHealthSchema>;

export const aiGroupSchema = z.object({
  count,
  p50Size: z.number().nullable().describe('p50 of additions + deletions'),
  failureRate: share.describe('share reverted'),
  reworkShare: share.describe('share of reviewed PRs reworked after the first review; null in git-only mode'),
  leadTimeP50: seconds,
  cycleTimeP50: seconds,
  stages: stageSeconds.describe('p50 of each stage'),
});
export type AiGroup = z.infer<typeof aiGroupSchema>;

export const aiComparisonSchema = z.object({
  assisted: aiGroupSchema.describe('changes with an AI marker: a lower bound'),
  other: aiGroupSchema,
  note: z.string().nullable().describe(`set when either group has fewer than ${MIN_AI_GROUP} changes, or when changes not yet deployed are left out of lead time and deploy wait`),
  intervals: z
    .object(Object.fromEntries(AI_INTERVAL_KEYS.map((k) => [k, intervalSchema])) as Record<Compared, typeof intervalSchema>)
    .describe('p50 AI-assisted − p50 other, seconds, with its 95% bootstrap interval (2,000 resamples, fixed seed)'),
});
export type AiComparison = z.infer<typeof aiComparisonSchema>;

// business-hours.ts
export const businessHoursSchema = z.object({
  timezone: z.string().describe('IANA time zone, e.g. Europe/Berlin'),
  days: z.array(z.number().int().min(0).max(6)).describe('working weekdays, 0 = Sunday … 6 = Saturday'),
  start: z.string().describe('"09:00"'),
  end: z.string().describe('"17:00"'),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;
