import { advise } from '../advice/index.js';
import type { AdviceInput } from '../advice/types.js';
import type { Dora } from '../metrics/schema.js';
import { RELEASE_COMMIT, STAGES, type Change, type ClosedPull, type Deploy, type DeploySignalKind, type MeasuredChange, type MeasuredDeploy, type OpenPull, type StageName, type Window } from '../domain.js';
import { workingSeconds, type BusinessHours } from '../metrics/business-hours.js';
import { carriesPulls, countOf, syncedPulls } from '../metrics/count.js';
import { computeAcceptance } from '../metrics/acceptance.js';
import { computeAiDefects } from '../metrics/ai-defects.js';
import { computeAiLoad } from '../metrics/ai-load.js';
import { computeAiShift } from '../metrics/ai-shift.js';
import { aiToolCounts } from '../metrics/ai-tools.js';
import { computeDora } from '../metrics/dora.js';
import { doraAcross } from '../metrics/dora-across.js';
import { computeFlowHealth } from '../metrics/flow-health.js';
import { headline } from '../metrics/headline.js';
import { leadTimeHistogram } from '../metrics/histogram.js';
import { computeQueues } from '../metrics/queues.js';
import { computeRepair } from '../metrics/repair.js';
import { inWindowQueues } from '../metrics/queues-spans.js';
import { reviewCapacity, reviewCapacityRates } from '../metrics/queues-review-capacity.js';
import { sizeSummary } from '../metrics/size.js';
import { slowestChanges } from '../metrics/slowest.js';
import { summarizeStages, type Waiting } from '../metrics/stage-summary.js';
import { previousPeriod, type PreviousFork } from '../metrics/previous.js';
import { keyTrends, weeklyTrend } from '../metrics/trend.js';
import { unreleasedChanges } from '../metrics/unreleased.js';
import { VERSION } from '../version.js';
import { reportClosedPulls } from './closed-pulls.js';
import { toReportChange, toReportDeploy, toReportOpenPull, windowOf, iso } from './convert.js';
import type { Policy, Report, ReportSummary, RepositoryRow, RepositorySummary } from './schema.js';
import { sharedSpan, withinOf, type RepositoryWindows } from './windows.js';

/** the slowest changes the report lists */
const SLOWEST = 10;

/** One repository of a report over several: its name (which changes and deploys carry) and how it was read. */
export interface RepositoryContext {
  name: string;
  path: string;
  remote: string | null;
  branch: string;
  window: Window;
  deploySignal: DeploySignalKind;
  sources: Report['sources'];
  /** where its changes were reviewed (see `reviewHost` in the report); absent: unknown */
  reviewHost?: Report['reviewHost'];
  /** when its own report was made (epoch s), what its changes were seen until: its row's `now`; absent, the whole's */
  seenUntil?: number;
  /**
   * its row, when made beforehand (`buildRepositoryRow`) with the report's now, policy, business hours and zone
   * from its own changes, deploys and open pull requests, which are then all it has in the model: made here else
   */
  row?: RepositoryRow;
}

/** Everything a report is made of besides its figures: where the data came from and what it could not show. */
export interface ReportContext {
  generatedAt: string;
  repository: Report['repository'];
  sources: Report['sources'];
  /** where the changes were reviewed; absent: unknown */
  reviewHost?: Report['reviewHost'];
  deploySignal: Report['deploySignal'];
  businessHours: BusinessHours | null;
  /** IANA zone weeks start in (queues) and times are shown in; default UTC */
  timezone?: string;
  notes: string[];
  warnings: string[];
  /** incidents opened in the window that failed no deploy */
  unlinkedIncidents?: Report['unlinkedIncidents'];
  /** several repositories: one row each; their changes and deploys carry `repository` */
  repositories?: RepositoryContext[];
  failedRepositories?: Array<{ name: string; error: string }>;
  /**
   * a report read from one repository: the window of the same length before this one (the summary's `previous`),
   * its counted changes and deploys as the model stood at that window's end (SPEC section 6), and whether the
   * history reaches back over it; absent where the model holds only the window (an aggregate)
   */
  previous?: { covered: boolean; changes: readonly MeasuredChange[]; deploys: readonly MeasuredDeploy[]; forked?: PreviousFork };
}

/**
 * The model a report is built from: what `audit` reads from a repository (its domain changes and deploys,
 * which the report lists) or what `aggregate` keeps of many reports (`listed: false`: only what the figures
 * read, and the lists are left empty for the caller to stream from the reports themselves).
 */
export type ReportModel = DomainModel | MeasuredModel;

interface DomainModel {
  /** every change the sources saw, whenever it merged: the window's are reported, the rest date deploys */
  changes: readonly Change[];
  /** every deploy: the window's are reported */
  deploys: readonly Deploy[];
  /** pull requests open at the end of the window (GitHub mode) */
  openPulls: readonly OpenPull[];
  /** pull requests closed without merging (GitHub mode), when every one of the window was read: acceptance */
  closedPulls?: readonly ClosedPull[] | null;
  listed?: true;
}

interface MeasuredModel {
  /** as a domain model's: the window's changes, and those outside it its queues count */
  changes: readonly MeasuredChange[];
  deploys: readonly MeasuredDeploy[];
  openPulls: readonly OpenPull[];
  /** as a domain model's: the reports' pull requests closed without merging, when every GitHub one listed them */
  closedPulls?: readonly ClosedPull[] | null;
  /**
   * over several repositories, each one's windows: a change or deploy is the whole's when it is of its own
   * repository's (`windows.ts`); absent, of the window the report is built over
   */
  windows?: RepositoryWindows;
  listed: false;
}

/**
 * Whether the figures count a change: never a sync or a release commit (whoever pushed it: it is no one's work), a
 * bot's only when the policy puts bots back.
 */
export function isCounted(change: Pick<MeasuredChange, 'kind' | 'bot' | 'flags'>, policy: Pick<Policy, 'includeBots'>): boolean {
  return change.kind !== 'sync' && !isReleaseCommit(change) && (policy.includeBots || !change.bot);
}

/** Whether a change is a release commit (a sync never is one): listed, never counted. */
function isReleaseCommit(change: Pick<MeasuredChange, 'kind' | 'flags'>): boolean {
  return change.kind !== 'sync' && change.flags.includes(RELEASE_COMMIT);
}

/**
 * Builds the whole report — summary, DORA keys, flow health, trend, recommendations, and a row per repository
 * when there are several — from the model, the window and the policy. The one place figures are computed:
 * `audit` and `aggregate` both call it, and renderers only read what it returns. Pure: `now` is given.
 */
export function buildReport(model: ReportModel, window: Window, now: number, policy: Policy, context: ReportContext): Report {
  const windows = model.listed === false ? model.windows : undefined;
  const of = withinOf(window, windows);
  const within = (c: MeasuredChange): boolean => of(c.repository, c.mergedAt);
  // most often all of an aggregate's changes are in its window: no copy of them then
  const inWindow = model.changes.every(within) ? model.changes : model.changes.filter(within);
  const counts = (c: MeasuredChange): boolean => isCounted(c, policy);
  const windowDeploys = model.deploys.filter((d) => of(d.repository, d.at));
  const github = context.sources.includes('github');
  const queued = queueInput(model.changes, model.openPulls, counts, policy, now, context.timezone);
  const counted = inWindow.filter(counts);
  const hours = context.businessHours;
  // over repositories read with and without GitHub, the review figures are over the former's changes alone
  const viaGitHub = new Set(context.repositories?.filter((r) => r.sources.includes('github')).map((r) => r.name));
  const mixed = github && context.repositories !== undefined && viaGitHub.size < context.repositories.length;
  const summary = summarize({
    inWindow,
    counted,
    queued,
    deploys: windowDeploys,
    openPulls: model.openPulls,
    window,
    series: sharedSpan(window, windows),
    now,
    signal: context.deploySignal.kind,
    github,
    hours,
    closedPulls: model.closedPulls ?? null,
    includeBots: policy.includeBots,
    ...(mixed && { fromGitHub: (c: MeasuredChange) => c.repository !== undefined && viaGitHub.has(c.repository) }),
    ...(context.previous !== undefined && { previous: { ...context.previous, changes: context.previous.changes.filter(counts) } }),
  });
  // several repositories: each one's row, and the keys each measures on its own deploys as their distribution
  const rows = context.repositories ? repositoryRows(context.repositories, model, windowDeploys, queued, policy, hours) : undefined;
  // (one repository over several windows is one repository: its deploys are its own)
  const across = rows !== undefined && new Set(rows.map((r) => r.name)).size > 1 ? { pooled: summary.dora, each: rows.map((r) => r.summary.dora) } : null;
  if (across !== null) summary.dora = doraAcross(across.pooled, across.each);
  const reviewHost = context.reviewHost ?? null;
  const advice = {
    sources: context.sources, reviewHost, deploySignal: context.deploySignal, summary, changes: counted, window: windowOf(window), now: iso(now) as string, businessHours: hours,
    ...(across !== null && { pooledFailures: pooledFailures(across.pooled) }),
  };
  const listed = model.listed !== false ? lists(model, window, now, context.deploySignal.kind === 'merge' ? null : waitingAt(now, hours), counts) : null;
  const report: Report = {
    schemaVersion: 1,
    generatedAt: context.generatedAt,
    tool: { name: 'flowaudit', version: VERSION },
    repository: context.repository,
    window: windowOf(window),
    now: iso(now) as string,
    sources: context.sources,
    reviewHost,
    deploySignal: context.deploySignal,
    businessHours: context.businessHours,
    timezone: context.timezone ?? 'UTC',
    policy,
    changes: listed?.changes ?? [],
    queueOnlyChanges: listed?.queueOnlyChanges ?? [],
    deploys: listed?.deploys ?? [],
    openPulls: listed?.openPulls ?? [],
    ...(listed?.closedPulls !== undefined && { closedPulls: listed.closedPulls }),
    ...(context.unlinkedIncidents !== undefined && context.unlinkedIncidents.length > 0 && { unlinkedIncidents: context.unlinkedIncidents }),
    ...(listed === null && { withChanges: false }),
    summary,
    recommendations: advise(advice, policy.thresholds),
    notes: context.notes,
    warnings: context.warnings,
  };
  if (context.repositories && rows !== undefined) {
    noteMergeSignals(report.summary, context.repositories);
    report.repositories = rows;
    report.failedRepositories = context.failedRepositories ?? [];
  }
  return report;
}

/** The failures of several repositories' deploys together, for the advice (`AdviceInput.pooledFailures`), from the keys pooled before dora-across. */
function pooledFailures(pooled: Dora): NonNullable<AdviceInput['pooledFailures']> {
  const cfr = pooled.changeFailureRate;
  // the pooled rate is failed ÷ deploys: rounding gives the count back
  return { failed: Math.round((cfr.value ?? 0) * cfr.count), deploys: cfr.count, restoreP50: pooled.timeToRestore.value };
}

/** Each repository's row, made beforehand or here from its own data. */
function repositoryRows(repositories: readonly RepositoryContext[], model: ReportModel, windowDeploys: readonly MeasuredDeploy[], queued: QueuedWork, policy: Policy, hours: BusinessHours | null): RepositoryRow[] {
  const byRepository = repositories.every((r) => r.row !== undefined) ? null : groupByRepository(model.changes, windowDeploys, model.openPulls, model.closedPulls ?? null);
  return repositories.map((r) => r.row ?? repositoryRow(r, byRepository?.get(r.name) ?? EMPTY_GROUP, queued, policy, hours));
}

/**
 * The lists of a report read from a repository: its window's changes, deploys, open and closed pull requests.
 * `waiting` dates the changes not yet deployed (null: every merge is a deploy).
 */
function lists(model: DomainModel, window: Window, now: number, waiting: Waiting | null, counts: (c: Change) => boolean): Pick<Report, 'changes' | 'queueOnlyChanges' | 'deploys' | 'openPulls' | 'closedPulls'> {
  const within = (c: Change): boolean => c.mergedAt >= window.since && c.mergedAt < window.until;
  const deploys = model.deploys.filter((d) => d.at >= window.since && d.at < window.until);
  // what a deploy shipped is counted as every other figure counts changes: a bot's only with --include-bots, never
  // a sync or a release commit
  const leftOut = deploys.length === 0 ? null : new Set(model.changes.filter((c) => !counts(c)).map((c) => c.sha));
  // a sync's commits shipped on their own line, and a release commit is the release: neither waits for a deploy
  // (aider's 19 syncs and a `set version` commit had topped the list of changes waiting)
  const waits = (c: Change): Waiting | null => (c.kind === 'sync' || isReleaseCommit(c) ? null : waiting);
  return {
    changes: model.changes.filter(within).map((c) => toReportChange(c, counts(c), waits(c))),
    // carried so that a report read back (aggregate) has every change its queues counted
    queueOnlyChanges: model.changes
      .filter((c) => counts(c) && c.mergedAt <= now && !within(c) && inWindowQueues(c, window.since, window.until, now))
      .map((c) => toReportChange(c, true, waiting)),
    deploys: deploys.map((d) => toReportDeploy(d, (sha) => leftOut?.has(sha) !== true)),
    openPulls: model.openPulls.map(toReportOpenPull),
    ...(model.closedPulls !== undefined && model.closedPulls !== null && { closedPulls: reportClosedPulls(model.closedPulls, window) }),
  };
}

/** What the queues are over (SPEC section 9): every counted change merged by now, and the open pull requests. */
interface QueuedWork {
  changes: readonly MeasuredChange[];
  openPulls: readonly OpenPull[];
  now: number;
  timezone: string;
}

function queueInput(changes: readonly MeasuredChange[], openPulls: readonly OpenPull[], counts: (c: MeasuredChange) => boolean, policy: Policy, now: number, timezone: string | undefined): QueuedWork {
  return {
    changes: changes.filter((c) => counts(c) && c.mergedAt <= now),
    openPulls: openPulls.filter((p) => policy.includeBots || !p.bot),
    now,
    timezone: timezone ?? 'UTC',
  };
}

interface RepositoryGroup {
  /** every change of the repository, in its window or not, in the order of their merges */
  changes: readonly MeasuredChange[];
  deploys: readonly MeasuredDeploy[];
  openPulls: readonly OpenPull[];
  /** its pull requests closed without merging, when they were read (acceptance); else null or absent */
  closedPulls?: readonly ClosedPull[] | null;
}

const EMPTY_GROUP: RepositoryGroup = { changes: [], deploys: [], openPulls: [] };

/** One pass over everything: filtering it once per repository was quadratic over an organisation. */
function groupByRepository(
  changes: readonly MeasuredChange[],
  deploys: readonly MeasuredDeploy[],
  openPulls: readonly OpenPull[],
  closedPulls: readonly ClosedPull[] | null,
): Map<string | undefined, RepositoryGroup> {
  type Gathered = { changes: MeasuredChange[]; deploys: MeasuredDeploy[]; openPulls: OpenPull[]; closedPulls: ClosedPull[] | null };
  const groups = new Map<string | undefined, Gathered>();
  const group = (name: string | undefined): Gathered => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { changes: [], deploys: [], openPulls: [], closedPulls: closedPulls === null ? null : [] }));
    return g;
  };
  for (const c of changes) group(c.repository).changes.push(c);
  for (const d of deploys) group(d.repository).deploys.push(d);
  for (const p of openPulls) group(p.repository).openPulls.push(p);
  for (const p of closedPulls ?? []) group(p.repository).closedPulls?.push(p);
  return groups;
}

/** The stages the data can see: git alone has no pickup or merge wait, and the `merge` signal no deploy wait. */
function queueStages(github: boolean, signal: DeploySignalKind): StageName[] {
  return STAGES.filter((s) => (github || (s !== 'pickup' && s !== 'merge')) && (signal !== 'merge' || s !== 'deploy'));
}

interface SummaryInput {
  /** the changes merged in the window */
  inWindow: readonly MeasuredChange[];
  /** … of them in the stage figures */
  counted: readonly MeasuredChange[];
  /** the queues' changes and open pull requests (of the repository, in a row of several) */
  queued: QueuedWork;
  /** the deploys in the window */
  deploys: readonly MeasuredDeploy[];
  openPulls: readonly OpenPull[];
  window: Window;
  /**
   * what is read period by period (trends, queues, repairs and reviews by week) is over this span: the window, or
   * over several repositories the span every one covers (`sharedSpan`), null when none; absent, the window
   */
  series?: Window | null;
  now: number;
  signal: DeploySignalKind;
  github: boolean;
  /** durations count only these working hours */
  hours: BusinessHours | null;
  /** over several repositories, only some read with GitHub: which changes are theirs */
  fromGitHub?: (change: MeasuredChange) => boolean;
  /**
   * one repository: every counted change and deploy of the model as it stood at the end of the window before this
   * one, for that window
   */
  previous?: { changes: readonly MeasuredChange[]; deploys: readonly MeasuredDeploy[]; covered: boolean; forked?: PreviousFork };
  /** the pull requests closed without merging, when all of the window's were read (GitHub mode); else null */
  closedPulls?: readonly ClosedPull[] | null;
  /** bots' pull requests are counted (--include-bots) */
  includeBots?: boolean;
}

/** The changes still waiting have waited until now, counted as every other duration is (working time, or not). */
function waitingAt(now: number, hours: BusinessHours | null): Waiting {
  return { now, measure: hours ? (a, b) => workingSeconds(a, b, hours) : (a, b) => b - a };
}

function summarize(input: SummaryInput): ReportSummary {
  return summarizeWith(input, true) as ReportSummary;
}

/**
 * The summary; with `detail` false, without its week-by-week series (trend, queues, review capacity) and the
 * slowest changes: a repository's row in a report over several, where a thousand weekly series would be most
 * of an organisation's report.
 */
function summarizeWith(input: SummaryInput, detail: boolean): RepositorySummary {
  const { inWindow, counted, window, hours } = input;
  // no week every repository covers: nothing is read period by period (an empty span at the window's end)
  const series = input.series === undefined ? window : (input.series ?? { since: window.until, until: window.until });
  const waiting = waitingAt(input.now, hours);
  const figuresOf = (changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], w: Window, at = waiting): WindowFigures => windowFigures({ changes, deploys, window: w, waiting: at, signal: input.signal, hours });
  const figures = figuresOf(counted, input.deploys, window);
  const { stageSummary: stages, dora, ...more } = figures;
  const ai = countOf(counted, (c) => c.aiEvidence.length > 0);
  const aiTools = aiToolCounts(counted);
  const health = computeFlowHealth({
    changes: counted,
    openPulls: input.openPulls,
    now: Math.min(input.now, window.until),
    github: input.github,
    ...(input.fromGitHub && { fromGitHub: counted.filter(input.fromGitHub) }),
    // every merge a deploy: none waits
    ...(input.signal !== 'merge' && { waiting }),
  });
  const { queues, queueTrend } = computeQueues({ ...input.queued, since: series.since, until: series.until, historyFrom: series.historyFrom, stages: queueStages(input.github, input.signal) });
  const capacity = input.github ? reviewCapacity(input.queued.changes, input.queued.openPulls, { ...input.queued, since: series.since, until: series.until }) : null;
  return {
    changes: counted.length,
    excluded: {
      bots: countOf(inWindow, (c) => c.bot && c.kind !== 'sync' && !isReleaseCommit(c)) - countOf(counted, (c) => c.bot),
      syncs: countOf(inWindow, (c) => c.kind === 'sync'),
      releases: countOf(inWindow, isReleaseCommit),
      syncedPulls: syncedPulls(inWindow),
      carryingSyncs: countOf(inWindow, carriesPulls),
    },
    headline: headline(stages, { gitOnly: !input.github, businessHours: hours !== null, deployIsMerge: input.signal === 'merge' }),
    stages: stages.stages,
    shareBasis: stages.shareBasis,
    cycleTime: stages.cycleTime,
    leadTime: stages.leadTime,
    leadTimeDeployed: stages.leadTimeDeployed,
    unreleased: unreleasedChanges(counted, waiting),
    flow: {
      anomalies: { clockSkew: countOf(counted, (c) => c.flags.includes('clock-skew')) },
      size: sizeSummary(counted),
      reverted: countOf(counted, (c) => c.revertedBy !== null),
      partiallyReverted: countOf(counted, (c) => c.flags.includes('partially-reverted')),
    },
    ai: { assisted: ai, other: counted.length - ai, agent: aiTools.agent, weak: aiTools.weak, tools: aiTools.tools, lowerBound: true },
    dora,
    repair: computeRepair(counted, series, input.github, detail),
    aiDefects: computeAiDefects({ changes: counted, later: input.queued.changes, deploys: input.deploys }),
    aiLoad: input.github
      ? computeAiLoad({ changes: counted, openPulls: input.openPulls, now: Math.min(input.now, window.until), since: window.since, until: window.until, timezone: input.queued.timezone })
      : null,
    // one repository's history, as the previous period: over several the weeks AI arrived differ
    ...(detail && input.previous && {
      aiShift: computeAiShift({
        changes: counted,
        deploys: input.deploys,
        window,
        queues,
        stages: queueStages(input.github, input.signal),
        figuresOf: (changes, deploys, w) => comparedPart(figuresOf(changes, deploys, w)),
        waiting,
        github: input.github,
      }),
    }),
    ...(detail && input.previous && {
      previous: previousPeriod({
        before: input.previous,
        after: { changes: counted, deploys: input.deploys },
        covered: input.previous.covered,
        ...(input.previous.forked !== undefined && { forked: input.previous.forked }),
        window,
        current: comparedPart(figures),
        figuresOf: (changes, deploys, w, at) => comparedPart(figuresOf(changes, deploys, w, at)),
        waiting,
        stages: queueStages(input.github, input.signal),
        github: input.github,
      }),
    }),
    ...(detail && {
      trend: {
        ...weeklyTrend(counted, series, waiting),
        ...keyTrends(counted, input.deploys, series, waiting),
        ...(input.series !== undefined && input.series !== window && { span: input.series === null ? null : { since: iso(series.since) as string, until: iso(series.until) as string } }),
      },
    }),
    leadTimeHistogram: leadTimeHistogram(counted),
    // every merge a deploy: none waits
    ...(detail && { slowest: slowestChanges(counted, SLOWEST, input.signal === 'merge' ? null : waiting) }),
    ...health,
    ...(detail && { queues }),
    queueTrend,
    ...(detail && { reviewCapacity: capacity }),
    // over the weeks the queues' rates are over
    capacity: capacity && reviewCapacityRates(capacity, { since: series.since, until: series.until, historyFrom: series.historyFrom, now: input.queued.now }),
    acceptance: input.github && input.closedPulls !== undefined && input.closedPulls !== null
      ? computeAcceptance({ changes: counted, closedPulls: input.closedPulls, window, includeBots: input.includeBots ?? false, measure: waiting.measure })
      : null,
    // a figure of the window added in `windowFigures` alone, after the rest: its schema is the catalogue's
    ...more,
  };
}

/** What the figures of one window are computed from. */
interface WindowInput {
  /** its counted changes */
  changes: readonly MeasuredChange[];
  /** its deploys */
  deploys: readonly MeasuredDeploy[];
  window: Window;
  waiting: Waiting;
  signal: DeploySignalKind;
  hours: BusinessHours | null;
}

/** A window's figures that are compared with another window's: those `windowFigures` computes. */
type WindowFigures = ReturnType<typeof windowFigures>;

/**
 * The figures of one window that a comparison reads (the catalogue's `compared`), computed alike for the window
 * and, for the previous period, for the window before it. A figure added here is in the summary and the previous
 * period with no other edit (its schema and comparison are read from its catalogue entry).
 */
function windowFigures(input: WindowInput) {
  const stageSummary = summarizeStages(input.changes, input.waiting);
  const dora = computeDora({ window: input.window, now: input.waiting.now, deploys: input.deploys, leadTime: stageSummary.leadTime, signal: input.signal, businessHours: input.hours !== null });
  return { stageSummary, dora };
}

/** A window's figures as the summary places them, for the compared figures' catalogue paths. */
function comparedPart({ stageSummary, ...rest }: WindowFigures): object {
  return { stages: stageSummary.stages, cycleTime: stageSummary.cycleTime, leadTime: stageSummary.leadTime, ...rest };
}

/**
 * One repository's row in a report over several, as `buildReport` makes it, from that repository's data alone:
 * its changes (those its queues count too, merged outside its window), deploys and open pull requests; `now`
 * in epoch seconds, `timezone` where its weeks start. Pure.
 */
export function buildRepositoryRow(repo: RepositoryContext, data: RepositoryGroup, now: number, policy: Policy, hours: BusinessHours | null, timezone = 'UTC'): RepositoryRow {
  return repositoryRow(repo, data, { changes: [], openPulls: [], now, timezone }, policy, hours);
}

/** One repository's row and summary, over its own window, with the same figures as the whole. */
function repositoryRow(repo: RepositoryContext, group: RepositoryGroup, queued: QueuedWork, policy: Policy, hours: BusinessHours | null): RepositoryRow {
  const { since, until } = repo.window;
  const inWindow = group.changes.filter((c) => c.mergedAt >= since && c.mergedAt < until);
  const deploys = group.deploys.filter((d) => d.at >= since && d.at < until);
  const counted = inWindow.filter((c) => isCounted(c, policy));
  const ours = queueInput(group.changes, group.openPulls, (c) => isCounted(c, policy), policy, queued.now, queued.timezone);
  // its own sources: a git-only repository among GitHub ones has no review figures, not zeros
  const github = repo.sources.includes('github');
  const summary = summarizeWith({
    inWindow, counted, queued: ours, deploys, openPulls: group.openPulls, window: repo.window, now: queued.now, signal: repo.deploySignal, github, hours,
    closedPulls: group.closedPulls ?? null, includeBots: policy.includeBots,
  }, false);
  const advice = { sources: repo.sources, reviewHost: repo.reviewHost ?? null, deploySignal: { kind: repo.deploySignal }, summary, changes: counted, window: windowOf(repo.window), now: iso(queued.now) as string, businessHours: hours };
  const top = advise(advice, policy.thresholds)[0];
  return {
    name: repo.name,
    path: repo.path,
    remote: repo.remote,
    branch: repo.branch,
    window: windowOf(repo.window),
    now: iso(repo.seenUntil ?? queued.now) as string,
    deploySignal: repo.deploySignal,
    changes: summary.changes,
    leadTimeP50: summary.leadTime.p50,
    cycleTimeP50: summary.cycleTime.p50,
    deploys: deploys.length,
    failedDeploys: deploys.filter((d) => d.failed).length,
    deploymentFrequency: summary.dora.deploymentFrequency.value,
    changeFailureRate: summary.dora.changeFailureRate.value,
    unreleased: { count: summary.unreleased.count, p50Age: summary.unreleased.p50Age, oldestAge: summary.unreleased.oldestAge },
    topRecommendation: top && top.id !== 'healthy' ? { id: top.id, measure: top.measure, value: top.value } : null,
    summary,
  };
}

/** Where only some repositories had no deploy signal, their merges count as deploys: the DORA keys say so. */
function noteMergeSignals(summary: ReportSummary, repositories: readonly RepositoryContext[]): void {
  const merges = repositories.filter((r) => r.deploySignal === 'merge').length;
  if (merges === 0 || merges === repositories.length) return;
  const note = `every merge counted as a deploy in ${merges} of ${repositories.length} repositories (no deploy signal found)`;
  for (const key of ['deploymentFrequency', 'leadTime', 'changeFailureRate'] as const) summary.dora[key].note = note;
}
