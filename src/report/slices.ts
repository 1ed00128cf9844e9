import { STAGES } from '../domain.js';
import { buildReport } from './build.js';
import { epoch, fromReportChange, fromReportDeploy, fromReportOpenPull, windowFrom } from './convert.js';
import type { Report, ReportDeploy } from './schema.js';
import type { SliceRow, Slices } from './slices-schema.js';

export interface SliceOptions {
  /** count the bots' changes whatever the report's policy (the `bots` slice) */
  countBots?: boolean;
  /** the slice's own deploys (a product's); else the repository's */
  ownDeploys?: ((deploy: ReportDeploy) => boolean) | undefined;
}

/**
 * The report of one slice of `report`: its figures over the slice's changes alone (`ids`), with the same window,
 * now, policy and sources, so every figure, recommendation and gate reads as the whole report's. The deploys
 * and open pull requests stay the repository's: a deploy ships every team's changes at once, so the DORA
 * keys of a slice of one window are the window's — unless `ownDeploys` picks the slice's own (a product's, whose
 * deploys ship its changes alone). Its `changes` list is the slice's, for `compare` to resample. `countBots`:
 * count the bots' changes whatever the report's policy (the `bots` slice). Pure.
 */
export function sliceReport(report: Report, ids: ReadonlySet<string>, options: SliceOptions = {}): Report {
  const { countBots = false, ownDeploys } = options;
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
    // the `bots` slice is the bots' changes counted: left out as the whole leaves them out, it would be empty
    countBots ? { ...report.policy, includeBots: true } : report.policy,
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
    rows.push(sliceRow(name, sliceReport(report, new Set(ids), { ownDeploys: product === null ? undefined : (d) => d.product === product }), product !== null));
  }
  const sorted = sortSliceRows(rows);
  return { by, owners, unownedShare: by === 'team' ? unownedShareOf(sorted, report.summary.changes) : null, rows: sorted };
}

/** the rows of the changes in no group: the unowned, the top level, no label, no product */
const isRest = (name: string): boolean => name === 'team:unowned' || name.endsWith(':(top level)') || name.endsWith(':(no label)') || name.endsWith(':(no product)');

/** The rows most changes first, the row of the changes in no group last. */
export function sortSliceRows(rows: readonly SliceRow[]): SliceRow[] {
  const last = (name: string): number => (isRest(name) ? 1 : 0);
  return [...rows].sort((a, b) => last(a.name) - last(b.name) || b.changes - a.changes || a.name.localeCompare(b.name));
}

/** The share of `counted` changes in the unowned row; null when nothing is counted. */
export function unownedShareOf(rows: readonly SliceRow[], counted: number): number | null {
  const unowned = rows.find((r) => r.name === 'team:unowned')?.changes ?? 0;
  return counted > 0 ? unowned / counted : null;
}

/** The product a `--by product` row names (`product:@acme/api`); null for any other row, and for `(no product)`. */
function productOfSlice(name: string): string | null {
  return name.startsWith('product:') && name !== 'product:(no product)' ? name.slice('product:'.length) : null;
}
