import type { Change, Deploy, OpenPull, Window } from '../domain.js';
import type { Report, ReportChange, ReportDeploy, ReportOpenPull } from './schema.js';

/** Epoch seconds → `2026-03-04T10:00:00Z`; null stays null. */
export function iso(seconds: number | null): string | null {
  return seconds === null ? null : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** ISO time → epoch seconds; null (or unreadable) is null. */
export function epoch(time: string | null): number | null {
  if (time === null) return null;
  const fast = utcSeconds(time);
  if (fast !== null) return fast;
  const ms = Date.parse(time);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

const digit = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const two = (text: string, at: number): number => digit(text, at) * 10 + digit(text, at + 1);

/**
 * `2026-03-04T10:00:00Z`, the one form reports write, read without Date.parse (three times faster: an
 * organisation's aggregate reads 3.5 million of them); Date.UTC gives what Date.parse gives for it. Null for
 * any other form, which Date.parse then reads.
 */
function utcSeconds(time: string): number | null {
  if (time.length !== 20 || time[4] !== '-' || time[7] !== '-' || time[10] !== 'T' || time[13] !== ':' || time[16] !== ':' || time[19] !== 'Z') return null;
  const year = two(time, 0) * 100 + two(time, 2);
  const month = two(time, 5);
  const day = two(time, 8);
  const hour = two(time, 11);
  const minute = two(time, 14);
  const second = two(time, 17);
  // NaN fails every comparison: a non-digit falls through to Date.parse, as does a year Date.UTC reads as 19xx
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59 && year >= 1000)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
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
