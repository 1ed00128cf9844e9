import type { DeploySignalKind } from '../domain.js';
import { ConfigError } from '../errors.js';
import { computeDora, type Dora } from '../metrics/dora.js';
import { median, percentile } from '../metrics/percentile.js';
import { computeFlowHealth } from '../metrics/flow-health.js';
import { sizeSummary } from '../metrics/size.js';
import { summarizeStages } from '../metrics/stage-summary.js';
import { weeklyTrend } from '../metrics/trend.js';
import { windowOf, type Report, type ReportChange, type ReportDeploy } from '../report.js';
import { VERSION } from '../version.js';
import { epoch, fromReportChange, fromReportDeploy } from './from-report.js';

const WEEK = 7 * 86400;

/** One repository's row in an aggregate report, over the same changes the combined figures count. */
export interface RepositoryRow {
  /** `owner/name` when the remote is known, else the path */
  name: string;
  path: string;
  remote: string | null;
  branch: string;
  window: Report['window'];
  deploySignal: DeploySignalKind;
  /** changes counted (bots and syncs left out as in the combined figures) */
  changes: number;
  leadTimeP50: number | null;
  cycleTimeP50: number | null;
  deploys: number;
  failedDeploys: number;
  /** deploys per week over this repository's own window */
  deploymentFrequency: number | null;
  changeFailureRate: number | null;
}

export type AggregateChange = ReportChange & { repository: string };
export type AggregateDeploy = ReportDeploy & { repository: string };

/** A report over many repositories: the Report shape, each change and deploy naming its repository. */
export interface AggregateReport extends Report {
  changes: AggregateChange[];
  deploys: AggregateDeploy[];
  repositories: RepositoryRow[];
}

export interface AggregateOptions {
  /** defaults to the current time; everything else is a function of the reports */
  generatedAt?: string;
}

/**
 * Combines per-repository reports into one. Every figure is recomputed from the change- and deploy-level
 * data (never a mean of medians): stage, cycle- and lead-time percentiles and shares, sizes, and DORA —
 * deploy frequency over the union of the windows, the weekly trend over that union, change failure rate as failed ÷ all deploys, time to
 * restore as the median over failed deploys. Rework rate is Σ rework deploys ÷ Σ deploys, from each
 * report's own count (the report keeps no deploy's contents). Bot changes count only when every report
 * counted them; syncs never. Recommendations are left empty for the advice rules to fill. Pure.
 * @throws ConfigError when there is no report
 */
export function aggregateReports(reports: readonly Report[], options: AggregateOptions = {}): AggregateReport {
  if (reports.length === 0) throw new ConfigError('nothing to aggregate: give at least one JSON report');
  const warnings: string[] = [];
  const includeBots = reports.every((r) => r.summary.excluded.bots === 0);
  const counted = (r: Report): ReportChange[] => r.changes.filter((c) => c.kind !== 'sync' && (includeBots || !c.bot));
  if (!includeBots) {
    const mixed = reports.filter((r) => r.changes.some((c) => c.bot && c.kind !== 'sync') && r.summary.excluded.bots === 0);
    if (mixed.length > 0) warnings.push(`bot changes counted in ${mixed.map(nameOf).join(', ')} are left out, as the other reports left theirs out`);
  }

  const since = Math.min(...reports.map((r) => epoch(r.window.since) ?? Infinity));
  const until = Math.max(...reports.map((r) => epoch(r.window.until) ?? -Infinity));
  if (new Set(reports.map((r) => `${r.window.since}/${r.window.until}`)).size > 1) {
    warnings.push(`the reports cover different windows: deploy frequency is over their union, ${windowOf({ since, until }).since} → ${windowOf({ since, until }).until}`);
  }
  const hours = new Set(reports.map((r) => JSON.stringify(r.businessHours ?? null)));
  const businessHours = hours.size === 1 ? (reports[0]?.businessHours ?? null) : null;
  if (hours.size > 1) warnings.push('the reports mix business hours and calendar time (or different business hours): their durations do not add up; audit them alike');
  const twice = [...new Set(reports.filter((r, i) => reports.some((o, j) => j < i && nameOf(o) === nameOf(r) && overlap(o.window, r.window))).map(nameOf))];
  if (twice.length > 0) warnings.push(`${twice.join(', ')} appear(s) more than once with overlapping windows: changes in both count twice`);

  const inWindow = reports.flatMap((r) => r.changes.map(fromReportChange));
  const changes = reports.flatMap((r) => counted(r).map(fromReportChange));
  const deploys = reports.flatMap((r) => r.deploys.map(fromReportDeploy));
  const signal = signalOf(reports);
  const dora = combineDora(computeDora({ since, until }, changes, deploys, [], signal.kind === 'merge' && signal.all ? 'merge' : signal.kind), reports, signal);
  const stages = summarizeStages(changes);
  const ai = changes.filter((c) => c.aiEvidence.length > 0).length;
  const byTime = <T extends { at: number }>(a: T, b: T): number => a.at - b.at;

  return {
    schemaVersion: 1,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    tool: { name: 'flowaudit', version: VERSION },
    repository: { path: 'aggregate', remote: null, branch: [...new Set(reports.map((r) => r.repository.branch))].join(', ') },
    window: windowOf({ since, until }),
    now: reports.map((r) => r.now).reduce((a, b) => ((epoch(b) ?? 0) > (epoch(a) ?? 0) ? b : a)),
    sources: (['git', 'github'] as const).filter((s) => reports.some((r) => r.sources.includes(s))),
    deploySignal: { kind: signal.kind, detail: signal.detail },
    businessHours,
    changes: reports
      .flatMap((r) => r.changes.map((c) => ({ at: epoch(c.mergedAt) ?? 0, item: { ...c, repository: nameOf(r) } })))
      .sort(byTime)
      .map((x) => x.item),
    deploys: reports
      .flatMap((r) => r.deploys.map((d) => ({ at: epoch(d.at) ?? 0, item: { ...d, repository: nameOf(r) } })))
      .sort(byTime)
      .map((x) => x.item),
    summary: {
      changes: changes.length,
      excluded: {
        bots: inWindow.filter((c) => c.bot && c.kind !== 'sync').length - changes.filter((c) => c.bot).length,
        syncs: inWindow.filter((c) => c.kind === 'sync').length,
      },
      stages: stages.stages,
      shareBasis: stages.shareBasis,
      cycleTime: stages.cycleTime,
      leadTime: stages.leadTime,
      flow: {
        anomalies: { clockSkew: reports.reduce((sum, r) => sum + r.summary.flow.anomalies.clockSkew, 0) },
        size: sizeSummary(changes),
        reverted: changes.filter((c) => c.revertedBy !== null).length,
      },
      ai: { assisted: ai, other: changes.length - ai, lowerBound: true },
      dora,
      trend: weeklyTrend(changes, { since, until }),
      // review, CI and WIP need each repository's PR data, which a report does not carry: left out, not 0;
      // the AI-assisted comparison is recomputed from the changes
      ...computeFlowHealth({ changes, facts: new Map(), openPulls: [], now: until, github: false }),
    },
    repositories: reports.map((r) => repositoryRow(r, counted(r))),
    recommendations: [],
    notes: [...new Set(reports.flatMap((r) => r.notes))],
    warnings: [...reports.flatMap((r) => r.warnings.map((w) => `${nameOf(r)}: ${w}`)), ...warnings],
  };
}

function overlap(a: Report['window'], b: Report['window']): boolean {
  return (epoch(a.since) ?? 0) < (epoch(b.until) ?? 0) && (epoch(b.since) ?? 0) < (epoch(a.until) ?? 0);
}

export function nameOf(report: Report): string {
  return report.repository.remote ?? report.repository.path;
}

interface Signal {
  kind: DeploySignalKind;
  detail: string;
  /** every report used this kind */
  all: boolean;
  /** how many reports counted every merge as a deploy */
  merges: number;
}

/** The deploy signal of the whole: the one every report used, else the most common, with the mix in the detail. */
function signalOf(reports: readonly Report[]): Signal {
  const counts = new Map<DeploySignalKind, number>();
  for (const r of reports) counts.set(r.deploySignal.kind, (counts.get(r.deploySignal.kind) ?? 0) + 1);
  const [kind] = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best));
  const merges = counts.get('merge') ?? 0;
  const only = reports[0];
  if (reports.length === 1 && only) return { kind, detail: only.deploySignal.detail, all: true, merges };
  if (counts.size === 1) return { kind, detail: `${kind} in all ${reports.length} repositories`, all: true, merges };
  return { kind, detail: `mixed: ${[...counts].map(([k, n]) => `${k} in ${n}`).join(', ')} of ${reports.length} repositories`, all: false, merges };
}

/** Rework from each report's own count, and a note when only some repositories counted merges as deploys. */
function combineDora(dora: Dora, reports: readonly Report[], signal: Signal): Dora {
  const measured = reports.filter((r) => r.summary.dora.reworkRate.value !== null);
  const deploys = measured.reduce((sum, r) => sum + r.summary.dora.reworkRate.count, 0);
  const rework = measured.reduce((sum, r) => sum + Math.round((r.summary.dora.reworkRate.value ?? 0) * r.summary.dora.reworkRate.count), 0);
  const combined: Dora = { ...dora, reworkRate: { ...dora.reworkRate, value: deploys > 0 ? rework / deploys : null, count: deploys } };
  if (signal.merges === 0 || signal.all) return combined;
  const note = `every merge counted as a deploy in ${signal.merges} of ${reports.length} repositories (no deploy signal found)`;
  return {
    ...combined,
    deploymentFrequency: { ...combined.deploymentFrequency, note },
    leadTime: { ...combined.leadTime, note },
    changeFailureRate: { ...combined.changeFailureRate, note },
  };
}

function repositoryRow(report: Report, counted: readonly ReportChange[]): RepositoryRow {
  const since = epoch(report.window.since) ?? 0;
  const until = epoch(report.window.until) ?? 0;
  const weeks = (until - since) / WEEK;
  const deploys = report.deploys.length;
  const failed = report.deploys.filter((d) => d.failed).length;
  return {
    name: nameOf(report),
    path: report.repository.path,
    remote: report.repository.remote,
    branch: report.repository.branch,
    window: report.window,
    deploySignal: report.deploySignal.kind,
    changes: counted.length,
    leadTimeP50: median(counted.map((c) => c.leadTime)),
    cycleTimeP50: median(counted.map((c) => c.cycleTime)),
    deploys,
    failedDeploys: failed,
    deploymentFrequency: weeks > 0 ? deploys / weeks : null,
    changeFailureRate: deploys > 0 ? failed / deploys : null,
  };
}

