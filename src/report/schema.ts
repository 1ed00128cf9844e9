/**
 * The JSON report, schemaVersion 1 (SPEC section 7), as one zod schema: the TypeScript types, the
 * validation of every report read back (`compare`, `aggregate`, `check --report`) and the published JSON
 * Schema all come from it. New keys may be added; none is renamed within a version. Each part is defined by
 * the module that computes it (metrics, advice) and assembled here.
 */
import { z } from 'zod';
import { AI_STRENGTHS, STAGES, type StageName } from '../domain.js';
import { CATALOGUE, COUNTS } from '../metrics/catalogue.js';
import { TIME_FLAGS } from '../metrics/slowest.js';
import { recommendationSchema, thresholdsSchema } from '../advice/types.js';
import { aiToolsSchema } from './ai-tools-schema.js';
import { closedPullSchema } from './closed-pulls-schema.js';
import { productsSchema } from './products-schema.js';
import { slicesSchema } from './slices-schema.js';
import { refineReport } from './invariants.js';
import { REVIEW_HOST_IDS } from '../review-hosts.js';
import {
  acceptanceSchema,
  aiDefectsSchema,
  aiLoadSchema,
  aiShiftSchema,
  aiComparisonSchema,
  businessHoursSchema,
  catalogueOnly,
  censoredDistributionSchema,
  ciHealthSchema,
  distributionSchema,
  doraSchema,
  duration,
  figureSchema,
  histogramBucketSchema,
  queuesSchema,
  queueTrendsSchema,
  repairSchema,
  reviewCapacitySchema,
  reviewCapacityRatesSchema,
  reviewHealthSchema,
  reworkHealthSchema,
  shareBasisSchema,
  sizeSummarySchema,
  stageFigureSchema,
  trendSchema,
  previousPeriodSchema,
  unreleasedSchema,
  wipHealthSchema,
} from '../metrics/schema.js';

/** An ISO 8601 UTC time as the report writes it: `2026-03-04T10:00:00Z`. */
const time = z.iso.datetime({ offset: true });
const seconds = duration.nullable();
const count = z.number().int().nonnegative();
const perStage = <T extends z.ZodType>(value: T) => z.object(Object.fromEntries(STAGES.map((s) => [s, value])) as Record<StageName, T>);

export const stagesSchema = perStage(seconds).describe('seconds; null where no source could see the stage');

export const changeReviewSchema = z.object({
  reviewers: z.array(z.object({ login: z.string(), reviews: count })).describe('submitted reviews per human reviewer (not the author), busiest first'),
  reviewedAt: z.array(z.number()).default([]).describe('epoch seconds of each of those reviews, ascending (reviews done per week)'),
  reviewedBy: z
    .array(z.string())
    .optional()
    .describe('the login of each of those reviews, in reviewedAt\'s order'),
  firstReviewer: z.string().nullable(),
  comments: count.describe('conversation comments and COMMENTED / CHANGES_REQUESTED reviews by humans other than the author'),
  commitsAfterFirstReview: count,
  forcePushesAfterFirstReview: count,
  changesRequested: z.boolean(),
  checks: z
    .object({
      wallTime: seconds.describe('max(completedAt) − min(startedAt) of the check runs on the final head commit'),
      lastCompletedAt: z.number().nullable().describe('epoch seconds'),
      names: z.array(z.string()),
      flaky: z.array(z.string()).describe('checks that concluded FAILURE and later SUCCESS on the same commit'),
    })
    .nullable(),
});

export const productDeploySchema = z.object({
  product: z.string(),
  ref: z.string().nullable().describe('the first deploy of that product that ships the change (its tag); null while none has'),
  deployedAt: time.nullable().describe('when it went out (at the merge when it went out before); null while none has: unreleased in that product\'s row'),
  deployWait: seconds.describe('merge → that deploy: the deploy stage in that product\'s row'),
  leadTime: seconds.describe('first commit → that deploy: the lead time in that product\'s row'),
});

export const reportChangeSchema = z.object({
  id: z.string().describe('#N for a pull request, !N for a GitLab merge request, else the landing commit\'s short sha'),
  number: z.number().int().nullable(),
  title: z.string(),
  author: z.string(),
  url: z.string().nullable(),
  kind: z.enum(['merge', 'squash', 'rebase', 'trailer', 'direct', 'sync']),
  sha: z.string().describe('the landing commit: merge, squash or last commit'),
  commits: count.nullable().describe('own commits; null when they are not in the clone'),
  carriedPulls: count.optional().describe('a sync\'s: the pull requests it brought in, merged first on the line it merges (a GitFlow `development`, a `release` branch), each once, none the tracked branch landed as well and none that merged into that line what the tracked branch already had (a GitFlow release pull request) or held only merges of the tracked branch; absent when it brought in none, and from reports written before'),
  additions: count.nullable(),
  deletions: count.nullable(),
  files: count.nullable(),
  bot: z.boolean(),
  counted: z.boolean().describe('in the stage figures: not a sync, and not a bot unless bots were put back'),
  firstCommitAt: time.nullable(),
  lastCommitAt: time.nullable().default(null).describe('the last own commit (author date): from git alone it ends coding and starts the review & merge wait'),
  readyAt: time.nullable(),
  firstReviewAt: time.nullable(),
  approvedAt: time.nullable(),
  mergedAt: time,
  deployedAt: time.nullable(),
  deployRef: z
    .string()
    .nullable()
    .optional()
    .describe('the ref (tag) of the deploy that shipped it first, even one that went out before its merge (deployedAt is then the merge, flagged deployed-before-merge); null while none has; absent from reports written before'),
  stages: stagesSchema,
  cycleTime: seconds,
  leadTime: seconds,
  soFar: z
    .object({
      deploy: seconds.describe('merge → now'),
      leadTime: seconds.describe('first commit → now; null when the first commit is unknown'),
    })
    .nullable()
    .default(null)
    .describe('merged and not yet deployed at now: how long it has waited, each a lower bound of the figure it will have (deploy wait, lead time); null once deployed, when every merge is a deploy, and in reports written before'),
  flags: z.array(z.string()),
  aiAssisted: z.boolean().describe('it has AI evidence of agent or assisted strength (aiEvidence is not empty)'),
  aiEvidence: z.array(z.string()).describe('the lines of the evidence that make it AI-assisted, for the reader'),
  aiTools: z.array(z.string()).optional().describe('the AI tools its evidence names, by the evidence catalogue\'s ids (claude-code, copilot, codex, …): of its AI-assisted evidence, else of its weak evidence; absent when it has none (and from reports written before tools were named)'),
  aiStrength: z.enum(AI_STRENGTHS).nullable().optional().describe('its strongest AI evidence: agent (an agent authored its commits or opened its pull request), assisted (a person\'s change naming a tool), weak (a branch name only); null when it has none'),
  aiWeakEvidence: z.array(z.string()).optional().describe('the lines of its weak AI evidence (a branch name), which alone do not make it AI-assisted'),
  reverted: z.boolean(),
  revertedBy: z.string().nullable(),
  review: changeReviewSchema.nullable().describe('what GitHub said of the review and checks; null from git alone'),
  labels: z.array(z.string()).optional().describe('its pull request\'s labels (GitHub mode), when it has any'),
  products: z.array(z.string()).optional().describe('in a repository of several products: those whose code it touched, else the repository\'s own product when its tags ship it, else none'),
  productDeploys: z.array(productDeploySchema).optional().describe('in a repository of several products: for each of its products, that product\'s own first deploy that ships it, from which its row measures the change (deployedAt, stages.deploy and leadTime are to its earliest deploy of any product); absent from reports written before'),
  repository: z.string().optional().describe('in a report over several repositories: whose change it is'),
  slices: z.array(z.string()).optional().describe('with --by: the slices of summary.slices it is in (team:payments); what lets an aggregate pool a slice across repositories'),
});
export type ReportChange = z.infer<typeof reportChangeSchema>;

export const reportDeploySchema = z.object({
  ref: z.string(),
  sha: z.string(),
  at: time,
  changes: count.describe('changes it shipped first, of those the summary counts (a bot\'s only with --include-bots; never a sync or a release commit)'),
  failed: z.boolean(),
  rollback: z.boolean(),
  rework: z.boolean().describe('it shipped only reverts, hotfixes and fixes of a failed deploy: unplanned rework (DORA\'s deployment rework rate)'),
  failureReasons: z.array(z.string()),
  restoredAfter: seconds.describe('seconds until the deploy that removed the failure'),
  product: z.string().optional().describe('in a repository of several products: the product it deployed'),
  repository: z.string().optional(),
});
export type ReportDeploy = z.infer<typeof reportDeploySchema>;

export const unlinkedIncidentSchema = z.object({
  id: z.string().describe('as its source names it: #12 for a GitHub issue, the tool\'s id for an events file'),
  openedAt: time,
  resolvedAt: time.nullable(),
  product: z.string().nullable().describe('the product it hit; null: the repository\'s'),
});

export const openPullSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string().nullable(),
  author: z.string(),
  bot: z.boolean(),
  createdAt: time,
  isDraft: z.boolean(),
  events: z
    .object({
      readyAt: time.nullable().describe('T2; null while a draft'),
      firstReviewAt: time.nullable().describe('T4; null while nobody has reviewed it'),
      approvedAt: time.nullable().describe('T5; null while not approved'),
      reviewedAt: z.array(time).describe('its submitted reviews by humans other than the author'),
    })
    .optional()
    .describe('where its review stands at now, which places it in the pickup, review or merge-wait queue'),
  aiEvidence: z.array(z.string()).optional().describe('its AI evidence, as a change\'s (its author, branch, labels, description); absent when it has none'),
  aiTools: z.array(z.string()).optional(),
  aiStrength: z.enum(AI_STRENGTHS).optional(),
  aiWeakEvidence: z.array(z.string()).optional(),
  repository: z.string().optional(),
});
export type ReportOpenPull = z.infer<typeof openPullSchema>;

export const slowChangeSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  repository: z.string().optional(),
  total: duration.describe('lead time; for a change still waiting for a deploy, its lead time so far (it is at least this long); cycle time when nothing deploys; seconds'),
  totalIs: z.enum(['leadTime', 'waiting', 'cycleTime']).describe('what total is: waiting, a lower bound (merged and not deployed at now)'),
  stage: z.enum(STAGES as [StageName, ...StageName[]]).nullable().describe('the stage that held most of its time'),
  stageSeconds: seconds,
  flags: z
    .array(z.enum(TIME_FLAGS))
    .optional()
    .describe('the change\'s flags that say why its total reads long or short: rebased (its first commit is older than its fork point), imported (work done in another repository, from its merge), commits-unseen (a squash whose commits the clone lacks, from its own author date), clock-skew (an interval out of order, counted as 0); absent: none'),
});

export const histogramSchema = z.object({
  of: z.enum(['leadTime', 'cycleTime']).describe('lead time, or cycle time when nothing deployed'),
  buckets: z.array(histogramBucketSchema),
});

const writtenSummarySchema = z.object({
  changes: figureSchema(COUNTS.changes),
  excluded: z
    .object({
      bots: figureSchema(COUNTS.bots),
      syncs: figureSchema(COUNTS.syncs),
      // absent from a report written before release commits were told apart: such a report still reads back
      releases: figureSchema(COUNTS.releases).optional(),
      // absent from a report written before the syncs' pull requests were counted
      syncedPulls: figureSchema(COUNTS.syncedPulls).optional(),
      // absent from a report written before the syncs that brought some were counted
      carryingSyncs: figureSchema(COUNTS.carryingSyncs).optional(),
    })
    .describe('changes merged in the window but left out of the stage figures'),
  headline: z.string().describe('one sentence: where the time of the typical change goes'),
  stages: perStage(stageFigureSchema),
  shareBasis: shareBasisSchema,
  cycleTime: distributionSchema.describe('first commit → merge, over the same changes as lead time'),
  leadTime: censoredDistributionSchema.describe('first commit → deploy; changes merged and not yet deployed count as right-censored at now (Kaplan–Meier)'),
  leadTimeDeployed: distributionSchema.describe('lead time over the deployed changes only (type 7), for tools that leave the rest out'),
  unreleased: unreleasedSchema.describe('the changes merged in the window and not deployed at now'),
  flow: z.object({
    anomalies: z.object({ clockSkew: figureSchema(COUNTS.clockSkew) }),
    size: sizeSummarySchema,
    reverted: figureSchema(COUNTS.reverted),
    // absent from a report written before it was counted: such a report still reads back
    partiallyReverted: figureSchema(COUNTS.partiallyReverted).optional(),
  }),
  ai: z.object({
    assisted: figureSchema(COUNTS.aiAssisted),
    other: figureSchema(COUNTS.aiOther),
    // absent from a report written before tools and strengths were read: such a report still reads back
    agent: figureSchema(COUNTS.aiAgent).optional(),
    weak: figureSchema(COUNTS.aiWeak).optional(),
    tools: aiToolsSchema.optional(),
    lowerBound: z.literal(true),
  }),
  dora: doraSchema,
  repair: repairSchema.optional().describe('the changes that repaired earlier work and the share of the cycle time they took (absent from reports made before it was measured)'),
  previous: previousPeriodSchema.optional().describe('the window against the one of the same length just before it (a report read from one repository); absent over several repositories'),
  trend: trendSchema.describe('the key figures week by week (Monday-based UTC weeks, by merge time)'),
  leadTimeHistogram: histogramSchema,
  slowest: z.array(slowChangeSchema).describe('the slowest counted changes, slowest first'),
  review: reviewHealthSchema.nullable().describe('null from git alone (never shown as 0)'),
  rework: reworkHealthSchema.nullable(),
  ci: ciHealthSchema.nullable(),
  wip: wipHealthSchema.nullable(),
  aiComparison: aiComparisonSchema.describe('AI-assisted changes (a lower bound) against the rest, stage by stage'),
  aiShift: aiShiftSchema.optional().describe('where the queue moved when AI arrived: the window split at the week the AI-assisted share rose past a quarter of changes (over four weeks) and stayed there, each stage\'s p50, arrivals a week and queues before against after (a report read from one repository; absent over several, and from reports made before it was measured)'),
  aiLoad: aiLoadSchema.nullable().optional().describe('GitHub mode: review load (lines per review hour, large AI-assisted pull requests per reviewer-day) and open pull requests, AI-assisted against the rest; null from git alone (git cannot see who reviewed, nor open pull requests); absent from reports made before it was measured'),
  aiDefects: aiDefectsSchema.optional().describe('AI-assisted changes against the rest: revert and fix-up rates, the failure rate of the deploys that shipped them, the share of failed deploys with an AI-assisted change (absent from reports made before it was measured)'),
  acceptance: acceptanceSchema
    .nullable()
    .optional()
    .describe('GitHub mode: the share of the window\'s decided pull requests that merged, and what the rejected ones took; null where the pull requests closed without merging were not read (git alone: git never sees one; a slice; a report over several repositories; a read cut short by --partial); absent from reports made before it was measured'),
  queues: queuesSchema.describe('per stage, week by week: arrivals, departures and the queue at the week\'s end, over every counted change merged by now and (GitHub) the open pull requests'),
  queueTrend: queueTrendsSchema.describe('per stage: arrivals and departures per week, the queue\'s growth per week, and both sides of Little\'s law'),
  reviewCapacity: reviewCapacitySchema,
  capacity: reviewCapacityRatesSchema,
  slices: slicesSchema.optional(),
  products: productsSchema.optional(),
});

/**
 * The summary: the parts written above, then every part of the catalogue they do not spell out, its schema the
 * catalogue's (`catalogueSchema`), so a figure added to the catalogue and computed by the report builder is in the
 * JSON Schema and read back with no schema written for it. Such a part is optional: a report written before it was
 * measured still reads (a gate on it is then not measured). Its type is the written parts': a part the catalogue
 * alone declares is read through the catalogue (gates, comparisons), never by name.
 */
export const summarySchema = writtenSummarySchema.extend(catalogueOnly(CATALOGUE, writtenSummarySchema.shape)) as unknown as typeof writtenSummarySchema;
export type ReportSummary = z.infer<typeof summarySchema>;

export const repositorySummarySchema = summarySchema
  .omit({ trend: true, slowest: true, queues: true, reviewCapacity: true, previous: true })
  .describe('this repository\'s own summary over its own window, computed as the whole\'s; its week-by-week series (trend, queues, review capacity) and slowest changes are in its own report');
export type RepositorySummary = z.infer<typeof repositorySummarySchema>;

export const policySchema = z.object({
  includeBots: z.boolean().describe('bot changes counted in the figures (--include-bots)'),
  requiredApprovals: z.number().int().min(1),
  revertWindow: z.number().nonnegative().default(14 * 86400).describe('seconds: a revert within this time of a deploy fails it (--revert-window)'),
  includePrereleases: z.boolean().default(false).describe('pre-release tags and releases counted as deploys (--include-prereleases)'),
  thresholds: thresholdsSchema.describe('the recommendation thresholds the rows were checked against'),
});
export type Policy = z.infer<typeof policySchema>;

export const repositoryRowSchema = z.object({
  name: z.string().describe('what every page calls it: owner/name when the remote is known, else its folder\'s name with as many of its path\'s last parts as tell it apart (a/repo, b/repo); never a path of the machine'),
  path: z.string().describe('the folder it was read from on the machine that made the report: it tells apart two folders of one name and one repository given twice; no page shows it'),
  remote: z.string().nullable(),
  branch: z.string(),
  window: z.object({ since: time, until: time }),
  now: time.optional().describe('when its own report measured (its now): a change of it still waiting has waited until then, whatever the whole\'s now (`compare` of the whole reads it); absent from reports made before it was written'),
  deploySignal: z.enum(['events', 'branch', 'deployments', 'workflow', 'releases', 'tags', 'merge']),
  changes: count,
  leadTimeP50: seconds,
  cycleTimeP50: seconds,
  deploys: count,
  failedDeploys: count,
  deploymentFrequency: z.number().nullable().describe('deploys per week over this repository\'s own window'),
  changeFailureRate: z.number().nullable(),
  unreleased: unreleasedSchema.pick({ count: true, p50Age: true, oldestAge: true }).describe('changes merged in its window and not yet deployed at now, and their ages (its summary.unreleased)'),
  topRecommendation: recommendationSchema.pick({ id: true, measure: true, value: true }).nullable(),
  summary: repositorySummarySchema,
});
export type RepositoryRow = z.infer<typeof repositoryRowSchema>;

export const reportSchema = z.object({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  generatedAt: time,
  tool: z.object({ name: z.literal('flowaudit'), version: z.string() }),
  repository: z.object({ path: z.string().describe('the folder it was read from on the machine that made the report (an aggregate: "aggregate"): it tells a repository without a remote apart from another of its name when reports are aggregated; no page shows it, each names the repository by its remote or folder'), remote: z.string().nullable(), branch: z.string() }),
  window: z
    .object({
      since: time,
      until: time,
      historyFrom: time.optional().describe('the history\'s first commit, when later than since: deploy frequency is over the part of the window it covers'),
      historyUntil: time.optional().describe('where the history ends, when before until: a product\'s report whose package was removed in the window (its manifest deleted then); deploy frequency is over the part of the window it covers'),
    })
    .describe('changes merged in [since, until) are in the window'),
  now: time,
  sources: z.array(z.enum(['git', 'github'])),
  reviewHost: z
    .enum(REVIEW_HOST_IDS)
    .nullable()
    .default(null)
    .describe('where the changes were reviewed, as the history says (Gerrit\'s Reviewed-on trailers, GitLab\'s merge requests), else GitHub when it was read, else the remote\'s host ("other": another forge, such as Codeberg, Bitbucket or Azure DevOps); null when nothing says (no remote, a host no forge owns, several repositories that differ): what git alone misses is read from GitHub only'),
  deploySignal: z.object({ kind: z.enum(['events', 'branch', 'deployments', 'workflow', 'releases', 'tags', 'merge']), detail: z.string() }),
  businessHours: businessHoursSchema.nullable().describe('when set, every stage, cycle and lead time counts only working time'),
  timezone: z.string().default('UTC').describe('IANA time zone weeks start in (queues) and times are shown in'),
  policy: policySchema.describe('what shaped the figures besides the deploy signal and business hours'),
  changes: z.array(reportChangeSchema),
  queueOnlyChanges: z
    .array(reportChangeSchema)
    .default([])
    .describe('counted changes merged outside the window (before it, or after it and by now) whose stages overlapped it: only the queues count them'),
  deploys: z.array(reportDeploySchema).describe('deploys in the window'),
  openPulls: z.array(openPullSchema).describe('pull requests open at the end of the window (GitHub mode; [] from git alone)'),
  closedPulls: z.array(closedPullSchema).optional().describe('pull requests into the tracked branch closed without merging in the window (GitHub mode, when they were read), oldest close first'),
  unlinkedIncidents: z.array(unlinkedIncidentSchema).optional().describe('incidents opened in the window that followed no deploy (of their product) within --incident-window: they fail nothing; present when there is one'),
  withChanges: z
    .literal(false)
    .optional()
    .describe('a report over several repositories that leaves out changes, queueOnlyChanges, deploys and openPulls (the figures are over all of them; `--with-changes` lists them)'),
  summary: summarySchema,
  recommendations: z.array(recommendationSchema),
  repositories: z.array(repositoryRowSchema).optional().describe('in a report over several repositories: one row each'),
  failedRepositories: z.array(z.object({ name: z.string(), error: z.string() })).optional(),
  notes: z.array(z.string()).describe('what the sources could not show, and how to get it'),
  warnings: z.array(z.string()),
})
  // what cannot be, between fields (ordered percentiles, a window the flags could give, counts that agree with
  // the lists they count): report/invariants.ts, which reading a report a compiled validator accepted runs too
  .superRefine(refineReport);
export type Report = z.infer<typeof reportSchema>;
