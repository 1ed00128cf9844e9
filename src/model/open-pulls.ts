import type { OpenPull } from '../domain.js';
import type { GitHubOpenPull } from '../sources/github/types.js';
import type { Tester } from '../patterns.js';
import { isBot } from './bots.js';
import { pullEvents } from './pull-events.js';

/**
 * A pull request open at `now`, in domain form, with where its review stands (T2, T4, T5 by the same rules as
 * a merged one's, up to now), so the queues can place it in pickup, review or merge wait. Pure.
 */
export function toOpenPull(pull: GitHubOpenPull, now: number, options: { requiredApprovals: number; botPattern: Tester | null }): OpenPull {
  const bot = (login: string): boolean => isBot(login, '', options.botPattern);
  const author = pull.author.toLowerCase();
  const events = pull.isDraft
    ? null
    : pullEvents({ ...pull, mergedAt: now, commits: [] }, { requiredApprovals: options.requiredApprovals, isBot: bot });
  const reviewedAt = pull.reviews
    .filter((r) => r.state !== 'PENDING' && r.submittedAt !== null && r.submittedAt <= now)
    .filter((r) => !r.authorIsBot && !bot(r.author) && r.author.toLowerCase() !== author)
    .map((r) => r.submittedAt as number)
    .sort((a, b) => a - b);
  return {
    number: pull.number,
    title: pull.title,
    url: /^https?:\/\//.test(pull.url) ? pull.url : null,
    author: pull.author,
    bot: pull.authorIsBot || bot(pull.author),
    createdAt: pull.createdAt,
    isDraft: pull.isDraft,
    events: {
      readyAt: events?.readyAt ?? null,
      firstReviewAt: events?.firstReviewAt ?? null,
      approvedAt: events?.approvedAt ?? null,
      reviewedAt,
    },
  };
}
