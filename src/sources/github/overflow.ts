/**
 * Follow-ups for pull requests whose nested lists did not fit in the page (more commits, reviews, timeline
 * events or checks than the page asks for): only those PRs, many per request (aliases), only the lists that
 * overflowed, page after page until none is left.
 */
import { mapChecks, mapComments, mapCommits, mapEvents, mapReviews, settlePull, type Gaps } from './map.js';
import { CursorGuard } from './pager.js';
import { overflowOperation, type OverflowData, type OverflowNeed, type RawConnection, type RawMergedPull, type RawOverflowPull } from './queries.js';
import type { GitHubClient } from './request.js';
import type { GitHubComment, GitHubPull } from './types.js';
import { plural } from '../../units.js';
import { append } from '../../lists.js';

/** At most this many PRs, and about this many possible nodes, per follow-up request. */
const MAX_PULLS_PER_REQUEST = 50;
const NODE_BUDGET = 100_000;
const CHECKS_NODES = 25 * 100 + 26;
const PAGE_NODES = 100;

/** The nested lists a follow-up can page, by their key in OverflowNeed and their field in the query. */
const LISTS = [
  ['commits', 'commits', 'commits'],
  ['reviews', 'reviews', 'reviews'],
  ['timeline', 'timelineItems', 'timeline events'],
  ['comments', 'comments', 'comments'],
] as const;
type ListKey = (typeof LISTS)[number][0];

/** One CursorGuard per PR and nested list: a list whose paging would not end stops with a warning. */
export type OverflowGuards = Map<string, CursorGuard>;

/** The next page's cursor when the connection says there is one. */
function nextCursor(conn: RawConnection<unknown> | null | undefined): string | undefined {
  const info = conn?.pageInfo;
  return info?.hasNextPage === true && typeof info.endCursor === 'string' && info.endCursor !== '' ? info.endCursor : undefined;
}

/**
 * The cursor to follow for one nested list of one PR, or undefined: none, or the guard refuses (warned).
 * Each page the list came in (the merged-PR page first, then each follow-up) goes through here once.
 */
function follow(conn: RawConnection<unknown> | null | undefined, number: number, key: ListKey, guards: OverflowGuards, warn: (m: string) => void): string | undefined {
  const cursor = nextCursor(conn);
  if (cursor === undefined) return undefined;
  const id = `${number}:${key}`;
  let guard = guards.get(id);
  if (!guard) {
    guard = new CursorGuard(`the ${LISTS.find((l) => l[0] === key)?.[2] ?? key} of pull request #${number}`);
    guards.set(id, guard);
  }
  const sent = Array.isArray(conn?.nodes) ? conn.nodes.length : 0;
  const refusal = guard.refuse({ endCursor: cursor, sent, totalCount: typeof conn?.totalCount === 'number' ? conn.totalCount : null });
  if (refusal !== null) {
    warn(refusal);
    return undefined;
  }
  return cursor;
}

/** What a freshly mapped PR still needs; null when its page had everything. */
export function overflowNeed(raw: RawMergedPull, pull: GitHubPull, guards: OverflowGuards, warn: (m: string) => void): OverflowNeed | null {
  const need: OverflowNeed = { number: pull.number };
  for (const [key, field] of LISTS) {
    // comments only date the first review (T4): more pages matter only while none counts yet
    if (key === 'comments' && hasCountingComment(pull, pull.comments)) continue;
    need[key] = follow(raw[field], pull.number, key, guards, warn);
  }
  need.checks = mapChecks(raw.headCommit).truncated || undefined;
  return isEmpty(need) ? null : prune(need);
}

/**
 * Fetches every overflowing list of the given PRs and appends what comes back to them (mutates the pulls).
 * Returns the warnings (checks still cut after the larger follow-up, partial-data errors, paging stopped).
 */
export async function fetchOverflow(
  client: GitHubClient,
  repo: { owner: string; name: string },
  pulls: Map<number, GitHubPull>,
  needs: OverflowNeed[],
  guards: OverflowGuards,
  gaps: Gaps,
  onProgress?: (message: string) => void,
): Promise<string[]> {
  const warnings: string[] = [];
  const warn = (message: string): void => void warnings.push(message);
  let queue = needs.slice();
  while (queue.length > 0) {
    const batch = takeBatch(queue);
    queue = queue.slice(batch.length);
    onProgress?.(`fetching the rest of ${plural(batch.length, 'pull request')} with long histories`);
    const { operation, variables } = overflowOperation(batch);
    const result = await client.request<OverflowData>(operation, { owner: repo.owner, name: repo.name, ...variables });
    append(warnings, result.warnings);
    batch.forEach((need, i) => {
      const pull = pulls.get(need.number);
      const raw = result.data?.repository?.[`p${i}`];
      if (!pull || !raw || typeof raw !== 'object') {
        warn(`the rest of pull request #${need.number} could not be fetched: its commits, reviews or checks may be incomplete`);
        return;
      }
      const next = apply(pull, raw, need, { guards, gaps, warn });
      if (next) queue.push(next);
    });
  }
  return warnings;
}

function apply(pull: GitHubPull, raw: RawOverflowPull, asked: OverflowNeed, o: { guards: OverflowGuards; gaps: Gaps; warn: (m: string) => void }): OverflowNeed | null {
  const next: OverflowNeed = { number: pull.number };
  const more = (conn: RawConnection<unknown> | null | undefined, key: ListKey): string | undefined => follow(conn, pull.number, key, o.guards, o.warn);
  if (asked.commits !== undefined) {
    append(pull.commits, mapCommits(o.gaps.nodes(raw.commits, 'pull request commits')));
    next.commits = more(raw.commits, 'commits');
  }
  if (asked.reviews !== undefined) {
    append(pull.reviews, mapReviews(o.gaps.nodes(raw.reviews, 'pull request reviews')));
    next.reviews = more(raw.reviews, 'reviews');
  }
  if (asked.timeline !== undefined) {
    append(pull.events, mapEvents(o.gaps.nodes(raw.timelineItems, 'pull request timelines')));
    next.timeline = more(raw.timelineItems, 'timeline');
  }
  if (asked.comments !== undefined) {
    const comments = mapComments(o.gaps.nodes(raw.comments, 'pull request comments'));
    append(pull.comments, comments);
    next.comments = hasCountingComment(pull, comments) ? undefined : more(raw.comments, 'comments');
  }
  if (asked.checks) {
    const { checks, truncated } = mapChecks(raw.headCommit);
    pull.checks = checks;
    if (truncated) o.warn(`pull request #${pull.number} has more check runs than flowaudit reads (${checks.length}): its CI figures use those`);
  }
  settlePull(pull);
  return isEmpty(next) ? null : prune(next);
}

/** A comment by someone other than the author that is not from a bot: it could date the first review. */
function hasCountingComment(pull: GitHubPull, comments: GitHubComment[]): boolean {
  return comments.some((c) => !c.authorIsBot && c.author.toLowerCase() !== pull.author.toLowerCase());
}

function takeBatch(queue: OverflowNeed[]): OverflowNeed[] {
  const batch: OverflowNeed[] = [];
  let nodes = 0;
  for (const need of queue) {
    const weight = (need.checks ? CHECKS_NODES : 0) +
      PAGE_NODES * [need.commits, need.reviews, need.timeline, need.comments].filter((c) => c !== undefined).length;
    if (batch.length > 0 && (batch.length >= MAX_PULLS_PER_REQUEST || nodes + weight > NODE_BUDGET)) break;
    batch.push(need);
    nodes += weight;
  }
  return batch;
}

function isEmpty(need: OverflowNeed): boolean {
  return need.commits === undefined && need.reviews === undefined && need.timeline === undefined && need.comments === undefined && !need.checks;
}

/** Drops the keys left undefined, so the query builder sees only what is asked for. */
function prune(need: OverflowNeed): OverflowNeed {
  return Object.fromEntries(Object.entries(need).filter(([, v]) => v !== undefined)) as unknown as OverflowNeed;
}
