import type { Commit } from '../domain.js';

/** A pull request's commits read from `refs/pull/N/head` and not on the tracked branch, merges of it left out. */
export interface PullCommits {
  /**
   * its commits that are on no release line and behind no release tag, or every one when all are: what the
   * change can own, and what a copy or a revert may name (see `pullRefCommits`)
   */
  commits: Commit[];
  /** commits on the tracked branch where the pull request's history left it */
  forkPoints: string[];
  /** its release commits were left out of `commits` */
  releaseLeftOut: boolean;
  /** every commit of it, release ones included, in the order of `commits`: walked again, as seldom needed */
  withRelease(): Commit[];
}

/**
 * Splits commits read from `refs/pull/N/head` (and not on the tracked branch) by pull request: each PR's
 * commits are those reachable from its head among them. Merges of the tracked branch into the PR (a parent
 * on it, so not among the commits read) are not its work and do not move its fork point. A pull request
 * based on a release line reaches that line's history down to where it left the tracked branch: thousands
 * of release commits in each such pull request of a large repository (2.1 million in rails'), which no
 * figure reads unless they are all it has, so they are not held. Pure.
 */
export function splitPullCommits(heads: Map<number, string>, commits: Map<string, Commit>, isRelease: (sha: string) => boolean): Map<number, PullCommits> {
  const result = new Map<number, PullCommits>();
  for (const [number, head] of heads) {
    const { own, forkPoints } = walkPull(head, commits);
    if (own.length === 0) continue;
    const kept = own.filter((c) => !isRelease(c.sha));
    const releaseLeftOut = kept.length > 0 && kept.length < own.length;
    // at their final length: grown by push, a list held a third more room than commits
    result.set(number, {
      commits: (releaseLeftOut ? kept : own).slice(),
      forkPoints: forkPoints.slice(),
      releaseLeftOut,
      withRelease: () => walkPull(head, commits).own,
    });
  }
  return result;
}

/** The commits a pull request's head reaches among `commits`, and where its first-parent line leaves them. */
function walkPull(head: string, commits: Map<string, Commit>): { own: Commit[]; forkPoints: string[] } {
  const own: Commit[] = [];
  const forkPoints: string[] = [];
  const seen = new Set<string>();
  // side by side: each sha waiting, and whether it was reached through first parents (no pair made for each;
  // 39,000 pull refs are walked on the release bench case)
  const shas = [head];
  const viaFirstParents = [true];
  while (shas.length > 0) {
    const sha = shas.pop() as string;
    const viaFirstParent = viaFirstParents.pop() as boolean;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const commit = commits.get(sha);
    if (!commit) {
      if (viaFirstParent) forkPoints.push(sha);
      continue;
    }
    // a merge with a parent off the pull ref's commits brings the tracked branch in: not the PR's work
    if (commit.parents.length < 2 || commit.parents.every((parent) => commits.has(parent))) own.push(commit);
    for (let i = 0; i < commit.parents.length; i++) {
      shas.push(commit.parents[i] as string);
      viaFirstParents.push(i === 0);
    }
  }
  return { own, forkPoints };
}
