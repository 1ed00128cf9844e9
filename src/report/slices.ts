import { STAGES, type Window } from '../domain.js';
import { boundOf } from '../metrics/bounds.js';
import { codingUnseen } from '../metrics/stage-summary.js';
import { groupingOf, isNoGroup, rowSlice, sliceMeasure, sortByGrouping } from '../model/slices.js';
import { buildReport } from './build.js';
import { epoch, fromReportChanges, fromReportDeploy, fromReportOpenPull } from './convert.js';
import { windowFrom } from '../time.js';
import type { Report, ReportChange } from './schema.js';
import { windowsByName } from './windows.js';
import { FEW_CHANGES } from './few-changes.js';
import type { SliceRow, Slices } from './slices-schema.js';

export interface SliceOptions {
  /** count the bots' changes whatever the report's policy (the `bots` slice) */
  countBots?: boolean;
  /**
   * the product whose deploys are the slice's own (a product's slice): its deploys, and each change as the
   * product's own first deploy of it shipped it; else the repository's deploys, and each change as the report has it
   */
  ownProduct?: ((product: string | undefined) => boolean) | undefined;
  /**
   * where the slice's history begins when later than the report's (a product's package born in the window, epoch
   * seconds): its rates per week are over the part of the window since; else a product's own, as its row gives it
   */
  historyFrom?: number;
  /** where its history ends when before the report's window does (a product's package removed in it), likewise */
  historyUntil?: number;
}

/**
 * The report of one slice of `report`: its figures over the slice's changes alone (`ids`), with the same window,
 * now, policy and sources, so every figure, recommendation and gate reads as the whole report's. The deploys
 * and open pull requests stay the repository's: a deploy ships every team's changes at once, so the DORA
 * keys of a slice of one window are the window's — unless `ownProduct` picks the slice's own (a product's, whose
 * deploys ship its changes alone), to which each change is then measured too (`shippedBy`). Its `changes` list
 * is the slice's, so measured, for `compare` to resample. `countBots`: count the bots' changes whatever the
 * report's policy (the `bots` slice). Pure.
 */
export function sliceReport(report: Report, ids: ReadonlySet<string>, options: SliceOptions = {}): Report {
  const { countBots = false, ownProduct } = options;
  // a product born or removed in the window, as its row says (`--by product`, compare and gates read the report's rows)
  const productRow = ownProduct === undefined ? undefined : report.summary.products?.find((r) => ownProduct(r.name));
  const born = options.historyFrom ?? epoch(productRow?.historyFrom ?? null);
  const gone = options.historyUntil ?? epoch(productRow?.historyUntil ?? null);
  const window = lifeOf(windowFrom(report.window), born, gone);
  const sliced = report.changes.filter((c) => ids.has(c.id));
  // a product's slice has deploys of its own: its DORA keys are over them, and its changes shipped by them
  const changes = ownProduct === undefined ? sliced : sliced.map((c) => shippedBy(c, ownProduct));
  const deploys = ownProduct === undefined ? report.deploys : report.deploys.filter((d) => ownProduct(d.product));
  const built = buildReport(
    {
      changes: fromReportChanges(report, changes),
      deploys: deploys.map((d) => fromReportDeploy(d, d.repository)),
      openPulls: report.openPulls.map((p) => fromReportOpenPull(p, p.repository)),
      // a report over several repositories: each one's window, as the whole was built (`windows.ts`)
      ...(report.repositories !== undefined && { windows: windowsByName(report.repositories.map((row) => [row.name, windowFrom(row.window)] as const)) }),
      listed: false,
    },
    window,
    epoch(report.now) ?? 0,
    // the `bots` slice is the bots' changes counted: left out as the whole leaves them out, it would be empty
    countBots ? { ...report.policy, includeBots: true } : report.policy,
    {
      generatedAt: report.generatedAt,
      repository: report.repository,
      sources: report.sources,
      reviewHost: report.reviewHost,
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

/** The window as far as a slice's history reaches: from its birth, to its removal, when they fall within it. */
function lifeOf(window: Window, born: number | null, gone: number | null): Window {
  const from = born === null ? window : { ...window, historyFrom: Math.max(born, window.historyFrom ?? window.since) };
  return gone === null ? from : { ...from, historyUntil: Math.min(gone, from.historyUntil ?? from.until) };
}

/**
 * A change as its product's own deploys shipped it (SPEC section 3): its deploy time, deploy wait and lead time
 * those of the first deploy of the product `ownProduct` picks that ships it (`productDeploys`), which for a
 * change of two products may come after the other's (cargo's 0.91.0 shipped #15732 five weeks before home's
 * home-0.5.12), or not yet. A change naming none (a report written before `productDeploys`) is as the report has it.
 */
function shippedBy(change: ReportChange, ownProduct: (product: string | undefined) => boolean): ReportChange {
  const own = change.productDeploys?.find((d) => ownProduct(d.product));
  if (own === undefined) return change;
  return { ...change, deployedAt: own.deployedAt, deployRef: own.ref, stages: { ...change.stages, deploy: own.deployWait }, leadTime: own.leadTime };
}

/** One row of the `--by` table from a slice's report; one over its own deploys (`ownDeploys`: a product's) gives its deploys and failure rate. */
export function sliceRow(name: string, slice: Report, ownDeploys = false): SliceRow {
  const s = slice.summary;
  const few = s.changes < FEW_CHANGES;
  const top = few ? undefined : slice.recommendations[0];
  return {
    name,
    changes: s.changes,
    stages: Object.fromEntries(STAGES.map((stage) => {
      const figure = s.stages[stage];
      const bound = boundOf(figure, 'p50');
      // from git alone a slice's coding has no share where most of its changes are one commit, as the whole's has none
      const share = stage === 'coding' && codingUnseen(figure, !slice.sources.includes('github')) ? null : figure.share;
      return [stage, { p50: figure.p50, share, ...(bound !== null && { atLeast: bound }) }];
    })) as SliceRow['stages'],
    cycleTimeP50: s.cycleTime.p50,
    leadTimeP50: s.leadTime.p50,
    leadTimeAtLeast: boundOf(s.leadTime, 'p50'),
    unreleased: s.unreleased.count,
    ...(ownDeploys && { deploys: s.dora.deploymentFrequency.count, changeFailureRate: s.dora.changeFailureRate.value }),
    aiShare: s.changes === 0 ? null : s.ai.assisted / s.changes,
    reviewsPerChange: s.review?.reviewsPerChange ?? null,
    topRecommendation: top && top.id !== 'healthy' ? { id: top.id, measure: top.measure, value: top.value } : null,
    ...(few && { fewChanges: true as const }),
  };
}

/**
 * `summary.slices` of a report grouped by `by`: one row per group of `groups` (slice name → change ids), in the
 * grouping's order (most changes first, the row of the changes in no group last); rows are over the counted
 * changes only, as every figure. A row of a kind with deploys of its own (a product's) is measured over them.
 */
export function sliceTable(report: Report, groups: ReadonlyMap<string, readonly string[]>, by: string, owners: string | null): Slices {
  const rows: SliceRow[] = [];
  for (const [name, ids] of groups) {
    const slice = rowSlice(name, by);
    const ownProduct = slice === null ? undefined : sliceMeasure(slice).ownProduct;
    rows.push(sliceRow(name, sliceReport(report, new Set(ids), { ownProduct }), ownProduct !== undefined));
  }
  const sorted = sortByGrouping(rows, by);
  return { by, owners, unownedShare: groupingOf(by)?.by.owners === true ? noGroupShare(sorted, by, report.summary.changes) : null, rows: sorted };
}

/**
 * `summary.slices` of a report with nothing to group by `by` (`why`: a repository of one product has no product to
 * slice by): no rows, the reason in their place. A row of every change under the `none` value would read as a
 * group of its own, beside the report's own figures and without the deploys that shipped it.
 */
export function ungroupedTable(by: string, why: string): Slices {
  return { by, owners: null, unownedShare: null, rows: [], ungrouped: why };
}

/** The share of `counted` changes in the row of the changes in no group (the unowned); null when nothing is counted. */
export function noGroupShare(rows: readonly SliceRow[], by: string, counted: number): number | null {
  const none = rows.find((r) => isNoGroup(r.name, by))?.changes ?? 0;
  return counted > 0 ? none / counted : null;
}
