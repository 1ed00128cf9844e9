/**
 * Raw GraphQL shapes → domain types, at the boundary. Missing or null parts (GitHub nulls a field it could not
 * resolve, alongside an error the request turned into a warning) map to safe values, never a crash.
 */
import type {
  RawActor, RawCheckSuite, RawComment, RawCommit, RawDeployment, RawHeadCommit, RawIssue, RawMergedPull, RawOpenPull, RawRelease,
  RawReview, RawTimelineItem,
} from './queries.js';
import type {
  GitHubCheck, GitHubComment, GitHubDeployment, GitHubIncident, GitHubOpenPull, GitHubPull, GitHubPullCommit, GitHubPullEvent,
  GitHubRelease, GitHubReview, PullEventType,
} from './types.js';

/** ISO time → epoch seconds; null for a missing or unreadable time. */
export function seconds(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

export function isoOf(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Non-null nodes of a connection (GitHub may null one that failed). */
export function present<T>(nodes: ReadonlyArray<T | null> | null | undefined): T[] {
  return (nodes ?? []).filter((n): n is T => n !== null && n !== undefined);
}

function actor(raw: RawActor | null | undefined): { login: string; isBot: boolean } {
  // a deleted account shows as null: GitHub's UI calls it ghost
  const login = raw?.login ?? 'ghost';
  return { login, isBot: raw?.__typename === 'Bot' || /\[bot\]$/i.test(login) };
}

const EVENT_TYPES: Record<string, PullEventType> = {
  ReadyForReviewEvent: 'ready',
  ConvertToDraftEvent: 'draft',
  ReviewRequestedEvent: 'reviewRequested',
  HeadRefForcePushedEvent: 'forcePush',
  AddedToMergeQueueEvent: 'mergeQueue',
};

export function mapCommits(nodes: ReadonlyArray<RawCommit | null> | null | undefined): GitHubPullCommit[] {
  const out: GitHubPullCommit[] = [];
  for (const node of present(nodes)) {
    const c = node.commit;
    if (!c) continue;
    const authoredAt = seconds(c.authoredDate);
    const committedAt = seconds(c.committedDate);
    if (authoredAt === null || committedAt === null) continue;
    out.push({ sha: c.oid, authoredAt, committedAt, message: c.message ?? '' });
  }
  return out;
}

export function mapReviews(nodes: ReadonlyArray<RawReview | null> | null | undefined): GitHubReview[] {
  return present(nodes).map((r) => {
    const a = actor(r.author);
    return { author: a.login, authorIsBot: a.isBot, state: r.state, submittedAt: seconds(r.submittedAt) };
  });
}

export function mapComments(nodes: ReadonlyArray<RawComment | null> | null | undefined): GitHubComment[] {
  const out: GitHubComment[] = [];
  for (const c of present(nodes)) {
    const at = seconds(c.createdAt);
    if (at === null) continue;
    const a = actor(c.author);
    out.push({ author: a.login, authorIsBot: a.isBot, createdAt: at });
  }
  return out;
}

export function mapEvents(nodes: ReadonlyArray<RawTimelineItem | null> | null | undefined): GitHubPullEvent[] {
  const out: GitHubPullEvent[] = [];
  for (const item of present(nodes)) {
    const type = EVENT_TYPES[item.__typename];
    const at = seconds(item.createdAt);
    if (type !== undefined && at !== null) out.push({ type, at });
  }
  return out;
}

/** Check runs of the head commit, and whether some were left out (more suites or runs than asked for). */
export function mapChecks(head: RawHeadCommit | null | undefined): { checks: GitHubCheck[]; truncated: boolean } {
  const commit = present(head?.nodes)[0]?.commit;
  const suites = commit?.checkSuites;
  let truncated = suites?.pageInfo.hasNextPage ?? false;
  const checks: GitHubCheck[] = [];
  for (const suite of present<RawCheckSuite>(suites?.nodes)) {
    if (suite.checkRuns?.pageInfo.hasNextPage) truncated = true;
    for (const run of present(suite.checkRuns?.nodes)) {
      checks.push({
        name: run.name,
        status: run.status,
        conclusion: run.conclusion ?? null,
        startedAt: seconds(run.startedAt),
        completedAt: seconds(run.completedAt),
      });
    }
  }
  return { checks, truncated };
}

/**
 * A merged PR in domain form; null when GitHub's answer lacks what identifies it (no merge time).
 * `wasDraft` is settled by `settlePull` once every timeline page is in.
 */
export function mapMergedPull(raw: RawMergedPull): GitHubPull | null {
  const createdAt = seconds(raw.createdAt);
  const mergedAt = seconds(raw.mergedAt);
  if (createdAt === null || mergedAt === null) return null;
  const author = actor(raw.author);
  const pull: GitHubPull = {
    number: raw.number,
    title: raw.title,
    url: raw.url,
    author: author.login,
    authorIsBot: author.isBot,
    createdAt,
    updatedAt: seconds(raw.updatedAt) ?? mergedAt,
    mergedAt,
    mergeCommitSha: raw.mergeCommit?.oid ?? null,
    headRefName: raw.headRefName,
    additions: raw.additions,
    deletions: raw.deletions,
    changedFiles: raw.changedFiles,
    labels: present(raw.labels?.nodes).map((l) => l.name),
    commits: mapCommits(raw.commits?.nodes),
    reviews: mapReviews(raw.reviews?.nodes),
    comments: mapComments(raw.comments?.nodes),
    events: mapEvents(raw.timelineItems?.nodes),
    checks: mapChecks(raw.headCommit).checks,
    wasDraft: false,
  };
  return settlePull(pull);
}

/** Orders the events and derives `wasDraft`: opened as a draft when the first ready/draft event is "ready". */
export function settlePull(pull: GitHubPull): GitHubPull {
  return Object.assign(pull, settleEvents(pull.events));
}

function settleEvents(events: GitHubPullEvent[]): { events: GitHubPullEvent[]; wasDraft: boolean } {
  events.sort((a, b) => a.at - b.at);
  const firstToggle = events.find((e) => e.type === 'ready' || e.type === 'draft');
  return { events, wasDraft: firstToggle?.type === 'ready' };
}

export function mapDeployment(raw: RawDeployment): GitHubDeployment | null {
  const createdAt = seconds(raw.createdAt);
  if (createdAt === null) return null;
  const statuses = present(raw.statuses?.nodes)
    .map((s) => ({ state: s.state, at: seconds(s.createdAt) }))
    .filter((s): s is { state: string; at: number } => s.at !== null)
    .sort((a, b) => a.at - b.at);
  return { environment: raw.environment ?? '', createdAt, sha: raw.commit?.oid ?? null, ref: raw.ref?.name ?? null, statuses };
}

export function mapRelease(raw: RawRelease): GitHubRelease | null {
  const createdAt = seconds(raw.createdAt);
  if (createdAt === null) return null;
  return {
    tagName: raw.tagName,
    createdAt,
    publishedAt: seconds(raw.publishedAt),
    isDraft: raw.isDraft,
    isPrerelease: raw.isPrerelease,
    sha: raw.tagCommit?.oid ?? null,
  };
}

export function mapOpenPull(raw: RawOpenPull): GitHubOpenPull | null {
  const createdAt = seconds(raw.createdAt);
  if (createdAt === null) return null;
  const author = actor(raw.author);
  return {
    number: raw.number,
    title: raw.title,
    url: raw.url,
    author: author.login,
    authorIsBot: author.isBot,
    createdAt,
    updatedAt: seconds(raw.updatedAt) ?? createdAt,
    isDraft: raw.isDraft,
    baseRefName: raw.baseRefName,
    ...settleEvents(mapEvents(raw.timelineItems?.nodes)),
    reviews: mapReviews(raw.reviews?.nodes),
    comments: mapComments(raw.comments?.nodes),
  };
}

export function mapIncident(raw: RawIssue): GitHubIncident | null {
  const createdAt = seconds(raw.createdAt);
  if (createdAt === null) return null;
  return {
    number: raw.number,
    title: raw.title,
    url: raw.url,
    createdAt,
    closedAt: seconds(raw.closedAt),
    labels: present(raw.labels?.nodes).map((l) => l.name),
  };
}
