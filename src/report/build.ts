import { advise } from '../advice/index.js';
import { STAGES, type Change, type Deploy, type DeploySignalKind, type OpenPull, type StageName, type Window } from '../domain.js';
import { workingSeconds, type BusinessHours } from '../metrics/business-hours.js';
import { computeDora } from '../metrics/dora.js';
import { computeFlowHealth } from '../metrics/flow-health.js';
import { headline } from '../metrics/headline.js';
import { leadTimeHistogram } from '../metrics/histogram.js';
import { computeQueues } from '../metrics/queues.js';
import { inWindowQueues } from '../metrics/queues-spans.js';
import { reviewCapacity } from '../metrics/queues-review-capacity.js';
import { sizeSummary } from '../metrics/size.js';
import { slowestChanges } from '../metrics/slowest.js';
import { leadObservation, summarizeStages, type Waiting } from '../metrics/stage-summary.js';
import { weeklyTrend } from '../metrics/trend.js';
import { unreleasedChanges } from '../metrics/unreleased.js';
import { inWorkingDays } from '../units.js';
import { VERSION } from '../version.js';
import { toReportChange, toReportDeploy, toReportOpenPull, windowOf, iso } from './convert.js';
import type { Policy, Report, ReportSummary, RepositoryRow } from './schema.js';

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
}

/** Everything a report is made of besides its figures: where the data came from and what it could not show. */
export interface ReportContext {
  generatedAt: string;
  repository: Report['repository'];
  sources: Report['sources'];
  deploySignal: Report['deploySignal'];
  businessHours: BusinessHours | null;
  /** IANA zone weeks start in (queues) and times are shown in; default UTC */
  timezone?: string;
  notes: string[];
  warnings: string[];
  /** several repositories: one row each; their changes and deploys carry `repository` */
  repositories?: RepositoryContext[];
  failedRepositories?: Array<{ name: string; error: string }>;
}

/** The model a report is built from: what `audit` reads from a repository and `aggregate` from JSON reports. */
export interface ReportModel {
  /** every change the sources saw, whenever it merged: the window's are reported, the rest date deploys */
  changes: readonly Change[];
  /** every deploy: the window's are reported */
  deploys: readonly Deploy[];
  /** pull requests open at the end of the window (GitHub mode) */
  openPulls: readonly OpenPull[];
}

/**
 * Builds the whole report — summary, DORA keys, flow health, trend, recommendations, and a row per repository
 * when there are several — from the model, the window and the policy. The one place figures are computed:
 * `audit` and `aggregate` both call it, and renderers only read what it returns. Pure: `now` is given.
 */
export function buildReport(model: ReportModel, window: Window, now: number, policy: Policy, context: ReportContext): Report {
  const inWindow = model.changes.filter((c) => c.mergedAt >= window.since && c.mergedAt < window.until);
  const isCounted = (c: Change): boolean => c.kind !== 'sync' && (policy.includeBots || !c.bot);
  const windowDeploys = model.deploys.filter((d) => d.at >= window.since && d.at < window.until);
  const github = context.sources.includes('github');
  const queued = queueInput(model, isCounted, policy, now, context.timezone);
  const counted = inWindow.filter(isCounted);
  const hours = context.businessHours;
  const summary = summarize({ inWindow, counted, queued, deploys: windowDeploys, openPulls: model.openPulls, window, now, signal: context.deploySignal.kind, github, hours });
  const advice = { sources: context.sources, deploySignal: context.deploySignal, summary, changes: counted, window: windowOf(window) };
  const report: Report = {
    schemaVersion: 1,
    generatedAt: context.generatedAt,
    tool: { name: 'flowaudit', version: VERSION },
    repository: context.repository,
    window: windowOf(window),
    now: iso(now) as string,
    sources: context.sources,
    deploySignal: context.deploySignal,
    businessHours: context.businessHours,
    timezone: context.timezone ?? 'UTC',
    policy,
    changes: inWindow.map((c) => toReportChange(c, isCounted(c))),
    // carried so that a report read back (aggregate) has every change its queues counted
    queueOnlyChanges: queued.changes
      .filter((c) => (c.mergedAt < window.since || c.mergedAt >= window.until) && inWindowQueues(c, window.since, window.until, now))
      .map((c) => toReportChange(c, true)),
    deploys: windowDeploys.map(toReportDeploy),
    openPulls: model.openPulls.map(toReportOpenPull),
    summary,
    recommendations: inWorkingDays(context.businessHours, () => advise(advice, policy.thresholds)),
    notes: context.notes,
    warnings: context.warnings,
  };
  if (context.repositories) {
    noteMergeSignals(report.summary, context.repositories);
    report.repositories = context.repositories.map((r) => repositoryRow(r, model, queued, policy, isCounted, { github, hours }, context.sources));
    report.failedRepositories = context.failedRepositories ?? [];
  }
  return report;
}

/** What the queues are over (SPEC section 9): every counted change merged by now, and the open pull requests. */
interface QueuedWork {
  changes: readonly Change[];
  openPulls: readonly OpenPull[];
  now: number;
  timezone: string;
}

function queueInput(model: ReportModel, isCounted: (c: Change) => boolean, policy: Policy, now: number, timezone: string | undefined): QueuedWork {
  return {
    changes: model.changes.filter((c) => isCounted(c) && c.mergedAt <= now),
    openPulls: model.openPulls.filter((p) => policy.includeBots || !p.bot),
    now,
    timezone: timezone ?? 'UTC',
  };
}

/** The stages the data can see: git alone has no pickup or merge wait, and the `merge` signal no deploy wait. */
function queueStages(github: boolean, signal: DeploySignalKind): StageName[] {
  return STAGES.filter((s) => (github || (s !== 'pickup' && s !== 'merge')) && (signal !== 'merge' || s !== 'deploy'));
}

interface SummaryInput {
  /** the changes merged in the window */
  inWindow: readonly Change[];
  /** … of them in the stage figures */
  counted: readonly Change[];
  /** the queues' changes and open pull requests (of the repository, in a row of several) */
  queued: QueuedWork;
  /** the deploys in the window */
  deploys: readonly Deploy[];
  openPulls: readonly OpenPull[];
  window: Window;
  now: number;
  signal: DeploySignalKind;
  github: boolean;
  /** durations count only these working hours */
  hours: BusinessHours | null;
}

function summarize(input: SummaryInput): ReportSummary {
  const { inWindow, counted, window, hours } = input;
  // the changes still waiting have waited until now, counted as every other duration is
  const waiting: Waiting = { now: input.now, measure: hours ? (a, b) => workingSeconds(a, b, hours) : (a, b) => b - a };
  const stages = summarizeStages(counted, waiting);
  const ai = counted.filter((c) => c.aiEvidence.length > 0).length;
  const health = computeFlowHealth({ changes: counted, openPulls: input.openPulls, now: Math.min(input.now, window.until), github: input.github });
  return {
    changes: counted.length,
    excluded: {
      bots: inWindow.filter((c) => c.bot && c.kind !== 'sync').length - counted.filter((c) => c.bot).length,
      syncs: inWindow.filter((c) => c.kind === 'sync').length,
    },
    headline: headline(stages, { gitOnly: !input.github, businessHours: hours !== null }),
    stages: stages.stages,
    shareBasis: stages.shareBasis,
    cycleTime: stages.cycleTime,
    leadTime: stages.leadTime,
    leadTimeDeployed: stages.leadTimeDeployed,
    unreleased: unreleasedChanges(counted, waiting),
    flow: {
      anomalies: { clockSkew: counted.filter((c) => c.flags.includes('clock-skew')).length },
      size: sizeSummary(counted),
      reverted: counted.filter((c) => c.revertedBy !== null).length,
    },
    ai: { assisted: ai, other: counted.length - ai, lowerBound: true },
    dora: computeDora({ window, now: input.now, deploys: input.deploys, leadTime: stages.leadTime, signal: input.signal, businessHours: hours !== null }),
    trend: weeklyTrend(counted, window, (c) => leadObservation(c, waiting)),
    leadTimeHistogram: leadTimeHistogram(counted),
    slowest: slowestChanges(counted, SLOWEST),
    ...health,
    ...computeQueues({ ...input.queued, since: window.since, until: window.until, stages: queueStages(input.github, input.signal) }),
    reviewCapacity: input.github ? reviewCapacity(input.queued.changes, input.queued.openPulls, { ...input.queued, ...window }) : null,
  };
}

/** One repository's row, over the same changes and with the same figures as the whole. */
function repositoryRow(
  repo: RepositoryContext,
  model: ReportModel,
  queued: QueuedWork,
  policy: Policy,
  isCounted: (c: Change) => boolean,
  how: { github: boolean; hours: BusinessHours | null },
  sources: Report['sources'],
): RepositoryRow {
  const { since, until } = repo.window;
  const inWindow = model.changes.filter((c) => c.repository === repo.name && c.mergedAt >= since && c.mergedAt < until);
  const deploys = model.deploys.filter((d) => d.repository === repo.name && d.at >= since && d.at < until);
  const openPulls = model.openPulls.filter((p) => p.repository === repo.name);
  const counted = inWindow.filter(isCounted);
  const ours = {
    ...queued,
    changes: queued.changes.filter((c) => c.repository === repo.name),
    openPulls: queued.openPulls.filter((p) => p.repository === repo.name),
  };
  const summary = summarize({ inWindow, counted, queued: ours, deploys, openPulls, window: repo.window, now: queued.now, signal: repo.deploySignal, ...how });
  const advice = { sources, deploySignal: { kind: repo.deploySignal }, summary, changes: counted, window: windowOf(repo.window) };
  const top = inWorkingDays(how.hours, () => advise(advice, policy.thresholds))[0];
  return {
    name: repo.name,
    path: repo.path,
    remote: repo.remote,
    branch: repo.branch,
    window: windowOf(repo.window),
    deploySignal: repo.deploySignal,
    changes: summary.changes,
    leadTimeP50: summary.leadTime.p50,
    cycleTimeP50: summary.cycleTime.p50,
    deploys: deploys.length,
    failedDeploys: deploys.filter((d) => d.failed).length,
    deploymentFrequency: summary.dora.deploymentFrequency.value,
    changeFailureRate: summary.dora.changeFailureRate.value,
    topRecommendation: top && top.id !== 'healthy' ? { id: top.id, measure: top.measure, value: top.value } : null,
  };
}

/** Where only some repositories had no deploy signal, their merges count as deploys: the DORA keys say so. */
function noteMergeSignals(summary: ReportSummary, repositories: readonly RepositoryContext[]): void {
  const merges = repositories.filter((r) => r.deploySignal === 'merge').length;
  if (merges === 0 || merges === repositories.length) return;
  const note = `every merge counted as a deploy in ${merges} of ${repositories.length} repositories (no deploy signal found)`;
  for (const key of ['deploymentFrequency', 'leadTime', 'changeFailureRate'] as const) summary.dora[key].note = note;
}
