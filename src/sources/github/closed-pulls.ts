/**
 * The pull requests closed without merging, at the boundary: their raw shape mapped to the domain's, and which of
 * the cached ones still stand after a run (one merged or reopened since is no longer closed).
 */
import { actor, Gaps, labelsOf, mapComments, mapReviews, numberOf, present, seconds, text } from './map.js';
import type { RawClosedPull } from './queries.js';
import type { GitHubClosedPull } from './types.js';

/**
 * Text kept of a description or a commit message: its first and last few KB. A description may be 65,000
 * characters; what names an AI tool is at its start (a session link) or its end (a footer such as "🤖 Generated
 * with [Claude Code]"), so the middle is what is dropped.
 */
export const KEPT_TEXT = { head: 3072, tail: 1024 } as const;

/** `value`'s first and last few KB, joined by a line that says the middle was cut; the whole when shorter. */
export function keptText(value: string): string {
  if (value.length <= KEPT_TEXT.head + KEPT_TEXT.tail) return value;
  return `${value.slice(0, KEPT_TEXT.head)}\n…\n${value.slice(-KEPT_TEXT.tail)}`;
}

/**
 * A closed pull request in domain form; null when GitHub's answer lacks what identifies it (its number, or its
 * open and close times). Lists sent as null are counted in `gaps`.
 */
export function mapClosedPull(raw: RawClosedPull, gaps: Gaps = new Gaps()): GitHubClosedPull | null {
  const number = numberOf(raw.number);
  const createdAt = seconds(raw.createdAt);
  const closedAt = seconds(raw.closedAt);
  if (number === null || createdAt === null || closedAt === null) return null;
  const author = actor(raw.author);
  const reviews = raw.reviews ?? null;
  const comments = raw.comments ?? null;
  const closing = present(raw.closedEvent?.nodes).filter((n) => n.__typename === 'ClosedEvent').at(-1);
  return {
    number,
    title: text(raw.title),
    url: text(raw.url),
    author: author.login,
    authorIsBot: author.isBot,
    createdAt,
    updatedAt: seconds(raw.updatedAt) ?? closedAt,
    closedAt,
    isDraft: raw.isDraft === true,
    headRefName: text(raw.headRefName),
    labels: labelsOf(raw),
    body: keptText(text(raw.body)),
    commitMessages: present(raw.commits?.nodes).map((n) => keptText(text(n.commit?.message))).filter((m) => m !== ''),
    reviews: mapReviews(gaps.nodes(reviews, 'closed pull request reviews')),
    comments: mapComments(gaps.nodes(comments, 'closed pull request comments')),
    truncated: reviews?.pageInfo?.hasNextPage === true || comments?.pageInfo?.hasNextPage === true,
    // a deleted account closed it: GitHub sends no actor, as it does for a deleted author
    closedBy: closing === undefined ? null : actor(closing.actor),
  };
}

/**
 * The closed pull requests the cache holds after a run: the cached ones, then this run's in their place, less
 * those that are no longer closed — merged since (`merged`), or reopened and open now (`open`). One reopened and
 * closed again was updated, so this run read it anew.
 */
export function standingClosed(
  cached: readonly GitHubClosedPull[],
  fetched: ReadonlyMap<number, GitHubClosedPull>,
  notClosed: { merged: ReadonlySet<number>; open: ReadonlySet<number> },
): GitHubClosedPull[] {
  const byNumber = new Map<number, GitHubClosedPull>();
  for (const pull of cached) byNumber.set(pull.number, pull);
  for (const [number, pull] of fetched) byNumber.set(number, pull);
  return [...byNumber.values()].filter((p) => !notClosed.merged.has(p.number) && !notClosed.open.has(p.number));
}
