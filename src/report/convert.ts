import type { Change, Deploy, OpenPull, Window } from '../domain.js';
import type { Report, ReportChange, ReportDeploy, ReportOpenPull } from './schema.js';
import { isoSeconds, RECORD_TIME } from '../time.js';
import { isoTime } from '../time-format.js';
import { countOf } from '../metrics/count.js';
import { deployObservation, leadObservation, type Waiting } from '../metrics/stage-summary.js';

/** Epoch seconds → `2026-03-04T10:00:00Z`: the one formatter of a report's times (time-format.ts). */
export const iso = isoTime;

/** ISO time → epoch seconds (`isoSeconds`, the one time parser: a report's times have their zone); null (or unreadable) is null. */
export function epoch(time: string | null): number | null {
  return time === null ? null : isoSeconds(time, RECORD_TIME);
}

/** Whether a time is in the form reports write, `2026-03-04T10:00:00Z` (its digits not checked). */
function inReportForm(time: string): boolean {
  return time.length === 20 && time[4] === '-' && time[7] === '-' && time[10] === 'T' && time[13] === ':' && time[16] === ':' && time[19] === 'Z';
}

/**
 * Whether time `a` is before time `b`: two in the form reports write compare as text (an aggregate's digest
 * compares half a million), any other as epoch seconds; false when either cannot be read.
 */
export function earlier(a: string, b: string): boolean {
  if (inReportForm(a) && inReportForm(b)) return a < b;
  const x = epoch(a);
  const y = epoch(b);
  return x !== null && y !== null && x < y;
}

export function windowOf(window: Window): Report['window'] {
  return {
    since: iso(window.since) as string,
    until: iso(window.until) as string,
    ...(window.historyFrom !== undefined && { historyFrom: iso(window.historyFrom) as string }),
    ...(window.historyUntil !== undefined && { historyUntil: iso(window.historyUntil) as string }),
  };
}

/**
 * A change as the report lists it. `waiting` (now, and how durations are measured) dates the wait of a change not
 * yet deployed; null when every merge is a deploy.
 */
export function toReportChange(change: Change, counted: boolean, waiting: Waiting | null): ReportChange {
  return {
    id: change.id,
    number: change.number,
    title: change.title,
    author: change.author,
    url: change.url,
    kind: change.kind,
    sha: change.sha,
    commits: change.commits,
    ...(change.kind === 'sync' && (change.carriedPulls ?? 0) > 0 && { carriedPulls: change.carriedPulls }),
    additions: change.size?.additions ?? null,
    deletions: change.size?.deletions ?? null,
    files: change.size?.files ?? null,
    bot: change.bot,
    counted,
    firstCommitAt: iso(change.firstCommitAt),
    lastCommitAt: iso(change.lastCommitAt),
    readyAt: iso(change.readyAt),
    firstReviewAt: iso(change.firstReviewAt),
    approvedAt: iso(change.approvedAt),
    mergedAt: iso(change.mergedAt) as string,
    deployedAt: iso(change.deployedAt),
    deployRef: change.deployRef ?? null,
    stages: change.stages,
    cycleTime: change.cycleTime,
    leadTime: change.leadTime,
    soFar: soFar(change, waiting),
    flags: change.flags,
    aiAssisted: change.aiEvidence.length > 0,
    aiEvidence: change.aiEvidence,
    aiTools: change.aiTools ?? [],
    aiStrength: change.aiStrength ?? null,
    ...(change.aiWeakEvidence !== undefined && { aiWeakEvidence: change.aiWeakEvidence }),
    reverted: change.revertedBy !== null,
    revertedBy: change.revertedBy,
    review: change.review,
    ...(change.labels !== undefined && { labels: change.labels }),
    ...(change.products !== undefined && { products: change.products }),
    ...(change.productDeploys !== undefined && { productDeploys: change.productDeploys.map((d) => ({ ...d, deployedAt: iso(d.deployedAt) })) }),
    ...(change.repository !== undefined && { repository: change.repository }),
  };
}

/**
 * How long a change merged and not yet deployed at now has waited, since its merge and since its first commit (null
 * when unknown): each a lower bound of the figure it will have, as the summary counts it (SPEC section 6). A list
 * ordered by lead time ranks it there, not by its cycle time (aider's #4830, merged 94 days before and not yet
 * deployed, sorted at its cycle time of 1h 35m, under changes of a day). Null once deployed, and when every merge is
 * a deploy.
 */
function soFar(change: Change, waiting: Waiting | null): ReportChange['soFar'] {
  if (waiting === null || change.deployedAt !== null) return null;
  const deploy = deployObservation(change, waiting);
  return deploy === null ? null : { deploy: deploy.seconds, leadTime: leadObservation(change, waiting)?.seconds ?? null };
}

/** A deploy as the report lists it; `counted` says which of the changes it shipped (by landing sha) the figures count. */
export function toReportDeploy(deploy: Deploy, counted: (sha: string) => boolean): ReportDeploy {
  return {
    ref: deploy.ref,
    sha: deploy.sha,
    at: iso(deploy.at) as string,
    changes: countOf(deploy.changeShas, counted),
    failed: deploy.failed,
    rollback: deploy.rollback,
    rework: deploy.rework,
    failureReasons: deploy.failureReasons,
    restoredAfter: deploy.restoredAfter,
    ...(deploy.product !== undefined && { product: deploy.product }),
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
    ...(pull.events !== undefined && {
      events: {
        readyAt: iso(pull.events.readyAt),
        firstReviewAt: iso(pull.events.firstReviewAt),
        approvedAt: iso(pull.events.approvedAt),
        reviewedAt: pull.events.reviewedAt.map((t) => iso(t) as string),
      },
    }),
    ...openPullAi(pull),
    ...(pull.repository !== undefined && { repository: pull.repository }),
  };
}

/** A report change's times, ISO back to epoch seconds (a change in a report has always merged). */
export function changeTimes(c: ReportChange): Pick<Change, 'firstCommitAt' | 'lastCommitAt' | 'readyAt' | 'firstReviewAt' | 'approvedAt' | 'mergedAt' | 'deployedAt'> {
  return {
    firstCommitAt: epoch(c.firstCommitAt),
    lastCommitAt: epoch(c.lastCommitAt),
    readyAt: epoch(c.readyAt),
    firstReviewAt: epoch(c.firstReviewAt),
    approvedAt: epoch(c.approvedAt),
    mergedAt: epoch(c.mergedAt) ?? 0,
    deployedAt: epoch(c.deployedAt),
  };
}

/**
 * A report's change back as a domain change, so the figures compute over it exactly as over a repository's
 * own. What the report does not keep (commit shas, fork points, branch) is left empty: no figure reads it.
 */
export function fromReportChange(c: ReportChange, repository: string | undefined, seenUntil?: number): Change {
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
    ...(c.carriedPulls !== undefined && { carriedPulls: c.carriedPulls }),
    size: c.additions === null ? null : { additions: c.additions, deletions: c.deletions ?? 0, files: c.files ?? 0 },
    bot: c.bot,
    ...changeTimes(c),
    ...(c.deployRef !== undefined && { deployRef: c.deployRef }),
    forkPoints: [],
    forkPointAt: null,
    flags: c.flags,
    aiEvidence: c.aiEvidence,
    ...reportAi(c),
    revertedBy: c.revertedBy,
    isRevert: false,
    stages: c.stages,
    cycleTime: c.cycleTime,
    leadTime: c.leadTime,
    review: c.review,
    ...(c.labels !== undefined && { labels: c.labels }),
    ...(c.products !== undefined && { products: c.products }),
    ...(c.productDeploys !== undefined && { productDeploys: c.productDeploys.map((d) => ({ ...d, deployedAt: epoch(d.deployedAt) })) }),
    ...(repository !== undefined && { repository }),
    ...(seenUntil !== undefined && { seenUntil }),
  };
}

/**
 * `changes` of `report` back as domain changes (`fromReportChange`), each of its repository and, over several
 * repositories, seen until its row's `now` (`MeasuredChange.seenUntil`): a change still waiting in a report made in
 * 2019 has waited until then, not until the whole's now. A row without it (a report made before rows said it), and
 * one repository's report, whose changes were seen at its own now, set none.
 */
export function fromReportChanges(report: Pick<Report, 'repositories'>, changes: readonly ReportChange[]): Change[] {
  const seen = new Map((report.repositories ?? []).flatMap((row) => (row.now === undefined ? [] : [[row.name, epoch(row.now) ?? undefined] as const])));
  return changes.map((c) => fromReportChange(c, c.repository, c.repository === undefined ? undefined : seen.get(c.repository)));
}

/**
 * A report change's AI tools and strength back; a report written before they were read has AI-assisted changes
 * with neither: of an unnamed tool, assisted.
 */
function reportAi(c: ReportChange): Pick<Change, 'aiTools' | 'aiStrength' | 'aiWeakEvidence'> {
  const strength = c.aiStrength ?? (c.aiEvidence.length > 0 ? 'assisted' : null);
  if (strength === null) return {};
  const tools = c.aiTools ?? [];
  return { aiTools: tools.length > 0 ? tools : ['unknown'], aiStrength: strength, ...(c.aiWeakEvidence !== undefined && { aiWeakEvidence: c.aiWeakEvidence }) };
}

/** A report's deploy back as a domain deploy; which changes it shipped is not kept, only how many. */
export function fromReportDeploy(d: ReportDeploy, repository: string | undefined): Deploy {
  return {
    ref: d.ref,
    sha: d.sha,
    at: epoch(d.at) ?? 0,
    changeShas: Array.from({ length: d.changes }, () => ''),
    rollback: d.rollback,
    rework: d.rework,
    failed: d.failed,
    failureReasons: d.failureReasons,
    restoredAfter: d.restoredAfter,
    ...(d.product !== undefined && { product: d.product }),
    ...(repository !== undefined && { repository }),
  };
}

/** An open pull request's AI facts, when it has any (the same fields in the domain and the report). */
function openPullAi(pull: Pick<OpenPull, 'aiEvidence' | 'aiTools' | 'aiStrength' | 'aiWeakEvidence'>): Pick<OpenPull, 'aiEvidence' | 'aiTools' | 'aiStrength' | 'aiWeakEvidence'> {
  if (pull.aiStrength === undefined) return {};
  return {
    aiEvidence: pull.aiEvidence ?? [],
    aiTools: pull.aiTools ?? [],
    aiStrength: pull.aiStrength,
    ...(pull.aiWeakEvidence !== undefined && { aiWeakEvidence: pull.aiWeakEvidence }),
  };
}

export function fromReportOpenPull(p: ReportOpenPull, repository: string | undefined): OpenPull {
  const e = p.events;
  return {
    number: p.number, title: p.title, url: p.url, author: p.author, bot: p.bot, createdAt: epoch(p.createdAt) ?? 0, isDraft: p.isDraft,
    ...(e !== undefined && {
      events: { readyAt: epoch(e.readyAt), firstReviewAt: epoch(e.firstReviewAt), approvedAt: epoch(e.approvedAt), reviewedAt: e.reviewedAt.map((t) => epoch(t) ?? 0) },
    }),
    ...openPullAi(p),
    ...(repository !== undefined && { repository }),
  };
}
