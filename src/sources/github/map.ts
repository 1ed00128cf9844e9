/**
 * Raw GraphQL shapes → domain types, at the boundary. Missing, null or mistyped parts (GitHub nulls a field it
 * could not resolve, alongside an error the request turned into a warning; a server that is not GitHub sends
 * anything) map to safe values, never a crash: a string that is not one reads as '', a number as 0, a list
 * as empty. Lists that came back null are counted in `Gaps`, which the fetch reports once as a warning.
 */
import { isoSeconds, RECORD_TIME } from '../../time.js';
import type {
  RawActor, RawCheckSuite, RawComment, RawCommit, RawDeployment, RawHeadCommit, RawIssue, RawMergedPull, RawOpenPull, RawPullAiEvidence,
  RawRelease, RawReview, RawTimelineItem,
} from './queries.js';
import type {
  GitHubCheck, GitHubComment, GitHubDeployment, GitHubIncident, GitHubOpenPull, GitHubPull, GitHubPullAiEvidence, GitHubPullCommit,
  GitHubPullEvent, GitHubRelease, GitHubReview, PullEventType,
} from './types.js';

/** ISO time → epoch seconds (the one time parser: with its zone, a day its month has); null for a missing or unreadable time. */
export function seconds(iso: string | null | undefined): number | null {
  return typeof iso === 'string' ? isoSeconds(iso, RECORD_TIME) : null;
}

export function isoOf(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Non-null nodes of a connection (GitHub may null one that failed); [] for anything but a list. */
export function present<T>(nodes: ReadonlyArray<T | null> | null | undefined): T[] {
  return Array.isArray(nodes) ? nodes.filter((n): n is T => n !== null && typeof n === 'object') : [];
}

/** Where GitHub sent null (or not a list) in place of a list, counted by what the list is. */
export class Gaps {
  private readonly counts = new Map<string, number>();

  /** Counts `list` when `value` is not a list; returns the value's nodes (or none). */
  nodes<T>(value: { nodes?: ReadonlyArray<T | null> | null } | null | undefined, list: string): T[] {
    if (value === null || value === undefined || !Array.isArray(value.nodes)) this.counts.set(list, (this.counts.get(list) ?? 0) + 1);
    return present(value?.nodes);
  }

  note(list: string): void {
    this.counts.set(list, (this.counts.get(list) ?? 0) + 1);
  }

  /** One warning for every gap, or null when there was none. */
  summary(): string | null {
    if (this.counts.size === 0) return null;
    const parts = [...this.counts].map(([list, n]) => `${list} ×${n}`).join(', ');
    return `GitHub sent null where a list belongs (${parts}): read as empty, so the figures built on them may be incomplete`;
  }
}

export function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

export function actor(raw: RawActor | null | undefined): { login: string; isBot: boolean } {
  // a deleted account shows as null: GitHub's UI calls it ghost
  const login = text(raw?.login, 'ghost') || 'ghost';
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
    if (authoredAt === null || committedAt === null || typeof c.oid !== 'string') continue;
    const email = c.author?.email;
    // parents come from a follow-up, for the commits that may be merges (parents.ts)
    out.push({ sha: c.oid, authorEmail: typeof email === 'string' && email !== '' ? email : null, parents: [], authoredAt, committedAt, message: text(c.message) });
  }
  return out;
}

export function mapReviews(nodes: ReadonlyArray<RawReview | null> | null | undefined): GitHubReview[] {
  return present(nodes).map((r) => {
    const a = actor(r.author);
    return { author: a.login, authorIsBot: a.isBot, state: text(r.state), submittedAt: seconds(r.submittedAt) };
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
    const type = Object.hasOwn(EVENT_TYPES, item.__typename) ? EVENT_TYPES[item.__typename] : undefined;
    const at = seconds(item.createdAt);
    if (type !== undefined && at !== null) out.push({ type, at });
  }
  return out;
}

/** Check runs of the head commit, and whether some were left out (more suites or runs than asked for). */
export function mapChecks(head: RawHeadCommit | null | undefined): { checks: GitHubCheck[]; truncated: boolean } {
  const commit = present(head?.nodes)[0]?.commit;
  const suites = commit?.checkSuites;
  let truncated = suites?.pageInfo?.hasNextPage === true;
  const checks: GitHubCheck[] = [];
  for (const suite of present<RawCheckSuite>(suites?.nodes)) {
    if (suite.checkRuns?.pageInfo?.hasNextPage === true) truncated = true;
    for (const run of present(suite.checkRuns?.nodes)) {
      checks.push({
        name: text(run.name),
        status: text(run.status),
        conclusion: typeof run.conclusion === 'string' ? run.conclusion : null,
        startedAt: seconds(run.startedAt),
        completedAt: seconds(run.completedAt),
      });
    }
  }
  return { checks, truncated };
}

/** A PR or issue number: a positive whole number, else null. */
export function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

export function labelsOf(raw: { labels?: { nodes?: ReadonlyArray<{ name?: unknown } | null> | null } | null }): string[] {
  return present(raw.labels?.nodes).map((l) => text(l.name)).filter((name) => name !== '');
}

/** How much of a long description is kept: its start and its end, where the tools write what wrote it. */
export const PULL_BODY_HEAD = 6144;
export const PULL_BODY_TAIL = 2048;

/** A description's start and end, joined by a line of its own; the whole of one that fits. */
function bodyOf(value: unknown): string {
  const body = text(value);
  return body.length <= PULL_BODY_HEAD + PULL_BODY_TAIL ? body : `${body.slice(0, PULL_BODY_HEAD)}\n…\n${body.slice(-PULL_BODY_TAIL)}`;
}

/**
 * What a pull request says of the AI tools behind it (`PULL_AI_EVIDENCE`), in domain form, whatever its state.
 * A field GitHub did not send reads as empty.
 */
export function mapPullAiEvidence(raw: Partial<RawPullAiEvidence>): GitHubPullAiEvidence {
  const author = actor(raw.author);
  return { author: author.login, authorIsBot: author.isBot, headRefName: text(raw.headRefName), labels: labelsOf(raw), body: bodyOf(raw.body) };
}

/**
 * A merged PR in domain form; null when GitHub's answer lacks what identifies it (no number or merge time).
 * `wasDraft` is settled by `settlePull` once every timeline page is in.
 */
export function mapMergedPull(raw: RawMergedPull, gaps: Gaps = new Gaps()): GitHubPull | null {
  const createdAt = seconds(raw.createdAt);
  const mergedAt = seconds(raw.mergedAt);
  const number = numberOf(raw.number);
  if (createdAt === null || mergedAt === null || number === null) return null;
  const pull: GitHubPull = {
    number,
    title: text(raw.title),
    url: text(raw.url),
    ...mapPullAiEvidence(raw),
    createdAt,
    updatedAt: seconds(raw.updatedAt) ?? mergedAt,
    mergedAt,
    mergeCommitSha: text(raw.mergeCommit?.oid) || null,
    additions: count(raw.additions),
    deletions: count(raw.deletions),
    changedFiles: count(raw.changedFiles),
    commits: mapCommits(gaps.nodes(raw.commits, 'pull request commits')),
    reviews: mapReviews(gaps.nodes(raw.reviews, 'pull request reviews')),
    comments: mapComments(gaps.nodes(raw.comments, 'pull request comments')),
    events: mapEvents(gaps.nodes(raw.timelineItems, 'pull request timelines')),
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
    .map((s) => ({ state: text(s.state), at: seconds(s.createdAt) }))
    .filter((s): s is { state: string; at: number } => s.at !== null)
    .sort((a, b) => a.at - b.at);
  return { environment: text(raw.environment), createdAt, sha: text(raw.commit?.oid) || null, ref: text(raw.ref?.name) || null, statuses };
}

export function mapRelease(raw: RawRelease): GitHubRelease | null {
  const createdAt = seconds(raw.createdAt);
  if (createdAt === null) return null;
  return {
    tagName: text(raw.tagName),
    createdAt,
    publishedAt: seconds(raw.publishedAt),
    isDraft: raw.isDraft === true,
    isPrerelease: raw.isPrerelease === true,
    sha: text(raw.tagCommit?.oid) || null,
  };
}

/** `value` when it is a list, else an empty one. */
function listOf<T>(value: ReadonlyArray<T> | null | undefined): ReadonlyArray<T> {
  return Array.isArray(value) ? value : [];
}

export function mapOpenPull(raw: RawOpenPull): GitHubOpenPull | null {
  const createdAt = seconds(raw.createdAt);
  const number = numberOf(raw.number);
  if (createdAt === null || number === null) return null;
  return {
    number,
    title: text(raw.title),
    url: text(raw.url),
    ...mapPullAiEvidence(raw),
    createdAt,
    updatedAt: seconds(raw.updatedAt) ?? createdAt,
    isDraft: raw.isDraft === true,
    baseRefName: text(raw.baseRefName),
    // a hostile or broken server may send anything where a list belongs: read it as empty
    ...settleEvents(mapEvents(listOf(raw.timelineItems?.nodes))),
    reviews: mapReviews(listOf(raw.reviews?.nodes)),
    comments: mapComments(listOf(raw.comments?.nodes)),
  };
}

export function mapIncident(raw: RawIssue): GitHubIncident | null {
  const createdAt = seconds(raw.createdAt);
  const number = numberOf(raw.number);
  if (createdAt === null || number === null) return null;
  return {
    number,
    title: text(raw.title),
    url: text(raw.url),
    createdAt,
    closedAt: seconds(raw.closedAt),
    labels: labelsOf(raw),
  };
}
