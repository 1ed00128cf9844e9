import type { Change, Deploy, DeploySignalKind, OpenPull } from '../domain.js';
import { ConfigError } from '../errors.js';
import { buildReport, type RepositoryContext } from '../report/build.js';
import { epoch, fromReportChange, fromReportDeploy, fromReportOpenPull, windowFrom, windowOf } from '../report/convert.js';
import type { Report } from '../report/schema.js';

export interface AggregateOptions {
  /** defaults to the current time; everything else is a function of the reports */
  generatedAt?: string;
  /** repositories that could not be read, listed in the report */
  failed?: Array<{ name: string; error: string }>;
}

/**
 * Combines per-repository reports into one, through the same builder as a single audit: every figure is
 * recomputed from the changes and deploys (never a mean of medians), recommendations are made for the
 * whole, and each repository gets its row. Bot changes count only when every report counted them; syncs
 * never. Pure.
 * @throws ConfigError when there is no report
 */
export function aggregateReports(reports: readonly Report[], options: AggregateOptions = {}): Report {
  if (reports.length === 0) throw new ConfigError('nothing to aggregate: give at least one JSON report');
  const warnings: string[] = [];
  const includeBots = reports.every((r) => r.policy.includeBots);
  if (!includeBots && reports.some((r) => r.policy.includeBots)) {
    warnings.push(`bot changes counted in ${reports.filter((r) => r.policy.includeBots).map(nameOf).join(', ')} are left out, as the other reports left theirs out`);
  }
  const since = Math.min(...reports.map((r) => epoch(r.window.since) ?? Infinity));
  const until = Math.max(...reports.map((r) => epoch(r.window.until) ?? -Infinity));
  if (new Set(reports.map((r) => `${r.window.since}/${r.window.until}`)).size > 1) {
    warnings.push(`the reports cover different windows: deploy frequency is over their union, ${windowOf({ since, until }).since} → ${windowOf({ since, until }).until}`);
  }
  const hours = new Set(reports.map((r) => JSON.stringify(r.businessHours)));
  if (hours.size > 1) warnings.push('the reports mix business hours and calendar time (or different business hours): their durations do not add up; audit them alike');
  const thresholds = new Set(reports.map((r) => JSON.stringify(r.policy.thresholds)));
  if (thresholds.size > 1) warnings.push(`the reports were checked against different thresholds: the recommendations use ${nameOf(reports[0] as Report)}'s`);
  const twice = [...new Set(reports.filter((r, i) => reports.some((o, j) => j < i && nameOf(o) === nameOf(r) && overlap(o.window, r.window))).map(nameOf))];
  if (twice.length > 0) warnings.push(`${twice.join(', ')} ${twice.length === 1 ? 'appears' : 'appear'} more than once with overlapping windows: changes in both count twice`);

  const changes: Change[] = [];
  const deploys: Deploy[] = [];
  const openPulls: OpenPull[] = [];
  const seen = new Set(reports.flatMap((r) => r.changes.map((c) => `${nameOf(r)}\u0000${c.sha}`)));
  for (const r of reports) {
    const name = nameOf(r);
    for (const c of r.changes) changes.push(fromReportChange(c, name));
    // a change outside one report's window that only its queues counted may be in another's window
    for (const c of r.queueOnlyChanges) {
      const key = `${name}\u0000${c.sha}`;
      if (seen.has(key)) continue;
      seen.add(key);
      changes.push(fromReportChange(c, name));
    }
    for (const d of r.deploys) deploys.push(fromReportDeploy(d, name));
    for (const p of r.openPulls) openPulls.push(fromReportOpenPull(p, name));
  }
  changes.sort((a, b) => a.mergedAt - b.mergedAt);
  deploys.sort((a, b) => a.at - b.at);
  const signal = signalOf(reports);
  const first = reports[0] as Report;
  const repositories: RepositoryContext[] = reports.map((r) => ({
    name: nameOf(r),
    path: r.repository.path,
    remote: r.repository.remote,
    branch: r.repository.branch,
    window: windowFrom(r.window),
    deploySignal: r.deploySignal.kind,
  }));
  // the union is measured from where the earliest history starts
  const historyFrom = Math.min(...repositories.map((r) => Math.max(r.window.since, r.window.historyFrom ?? r.window.since)));
  return buildReport(
    { changes, deploys, openPulls },
    { since, until, ...(historyFrom > since && { historyFrom }) },
    Math.max(...reports.map((r) => epoch(r.now) ?? 0)),
    { ...first.policy, includeBots },
    {
      generatedAt: options.generatedAt ?? new Date().toISOString(),
      repository: { path: 'aggregate', remote: null, branch: [...new Set(reports.map((r) => r.repository.branch))].join(', ') },
      sources: (['git', 'github'] as const).filter((s) => reports.some((r) => r.sources.includes(s))),
      deploySignal: { kind: signal.kind, detail: signal.detail },
      businessHours: hours.size === 1 ? first.businessHours : null,
      // weeks start in one zone: the reports' own when they share one, else UTC
      timezone: new Set(reports.map((r) => r.timezone)).size === 1 ? first.timezone : 'UTC',
      notes: [...new Set(reports.flatMap((r) => r.notes))],
      warnings: [...reports.flatMap((r) => r.warnings.map((w) => `${nameOf(r)}: ${w}`)), ...warnings],
      repositories,
      failedRepositories: options.failed ?? [],
    },
  );
}

function overlap(a: Report['window'], b: Report['window']): boolean {
  return (epoch(a.since) ?? 0) < (epoch(b.until) ?? 0) && (epoch(b.since) ?? 0) < (epoch(a.until) ?? 0);
}

export function nameOf(report: Report): string {
  return report.repository.remote ?? report.repository.path;
}

/** The deploy signal of the whole: the one every report used, else the most common, with the mix in the detail. */
function signalOf(reports: readonly Report[]): { kind: DeploySignalKind; detail: string } {
  const counts = new Map<DeploySignalKind, number>();
  for (const r of reports) counts.set(r.deploySignal.kind, (counts.get(r.deploySignal.kind) ?? 0) + 1);
  const [kind] = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best));
  const only = reports[0];
  if (reports.length === 1 && only) return { kind, detail: only.deploySignal.detail };
  if (counts.size === 1) return { kind, detail: `${kind} in all ${reports.length} repositories` };
  return { kind, detail: `mixed: ${[...counts].map(([k, n]) => `${k} in ${n}`).join(', ')} of ${reports.length} repositories` };
}
