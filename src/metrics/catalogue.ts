/**
 * The figure catalogue: every numeric figure of `report.summary`, declared once — its place in the summary, its
 * kind (which decides its unit), its label, the metric that computes it, the modes that can measure it and its
 * DORA bands. The report's zod schema builds its figures from these entries (`metrics/schema.ts`), the gates
 * resolve a threshold's path here, `check --list` prints it, and docs/definitions.md's table of figures is checked
 * against it; the renderers name the DORA keys, lead time and cycle time by `figureLabel`. Plain data: the gates
 * read it without loading zod.
 *
 * A group that declares `compared` is compared figure by figure — by `compare` (two reports, two slices) and by
 * every report's previous period (`metrics/compared.ts` reads the declarations; their renderers and
 * `previous-csv` write whatever rows they are given).
 *
 * To add a figure: an entry here, the metric that computes it, and its call in `windowFigures` (`report/build.ts`);
 * docs/architecture.md says what follows from them.
 */
import { STAGES, type MeasuredChange, type StageName } from '../domain.js';
import { LARGE_CHANGE_LINES } from './limits.js';

/** What a figure measures, which decides its unit and the units a threshold on it may use. */
export type FigureKind = 'duration' | 'ratio' | 'count' | 'number';

/** Each kind's unit, as lists and docs name it; a threshold writes a duration with s … y and a ratio with %. */
export const UNITS: Readonly<Record<FigureKind, { readonly name: string }>> = {
  duration: { name: 'duration' },
  ratio: { name: 'ratio' },
  count: { name: 'count' },
  number: { name: 'number' },
};

/** git alone, or git with GitHub's pull requests, reviews and checks. */
export type Mode = 'git' | 'github';

export const MODES: readonly Mode[] = ['git', 'github'];

/** One figure: a number (or null) at one place of the summary. */
export interface Figure {
  readonly kind: FigureKind;
  /** a few words; after its group's label it names the figure in lists and docs */
  readonly label: string;
  /** null when the data cannot tell (a count is never null) */
  readonly nullable: boolean;
  /** a ratio the schema holds to 0–1 */
  readonly bounded?: boolean;
  /** in the stage groups: the stages that have it (the deploy stage's right-censored figures); all when absent */
  readonly stages?: readonly StageName[];
  /** the JSON Schema's description of the figure */
  readonly description?: string;
  /** the modes that can measure it, where they are fewer than its group's */
  readonly modes?: readonly Mode[];
  /** it has a trend: a line period by period and a direction (SPEC section 10), read as this says */
  readonly trend?: TrendSpec;
}

/**
 * How a figure is read period by period and over each half of the complete periods (`metrics/trend-keys.ts`):
 * deploys per week of the period; or a statistic of a value of the period's changes (merged in it), deploys or
 * failed deploys — `value` a field of each (`leadTime`, `cycleTime`, `failed`, `restoredAfter`), or `stage`: the
 * stage whose figure it is. A value that runs until a deploy (lead time, the deploy wait) makes a period whose
 * changes are not all deployed a bound, drawn apart and never compared.
 */
export type TrendSpec =
  | { readonly of: 'deploys'; readonly statistic: 'perWeek' }
  | { readonly of: 'changes' | 'deploys' | 'failedDeploys'; readonly statistic: 'median' | 'mean'; readonly value: string };

/** The four clusters of the 2024 State of DevOps report, best first. */
export type Cluster = 'elite' | 'high' | 'medium' | 'low';
export const CLUSTERS: readonly Cluster[] = ['elite', 'high', 'medium', 'low'];

/**
 * One cluster's value of a DORA key as the report published it: its words, and the values they mean in the
 * figure's unit — a range `[from, to]` (either end null when the words give none: "less than one hour" has no
 * lower end), `to` not included when the words say "less than"; a value published as one number is a range of one.
 */
export interface PublishedValue {
  readonly words: string;
  readonly from: number | null;
  readonly to: number | null;
  /** "less than …": `to` itself is not in the range */
  readonly below?: boolean;
}

/**
 * A DORA key against the 2024 clusters as published (SPEC section 4): each cluster's published value in the
 * figure's unit (per week, seconds or a ratio). A `range` key is named with the cluster whose published range
 * holds it (the best such cluster, where they overlap); a `values` key, published as one number per cluster and
 * not in cluster order, is written with the published values it lies between (`metrics/clusters.ts`).
 */
export interface BandTable {
  readonly better: 'higher' | 'lower';
  readonly kind: 'range' | 'values';
  /** where the values come from */
  readonly source: string;
  /** the year of the report they come from, which every position the report writes names */
  readonly year: number;
  /** elite, high, medium and low, as published */
  readonly published: readonly [elite: PublishedValue, high: PublishedValue, medium: PublishedValue, low: PublishedValue];
}

/**
 * A group of figures: a part of the summary one metric computes. A group with a `value` figure (a DORA key)
 * stands for it: `dora.leadTime` is `dora.leadTime.value`.
 */
export interface FigureGroup {
  readonly label: string;
  /** the metric: module and function that computes the group's figures */
  readonly computedBy?: string;
  /** the modes that can measure its figures; inherited, both when no group says */
  readonly modes?: readonly Mode[];
  /** a DORA key's performance bands, of its `value`; null for a key without published bands */
  readonly bands?: BandTable | null;
  /** in the stage groups: the stages that have it; all when absent */
  readonly stages?: readonly StageName[];
  /** how its figures are compared (`compare`, the previous period); absent: they are not */
  readonly compared?: ComparedAs;
  /**
   * a DORA key each repository measures on its own deploys: a report of several repositories gives the median
   * repository's value (`dora-across.ts`), and `compare` resamples those repositories for its interval, never the
   * deploys pooled, which are no sample of a median repository (SPEC section 4)
   */
  readonly perRepository?: true;
  readonly members: Readonly<Record<string, Figure | FigureGroup>>;
}

/** The groups of a comparison's rows, as its JSON names them (`compare`, `summary.previous.rows[].group`). */
export const COMPARED_GROUPS = ['stage', 'dora', 'acceptance'] as const;
export type ComparedGroup = (typeof COMPARED_GROUPS)[number];

/** The units of a comparison's rows: a duration is in seconds, a ratio a ratio; a `number` figure names its own. */
export const COMPARED_UNITS = ['seconds', 'ratio', 'deploys/week', 'changes/week', 'changes'] as const;
export type ComparedUnit = (typeof COMPARED_UNITS)[number];

/**
 * What a figure's 95% interval is resampled from (SPEC section 9): a value of each change (a dot path into it:
 * `leadTime`; the group's own path when absent, `stages.review` for the review stage's figures; or a function of
 * the model's change, for a value no field holds — the metric's own reading of one change, 1 or 0 for a share), a
 * value of each deploy (a yes/no counts 1 or 0) of those where `where` holds, or each day of the window's deploys,
 * scaled so that their mean is deploys per week, or a value of each pull request decided in the window
 * (`acceptance.ts` `decidedPulls`: `merged` 1 or 0) of those where `where` holds, whose count is the row's sample.
 * A percentile figure (`p50`, `p90`) is that percentile of the values; a key's value is their median when it is a
 * duration, else their mean (a rate).
 */
export type ComparedBasis =
  | {
      readonly over: 'changes';
      readonly value?: string | ((change: MeasuredChange) => number | null);
      /**
       * lead time or the deploy wait, whose changes merged and not yet deployed count as right-censored at the
       * side's now (SPEC section 6): the interval resamples every change, finished or waiting, and reads each
       * resample's percentile as the summary reads the figure (Kaplan–Meier when some wait); `value` unread
       */
      readonly waiting?: 'lead' | 'deploy';
    }
  | { readonly over: 'deploys'; readonly value: string; readonly where?: string }
  | { readonly over: 'days' }
  | { readonly over: 'pulls'; readonly value: string; readonly where?: string };

/**
 * How a group's figures are compared, one row each: which of its members, in what group of rows, which way is
 * better, and what the interval resamples. A row's sample is the group's `count`.
 */
export interface ComparedAs {
  /** the members compared, in this order: `p50`, `p90`; a DORA key's `value` */
  readonly figures: readonly string[];
  readonly group: ComparedGroup;
  readonly lowerIsBetter: boolean;
  readonly basis: ComparedBasis;
  /** a stage's figures are named by the stage's short name (`stage-labels.ts`: from git alone, what git sees of it) */
  readonly stage?: StageName;
  /** the words `compare`'s narrow table names it by, where the group's label is longer ('recovery time') */
  readonly short?: string;
  /** the unit of a `number` figure */
  readonly unit?: ComparedUnit;
  /**
   * the members of the group a side's value and count are read from where it has them: what places a DORA key when
   * it is not the key's own value (deployment frequency's `releasesPerWeek` over its `releases`, in a repository of
   * several products)
   */
  readonly placedBy?: { readonly value: string; readonly count: string };
}

/** an acceptance rate compared over the decided pull requests (of the AI-assisted or the other ones); higher is better */
const acceptanceCompared = (where?: 'ai' | 'other'): ComparedAs => ({
  figures: ['rate'], group: 'acceptance', lowerIsBetter: false, short: where === undefined ? 'acceptance' : `${where === 'ai' ? 'AI' : 'other'} acceptance`,
  basis: { over: 'pulls', value: 'merged', ...(where !== undefined && { where }) },
});

/** a distribution's p50 and p90 compared over the changes' values at the group's path; lower is better */
const percentilesOfChanges = (group: ComparedGroup, stage?: StageName): ComparedAs => ({
  figures: ['p50', 'p90'], group, lowerIsBetter: true, ...(stage !== undefined && { stage }),
  // the deploy wait counts the changes still waiting, as the summary's figure does
  basis: stage === 'deploy' ? { over: 'changes', waiting: 'deploy' } : { over: 'changes' },
});

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
/*
 * The 2024 Accelerate State of DevOps Report's software delivery performance clusters: the last to publish them
 * (the 2025 report replaced them with team archetypes). Its clusters are not ordered on every key — the high
 * cluster's change failure rate (20%) is above the medium one's (10%), and high and medium both recover in "less
 * than one day" — so the report quotes them as published and never reorders them into bands. A month is 30 days
 * (12 a year for a rate), six months 26 weeks.
 */
const DORA_2024 = { source: '2024 Accelerate State of DevOps Report', year: 2024 } as const;

export function isFigure(node: Figure | FigureGroup): node is Figure {
  return 'kind' in node;
}

type Known = Figure & { readonly nullable: false };
type MaybeNull = Figure & { readonly nullable: true };

const count = (label: string, description?: string): Known => ({ kind: 'count', label, nullable: false, ...(description !== undefined && { description }) });
const duration = (label: string, description?: string): MaybeNull => ({ kind: 'duration', label, nullable: true, ...(description !== undefined && { description }) });
const share = (label: string, description?: string): MaybeNull => ({ kind: 'ratio', label, nullable: true, bounded: true, ...(description !== undefined && { description }) });

/** count, p50, p75, p90 and mean of the values where a figure is known (`metrics/percentile.ts`). */
export const DISTRIBUTION = {
  count: count('count'),
  p50: duration('p50'),
  p75: duration('p75'),
  p90: duration('p90'),
  mean: duration('mean'),
} as const;

/** A duration some of whose values are still running (SPEC section 6), right-censored at now. */
export const CENSORED = {
  ...DISTRIBUTION,
  censored: count('changes still waiting', 'values still running at now (merged, not yet deployed), counted as right-censored'),
  atLeast: duration('at least (a percentile not reached)', 'set when a percentile is null (the estimate does not reach it where it is read: while 5% of the values, and at least 5, are still at risk, and up to the first value still running): a true lower bound of the lowest such percentile — type 7 with every waiting value at its time so far — seconds'),
} as const;

/** Each percentile the estimate does not reach, as a true lower bound; present only when one is not reached. */
export const BOUNDS = {
  p50: duration('p50 at least'),
  p75: duration('p75 at least'),
  p90: duration('p90 at least'),
} as const satisfies Record<string, Figure>;

const boundsGroup = (stages?: readonly StageName[]): FigureGroup => ({ label: 'bounds:', members: BOUNDS, ...(stages !== undefined && { stages }) });

/** A stage's figures, in the order `summarizeStages` writes them; the deploy stage's waiting changes are censored. */
export const STAGE = {
  ...DISTRIBUTION,
  p50: { ...DISTRIBUTION.p50, trend: { of: 'changes', statistic: 'median', value: 'stage' } },
  censored: { ...count('changes still waiting', 'deploy stage: changes merged and not yet deployed at now, counted as right-censored'), stages: ['deploy'] },
  atLeast: { ...duration('at least (a percentile not reached)', 'deploy stage: set when a percentile is null, a true lower bound of the lowest such percentile (seconds)'), stages: ['deploy'] },
  oneCommit: { ...count('changes of one commit or one moment (git sees no coding time)', 'coding stage: changes landed through a pull request or branch (not pushed directly) whose first and last commit are one moment (one commit, or commits made at one moment), so their first → last commit span is 0 by construction: from git alone their coding time is unseen, not zero'), stages: ['coding'] },
  oneCommitShare: { ...share('share of changes of one commit or one moment', 'coding stage: oneCommit ÷ count, the share the report names where git cannot see coding time; null with no change'), stages: ['coding'] },
  share: share('share of the typical change', 'the typical change: the mean, over the changes of the share basis, of this stage\'s fraction of each one\'s own total; null when there is no basis or no change shows the stage'),
  shareOfTotal: share('share of all time', 'Σ this stage ÷ Σ all stages over the share basis: where the total time goes (capacity questions)'),
} as const satisfies Record<string, Figure>;

/** A DORA key: its value and how many deploys or changes it is over (`metrics/dora.ts`), and its trend if it has one. */
export const doraKey = (kind: FigureKind, label: string, trend?: TrendSpec) => ({
  value: { kind, label, nullable: true, description: 'null when not measurable', ...(trend !== undefined && { trend }) },
  count: count('count (of deploys or changes)', 'how many deploys or changes the value is computed over'),
}) as const satisfies Record<string, Figure>;

export const SIZE = {
  count: count('changes with a known size', 'changes with a known size'),
  p50: { kind: 'number', label: 'p50 lines changed', nullable: true, description: 'lines changed (additions + deletions)' },
  p90: { kind: 'number', label: 'p90 lines changed', nullable: true },
  over200: { kind: 'ratio', label: 'share over 200 lines', nullable: true, description: 'share of sized changes over 200 changed lines' },
  over400: { kind: 'ratio', label: 'share over 400 lines', nullable: true, description: 'share of sized changes over 400 changed lines' },
} as const satisfies Record<string, Figure>;

export const UNRELEASED = {
  count: count('changes merged, not deployed', 'counted changes merged in the window and not deployed at now'),
  p50Age: duration('p50 age', 'seconds since their merge, at now (type 7); null when there is none'),
  oldestAge: duration('oldest age'),
  noLeadTime: count('with no lead time', 'of them, those whose first commit is unknown (a squash whose commits the clone lacks): no lead time, not even a lower bound, so leadTime.censored leaves them out; absent from a report written before it was counted'),
} as const satisfies Record<string, Figure>;

/**
 * A stage's arrivals, departures and queue over the window, and both sides of Little's law (`metrics/queues.ts`).
 * Every rate is over the weeks of history the window covers (as deploy frequency's), null under one whole week.
 */
export const QUEUE_TREND = {
  arrivalsPerWeek: { kind: 'number', label: 'arrivals per week', nullable: true, description: 'arrivals ÷ the weeks of history covered; null under one whole week' },
  departuresPerWeek: { kind: 'number', label: 'departures per week', nullable: true, description: 'departures ÷ the weeks covered' },
  growthPerWeek: { kind: 'number', label: 'queue growth per week', nullable: true, description: 'net flow: (queueEnd − queueStart) ÷ the weeks covered' },
  meanQueue: { kind: 'number', label: 'mean queue', nullable: false, description: 'time-average queue over the covered time (Little\'s L)' },
  meanTimeInStage: duration('mean time in stage', 'mean wall-clock seconds in the stage of the changes that arrived in the window, open ones up to now (W)'),
  littleQueue: { kind: 'number', label: 'queue if the flow were steady (arrivals a week × weeks in the stage)', nullable: true, description: 'arrival rate × mean time in stage (Little\'s law, λW): near meanQueue when the window was steady' },
  arrivals: count('arrivals'),
  departures: count('departures'),
  queueStart: count('queue at the start'),
  queueEnd: count('queue at the end', 'queueStart + arrivals − departures'),
  aiShare: share('AI-assisted share of arrivals', "AI-assisted arrivals ÷ the window's arrivals whose AI evidence is known (open pull requests left out), every week's together; null when none is known or no change in the window's queues carries an AI marker"),
} as const satisfies Record<string, Figure>;

/**
 * Review capacity over the window (`metrics/queues-review-capacity.ts`, GitHub mode): the weekly series' reviews
 * and ready pull requests, every week's together, over the weeks of history covered, as the queues' rates are.
 */
export const REVIEW_CAPACITY = {
  reviewsPerWeek: { kind: 'number', label: 'reviews a week', nullable: true, description: 'reviews submitted in the window by humans other than the author, on counted changes and open pull requests, ÷ the weeks of history covered; null under one whole week' },
  readyPullsPerWeek: { kind: 'number', label: 'pull requests ready a week', nullable: true, description: 'pull requests that became ready for review in the window (T2), merged or still open, ÷ the weeks covered; null under one whole week' },
} as const satisfies Record<string, Figure>;

export const REVIEW_HEALTH = {
  reviews: count('reviews', 'submitted reviews by humans other than the PR author'),
  reviewers: count('reviewers', 'how many people reviewed'),
  topTwoShare: share('share by the two busiest reviewers', 'share of all reviews done by the two busiest reviewers (gatekeeper risk)'),
  unreviewed: count('changes merged unreviewed', 'changes merged with no human review (direct pushes included)'),
  unreviewedShare: share('share merged unreviewed'),
  selfMerged: count('changes without another\'s approval', 'changes landed without an approval by anyone but the author'),
  selfMergedShare: share('share without another\'s approval'),
  reviewsPerChange: { kind: 'number', label: 'reviews per change', nullable: true },
  largeChanges: count('large changes', `changes over ${LARGE_CHANGE_LINES} lines`),
  largeChangesWithoutComments: count('large changes approved without a comment', 'large changes approved with no review comment at all'),
  largeChangeCommentsPer100LinesP50: { kind: 'number', label: 'p50 comments per 100 lines of a large change', nullable: true, description: 'review depth of the large changes: p50 of comments per 100 changed lines' },
} as const satisfies Record<string, Figure>;

export const REWORK_HEALTH = {
  reviewed: count('reviewed pull requests', 'the base: reviewed pull requests'),
  reworked: count('reworked after the first review', 'with commits or force-pushes after the first review'),
  share: share('share reworked'),
  changesRequested: count('changes requested'),
  changesRequestedShare: share('share with changes requested'),
} as const satisfies Record<string, Figure>;

export const CI_HEALTH = {
  changes: count('changes with timed checks', 'changes whose final head commit has timed check runs'),
  p50: duration('p50 check wall time', 'wall time of the checks on the final head commit: max(completedAt) − min(startedAt)'),
  p90: duration('p90 check wall time'),
  checks: count('checks', 'distinct check names per final head commit, summed over changes'),
  flakyChecks: count('flaky checks', '… of them that concluded FAILURE and later SUCCESS on the same commit'),
  flakyRate: share('flaky rate'),
  mergeWaitOnChecksShare: share('share of merge wait on checks', 'approved changes: Σ (approval → last check completion, clamped to the merge stage) ÷ Σ merge stage'),
} as const satisfies Record<string, Figure>;

export const WIP_HEALTH = {
  open: count('open pull requests', 'open non-draft pull requests at the end of the window (bots left out)'),
  drafts: count('open drafts'),
  p50Age: duration('p50 age', 'age of the open non-draft pull requests at the end of the window'),
  p90Age: duration('p90 age'),
  activeAuthors: count('active authors', 'people who merged a change in the window or have an open pull request'),
  perAuthor: { kind: 'number', label: 'open per active author', nullable: true, description: 'open non-draft pull requests per active author' },
} as const satisfies Record<string, Figure>;

/**
 * Repair share (SPEC section 4): the changes that repaired earlier work and the part of the cycle time they took,
 * over the counted changes and over each side of the AI split (`metrics/repair.ts`).
 */
export const REPAIR = {
  changes: count('changes', 'counted changes the figures are over'),
  repairs: count('repairs', 'changes that repaired earlier work: reverts, fixes of a failed deploy, hotfix branches, fix: titles, bug-labelled pull requests'),
  share: share('share of changes', 'repairs ÷ changes; null with no change'),
  cycleTimeShare: share('share of cycle time', 'Σ cycle time of the repairs ÷ Σ cycle time of the changes that have one: the capacity repairs took; null when it is 0 or most of the changes took none'),
} as const satisfies Record<string, Figure>;

/** How many repairs each reason marked; a change with two reasons is counted under both. */
export const REPAIR_REASONS = {
  revert: count('reverts'),
  failedDeployFix: count('fixes of a failed deploy', 'landed after a failed deploy and shipped in the deploy that restored it: the revert that failed it, or all that deploy carried since the failure when it was cut for the fix'),
  hotfixBranch: count('from a hotfix/ branch'),
  fixTitle: count('titled fix: or hotfix:'),
  bugLabel: { kind: 'count', label: 'labelled as a bug', nullable: true, modes: ['github'], description: 'pull requests with a label matching --bug-label; null from git alone (no labels)' },
} as const satisfies Record<string, Figure>;

/**
 * The repairs counted under more than one reason (tokio's revert of a change that had failed a deploy is a revert
 * and a fix of that deploy): what the reasons add up to beyond the repairs, for a page to say so beside them.
 */
export const REPAIR_OVERLAP = {
  several: count('under several reasons', 'repairs two reasons or more marked, counted under each: why the reasons add up to more than the repairs'),
} as const satisfies Record<string, Figure>;

/**
 * Acceptance (SPEC section 5, GitHub mode): how the window's pull requests into the tracked branch were decided —
 * merged, or closed without merging — and the review effort the rejected ones took, over all of them, the
 * AI-assisted ones, the rest and each AI tool (`metrics/acceptance.ts`).
 */
export const ACCEPTANCE = {
  merged: count('merged', 'pull requests merged in the window (the counted changes that came from a pull request: bots left out), and those closed unmerged in it whose change landed on the tracked branch all the same (pushed, or by a commit queue)'),
  rejected: count('rejected (closed unmerged)', 'pull requests closed without merging in the window, ready for review when closed and not an agent\'s failed run'),
  rate: share('acceptance rate', 'merged ÷ (merged + rejected); drafts closed unmerged, agents\' failed runs and open pull requests are in neither; null when both are 0'),
  rateLow: share('acceptance rate, 95% interval from', 'the lower end of the rate\'s 95% Wilson score interval'),
  rateHigh: share('acceptance rate, 95% interval to', 'the upper end of the rate\'s 95% Wilson score interval'),
  closedDrafts: count('drafts closed unmerged', 'closed without merging in the window while still a draft (never put up for review): in no rate'),
  failedRuns: count('agents\' failed runs', 'closed in the window by the AI agent that opened them, titled [WIP]/[Failed] or within an hour of opening: no rejected work, in no rate'),
  timeToCloseP50: duration('p50 time to close a rejected one', 'opened → closed of the rejected pull requests, seconds (type 7)'),
  reviewed: count('rejected ones reviewed', 'rejected pull requests with a review or comment by a person other than the author (no bot) before the close'),
  reviews: count('reviews of rejected ones', 'submitted reviews by people other than the author (no bot) on the rejected pull requests'),
  comments: count('comments on rejected ones', 'conversation comments by people other than the author (no bot) on the rejected pull requests'),
  reviewTime: { kind: 'duration', label: 'time in review of rejected ones', nullable: false, description: 'Σ over the rejected pull requests of their first review or comment by another person → their close, seconds: how long reviewers had them in hand' },
} as const satisfies Record<string, Figure>;

/**
 * One group's defects (`metrics/ai-defects.ts`): the AI-assisted changes' or the rest's, each rate with its 95%
 * Wilson score interval.
 */
export const DEFECT_GROUP = {
  changes: count('changes', 'counted changes of the group merged in the window'),
  reverted: count('reverted', 'of them, those a revert landed on the tracked branch for by now'),
  revertRate: share('revert rate', 'reverted ÷ changes; null with no change'),
  revertRateLow: share('revert rate, 95% interval from'),
  revertRateHigh: share('revert rate, 95% interval to'),
  fixedUp: count('fixed up', 'of them, those shipped in a failed deploy that a later change repaired (a fix of a failed deploy, as the repairs count it), reverts apart'),
  fixUpRate: share('fix-up rate', 'fixed up ÷ changes; null with no change'),
  fixUpRateLow: share('fix-up rate, 95% interval from'),
  fixUpRateHigh: share('fix-up rate, 95% interval to'),
  deploys: count('deploys', 'the window\'s deploys that shipped first at least one of the group\'s changes (the rest\'s: none AI-assisted)'),
  failed: count('failed deploys', 'of those deploys, the failed ones'),
  failureRate: share('deploy failure rate', 'failed ÷ deploys; null with no deploy'),
  failureRateLow: share('deploy failure rate, 95% interval from'),
  failureRateHigh: share('deploy failure rate, 95% interval to'),
} as const satisfies Record<string, Figure>;

/** One group's review load and work in progress (`metrics/ai-load.ts`, GitHub mode). */
export const AI_LOAD_GROUP = {
  reviewed: count('changes reviewed', 'merged changes of the group a person reviewed, whose size and review stage are known and over 0'),
  largeReviewed: count('large changes reviewed', 'of them, those over 400 changed lines'),
  linesPerReviewHourP50: { kind: 'number', label: 'lines per review hour p50', nullable: true, description: 'p50 over the reviewed changes of changed lines ÷ hours of their review stage (first review → approval): how much a reviewer is asked to read per hour' },
  open: count('open pull requests', 'the group\'s open non-draft pull requests at the end of the window (bots left out)'),
  drafts: count('open drafts'),
  openP50Age: duration('open p50 age', 'age of the group\'s open non-draft pull requests at the end of the window'),
} as const satisfies Record<string, Figure>;

/**
 * Large AI-assisted pull requests per reviewer-day (`metrics/ai-reviewer-days.ts`): over each person's days with a
 * review in the window, how many large AI-assisted pull requests they reviewed that day. The worst day's date and
 * reviewer are beside it in the schema, being no numbers.
 */
export const LARGE_AI_REVIEWER_DAYS = {
  reviewerDays: count('reviewer-days with a review', 'days a person reviewed a counted change, per person'),
  p90: { kind: 'number', label: 'p90', nullable: true },
  worst: count('on the worst day'),
} as const satisfies Record<string, Figure>;

/** AI-assisted lines per review hour p50 − other's, with its 95% bootstrap interval. */
export const LOAD_DIFFERENCE = {
  value: { kind: 'number', label: '(AI-assisted − other)', nullable: true, description: 'AI-assisted p50 lines per review hour − other\'s; null when a group has none' },
  low: { kind: 'number', label: '95% interval from', nullable: true },
  high: { kind: 'number', label: '95% interval to', nullable: true },
} as const satisfies Record<string, Figure>;

/** A group's rate − the other group's, with its 95% interval (Newcombe's hybrid score). */
export const SHARE_DIFFERENCE = {
  value: { kind: 'ratio', label: '(AI-assisted − other)', nullable: true, description: 'the AI-assisted group\'s rate − the other\'s; null when a group has none to count' },
  low: { kind: 'ratio', label: '95% interval from', nullable: true },
  high: { kind: 'ratio', label: '95% interval to', nullable: true },
} as const satisfies Record<string, Figure>;

/** The share of the window's failed deploys that shipped an AI-assisted change, beside the share of all its deploys that did. */
export const AI_DEFECT_SHARES = {
  failedDeploys: count('failed deploys', 'the window\'s failed deploys that shipped first a counted change merged in the window'),
  failedWithAi: count('failed deploys with an AI-assisted change', 'of them, those that shipped at least one AI-assisted change'),
  failedAiShare: share('share of failed deploys with an AI-assisted change', 'failed with an AI-assisted change ÷ failed deploys; null with none failed'),
  failedAiShareLow: share('share of failed deploys with an AI-assisted change, 95% interval from'),
  failedAiShareHigh: share('share of failed deploys with an AI-assisted change, 95% interval to'),
  deploysAiShare: share('share of the deploys that shipped a counted change with an AI-assisted one', 'the same share over every deploy that shipped a counted change of the window, failed or not: what the failed deploys\' share would be were AI-assisted changes no more likely to fail'),
} as const satisfies Record<string, Figure>;

/** AI-assisted acceptance rate − other's, with its 95% interval (Newcombe's hybrid score). */
export const RATE_DIFFERENCE = {
  value: { kind: 'ratio', label: '(AI-assisted − other)', nullable: true, description: 'AI-assisted acceptance rate − other pull requests\'; null when a group decided none' },
  low: { kind: 'ratio', label: '95% interval from', nullable: true },
  high: { kind: 'ratio', label: '95% interval to', nullable: true },
} as const satisfies Record<string, Figure>;

/** The summary's own counts, beside its groups. */
export const COUNTS = {
  changes: count('changes counted', 'changes counted in the stage figures'),
  bots: count('bot changes'),
  syncs: count('sync merges'),
  syncedPulls: count('pull requests the syncs brought in', 'pull requests merged first on another line and brought into the tracked branch by the window\'s syncs: their work is in no figure'),
  carryingSyncs: count('syncs that brought in pull requests', 'the window\'s syncs that brought in one pull request or more (syncedPulls is theirs): the others only merged the lines into each other'),
  releases: count('release commits', 'direct pushes that set the version a tag on them names, or publish with tags naming the versions (release mechanics, whoever pushed them)'),
  shareBasis: count('changes the shares are over', 'changes with a positive total the shares are over'),
  shareBasisZero: count('changes with a total of 0', 'changes of the share basis\'s kind (deployed, else merged) whose total time is 0: they have no shares and are left out of them'),
  clockSkew: count('changes with clock skew', 'changes with a negative interval (clock skew) clamped to 0'),
  reverted: count('changes reverted'),
  partiallyReverted: count('changes partially reverted', 'changes a sub-commit of a later, larger change reverted in part (flagged partially-reverted): no failure'),
  aiAssisted: count('changes with an AI marker', 'changes with AI evidence of agent or assisted strength (a lower bound)'),
  aiOther: count('other changes'),
  aiAgent: count('changes an agent authored or opened', 'of the AI-assisted changes, those whose strongest evidence is an agent\'s: it authored the commits or opened the pull request'),
  aiWeak: count('weak signs only (a branch name; not counted)', 'changes whose only AI evidence is weak (a branch such as codex/…): not counted as AI-assisted, said apart'),
} as const satisfies Record<string, Figure>;

/**
 * One AI tool's row of `summary.ai.tools` (SPEC section 5): a list, so not in the catalogue's walk, as the
 * products' rows are not; the schema's rows are built from these entries (`metrics/ai-tools.ts`).
 */
export const AI_TOOL = {
  changes: count('AI-assisted changes naming the tool', 'AI-assisted changes whose evidence names the tool; a change of two tools counts in both rows'),
  weak: count('changes with only a weak sign of the tool', 'changes whose only AI evidence is weak (a branch name) and names the tool'),
} as const satisfies Record<string, Figure>;

/**
 * One product's row of `summary.products` (a monorepo's products, SPEC section 3): its deploys and their rate,
 * failure rate, lead time and unreleased changes, each computed as the whole report's over the product's own
 * changes and deploys. A list, so not in the catalogue's walk: the schema's rows are built from these entries.
 */
export const PRODUCT = {
  changes: count('changes', 'counted changes of the window in the product: touching its code, or touching no product\'s and shipped by its deploy'),
  deploys: count('deploys', 'the product\'s deploys in the window (its tags or releases)'),
  failedDeploys: count('failed deploys'),
  deploysPerWeek: { kind: 'number', label: 'deploys per week', nullable: true, description: 'deploys per week over the covered part of the window; null under one whole week (then: deploys in coveredDays)' },
  coveredDays: { kind: 'number', label: 'days of history covered', nullable: false, description: 'days of the window the history covers, up to now' },
  leadTimeP50: duration('lead time p50', 'first commit → deploy, median over its changes with the waiting ones right-censored; null when not reached'),
  leadTimeAtLeast: duration('lead time p50 at least', 'when leadTimeP50 is null with changes still waiting: a true lower bound of it'),
  changeFailureRate: share('change failure rate', 'its failed deploys ÷ its deploys; null without a deploy'),
  unreleased: count('unreleased', 'its changes merged in the window and not deployed at now'),
} as const satisfies Record<string, Figure>;

/** deployment frequency's second figure, beside its value */
export const DEPLOY_DAYS = { kind: 'number', label: 'days with a deploy per week', nullable: true, description: 'days with a deploy per week, never over 7; null under one whole week of covered history' } as const satisfies Figure;

/** what the rates per week are over: present in reports that know them */
export const DEPLOY_COVERAGE = {
  deployDays: count('days with a deploy', 'days (UTC) with at least one deploy'),
  coveredDays: { kind: 'number', label: 'days of history covered', nullable: false, description: 'days of the window the history covers, up to now: the rates per week need at least 7' },
} as const satisfies Record<string, Figure>;

/** a repository of several products: the releases its products' deploys make, which place its deployment frequency */
export const DEPLOY_RELEASES = {
  releases: { kind: 'count', label: 'releases', nullable: true, description: 'a repository of several products: its deploys as releases, the products\' deploys at one commit counted once; null for one product, whose deploys are its releases' },
  releasesPerWeek: { kind: 'number', label: 'releases per week', nullable: true, description: 'a repository of several products: releases per week, by which its DORA cluster is placed; null for one product, and under one whole week of covered history' },
} as const satisfies Record<string, Figure>;

const STAGE_MODES: Readonly<Record<StageName, readonly Mode[]>> = { coding: MODES, pickup: ['github'], review: MODES, merge: ['github'], deploy: MODES };

/**
 * The stages, each a group of the figures it has; git alone cannot see pickup and merge wait. `compared`: how each
 * stage's figures are compared, given the stage.
 */
function perStage(label: (stage: StageName) => string, computedBy: string, members: Readonly<Record<string, Figure | FigureGroup>>, compared?: (stage: StageName) => ComparedAs): FigureGroup {
  return {
    label: '',
    computedBy,
    members: Object.fromEntries(
      STAGES.map((stage) => [
        stage,
        {
          label: label(stage),
          modes: STAGE_MODES[stage],
          ...(compared !== undefined && { compared: compared(stage) }),
          members: Object.fromEntries(Object.entries(members).filter(([, f]) => f.stages === undefined || f.stages.includes(stage))),
        },
      ]),
    ),
  };
}

/** Every figure of `report.summary`, in the summary's order. */
export const CATALOGUE: FigureGroup = {
  label: '',
  computedBy: 'report/build.ts buildReport',
  members: {
    changes: COUNTS.changes,
    excluded: { label: 'left out:', computedBy: 'report/build.ts buildReport', members: { bots: COUNTS.bots, syncs: COUNTS.syncs, releases: COUNTS.releases, syncedPulls: COUNTS.syncedPulls, carryingSyncs: COUNTS.carryingSyncs } },
    stages: perStage((stage) => `${stage} stage`, 'metrics/stage-summary.ts summarizeStages', { ...STAGE, bounds: boundsGroup(['deploy']) }, (stage) => percentilesOfChanges('stage', stage)),
    shareBasis: { label: 'share basis:', computedBy: 'metrics/stage-summary.ts summarizeStages', members: { changes: COUNTS.shareBasis, zeroTotal: COUNTS.shareBasisZero } },
    cycleTime: { label: 'cycle time', computedBy: 'metrics/stage-summary.ts summarizeStages', compared: percentilesOfChanges('stage'), members: DISTRIBUTION },
    leadTime: { label: 'lead time', computedBy: 'metrics/stage-summary.ts summarizeStages', members: { ...CENSORED, bounds: boundsGroup() } },
    leadTimeDeployed: { label: 'lead time of deployed changes', computedBy: 'metrics/stage-summary.ts summarizeStages', members: DISTRIBUTION },
    unreleased: { label: 'unreleased:', computedBy: 'metrics/unreleased.ts unreleasedChanges', members: UNRELEASED },
    flow: {
      label: '',
      members: {
        anomalies: { label: '', computedBy: 'report/build.ts buildReport', members: { clockSkew: COUNTS.clockSkew } },
        size: { label: 'size:', computedBy: 'metrics/size.ts sizeSummary', members: SIZE },
        reverted: COUNTS.reverted,
        partiallyReverted: COUNTS.partiallyReverted,
      },
    },
    ai: {
      label: 'AI-assisted:',
      computedBy: 'report/build.ts buildReport',
      members: {
        assisted: COUNTS.aiAssisted,
        other: COUNTS.aiOther,
        agent: COUNTS.aiAgent,
        weak: COUNTS.aiWeak,
      },
    },
    dora: {
      label: 'DORA',
      computedBy: 'metrics/dora.ts computeDora',
      members: {
        deploymentFrequency: {
          label: 'deployment frequency',
          perRepository: true,
          // a repository of several products is placed by its releases: compared by them too (placingTimes)
          compared: { figures: ['value'], group: 'dora', lowerIsBetter: false, basis: { over: 'days' }, unit: 'deploys/week', placedBy: { value: 'releasesPerWeek', count: 'releases' } },
          bands: {
            better: 'higher', kind: 'range', ...DORA_2024,
            published: [
              { words: 'on demand (multiple deploys per day)', from: 7, to: null },
              { words: 'between once per day and once per week', from: 1, to: 7 },
              { words: 'between once per week and once per month', from: 12 / 52, to: 1 },
              { words: 'between once per month and once every six months', from: 2 / 52, to: 12 / 52 },
            ],
          },
          members: { ...doraKey('number', '(deploys per week)', { of: 'deploys', statistic: 'perWeek' }), deployDaysPerWeek: DEPLOY_DAYS, ...DEPLOY_COVERAGE, ...DEPLOY_RELEASES },
        },
        leadTime: {
          label: 'lead time for changes',
          compared: { figures: ['value'], group: 'dora', lowerIsBetter: true, basis: { over: 'changes', value: 'leadTime', waiting: 'lead' } },
          bands: {
            better: 'lower', kind: 'range', ...DORA_2024,
            published: [
              { words: 'less than one day', from: null, to: DAY, below: true },
              { words: 'between one day and one week', from: DAY, to: WEEK },
              { words: 'between one week and one month', from: WEEK, to: MONTH },
              { words: 'between one month and six months', from: MONTH, to: 26 * WEEK },
            ],
          },
          members: doraKey('duration', '(median)', { of: 'changes', statistic: 'median', value: 'leadTime' }),
        },
        changeFailureRate: {
          label: 'change failure rate',
          perRepository: true,
          compared: { figures: ['value'], group: 'dora', lowerIsBetter: true, basis: { over: 'deploys', value: 'failed' } },
          // one value per cluster, not in cluster order: high's 20% is above medium's 10%
          bands: {
            better: 'lower', kind: 'values', ...DORA_2024,
            published: [{ words: '5%', from: 0.05, to: 0.05 }, { words: '20%', from: 0.2, to: 0.2 }, { words: '10%', from: 0.1, to: 0.1 }, { words: '40%', from: 0.4, to: 0.4 }],
          },
          members: doraKey('ratio', '(failed deploys ÷ deploys)', { of: 'deploys', statistic: 'mean', value: 'failed' }),
        },
        // the JSON key keeps its first name (schemaVersion 1 renames nothing); DORA has called it this since 2023
        timeToRestore: {
          label: 'failed deployment recovery time',
          perRepository: true,
          // "failed deployment recovery time" wraps in compare's 80-column table: its last words there
          compared: { figures: ['value'], group: 'dora', lowerIsBetter: true, basis: { over: 'deploys', value: 'restoredAfter', where: 'failed' }, short: 'recovery time' },
          // high and medium both "less than one day", low "between one week and one month": nothing holds a day to a week
          bands: {
            better: 'lower', kind: 'range', ...DORA_2024,
            published: [
              { words: 'less than one hour', from: null, to: HOUR, below: true },
              { words: 'less than one day', from: null, to: DAY, below: true },
              { words: 'less than one day', from: null, to: DAY, below: true },
              { words: 'between one week and one month', from: WEEK, to: MONTH },
            ],
          },
          members: doraKey('duration', '(median)', { of: 'failedDeploys', statistic: 'median', value: 'restoredAfter' }),
        },
        reworkRate: {
          label: 'deployment rework rate',
          compared: { figures: ['value'], group: 'dora', lowerIsBetter: true, basis: { over: 'deploys', value: 'rework' }, short: 'rework rate' },
          bands: null,
          members: doraKey('ratio', '(rework deploys ÷ deploys)'),
        },
      },
    },
    repair: {
      label: 'repair:',
      computedBy: 'metrics/repair.ts computeRepair',
      members: {
        ...REPAIR,
        reasons: { label: 'by reason:', members: { ...REPAIR_REASONS, ...REPAIR_OVERLAP } },
        ai: { label: 'AI-assisted', members: REPAIR },
        other: { label: 'other', members: REPAIR },
      },
    },
    acceptance: {
      label: 'acceptance:',
      computedBy: 'metrics/acceptance.ts computeAcceptance',
      modes: ['github'],
      // resampled over the pull requests decided in the window, which a report lists (not the previous window's)
      compared: acceptanceCompared(),
      members: {
        ...ACCEPTANCE,
        ai: { label: 'AI-assisted', compared: acceptanceCompared('ai'), members: ACCEPTANCE },
        other: { label: 'other', compared: acceptanceCompared('other'), members: ACCEPTANCE },
        aiMinusOther: { label: 'acceptance rate difference', members: RATE_DIFFERENCE },
      },
    },
    aiDefects: {
      label: 'AI defects:',
      computedBy: 'metrics/ai-defects.ts computeAiDefects',
      members: {
        ...AI_DEFECT_SHARES,
        ai: { label: 'AI-assisted', members: DEFECT_GROUP },
        other: { label: 'other', members: DEFECT_GROUP },
        revertDifference: { label: 'revert rate difference', members: SHARE_DIFFERENCE },
        fixUpDifference: { label: 'fix-up rate difference', members: SHARE_DIFFERENCE },
        failureDifference: { label: 'deploy failure rate difference', members: SHARE_DIFFERENCE },
      },
    },
    aiLoad: {
      label: 'AI review load:',
      computedBy: 'metrics/ai-load.ts computeAiLoad',
      modes: ['github'],
      members: {
        ai: { label: 'AI-assisted', members: AI_LOAD_GROUP },
        other: { label: 'other', members: AI_LOAD_GROUP },
        linesPerReviewHourDifference: { label: 'lines per review hour difference', members: LOAD_DIFFERENCE },
        largeAiPerReviewerDay: { label: 'large AI-assisted pull requests per reviewer-day:', computedBy: 'metrics/ai-reviewer-days.ts largeAiPerReviewerDay', members: LARGE_AI_REVIEWER_DAYS },
      },
    },
    review: { label: 'review:', computedBy: 'metrics/flow-health.ts computeFlowHealth', modes: ['github'], members: REVIEW_HEALTH },
    rework: { label: 'rework:', computedBy: 'metrics/flow-health.ts computeFlowHealth', modes: ['github'], members: REWORK_HEALTH },
    ci: { label: 'CI:', computedBy: 'metrics/flow-health.ts computeFlowHealth', modes: ['github'], members: CI_HEALTH },
    wip: { label: 'work in progress:', computedBy: 'metrics/flow-health.ts computeFlowHealth', modes: ['github'], members: WIP_HEALTH },
    queueTrend: perStage((stage) => `${stage} queue:`, 'metrics/queues.ts computeQueues', QUEUE_TREND),
    capacity: { label: 'review capacity:', computedBy: 'metrics/queues-review-capacity.ts reviewCapacityRates', modes: ['github'], members: REVIEW_CAPACITY },
  },
};

/**
 * The parts of the summary that hold numbers and are no figure of the catalogue: every list and series (an
 * array: weeks, buckets, the slowest changes, reviewers) is not one, and these are not either.
 */
export const NOT_FIGURES: Readonly<Record<string, string>> = {
  aiComparison: 'two groups of changes compared stage by stage, each difference with its interval: read as a whole in its own section',
  previous: 'the window against the one before it, figure by figure, each change with its interval: read as a whole in its own section',
  aiShift: 'the window before the AI-assisted share rose against after, stage by stage, each change with its interval: read as a whole in its own section',
};

/**
 * What a plain number of the summary counts, so it is never written bare (`dora.deploymentFrequency = 1.45 a
 * week`, not `= 1.45`): a rate per week, lines, days, or changes, reviews and pull requests per something. Keyed
 * by the figure's path as `check --list` gives it (`<stage>` for each stage); every `number` figure has one
 * (test/metrics/catalogue.test.ts).
 */
export type NumberUnit = 'perWeek' | 'lines' | 'days' | 'changes' | 'reviewsPerChange' | 'commentsPer100Lines' | 'pullsPerAuthor' | 'pullsPerReviewerDay';

/** each unit in words, after the number: `1.45 a week`, `12 lines` */
export const UNIT_WORDS: Readonly<Record<NumberUnit, string>> = {
  perWeek: 'a week',
  lines: 'lines',
  days: 'days',
  changes: 'changes',
  reviewsPerChange: 'reviews per change',
  commentsPer100Lines: 'comments per 100 lines',
  pullsPerAuthor: 'open pull requests per author',
  pullsPerReviewerDay: 'pull requests a reviewer-day',
};

export const NUMBER_UNITS: Readonly<Record<string, NumberUnit>> = {
  'flow.size.p50': 'lines',
  'flow.size.p90': 'lines',
  'dora.deploymentFrequency': 'perWeek',
  'dora.deploymentFrequency.deployDaysPerWeek': 'perWeek',
  'dora.deploymentFrequency.coveredDays': 'days',
  'review.reviewsPerChange': 'reviewsPerChange',
  'review.largeChangeCommentsPer100LinesP50': 'commentsPer100Lines',
  'wip.perAuthor': 'pullsPerAuthor',
  'aiLoad.largeAiPerReviewerDay.p90': 'pullsPerReviewerDay',
  'queueTrend.<stage>.arrivalsPerWeek': 'perWeek',
  'queueTrend.<stage>.departuresPerWeek': 'perWeek',
  'queueTrend.<stage>.growthPerWeek': 'perWeek',
  'queueTrend.<stage>.meanQueue': 'changes',
  'queueTrend.<stage>.littleQueue': 'changes',
  'capacity.reviewsPerWeek': 'perWeek',
  'capacity.readyPullsPerWeek': 'perWeek',
};

/** A number figure's unit, by its path (a stage's name read as `<stage>`); undefined for any other kind. */
export function numberUnit(path: string): NumberUnit | undefined {
  return NUMBER_UNITS[path] ?? NUMBER_UNITS[path.replace(/^(stages|queueTrend)\.[a-z]+\./, '$1.<stage>.')];
}

/** A figure at its place: what `check --list`, the gates and the docs read. */
export interface CatalogueEntry {
  /** dot path into `report.summary`; a DORA key's is the key's own (`dora.leadTime`), its value implied */
  readonly path: string;
  /** the keys into `report.summary` (a DORA key's end in `value`) */
  readonly segments: readonly string[];
  readonly figure: Figure;
  readonly label: string;
  readonly computedBy: string;
  readonly modes: readonly Mode[];
  readonly bands: BandTable | null;
  /** a DORA key's value measured by each repository on its own (`FigureGroup.perRepository`) */
  readonly perRepository: boolean;
}

/** The catalogue as a list, one entry per figure, in the summary's order. */
export function catalogueEntries(group: FigureGroup = CATALOGUE): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  const walk = (node: FigureGroup, segments: string[], labels: string[], computedBy: string, modes: readonly Mode[]): void => {
    const by = node.computedBy ?? computedBy;
    const can = node.modes ?? modes;
    const words = node.label === '' ? labels : [...labels, node.label];
    for (const [key, member] of Object.entries(node.members)) {
      if (!isFigure(member)) {
        walk(member, [...segments, key], words, by, can);
        continue;
      }
      const stands = key === 'value';
      entries.push({
        path: (stands ? segments : [...segments, key]).join('.'),
        segments: [...segments, key],
        figure: member,
        label: [...words, member.label].join(' '),
        computedBy: by,
        modes: member.modes ?? can,
        bands: stands ? (node.bands ?? null) : null,
        perRepository: stands && node.perRepository === true,
      });
    }
  };
  walk(group, [], [], '', MODES);
  return entries;
}

/**
 * The label of a figure or group of the catalogue at a dot path into the summary (`dora.changeFailureRate`,
 * `leadTime`): the words the renderers name it by, so a label changed here changes every report. Lower case;
 * a renderer capitalises where its layout starts a sentence or a row.
 */
export function figureLabel(path: string): string {
  let node: Figure | FigureGroup = CATALOGUE;
  for (const key of path.split('.')) {
    const next: Figure | FigureGroup | undefined = isFigure(node) ? undefined : node.members[key];
    if (next === undefined) throw new Error(`no figure ${path} in the catalogue`);
    node = next;
  }
  return node.label;
}
