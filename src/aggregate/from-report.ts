import type { Change, Deploy } from '../domain.js';
import type { ReportChange, ReportDeploy } from '../report.js';

/** ISO time → epoch seconds; null stays null. */
export function epoch(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/**
 * A report's change back as a domain change, so the metrics compute over it exactly as they do for one
 * repository. What the report does not keep (commit shas, fork points, branch) is left empty: no metric
 * the aggregate calls reads it.
 */
export function fromReportChange(c: ReportChange): Change {
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    author: c.author,
    authorEmail: '',
    url: c.url,
    branch: null,
    kind: c.kind,
    sha: c.sha,
    commitShas: [],
    commits: c.commits,
    size: c.additions === null ? null : { additions: c.additions, deletions: c.deletions ?? 0, files: c.files ?? 0 },
    bot: c.bot,
    firstCommitAt: epoch(c.firstCommitAt),
    lastCommitAt: null,
    readyAt: epoch(c.readyAt),
    firstReviewAt: epoch(c.firstReviewAt),
    approvedAt: epoch(c.approvedAt),
    mergedAt: epoch(c.mergedAt) ?? 0,
    deployedAt: epoch(c.deployedAt),
    forkPoints: [],
    forkPointAt: null,
    flags: c.flags,
    aiEvidence: c.aiEvidence,
    revertedBy: c.revertedBy,
    isRevert: false,
    stages: c.stages,
    cycleTime: c.cycleTime,
    leadTime: c.leadTime,
  };
}

/** A report's deploy back as a domain deploy; which changes it shipped is not kept (only how many). */
export function fromReportDeploy(d: ReportDeploy): Deploy {
  return {
    ref: d.ref,
    sha: d.sha,
    at: epoch(d.at) ?? 0,
    changeShas: [],
    rollback: d.rollback,
    failed: d.failed,
    failureReasons: d.failureReasons,
    restoredAfter: d.restoredAfter,
  };
}
