import type { ChangeChecks, ChangeReview } from '../domain.js';
import type { GitHubCheck, GitHubPull } from '../sources/github/types.js';
import type { PullRework } from './pull-events.js';

const isBotLogin = (login: string, isBot: boolean): boolean => isBot || /\[bot\]$/i.test(login);

/**
 * Reduces a merged pull request's reviews, comments and checks to what the flow figures read (SPEC section 5),
 * so the figures are a function of the changes alone and a JSON report carries everything an aggregate
 * needs. `readyAt` is T2: the first reviewer is whoever spoke first between it and the merge. Pure.
 */
export function reviewOf(pull: GitHubPull, readyAt: number, rework: PullRework): ChangeReview {
  const author = pull.author.toLowerCase();
  const human = (login: string, bot: boolean): boolean => !isBotLogin(login, bot) && login.toLowerCase() !== author;
  // in time order (a stable sort: GitHub's order among reviews of one second), so the times and logins pair up
  const submitted = pull.reviews
    .filter((r) => r.state !== 'PENDING' && r.submittedAt !== null && human(r.author, r.authorIsBot))
    .sort((a, b) => (a.submittedAt as number) - (b.submittedAt as number));
  const counts = new Map<string, number>();
  for (const r of submitted) counts.set(r.author.toLowerCase(), (counts.get(r.author.toLowerCase()) ?? 0) + 1);
  const humanComments = pull.comments.filter((c) => human(c.author, c.authorIsBot));
  let first: { who: string; at: number } | null = null;
  for (const say of [
    ...submitted.map((r) => ({ who: r.author.toLowerCase(), at: r.submittedAt as number })),
    ...humanComments.map((c) => ({ who: c.author.toLowerCase(), at: c.createdAt })),
  ]) {
    if (say.at >= readyAt && say.at <= pull.mergedAt && (first === null || say.at < first.at)) first = say;
  }
  return {
    reviewers: [...counts].map(([login, reviews]) => ({ login, reviews })).sort((a, b) => b.reviews - a.reviews || a.login.localeCompare(b.login)),
    reviewedAt: submitted.map((r) => r.submittedAt as number),
    reviewedBy: submitted.map((r) => r.author.toLowerCase()),
    firstReviewer: first?.who ?? null,
    comments: humanComments.length + submitted.filter((r) => r.state === 'COMMENTED' || r.state === 'CHANGES_REQUESTED').length,
    commitsAfterFirstReview: rework.commitsAfterFirstReview,
    forcePushesAfterFirstReview: rework.forcePushesAfterFirstReview,
    changesRequested: rework.changesRequested,
    checks: checksOf(pull.checks),
  };
}

/** Wall time, last completion and flaky names of the check runs on one commit; null when there are none. */
export function checksOf(checks: readonly GitHubCheck[]): ChangeChecks | null {
  if (checks.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const c of checks) {
    if (c.startedAt !== null && c.startedAt < start) start = c.startedAt;
    if (c.completedAt !== null && c.completedAt > end) end = c.completedAt;
  }
  const byName = new Map<string, Array<{ conclusion: string; order: number; index: number }>>();
  checks.forEach((c, index) => {
    const runs = byName.get(c.name) ?? [];
    runs.push({ conclusion: (c.conclusion ?? '').toUpperCase(), order: c.completedAt ?? c.startedAt ?? Number.POSITIVE_INFINITY, index });
    byName.set(c.name, runs);
  });
  const flaky: string[] = [];
  for (const [name, runs] of byName) {
    runs.sort((a, b) => a.order - b.order || a.index - b.index);
    const firstFailure = runs.findIndex((r) => r.conclusion === 'FAILURE');
    if (firstFailure !== -1 && runs.slice(firstFailure + 1).some((r) => r.conclusion === 'SUCCESS')) flaky.push(name);
  }
  return {
    wallTime: start === Infinity || end === -Infinity ? null : Math.max(0, end - start),
    lastCompletedAt: end === -Infinity ? null : end,
    names: [...byName.keys()],
    flaky,
  };
}
