import type { ReportChange, ReportDeploy, ReportOpenPull } from '../report/schema.js';

/**
 * A report's lists read as they are written, for a report over more changes than memory holds (an
 * aggregate's `--with-changes`): they stand for `report.changes`, `queueOnlyChanges`, `deploys` and
 * `openPulls`, and are read once, in that order.
 */
export interface ReportLists {
  changes: Iterable<ReportChange>;
  queueOnlyChanges?: Iterable<ReportChange>;
  deploys: Iterable<ReportDeploy>;
  openPulls: Iterable<ReportOpenPull>;
}
