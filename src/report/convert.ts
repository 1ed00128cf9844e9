import type { Change, Deploy, OpenPull, Window } from '../domain.js';
import type { Report, ReportChange, ReportDeploy, ReportOpenPull } from './schema.js';

/** Epoch seconds → `2026-03-04T10:00:00Z`; null stays null. */
export function iso(seconds: number | null): string | null {
  return seconds === null ? null : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** ISO time → epoch seconds; null (or unreadable) is null. */
export function epoch(time: string | null): number | null {
  if (time === null) return null;
  const ms = Date.parse(time);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

export function windowOf(window: Window): Report['window'] {
  return { since: iso(window.since) as string, until: iso(window.until) as string };
}

export function toReportChange(change: Change, counted: boolean): ReportChange {
  return {
    id: change.id,
    number: change.number,
    title: change.title,
    author: change.author,
    url: change.url,
    kind: change.kind,
    sha: change.sha,
    commits: change.commits,
    additions: change.size?.additions ?? null,
    deletions: change.size?.deletions ?? null,
    files: change.size?.files ?? null,
    bot: change.bot,
    counted,
    firstCommitAt: iso(change.firstCommitAt),
    readyAt: iso(change.readyAt),
    firstReviewAt: iso(change.firstReviewAt),
    approvedAt: iso(change.approvedAt),
    mergedAt: iso(change.mergedAt) as string,
    deployedAt: iso(change.deployedAt),
    stages: change.stages,
    cycleTime: change.cycleTime,
    leadTime: change.leadTime,
    flags: change.flags,
    aiAssisted: change.aiEvidence.length > 0,
    aiEvidence: change.aiEvidence,
    reverted: change.revertedBy !== null,
    revertedBy: change.revertedBy,
    review: change.review,
    ...(change.repository !== undefined && { repository: change.repository }),
  };
}

export function toReportDeploy(deploy: Deploy): ReportDeploy {
  return {
    ref: deploy.ref,
    sha: deploy.sha,
    at: iso(deploy.at) as string,
    changes: deploy.changeShas.length,
    failed: deploy.failed,
    rollback: deploy.rollback,
    rework: deploy.rework,
    failureReasons: deploy.failureReasons,
    restoredAfter: deploy.restoredAfter,
    ...(deploy.repository !== undefined && { repository: deploy.repository }),
  };
}

export function toReportOpenPull(pull: OpenPull): ReportOpenPull {
  return {
    number: pull.number,
    title: pull.title,
    url: pull.url,
    author: pull.author,
    bot: pull.bot,
    createdAt: iso(pull.createdAt) as string,
    isDraft: pull.isDraft,
    ...(pull.repository !== undefined && { repository: pull.repository }),
  };
}

/** A report's open pull request back as the model's, naming its repository in a report over several. */
export function fromReportOpenPull(p: ReportOpenPull, repository: string | undefined): OpenPull {
  return { number: p.number, title: p.title, url: p.url, author: p.author, bot: p.bot, createdAt: epoch(p.createdAt) ?? 0, isDraft: p.isDraft, ...(repository !== undefined && { repository }) };
}
