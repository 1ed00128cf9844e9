/**
 * A pull request's review events (SPEC section 2) from its GitHub history. Pure: plain data in, plain data out.
 *
 * T2 ready: creation, or the first ready-for-review event when it was opened as a draft.
 * T4 first review: the first submitted review (any state but PENDING) or PR comment by a human who is not the
 *    author, at or after T2 and not after the merge.
 * T5 approved: the first moment the non-author approvals (each reviewer's latest say) reach the required
 *    count with no CHANGES_REQUESTED outstanding; a later APPROVED or DISMISSED by that reviewer clears it.
 * Reviews before T2 (while a draft) and after the merge count for neither, so T2 ≤ T4 ≤ T5 ≤ T7 by
 * construction. Bots' reviews and comments never count.
 */
import type { GitHubPull } from '../sources/github/types.js';

export interface PullEventOptions {
  /** approvals needed (default 1) */
  requiredApprovals?: number;
  /** extra bot test on a login (the configurable pattern); GitHub's `Bot` type and `[bot]` logins always are */
  isBot?: (login: string) => boolean;
}

export interface PullRework {
  /** commits authored after the first review (author dates survive rebase, so this dates the work) */
  commitsAfterFirstReview: number;
  forcePushesAfterFirstReview: number;
  /** a reviewer asked for changes */
  changesRequested: boolean;
}

export interface PullEvents {
  /** T2, epoch s */
  readyAt: number;
  /** T4, epoch s; null when no human reviewed before the merge */
  firstReviewAt: number | null;
  /** T5, epoch s; null when never approved before the merge */
  approvedAt: number | null;
  /** sorted; any of unreviewed, unapproved, was-draft, changes-requested, commits-after-approval, force-push-after-approval */
  flags: string[];
  rework: PullRework;
}

interface Say {
  reviewer: string;
  state: string;
  at: number;
}

/** What the events are read from: a merged pull request, or an open one with `mergedAt` standing for now. */
export type PullHistory = Pick<GitHubPull, 'author' | 'createdAt' | 'mergedAt' | 'wasDraft' | 'events' | 'reviews' | 'comments' | 'commits'>;

export function pullEvents(pull: PullHistory, options: PullEventOptions = {}): PullEvents {
  const required = Math.max(1, Math.floor(options.requiredApprovals ?? 1));
  const author = pull.author.toLowerCase();
  const counts = (login: string, isBotType: boolean): boolean =>
    !isBotType && !/\[bot\]$/i.test(login) && !(options.isBot?.(login) ?? false) && login.toLowerCase() !== author;

  const firstReady = pull.events.filter((e) => e.type === 'ready').reduce<number | null>((min, e) => (min === null || e.at < min ? e.at : min), null);
  const readyAt = pull.wasDraft && firstReady !== null ? firstReady : pull.createdAt;
  const inRange = (at: number): boolean => at >= readyAt && at <= pull.mergedAt;

  const says: Say[] = [];
  for (const review of pull.reviews) {
    if (review.state === 'PENDING' || review.submittedAt === null) continue;
    if (!counts(review.author, review.authorIsBot) || !inRange(review.submittedAt)) continue;
    says.push({ reviewer: review.author.toLowerCase(), state: review.state, at: review.submittedAt });
  }
  // stable: reviews submitted in the same second keep GitHub's order
  says.sort((a, b) => a.at - b.at);
  const commentTimes = pull.comments.filter((c) => counts(c.author, c.authorIsBot) && inRange(c.createdAt)).map((c) => c.createdAt);
  const firstReviewAt = minOf([...says.map((s) => s.at), ...commentTimes]);
  const approvedAt = approvalTime(says, required);

  const rework: PullRework = {
    commitsAfterFirstReview: firstReviewAt === null ? 0 : pull.commits.filter((c) => c.authoredAt > firstReviewAt).length,
    forcePushesAfterFirstReview: firstReviewAt === null ? 0 : pull.events.filter((e) => e.type === 'forcePush' && e.at > firstReviewAt).length,
    changesRequested: says.some((s) => s.state === 'CHANGES_REQUESTED'),
  };

  const flags: string[] = [];
  if (firstReviewAt === null) flags.push('unreviewed');
  else if (approvedAt === null) flags.push('unapproved');
  if (pull.wasDraft) flags.push('was-draft');
  if (rework.changesRequested) flags.push('changes-requested');
  if (approvedAt !== null) {
    if (pull.commits.some((c) => c.authoredAt > approvedAt && c.authoredAt <= pull.mergedAt)) flags.push('commits-after-approval');
    if (pull.events.some((e) => e.type === 'forcePush' && e.at > approvedAt && e.at <= pull.mergedAt)) flags.push('force-push-after-approval');
  }
  return { readyAt, firstReviewAt, approvedAt, flags: flags.sort(), rework };
}

/** The first moment `required` reviewers' latest say is APPROVED and none is CHANGES_REQUESTED. */
function approvalTime(says: Say[], required: number): number | null {
  const latest = new Map<string, 'approved' | 'blocking'>();
  for (const say of says) {
    if (say.state === 'APPROVED') latest.set(say.reviewer, 'approved');
    else if (say.state === 'CHANGES_REQUESTED') latest.set(say.reviewer, 'blocking');
    else if (say.state === 'DISMISSED') latest.delete(say.reviewer);
    // COMMENTED changes nobody's say: a comment after an approval does not take it back
    else continue;
    const values = [...latest.values()];
    if (!values.includes('blocking') && values.filter((v) => v === 'approved').length >= required) return say.at;
  }
  return null;
}

function minOf(values: number[]): number | null {
  let min: number | null = null;
  for (const v of values) if (min === null || v < min) min = v;
  return min;
}
