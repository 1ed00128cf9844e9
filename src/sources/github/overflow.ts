/**
 * Follow-ups for pull requests whose nested lists did not fit in the page (more commits, reviews, timeline
 * events or checks than the page asks for): only those PRs, many per request (aliases), only the lists that
 * overflowed, page after page until none is left.
 */
import { mapChecks, mapComments, mapCommits, mapEvents, mapReviews, settlePull } from './map.js';
import { overflowOperation, type OverflowData, type OverflowNeed, type RawConnection, type RawMergedPull, type RawOverflowPull } from './queries.js';
import type { GitHubClient } from './request.js';
import type { GitHubComment, GitHubPull } from './types.js';

/** At most this many PRs, and about this many possible nodes, per follow-up request. */
const MAX_PULLS_PER_REQUEST = 50;
const NODE_BUDGET = 100_000;
const CHECKS_NODES = 25 * 100 + 26;
const PAGE_NODES = 100;

/** What a freshly mapped PR still needs; null when its page had everything. */
export function overflowNeed(raw: RawMergedPull, pull: GitHubPull): OverflowNeed | null {
  const need: OverflowNeed = { number: pull.number };
  const cursor = (conn: RawConnection<unknown> | null | undefined): string | undefined =>
    conn?.pageInfo.hasNextPage && conn.pageInfo.endCursor ? conn.pageInfo.endCursor : undefined;
  need.commits = cursor(raw.commits);
  need.reviews = cursor(raw.reviews);
  need.timeline = cursor(raw.timelineItems);
  // comments only date the first review (T4): more pages matter only while none counts yet
  need.comments = hasCountingComment(pull, pull.comments) ? undefined : cursor(raw.comments);
  need.checks = mapChecks(raw.headCommit).truncated || undefined;
  return isEmpty(need) ? null : prune(need);
}

/**
 * Fetches every overflowing list of the given PRs and appends what comes back to them (mutates the pulls).
 * Returns the warnings (checks still cut after the larger follow-up, partial-data errors).
 */
export async function fetchOverflow(
  client: GitHubClient,
  repo: { owner: string; name: string },
  pulls: Map<number, GitHubPull>,
  needs: OverflowNeed[],
  onProgress?: (message: string) => void,
): Promise<string[]> {
  const warnings: string[] = [];
  let queue = needs.slice();
  while (queue.length > 0) {
    const batch = takeBatch(queue);
    queue = queue.slice(batch.length);
    onProgress?.(`fetching the rest of ${batch.length} pull request(s) with long histories`);
    const { operation, variables } = overflowOperation(batch);
    const result = await client.request<OverflowData>(operation, { owner: repo.owner, name: repo.name, ...variables });
    warnings.push(...result.warnings);
    batch.forEach((need, i) => {
      const pull = pulls.get(need.number);
      const raw = result.data.repository?.[`p${i}`];
      if (!pull || !raw) {
        warnings.push(`the rest of pull request #${need.number} could not be fetched: its commits, reviews or checks may be incomplete`);
        return;
      }
      const next = apply(pull, raw, need, warnings);
      if (next) queue.push(next);
    });
  }
  return warnings;
}

function apply(pull: GitHubPull, raw: RawOverflowPull, asked: OverflowNeed, warnings: string[]): OverflowNeed | null {
  const next: OverflowNeed = { number: pull.number };
  const more = (conn: RawConnection<unknown> | null | undefined): string | undefined =>
    conn?.pageInfo.hasNextPage && conn.pageInfo.endCursor ? conn.pageInfo.endCursor : undefined;
  if (asked.commits !== undefined) {
    pull.commits.push(...mapCommits(raw.commits?.nodes));
    next.commits = guard(more(raw.commits), asked.commits);
  }
  if (asked.reviews !== undefined) {
    pull.reviews.push(...mapReviews(raw.reviews?.nodes));
    next.reviews = guard(more(raw.reviews), asked.reviews);
  }
  if (asked.timeline !== undefined) {
    pull.events.push(...mapEvents(raw.timelineItems?.nodes));
    next.timeline = guard(more(raw.timelineItems), asked.timeline);
  }
  if (asked.comments !== undefined) {
    const comments = mapComments(raw.comments?.nodes);
    pull.comments.push(...comments);
    next.comments = hasCountingComment(pull, comments) ? undefined : guard(more(raw.comments), asked.comments);
  }
  if (asked.checks) {
    const { checks, truncated } = mapChecks(raw.headCommit);
    pull.checks = checks;
    if (truncated) warnings.push(`pull request #${pull.number} has more check runs than flowaudit reads (${checks.length}): its CI figures use those`);
  }
  settlePull(pull);
  return isEmpty(next) ? null : prune(next);
}

/** A cursor that did not move would loop forever: stop that list instead. */
function guard(next: string | undefined, previous: string): string | undefined {
  return next !== undefined && next !== previous ? next : undefined;
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
