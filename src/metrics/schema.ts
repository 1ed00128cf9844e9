/**
 * The JSON shape of every figure the metrics compute, as zod schemas, and the types the metrics return,
 * inferred from them: one definition for both. The report's schema (`report/schema.ts`) is built from these,
 * and reading a JSON report validates against them. Only that loads zod: the metrics import their types
 * alone, so a report that reads no JSON (every `report` without a config file) starts without building them.
 */
import { z } from 'zod';
import { STAGES, type StageName } from '../domain.js';
import { ACCEPTANCE, AI_LOAD_GROUP, LARGE_AI_REVIEWER_DAYS, LOAD_DIFFERENCE, AI_DEFECT_SHARES, DEFECT_GROUP, SHARE_DIFFERENCE, BOUNDS, CENSORED, CI_HEALTH, RATE_DIFFERENCE, DEPLOY_COVERAGE, DEPLOY_DAYS, DEPLOY_RELEASES, DISTRIBUTION, doraKey, QUEUE_TREND, REVIEW_CAPACITY, REPAIR, REPAIR_OVERLAP, REPAIR_REASONS, REVIEW_HEALTH, REWORK_HEALTH, SIZE, STAGE, UNRELEASED, WIP_HEALTH, COUNTS, COMPARED_GROUPS, COMPARED_UNITS, isFigure, type Figure, type FigureGroup } from './catalogue.js';
import { AI_INTERVAL_KEYS, LARGE_CHANGE_LINES, MIN_AI_GROUP, MIN_BOOTSTRAP_SAMPLE, OLDEST_OPEN, type Compared } from './limits.js';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1).nullable();
/** A duration: no interval is negative (clock skew is clamped to 0 and counted), so a report with one is not a report. */
export const duration = z.number().nonnegative({ error: 'a duration cannot be negative' });
const seconds = duration.nullable();
/** a duration per stage, in seconds (a week's medians in the trend, a group's in the AI comparison) */
const stageSeconds = z.object(Object.fromEntries(STAGES.map((s) => [s, seconds])) as Record<StageName, typeof seconds>);

/** A figure's schema as the catalogue declares it: its kind, whether it may be null, its description. */
type FigureSchema<F extends Figure> = F extends { readonly nullable: true } ? z.ZodNullable<z.ZodNumber> : z.ZodNumber;

export function figureSchema<F extends Figure>(figure: F): FigureSchema<F> {
  return described(nullable(figure), figure) as FigureSchema<F>;
}

/** A figure only some of the schema's uses have (the deploy stage's right-censored figures). */
function optionalFigureSchema<F extends Figure>(figure: F): z.ZodOptional<FigureSchema<F>> {
  return described(nullable(figure).optional(), figure) as z.ZodOptional<FigureSchema<F>>;
}

function nullable(figure: Figure): z.ZodType {
  const number = figure.kind === 'count' ? z.number().int().nonnegative() : figure.kind === 'duration' ? duration : figure.bounded ? z.number().min(0).max(1) : z.number();
  return figure.nullable ? number.nullable() : number;
}

function described(schema: z.ZodType, figure: Figure): z.ZodType {
  return figure.description === undefined ? schema : schema.describe(figure.description);
}

/** A group of figures' shape, each as the catalogue declares it. */
function figureShape<T extends Record<string, Figure>>(group: T): { [K in keyof T]: FigureSchema<T[K]> } {
  return Object.fromEntries(Object.entries(group).map(([key, figure]) => [key, figureSchema(figure)])) as { [K in keyof T]: FigureSchema<T[K]> };
}

/**
 * A part of the summary as the catalogue declares it, its figures and the groups within: the schema of a part
 * the summary does not spell out (a group added to the catalogue with its metric, and no schema written for it).
 */
export function catalogueSchema(node: Figure | FigureGroup): z.ZodType {
  if (isFigure(node)) return figureSchema(node);
  return z.object(Object.fromEntries(Object.entries(node.members).map(([key, member]) => [key, catalogueSchema(member)])));
}

/**
 * The parts of `catalogue` a written shape does not have, each its catalogue schema, optional: a report written
 * before a part was measured still reads.
 */
export function catalogueOnly(catalogue: FigureGroup, written: Readonly<Record<string, unknown>>): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(catalogue.members)
      .filter(([key]) => !Object.hasOwn(written, key))
      .map(([key, node]) => [key, catalogueSchema(node).optional().describe(`${node.label || key}: absent from a report written before it was measured`)]),
  );
}

// percentile.ts
/** count, p50, p75, p90 and mean of the values where a figure is known, in the figure's unit (seconds for durations). */
export const distributionSchema = z.object(figureShape(DISTRIBUTION));
export type Distribution = z.infer<typeof distributionSchema>;

// histogram.ts
export const histogramBucketSchema = z.object({
  label: z.string(),
  from: duration.describe('seconds, inclusive'),
  to: duration.nullable().describe('seconds, exclusive; null for the open last bucket'),
  count: z.number().int().nonnegative(),
});
export type HistogramBucket = z.infer<typeof histogramBucketSchema>;

// bootstrap.ts
export const intervalSchema = z.object({
  difference: z.number().nullable().describe('the statistic of the first group minus the second\'s, over all their values; null when a group is empty, or (a compared lead time or deploy wait) when a group\'s percentile is unreached with changes still waiting'),
  low: z.number().nullable().describe('2.5th percentile of the bootstrap differences; null with `high` set: unbounded below (a compared lead time or deploy wait: the subtracted group\'s percentile unreached, changes still waiting, in more than 2.5% of the resamples)'),
  high: z.number().nullable().describe('97.5th percentile of the bootstrap differences; null with `low` set: unbounded above (a compared lead time or deploy wait: the first group\'s percentile unreached, changes still waiting, in more than 2.5% of the resamples)'),
  real: z.boolean().describe(`the 95% interval excludes 0 (and each group has at least ${MIN_BOOTSTRAP_SAMPLE} values): a difference the data can tell`),
});
export type Interval = z.infer<typeof intervalSchema>;

// compared.ts
export const comparedRowSchema = z.object({
  key: z.string().describe('dot path into the summary: stages.pickup.p50, cycleTime.p90, dora.changeFailureRate'),
  group: z.enum(COMPARED_GROUPS),
  label: z.string(),
  unit: z.enum(COMPARED_UNITS),
  lowerIsBetter: z.boolean().describe('durations and failure rates: lower is better; deploy frequency: higher'),
  before: z.number().nullable(),
  after: z.number().nullable(),
  change: z.number().nullable().describe('after − before, in unit; null when a side is not measured'),
  relativeChange: z.number().nullable().describe('change ÷ before; null when a side is not measured or before is 0'),
  direction: z.enum(['better', 'worse', 'same', 'uncertain']).nullable().describe('better or worse only when the 95% interval excludes 0; same: equal values whose interval is 0 … 0 (or none drawn); uncertain: the data cannot tell, equal values included; null when a side is not measured'),
  interval: intervalSchema.describe('after − before recomputed from the two sides\' changes (or deploys, or pull requests decided), with its 95% bootstrap interval (2,000 resamples, fixed seed)'),
  sample: z.object({ before: count, after: count }).describe('how many changes (or deploys, or pull requests decided for an acceptance rate) each side\'s figure is over'),
  lowSample: z.boolean().describe('both sides measured, and one\'s sample is under the minimum (never for deploy frequency)'),
});
export type ComparedRow = z.infer<typeof comparedRowSchema>;

// previous.ts
const previousForkSchema = z.object({
  from: z.string().describe('the default branch it left'),
  at: z.iso.datetime({ offset: true }).describe('the committer date of the last commit their first-parent lines share'),
});
export type PreviousFork = z.infer<typeof previousForkSchema>;

export const previousPeriodSchema = z.object({
  since: z.iso.datetime({ offset: true }).describe('start of the window of the same length just before this one'),
  until: z.iso.datetime({ offset: true }).describe('its end: this window\'s start'),
  covered: z.boolean().describe('the history read reaches back over the whole previous window, and the tracked branch\'s own history does (see forked); false: no figures (rows empty)'),
  forked: previousForkSchema.optional().describe('present when the tracked branch left the default branch\'s first-parent line after the previous window started: that window\'s changes were mostly the default branch\'s, so it is not covered'),
  changes: count.describe('counted changes merged in the previous window'),
  deploys: count.describe('deploys in the previous window'),
  rows: z.array(comparedRowSchema).describe('one per figure the previous period compares (docs/definitions.md, the table of figures: "compared in") where the data can see it; before = the previous window, after = this one'),
});
export type PreviousPeriod = z.infer<typeof previousPeriodSchema>;

// censored.ts
/** Each percentile the estimate does not reach, as a true lower bound (null where it is reached). */
const percentileBoundsSchema = z
  .object(figureShape(BOUNDS))
  .describe('present when a percentile is null: a true lower bound of each null percentile (type 7 with every waiting value at its time so far), seconds');

/**
 * A duration some of whose values are still running (SPEC section 6): changes merged and not yet deployed
 * count as right-censored at `now` — their lead time is at least what has passed.
 */
export const censoredDistributionSchema = z.object({ ...figureShape(CENSORED), bounds: percentileBoundsSchema.optional() });
export type CensoredDistribution = z.infer<typeof censoredDistributionSchema>;

// stage-summary.ts
// in the order `summarizeStages` writes them: zod gives a report it reads back in this order, and an aggregate
// may take a repository's figures from it as they were read
export const stageFigureSchema = distributionSchema.extend({
  censored: optionalFigureSchema(STAGE.censored),
  atLeast: optionalFigureSchema(STAGE.atLeast),
  bounds: percentileBoundsSchema.optional(),
  oneCommit: optionalFigureSchema(STAGE.oneCommit),
  oneCommitShare: optionalFigureSchema(STAGE.oneCommitShare),
  share: figureSchema(STAGE.share),
  shareOfTotal: figureSchema(STAGE.shareOfTotal),
});
export type StageFigure = z.infer<typeof stageFigureSchema>;

export const shareBasisSchema = z.object({
  kind: z.enum(['deployed', 'merged']).describe('which changes the shares are over: those deployed, or (when none is) those merged'),
  changes: figureSchema(COUNTS.shareBasis),
  zeroTotal: optionalFigureSchema(COUNTS.shareBasisZero),
});
export type ShareBasis = z.infer<typeof shareBasisSchema>;

// dora.ts
export const bandSchema = z.enum(['elite', 'high', 'medium', 'low']);
export type Band = z.infer<typeof bandSchema>;

// every key's value and count are schemed alike: a number or null, whatever its unit
const DORA_KEY = doraKey('number', 'value');
export const doraFigureSchema = z.object({
  value: figureSchema(DORA_KEY.value),
  unit: z.string(),
  band: bandSchema.nullable().describe('deployment frequency, lead time and recovery time: the 2024 cluster whose published range holds the value (the best, where they overlap); null outside every published range, for the change failure rate (published as one value per cluster: see position) and where no cluster applies'),
  position: z.string().nullable().optional().describe('where the value stands against the 2024 clusters as published, in the report\'s words: the cluster whose range holds it, or the published values it lies between ("DORA 2024: between the elite cluster’s 5% and the medium cluster’s 10%"); null when none applies'),
  count: figureSchema(DORA_KEY.count),
  note: z.string().optional(),
  repositories: count.optional().describe('several repositories: how many have a value of their own, value being the median of theirs (each repository\'s is in its row)'),
});
export type DoraFigure = z.infer<typeof doraFigureSchema>;

export const doraSchema = z.object({
  // its note last, as `computeDora` writes it: zod gives a report it reads back in the schema's order
  deploymentFrequency: doraFigureSchema.omit({ note: true }).extend({
    deployDaysPerWeek: figureSchema(DEPLOY_DAYS),
    deployDays: optionalFigureSchema(DEPLOY_COVERAGE.deployDays),
    coveredDays: optionalFigureSchema(DEPLOY_COVERAGE.coveredDays),
    releases: optionalFigureSchema(DEPLOY_RELEASES.releases),
    releasesPerWeek: optionalFigureSchema(DEPLOY_RELEASES.releasesPerWeek),
    note: doraFigureSchema.shape.note,
    repositories: doraFigureSchema.shape.repositories,
  }),
  leadTime: doraFigureSchema,
  changeFailureRate: doraFigureSchema,
  timeToRestore: doraFigureSchema,
  reworkRate: doraFigureSchema,
});
export type Dora = z.infer<typeof doraSchema>;

// size.ts
export const sizeSummarySchema = z.object({
  ...figureShape(SIZE),
  buckets: z
    .array(z.object({ bucket: z.string(), count: z.number().int().nonnegative(), cycleTimeP50: z.number().nullable() }))
    .describe('does size slow delivery here? cycle time p50 per size bucket (lines changed)'),
});
export type SizeSummary = z.infer<typeof sizeSummarySchema>;

// unreleased.ts
export const unreleasedSchema = z.object({
  ...figureShape(UNRELEASED),
  // optional: a report written before it was counted still reads
  noLeadTime: figureSchema(UNRELEASED.noLeadTime).optional(),
  oldest: z.array(z.string()).describe('ids of the oldest, oldest first (at most 10)'),
  oldestChanges: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      mergedAt: z.iso.datetime({ offset: true }),
      age: duration.describe('seconds since the merge, at now'),
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

export const trendPeriodSchema = z.object({
  start: z.string().describe('the period\'s first day (ISO date, UTC): a Monday, or the 1st of a month'),
  end: z.string().describe('the day after its last (ISO date, UTC)'),
  partial: z.boolean().describe('the window, the history or now covers only part of the period (the window\'s first or last one): drawn apart, never compared'),
  complete: z.boolean().describe('not partial, with changes, every one of them deployed: the only periods a trend direction compares'),
  changes: count.describe('counted changes merged in the period'),
  waiting: count.describe('… of them merged and not yet deployed at now: while any is, lead time and deploy wait are only bounds'),
  deploys: count.describe('deploys in the period (within the window)'),
  failedDeploys: count,
  deploymentFrequency: z.number().nullable().describe('deploys per week over the part of the period covered (of a repository of several products, releases: its products\' deploys at one commit are one, as its DORA cluster is placed); null under 7 days covered'),
  changeFailureRate: share.describe('failed deploys ÷ deploys; null without a deploy'),
  timeToRestoreP50: seconds.describe('p50 of the failed deploys\' time to restore; null when none was restored'),
  leadTimeP50: seconds.describe('null while a change of the period waits (see leadTimeAtLeast)'),
  leadTimeAtLeast: seconds.describe('changes still waiting: a true lower bound of the lead time p50 (type 7 with each waiting change at its time so far)'),
  cycleTimeP50: seconds,
  stages: stageSeconds.describe('p50 of each stage; the deploy wait null while a change waits (see deployAtLeast)'),
  deployAtLeast: seconds.describe('changes still waiting: a true lower bound of the deploy wait p50'),
});
export type TrendPeriod = z.infer<typeof trendPeriodSchema>;

const trendHalfSchema = z.object({
  from: z.string(),
  to: z.string().describe('the day after its last'),
  periods: count,
  value: z.number().nullable().describe('the figure over the whole half'),
  count: count.describe('deploys, changes or failed deploys it is over'),
});

export const trendDirectionSchema = z.object({
  direction: z.enum(['rising', 'falling', 'no clear trend']).nullable().describe('rising or falling only when the interval excludes 0; null under four complete periods, or a half without a value'),
  completePeriods: count,
  first: trendHalfSchema.nullable().describe('the first half of the complete periods'),
  second: trendHalfSchema.nullable(),
  interval: z.object({ difference: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable(), real: z.boolean() }).describe('second − first, with its 95% bootstrap interval'),
  note: z.string().nullable(),
});
export type TrendDirection = z.infer<typeof trendDirectionSchema>;

export const trendKeySchema = z.object({
  key: z.string().describe('the figure\'s path in the summary'),
  unit: z.enum(['perWeek', 'seconds', 'ratio', 'number']),
  values: z.array(z.number().nullable()).describe('per period: its value; null where none, or only a bound'),
  bounds: z.array(z.number().nullable()).describe('per period: a lower bound where changes still wait'),
  apart: z.array(z.boolean()).describe('per period: drawn apart, never compared'),
  direction: trendDirectionSchema,
});
export type TrendKey = z.infer<typeof trendKeySchema>;

export const trendSchema = z.object({
  weeks: z.array(trendWeekSchema),
  period: z.enum(['week', 'month']).optional().describe('the periods\' length: weeks, or calendar months (UTC) for windows over 26 weeks'),
  periods: z.array(trendPeriodSchema).optional().describe('every key period by period over the part of the window the history covers up to now'),
  keys: z.array(trendKeySchema).optional().describe('every figure with a trend, period by period, and its direction'),
  span: z
    .object({ since: z.string(), until: z.string() })
    .nullable()
    .optional()
    .describe('over several repositories whose windows differ: the span every one covers, which the periods, the weeks, the queues and the repairs by week are over (a month no repository covers is no month of 0 deploys); null when no whole week is covered by every one (then they are empty); absent when they are over the window'),
});
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

// the counts are in reports since the rates were made over covered weeks (the days they are over: dora.deploymentFrequency.coveredDays)
// and the AI share since the text stopped comparing the first week's share with the last's
const { arrivals, departures, queueStart, queueEnd, aiShare, ...queueRates } = QUEUE_TREND;
export const queueTrendSchema = z.object({
  ...figureShape(queueRates),
  arrivals: optionalFigureSchema(arrivals),
  departures: optionalFigureSchema(departures),
  queueStart: optionalFigureSchema(queueStart),
  queueEnd: optionalFigureSchema(queueEnd),
  aiShare: optionalFigureSchema(aiShare),
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
export const reviewCapacityRatesSchema = z
  .object(figureShape(REVIEW_CAPACITY))
  .nullable()
  .optional()
  .describe('GitHub mode: the window\'s reviews and ready pull requests a week, every week\'s together; null from git alone; absent from reports made before it was measured');
export type ReviewCapacityRates = z.infer<typeof reviewCapacityRatesSchema>;

// what-if.ts
export const whatIfSchema = z.object({
  stage: z.enum(STAGES as [StageName, ...StageName[]]),
  cap: z.number().nonnegative().describe('seconds: the rule\'s threshold, each deployed change\'s stage capped at it'),
  leadTimeP50: z.object({
    now: duration.describe('type-7 p50 lead time of the window\'s deployed changes, seconds'),
    then: duration.describe('… with the stage capped, seconds'),
  }),
  hoursSavedPerWeek: z.number().nonnegative().nullable().describe('hoursSaved ÷ the weeks of history the window covers (from its first commit, up to now); null under one whole week'),
  hoursSaved: z.number().nonnegative().optional().describe('change-hours trimmed: Σ seconds trimmed ÷ 3600, over the covered days'),
  coveredDays: z.number().nonnegative().optional().describe('days of the window the history covers, up to now: what hoursSaved is over'),
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
  ...figureShape(REVIEW_HEALTH),
  byReviewer: z.array(reviewerRowSchema).describe('busiest first'),
});
export type ReviewHealth = z.infer<typeof reviewHealthSchema>;
export type ReviewerRow = z.infer<typeof reviewerRowSchema>;

export const reworkHealthSchema = z.object(figureShape(REWORK_HEALTH));
export type ReworkHealth = z.infer<typeof reworkHealthSchema>;

export const flakyCheckSchema = z.object({
  name: z.string(),
  rate: z.number().describe('flaky ÷ changes that ran this check on their final head commit'),
  flaky: count,
  runs: count,
});

const { mergeWaitOnChecksShare, ...ciFigures } = CI_HEALTH;
export const ciHealthSchema = z.object({
  ...figureShape(ciFigures),
  worstFlaky: z.array(flakyCheckSchema).describe('most flaky first'),
  mergeWaitOnChecksShare: figureSchema(mergeWaitOnChecksShare),
  durationHistogram: z.array(histogramBucketSchema).describe('changes by the wall time of their checks, from under a minute to over two hours'),
});
export type CiHealth = z.infer<typeof ciHealthSchema>;

export const wipHealthSchema = z.object({
  ...figureShape(WIP_HEALTH),
  ageHistogram: z
    .array(histogramBucketSchema.omit({ count: true }).extend({ ready: count, drafts: count }))
    .describe('open pull requests (bots left out) by age at the end of the window, ready for review and drafts apart'),
  oldest: z
    .array(z.object({ number: z.number().int(), title: z.string(), url: z.string().nullable(), author: z.string(), isDraft: z.boolean(), age: duration.describe('seconds'), repository: z.string().optional() }))
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
  atLeast: z
    .object({ leadTime: seconds, deploy: seconds })
    .optional()
    .describe('where leadTimeP50 or stages.deploy is null with changes still waiting (more than half of the group): a true lower bound of it; absent when both are reached'),
});
export type AiGroup = z.infer<typeof aiGroupSchema>;

// over several repositories each figure's difference is taken within the repositories that hold enough of its own
// values: lead time and the deploy wait count deployed changes only, so they can stand on fewer than the comparison's
const withinIntervalSchema = intervalSchema.extend({
  repositories: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(`over several repositories: how many hold ${MIN_BOOTSTRAP_SAMPLE} values or more of this figure in each group, within which this difference is taken (fewer than the comparison's \`repositories\` where a figure counts only deployed changes); absent over one`),
});

export const aiComparisonSchema = z.object({
  assisted: aiGroupSchema.describe('changes with an AI marker: a lower bound'),
  other: aiGroupSchema,
  note: z.string().nullable().describe(`set when either group has fewer than ${MIN_AI_GROUP} changes, or when changes not yet deployed are left out of lead time and deploy wait`),
  intervals: z
    .object(Object.fromEntries(AI_INTERVAL_KEYS.map((k) => [k, withinIntervalSchema])) as Record<Compared, typeof withinIntervalSchema>)
    .describe('p50 AI-assisted − p50 other, seconds, with its 95% bootstrap interval (2,000 resamples, fixed seed)'),
  sizeInterval: withinIntervalSchema
    .optional()
    .describe('p50 size AI-assisted − p50 other, lines added + deleted over the changes whose size is known, with its 95% bootstrap interval (2,000 resamples, fixed seed); absent from a report written before it was measured'),
  repositories: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(`over several repositories: how many hold ${MIN_BOOTSTRAP_SAMPLE} changes or more of each group, within which each difference is taken (each repository's own, weighed together by n_a·n_b ÷ (n_a + n_b), every repository resampled apart); absent over one`),
});
export type AiComparison = z.infer<typeof aiComparisonSchema>;

// acceptance.ts
export const acceptanceGroupSchema = z.object(figureShape(ACCEPTANCE));
export type AcceptanceGroup = z.infer<typeof acceptanceGroupSchema>;

export const acceptanceSchema = acceptanceGroupSchema.extend({
  ai: acceptanceGroupSchema.describe('the AI-assisted pull requests (a lower bound: only marked work is found)'),
  other: acceptanceGroupSchema.describe('the other pull requests'),
  aiMinusOther: z
    .object({
      ...figureShape(RATE_DIFFERENCE),
      real: z.boolean().describe(`the 95% interval leaves out 0 and each group decided at least ${MIN_AI_GROUP} pull requests: a difference the data can tell`),
      repositories: z.number().int().nonnegative().optional().describe('over several repositories, how many decided pull requests of both groups: the difference is each one\'s own, weighed together (Mantel–Haenszel, Sato\'s interval); absent over one'),
    })
    .describe('AI-assisted acceptance rate − other\'s, with its 95% interval (Newcombe\'s hybrid score; over several repositories, within each, weighed together)'),
  tools: z
    .array(acceptanceGroupSchema.extend({ tool: z.string().describe('the AI tool its evidence names (claude-code, copilot, codex, …; configured: the config’s own markers or labels; unknown: evidence that names no tool)') }))
    .describe('the AI-assisted pull requests of each tool (one naming two counts under both), most decided first'),
  note: z.string().nullable().describe(`set when a group decided fewer than ${MIN_AI_GROUP} pull requests (merged or rejected): too few to compare`),
});
export type Acceptance = z.infer<typeof acceptanceSchema>;

// ai-reviewer-days.ts
export const largeAiPerReviewerDaySchema = z
  .object({
    ...figureShape(LARGE_AI_REVIEWER_DAYS),
    worstDate: z.string().nullable().describe('the worst day, YYYY-MM-DD in the report\'s time zone'),
    worstReviewer: z.string().nullable().describe('who reviewed them that day'),
  })
  .describe(`large (over ${LARGE_CHANGE_LINES} lines) AI-assisted pull requests a person reviewed per day`);
export type LargeAiPerReviewerDay = z.infer<typeof largeAiPerReviewerDaySchema>;

// ai-load.ts
export const aiLoadGroupSchema = z.object(figureShape(AI_LOAD_GROUP));
export type AiLoadGroup = z.infer<typeof aiLoadGroupSchema>;
export const aiLoadSchema = z.object({
  ai: aiLoadGroupSchema.describe('the AI-assisted changes and open pull requests (a lower bound: only marked work is found)'),
  other: aiLoadGroupSchema.describe('the other changes and open pull requests'),
  linesPerReviewHourDifference: z
    .object({ ...figureShape(LOAD_DIFFERENCE), real: z.boolean().describe(`the 95% interval leaves out 0 and each group has at least ${MIN_AI_GROUP} reviewed changes`) })
    .describe('AI-assisted p50 lines per review hour − other\'s, with its 95% bootstrap interval'),
  largeAiPerReviewerDay: largeAiPerReviewerDaySchema.optional(),
});
export type AiLoad = z.infer<typeof aiLoadSchema>;

// ai-shift.ts
const aiShiftSideSchema = z.object({
  since: z.string(),
  until: z.string(),
  changes: count.describe('counted changes merged in the side'),
  aiShare: share.describe('AI-assisted changes ÷ changes'),
  weeks: z.number().describe('the side\'s length in weeks, to one decimal'),
});
export const aiShiftSchema = z.object({
  level: z.number().describe('the AI-assisted share of changes that marks AI\'s arrival (a quarter)'),
  weeks: z.number().int().describe('the share is over each week and the ones after it, this many in all; a side needs at least this many weeks'),
  minChanges: count.describe('the fewest changes a side needs'),
  peak: z.object({ share: z.number(), week: z.string() }).nullable().describe('the highest share over such weeks, and the week they start; null with no change'),
  status: z.enum(['shifted', 'never', 'always', 'too-short']).describe('shifted: compared; never: the share never stayed above the level to the window\'s end; always: it was above it from the first week (no before); too-short: a side has fewer weeks or changes than needed'),
  week: z.string().nullable().describe('the Monday (UTC) of the first week from which the share stays above the level'),
  before: aiShiftSideSchema.nullable(),
  after: aiShiftSideSchema.nullable(),
  rows: z.array(comparedRowSchema).describe('each stage\'s and cycle time\'s p50, changes merged a week, and each stage\'s queue at the weeks\' ends (their mean), before against after, with the 95% interval of the difference'),
});
export type AiShift = z.infer<typeof aiShiftSchema>;

// ai-defects.ts
export const defectGroupSchema = z.object(figureShape(DEFECT_GROUP));
export type DefectGroup = z.infer<typeof defectGroupSchema>;
const shareDifferenceSchema = z.object({
  ...figureShape(SHARE_DIFFERENCE),
  real: z.boolean().describe(`the 95% interval leaves out 0, each group has at least ${MIN_AI_GROUP} changes (and deploys, for the failure rate) and Fisher's exact test agrees (under 5%): a difference the data can tell`),
  repositories: z.number().int().nonnegative().optional().describe('over several repositories, the deploy failure difference is within each one that shipped deploys of both groups, weighed together (Mantel–Haenszel, Sato\'s interval): how many; absent over one'),
});
export type ShareDifference = z.infer<typeof shareDifferenceSchema>;
export const aiDefectsSchema = z.object({
  ...figureShape(AI_DEFECT_SHARES),
  ai: defectGroupSchema.describe('the AI-assisted changes (a lower bound: only marked work is found), and the deploys that shipped at least one'),
  other: defectGroupSchema.describe('the other changes, and the deploys that shipped only them'),
  revertDifference: shareDifferenceSchema.describe('AI-assisted revert rate − other\'s'),
  fixUpDifference: shareDifferenceSchema.describe('AI-assisted fix-up rate − other\'s'),
  failureDifference: shareDifferenceSchema.describe('the failure rate of deploys with an AI-assisted change − of those without'),
  note: z.string().nullable().describe(`set when the data cannot tell the groups apart: fewer than ${MIN_AI_GROUP} changes or deploys in a group, or a difference an exact test finds as likely by chance`),
});
export type AiDefects = z.infer<typeof aiDefectsSchema>;

// repair.ts
const repairFiguresSchema = z.object(figureShape(REPAIR));
export const repairWeekSchema = z.object({
  weekStart: z.string().describe('Monday 00:00 UTC that starts the week (ISO date), as the trend\'s'),
  ...figureShape(REPAIR),
});
export const repairSchema = repairFiguresSchema.extend({
  reasons: z
    .object({ ...figureShape(REPAIR_REASONS), several: figureShape(REPAIR_OVERLAP).several.optional() })
    .describe('repairs by reason; a change with two reasons is counted under both, and `several` counts such repairs (absent from a report written before it was counted)'),
  ai: repairFiguresSchema.describe('the AI-assisted changes (a lower bound)'),
  other: repairFiguresSchema.describe('the other changes'),
  weeks: z.array(repairWeekSchema).optional().describe('week by week, by merge time (Monday-based UTC weeks); left out of a repository\'s row in a report over several, as its trend is'),
});
export type Repair = z.infer<typeof repairSchema>;

// business-hours.ts
export const businessHoursSchema = z.object({
  timezone: z.string().describe('IANA time zone, e.g. Europe/Berlin'),
  days: z.array(z.number().int().min(0).max(6)).describe('working weekdays, 0 = Sunday … 6 = Saturday'),
  start: z.string().describe('"09:00"'),
  end: z.string().describe('"17:00"'),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;
