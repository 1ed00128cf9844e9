import { STAGES } from '../domain.js';
import { buildReport } from './build.js';
import { epoch, fromReportChange, fromReportDeploy, fromReportOpenPull, windowFrom } from './convert.js';
import type { Report, ReportDeploy } from './schema.js';
import type { SliceRow, Slices } from './slices-schema.js';

/**
 * The report of one slice of `report`: its figures over the slice's changes alone (`ids`), with the same window,
 * now, policy and sources, so every figure, recommendation and gate reads as the whole report's. The deploys
 * and open pull requests stay the repository's: a deploy ships every team's changes at once, so the DORA
 * keys of a slice of one window are the window's — unless `ownDeploys` picks the slice's own (a product's, whose
 * deploys ship its changes alone). Its `changes` list is the slice's, for `compare` to
 * resample. Pure.
 */
export function sliceReport(report: Report, ids: ReadonlySet<string>, ownDeploys?: (deploy: ReportDeploy) => boolean): Report {
  const changes = report.changes.filter((c) => ids.has(c.id));
  // a product's slice has deploys of its own: its DORA keys are over them
  const deploys = ownDeploys === undefined ? report.deploys : report.deploys.filter(ownDeploys);
  const built = buildReport(
    {
      changes: changes.map((c) => fromReportChange(c, c.repository)),
      deploys: deploys.map((d) => fromReportDeploy(d, d.repository)),
      openPulls: report.openPulls.map((p) => fromReportOpenPull(p, p.repository)),
      listed: false,
    },
    windowFrom(report.window),
    epoch(report.now) ?? 0,
    report.policy,
    {
      generatedAt: report.generatedAt,
      repository: report.repository,
      sources: report.sources,
      deploySignal: report.deploySignal,
      businessHours: report.businessHours,
      timezone: report.timezone,
      notes: report.notes,
      warnings: report.warnings,
    },
  );
  const { withChanges: _listedNone, ...rest } = built;
  return { ...rest, changes, deploys, openPulls: report.openPulls };
}

/** One row of the `--by` table from a slice's report; a product's (`product`) has its own deploys and failure rate. */
export function sliceRow(name: string, slice: Report, product = false): SliceRow {
  const s = slice.summary;
  const top = slice.recommendations[0];
  return {
    name,
    changes: s.changes,
    stages: Object.fromEntries(STAGES.map((stage) => [stage, { p50: s.stages[stage].p50, share: s.stages[stage].share }])) as SliceRow['stages'],
    cycleTimeP50: s.cycleTime.p50,
    leadTimeP50: s.leadTime.p50,
    leadTimeAtLeast: s.leadTime.p50 === null ? (s.leadTime.bounds?.p50 ?? s.leadTime.atLeast) : null,
    unreleased: s.unreleased.count,
    ...(product && { deploys: s.dora.deploymentFrequency.count, changeFailureRate: s.dora.changeFailureRate.value }),
    aiShare: s.changes === 0 ? null : s.ai.assisted / s.changes,
    reviewsPerChange: s.review?.reviewsPerChange ?? null,
    topRecommendation: top && top.id !== 'healthy' ? { id: top.id, measure: top.measure, value: top.value } : null,
  };
}

/**
 * `summary.slices` of a report grouped by `by`: one row per group of `groups` (slice name → change ids), most
 * changes first and the unowned row last; rows are over the counted changes only, as every figure.
 */
export function sliceTable(report: Report, groups: ReadonlyMap<string, readonly string[]>, by: string, owners: string | null): Slices {
  const rows: SliceRow[] = [];
  for (const [name, ids] of groups) {
    const product = productOfSlice(name);
    rows.push(sliceRow(name, sliceReport(report, new Set(ids), product === null ? undefined : (d) => d.product === product), product !== null));
  }
  const last = (name: string): number => (name === 'team:unowned' || name.endsWith(':(top level)') || name.endsWith(':(no label)') || name.endsWith(':(no product)') ? 1 : 0);
  rows.sort((a, b) => last(a.name) - last(b.name) || b.changes - a.changes || a.name.localeCompare(b.name));
  const unowned = rows.find((r) => r.name === 'team:unowned')?.changes ?? 0;
  const counted = report.summary.changes;
  return {
    by,
    owners,
    unownedShare: by === 'team' && counted > 0 ? unowned / counted : null,
    rows,
  };
}

/** The product a `--by product` row names (`product:@acme/api`); null for any other row, and for `(no product)`. */
function productOfSlice(name: string): string | null {
  return name.startsWith('product:') && name !== 'product:(no product)' ? name.slice('product:'.length) : null;
}
